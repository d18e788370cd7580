import type { Clock } from '../clock';
import type { Lang } from '../i18n';
import type { Finding } from './findings';
import { parseConfig } from './parse';
import { LineIndex } from '../text/positions';

export interface AnalyzeOptions {
	lang: Lang;
	/** "Today" for date-dependent rules. */
	now: Clock;
	/** Rule ids the user switched off (`mailcfg.rules.disabled`). */
	disabledRules?: readonly string[];
}

/**
 * Every finding for one config file: syntax, schema, then semantic rules. Pure and synchronous so the
 * language server can answer a pull-diagnostics request straight away.
 */
export function analyzeText(text: string, options: AnalyzeOptions): Finding[] {
	const parsed = parseConfig(text);
	const lines = new LineIndex(text);
	const findings: Finding[] = parsed.syntaxErrors.map((e) => ({
		code: 'json-syntax',
		severity: 'error',
		message: options.lang === 'de' ? `JSON-Syntaxfehler: ${e.code}` : `JSON syntax error: ${e.code}`,
		range: lines.rangeOf(e.offset, e.length),
		source: 'mailcfg',
		docUrl: 'https://github.com/mailcfg/mailcfg#rules',
		fixes: [],
	}));
	return findings.filter((f) => !options.disabledRules?.includes(f.code));
}
