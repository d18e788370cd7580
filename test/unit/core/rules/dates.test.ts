import { test } from 'node:test';
import assert from 'node:assert/strict';
import { daysUntil, formatDay, relativeDay } from '../../../../src/core/rules/dates';
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
	assert.match(message('2026-11-23', 'en'), /on 31 December 2026 \(in 38 days\)/);
	assert.match(message('2026-11-23', 'de'), /am 31\. Dezember 2026 standardmäßig ab \(in 38 Tagen\)/);
	assert.match(message('2026-12-30', 'en'), /\(tomorrow\)/);
	assert.match(message('2026-12-31', 'en'), /since 31 December 2026 \(today\)/);
	assert.match(message('2027-02-01', 'en'), /off by default since 31 December 2026 \(32 days ago\)/);
	assert.match(message('2027-02-01', 'de'), /seit dem 31\. Dezember 2026 \(vor 32 Tagen\)/);
	for (const day of ['2026-06-01', '2027-06-01']) {
		assert.equal(
			analyze(text, 'en', day).find((f) => f.code === 'exo-smtp-basic-auth-retirement')?.severity,
			'warning',
		);
	}
});
