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

/**
 * Converts offsets to positions with one pass over the text and a binary search per lookup, so thousands of
 * findings in a large file stay cheap.
 */
export class LineIndex {
	private readonly lineStarts: number[] = [0];

	constructor(private readonly text: string) {
		for (let i = 0; i < text.length; i++) {
			const ch = text.charCodeAt(i);
			if (ch === 13 /* \r */) {
				if (text.charCodeAt(i + 1) === 10) i++;
				this.lineStarts.push(i + 1);
			} else if (ch === 10 /* \n */) {
				this.lineStarts.push(i + 1);
			}
		}
	}

	positionAt(offset: number): Position {
		const clamped = Math.max(0, Math.min(offset, this.text.length));
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
		if (position.line >= this.lineStarts.length) return this.text.length;
		const start = this.lineStarts[Math.max(0, position.line)] ?? 0;
		return Math.min(start + Math.max(0, position.character), this.text.length);
	}

	rangeOf(offset: number, length: number): Range {
		return { start: this.positionAt(offset), end: this.positionAt(offset + length) };
	}
}
