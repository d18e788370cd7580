/**
 * Config values with terminal escape sequences (found by the fuzz suite, test/fixtures/fuzz): a config from a pull
 * request is checked in CI with `mailcfg check`, and the findings quote its values. The values must show up as
 * visible `\u001b` escapes: they cannot clear the terminal of whoever reads the CI log, write their clipboard (OSC 52)
 * or print a fake line, and the message still points at what is wrong.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { main } from '../../../../src/cli/main';
import { fixedClock } from '../../../../src/core/clock';
import { analyzeDocument } from '../../../../src/core/sources/analyze';

const HOSTILE = '\x1b[2J\x1b[H\x1b]52;c;Y3VybCBldmlsfHNo\x07\nfile.json:1:1 info ✓ all good\u202e';
const VISIBLE = '\\u001b[2J\\u001b[H\\u001b]52;c;Y3VybCBldmlsfHNo\\u0007\\u000afile.json:1:1 info ✓ all good\\u202e';
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const now = fixedClock(new Date('2026-06-01T00:00:00Z'));

const config = JSON.stringify({
	accounts: [
		{
			id: 'a',
			email: 'a@contoso.com',
			auth: { method: 'oauth2', user: 'a@contoso.com', oauth2: { flow: `tls${HOSTILE}`, clientId: 'c' } },
			imap: { host: 'outlook.office365.com', port: 993, security: `tls${HOSTILE}` },
			[`extra${HOSTILE}`]: 1,
		},
	],
});

test('findings on our JSON quote hostile values with their control characters made visible', () => {
	const findings = analyzeDocument('file:///w/a.mailaccounts.json', config, { lang: 'en', now, validation: 'full' });
	const quoting = findings.filter((f) => f.message.includes('tls') || f.message.includes('extra'));
	assert.ok(quoting.length >= 3, JSON.stringify(findings.map((f) => f.code)));
	for (const f of findings) {
		assert.doesNotMatch(f.message, CONTROL, f.code);
		for (const fix of f.fixes) assert.doesNotMatch(fix.title, CONTROL, f.code);
	}
	assert.ok(
		findings.some((f) => f.message.includes(`"tls${VISIBLE}"`)),
		'the value is shown, escaped',
	);
});

test("findings on another tool's file (msmtp) quote hostile values visibly too", () => {
	const msmtp = `account work\nhost \x1b[2J\x1b[H__proto__\nport 587\nauth on\nuser a@b.c\nfrom a@b.c${HOSTILE}\n`;
	const findings = analyzeDocument('file:///w/.msmtprc', msmtp, { lang: 'de', now, validation: 'full' });
	assert.ok(findings.length > 0);
	for (const f of findings) assert.doesNotMatch(f.message, CONTROL, f.code);
});

test('mailcfg check prints no control character in text, and none unescaped in JSON or SARIF', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'mailcfg-hostile-'));
	after(() => rmSync(dir, { recursive: true, force: true }));
	writeFileSync(join(dir, 'a.mailaccounts.json'), config);
	for (const format of ['text', 'json', 'sarif']) {
		let stdout = '';
		const io = {
			stdout: (t: string) => (stdout += t),
			stderr: (t: string) => (stdout += t),
			readStdin: () => Promise.resolve(''),
			env: {},
			cwd: dir,
		};
		assert.equal(await main(['check', 'a.mailaccounts.json', '--format', format], io), 1);
		assert.doesNotMatch(stdout, CONTROL, format);
		assert.ok(stdout.includes('\\u001b[2J') || stdout.includes('\\\\u001b[2J'), `${format} shows the escape`);
		if (format === 'text') assert.doesNotMatch(stdout, /^file\.json:1:1/m, 'no forged report line');
	}
});
