import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixedClock } from '../../../../src/core/clock';
import type { Finding } from '../../../../src/core/config/findings';
import type { Lang } from '../../../../src/core/i18n';
import { analyzeSource } from '../../../../src/core/sources/analyze';
import type { SourceContext } from '../../../../src/core/sources/formats';
import type { SourceFormat } from '../../../../src/core/sources/names';

export const FIXTURES = join(__dirname, '../../../fixtures/sources');

/** A fixture's text (its first lines name the source it was taken from). */
export function fixture(format: SourceFormat, name: string): string {
	return readFileSync(join(FIXTURES, format, name), 'utf8');
}

/** The day the fixtures are checked on: before Exchange Online's SMTP AUTH change of 31 December 2026. */
export const NOW = fixedClock(new Date('2026-12-03T12:00:00Z'));

export function check(format: SourceFormat, text: string, context: SourceContext = {}, lang: Lang = 'en'): Finding[] {
	return analyzeSource(text, format, { lang, now: NOW, context });
}

/** The 0-based line of the first line containing `needle`; throws when the fixture has no such line. */
export function lineOf(text: string, needle: string): number {
	const line = text.split('\n').findIndex((l) => l.includes(needle));
	if (line < 0) throw new Error(`no line contains ${needle}`);
	return line;
}

/** `code@line` for each finding, for comparing against an expected list in file order. */
export function summary(findings: readonly Finding[]): string[] {
	return findings.map((f) => `${f.code}@${f.range.start.line}`);
}

/** The text with one occurrence of `from` replaced: a mutant of a real file. */
export function mutate(text: string, from: string, to: string): string {
	if (!text.includes(from)) throw new Error(`fixture has no ${from}`);
	return text.replace(from, to);
}

/** Applies a fix's edits (non-overlapping) to the text, last first so earlier offsets stay valid. */
export function applyEdits(text: string, edits: readonly { range: Finding['range']; newText: string }[]): string {
	const starts = text
		.split('\n')
		.reduce<number[]>((acc, line) => [...acc, acc[acc.length - 1]! + line.length + 1], [0]);
	const offset = (p: { line: number; character: number }) => starts[p.line]! + p.character;
	return [...edits]
		.sort((a, b) => offset(b.range.start) - offset(a.range.start))
		.reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}
