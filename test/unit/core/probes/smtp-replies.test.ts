/**
 * The SMTP probe against what real servers say: greetings, EHLO answers, STARTTLS and AUTH replies of Gmail,
 * Exchange, Postfix, Sendmail and Orange, verbatim (source beside each), played by a scripted server on loopback.
 * Each row asserts what a user reads: the stage that failed, its code, the reply quoted, the hint, and which
 * commands went out (no credentials where no login can work, never MAIL FROM).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Account } from '../../../../src/core/config/model';
import { probeSmtp as smtpProbe } from '../../../../src/core/probes/smtp';
import { canary } from '../../../support/canaries';
import { CanaryWatch } from '../../../support/canary-watch';
import { listenOnLoopback } from '../../../support/loopback-listener';
import { probeHarness, stageNames } from '../../../support/probe-harness';

const USER = 'scanner@example.test';
const PASSWORD = canary({ wire: true });
const TOKEN = 'eyJ0eXAiOiJKV1QifQ.eyJzY3AiOiJTTVRQLlNlbmQifQ.cmVwbGllcy1zaWduYXR1cmU';
const harness = probeHarness({ connectMs: 2000, greetingMs: 2000, stageMs: 3000 });
const watch = new CanaryWatch([PASSWORD, TOKEN]);
const probeSmtp = watch.wrap(smtpProbe);

/** Postfix's EHLO answer without AUTH or STARTTLS (https://doc.fedora-fr.org/w/index.php?title=Postfix&oldid=19210). */
const POSTFIX_GREETING = '220 vinci.localdomain ESMTP Postfix';
const POSTFIX_EHLO = [
	'250-vinci.localdomain',
	'250-PIPELINING',
	'250-SIZE 10240000',
	'250-VRFY',
	'250-ETRN',
	'250-ENHANCEDSTATUSCODES',
	'250-8BITMIME',
	'250 DSN',
].join('\r\n');
/** The same server with SASL on (smtpd_sasl_auth_enable), as a submission port announces it. */
const POSTFIX_EHLO_AUTH = POSTFIX_EHLO.replace('250-VRFY', '250-AUTH PLAIN LOGIN\r\n250-VRFY');
/** Exchange's greeting (Microsoft's "Use Telnet to test SMTP communication", technet bb123686; the date filled in). */
const EXCHANGE_GREETING = '220 mail1.fabrikam.com Microsoft ESMTP MAIL Service ready at Fri, 4 Dec 2026 19:30:00 +0000';

interface Script {
	/** Sent on connect; lines joined with CRLF. */
	greeting: string;
	ehlo?: string;
	starttls?: string;
	auth?: string;
}

interface ScriptedServer {
	port: number;
	/** Every command line received, verbatim. */
	commands: string[];
	close(): Promise<void>;
}

/** A server that answers each command verb with the script's reply (an unscripted verb gets Postfix's 502). */
async function scripted(script: Script): Promise<ScriptedServer> {
	const commands: string[] = [];
	const listener = await listenOnLoopback((socket) => {
		socket.on('error', () => undefined);
		socket.write(`${script.greeting}\r\n`);
		let pending = '';
		socket.on('data', (chunk: Buffer) => {
			pending += chunk.toString('latin1');
			for (let end = pending.indexOf('\r\n'); end >= 0; end = pending.indexOf('\r\n')) {
				const line = pending.slice(0, end);
				pending = pending.slice(end + 2);
				commands.push(line);
				const verb = line.split(' ')[0]?.toUpperCase();
				const replies: Record<string, string | undefined> = {
					EHLO: script.ehlo,
					HELO: '250 vinci.localdomain',
					STARTTLS: script.starttls,
					AUTH: script.auth,
					QUIT: '221 2.0.0 Bye',
				};
				socket.write(`${(verb && replies[verb]) ?? '502 5.5.2 Error: command not recognized'}\r\n`);
				if (verb === 'QUIT') socket.end();
			}
		});
	});
	return { ...listener, commands };
}

function account(port: number, security: 'starttls' | 'none', auth?: Account['auth']): Account {
	return {
		id: 'smtp-replies',
		email: USER,
		auth: auth ?? { method: 'password', user: USER, password: '${secret:SMTP_PW}' },
		smtp: { host: 'localhost', port, security },
	};
}

