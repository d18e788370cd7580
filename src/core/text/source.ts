/**
 * A document's text read in stretches. A language server's document keeps its text in parts, so an edit costs only
 * the part it touched; joining them into one string copies the whole file (for a large file that copy is most of
 * what a keystroke costs), which is what {@link TextSource.text} does and what the incremental analysis avoids.
 */
export interface TextSource {
	readonly length: number;
	slice(start: number, end: number): string;
	/** The whole text as one string. */
	text(): string;
}

/** One edit: `[start, oldEnd)` of the text before became `[start, newEnd)` of the text after. */
export interface TextChange {
	start: number;
	oldEnd: number;
	newEnd: number;
}

export function stringSource(text: string): TextSource {
	return { length: text.length, slice: (start, end) => text.slice(start, end), text: () => text };
}
