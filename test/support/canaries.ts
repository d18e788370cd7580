/**
 * Secret canaries: unique secrets a test plants as passwords, client secrets or keys, and an assertion that none of
 * them leaked into any output in any encoding a secret travels in: raw, base64 at each of the three byte alignments
 * (and base64url), URL- and form-encoded (either hex case), JSON-escaped. The encodings are computed here on their
 * own, not with the redactor's code, so the check is an independent oracle.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';

/**
 * A new canary. The characters after the random part make every encoding differ from the raw value: a space and
 * `+ / & = %` change under URL and form encoding, `ü` under percent-encoding, `"` and `\` under JSON escaping.
 * `wire: true` leaves out the characters some protocol test servers cannot take in a plain LOGIN (quote, backslash);
 * `bare: true` the space too, for files that end a value at whitespace (Postfix maps, unquoted dotenv values).
 */
export function canary(options: { wire?: boolean; bare?: boolean } = {}): string {
	const id = randomBytes(6).toString('hex');
	if (options.bare) return `Cnry${id}+/&=%ü`;
	return options.wire ? `Cnry${id}+/&=%ü x` : `Cnry${id}+/&=%ü x"\\`;
}

function base64Cores(value: string, alphabet: 'base64' | 'base64url'): string[] {
	const bytes = Buffer.from(value, 'utf8');
	const cores: string[] = [];
	for (let offset = 0; offset < 3; offset++) {
		// With `offset` bytes in front, the characters that depend only on the canary's own bytes.
		const encoded = Buffer.concat([Buffer.alloc(offset, 0x41), bytes]).toString(alphabet);
		const start = Math.ceil((offset * 8) / 6);
		const end = Math.floor(((offset + bytes.length) * 8) / 6);
		cores.push(encoded.slice(start, end));
	}
	return cores;
}

/** Every form in which the canary must not appear (each at least 8 characters, so no accidental matches). */
export function canaryEncodings(value: string): Map<string, string> {
	const percent = encodeURIComponent(value);
	const forms = new Map<string, string>([
		['raw', value],
		['url', percent],
		['url-lower', percent.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())],
		['form', new URLSearchParams({ v: value }).toString().slice(2)],
		['json', JSON.stringify(value).slice(1, -1)],
		[
			'json-ascii',
			JSON.stringify(value)
				.slice(1, -1)
				.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
		],
	]);
	base64Cores(value, 'base64').forEach((core, i) => forms.set(`base64@${i}`, core));
	base64Cores(value, 'base64url').forEach((core, i) => forms.set(`base64url@${i}`, core));
	for (const [name, form] of forms) if (form.length < 8) forms.delete(name);
	return forms;
}

/** Fails naming the output, the encoding and where it appeared, never printing the whole output. */
export function assertNoCanary(outputs: Record<string, string>, canaries: readonly string[]): void {
	for (const value of canaries) {
		for (const [encoding, form] of canaryEncodings(value)) {
			for (const [name, text] of Object.entries(outputs)) {
				const at = text.indexOf(form);
				assert.equal(
					at,
					-1,
					`canary leaked into ${name} as ${encoding}: ${JSON.stringify(text.slice(Math.max(0, at - 40), at + form.length + 40))}`,
				);
			}
		}
	}
}
