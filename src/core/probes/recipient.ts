/**
 * The recipient of a test mail, one check for every front end: the address goes verbatim into `RCPT TO:<…>`, so it
 * must be exactly one plain `local@domain`. A display name, a list, quotes, brackets, whitespace or a line break
 * would be misread by the server or, with CR/LF, smuggle in a second SMTP command.
 */
import type { Localized } from '../i18n';

/** Characters that are not allowed anywhere: separators and quoting of RFC 5322 headers, whitespace and controls. */
const FORBIDDEN = String.raw`\s\x00-\x1f\x7f@<>()\[\],;:"\\`;
/** The domain is two or more dot-separated labels, none of them empty (`it@.example.com` is refused). */
const PLAIN_ADDRESS = new RegExp(`^[^${FORBIDDEN}]+@[^${FORBIDDEN}.]+(?:\\.[^${FORBIDDEN}.]+)+$`);

/** True when `value` is a single plain address with a dotted domain, such as `it-admin@example.com`. */
export function isPlainRecipient(value: string): boolean {
	return PLAIN_ADDRESS.test(value);
}

/** What a valid recipient looks like, for the front ends' error messages. */
export const RECIPIENT_RULE: Localized = {
	en: 'exactly one plain address such as it-admin@example.com, without display name, quotes, angle brackets, commas or spaces',
	de: 'genau eine einfache Adresse wie it-admin@example.com, ohne Anzeigenamen, Anführungszeichen, spitze Klammern, Kommas oder Leerzeichen',
};
