/**
 * The seam between other config formats and the rules: an adapter describes each account as mapped values with
 * their spans in the original file, and this module turns that into the same jsonc-parser node tree and value the
 * JSON format yields. Rules locate findings by node offsets, so every finding lands in the user's own file; quick
 * fixes go through {@link SourceEditor}, which asks the adapter how to write a value in its format.
 */
import type { Node, NodeType } from 'jsonc-parser';
import type { ConfigEditor } from '../config/edits';
import type { ParsedConfig } from '../config/parse';
import type { Severity } from '../config/findings';
import type { Localized } from '../i18n';
import { LineIndex, type TextEdit } from '../text/positions';

/** A stretch of the original text (UTF-16 offsets, like the editor's). */
export interface Span {
	offset: number;
	length: number;
}

/** A replacement in the original text, in offsets. */
export interface SpanEdit {
	at: Span;
	text: string;
}

/** How to write another value where a mapped value stands; undefined when the format cannot express it there. */
export type Writer = (value: unknown) => SpanEdit | undefined;

/** One mapped value: its value in our model, where it stands in the source, and how a fix rewrites it. */
export interface Leaf {
	kind: 'leaf';
	value: unknown;
	/** The value's text in the source (inside quotes); a derived value points at the setting it derives from. */
	at: Span;
	/** The setting's name in the source, underlined when a rule points at the key. */
	key?: Span;
	write?: Writer;
}

/** An object of the model (`imap`, `auth`...); `insert` adds a property the source does not have yet. */
export interface Branch {
	kind: 'branch';
	fields: Readonly<Record<string, Leaf | Branch | undefined>>;
	/** The whole block (an msmtp `account`, the lines of a `.env` family); else the union of the fields. */
	at?: Span;
	insert?: (key: string, value: unknown) => SpanEdit | undefined;
}

export function leaf(value: unknown, at: Span, options: { key?: Span; write?: Writer } = {}): Leaf {
	return { kind: 'leaf', value, at, ...options };
}

export function branch(fields: Branch['fields'], options: Omit<Branch, 'kind' | 'fields'> = {}): Branch {
	return { kind: 'branch', fields, ...options };
}

/** A writer that replaces `at` with the text `format` makes of the value (undefined: not expressible). */
export function replacing(at: Span, format: (value: unknown) => string | undefined): Writer {
	return (value) => {
		const text = format(value);
		return text === undefined ? undefined : { at, text };
	};
}

/** Writes numbers and strings as they are: ports, hosts, user names. */
export const plainText = (value: unknown): string | undefined =>
	typeof value === 'number' || typeof value === 'string' ? String(value) : undefined;

/**
 * Several edits as the one edit a writer returns: from the first to the last, with the text between kept. Undefined
 * when there is nothing to change.
 */
export function combine(text: string, edits: readonly SpanEdit[]): SpanEdit | undefined {
	if (edits.length <= 1) return edits[0];
	const sorted = [...edits].sort((a, b) => a.at.offset - b.at.offset);
	let out = '';
	let cursor = sorted[0]!.at.offset;
	for (const edit of sorted) {
		out += text.slice(cursor, edit.at.offset) + edit.text;
		cursor = edit.at.offset + edit.at.length;
	}
	return { at: spanOf(sorted[0]!.at.offset, cursor), text: out };
}

export function spanOf(start: number, end: number): Span {
	return { offset: start, length: Math.max(0, end - start) };
}

function union(spans: readonly Span[]): Span | undefined {
	if (spans.length === 0) return undefined;
	let start = Infinity;
	let end = -Infinity;
	for (const s of spans) {
		start = Math.min(start, s.offset);
		end = Math.max(end, s.offset + s.length);
	}
	return spanOf(start, end);
}

/** jsonc-parser's nodes are read-only to their readers; this module builds them. */
type Building = { -readonly [K in keyof Node]: Node[K] };

function nodeType(value: unknown): NodeType {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	const type = typeof value;
	return type === 'string' || type === 'number' || type === 'boolean' ? type : 'object';
}

/** Quick fixes in the source's own syntax, by asking the adapter's writers attached to the nodes. */
export class SourceEditor implements ConfigEditor {
	private readonly writers = new WeakMap<Node, Writer>();
	private readonly inserters = new WeakMap<Node, NonNullable<Branch['insert']>>();

	constructor(private readonly lines: LineIndex) {}

