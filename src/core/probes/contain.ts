/**
 * The last pass over everything a check carries before it leaves the probes (reports, CLI JSON and text, the
 * editor's output channel, diagnostics and report panel, progress events): server-derived text is sanitized
 * (`cleanUntrusted`: escape sequences and control characters), then secrets are masked, then the server's reply is
 * length-capped. Sanitizing comes first so a control character planted inside a secret cannot hide it from the
 * redactor and reappear once stripped.
 */
import { type Lang, type Localized, tr } from '../i18n';
import { cleanUntrusted } from '../text/untrusted';
import type { Redactor } from './redact';
import type { ProbeCheck, StageResult } from './result';

/** Characters of `error.serverResponse` a report shows; a longer reply is cut with its full length. */
export const MAX_SHOWN_RESPONSE = 4096;

const CUT: Localized = {
	en: '… [cut: {length} characters in all]',
	de: '… [gekürzt: insgesamt {length} Zeichen]',
};

/** Sanitized, then redacted: what every string from a server or a library becomes before it is shown. */
export function containText(text: string, redactor: Redactor): string {
	return redactor.text(cleanUntrusted(text));
}

export function containFacts(facts: NonNullable<StageResult['facts']>, redactor: Redactor): StageResult['facts'] {
	const out: NonNullable<StageResult['facts']> = {};
	for (const [key, value] of Object.entries(facts)) {
		out[key] =
			typeof value === 'string'
				? containText(value, redactor)
				: Array.isArray(value)
					? value.map((v) => containText(v, redactor))
					: value;
	}
	return out;
}

/** Room for the cut note, so a reply cut once is not cut again by a later pass. */
const NOTE_ROOM = 80;

/** A server reply as a report shows it: contained and, past MAX_SHOWN_RESPONSE characters, cut with its length. */
export function containResponse(text: string, redactor: Redactor, lang: Lang): string {
	const clean = containText(text, redactor);
	if (clean.length <= MAX_SHOWN_RESPONSE + NOTE_ROOM) return clean;
	return `${clean.slice(0, MAX_SHOWN_RESPONSE)}${tr(CUT, lang, { length: clean.length })}`;
}

export function containCheck(check: ProbeCheck, redactor: Redactor, lang: Lang): ProbeCheck {
	const out: ProbeCheck = {
		...check,
		stages: check.stages.map((stage) => {
			const copy = { ...stage };
			if (copy.detail !== undefined) copy.detail = containText(copy.detail, redactor);
			if (copy.facts) copy.facts = containFacts(copy.facts, redactor) as NonNullable<StageResult['facts']>;
			return copy;
		}),
		transcript: check.transcript.map((line) => containText(line, redactor)),
	};
	if (check.error) {
		out.error = { ...check.error, message: containText(check.error.message, redactor) };
		if (check.error.serverResponse !== undefined) {
			out.error.serverResponse = containResponse(check.error.serverResponse, redactor, lang);
		}
	}
	return out;
}
