import type { Lang } from '../i18n';

const MONTHS: Readonly<Record<Lang, readonly string[]>> = {
	en: [
		'January',
		'February',
		'March',
		'April',
		'May',
		'June',
		'July',
		'August',
		'September',
		'October',
		'November',
		'December',
	],
	de: [
		'Januar',
		'Februar',
		'März',
		'April',
		'Mai',
		'Juni',
		'Juli',
		'August',
		'September',
		'Oktober',
		'November',
		'Dezember',
	],
};

const DAY_MS = 86_400_000;

/** Parsed once per date: the milestones are a few constants, read for nearly every finding of a large file. */
const parsedDays = new Map<string, number>();

function utcDay(iso: string): number {
	let day = parsedDays.get(iso);
	if (day === undefined) {
		day = Date.parse(`${iso}T00:00:00Z`);
		// Bounded, should a caller ever pass dates from input.
		if (parsedDays.size >= 1000) parsedDays.clear();
		parsedDays.set(iso, day);
	}
	return day;
}

/** 1 → "January" / "Januar". */
export function monthName(month: number, lang: Lang): string {
	return MONTHS[lang][month - 1] ?? '';
}

/** `2026-12-31` → "31 December 2026" / "31. Dezember 2026" (fixed, locale-data independent). */
export function formatDay(iso: string, lang: Lang): string {
	const date = new Date(utcDay(iso));
	const month = MONTHS[lang][date.getUTCMonth()] ?? '';
	return lang === 'de'
		? `${date.getUTCDate()}. ${month} ${date.getUTCFullYear()}`
		: `${date.getUTCDate()} ${month} ${date.getUTCFullYear()}`;
}

/** Whole days from `now` (its UTC day) to `iso`; negative when `iso` lies in the past. */
export function daysUntil(iso: string, now: Date): number {
	const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
	return Math.round((utcDay(iso) - today) / DAY_MS);
}

/** "in 38 days", "tomorrow", "today", "yesterday", "3 days ago" (and German). */
export function relativeDay(iso: string, now: Date, lang: Lang): string {
	const days = daysUntil(iso, now);
	if (lang === 'de') {
		if (days === 0) return 'heute';
		if (days === 1) return 'morgen';
		if (days === -1) return 'gestern';
		return days > 0 ? `in ${days} Tagen` : `vor ${-days} Tagen`;
	}
	if (days === 0) return 'today';
	if (days === 1) return 'tomorrow';
	if (days === -1) return 'yesterday';
	return days > 0 ? `in ${days} days` : `${-days} days ago`;
}
