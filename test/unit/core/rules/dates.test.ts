import { test } from 'node:test';
import assert from 'node:assert/strict';
import { daysUntil, formatDay, relativeDay } from '../../../../src/core/facts/dates';
import { analyze, configText } from './helpers';
import { M365_PRINTER } from './fixtures';

test('day arithmetic and formatting', () => {
	const now = new Date('2026-11-23T18:30:00Z');
	assert.equal(daysUntil('2026-12-31', now), 38);
	assert.equal(formatDay('2026-12-31', 'en'), '31 December 2026');
	assert.equal(formatDay('2026-03-01', 'de'), '1. März 2026');
	const cases: [string, string, string][] = [
		['2026-12-31', 'in 38 days', 'in 38 Tagen'],
		['2026-11-24', 'tomorrow', 'morgen'],
		['2026-11-23', 'today', 'heute'],
		['2026-11-22', 'yesterday', 'gestern'],
		['2026-10-01', '53 days ago', 'vor 53 Tagen'],
	];
	for (const [day, en, de] of cases) {
		assert.equal(relativeDay(day, now, 'en'), en);
		assert.equal(relativeDay(day, now, 'de'), de);
	}
});

test('the SMTP AUTH retirement message follows the injected clock', () => {
	const text = configText(M365_PRINTER);
	const message = (day: string, lang: 'en' | 'de'): string =>
		analyze(text, lang, day).find((f) => f.code === 'exo-smtp-basic-auth-retirement')?.message ?? '';
	// Microsoft said "end of December 2026": the message never names the 31st, and counts down to it as an upper bound.
	assert.match(message('2026-11-23', 'en'), /at the end of December 2026 \(within 38 days\)/);
	assert.match(message('2026-11-23', 'de'), /Ende Dezember 2026 \(in spätestens 38 Tagen\) standardmäßig ab/);
	assert.match(message('2026-12-30', 'en'), /\(by tomorrow\)/);
	assert.match(message('2026-12-31', 'en'), /at the end of December 2026 \(by today\)/);
	assert.match(message('2027-02-01', 'en'), /off by default since the end of December 2026, passwords/);
	assert.match(message('2027-02-01', 'de'), /seit Ende Dezember 2026 standardmäßig abgeschaltet/);
	for (const day of ['2026-11-23', '2027-02-01']) {
		for (const lang of ['en', 'de'] as const) assert.doesNotMatch(message(day, lang), /31\.? (December|Dezember)/);
	}
	for (const day of ['2026-06-01', '2027-06-01']) {
		assert.equal(
			analyze(text, 'en', day).find((f) => f.code === 'exo-smtp-basic-auth-retirement')?.severity,
			'warning',
		);
	}
});
