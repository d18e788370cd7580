/**
 * Redaction for everything a probe reports: the transcript, server replies and error details. Two layers, because
 * either alone leaks: the known secret values (in every encoding they travel in, see secretForms) are replaced wherever
 * they appear, and protocol shapes that carry credentials are masked even when the value is not known to us
 * (a server echoing a payload, a token minted during the run).
 */

export const REDACTED = '***';

/**
 * A client's SASL command with an initial response (one base64 token); server reply lines (`250 AUTH …`) are not.
 * Extra or trailing whitespace (a space, a tab, the CR of a CRLF line) must not let the payload through.
 */
const SASL_WITH_PAYLOAD =
	/^(\s*(?!\d{3}[ -])(?:[A-Za-z0-9.]+\s+)?(?:AUTH|AUTHENTICATE)\s+(?:PLAIN|LOGIN|XOAUTH2|OAUTHBEARER|CRAM-MD5))\s+\S+\s*$/i;
/** IMAP `tag LOGIN user password`: keep the user, mask the password (quoted or atom) and whatever trails it. */
const IMAP_LOGIN = /^(\S+ LOGIN (?:"(?:[^"\\]|\\.)*"|\S+)) [\s\S]+/i;
const PATTERNS: [RegExp, string][] = [
	// JWTs (access and id tokens) anywhere in a line
	[/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, REDACTED],
	[/\b(Bearer\s+)[^\s"',;]+/gi, `$1${REDACTED}`],
	// RFC 6750 b64token characters, so the \x01 separator of a decoded XOAUTH2 string ends the match
	[/\b(auth=Bearer\s*)[A-Za-z0-9._~+/=-]+/gi, `$1${REDACTED}`],
	[
		/\b((?:access_token|refresh_token|id_token|client_secret|client_assertion|password|pass|passwd)["']?\s*[=:]\s*["']?)[^\s"'&,;}]+/gi,
		`$1${REDACTED}`,
	],
];

/**
 * The base64 characters made purely of the secret's own bits, for each of the three offsets (modulo 3) at which it
 * can start inside a longer blob (`\0user\0secret` in SASL PLAIN), in both alphabets (base64 and base64url).
 */
function base64Forms(bytes: Buffer): string[] {
	return [0, 1, 2].flatMap((pad) => {
		const shifted = Buffer.concat([Buffer.alloc(pad), bytes]);
		const start = Math.ceil((pad * 8) / 6);
		const end = Math.floor(((pad + bytes.length) * 8) / 6);
		return [shifted.toString('base64').slice(start, end), shifted.toString('base64url').slice(start, end)];
	});
}

/**
 * Every form in which a secret travels or gets echoed: raw; base64 at any alignment; URL-encoded (either hex case)
 * and form-encoded (a client secret in a token request body, echoed by an authority); JSON-escaped (also with
 * non-ASCII as \u escapes). Forms under 6 characters are left out: they would shred ordinary words.
 */
export function secretForms(secret: string): string[] {
	const percent = encodeURIComponent(secret);
	const json = JSON.stringify(secret).slice(1, -1);
	const forms = new Set([
		secret,
		...base64Forms(Buffer.from(secret)),
		percent,
		percent.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
		new URLSearchParams({ s: secret }).toString().slice(2),
		json,
		json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
	]);
	return [...forms].filter((form) => form === secret || form.length >= 6);
}

/** Replaces every occurrence of the given strings, longest first so a secret that contains another is masked whole. */
export function maskAll(text: string, values: Iterable<string>): string {
	return maskInOrder(text, longestFirst(values));
}

function longestFirst(values: Iterable<string>): string[] {
	return [...values].sort((a, b) => b.length - a.length);
}

function maskInOrder(text: string, values: readonly string[]): string {
	let out = text;
	// Most text holds no secret, and split/join would copy it all the same.
	for (const value of values) if (out.includes(value)) out = out.split(value).join(REDACTED);
	return out;
}

/** Enough for every line and fact of a check; past it a server flooding lines makes texts be masked anew. */
const MAX_UNCHANGED = 1024;

/** Masks secrets in text; one per probe run, fed with every secret the run uses. */
export class Redactor {
	private readonly values = new Set<string>();
	/** The values longest first, sorted once per secret rather than once per text. */
	private ordered: string[] = [];
	/**
	 * Texts that had nothing to mask. What a server says passes here several times on its way out (the stage, the
	 * check, the engine's last pass); a text kept here holds no secret, and a new secret empties it.
	 */
	private readonly unchanged = new Set<string>();

	// Stryker disable next-line ArrayDeclaration: equivalent, a default secret would only show on a text containing it
	constructor(secrets: Iterable<string | undefined> = []) {
		for (const secret of secrets) this.add(secret);
	}

	/**
	 * Registers a secret. Values under 4 characters are not masked as substrings: they would shred every word that
	 * contains them, and the protocol-shape rules still mask them where credentials travel.
	 */
	add(secret: string | undefined): void {
		if (!secret || secret.length < 4) return;
		for (const form of secretForms(secret)) this.values.add(form);
		this.ordered = longestFirst(this.values);
		this.unchanged.clear();
	}

	/** Masks known secrets and credential-carrying shapes in one line or a multi-line block. */
	text(input: string): string {
		if (this.unchanged.has(input)) return input;
		const masked = maskInOrder(input, this.ordered);
		const out = masked.includes('\n')
			? masked
					.split(/\r?\n/)
					.map((line) => redactLine(line))
					.join('\n')
			: redactLine(masked);
		if (out === input && this.unchanged.size < MAX_UNCHANGED) this.unchanged.add(input);
		return out;
	}
}

/** Masks the credential-carrying protocol shapes of one line (no knowledge of the secret values needed). */
export function redactLine(line: string): string {
	let out = line.replace(SASL_WITH_PAYLOAD, `$1 ${REDACTED}`).replace(IMAP_LOGIN, `$1 ${REDACTED}`);
	for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
	return out;
}
