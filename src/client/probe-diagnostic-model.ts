/**
 * Failed checks as diagnostics on the config line they concern, as plain data (offsets, message, walkthrough
 * link). test-diagnostics.ts turns them into vscode.Diagnostics; the text and placement are unit-tested here.
 */
import { type Lang, type Localized, tr } from '../core/i18n';
import { configPathForCheck } from '../core/probes/engine';
import type { AccountReport, ProbeCheck } from '../core/probes/result';
import { LineIndex, type Range } from '../core/text/positions';
import { type OpenWalkthroughArgs, walkthroughArgsFromData } from '../shared/protocol';
import { listAccounts, spanForPath } from './probe-accounts';
import { type ExplanationView, PROTOCOL_LABELS, reportInLang } from './probe-report-model';

export interface TestDiagnosticModel {
	offset: number;
	length: number;
	/** The probe error code (`AUTH_FAILED`), the diagnostic's `code`. */
	code: string;
	message: string;
	walkthroughArgs?: OpenWalkthroughArgs;
}

const T = {
	head: {
		en: '{protocol} test failed at {stage}: {message}',
		de: '{protocol}-Test bei {stage} fehlgeschlagen: {message}',
	},
	headNoStage: { en: '{protocol} test failed: {message}', de: '{protocol}-Test fehlgeschlagen: {message}' },
	server: { en: 'Server: {reply}', de: 'Server: {reply}' },
	fix: { en: 'Fix: {step}', de: 'Abhilfe: {step}' },
	moreSteps: {
		en: '(+{count} more steps in the report view)',
		de: '(+{count} weitere Schritte in der Berichtsansicht)',
	},
	unknown: { en: 'The test failed.', de: 'Der Test ist fehlgeschlagen.' },
} as const satisfies Record<string, Localized>;

/** Diagnostic message: what failed, the server's own words, and the explanation's title and first fix step. */
export function testDiagnosticMessage(check: ProbeCheck, lang: Lang, explanation: ExplanationView | undefined): string {
	const protocol = PROTOCOL_LABELS[check.protocol];
	const message = check.error?.message ?? tr(T.unknown, lang);
	const lines = [
		check.failedStage
			? tr(T.head, lang, { protocol, stage: check.failedStage, message })
			: tr(T.headNoStage, lang, { protocol, message }),
	];
	if (check.error?.serverResponse) lines.push(tr(T.server, lang, { reply: check.error.serverResponse }));
	if (explanation) {
		lines.push(explanation.title);
		const [first, ...rest] = explanation.fix;
		if (first) lines.push(tr(T.fix, lang, { step: first }));
		if (rest.length > 0) lines.push(tr(T.moreSteps, lang, { count: rest.length }));
	}
	return lines.join('\n');
}

/**
 * One diagnostic per failed check of `report`, on the property the failure concerns (the engine's
 * `configPathForCheck`: host for DNS, security for a TLS mode mismatch, password for a rejected login...). Accounts no
 * longer in the text get none: the user edited them away.
 */
export function testDiagnosticsFor(
	text: string,
	uri: string,
	report: AccountReport,
	lang: Lang,
	explain: (check: ProbeCheck) => ExplanationView | undefined,
): TestDiagnosticModel[] {
	const account = listAccounts(text, uri).find((a) => a.id === report.id);
	if (!account) return [];
	const result: TestDiagnosticModel[] = [];
	for (const check of report.checks) {
		if (check.ok) continue;
		// The engine's path starts at the file root (`accounts`, index); the account is located by id instead, so
		// an account that moved while the test ran is still found.
		const path = configPathForCheck(check, account.index, account.value).slice(2);
		const span = spanForPath(text, report.id, path, uri);
		if (!span) continue;
		const explanation = explain(check);
		const walkthroughArgs = explanation
			? walkthroughArgsFromData({ walkthrough: explanation.walkthrough, accountId: report.id }, uri)
			: undefined;
		result.push({
			...span,
			code: check.error?.code ?? 'UNKNOWN',
			message: testDiagnosticMessage(check, lang, explanation),
			...(walkthroughArgs ? { walkthroughArgs } : {}),
		});
	}
	return result;
}

/** A diagnostic with its line/character range in the text it was placed in. */
export interface PlacedTestDiagnostic extends TestDiagnosticModel {
	range: Range;
}

/**
 * The last report of each account per file, with the file's text, so the diagnostics can be drawn again (in another
 * language after a `mailcfg.language` change) without a re-test. The owner drops a file as soon as its text changes,
 * so the stored text is the one the reports are placed in.
 */
export class TestDiagnosticReports {
	private readonly files = new Map<
		string,
		{ text: string; reports: Map<string, { report: AccountReport; lang: Lang }> }
	>();

	/**
	 * Records `report` (worded in `lang`), replacing the previous report of the same account in the file `uri`
	 * (current text `text`).
	 */
	set(uri: string, text: string, report: AccountReport, lang: Lang): void {
		const reports = this.files.get(uri)?.reports ?? new Map<string, { report: AccountReport; lang: Lang }>();
		reports.set(report.id, { report, lang });
		this.files.set(uri, { text, reports });
	}

	/** Forgets a file; false when nothing was recorded for it. */
	delete(uri: string): boolean {
		return this.files.delete(uri);
	}

	uris(): string[] {
		return [...this.files.keys()];
	}

	/** The diagnostics of every recorded account of `uri`, in `lang`. */
	render(
		uri: string,
		lang: Lang,
		explain: (check: ProbeCheck, accountId: string) => ExplanationView | undefined,
	): PlacedTestDiagnostic[] {
		const file = this.files.get(uri);
		if (!file) return [];
		const lines = new LineIndex(file.text);
		return [...file.reports.values()].flatMap((recorded) => {
			const report = reportInLang(recorded.report, recorded.lang, lang);
			return testDiagnosticsFor(file.text, uri, report, lang, (check) => explain(check, report.id)).map((model) => ({
				...model,
				range: lines.rangeOf(model.offset, model.length),
			}));
		});
	}
}
