/**
 * Text that comes from a server (greetings, replies, certificate names, a library's error text quoting a reply) is
 * untrusted: before any of it reaches the text report, the CLI's JSON, the output channel, a diagnostic or a webview
 * it passes through `cleanUntrusted`, the one sanitizer for server-derived text. A greeting such as
 * `220 \x1b[2J\x1b]52;c;…\x07 all checks passed` would otherwise clear a terminal, write its clipboard (OSC 52) and
 * print a fake verdict.
 *
 * Removed: escape sequences as terminals parse them (ECMA-48 CSI, OSC, DCS/SOS/PM/APC strings, two-byte ESC
 * sequences, and their 8-bit C1 forms), then every remaining C0 control except tab and newline (CR too: a bare CR
 * rewrites the terminal line), DEL, every C1 control (U+0080-U+009F), and the bidirectional overrides and isolates
 * that reorder what a reader sees (U+202A-U+202E, U+2066-U+2069, U+200E/U+200F, U+061C).
 */

/**
 * ESC-introduced sequences (7-bit) and their C1 forms (8-bit CSI U+009B, OSC U+009D, DCS U+0090, SOS U+0098, PM U+009E,
 * APC U+009F). String sequences run to BEL or ST (ESC \ or U+009C); an unterminated one runs to the end of the text,
 * which is what a terminal would swallow too. Every quantified class excludes the terminator that follows it, so
 * matching stays linear in the text length.
 */
const ESCAPE_SEQUENCE = new RegExp(
	[
		// CSI: ESC [ or U+009B, parameter bytes, intermediate bytes, one final byte
		'(?:\\u001b\\[|\\u009b)[0-?]*[ -/]*[@-~]?',
		// OSC, DCS, SOS, PM, APC strings
		'(?:\\u001b[\\]PX^_]|[\\u009d\\u0090\\u0098\\u009e\\u009f])[^\\u0007\\u001b\\u009c]*(?:\\u0007|\\u001b\\\\|\\u009c)?',
		// other ESC sequences: intermediates, then one final byte (ESC c resets the terminal, ESC 7/8 move the cursor)
		'\\u001b[ -/]*[0-~]?',
	].join('|'),
	'g',
);

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

/** Server-derived text made safe to print: escape sequences and control characters removed (see above). */
export function cleanUntrusted(text: string): string {
	return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}

/** Every control character `cleanUntrusted` removes, line breaks and tab too, and the Unicode line separators. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const VISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/**
 * Text quoting a config file's values (a finding's message, a fix title): the file may come from a repository the
 * user did not write, yet its values are the user's to fix, so they are shown, not stripped. Each control character
 * becomes a visible `\u001b`, so the message still points at what is wrong and cannot clear a terminal, write its
 * clipboard or start a fake line in a CI log (a message is one line: line breaks are escaped too).
 */
export function showControls(text: string): string {
	return text.replace(VISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `cleanUntrusted` over every string of a facts record (strings and string lists), other values as they are. */
export function cleanUntrustedFacts<T extends Record<string, unknown>>(facts: T): T {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(facts)) {
		out[key] =
			typeof value === 'string'
				? cleanUntrusted(value)
				: Array.isArray(value)
					? value.map((v: unknown) => (typeof v === 'string' ? cleanUntrusted(v) : v))
					: value;
	}
	return out as T;
}
