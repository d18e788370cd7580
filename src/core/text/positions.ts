/** Zero-based position, the same shape as LSP's `Position` (UTF-16 code units, like JavaScript strings). */
export interface Position {
	line: number;
	character: number;
}

/** Half-open range, the same shape as LSP's `Range`. */
export interface Range {
	start: Position;
	end: Position;
}

/** A replacement in a document, the same shape as LSP's `TextEdit`. */
export interface TextEdit {
	range: Range;
	newText: string;
}

/** The part of a text document core needs; `vscode-languageserver-textdocument`'s TextDocument satisfies it. */
export interface TextDocumentLike {
	readonly uri: string;
	readonly version: number;
	getText(): string;
}

/** What reading line breaks needs of a text: a string, or a window onto a text too large to copy (see edited). */
export interface CharSource {
	readonly length: number;
	charCodeAt(index: number): number;
}

/**
 * Converts offsets to positions with one pass over the text and a binary search per lookup, so thousands of
 * findings in a large file stay cheap. After an edit, {@link edited} derives the new index from the old one.
 */
export class LineIndex {
	/** A typed array: `new Array(n)` of a hundred thousand lines would be a slow dictionary-backed array. */
	private readonly lineStarts: Int32Array;
	private readonly length: number;

	constructor(text: string);
	constructor(text: CharSource, lineStarts: Int32Array);
	constructor(text: string | CharSource, lineStarts?: Int32Array) {
		this.length = text.length;
		this.lineStarts = lineStarts ?? scanLineStarts(text as string);
	}

	/**
	 * The index of `text`, which is this index's text with `[start, oldEnd)` replaced by `text`'s `[start, newEnd)`:
	 * it scans only the new characters and moves the line starts after them, instead of scanning the whole text.
	 * It reads `text` only from `start - 1` to `newEnd`.
	 */
	edited(text: CharSource, start: number, oldEnd: number, newEnd: number): LineIndex {
		const old = this.lineStarts;
		// A line start p depends on the characters at p - 1 and p: those before `start` keep theirs.
		const before = this.linesUpTo(start - 1);
		const fresh: number[] = start === 0 ? [0] : [];
		for (let p = Math.max(start, 1); p <= newEnd; p++) if (startsLine(text, p)) fresh.push(p);
		const after = this.linesUpTo(oldEnd);
		const starts = new Int32Array(before + fresh.length + old.length - after);
		starts.set(old.subarray(0, before));
		starts.set(fresh, before);
		const delta = newEnd - oldEnd;
		const shift = before + fresh.length - after;
		for (let k = after; k < old.length; k++) starts[k + shift] = old[k]! + delta;
		return new LineIndex(text, starts);
	}

	/**
	 * The index of `part`, the stretch of this index's text that begins at line start `start` (and does not end
	 * between a `\r` and its `\n`), from the line starts known here instead of a scan.
	 */
	part(part: string, start: number): LineIndex {
		const first = this.linesUpTo(start) - 1;
		const end = this.linesUpTo(start + part.length);
		const starts = new Int32Array(end - first);
		for (let k = first; k < end; k++) starts[k - first] = this.lineStarts[k]! - start;
		return new LineIndex(part, starts);
	}

	get lineCount(): number {
		return this.lineStarts.length;
	}

	/** The offset where line `line` starts (0 to lineCount - 1). */
	lineStart(line: number): number {
		return this.lineStarts[line] ?? 0;
	}

	/** The offset where the line holding `offset` starts. */
	lineStartOf(offset: number): number {
		return this.lineStarts[this.linesUpTo(offset) - 1] ?? 0;
	}

	/** How many line starts lie at or before `offset`. */
	private linesUpTo(offset: number): number {
		let low = 0;
		let high = this.lineStarts.length;
		while (low < high) {
			const mid = (low + high) >> 1;
			if (this.lineStarts[mid]! <= offset) low = mid + 1;
			else high = mid;
		}
		return low;
	}

	positionAt(offset: number): Position {
		const clamped = Math.max(0, Math.min(offset, this.length));
		let low = 0;
		let high = this.lineStarts.length - 1;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if ((this.lineStarts[mid] ?? 0) <= clamped) low = mid;
			else high = mid - 1;
		}
		return { line: low, character: clamped - (this.lineStarts[low] ?? 0) };
	}

	offsetAt(position: Position): number {
		if (position.line >= this.lineStarts.length) return this.length;
		const start = this.lineStarts[Math.max(0, position.line)] ?? 0;
		return Math.min(start + Math.max(0, position.character), this.length);
	}

	rangeOf(offset: number, length: number): Range {
		return { start: this.positionAt(offset), end: this.positionAt(offset + length) };
	}
}

/** Whether a line starts at offset p > 0: after `\n`, or after a `\r` that no `\n` follows. */
function startsLine(text: CharSource, p: number): boolean {
	const before = text.charCodeAt(p - 1);
	return before === 10 || (before === 13 && text.charCodeAt(p) !== 10);
}

function scanLineStarts(text: string): Int32Array {
	if (text.includes('\r')) {
		const starts = [0];
		for (let p = 1; p <= text.length; p++) if (startsLine(text, p)) starts.push(p);
		return Int32Array.from(starts);
	}
	// Most files end lines with \n alone: the native search is several times faster than a character loop. One pass,
	// into an array guessed from the length (configs average 20-40 characters a line) and doubled when full.
	let starts = new Int32Array(Math.max(16, text.length >> 4));
	let k = 1;
	for (let p = text.indexOf('\n'); p >= 0; p = text.indexOf('\n', p + 1)) {
		if (k === starts.length) {
			const larger = new Int32Array(starts.length * 2);
			larger.set(starts);
			starts = larger;
		}
		starts[k++] = p + 1;
	}
	return starts.subarray(0, k);
}
