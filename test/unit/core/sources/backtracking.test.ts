/**
 * Lines that made the source adapters' line patterns backtrack polynomially (found by the fuzz suite): a key, a long
 * run of spaces, then a line separator (U+2028, or a bare CR inside a `\n`-split line) that a regex `.` does not
 * cross. A 4 KB .msmtprc took 25 s and a 10 KB application.properties 57 s; each must now be read in linear time,
 * and read as before: the setting on such a line is skipped, the ordinary lines around it still count.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sourceAccounts } from '../../../../src/core/sources/formats';
import type { SourceFormat } from '../../../../src/core/sources/names';

const SPACES = ' '.repeat(3000);
const CASES: [format: SourceFormat, name: string, key: string, separator: string, ordinary: string][] = [
	['msmtp', '.msmtprc', 'host', ' ', 'account work\nhost smtp.office365.com\nport 587\nauth on\nuser a@contoso.com'],
	[
		'mbsync',
		'.mbsyncrc',
		'Host',
		' ',
		'IMAPAccount work\nHost outlook.office365.com\nUser a@contoso.com\nSSLType IMAPS',
	],
	[
		'spring',
		'application.properties',
		'spring.mail.host',
		' = ',
		'spring.mail.host=smtp.office365.com\nspring.mail.port=587',
	],
	['postfix', 'main.cf', 'relayhost', ' = ', 'relayhost = [smtp.office365.com]:587\nsmtp_sasl_auth_enable = yes'],
];

for (const [format, name, key, separator, ordinary] of CASES) {
	test(`${format}: long runs of spaces before a line separator are read in linear time`, () => {
		const hostile = [
			`${key}${separator}${SPACES}\u2028x`,
			`${key}${separator}a${SPACES}\rb`,
			`-${SPACES}x\u2028y`,
			`${key}${separator}a${SPACES}b${SPACES}\u2028c`,
		].join('\n');
		const expected = sourceAccounts(format, ordinary, { fileName: name });
		assert.ok(expected.length > 0, 'the ordinary lines configure an account');
		const started = performance.now();
		const accounts = sourceAccounts(format, `${hostile}\n${ordinary}\n`, { fileName: name });
		const ms = performance.now() - started;
		// 12 KB of such lines: linear scanning takes milliseconds; the patterns took seconds (minutes for longer runs).
		assert.ok(ms < 2000, `${Math.round(ms)} ms`);
		assert.equal(accounts.length, expected.length);
	});
}
