import type { Node, NodeType } from 'jsonc-parser';
import { strictJsonTree } from './strict-tree';

/**
 * A strict-JSON config file cut into its parts without building the accounts: the tree and value of everything
 * around `accounts`, and where each element of `accounts` starts and ends. Analysis then parses one account at a time
 * and drops its tree when done, so a large file never holds all its trees at once (their survival through
 * garbage collections is what made the cost of a whole-file tree grow faster than the file), and an edit inside one
 * account re-parses only that account.
 */
export interface Layout {
	/** The root object; `accounts` is an array node whose children are childless placeholders, one per element. */
	root: Node;
	/** Those placeholders: where each element of `accounts` starts and ends, and the kind of value it is. */
	accounts: readonly Node[];
	/** The root value with `accounts` as an array of nulls of the right length (the file schema reads only that). */
	value: Record<string, unknown>;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isSpace(c: number): boolean {
	return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

function skipSpace(text: string, i: number): number {
	while (isSpace(text.charCodeAt(i))) i++;
	return i;
}

/**
 * The index after the string that starts at `i` (a quote), or -1 when it is not closed. Strings are most of a
 * config's characters: the native search for the next quote skips them several times faster than a character loop,
 * and a quote preceded by an odd number of backslashes is escaped.
 */
function skipString(text: string, i: number): number {
	for (let q = text.indexOf('"', i + 1); q >= 0; q = text.indexOf('"', q + 1)) {
		let b = q - 1;
		while (text.charCodeAt(b) === BACKSLASH) b--;
		if ((q - b) % 2 === 1) return q + 1;
	}
	return -1;
}

/**
 * The index after the value that starts at `i`, or -1 when it is not closed or nests deeper than `maxDepth`. It only
 * matches brackets and skips strings: whether the value is JSON is JSON.parse's job on the slice.
 */
export function skipValue(text: string, i: number, maxDepth: number): number {
	const first = text.charCodeAt(i);
	if (first === QUOTE) return skipString(text, i);
	if (first !== 0x7b && first !== 0x5b) {
		const start = i;
		for (
			let c = first;
			i < text.length && !isSpace(c) && c !== 0x2c && c !== 0x5d && c !== 0x7d;
			c = text.charCodeAt(++i)
		);
		return i > start ? i : -1;
	}
	let depth = 0;
	for (; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === QUOTE) {
			i = skipString(text, i) - 1;
			if (i < 0) return -1;
		} else if (c === 0x7b || c === 0x5b) {
			if (++depth > maxDepth) return -1;
		} else if (c === 0x7d || c === 0x5d) {
			if (--depth === 0) return i + 1;
		}
	}
	return -1;
}

const PLACEHOLDER_TYPES: Readonly<Record<string, NodeType>> = {
	'{': 'object',
	'[': 'array',
	'"': 'string',
	t: 'boolean',
	f: 'boolean',
	n: 'null',
};

/**
 * The layout of `text` when it is a root object with one `accounts` array and, apart from the accounts, strict JSON
 * within `maxDepth`; undefined otherwise (other shapes take the whole-file path). The accounts themselves are not
 * checked here: each must pass JSON.parse on its slice before the file counts as strict JSON.
 */
export function strictLayout(text: string, maxDepth: number): Layout | undefined {
	let i = skipSpace(text, 0);
	if (text.charCodeAt(i) !== 0x7b) return undefined;
	let open = -1;
	let close = -1;
	const offsets: number[] = [];
	const lengths: number[] = [];
	i = skipSpace(text, i + 1);
	while (i < text.length && text.charCodeAt(i) !== 0x7d) {
		const keyEnd = skipString(text, i);
		if (text.charCodeAt(i) !== QUOTE || keyEnd < 0) return undefined;
		const raw = text.slice(i + 1, keyEnd - 1);
		let key: unknown = raw;
		if (raw.includes('\\')) {
			try {
				key = JSON.parse(text.slice(i, keyEnd));
			} catch {
				return undefined;
			}
		}
		i = skipSpace(text, keyEnd);
		if (text.charCodeAt(i) !== 0x3a) return undefined;
		i = skipSpace(text, i + 1);
		if (key === 'accounts') {
			// A second `accounts` would hide the first from JSON.parse but not from this scan: whole-file path.
			if (open >= 0 || text.charCodeAt(i) !== 0x5b) return undefined;
			open = i;
			i = skipSpace(text, i + 1);
			while (text.charCodeAt(i) !== 0x5d) {
				const end = skipValue(text, i, maxDepth - 2);
				if (end < 0) return undefined;
				offsets.push(i);
				lengths.push(end - i);
				i = skipSpace(text, end);
				if (text.charCodeAt(i) === 0x2c) {
					i = skipSpace(text, i + 1);
					if (text.charCodeAt(i) === 0x5d) return undefined;
				} else if (text.charCodeAt(i) !== 0x5d) {
					return undefined;
				}
			}
			close = i;
			i++;
		} else {
			i = skipValue(text, i, maxDepth - 1);
			if (i < 0) return undefined;
		}
		i = skipSpace(text, i);
		if (text.charCodeAt(i) === 0x2c) i = skipSpace(text, i + 1);
	}
	if (open < 0) return undefined;
	// Everything but the accounts, with an empty array in their place: small, and JSON.parse validates it.
	const skeleton = text.slice(0, open + 1) + text.slice(close);
	let value: Record<string, unknown>;
	try {
		value = JSON.parse(skeleton) as Record<string, unknown>;
	} catch {
		return undefined;
	}
	const root = strictJsonTree(skeleton, maxDepth);
	if (!root) return undefined;
	value.accounts = offsets.map(() => null);
	const accountsNode = widen(root, open, close - open - 1) as { children?: Node[] } | undefined;
	if (!accountsNode) return undefined;
	const accounts = offsets.map((offset, k) => ({
		type: PLACEHOLDER_TYPES[text[offset]!] ?? 'number',
		offset,
		length: lengths[k]!,
		parent: accountsNode as Node,
	}));
	accountsNode.children = accounts;
	return { root, accounts, value };
}

/**
 * Puts `removed` characters back after `open` into a tree of the skeleton: nodes after the gap move, nodes around it
 * grow. Returns the node that starts at `open` (the accounts array).
 */
function widen(root: Node, open: number, removed: number): Node | undefined {
	let found: Node | undefined;
	const visit = (node: Node): void => {
		const mutable = node as { offset: number; length: number; colonOffset?: number };
		if (node.offset > open) {
			mutable.offset += removed;
			if (mutable.colonOffset !== undefined) mutable.colonOffset += removed;
		} else if (node.offset + node.length > open + 1) {
			mutable.length += removed;
			if (mutable.colonOffset !== undefined && mutable.colonOffset > open) mutable.colonOffset += removed;
		}
		if (node.offset === open && node.type === 'array') found = node;
		for (const child of node.children ?? []) visit(child);
	};
	visit(root);
	return found;
}

/**
 * After an edit of `delta` characters at `from` inside one account: moves every node after `from` and grows the
 * nodes around it, in place (the layout belongs to the text before the edit, which is no longer needed).
 */
export function shiftLayout(layout: Layout, from: number, delta: number): void {
	const visit = (node: Node): void => {
		const mutable = node as { offset: number; length: number; colonOffset?: number };
		if (node.offset >= from) {
			mutable.offset += delta;
			if (mutable.colonOffset !== undefined) mutable.colonOffset += delta;
		} else if (node.offset + node.length > from) {
			mutable.length += delta;
		}
		for (const child of node.children ?? []) visit(child);
	};
	visit(layout.root);
}
