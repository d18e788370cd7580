/**
 * The readable stage tree of `mailcfg test` (and the extension's "Copy redacted report"): one block per account,
 * one per check, one line per stage; the failing stage carries the code, our message, the server's reply and,
 * when the caller supplies one, the explanation. Reports are already redacted and contained; server-derived text is
 * sanitized once more here, where it meets a terminal, in case a report arrives from elsewhere (a saved JSON report).
 */
import { type Lang, type Localized, tr } from '../i18n';
import { cleanUntrusted } from '../text/untrusted';
import type { AccountReport, ProbeCheck } from './result';

/** What the report shows under a failure; the explanation catalog's result fits it. */
export interface ReportExplanation {
	title: string;
	cause: string;
	fix: string[];
}

export interface ReportTextOptions {
	explain?: (accountId: string, check: ProbeCheck) => ReportExplanation | undefined;
	/** Append the redacted transcript of failed checks. */
	transcript?: boolean;
}

const TEXT = {
	passed: { en: 'passed', de: 'bestanden' },
	failedAt: { en: 'failed at {stage}', de: 'fehlgeschlagen bei {stage}' },
	failed: { en: 'failed', de: 'fehlgeschlagen' },
	server: { en: 'Server', de: 'Server' },
	cause: { en: 'Cause', de: 'Ursache' },
	fix: { en: 'Fix', de: 'Lösung' },
	transcript: { en: 'Transcript (redacted)', de: 'Mitschnitt (geschwärzt)' },
	summary: {
		en: '{total} account(s): {passed} passed, {failed} failed',
		de: '{total} Konto/Konten: {passed} bestanden, {failed} fehlgeschlagen',
	},
} as const satisfies Record<string, Localized>;

export function renderReportText(reports: AccountReport[], lang: Lang, options: ReportTextOptions = {}): string {
	const out: string[] = [];
	let passed = 0;
	for (const report of reports) {
		const ok = report.checks.every((c) => c.ok);
		if (ok) passed++;
		out.push(`${ok ? '✓' : '✗'} ${cleanUntrusted(report.id)}`);
		for (const check of report.checks) out.push(...renderCheck(report.id, check, lang, options));
		out.push('');
	}
	out.push(tr(TEXT.summary, lang, { total: reports.length, passed, failed: reports.length - passed }));
	return `${out.join('\n')}\n`;
}

function renderCheck(accountId: string, check: ProbeCheck, lang: Lang, options: ReportTextOptions): string[] {
	const verdict = check.ok
		? tr(TEXT.passed, lang)
		: check.failedStage
			? tr(TEXT.failedAt, lang, { stage: check.failedStage })
			: tr(TEXT.failed, lang);
	const lines = [`  ${check.protocol.toUpperCase()}  ${check.ok ? '✓' : '✗'} ${verdict}`];
	const width = Math.max(8, ...check.stages.map((s) => s.name.length));
	for (const stage of check.stages) {
		const ms = `${stage.ms} ms`.padStart(8);
		lines.push(
			`    ${stage.ok ? '✓' : '✗'} ${stage.name.padEnd(width)} ${ms}${stage.detail ? `  ${oneLine(cleanUntrusted(stage.detail))}` : ''}`,
		);
	}
	if (check.error) {
		lines.push(`      → ${check.error.code}: ${cleanUntrusted(check.error.message)}`);
		if (check.error.serverResponse) {
			const [first, ...rest] = cleanUntrusted(check.error.serverResponse).split('\n');
			lines.push(`        ${tr(TEXT.server, lang)}: ${first}`, ...rest.map((l) => `        ${l}`));
		}
		const explanation = options.explain?.(accountId, check);
		if (explanation) {
			lines.push(`        ${explanation.title}`);
			lines.push(`        ${tr(TEXT.cause, lang)}: ${explanation.cause}`);
			explanation.fix.forEach((step, i) =>
				lines.push(
					`        ${i === 0 ? `${tr(TEXT.fix, lang)}:` : ' '.repeat(tr(TEXT.fix, lang).length + 1)} ${i + 1}. ${step}`,
				),
			);
		}
		if (options.transcript && check.transcript.length) {
			lines.push(`      ${tr(TEXT.transcript, lang)}:`, ...check.transcript.map((l) => `        ${cleanUntrusted(l)}`));
		}
	}
	return lines;
}

function oneLine(text: string): string {
	return text.replace(/\s*\n\s*/g, ' ⏎ ');
}
