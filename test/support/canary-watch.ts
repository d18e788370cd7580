/**
 * Secret canaries through every output of a probe test file (issue #9): what a user reads of a check, in the CLI and
 * in the editor, searched for the canaries of support/canaries.ts in all their encodings.
 */
import assert from 'node:assert/strict';
import { testDiagnosticMessage } from '../../src/client/probe-diagnostic-model';
import { explainCheck } from '../../src/core/explain/match';
import type { Lang } from '../../src/core/i18n';
import type { Logger } from '../../src/core/logger';
import { renderReportText } from '../../src/core/probes/report-text';
import type { AccountReport, ProbeCheck } from '../../src/core/probes/result';
import { assertNoCanary } from './canaries';

/** A probe's result: a check, or the OAuth2 probe's `{ check, accessToken }`. */
type ProbeOutcome = ProbeCheck | { check: ProbeCheck; accessToken?: string | undefined };

/**
 * The canary check of one probe test file: every check a wrapped probe returns is rendered the ways a user reads it
 * (JSON as `mailcfg test --format json` prints it, the text report with transcript and explanation in English and
 * German, the editor's diagnostic message) and asserted free of every canary at once, so a leak fails the test
 * that caused it; log lines (`logger`), errors a probe throws, and texts a test adds (`text`) are checked too. An
 * access token a probe obtained becomes a canary itself before its check is rendered.
 */
export class CanaryWatch {
	private readonly canaries: string[];
	private readonly logs: string[] = [];
	/** How many outputs were checked: `assertWatched` fails a file whose probes were never wrapped. */
	private checked = 0;

	constructor(canaries: readonly string[]) {
		this.canaries = [...canaries];
	}

	/** A logger for the probe context: every line it gets is checked with the next output, and by `assertWatched`. */
	readonly logger: Logger = {
		debug: (m) => this.logs.push(m),
		info: (m) => this.logs.push(m),
		warn: (m) => this.logs.push(m),
		error: (m) => this.logs.push(m),
	};

	/** Another secret to watch for (a token obtained during the test). */
	add(secret: string | undefined): void {
		if (secret && !this.canaries.includes(secret)) this.canaries.push(secret);
	}

	/** Asserts `text` (CLI output, an error message) carries no canary. */
	text(name: string, text: string): void {
		this.checked++;
		assertNoCanary({ [name]: text, logs: this.logs.join('\n') }, this.canaries);
	}

	/** Asserts every rendering of `check` carries no canary; returns it unchanged. */
	check<T extends ProbeCheck>(check: T): T {
		const outputs: Record<string, string> = { json: JSON.stringify(check, null, 2), logs: this.logs.join('\n') };
		for (const lang of ['en', 'de'] as Lang[]) {
			const [explanation] = explainCheck(check, { lang });
			const explain = () => explanation;
			outputs[`text-${lang}`] = renderReportText([{ id: 'watched', checks: [check] }], lang, {
				transcript: true,
				explain,
			});
			outputs[`diagnostic-${lang}`] = check.ok ? '' : testDiagnosticMessage(check, lang, explanation);
		}
		this.checked++;
		assertNoCanary(outputs, this.canaries);
		return check;
	}

	/** Asserts every check of the engine's reports (`testAccounts`); returns them unchanged. */
	reports(reports: AccountReport[]): AccountReport[] {
		for (const report of reports) report.checks.forEach((check) => this.check(check));
		return reports;
	}

	/** The probe, watched: its results (and the message of anything it throws) are checked as they come. */
	wrap<A extends unknown[], R extends ProbeOutcome>(probe: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
		return async (...args: A) => {
			let result: R;
			try {
				result = await probe(...args);
			} catch (error) {
				this.text('thrown', error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error));
				throw error;
			}
			if ('check' in result) {
				this.add(result.accessToken);
				this.check(result.check);
			} else this.check(result);
			return result;
		};
	}

	/** For the file's last test: something was watched, and no log line carries a canary. */
	assertWatched(): void {
		assert.ok(this.checked > 0, 'no probe output was watched');
		assertNoCanary({ logs: this.logs.join('\n') }, this.canaries);
	}
}
