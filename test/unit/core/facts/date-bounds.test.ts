/**
 * The day arithmetic behind every dated message ("in 38 days", "by tomorrow", "31 December 2026"), at its edges:
 * the first and last month, the last millisecond of a UTC day, a leap day, a year change, and the step from
 * "tomorrow"/"yesterday" to a count. Users read these in retirement warnings; an off-by-one shows a wrong date.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { daysUntil, formatDay, monthName, relativeDay } from '../../../../src/core/facts/dates';

test('month names: January is 1, December is 12, nothing outside', () => {
	assert.deepEqual(
		[1, 2, 11, 12].map((m) => monthName(m, 'en')),
		['January', 'February', 'November', 'December'],
	);
	assert.deepEqual(
		[1, 3, 12].map((m) => monthName(m, 'de')),
		['Januar', 'März', 'Dezember'],
	);
	assert.deepEqual(
		[0, 13].map((m) => monthName(m, 'en')),
		['', ''],
	);
});

test('formatDay at the first and last day of the year, and a leap day', () => {
	assert.equal(formatDay('2027-01-01', 'en'), '1 January 2027');
	assert.equal(formatDay('2027-01-01', 'de'), '1. Januar 2027');
	assert.equal(formatDay('2026-12-31', 'de'), '31. Dezember 2026');
	assert.equal(formatDay('2028-02-29', 'en'), '29 February 2028');
});

test('daysUntil counts UTC days: the last millisecond of a day is still that day', () => {
	assert.equal(daysUntil('2026-12-31', new Date('2026-12-30T23:59:59.999Z')), 1);
	assert.equal(daysUntil('2026-12-31', new Date('2026-12-31T00:00:00.000Z')), 0);
	assert.equal(daysUntil('2026-12-31', new Date('2026-12-31T23:59:59.999Z')), 0);
	assert.equal(daysUntil('2026-12-31', new Date('2027-01-01T00:00:00.000Z')), -1);
	// across a year change and a leap day
	assert.equal(daysUntil('2027-01-01', new Date('2026-12-25T12:00:00Z')), 7);
	assert.equal(daysUntil('2028-03-01', new Date('2028-02-28T08:00:00Z')), 2);
	assert.equal(daysUntil('2027-03-01', new Date('2027-02-28T08:00:00Z')), 1);
});

test('relativeDay: today, tomorrow, yesterday, then counts (2 is plural in both languages)', () => {
	const now = new Date('2026-12-29T09:00:00Z');
	const cases: [string, string, string][] = [
		['2026-12-31', 'in 2 days', 'in 2 Tagen'],
		['2026-12-30', 'tomorrow', 'morgen'],
		['2026-12-29', 'today', 'heute'],
		['2026-12-28', 'yesterday', 'gestern'],
		['2026-12-27', '2 days ago', 'vor 2 Tagen'],
		['2027-01-01', 'in 3 days', 'in 3 Tagen'],
	];
	for (const [day, en, de] of cases) {
		assert.equal(relativeDay(day, now, 'en'), en, day);
		assert.equal(relativeDay(day, now, 'de'), de, day);
	}
});
