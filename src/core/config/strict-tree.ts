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

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
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
	let i = start;
	let depth = 0;
	/**
	 * Children of the objects and arrays being built, innermost last; each container takes its own off the end,
	 * so its `children` array is allocated once at its exact size instead of growing.
	 */
	const pending: MutableNode[] = [];

	const skipSpace = (): void => {
		for (let c = text.charCodeAt(i); c === SPACE || c === LF || c === TAB || c === CR; c = text.charCodeAt(++i));
	};

	/** The string starting at `i` (a quote); leaves `i` after its closing quote. */
	const string = (): string => {
		const start = i;
		let escaped = false;
		for (i++; i < text.length; i++) {
			const c = text.charCodeAt(i);
			if (c === QUOTE) break;
			if (c === BACKSLASH) {
				escaped = true;
				i++;
			}
		}
		i++;
		return escaped ? (JSON.parse(text.slice(start, i)) as string) : text.slice(start + 1, i - 1);
	};

	const value = (parent: MutableNode | undefined): MutableNode => {
		const offset = i;
		switch (text.charCodeAt(i)) {
			case OPEN_BRACE: {
				if (++depth > maxDepth) throw TOO_DEEP;
				const node: MutableNode = { type: 'object', offset, length: -1, parent, children: undefined };
				const first = pending.length;
				i++;
				skipSpace();
				while (i < text.length && text.charCodeAt(i) !== CLOSE_BRACE) {
					const keyOffset = i;
					const key = string();
					const keyLength = i - keyOffset;
					skipSpace();
					// All fields in the literal, so every property node shares one hidden class and allocates once.
					const property: MutableNode = {
						type: 'property',
						offset: keyOffset,
						length: -1,
						parent: node,
						children: undefined,
						colonOffset: i,
					};
					const keyNode: MutableNode = {
						type: 'string',
						value: key,
						offset: keyOffset,
						length: keyLength,
						parent: property,
					};
					i++;
					skipSpace();
					const child = value(property);
					property.children = [keyNode, child];
					property.length = child.offset + child.length - keyOffset;
					pending.push(property);
					skipSpace();
					if (text.charCodeAt(i) === COMMA) {
						i++;
						skipSpace();
					}
				}
				i++;
				depth--;
				node.length = i - offset;
				node.children = pending.splice(first);
				return node;
			}
			case OPEN_BRACKET: {
				if (++depth > maxDepth) throw TOO_DEEP;
				const node: MutableNode = { type: 'array', offset, length: -1, parent, children: undefined };
				const first = pending.length;
				i++;
				skipSpace();
				while (i < text.length && text.charCodeAt(i) !== CLOSE_BRACKET) {
					pending.push(value(node));
					skipSpace();
					if (text.charCodeAt(i) === COMMA) {
						i++;
						skipSpace();
					}
				}
				i++;
				depth--;
				node.length = i - offset;
				node.children = pending.splice(first);
				return node;
			}
			case QUOTE: {
				const s = string();
				return { type: 'string', offset, length: i - offset, parent, value: s };
			}
			case 0x74 /* t */:
				i += 4;
				return { type: 'boolean', offset, length: 4, parent, value: true };
			case 0x66 /* f */:
				i += 5;
				return { type: 'boolean', offset, length: 5, parent, value: false };
			case 0x6e /* n */:
				i += 4;
				return { type: 'null', offset, length: 4, parent, value: null };
			default: {
				// -, digits, '.', e/E and signs: everything else ends a number in valid JSON.
				for (
					let c = text.charCodeAt(i);
					(c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e || (c | 0x20) === 0x65;
					c = text.charCodeAt(++i)
				);
				// Only text JSON.parse rejected can get here without a number; stop rather than loop on it.
				if (i === offset) throw new SyntaxError(`strictJsonTree: not strict JSON at offset ${offset}`);
				return { type: 'number', offset, length: i - offset, parent, value: Number(text.slice(offset, i)) };
			}
		}
	};

	skipSpace();
	try {
		const root = value(undefined);
		delete root.parent;
		return root as Node;
	} catch (error) {
		if (error === TOO_DEEP) return undefined;
		throw error;
	}
}
