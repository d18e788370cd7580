import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDay, monthName } from '../../../../src/core/facts/dates';
import { factsMarkdown } from '../../../../src/core/facts/markdown';
import { FACTS, type Fact, MILESTONES, type Milestone } from '../../../../src/core/facts/registry';
import { SOURCES } from '../../../../src/core/facts/sources';
import { milestoneDate } from '../../../../src/core/facts/text';
import { LANGS, type Lang } from '../../../../src/core/i18n';
import { ROOT, allTexts } from './texts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const REGISTRY_FILES = new Set(['src/core/facts/registry.ts', 'src/core/facts/sources.ts']);

describe('facts registry', () => {
	test('every fact names a source with an https URL and a date, and was checked on a real day', () => {
		for (const [id, fact] of Object.entries(FACTS) as [string, Fact][]) {
			const source = SOURCES[fact.source];
			assert.ok(source, `${id}: no source`);
			assert.match(source.url, /^https:\/\/[^\s]+$/, id);
			assert.match(source.date, DAY, id);
			assert.match(fact.checked, DAY, id);
			assert.ok(fact.statement.en.trim() && fact.statement.de.trim() && fact.statement.en !== fact.statement.de, id);
		}
	});

	test('a fact that rests on a third-party page is marked as a field report or heuristic', () => {
		for (const [id, fact] of Object.entries(FACTS) as [string, Fact][]) {
			if (SOURCES[fact.source].kind === 'secondary') assert.notEqual(fact.basis, 'sourced', id);
		}
	});

	test('milestones have valid days, a window that ends on the day, and a fact', () => {
		for (const [id, m] of Object.entries(MILESTONES) as [string, Milestone][]) {
			assert.match(m.date, DAY, id);
			assert.ok(m.fact in FACTS, id);
			if (m.from) assert.ok(m.from <= m.date, `${id}: window ends before it starts`);
		}
	});

	test('docs/facts.md is what the registry renders (run `npm run gen:facts` if this fails)', () => {
		assert.equal(readFileSync(join(ROOT, 'docs/facts.md'), 'utf8'), factsMarkdown());
	});
});

/** Dates and codes in texts, as written; each must be one the registry knows. */
const MONTHS = LANGS.flatMap((lang) => Array.from({ length: 12 }, (_, i) => monthName(i + 1, lang)));
const DATE_IN_TEXT = new RegExp(
	`(?:\\b\\d{1,2}\\.? )?\\b(?:${MONTHS.join('|')}) \\d{4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b`,
	'g',
);
const AADSTS = /\bAADSTS\d+\b/g;
const ENHANCED = /(?<![\d.])[245]\.\d{1,3}\.\d{1,3}(?![\d.]*\d)/g;
const REPLY_WITH_ENHANCED = /\b[2-5]\d\d(?= [245]\.\d)/g;

/** Every way a registered day may be written: "1 October 2022", "1. Oktober 2022", "October 2022", ISO. */
function registeredDates(): Set<string> {
	const days = [
		...Object.values(MILESTONES).flatMap((m: Milestone) => [m.date, ...(m.from ? [m.from] : [])]),
		...Object.values(SOURCES).map((s) => s.date),
	];
	const out = new Set<string>();
	for (const day of days) {
		out.add(day);
		for (const lang of LANGS) {
			out.add(formatDay(day, lang));
			out.add(`${monthName(Number(day.slice(5, 7)), lang)} ${day.slice(0, 4)}`);
		}
	}
	for (const id of Object.keys(MILESTONES) as (keyof typeof MILESTONES)[]) {
		for (const lang of LANGS) out.add(milestoneDate(id, lang).replace(/^(the end of|Ende) /, ''));
	}
	return out;
}

const CODES = new Set(Object.values(FACTS).flatMap((fact: Fact) => fact.codes ?? []));

describe('texts cite only registered dates and codes', () => {
	const texts = allTexts().filter((t) => !REGISTRY_FILES.has(t.file));
	const dates = registeredDates();

	test('the scan finds the texts (guards against an empty scan passing)', () => {
		assert.ok(texts.length > 1500, `only ${texts.length} texts found`);
		for (const lang of ['en', 'de'] as Lang[]) assert.ok(texts.some((t) => t.lang === lang));
	});

	test('every date a text names is a milestone or source date of the registry', () => {
		const unknown = texts.flatMap((t) =>
			[...t.text.matchAll(DATE_IN_TEXT)].flatMap((m) => (dates.has(m[0]) ? [] : [`${t.file}: ${m[0]}`])),
		);
		assert.deepEqual(unknown, []);
	});

	test('every AADSTS and SMTP code a text names is in the registry', () => {
		const unknown = texts.flatMap((t) =>
			[...t.text.matchAll(AADSTS), ...t.text.matchAll(ENHANCED), ...t.text.matchAll(REPLY_WITH_ENHANCED)]
				.map((m) => m[0])
				.filter((code) => !CODES.has(code))
				.map((code) => `${t.file}: ${code}`),
		);
		assert.deepEqual([...new Set(unknown)], []);
	});

	test('no text names the last day of December 2026 as Microsoft’s date', () => {
		for (const t of texts) assert.doesNotMatch(t.text, /31(\.)? (December|Dezember) 2026/, t.file);
	});
});
