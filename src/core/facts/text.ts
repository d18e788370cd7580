import { format, type Lang, type Localized, withCommandTitles } from '../i18n';
import { daysUntil, formatDay, monthName, relativeDay } from './dates';
import { MILESTONES, type Milestone, type MilestoneId } from './registry';

/** Where "today" stands relative to a milestone; `around` is the window in which a vaguely dated change happens. */
export type Phase = 'before' | 'around' | 'after';

/**
 * A sentence whose tense depends on a milestone: "is switched off at the end of December 2026" before it, "has been
 * off since the end of December 2026" after it. Without `around`, a day-exact milestone reads as `after` on its day
 * and a vague one ("end of December") keeps reading as `before` inside its window, since it may not have happened.
 */
export interface Timed {
	milestone: MilestoneId;
	before: Localized;
	around?: Localized;
	after: Localized;
}

/** Every text a user reads: fixed, or chosen by the clock. Both may use the placeholders of `resolvePlaceholders`. */
export type Text = Localized | Timed;

export function isTimed(text: Text): text is Timed {
	return 'milestone' in text;
}

export function phaseOf(id: MilestoneId, now: Date): Phase {
	const m: Milestone = MILESTONES[id];
	if (daysUntil(m.from ?? m.date, now) > 0) return 'before';
	return daysUntil(m.date, now) >= 0 ? 'around' : 'after';
}

const milestoneDates: Record<Lang, Map<MilestoneId, string>> = { en: new Map(), de: new Map() };

/** The date as the vendor said it: "1 October 2022", "the end of December 2026", "the second half of 2027". */
export function milestoneDate(id: MilestoneId, lang: Lang): string {
	// A constant per milestone and language, built once: rule messages quote it in nearly every finding.
	let date = milestoneDates[lang].get(id);
	if (date === undefined) {
		date = spelledDate(id, lang);
		milestoneDates[lang].set(id, date);
	}
	return date;
}

function spelledDate(id: MilestoneId, lang: Lang): string {
	const m: Milestone = MILESTONES[id];
	const [year, month] = m.date.split('-').map(Number) as [number, number];
	if (m.precision === 'day') return formatDay(m.date, lang);
	if (m.precision === 'month-end') {
		return lang === 'de' ? `Ende ${monthName(month, 'de')} ${year}` : `the end of ${monthName(month, 'en')} ${year}`;
	}
	return lang === 'de' ? `die zweite Jahreshälfte ${year}` : `the second half of ${year}`;
}

/** "der zweiten Jahreshälfte 2027": the half-year after "in", "seit", "ab". */
function germanDative(m: Milestone): string {
	return `der zweiten Jahreshälfte ${m.date.slice(0, 4)}`;
}

/** "on 1 October 2022" / "at the end of December 2026" / "in the second half of 2027": when an event happens. */
function onPhrase(id: MilestoneId, lang: Lang): string {
	const m: Milestone = MILESTONES[id];
	const date = milestoneDate(id, lang);
	if (m.precision === 'day') return lang === 'de' ? `am ${date}` : `on ${date}`;
	if (m.precision === 'month-end') return lang === 'de' ? date : `at ${date}`;
	return lang === 'de' ? `in ${germanDative(m)}` : `in ${date}`;
}

/** "from the end of December 2026" before and around it, "since the end of December 2026" after: a state's start. */
function sincePhrase(id: MilestoneId, now: Date, lang: Lang): string {
	const m: Milestone = MILESTONES[id];
	const date = milestoneDate(id, lang);
	const past = m.precision === 'day' ? daysUntil(m.date, now) <= 0 : phaseOf(id, now) === 'after';
	if (lang === 'de') {
		const dative = m.precision === 'day' ? `dem ${date}` : m.precision === 'half-year' ? germanDative(m) : date;
		return past ? `seit ${dative}` : `ab ${dative}`;
	}
	return past ? `since ${date}` : `from ${date}`;
}

/** "in 38 days", "today", "53 days ago"; for a vague date only an upper bound before it ("within 28 days"). */
function relativePhrase(id: MilestoneId, now: Date, lang: Lang): string {
	const m: Milestone = MILESTONES[id];
	if (m.precision === 'day') return relativeDay(m.date, now, lang);
	const days = daysUntil(m.date, now);
	if (days < 0) return '';
	if (days === 0) return lang === 'de' ? 'spätestens heute' : 'by today';
	if (days === 1) return lang === 'de' ? 'spätestens morgen' : 'by tomorrow';
	return lang === 'de' ? `in spätestens ${days} Tagen` : `within ${days} days`;
}

type MilestoneArgs = Readonly<Record<'date' | 'on' | 'since' | 'relative', string>>;

/**
 * The phrases per clock reading: one analysis passes the same `now` to every account, and a file of app-password
 * printers would otherwise build the same four phrases once per account (most of them only counted, past the limit).
 */
const argsByNow = new WeakMap<Date, Map<string, MilestoneArgs>>();

/** `{date}`, `{on}`, `{since}`, `{relative}` of one milestone, for texts whose milestone comes from data. */
export function milestoneArgs(id: MilestoneId, now: Date, lang: Lang): MilestoneArgs {
	let known = argsByNow.get(now);
	if (!known) argsByNow.set(now, (known = new Map()));
	const key = `${id} ${lang}`;
	let args = known.get(key);
	if (!args) {
		args = {
			date: milestoneDate(id, lang),
			on: onPhrase(id, lang),
			since: sincePhrase(id, now, lang),
			relative: relativePhrase(id, now, lang),
		};
		known.set(key, args);
	}
	return args;
}

const PLACEHOLDER = /\{(date|on|since|relative):([\w.-]+)\}/g;

/**
 * Fills the fact placeholders: `{date:ID}`, `{on:ID}`, `{since:ID}` and `{relative:ID}` from a milestone and the
 * clock, `{command:KEY}` with a command's title from the manifest (package.nls*.json). An unknown id stays visible.
 */
export function resolvePlaceholders(text: string, lang: Lang, now: Date): string {
	// Every placeholder starts with a brace: most messages, once their arguments are in, have none left.
	if (!text.includes('{')) return text;
	const dated = text.replace(PLACEHOLDER, (whole, kind: string, id: string) => {
		if (!(id in MILESTONES)) return whole;
		const key = id as MilestoneId;
		if (kind === 'date') return milestoneDate(key, lang);
		if (kind === 'on') return onPhrase(key, lang);
		if (kind === 'since') return sincePhrase(key, now, lang);
		return relativePhrase(key, now, lang);
	});
	return withCommandTitles(dated, lang);
}

/** Picks the variant for today, fills `{name}` arguments, then the fact placeholders. */
export function renderText(
	text: Text,
	lang: Lang,
	now: Date,
	args?: Readonly<Record<string, string | number>>,
): string {
	return resolvePlaceholders(format(localizedFor(text, now)[lang], args), lang, now);
}

/** The language pair that applies today. */
export function localizedFor(text: Text, now: Date): Localized {
	if (!isTimed(text)) return text;
	const phase = phaseOf(text.milestone, now);
	if (phase === 'before') return text.before;
	if (phase === 'after') return text.after;
	return text.around ?? (MILESTONES[text.milestone].precision === 'day' ? text.after : text.before);
}

/** Every language pair a text can show (one for a fixed text; before, around and after for a timed one). */
export function variants(text: Text): Localized[] {
	if (!isTimed(text)) return [text];
	return [text.before, ...(text.around ? [text.around] : []), text.after];
}
