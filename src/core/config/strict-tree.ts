import type { Node, NodeType } from 'jsonc-parser';

/** jsonc-parser declares its nodes read-only; while building, the parent's length and children are filled in. */
interface MutableNode {
	type: NodeType;
	value?: unknown;
	offset: number;
	length: number;
	colonOffset?: number;
	parent?: MutableNode | undefined;
	children?: MutableNode[];
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** Thrown inside the builder only, to unwind the recursion at once. */
const TOO_DEEP = Symbol('too deep');

/**
 * The same tree as jsonc-parser's `parseTree` (node shapes, offsets, lengths, `colonOffset`, parents, and no
 * `parent` on the root), for text that `JSON.parse` has already accepted: strict JSON has no comments, trailing
 * commas or errors, so one tight character loop does without the scanner tokens and visitor callbacks that make up
 * most of the general parser's time. Undefined when objects and arrays nest deeper than `maxDepth`, which also
 * bounds the recursion. Other text is not its job: it ends (with a SyntaxError or a meaningless tree) but says nothing
 * useful about it. `start`: where the value begins (offsets stay those of `text`), to build the tree of one part.
 */
export function strictJsonTree(text: string, maxDepth: number, start = 0): Node | undefined {
	try {
		const root = value(text, skipSpace(text, start), undefined, maxDepth);
		delete root.parent;
		return root as Node;
	} catch (error) {
		if (error === TOO_DEEP) return undefined;
		throw error;
	}
}

// Plain functions that take and return offsets: the position is a local in each, where closures over one shared
// position variable (the first version) read and wrote it through their context on every character.

function skipSpace(text: string, i: number): number {
	let c = text.charCodeAt(i);
	while (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) c = text.charCodeAt(++i);
	return i;
}

/** The index after the string that starts at `i` (a quote). */
function stringEnd(text: string, i: number): number {
	for (i++; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === QUOTE) return i + 1;
		if (c === BACKSLASH) i++;
	}
	return i + 1;
}

function stringValue(text: string, start: number, end: number): string {
	const raw = text.slice(start + 1, end - 1);
	return raw.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : raw;
}

/** The value starting at `i`; its end is `offset + length`. `depth`: how many more objects or arrays may nest. */
function value(text: string, i: number, parent: MutableNode | undefined, depth: number): MutableNode {
	const c = text.charCodeAt(i);
	if (c === QUOTE) {
		const end = stringEnd(text, i);
		return { type: 'string', offset: i, length: end - i, parent, value: stringValue(text, i, end) };
	}
	if (c === OPEN_BRACE) {
		if (depth <= 0) throw TOO_DEEP;
		const node: MutableNode = { type: 'object', offset: i, length: -1, parent, children: undefined };
		const children: MutableNode[] = [];
		let p = skipSpace(text, i + 1);
		while (p < text.length && text.charCodeAt(p) !== CLOSE_BRACE) {
			const keyEnd = stringEnd(text, p);
			const colon = skipSpace(text, keyEnd);
			// All fields in the literal, so every property node shares one hidden class and allocates once.
			const property: MutableNode = {
				type: 'property',
				offset: p,
				length: -1,
				parent: node,
				children: undefined,
				colonOffset: colon,
			};
			const key: MutableNode = {
				type: 'string',
				value: stringValue(text, p, keyEnd),
				offset: p,
				length: keyEnd - p,
				parent: property,
			};
			const child = value(text, skipSpace(text, colon + 1), property, depth - 1);
			const end = child.offset + child.length;
			property.children = [key, child];
			property.length = end - p;
			children.push(property);
			p = skipSpace(text, end);
			if (text.charCodeAt(p) === COMMA) p = skipSpace(text, p + 1);
		}
		node.length = p + 1 - i;
		node.children = children;
		return node;
	}
	if (c === OPEN_BRACKET) {
		if (depth <= 0) throw TOO_DEEP;
		const node: MutableNode = { type: 'array', offset: i, length: -1, parent, children: undefined };
		const children: MutableNode[] = [];
		let p = skipSpace(text, i + 1);
		while (p < text.length && text.charCodeAt(p) !== CLOSE_BRACKET) {
			const child = value(text, p, node, depth - 1);
			children.push(child);
			p = skipSpace(text, child.offset + child.length);
			if (text.charCodeAt(p) === COMMA) p = skipSpace(text, p + 1);
		}
		node.length = p + 1 - i;
		node.children = children;
		return node;
	}
	if (c === 0x74 /* t */) return { type: 'boolean', offset: i, length: 4, parent, value: true };
	if (c === 0x66 /* f */) return { type: 'boolean', offset: i, length: 5, parent, value: false };
	if (c === 0x6e /* n */) return { type: 'null', offset: i, length: 4, parent, value: null };
	// -, digits, '.', e/E and signs: everything else ends a number in valid JSON.
	let end = i;
	for (
		let d = c;
		(d >= 0x30 && d <= 0x39) || d === 0x2d || d === 0x2b || d === 0x2e || (d | 0x20) === 0x65;
		d = text.charCodeAt(++end)
	);
	// Only text JSON.parse rejected can get here without a number; stop rather than loop on it.
	if (end === i) throw new SyntaxError(`strictJsonTree: not strict JSON at offset ${i}`);
	return { type: 'number', offset: i, length: end - i, parent, value: Number(text.slice(i, end)) };
}
