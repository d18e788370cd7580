/**
 * What the explanation panel shows, built from core's catalog. Free of `vscode` so the unit tests and the browser
 * suite feed the page exactly the message the extension sends.
 */
import { explain } from '../core/explain/match';
import { EXPLAIN_LABELS } from '../core/explain/render';
import type { Explanation } from '../core/explain/types';
import type { Lang, Localized } from '../core/i18n';
import {
	EXPLAIN_UI_KEYS,
	type ExplainHostToWebview,
	type ExplainUiKey,
	type ExplainUiStrings,
	type ExplanationView,
} from '../shared/webview-protocol';

/** The page's labels: core's explanation labels plus the heading of the explained input. */
const PAGE_LABELS = {
	...EXPLAIN_LABELS,
	input: { en: 'Explained text', de: 'Erklärter Text' },
} satisfies Record<ExplainUiKey, Localized>;

/** Copies exactly the fields the page renders, so nothing else core may add to `Explanation` goes over the wire. */
function toView(match: Explanation): ExplanationView {
	const { id, title, cause, fix, walkthrough, confidence, question, sources, matchedText, line } = match;
	return {
		id,
		title,
		cause,
		fix,
		confidence,
		sources,
		matchedText,
		...(walkthrough !== undefined ? { walkthrough } : {}),
		...(question !== undefined ? { question } : {}),
		...(line !== undefined ? { line } : {}),
	};
}

/** The `show` message for `input`: explained again in `lang` on every call, so a language change applies. */
export function explanationMessage(input: string, lang: Lang): ExplainHostToWebview {
	const ui = Object.fromEntries(EXPLAIN_UI_KEYS.map((key) => [key, PAGE_LABELS[key][lang]])) as ExplainUiStrings;
	return { type: 'show', lang, ui, input, matches: explain(input, { lang }).map(toView) };
}