async function probe(script: Script, security: 'starttls' | 'none' = 'none', auth?: Account['auth']) {
	const srv = await harness.track(scripted(script));
	const login = auth?.method === 'oauth2' ? { accessToken: TOKEN } : { password: PASSWORD };
	const check = await probeSmtp(account(srv.port, security, auth), login, harness.ctx());
	assert.ok(!srv.commands.some((c) => /^(?:MAIL|RCPT|DATA)\b/i.test(c)), 'a probe never sends mail');
	return { check, commands: srv.commands };
}

const sentAuth = (commands: string[]) => commands.some((c) => /^AUTH\b/i.test(c));

describe('SMTP greetings of real servers', () => {
	const rows: { name: string; greeting: string; code: string; message?: RegExp }[] = [
		{
			// https://support.google.com/a/answer/3726730 (Gmail SMTP errors and codes)
			name: 'Gmail, rate-limited at connect',
			greeting: '421 4.7.0 Try again later, closing connection.',
			code: 'THROTTLED',
		},
		{
			// https://www.suped.com/knowledge/email-deliverability/troubleshooting/how-to-troubleshoot-postfix-too-many-connections-errors-after-upgrading
			name: 'Orange, too many connections',
			greeting:
				'421 mwinf5c42 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR004_104 [104]',
			code: 'THROTTLED',
		},
		{
			// https://experts123.com/q/what-does-the-error-421-4.3.2-connection-rate-limit-exceeded-mean.html (sendmail)
			name: 'Sendmail, connection rate limit',
			greeting: '421 4.3.2 Connection rate limit exceeded.',
			code: 'THROTTLED',
		},
		{
			// RFC 5321 4.2.2/4.2.3: the 421 text for a server going down, and 554 "No SMTP service here" at connect
			name: '421 service not available (RFC 5321)',
			greeting: '421 mail.example.com Service not available, closing transmission channel',
			code: 'CONNECTION_CLOSED',
			message: /refused the session in its greeting/,
		},
		{
			name: '554 No SMTP service here (RFC 5321)',
			greeting: '554 No SMTP service here',
			code: 'CONNECTION_CLOSED',
			message: /refused the session in its greeting/,
		},
		{
			// Dovecot's greeting on an SMTP port (an IMAP port configured as SMTP); https://mybluelinux.com/test-imap-with-telnet
			name: 'an IMAP server (Dovecot) on the SMTP port',
			greeting:
				'* OK [CAPABILITY IMAP4rev1 LITERAL+ SASL-IR LOGIN-REFERRALS ID ENABLE IDLE STARTTLS AUTH=PLAIN AUTH=LOGIN] Dovecot ready.',
			code: 'PROTOCOL',
		},
	];
	for (const row of rows) {
		test(`${row.name}: greeting fails with ${row.code}, the reply quoted, nothing sent`, async () => {
			const { check, commands } = await probe({ greeting: row.greeting, ehlo: POSTFIX_EHLO_AUTH });
			assert.equal(stageNames(check), 'dns:ok tcp:ok greeting:fail');
			assert.equal(check.error?.code, row.code, check.error?.message);
			assert.equal(check.error?.serverResponse, row.greeting);
			if (row.message) assert.match(check.error?.message ?? '', row.message);
			assert.deepEqual(commands, [], 'no command after a refused greeting');
		});
	}

	test('a greeting of several lines (220-…) is read to its end and passed on to the login', async () => {
		// the form of cPanel's Exim banner (RFC 5321 4.2.1 multi-line reply); the date and version are examples
		const greeting = [
			'220-mail.example.com ESMTP Exim 4.96 Fri, 04 Dec 2026 19:30:00 +0000',
			'220-We do not authorize the use of this system to transport unsolicited,',
			'220 and/or bulk e-mail.',
		].join('\r\n');
		const { check } = await probe({ greeting, ehlo: POSTFIX_EHLO_AUTH, auth: '235 2.7.0 Authentication successful' });
		assert.equal(check.ok, true, JSON.stringify(check.error));
		assert.equal(check.stages.find((s) => s.name === 'greeting')?.detail, greeting.replaceAll('\r\n', '\n'));
	});
});

