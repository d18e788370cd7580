import type { Range, TextEdit } from '../text/positions';
import { showControls } from '../text/untrusted';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A quick fix: one or more edits to the same document, with a title in the requested language. */
export interface Fix {
	title: string;
	edits: TextEdit[];
	/** Shown first and applied by "fix all"; set only when the fix is safe without a human decision. */
	isPreferred?: boolean;
}

/**
 * One problem in a config file. Core produces these; the server turns them into LSP diagnostics and the
 * CLI into text, JSON or SARIF, so every front end reports the same thing.
 */
export interface Finding {
	/** Stable rule id (`port-security-mismatch`) or a `schema-*` code for schema problems. */
	code: string;
	severity: Severity;
	message: string;
	range: Range;
	source: 'mailcfg';
	/** Documentation of the rule (used as LSP `codeDescription.href`). */
	docUrl: string;
	/** Deep link into the admin walkthroughs: `guide-id` or `guide-id#step-id`. */
	walkthrough?: string;
	/** Account the finding belongs to, when it belongs to one. */
	accountId?: string;
	fixes: Fix[];
}

/**
 * The finding with the control characters of the values its message and fix titles quote made visible; the same
 * object when there are none (nearly always: a large file has thousands of findings).
 */
export function printableFinding(finding: Finding): Finding {
	const message = showControls(finding.message);
	const titles = finding.fixes.map((fix) => showControls(fix.title));
	if (message === finding.message && titles.every((title, i) => title === finding.fixes[i]?.title)) return finding;
	return { ...finding, message, fixes: finding.fixes.map((fix, i) => ({ ...fix, title: titles[i] ?? fix.title })) };
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, information: 2, hint: 3 };

/** Negative when `a` is more severe than `b`. */
export function bySeverity(a: Severity, b: Severity): number {
	return SEVERITY_RANK[a] - SEVERITY_RANK[b];
}

/**
 * Collects findings up to a limit and only counts the rest, so a generated file with millions of problems costs
 * bounded memory. Producers report in file order (account by account), so what is kept is the start of the file.
 */
export class FindingSink {
	readonly kept: Finding[] = [];
	omitted = 0;
	/** The most severe of the omitted findings, so a note about them carries the severity that counts. */
	omittedSeverity: Severity | undefined;

	/** `ignored`: codes switched off by the user, neither kept nor counted. */
	constructor(
		private readonly limit: number,
		private readonly ignored: ReadonlySet<string> = new Set(),
	) {}

	/** Whether the next finding is kept; when not, a producer may call {@link skip} instead of building it. */
	get open(): boolean {
		return this.kept.length < this.limit;
	}

	add(finding: Finding): void {
		if (this.ignored.has(finding.code)) return;
		// What a rule quotes from the config reaches terminals and editors: control characters shown, not acted on.
		if (this.open) this.kept.push(printableFinding(finding));
		else this.skip(finding.severity);
	}

	skip(severity: Severity, count = 1): void {
		this.omitted += count;
		if (this.omittedSeverity === undefined || bySeverity(severity, this.omittedSeverity) < 0) {
			this.omittedSeverity = severity;
		}
	}
}

/** Where every rule and schema code is documented; `#<code>` is the heading anchor in docs/rules.md. */
export const RULES_DOC_URL = 'https://github.com/mailcfg/mailcfg/blob/main/docs/rules.md';

const docUrls = new Map<string, string>();

/** One string per code, shared by all its findings: a large file has thousands of them. */
export function ruleDocUrl(code: string): string {
	let url = docUrls.get(code);
	if (url === undefined) {
		url = `${RULES_DOC_URL}#${code}`;
		docUrls.set(code, url);
	}
	return url;
}
