import { parseDay } from '../core/clock';
import { type Lang, tr } from '../core/i18n';
import { UsageError } from './io';

const BAD_NOW = {
	en: '--now expects a date as YYYY-MM-DD (got "{value}")',
	de: '--now erwartet ein Datum als JJJJ-MM-TT ("{value}")',
};

/** `--now YYYY-MM-DD` as midnight UTC, or today when the flag is absent; a malformed date is a usage error. */
export function nowFromFlag(value: string | undefined, lang: Lang): Date {
	if (value === undefined) return new Date();
	const day = parseDay(value);
	if (!day) throw new UsageError(tr(BAD_NOW, lang, { value }));
	return day;
}
