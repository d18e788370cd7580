/**
 * Checks for values that come from the network (autoconfig files, DNS answers, OpenID documents): only well-formed
 * host names and ports pass, and free text is stripped of control and bidi-override characters and capped.
 */
import { cleanUntrusted } from '../text/untrusted';

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A DNS host name (ASCII, at least two labels), lower-cased and without a trailing dot; undefined otherwise. */
export function hostName(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const host = value.trim().toLowerCase().replace(/\.$/, '');
	if (host.length === 0 || host.length > 253) return undefined;
	const labels = host.split('.');
	if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return undefined;
	// An all-numeric last label is an IPv4 address, not a name.
	return /^\d+$/.test(labels.at(-1) as string) ? undefined : host;
}

export function port(value: unknown): number | undefined {
	const n = typeof value === 'string' && /^\d{1,5}$/.test(value.trim()) ? Number(value.trim()) : value;
	return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 65535 ? n : undefined;
}

// What `cleanUntrusted` leaves and a one-line label must not hold either: line breaks, tabs, zero-width and BOM
// characters.
const LINE_BREAKING = /[\t\n\u200b-\u200d\ufeff]/g;

/**
 * Free text from a server, safe to print on one line: escape sequences and controls removed by the shared sanitizer
 * (so an OSC or CSI payload does not survive as text), remaining breaks become spaces, runs of spaces collapse, capped.
 */
export function cleanText(value: unknown, max = 120): string {
	if (typeof value !== 'string') return '';
	const text = cleanUntrusted(value).replace(LINE_BREAKING, ' ').replace(/\s+/g, ' ').trim();
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
