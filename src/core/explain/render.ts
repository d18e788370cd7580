import { type Lang, type Localized, tr } from '../i18n';
import type { Explanation, WalkthroughRef } from './types';

/** Labels around explanations, shared by the CLI, the hover and the explanation panel. */
export const EXPLAIN_LABELS = {
	heading: { en: 'Explanation', de: 'Erklärung' },
	cause: { en: 'Cause', de: 'Ursache' },
	question: { en: 'Check', de: 'Prüfen' },
	fix: { en: 'Fix', de: 'Behebung' },
	walkthrough: { en: 'Walkthrough', de: 'Anleitung' },
	openWalkthrough: { en: 'Open walkthrough', de: 'Anleitung öffnen' },
	rawLine: { en: 'Raw line', de: 'Originalzeile' },
	line: { en: 'Line {n}', de: 'Zeile {n}' },
	sources: { en: 'Sources', de: 'Quellen' },
	confidence: { en: 'confidence {percent} %', de: 'Treffersicherheit {percent} %' },
	noMatch: {
		en: 'No known cause matches this text. Paste the complete server reply or error message, including codes such as 535 5.7.139 or AADSTS50076.',
		de: 'Zu diesem Text passt keine bekannte Ursache. Die vollständige Serverantwort oder Fehlermeldung einfügen, samt Codes wie 535 5.7.139 oder AADSTS50076.',
	},
} as const satisfies Record<string, Localized>;

/** `guide-id#step-id` → the argument object of `mailcfg.openWalkthrough`. */
export function walkthroughArgs(ref: WalkthroughRef): { guide: string; step?: string } {
	const hash = ref.indexOf('#');
	return hash < 0 ? { guide: ref } : { guide: ref.slice(0, hash), step: ref.slice(hash + 1) };
}

function percent(confidence: number): number {
	return Math.round(confidence * 100);
}

/** Plain text for a terminal: title, cause, numbered fix steps, walkthrough, and the raw line it was found on. */
export function renderText(matches: readonly Explanation[], lang: Lang): string {
	if (matches.length === 0) return `${tr(EXPLAIN_LABELS.noMatch, lang)}\n`;
	const blocks = matches.map((match, index) => {
		const lines = [
			`${index + 1}. ${match.title}  [${match.id}, ${tr(EXPLAIN_LABELS.confidence, lang, { percent: percent(match.confidence) })}]`,
			`   ${tr(EXPLAIN_LABELS.cause, lang)}: ${match.cause}`,
			...(match.question ? [`   ${tr(EXPLAIN_LABELS.question, lang)}: ${match.question}`] : []),
			`   ${tr(EXPLAIN_LABELS.fix, lang)}:`,
			...match.fix.map((step, n) => `     ${n + 1}. ${step}`),
		];
		if (match.walkthrough) {
			const { guide } = walkthroughArgs(match.walkthrough);
			lines.push(
				`   ${tr(EXPLAIN_LABELS.walkthrough, lang)}: ${match.walkthrough}  (mailcfg walkthroughs show ${guide})`,
			);
		}
		if (match.matchedText) {
			const where = match.line !== undefined ? tr(EXPLAIN_LABELS.line, lang, { n: match.line + 1 }) : '';
			lines.push(`   ${tr(EXPLAIN_LABELS.rawLine, lang)}${where ? ` (${where})` : ''}: ${match.matchedText}`);
		}
		return lines.join('\n');
	});
	return `${blocks.join('\n\n')}\n`;
}

/** Escapes text so markdown renders it literally (used for our own texts, which may contain `*`, `_` or `<`). */
export function escapeMarkdown(text: string): string {
	return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (char) => `\\${char}`);
}

/** A fenced code block whose fence is longer than any backtick run inside, so a raw line cannot break out of it. */
function fenced(text: string): string {
	const longestRun = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
	const fence = '`'.repeat(Math.max(3, longestRun + 1));
	return `${fence}text\n${text}\n${fence}`;
}

/**
 * Markdown for a hover. `walkthroughLink` turns a walkthrough reference into a link target (a command URI the
 * caller trusts); without it the reference is shown as text.
 */
export function renderMarkdown(
	match: Explanation,
	lang: Lang,
	walkthroughLink?: (ref: WalkthroughRef) => string,
): string {
	const parts = [
		`**${escapeMarkdown(match.title)}** (${escapeMarkdown(match.id)}, ${tr(EXPLAIN_LABELS.confidence, lang, { percent: percent(match.confidence) })})`,
		`**${tr(EXPLAIN_LABELS.cause, lang)}:** ${escapeMarkdown(match.cause)}`,
		...(match.question ? [`**${tr(EXPLAIN_LABELS.question, lang)}:** ${escapeMarkdown(match.question)}`] : []),
		`**${tr(EXPLAIN_LABELS.fix, lang)}:**\n\n${match.fix.map((step, n) => `${n + 1}. ${escapeMarkdown(step)}`).join('\n')}`,
	];
	if (match.walkthrough) {
		const label = `${tr(EXPLAIN_LABELS.openWalkthrough, lang)}: ${match.walkthrough}`;
		parts.push(
			walkthroughLink ? `[${escapeMarkdown(label)}](${walkthroughLink(match.walkthrough)})` : escapeMarkdown(label),
		);
	}
	if (match.matchedText) parts.push(`${tr(EXPLAIN_LABELS.rawLine, lang)}:\n\n${fenced(match.matchedText)}`);
	return parts.join('\n\n');
}