describe('EHLO and STARTTLS replies', () => {
	test('Postfix without STARTTLS: starttls fails, naming what the server offered instead', async () => {
		const { check, commands } = await probe({ greeting: POSTFIX_GREETING, ehlo: POSTFIX_EHLO }, 'starttls');
		assert.equal(stageNames(check), 'dns:ok tcp:ok greeting:ok ehlo:ok starttls:fail');
		assert.equal(check.error?.code, 'STARTTLS_UNAVAILABLE');
		assert.deepEqual(check.stages.at(-1)?.facts?.extensionsBeforeTls, [
			'PIPELINING',
			'SIZE 10240000',
			'VRFY',
			'ETRN',
			'ENHANCEDSTATUSCODES',
			'8BITMIME',
			'DSN',
		]);
		assert.equal(
			check.stages[3]?.detail,
			'PIPELINING · SIZE 10240000 · VRFY · ETRN · ENHANCEDSTATUSCODES · 8BITMIME · DSN',
		);
		assert.ok(!commands.includes('STARTTLS'), 'STARTTLS is not sent when it was not offered');
		assert.ok(!sentAuth(commands));
	});

	test('Postfix refusing STARTTLS (454 4.7.0, postfix smtpd.c): starttls fails with the reply, no login in clear', async () => {
		const reply = '454 4.7.0 TLS not available due to local problem';
		const ehlo = POSTFIX_EHLO_AUTH.replace('250-VRFY', '250-STARTTLS\r\n250-VRFY');
		const { check, commands } = await probe({ greeting: POSTFIX_GREETING, ehlo, starttls: reply }, 'starttls');
		assert.equal(stageNames(check), 'dns:ok tcp:ok greeting:ok ehlo:ok starttls:fail');
		assert.equal(check.error?.code, 'STARTTLS_UNAVAILABLE');
		assert.equal(check.error?.serverResponse, reply);
		assert.ok(!sentAuth(commands));
	});

	const ehloRefusals = [
		// technet bb123686: Exchange's answer to a malformed EHLO domain
		{ reply: '501 5.5.4 Invalid domain name', code: 'STARTTLS_UNAVAILABLE' },
		{ reply: '421 4.7.0 Try again later, closing connection.', code: 'THROTTLED' },
		{ reply: '421 mail.example.com Service not available, closing transmission channel', code: 'CONNECTION_CLOSED' },
	];
	for (const { reply, code } of ehloRefusals) {
		test(`EHLO before STARTTLS answered "${reply}" → ehlo / ${code}`, async () => {
			const { check } = await probe({ greeting: EXCHANGE_GREETING, ehlo: reply }, 'starttls');
			assert.equal(stageNames(check), 'dns:ok tcp:ok greeting:ok ehlo:fail');
			assert.equal(check.error?.code, code);
			assert.equal(check.error?.serverResponse, reply);
		});
	}
});

