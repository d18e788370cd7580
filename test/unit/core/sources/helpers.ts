import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fixedClock } from '../../../../src/core/clock';
import type { Finding } from '../../../../src/core/config/findings';
import type { Lang } from '../../../../src/core/i18n';
import { analyzeSource } from '../../../../src/core/sources/analyze';
import { type SourceContext, sourceAccounts } from '../../../../src/core/sources/formats';
import type { Entry } from '../../../../src/core/sources/entries';
import type { Branch, Leaf } from '../../../../src/core/sources/tree';
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

/**
 * Every mapped value of each account a file yields, flat by path (`smtp.port`), and beside it under `path@` the text
 * of the file it points at: what a finding underlines and a quick fix replaces.
 */
export function flatAccounts(
	format: SourceFormat,
	text: string,
	context: SourceContext = {},
): Record<string, unknown>[] {
	return sourceAccounts(format, text, context).map((account) => {
		const flat: Record<string, unknown> = {};
		const walk = (node: Branch | Leaf | undefined, path: string): void => {
			if (!node) return;
			if (node.kind === 'branch') {
				for (const [name, child] of Object.entries(node.fields)) walk(child, path ? `${path}.${name}` : name);
				return;
			}
			flat[path] = node.value;
			flat[`${path}@`] = text.slice(node.at.offset, node.at.offset + node.at.length);
		};
		walk(account.fields, '');
		return flat;
	});
}

/** The fields of `actual` that `expected` names (an expected `undefined` demands that the field is absent). */
export function picked(
	actual: Record<string, unknown> | undefined,
	expected: Record<string, unknown>,
): Record<string, unknown> {
	return Object.fromEntries(Object.keys(expected).map((k) => [k, actual?.[k]]));
}

/** One row of an account table: the file, and for each account it yields the fields that must hold. */
export type AccountRow = [
	name: string,
	text: string,
	expected: Record<string, unknown> | Record<string, unknown>[],
	context?: SourceContext,
];

/** A table of files: each yields exactly the listed accounts, in order, with the listed fields. */
export function accountTable(
	format: SourceFormat,
	title: string,
	rows: AccountRow[],
	context: SourceContext = {},
): void {
	describe(title, () => {
		for (const [name, text, expected, rowContext] of rows) {
			test(name, () => {
				const wanted = Array.isArray(expected) ? expected : [expected];
				const accounts = flatAccounts(format, text, rowContext ?? context);
				assert.equal(accounts.length, wanted.length, JSON.stringify(accounts));
				wanted.forEach((e, i) => assert.deepEqual(picked(accounts[i], e), e));
			});
		}
	});
}

/** One line (or lines) of a format: the one setting it holds, its value as the tool reads it, the text under its span. */
export type EntryRow = [text: string, key: string, value: string, spanText: string];

/** A table of lines for a format's entry reader: each holds exactly one setting. */
export function entryTable(
	read: (text: string) => (Entry | undefined)[],
	rows: EntryRow[],
	also?: (row: EntryRow) => void,
): void {
	for (const row of rows) {
		const [text, key, value, spanText] = row;
		test(text, () => {
			also?.(row);
			const [entry, ...more] = read(text);
			assert.equal(more.length, 0);
			assert.equal(entry!.key, key);
			assert.equal(entry!.value, value);
			assert.equal(text.slice(entry!.valueAt.offset, entry!.valueAt.offset + entry!.valueAt.length), spanText);
		});
	}
}
