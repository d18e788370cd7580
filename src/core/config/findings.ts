import type { Range, TextEdit } from '../text/positions';

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
