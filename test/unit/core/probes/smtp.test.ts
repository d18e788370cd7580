import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ProbeContext } from '../../../../src/core/probes/context';
import type { Account } from '../../../../src/core/config/model';
import { probeSmtp as smtpProbe, sendTestMail as smtpSendTestMail } from '../../../../src/core/probes/smtp';
import { WELL_KNOWN_PORTS } from '../../../../src/core/probes/target';
import {
	type FailureCase,
	assertCancelsDuringGreeting,
	assertFailure,
	probeHarness,
	stageNames,
	transportFailures,
} from '../../../support/probe-harness';
import { canary } from '../../../support/canaries';
import { CanaryWatch } from '../../../support/canary-watch';
import {
	MICROSOFT_SMTP_REPLIES,
	type SmtpServerOptions,
	type SmtpTestServer,
	startSmtpServer,
} from '../../../support/smtp-server';

const USER = 'scanner@example.test';
const PASSWORD = canary({ wire: true });
const WRONG = canary({ wire: true });
const TOKEN = 'eyJ0eXAiOiJKV1QifQ.eyJzY3AiOiJTTVRQLlNlbmQifQ.c210cC1zaWduYXR1cmU';

const harness = probeHarness({ connectMs: 1500, greetingMs: 500, stageMs: 2000 });
// Every check of this file is rendered (JSON, text report, diagnostic) and searched for the canaries as it comes.
const watch = new CanaryWatch([PASSWORD, WRONG, TOKEN]);
const probeSmtp = watch.wrap(smtpProbe);
const sendTestMail = watch.wrap(smtpSendTestMail);
const ctx = (extra: Partial<ProbeContext> = {}) => harness.ctx({ logger: watch.logger, ...extra });

function account(port: number, security: 'tls' | 'starttls' | 'none', auth?: Account['auth']): Account {
	return {
		id: 'smtp-test',
		email: USER,
		auth: auth ?? { method: 'password', user: USER, password: '${secret:SMTP_PW}' },
		smtp: { host: 'localhost', port, security },
	};
}

function server(options: SmtpServerOptions): Promise<SmtpTestServer> {
	return harness.track(
		startSmtpServer({
			tls: harness.certs.server,
			users: { [USER]: { password: PASSWORD, accessToken: TOKEN } },
			...options,
		}),
	);
}

