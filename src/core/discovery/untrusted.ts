/**
 * Checks for values that come from the network (autoconfig files, DNS answers, OpenID documents): only well-formed
 * host names and ports pass, and free text is stripped of control and bidi-override characters and capped.
 */

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

// C0/C1 controls, bidi embeddings/overrides/isolates, zero-width and BOM characters.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Free text from a server, safe to print: unsafe characters become spaces, runs of spaces collapse, capped. */
export function cleanText(value: unknown, max = 120): string {
	if (typeof value !== 'string') return '';
	const text = value.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