	private toEdit(edit: SpanEdit | undefined): TextEdit | undefined {
		return edit && { range: this.lines.rangeOf(edit.at.offset, edit.at.length), newText: edit.text };
	}

	replaceValue(node: Node, value: unknown): TextEdit | undefined {
		return this.toEdit(this.writers.get(node)?.(value));
	}

	insertProperty(object: Node, key: string, value: unknown): TextEdit | undefined {
		return this.toEdit(this.inserters.get(object)?.(key, value));
	}

	/** The node tree and the value of one mapped object; writers and inserters are remembered per node. */
	build(mapped: Branch, parent?: Node): { node: Node; value: Record<string, unknown> } {
		const value: Record<string, unknown> = {};
		const node: Building = { type: 'object', offset: 0, length: 0, children: [], ...(parent ? { parent } : {}) };
		const spans: Span[] = [];
		for (const [name, field] of Object.entries(mapped.fields)) {
			if (!field || (field.kind === 'leaf' && field.value === undefined)) continue;
			const property: Building = { type: 'property', offset: 0, length: 0, parent: node, children: [] };
			let child: Node;
			let keyAt: Span;
			if (field.kind === 'leaf') {
				child = {
					type: nodeType(field.value),
					offset: field.at.offset,
					length: field.at.length,
					value: field.value,
					parent: property,
				};
				if (field.write) this.writers.set(child, field.write);
				value[name] = field.value;
				keyAt = field.key ?? field.at;
			} else {
				const built = this.build(field, property);
				child = built.node;
				value[name] = built.value;
				keyAt = child;
			}
			const keyNode: Node = {
				type: 'string',
				offset: keyAt.offset,
				length: keyAt.length,
				value: name,
				parent: property,
			};
			const whole = union([keyAt, child])!;
			property.offset = whole.offset;
			property.length = whole.length;
			property.children = [keyNode, child];
			node.children!.push(property);
			spans.push(whole);
		}
		const at = mapped.at ?? union(spans) ?? { offset: 0, length: 0 };
		node.offset = at.offset;
		node.length = at.length;
		if (mapped.insert) this.inserters.set(node, mapped.insert);
		return { node, value };
	}
}

/**
 * A mapped account: its fields (an `id` leaf among them) and the lines it came from, which is what "Test
 * Connection" matches the cursor against.
 */
export interface MappedAccount {
	id: string;
	block: Span;
	fields: Branch;
	/** The environment variable that holds the password when the source is a .env file (for converting). */
	passwordVariable?: string;
	/** Findings only this format has (Postfix's opportunistic TLS), reported under an existing rule's code. */
	notes?: readonly SourceNote[];
}

/** A finding an adapter adds for its format, with the message and fix in that format's words. */
export interface SourceNote {
	code: string;
	severity: Severity;
	at: Span;
	message: Localized;
	fix?: { title: Localized; edit: SpanEdit };
}

/** The plain values of mapped accounts, as a JSON config would hold them (for probes and converting). */
export function accountValues(text: string, accounts: readonly MappedAccount[]): Record<string, unknown>[] {
	const editor = new SourceEditor(new LineIndex(text));
	return accounts.map((account) => editor.build(account.fields).value);
}

/**
 * The file as the rules see a parsed JSON config: `{ "accounts": [...] }` with every node pointing into the
 * original text. There are no syntax errors: a line an adapter does not understand is simply not mail config.
 */
export function parsedFromAccounts(
	text: string,
	accounts: readonly MappedAccount[],
	editor: SourceEditor,
): ParsedConfig {
	const root: Building = { type: 'object', offset: 0, length: text.length, children: [] };
	const property: Building = { type: 'property', offset: 0, length: text.length, parent: root, children: [] };
	const array: Node = { type: 'array', offset: 0, length: text.length, parent: property, children: [] };
	property.children = [{ type: 'string', offset: 0, length: 0, value: 'accounts', parent: property }, array];
	root.children = [property];
	const parsedAccounts: ParsedConfig['accounts'] = [];
	const values: unknown[] = [];
	accounts.forEach((account, index) => {
		const { node, value } = editor.build(account.fields, array);
		array.children!.push(node);
		values.push(value);
		parsedAccounts.push({ index, node, value });
	});
	return { text, root, value: { accounts: values }, syntaxErrors: [], accounts: parsedAccounts };
}
