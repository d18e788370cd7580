import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanUntrusted, showControls } from '../../../../src/core/text/untrusted';

// Sequences as terminals (xterm, VTE, Windows Terminal) parse them: ECMA-48 5th ed. 5.4-5.6 and xterm's
// ctlseqs (https://invisible-island.net/xterm/ctlseqs/ctlseqs.html).
const CASES: [name: string, input: string, expected: string][] = [
	['clear screen and home (CSI)', '220 \x1b[2J\x1b[Hmail.example.com ESMTP', '220 mail.example.com ESMTP'],
	['colours (SGR)', '\x1b[1;32m✓ all checks passed\x1b[0m', '✓ all checks passed'],
	['clipboard write (OSC 52, BEL)', '220 ready\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\x07', '220 ready'],
	['window title (OSC 0, ST)', '* OK \x1b]0;pwned\x1b\\IMAP ready', '* OK IMAP ready'],
	['hyperlink (OSC 8) keeps its text', '\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\', 'click'],
	['device control string (DCS)', 'a\x1bP1$r0m\x1b\\b', 'ab'],
	['8-bit CSI and OSC', 'x\u009b2Jy\u009d0;t\u0007z', 'xyz'],
	['reset (ESC c) and cursor save (ESC 7)', '\x1bcreset\x1b7', 'reset'],
	['unterminated OSC swallows the rest', '250 ok\x1b]52;c;AAAA', '250 ok'],
	['CR overwrite', '535 failed\r250 OK', '535 failed250 OK'],
	['backspaces, bell, NUL, DEL', 'a\b\b\x07\x00\x7fb', 'ab'],
	['C1 controls', 'a\u0085b\u008dc', 'abc'],
	['bidi override and isolates', 'evil\u202eexe.txt\u2066x\u2069', 'evilexe.txtx'],
	['tab and newline stay', '250-PIPELINING\n250 AUTH\tPLAIN', '250-PIPELINING\n250 AUTH\tPLAIN'],
	['text in any script stays', '* OK Willkommen, Grüße 📬 — 欢迎', '* OK Willkommen, Grüße 📬 — 欢迎'],
];

for (const [name, input, expected] of CASES) {
	test(`cleanUntrusted: ${name}`, () => {
		assert.equal(cleanUntrusted(input), expected);
	});
}

test('cleanUntrusted leaves nothing a terminal would act on, for every code point below U+00A0', () => {
	const all = Array.from({ length: 0xa0 }, (_, i) => String.fromCharCode(i)).join('');
	// eslint-disable-next-line no-control-regex
	assert.doesNotMatch(cleanUntrusted(all), /[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
});

test('cleanUntrusted is linear: a megabyte of escape starts takes well under two seconds', () => {
	const hostile = '\x1b['.repeat(300_000) + '0'.repeat(300_000);
	const started = performance.now();
	cleanUntrusted(hostile);
	assert.ok(performance.now() - started < 2000);
});

test('showControls: a config value quoted in a message shows its control characters instead of acting on them', () => {
	const cases: [string, string][] = [
		['tls\x1b[2J\x1b]52;c;Zm9v\x07', 'tls\\u001b[2J\\u001b]52;c;Zm9v\\u0007'],
		['line one\nfile.json:1:1 info all good', 'line one\\u000afile.json:1:1 info all good'],
		['a\r\tb\u2028c\u2029d', 'a\\u000d\\u0009b\\u2028c\\u2029d'],
		['\u009b31m red \u202eexe', '\\u009b31m red \\u202eexe'],
		['Grüße 📬 — dms-import', 'Grüße 📬 — dms-import'],
	];
	for (const [input, expected] of cases) assert.equal(showControls(input), expected);
});
