// A config saved on Windows (CRLF), by an old Mac tool (CR) or on Linux (LF) is the same config: every finding must
// point at the same line and column in each, and a quick fix must edit the same text. A position that counts CR and
// LF as two breaks would send the editor and the CLI's file:line to the wrong place.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineIndex } from '../../../../src/core/text/positions';
import { GENERIC, patch } from '../rules/fixtures';
import { analyze, applyFix, configText, textAt } from '../rules/helpers';

/** Two accounts with findings on several lines: a port/TLS mismatch and a plaintext password. */
const LF = configText(
	patch(GENERIC, { smtp: { host: 'mail.mueller-bau.de', port: 465, security: 'starttls' } }),
	patch(GENERIC, { id: 'erp-2', auth: { method: 'password', user: 'erp@mueller-bau.de', password: 'Sommer2024!' } }),
);

const ENDINGS = [
	['CRLF', '\r\n'],
	['CR', '\r'],
	['mixed LF and CRLF', undefined],
] as const;

/** The text with its line ends replaced; `undefined` alternates CRLF and LF, as a file edited on two systems has. */
function withEndings(ending: string | undefined): string {
	const lines = LF.split('\n');
	if (ending) return lines.join(ending);
	return lines.reduce((text, line, i) => (i === 0 ? line : text + (i % 2 ? '\r\n' : '\n') + line), '');
}

const expected = analyze(LF);

test('the LF config has findings on several lines, so a shifted line would show', () => {
	const lines = new Set(expected.map((f) => f.range.start.line));
	assert.ok(expected.length >= 2 && lines.size >= 2, expected.map((f) => f.code).join(', '));
});

for (const [name, ending] of ENDINGS) {
	test(`${name} line ends: every finding on the same line and column, covering the same text`, () => {
		const text = withEndings(ending);
		const found = analyze(text);
		assert.deepEqual(
			found.map((f) => [f.code, f.range]),
			expected.map((f) => [f.code, f.range]),
		);
		for (const [i, f] of found.entries()) assert.equal(textAt(text, f.range), textAt(LF, expected[i]!.range), f.code);
	});

	test(`${name} line ends: each quick fix changes the same text as in the LF file`, () => {
		const text = withEndings(ending);
		const found = analyze(text);
		for (const [i, f] of found.entries()) {
			for (const [j, fix] of f.fixes.entries()) {
				const fixedHere = applyFix(text, fix).replace(/\r\n?/g, '\n');
				assert.equal(fixedHere, applyFix(LF, expected[i]!.fixes[j]!), `${f.code}: ${fix.title}`);
			}
		}
	});
}

test('line starts: CRLF is one break, a lone CR or LF is one break each', () => {
	const table: [string, number[]][] = [
		['a\nb\nc', [0, 2, 4]],
		['a\r\nb\r\nc', [0, 3, 6]],
		['a\rb\rc', [0, 2, 4]],
		['a\r\n\r\nb', [0, 3, 5]],
		['a\n\rb', [0, 2, 3]],
		['\r\n', [0, 2]],
	];
	for (const [text, starts] of table) {
		const index = new LineIndex(text);
		assert.deepEqual(
			starts.map((offset) => index.positionAt(offset)),
			starts.map((_, line) => ({ line, character: 0 })),
			JSON.stringify(text),
		);
		assert.deepEqual(index.positionAt(text.length).line, starts.length - 1, JSON.stringify(text));
	}
});
