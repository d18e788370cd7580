import { type Node, type ParseError, parseTree, printParseErrorCode, getNodeValue } from 'jsonc-parser';
import { strictJsonTree } from './strict-tree';

/** A config file parsed once: the tree for locating findings, the value for rules, and the syntax errors. */
export interface ParsedConfig {
	text: string;
	root: Node | undefined;
	/** The whole value; undefined when the text is not JSON at all. */
	value: unknown;
	syntaxErrors: { offset: number; length: number; code: string }[];
	/** Each element of `accounts`, with its node so rules can point at exact properties. */
	accounts: { index: number; node: Node; value: unknown }[];
}

/** Deeper than any real config; the recursive parser would overflow the stack long before 10 000 levels. */
export const MAX_NESTING = 64;

const LF = 0x0a;
const CR = 0x0d;

/**
 * Offset of the bracket that opens level `limit + 1`, or -1. A plain character loop (strings and comments skipped,
 * no recursion, no tokens allocated), because it runs over every text before the recursive parser may see it.
 * It ends strings and line comments exactly where jsonc-parser's scanner does: at `\n` or `\r` (so also `\r\n`),
 * but not at U+2028/U+2029, which that scanner keeps inside both. Anything else would let a comment or string hide
 * brackets from this guard that the parser then descends into.
 */
export function findExcessiveNesting(text: string, limit = MAX_NESTING): number {
	let depth = 0;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		if (ch === 0x22 /* " */) {
			for (i++; i < text.length; i++) {
				const c = text.charCodeAt(i);
				if (c === 0x5c /* \ */) i++;
				else if (c === 0x22 || c === LF || c === CR) break;
			}
		} else if (ch === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
			for (i += 2; i < text.length; i++) {
				const c = text.charCodeAt(i);
				if (c === LF || c === CR) break;
			}
		} else if (ch === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
			const close = text.indexOf('*/', i + 2);
			i = close < 0 ? text.length : close + 1;
		} else if (ch === 0x7b /* { */ || ch === 0x5b /* [ */) {
			if (++depth > limit) return i;
		} else if ((ch === 0x7d || ch === 0x5d) && depth > 0) {
			// } or ]
			depth--;
		}
	}
	return -1;
}

/**
 * Parses JSON with comments and trailing commas (JSONC), as VS Code's JSON editor accepts them. Text nested deeper
 * than {@link MAX_NESTING} is not parsed at all and reports the syntax error `NestingTooDeep` instead.
 */
export function parseConfig(text: string): ParsedConfig {
	const strict = strictJson(text);
	const strictRoot = strict && strictJsonTree(text, MAX_NESTING);
	if (strict && strictRoot) return withAccounts(text, strictRoot, strict.value, []);
	// Everything else, including strict JSON nested too deeply for the fast tree, takes the general path.
	const tooDeep = findExcessiveNesting(text);
	if (tooDeep >= 0) {
		return {
			text,
			root: undefined,
			value: undefined,
			syntaxErrors: [{ offset: tooDeep, length: 1, code: 'NestingTooDeep' }],
			accounts: [],
		};
	}
	const errors: ParseError[] = [];
	const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
	return withAccounts(text, root, root ? getNodeValue(root) : undefined, errors);
}

function withAccounts(
	text: string,
	root: Node | undefined,
	value: unknown,
	errors: readonly ParseError[],
): ParsedConfig {
	const accountsNode = nodeAt(root, ['accounts']);
	// The value is built once; account values are taken from it rather than rebuilt per account node.
	const accountValues = (value as { accounts?: unknown } | undefined)?.accounts;
	const accounts =
		accountsNode?.type === 'array' && Array.isArray(accountValues)
			? (accountsNode.children ?? []).map((node, index) => ({ index, node, value: accountValues[index] as unknown }))
			: [];
	return {
		text,
		root,
		value,
		syntaxErrors: errors.map((e) => ({ offset: e.offset, length: e.length, code: printParseErrorCode(e.error) })),
		accounts,
	};
}

/**
 * The value of strict JSON, which is what nearly every config is. JSON.parse is an order of magnitude faster than
 * walking the tree and yields the same value (last duplicate key wins in both), and once it has accepted the text
 * the tree can be built without error handling. JSONC with comments or trailing commas, or broken text, makes it
 * throw, and jsonc-parser handles that text.
 */
function strictJson(text: string): { value: unknown } | undefined {
	try {
		return { value: JSON.parse(text) as unknown };
	} catch {
		return undefined;
	}
}

/**
 * The value node at a JSON path below `node` (`['imap', 'port']`), or undefined. For a duplicate key the last
 * property wins, as in JSON.parse and VS Code's JSON language service, so a finding points at the value the rules
 * read (jsonc-parser's findNodeAtLocation takes the first). Rules ask this many times per account, so it is a plain
 * indexed loop without copies.
 */
export function nodeAt(node: Node | undefined, path: readonly (string | number)[]): Node | undefined {
	let current = node;
	for (let i = 0; i < path.length && current; i++) {
		const segment = path[i]!;
		if (typeof segment === 'number') {
			current = current.type === 'array' ? current.children?.[segment] : undefined;
		} else {
			current = current.type === 'object' ? propertyNamed(current, segment)?.children?.[1] : undefined;
		}
	}
	return current;
}

/** The property node named `name` in an object node; the last one for a duplicate key (see {@link nodeAt}). */
export function propertyNamed(object: Node, name: string): Node | undefined {
	const children = object.children;
	if (!children) return undefined;
	for (let k = children.length - 1; k >= 0; k--) {
		const property = children[k]!;
		if (property.children?.length === 2 && property.children[0]!.value === name) return property;
	}
	return undefined;
}

/** The property-name node for a value node, so a finding can underline `"port"` as well as its value. */
export function propertyOf(valueNode: Node | undefined): Node | undefined {
	const parent = valueNode?.parent;
	return parent?.type === 'property' ? parent : undefined;
}
