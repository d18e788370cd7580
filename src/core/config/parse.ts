import {
	type Node,
	type ParseError,
	parseTree,
	printParseErrorCode,
	getNodeValue,
	findNodeAtLocation,
} from 'jsonc-parser';

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

/** Parses JSON with comments and trailing commas (JSONC), as VS Code's JSON editor accepts them. */
export function parseConfig(text: string): ParsedConfig {
	const errors: ParseError[] = [];
	const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
	const accountsNode = root ? findNodeAtLocation(root, ['accounts']) : undefined;
	const accounts =
		accountsNode?.type === 'array'
			? (accountsNode.children ?? []).map((node, index) => ({ index, node, value: getNodeValue(node) as unknown }))
			: [];
	return {
		text,
		root,
		value: root ? (getNodeValue(root) as unknown) : undefined,
		syntaxErrors: errors.map((e) => ({ offset: e.offset, length: e.length, code: printParseErrorCode(e.error) })),
		accounts,
	};
}

/** The node at a JSON path below `node` (`['imap', 'port']`), or undefined. */
export function nodeAt(node: Node | undefined, path: (string | number)[]): Node | undefined {
	return node ? findNodeAtLocation(node, path) : undefined;
}

/** The property-name node for a value node, so a finding can underline `"port"` as well as its value. */
export function propertyOf(valueNode: Node | undefined): Node | undefined {
	const parent = valueNode?.parent;
	return parent?.type === 'property' ? parent : undefined;
}