describe('AUTH: what the server announces and answers', () => {
	test('Postfix without SASL on a plain connection: no AUTH announced, no credentials sent', async () => {
		const { check, commands } = await probe({ greeting: POSTFIX_GREETING, ehlo: POSTFIX_EHLO });
		assert.equal(stageNames(check), 'dns:ok tcp:ok greeting:ok ehlo:ok auth:fail');
		assert.equal(check.error?.code, 'AUTH_MECHANISM_UNSUPPORTED');
		assert.match(check.error?.message ?? '', /does not announce AUTH on this connection, so no login/);
		assert.ok(!sentAuth(commands));
	});

	test('Exchange offering only GSSAPI and NTLM: the hint names both and what a password login needs', async () => {
		// an internal receive connector: EHLO as in technet bb123686, AUTH with Integrated Windows authentication only
		const ehlo = [
			'250-mail1.fabrikam.com Hello [127.0.0.1]',
			'250-SIZE 37748736',
			'250-AUTH GSSAPI NTLM',
			'250 8BITMIME',
		].join('\r\n');
		const { check, commands } = await probe({ greeting: EXCHANGE_GREETING, ehlo });
		assert.equal(check.failedStage, 'auth');
		assert.equal(check.error?.code, 'AUTH_MECHANISM_UNSUPPORTED');
		assert.match(
			check.error?.message ?? '',
			/Offered: GSSAPI, NTLM\. The auth method "password" needs PLAIN \| LOGIN \| CRAM-MD5\./,
		);
		assert.deepEqual(check.stages.find((s) => s.name === 'ehlo')?.facts?.authMechanisms, ['GSSAPI', 'NTLM']);
		assert.ok(!sentAuth(commands));
	});

	test('OAuth2 against a server without XOAUTH2: refused before the token goes out', async () => {
		const { check, commands } = await probe({ greeting: POSTFIX_GREETING, ehlo: POSTFIX_EHLO_AUTH }, 'none', {
			method: 'oauth2',
			user: USER,
			oauth2: { flow: 'client-credentials', clientId: 'c' },
		});
		assert.equal(check.error?.code, 'AUTH_MECHANISM_UNSUPPORTED');
		assert.match(check.error?.message ?? '', /Offered: PLAIN, LOGIN\. The auth method "oauth2" needs XOAUTH2\./);
		assert.ok(!sentAuth(commands));
	});

	test('the old AUTH= form and lower-case mechanisms are read (Postfix broken_sasl_auth_clients)', async () => {
		const ehlo = POSTFIX_EHLO.replace('250-VRFY', '250-AUTH=login plain\r\n250-VRFY');
		const { check } = await probe({ greeting: POSTFIX_GREETING, ehlo, auth: '235 2.7.0 Authentication successful' });
		assert.equal(check.ok, true, JSON.stringify(check.error));
		assert.deepEqual(check.stages.find((s) => s.name === 'ehlo')?.facts?.authMechanisms, ['LOGIN', 'PLAIN']);
		assert.equal(check.stages.at(-1)?.detail, `${USER} · AUTH PLAIN`);
	});

	const authReplies: { name: string; reply: string; code: string; shown?: string }[] = [
		{
			// https://tamingdns.com/bounce-decoder/535-5-7-8-authentication-credentials-invalid (Gmail's wording)
			name: 'Gmail, wrong password',
			reply: '535 5.7.8 Username and Password not accepted',
			code: 'AUTH_FAILED',
		},
		{
			// https://support.google.com/a/answer/3726730
			name: 'Gmail, too many logins',
			reply: '454 4.7.0 Too many login attempts, please try again later.',
			code: 'THROTTLED',
		},
		{
			// postfix smtpd/smtpd_sasl_proto.c: AUTH while SASL is off
			name: 'Postfix, authentication not enabled',
			reply: '503 5.5.1 Error: authentication not enabled',
			code: 'AUTH_MECHANISM_UNSUPPORTED',
		},
		{
			// Exchange's answer to a mechanism its receive connector does not allow
			name: 'Exchange, unrecognized authentication type',
			reply: '504 5.7.4 Unrecognized authentication type',
			code: 'AUTH_MECHANISM_UNSUPPORTED',
		},
	];
	for (const row of authReplies) {
		test(`${row.name} → auth / ${row.code}, the reply quoted`, async () => {
			const { check } = await probe({ greeting: POSTFIX_GREETING, ehlo: POSTFIX_EHLO_AUTH, auth: row.reply });
			assert.equal(stageNames(check), 'dns:ok tcp:ok greeting:ok ehlo:ok auth:fail');
			assert.equal(check.error?.code, row.code, check.error?.message);
			const lastLine = row.reply.split('\r\n').at(-1) ?? '';
			assert.ok(check.error?.serverResponse?.includes(lastLine.slice(4)), check.error?.serverResponse);
		});
	}

	test('an AUTH reply that never ends: TIMEOUT at the stage timeout, the lines the server sent are shown', async () => {
		const srv = await harness.track(
			scripted({ greeting: POSTFIX_GREETING, ehlo: POSTFIX_EHLO_AUTH, auth: '235-2.7.0 still checking' }),
		);
		const started = Date.now();
		const check = await probeSmtp(
			account(srv.port, 'none'),
			{ password: PASSWORD },
			harness.ctx({ timeouts: { connectMs: 2000, greetingMs: 2000, stageMs: 400 } }),
		);
		assert.equal(stageNames(check), 'dns:ok tcp:ok greeting:ok ehlo:ok auth:fail');
		assert.equal(check.error?.code, 'TIMEOUT');
		// nodemailer keeps an unfinished multi-line reply to itself; the probe shows what reached the socket
		assert.match(check.error?.serverResponse ?? '', /235-2\.7\.0 still checking$/);
		assert.ok(Date.now() - started < 3000, 'bounded by the stage timeout');
	});

	test('secret canaries: no password or token in any output of these checks', () => watch.assertWatched());
});
