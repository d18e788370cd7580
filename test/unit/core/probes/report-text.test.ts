/**
 * The text report of `mailcfg test` (and "Copy redacted report") for real checks: a passing and a failing account
 * probed against smtp-server on loopback, the failure being Exchange Online's SMTP AUTH refusal. What is asserted is
 * what a user reads: the verdict per account and check, the failed stage with its code, the server's reply, the
 * explanation with its numbered fix steps, the transcript only when asked for, and the summary counts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Account } from '../../../../src/core/config/model';
import { explainCheck } from '../../../../src/core/explain/match';
import type { Lang } from '../../../../src/core/i18n';
import { renderReportText } from '../../../../src/core/probes/report-text';
import type { AccountReport, ProbeCheck } from '../../../../src/core/probes/result';
import { probeSmtp } from '../../../../src/core/probes/smtp';
import { MICROSOFT_SMTP_REPLIES, startSmtpServer } from '../../../support/smtp-server';
import { probeHarness } from '../../../support/probe-harness';
import { canary } from '../../../support/canaries';

const USER = 'scanner@example.test';
const PASSWORD = canary({ wire: true });
const harness = probeHarness({ connectMs: 2000, greetingMs: 2000, stageMs: 3000 });

function account(id: string, port: number): Account {
	return {
		id,
		email: USER,
		auth: { method: 'password', user: USER, password: '${secret:PW}' },
		smtp: { host: 'localhost', port, security: 'tls' },
	};
}

async function reports(): Promise<AccountReport[]> {
	const options = { secure: true, tls: harness.certs.server, users: { [USER]: { password: PASSWORD } } };
	const good = await harness.track(startSmtpServer(options));
	const refusing = await harness.track(startSmtpServer({ ...options, authReply: 'smtpAuthDisabled' }));
	const passed = await probeSmtp(account('printer', good.port), { password: PASSWORD }, harness.ctx());
	const failed = await probeSmtp(account('m365-scanner', refusing.port), { password: PASSWORD }, harness.ctx());
	assert.equal(passed.ok, true, JSON.stringify(passed.error));
	assert.equal(failed.failedStage, 'auth');
	return [
		{ id: 'printer', checks: [passed] },
		{ id: 'm365-scanner', checks: [failed] },
	];
}

const explainIn = (lang: Lang) => (_id: string, check: ProbeCheck) =>
	explainCheck(check, { lang, auth: 'password' })[0];

describe('the text report of real checks', () => {
	test('verdicts, the failed stage, the reply, the explanation with numbered steps, the summary', async () => {
		const all = await reports();
		const text = renderReportText(all, 'en', { explain: explainIn('en') });
		const lines = text.split('\n');
		assert.equal(lines[0], '✓ printer');
		assert.equal(lines[1], '  SMTP  ✓ passed');
		assert.ok(lines.includes('✗ m365-scanner'), text);
		assert.ok(lines.includes('  SMTP  ✗ failed at auth'), text);
		assert.match(text, /^ {4}✗ auth +\d+ ms$/m);
		assert.match(text, /^ {6}→ AUTH_FAILED: .+$/m);
		assert.ok(lines.includes(`        Server: 535 ${MICROSOFT_SMTP_REPLIES.smtpAuthDisabled.text}`), text);
		const explanation = explainIn('en')('m365-scanner', all[1]?.checks[0] as ProbeCheck);
		assert.ok(explanation && explanation.fix.length >= 2, 'the catalog explains this reply with several steps');
		assert.ok(lines.includes(`        ${explanation.title}`), text);
		assert.ok(lines.includes(`        Cause: ${explanation.cause}`), text);
		// the first step follows "Fix:", the others are aligned under it
		assert.ok(lines.includes(`        Fix: 1. ${explanation.fix[0]}`), text);
		assert.ok(lines.includes(`             2. ${explanation.fix[1]}`), text);
		assert.ok(!text.includes('Transcript'), 'the transcript only when asked for');
		assert.equal(lines.at(-2), '2 account(s): 1 passed, 1 failed');
		assert.ok(text.endsWith('\n'));
	});

	test('German, with the transcript: the same counts, the transcript redacted under the failure', async () => {
		const all = await reports();
		const text = renderReportText(all, 'de', { explain: explainIn('de'), transcript: true });
		assert.match(text, /^ {2}SMTP {2}✓ bestanden$/m);
		assert.match(text, /^ {2}SMTP {2}✗ fehlgeschlagen bei auth$/m);
		assert.match(text, /^ {8}Ursache: /m);
		assert.match(text, /^ {8}Lösung: 1\. .+\n {16}2\. /m);
		assert.match(text, /^ {6}Mitschnitt \(geschwärzt\):\n {8}S: 220 /m);
		assert.match(text, /^ {8}C: AUTH PLAIN \*\*\*$/m);
		assert.ok(!text.includes(PASSWORD));
		assert.match(text, /2 Konto\/Konten: 1 bestanden, 1 fehlgeschlagen\n$/);
	});

	test('no explanation: the failure still shows code and reply, and nothing of an explanation', async () => {
		const all = await reports();
		const text = renderReportText(all, 'en');
		assert.match(text, /→ AUTH_FAILED: /);
		assert.doesNotMatch(text, /Cause:|Fix:/);
	});
});
