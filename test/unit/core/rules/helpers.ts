// Shared by the config and rule tests: analyze a text with a fixed day and apply quick-fix edits the way an editor does.
import { fixedClock, parseDay } from '../../../../src/core/clock';
import { type AnalyzeOptions, analyzeText } from '../../../../src/core/config/analyze';
import type { Finding, Fix } from '../../../../src/core/config/findings';
import type { Lang } from '../../../../src/core/i18n';
import { LineIndex, type Range, type TextEdit } from '../../../../src/core/text/positions';

export const TODAY = '2026-11-23';

export function analyze(text: string, lang: Lang = 'en', day = TODAY, extra: Partial<AnalyzeOptions> = {}): Finding[] {
	const now = parseDay(day);
	if (!now) throw new Error(`bad day ${day}`);
	return analyzeText(text, { lang, now: fixedClock(now), ...extra });
}

/** A config text with the given accounts, tab-indented like a hand-written file. */
export function configText(...accounts: object[]): string {
	return JSON.stringify({ $schema: '../schemas/mail-account.schema.json', accounts }, null, '\t');
}

export function codes(findings: readonly Finding[]): string[] {
	return findings.map((f) => f.code);
}

/** The text a range covers. */
export function textAt(text: string, range: Range): string {
	const lines = new LineIndex(text);
	return text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}

/** Applies non-overlapping edits from last to first, as LSP clients do. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
	const lines = new LineIndex(text);
	const sorted = edits
		.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }))
		.sort((a, b) => b.start - a.start);
	let result = text;
	for (const e of sorted) result = result.slice(0, e.start) + e.text + result.slice(e.end);
	return result;
}

export function applyFix(text: string, fix: Fix): string {
	return applyEdits(text, fix.edits);
}

export function only(findings: readonly Finding[], code: string): Finding {
	const matching = findings.filter((f) => f.code === code);
	if (matching.length !== 1)
		throw new Error(`expected one ${code}, got ${matching.length}: ${codes(findings).join(', ')}`);
	return matching[0] as Finding;
}
