import type { Severity } from '../../core/config/findings';
import { type Lang, type Localized, tr } from '../../core/i18n';
import type { CheckedFile } from './report';

const SEVERITY_WORD: Readonly<Record<Severity, Localized>> = {
	error: { en: 'error', de: 'Fehler' },
	warning: { en: 'warning', de: 'Warnung' },
	information: { en: 'info', de: 'Info' },
	hint: { en: 'hint', de: 'Hinweis' },
};

const SUMMARY: Localized = {
	en: '{problems} problem(s) in {files} file(s): {errors} error(s), {warnings} warning(s), {infos} info, {hints} hint(s)',
	de: '{problems} Befund(e) in {files} Datei(en): {errors} Fehler, {warnings} Warnung(en), {infos} Info, {hints} Hinweis(e)',
};

const CLEAN: Localized = {
	en: 'No problems in {files} file(s).',
	de: 'Keine Befunde in {files} Datei(en).',
};

/**
 * `mailcfg check` for terminals and CI logs: one `file:line:col severity code message` line per finding
 * (1-based line and column, the form editors and terminals turn into links), then a summary.
 */
export function formatText(files: readonly CheckedFile[], lang: Lang): string {
	const lines: string[] = [];
	const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
	for (const { file, findings } of files) {
		for (const f of findings) {
			counts[f.severity]++;
			const where = `${file}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
			lines.push(`${where} ${tr(SEVERITY_WORD[f.severity], lang)} ${f.code} ${f.message}`);
		}
	}
	const problems = counts.error + counts.warning + counts.information + counts.hint;
	lines.push(
		problems === 0
			? tr(CLEAN, lang, { files: files.length })
			: tr(SUMMARY, lang, {
					problems,
					files: files.length,
					errors: counts.error,
					warnings: counts.warning,
					infos: counts.information,
					hints: counts.hint,
				}),
	);
	return `${lines.join('\n')}\n`;
}
