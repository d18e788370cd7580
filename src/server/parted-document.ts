import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../core/text/positions';
import type { TextChange, TextSource } from '../core/text/source';

/** Characters per part: small enough that rebuilding one per keystroke is cheap, few enough to find one quickly. */
const PART = 16 * 1024;

/**
 * A text document kept in parts of about {@link PART} characters, with the same answers as
 * vscode-languageserver-textdocument's TextDocument. That one holds one string and so builds the whole text anew on
 * every incremental change (a copy of a 2 MB file per keystroke, most of what an edit cost); here an edit rebuilds
 * only the parts it touches, and the whole text is joined only when someone asks for it ({@link getText}).
 * It also keeps the edits since the last analysis merged into one {@link TextChange}, so the analysis can re-read
 * only the account they touched (core/config/analyze.ts, analyzeEdit).
 */
export class PartedDocument implements TextDocument, TextSource {
	private parts: string[] = [];
	/** Where each part ends: `ends[i]` is the offset after part i. */
	private ends: number[] = [];
	private joined: string | undefined;
	private lines: LineIndex;
	/** The version the tracked edits start from, and those edits merged (undefined: none; null: not mergeable). */
	private trackedFrom: number;
	private tracked: TextChange | null | undefined;

	constructor(
		readonly uri: string,
		readonly languageId: string,
		private currentVersion: number,
		content: string,
	) {
		this.lines = this.reset(content);
		this.trackedFrom = currentVersion;
	}

	/** For TextDocuments: `new TextDocuments(PartedDocument)`. */
	static create(uri: string, languageId: string, version: number, content: string): PartedDocument {
		return new PartedDocument(uri, languageId, version, content);
	}

	static update(document: PartedDocument, changes: TextDocumentContentChangeEvent[], version: number): PartedDocument {
		for (const change of changes) {
			if ('range' in change) document.replace(change.range, change.text);
			else {
				document.lines = document.reset(change.text);
				document.tracked = null;
			}
		}
		document.currentVersion = version;
		return document;
	}

	get version(): number {
		return this.currentVersion;
	}

	get length(): number {
		return this.ends[this.ends.length - 1] ?? 0;
	}

	get lineCount(): number {
		return this.lines.lineCount;
	}

	/**
	 * The edits since `version`, merged into one change; undefined when there is none to give: the document was not
	 * tracked from that version, or was replaced as a whole. Tracks anew from the current version.
	 */
	changeSince(version: number): TextChange | undefined {
		const change = this.trackedFrom === version ? this.tracked : undefined;
		this.trackedFrom = this.currentVersion;
		this.tracked = undefined;
		return change ?? undefined;
	}

	text(): string {
		if (this.joined === undefined) {
			this.joined = this.parts.join('');
			// One part again: later slices read the joined string instead of concatenating parts.
			this.split(this.joined);
		}
		return this.joined;
	}

	getText(range?: Range): string {
		if (!range) return this.text();
		return this.slice(this.offsetAt(range.start), this.offsetAt(range.end));
	}

	slice(start: number, end: number): string {
		const from = Math.max(0, Math.min(start, this.length));
		const to = Math.max(from, Math.min(end, this.length));
		if (this.joined !== undefined) return this.joined.slice(from, to);
		let i = this.partAt(from);
		let out = '';
		for (let at = from; at < to; i++) {
			const partStart = this.ends[i]! - this.parts[i]!.length;
			out += this.parts[i]!.slice(at - partStart, to - partStart);
			at = this.ends[i]!;
		}
		return out;
	}

	positionAt(offset: number): Position {
		const clamped = Math.max(0, Math.min(offset, this.length));
		const { line } = this.lines.positionAt(clamped);
		const lineStart = this.lines.lineStart(line);
		return { line, character: this.beforeEol(clamped, lineStart) - lineStart };
	}

	offsetAt(position: Position): number {
		if (position.line >= this.lines.lineCount) return this.length;
		if (position.line < 0) return 0;
		const lineStart = this.lines.lineStart(position.line);
		if (position.character <= 0) return lineStart;
		const next = position.line + 1 < this.lines.lineCount ? this.lines.lineStart(position.line + 1) : this.length;
		return this.beforeEol(Math.min(lineStart + position.character, next), lineStart);
	}

