import type { Node } from 'jsonc-parser';
import type { LineIndex, TextEdit } from '../text/positions';

/**
 * What a rule's quick fix may ask of the file's format: JSON (JsonEditor) or another config format (a source
 * adapter's editor, which answers undefined where that format cannot express the value).
 */
export interface ConfigEditor {
	replaceValue(node: Node, value: unknown): TextEdit | undefined;
	insertProperty(object: Node, key: string, value: unknown): TextEdit | undefined;
}

/**
 * Minimal text edits for quick fixes that keep the user's formatting: replace one value, rename one key, insert
 * one property next to its siblings in the same style (inline or one per line, tabs or spaces, LF or CRLF).
 * Each edit is computed from the already parsed tree, so a file with thousands of findings is not re-parsed per fix.
 */
export class JsonEditor implements ConfigEditor {
	private readonly indentUnit: string;
	private readonly eol: string;

	/**
	 * `text`: the file, or only what it says from the start of a line (one account, with the whole file's `style`), or
	 * anything that reads stretches of the file: the editor only reads the indent of lines.
	 */
	constructor(
		private readonly text: { slice(start: number, end: number): string },
		private readonly lines: LineIndex,
		style: EditorStyle,
	) {
		this.indentUnit = style.indentUnit;
		this.eol = style.eol;
	}

	private edit(offset: number, length: number, newText: string): TextEdit {
		return { range: this.lines.rangeOf(offset, length), newText };
	}

	/** Leading whitespace of the line that contains `offset`. */
	private indentAt(offset: number): string {
		const { line } = this.lines.positionAt(offset);
		const start = this.lines.offsetAt({ line, character: 0 });
		return /^[ \t]*/.exec(this.text.slice(start, start + 200))?.[0] ?? '';
	}

	private onSameLine(a: number, b: number): boolean {
		return this.lines.positionAt(a).line === this.lines.positionAt(b).line;
	}

	/** JSON for `value` laid out for a spot indented by `indent`; `inline` keeps it on one line. */
	render(value: unknown, indent: string, inline = false): string {
		if (inline || value === null || typeof value !== 'object') return inlineJson(value);
		return JSON.stringify(value, null, this.indentUnit)
			.split('\n')
			.join(this.eol + indent);
	}

	replaceValue(node: Node, value: unknown): TextEdit {
		// Only objects and arrays span lines and need the indent; most fixes replace a single scalar.
		const text =
			typeof value === 'object' && value !== null
				? this.render(value, this.indentAt(node.offset), this.isInline(node))
				: inlineJson(value);
		return this.edit(node.offset, node.length, text);
	}

	/** Replaces the key of a property node (`"hots"` → `"host"`). */
	renameKey(property: Node, key: string): TextEdit | undefined {
		const keyNode = property.children?.[0];
		return keyNode ? this.edit(keyNode.offset, keyNode.length, JSON.stringify(key)) : undefined;
	}

	/** Adds `"key": value` after the last property of an object node. */
	insertProperty(object: Node, key: string, value: unknown): TextEdit {
		const last = object.children?.[object.children.length - 1];
		if (!last) {
			return this.edit(object.offset, object.length, `{ ${JSON.stringify(key)}: ${this.render(value, '', true)} }`);
		}
		const end = last.offset + last.length;
		if (this.onSameLine(object.offset, last.offset)) {
			return this.edit(end, 0, `, ${JSON.stringify(key)}: ${this.render(value, '', true)}`);
		}
		const indent = this.indentAt(last.offset);
		return this.edit(end, 0, `,${this.eol}${indent}${JSON.stringify(key)}: ${this.render(value, indent)}`);
	}

	/** True when the object/array node is written on one line, so its replacement should be too. */
	private isInline(node: Node): boolean {
		return this.onSameLine(node.offset, node.offset + node.length);
	}
}

/** How a file is laid out, which inserted text follows: its indent unit (tabs or n spaces) and line ending. */
export interface EditorStyle {
	indentUnit: string;
	eol: string;
}

/** A file's style and the spots that decide it, so an edit past both can keep it without a new scan. */
export interface StyleScan {
	style: EditorStyle;
	/** Where the first indented line's indent and first character end (its indent is the unit); -1 without one. */
	indentEnd: number;
	/** Where the first CRLF is; -1 without one. */
	firstCrlf: number;
}

export function scanStyle(text: string): StyleScan {
	const match = /^([ \t]+)\S/m.exec(text);
	const indented = match?.[1];
	const indentUnit = indented?.startsWith('\t') ? '\t' : indented ? ' '.repeat(Math.min(indented.length, 8)) : '\t';
	const firstCrlf = text.indexOf('\r\n');
	return {
		style: { indentUnit, eol: firstCrlf >= 0 ? '\r\n' : '\n' },
		indentEnd: match ? match.index + match[0].length : -1,
		firstCrlf,
	};
}

/**
 * The style after `[start, newEnd)` of `text` replaced what lay from `start` on, or undefined when the edit may have
 * changed it: the first indented line ends before the edit, and the first CRLF (or, without one, a `\r` next to the
 * new text, the only place a CRLF could appear) lies before it too. Reads only the new text and one character on
 * each side.
 */
export function styleAfterEdit(
	before: StyleScan,
	text: { readonly length: number; slice(start: number, end: number): string },
	start: number,
	newEnd: number,
): StyleScan | undefined {
	if (before.indentEnd < 0 || start < before.indentEnd) return undefined;
	if (before.firstCrlf >= 0) return start >= before.firstCrlf + 2 ? before : undefined;
	return text.slice(Math.max(0, start - 1), Math.min(text.length, newEnd + 1)).includes('\r') ? undefined : before;
}

/** One-line JSON with a space after `:` and `,` and inside braces, the way people write short objects by hand. */
function inlineJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(inlineJson).join(', ')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inlineJson(v)}`);
		return entries.length ? `{ ${entries.join(', ')} }` : '{}';
	}
	return JSON.stringify(value) ?? 'null';
}