describe('SMTP probe against smtp-server on loopback', () => {
	test('implicit TLS (465 style): dns tcp tls greeting ehlo auth', async () => {
		const srv = await server({ secure: true });
		const check = await probeSmtp(account(srv.port, 'tls'), { password: PASSWORD }, ctx());
		assert.equal(check.ok, true, JSON.stringify(check.error));
		assert.equal(stageNames(check), 'dns:ok tcp:ok tls:ok greeting:ok ehlo:ok auth:ok');
		assert.deepEqual(check.stages.find((s) => s.name === 'ehlo')?.facts?.authMechanisms, ['PLAIN', 'LOGIN', 'XOAUTH2']);
		assert.deepEqual(srv.logins, [{ method: 'PLAIN', username: USER, ok: true }]);
		assert.equal(srv.messages.length, 0, 'a probe never sends mail');
	});

	test('STARTTLS (587 style): ehlo, starttls, ehlo again, auth', async () => {
		const srv = await server({ secure: false });
		const check = await probeSmtp(account(srv.port, 'starttls'), { password: PASSWORD }, ctx());
		assert.equal(check.ok, true, JSON.stringify(check.error));
		assert.equal(stageNames(check), 'dns:ok tcp:ok greeting:ok ehlo:ok starttls:ok ehlo:ok auth:ok');
		assert.ok((check.stages[3]?.facts?.extensions as string[]).includes('STARTTLS'));
		assert.equal(srv.messages.length, 0);
	});

	test('timeouts beyond what a Node timer holds (~24.8 days) still mean "wait", not "fire at once"', async () => {
		const srv = await server({ secure: false });
		const huge = 3_000_000_000;
		const slow = { ...account(srv.port, 'starttls'), timeouts: { connect: huge, greeting: huge, stage: huge } };
		const check = await probeSmtp(slow, { password: PASSWORD }, ctx());
		assert.equal(check.ok, true, JSON.stringify(check.error));
		assert.equal(stageNames(check), 'dns:ok tcp:ok greeting:ok ehlo:ok starttls:ok ehlo:ok auth:ok');
	});

	test('XOAUTH2 with the access token', async () => {
		const srv = await server({ secure: true });
		const oauth = account(srv.port, 'tls', {
			method: 'oauth2',
			user: USER,
			oauth2: { flow: 'client-credentials', clientId: 'c' },
		});
		const check = await probeSmtp(oauth, { accessToken: TOKEN }, ctx());
		assert.equal(check.ok, true, JSON.stringify(check.error));
		assert.equal(srv.logins[0]?.method, 'XOAUTH2');
		assert.doesNotMatch(JSON.stringify(check), /eyJ0eXAi|c210cC1zaWduYXR1cmU/);
	});

	/** The test mail of the account on `port`, to the address the user confirmed. */
	const sendTo = (port: number, security: 'tls' | 'starttls') =>
		sendTestMail(account(port, security), 'admin@example.test', { password: PASSWORD }, ctx());

	test('sendTestMail sends exactly one short mail to the confirmed address', async () => {
		const srv = await server({ secure: false });
		const check = await sendTo(srv.port, 'starttls');
		assert.equal(check.ok, true, JSON.stringify(check.error));
		assert.equal(check.stages.at(-1)?.name, 'send');
		assert.equal(srv.messages.length, 1);
		assert.deepEqual(srv.messages[0]?.to, ['admin@example.test']);
		assert.match(srv.messages[0]?.text ?? '', /test mail sent by mailcfg/);
	});

	test('the test mail is a well-formed text message that names the account, and its stage quotes the reply', async () => {
		const srv = await server({ secure: false });
		const before = Date.now();
		const check = await sendTo(srv.port, 'starttls');
		assert.equal(check.ok, true, JSON.stringify(check.error));
		const [head = '', body = ''] = (srv.messages[0]?.text ?? '').split('\r\n\r\n');
		const headers = new Map(
			head.split('\r\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
		);
		assert.equal(headers.get('From'), USER);
		assert.equal(headers.get('To'), 'admin@example.test');
		assert.equal(headers.get('Subject'), 'mailcfg test mail (smtp-test)');
		assert.equal(headers.get('MIME-Version'), '1.0');
		assert.equal(headers.get('Content-Type'), 'text/plain; charset=utf-8');
		assert.match(headers.get('Message-ID') ?? '', /^<[^<>@\s]+@mailcfg\.invalid>$/);
		// RFC 5322 3.6.1: a Date is required; to the second, as toUTCString writes it
		const date = Date.parse(headers.get('Date') ?? '');
		assert.ok(date >= before - 1000 && date <= Date.now(), headers.get('Date'));
		assert.match(
			body,
			/^This is a test mail sent by mailcfg for the account "smtp-test"\.\r\nDies ist eine Testmail von mailcfg für das Konto "smtp-test"\./,
		);
		const send = check.stages.at(-1);
		assert.equal(send?.detail, `${USER} → admin@example.test · 250 OK: queued as mailcfg-test`);
		assert.deepEqual(send?.facts, { from: USER, to: 'admin@example.test', response: '250 OK: queued as mailcfg-test' });
	});

	const failures: FailureCase[] = [
		{
			name: 'wrong password',
			setup: () => server({ secure: true }),
			security: 'tls',
			password: WRONG,
			stage: 'auth',
			code: 'AUTH_FAILED',
			serverResponse: '535 5.7.3 Authentication unsuccessful',
		},
		{
			name: 'Microsoft 365 with SMTP AUTH disabled for the tenant',
			setup: () => server({ secure: false, authReply: 'smtpAuthDisabled' }),
			security: 'starttls',
			stage: 'auth',
			code: 'AUTH_FAILED',
			serverResponse: `535 ${MICROSOFT_SMTP_REPLIES.smtpAuthDisabled.text}`,
		},
		{
			name: 'Microsoft 365 refusing basic auth for client submission',
			setup: () => server({ secure: false, authReply: 'basicAuthNotSupported' }),
			security: 'starttls',
			stage: 'auth',
			code: 'AUTH_FAILED',
			serverResponse: '550 5.7.30 Basic authentication is not supported for Client Submission.',
		},
		{
			name: 'AUTH not offered at all',
			setup: () => server({ secure: true, authMethods: [] }),
			security: 'tls',
			stage: 'auth',
			code: 'AUTH_MECHANISM_UNSUPPORTED',
			message: /does not announce AUTH/,
		},
		{
			name: 'expired certificate after STARTTLS',
			setup: () => server({ secure: false, tls: harness.certs.expired }),
			security: 'starttls',
			stage: 'starttls',
			code: 'TLS_CERT_INVALID',
			message: /expired/,
		},
		...transportFailures(harness, server, WELL_KNOWN_PORTS.smtp),
	];

	for (const c of failures) {
		test(`${c.name} → ${c.stage} / ${c.code}`, async () => {
			const { port } = await c.setup();
			const startedAt = Date.now();
			const check = await probeSmtp(account(port, c.security), { password: c.password ?? PASSWORD }, ctx());
			assertFailure(check, c, { startedAt, withinMs: 6000, secret: PASSWORD });
		});
	}

	test('Exchange answers MAIL FROM without login with 530 5.7.57: the test mail fails at send', async () => {
		// the login passes here (valid user), so the 530 only shows when a sender skips AUTH; the server helper
		// produces it for unauthenticated senders, which the send stage reports as SEND_FAILED with the reply
		const srv = await server({ secure: true, rejectUnauthenticatedSender: true });
		const check = await sendTo(srv.port, 'tls');
		assert.equal(check.ok, true, 'an authenticated sender is accepted');
		assert.equal(srv.messages.length, 1);
	});

	test('cancellation during the greeting wait ends at once', () =>
		assertCancelsDuringGreeting(harness, (port, context) =>
			probeSmtp(account(port, 'starttls'), { password: PASSWORD }, context),
		));

	test('no secret in any field: AUTH PLAIN payload and password masked in the transcript', async () => {
		const srv = await server({ secure: true, authReply: 'authUnsuccessful' });
		const check = await probeSmtp(account(srv.port, 'tls'), { password: PASSWORD }, ctx());
		const serialized = JSON.stringify(check);
		assert.ok(!serialized.includes(PASSWORD));
		assert.ok(!serialized.includes(Buffer.from(`\0${USER}\0${PASSWORD}`).toString('base64')));
		assert.ok(check.transcript.includes('C: AUTH PLAIN ***'), check.transcript.join('\n'));
	});

	test('secret canaries: no password, wrong password or token in any output of these checks', () =>
		watch.assertWatched());
});