	getLineRange(line: number): Range {
		const last = this.lines.lineCount - 1;
		if (line > last) {
			return {
				start: { line: last, character: 0 },
				end: { line: last, character: this.length - this.lines.lineStart(last) },
			};
		}
		if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
		const start = this.lines.lineStart(line);
		const next = line < last ? this.lines.lineStart(line + 1) : this.length;
		return { start: { line, character: 0 }, end: { line, character: this.beforeEol(next, start) - start } };
	}

	getEOLCharacters(line: number): string {
		if (line < 0 || line >= this.lines.lineCount) return '';
		const next = line + 1 < this.lines.lineCount ? this.lines.lineStart(line + 1) : this.length;
		return this.slice(this.beforeEol(next, this.lines.lineStart(line)), next);
	}

	/** `offset` moved back over the line break it is in or after, not past `lineStart`. */
	private beforeEol(offset: number, lineStart: number): number {
		const gap = Math.min(2, offset - lineStart);
		const tail = this.slice(offset - gap, offset);
		let end = offset;
		for (let k = tail.length - 1; k >= 0 && isEol(tail.charCodeAt(k)); k--) end--;
		return end;
	}

	private reset(content: string): LineIndex {
		this.joined = content;
		this.split(content);
		return new LineIndex(content);
	}

	/** Parts that are slices of `content` (no copy). */
	private split(content: string): void {
		this.parts = [];
		this.ends = [];
		for (let at = 0; at < content.length; at += PART) {
			this.parts.push(content.slice(at, at + PART));
			this.ends.push(Math.min(at + PART, content.length));
		}
		if (this.parts.length === 0) {
			this.parts.push('');
			this.ends.push(0);
		}
	}

	/** The index of the part that holds `offset` (the last part for the end of the text). */
	private partAt(offset: number): number {
		let low = 0;
		let high = this.ends.length - 1;
		while (low < high) {
			const mid = (low + high) >> 1;
			if (this.ends[mid]! <= offset) low = mid + 1;
			else high = mid;
		}
		return low;
	}

	private replace(range: Range, text: string): void {
		const ordered =
			range.start.line > range.end.line ||
			(range.start.line === range.end.line && range.start.character > range.end.character)
				? { start: range.end, end: range.start }
				: range;
		const start = this.offsetAt(ordered.start);
		const end = this.offsetAt(ordered.end);
		const first = this.partAt(start);
		const last = this.partAt(end);
		const firstStart = this.ends[first]! - this.parts[first]!.length;
		const lastStart = this.ends[last]! - this.parts[last]!.length;
		const joined = this.parts[first]!.slice(0, start - firstStart) + text + this.parts[last]!.slice(end - lastStart);
		// Split a part that grew large: one that keeps growing would make every edit in it copy more.
		const replacement: string[] = [];
		for (let at = 0; at < joined.length; at += PART) replacement.push(joined.slice(at, at + PART));
		this.parts.splice(first, last - first + 1, ...replacement);
		if (this.parts.length === 0) this.parts.push('');
		const delta = text.length - (end - start);
		this.ends = [];
		let offset = 0;
		for (const part of this.parts) this.ends.push((offset += part.length));
		// Edits at part boundaries leave short parts behind; once they are many, lay the parts out anew.
		if (this.parts.length > (2 * offset) / PART + 16) this.split(this.parts.join(''));
		this.joined = undefined;
		const newEnd = start + text.length;
		const from = Math.max(0, start - 1);
		const around = this.slice(from, newEnd + 1);
		const length = this.length;
		this.lines = this.lines.edited(
			{ length, charCodeAt: (i: number) => around.charCodeAt(i - from) },
			start,
			end,
			newEnd,
		);
		this.track(start, end, newEnd, delta);
	}

	/** Merges an edit (in the current text's offsets) into the tracked change since {@link trackedFrom}. */
	private track(start: number, end: number, newEnd: number, delta: number): void {
		const before = this.tracked;
		if (before === null) return;
		if (before === undefined) {
			this.tracked = { start, oldEnd: end, newEnd };
			return;
		}
		// `before` maps [before.start, before.oldEnd) of the tracked text to [before.start, before.newEnd) of the
		// current one; outside it both agree up to a shift of newEnd - oldEnd after it.
		this.tracked = {
			start: Math.min(before.start, start),
			oldEnd: Math.max(before.oldEnd, end + before.oldEnd - before.newEnd),
			newEnd: Math.max(before.newEnd, end) + delta,
		};
	}
}

function isEol(c: number): boolean {
	return c === 0x0d || c === 0x0a;
}
