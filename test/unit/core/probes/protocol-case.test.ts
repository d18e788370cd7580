/**
 * Protocol keywords are case-insensitive (RFC 3501 9: "the ASCII characters in ... atoms are case-insensitive";
 * RFC 5321 2.4: "Verbs and argument values ... are not case sensitive"; RFC 4954 4: the AUTH verb likewise). People
 * type commands in lower case when they test a server by hand, and paste such sessions into reports and the explain
 * panel; servers may announce capabilities in lower case. So:
 * - a credential in a lower- or mixed-case IMAP LOGIN / AUTHENTICATE or SMTP AUTH line is masked as in upper case;
 * - the probe reads lower-case CAPABILITY lists (STARTTLS, AUTH=, LOGINDISABLED) as the upper-case ones.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Account } from '../../../../src/core/config/model';
import { probeImap } from '../../../../src/core/probes/imap';
import { Redactor, redactLine } from '../../../../src/core/probes/redact';
import { Transcript } from '../../../../src/core/probes/transcript';
import { startImapServer } from '../../../support/imap-server';
import { probeHarness, stageNames } from '../../../support/probe-harness';

const b64 = (text: string) => Buffer.from(text).toString('base64');
const SECRET = 'Hunter2-lower-case';
const TOKEN = 'ya29.a0AfH6SMBx-opaque-google-token';

describe('credentials in lower- and mixed-case commands are masked', () => {
	// The Dovecot admin manual's own test line, as typed by hand: `a login "username" "password"`
	// (https://doc.dovecotpro.com/main/core/admin/testing.html); the same without quotes from a session pasted in
	// https://mumumu.github.io/blog/2013/05/09/imap4rev1-client-command (`a login username password`).
	const imap: [string, string][] = [
		[`a login "alice@example.test" "${SECRET}"`, 'a login "alice@example.test" ***'],
		[`a login alice ${SECRET}`, 'a login alice ***'],
		[`A1 Login alice ${SECRET}`, 'A1 Login alice ***'],
		[`a2 LoGiN "import user" "${SECRET} with spaces"`, 'a2 LoGiN "import user" ***'],
		[`a3 authenticate plain ${b64(`\0alice\0${SECRET}`)}`, 'a3 authenticate plain ***'],
		[`a3 Authenticate Plain ${b64(`\0alice\0${SECRET}`)}`, 'a3 Authenticate Plain ***'],
		[`a4 authenticate xoauth2 ${b64(`user=alice\x01auth=Bearer ${TOKEN}\x01\x01`)}`, 'a4 authenticate xoauth2 ***'],
		[
			`a5 authenticate oauthbearer ${b64(`n,a=alice,\x01auth=Bearer ${TOKEN}\x01\x01`)}`,
			'a5 authenticate oauthbearer ***',
		],
		[`a6 authenticate login ${b64('alice')}`, 'a6 authenticate login ***'],
	];
	// SMTP by hand (openssl s_client -starttls smtp): `auth plain <base64>` and `auth login <base64 user>`.
	const smtp: [string, string][] = [
		[`auth plain ${b64(`\0alice\0${SECRET}`)}`, 'auth plain ***'],
		[`Auth Plain ${b64(`\0alice\0${SECRET}`)}`, 'Auth Plain ***'],
		[`auth login ${b64('alice@example.test')}`, 'auth login ***'],
		[`auth xoauth2 ${b64(`user=alice\x01auth=Bearer ${TOKEN}\x01\x01`)}`, 'auth xoauth2 ***'],
		[`auth oauthbearer ${b64(`n,a=alice,\x01auth=Bearer ${TOKEN}\x01\x01`)}`, 'auth oauthbearer ***'],
		[`auth cram-md5 ${b64(`alice ${'0'.repeat(32)}`)}`, 'auth cram-md5 ***'],
	];
	for (const [line, masked] of [...imap, ...smtp]) {
		test(masked, () => {
			// without knowing the secret (a pasted session) and with it (a probe's transcript)
			assert.equal(redactLine(line), masked);
			assert.equal(new Redactor([SECRET, TOKEN]).text(line), masked);
		});
	}

	test('decoded SASL strings, headers and key=value pairs in any case', () => {
		const cases: [string, string][] = [
			// the bearer mask takes the token up to the next space, the \x01 separators with it
			[`user=alice\x01auth=bearer ${TOKEN}\x01\x01`, 'user=alice\x01auth=bearer ***'],
			[`authorization: bearer ${TOKEN}`, 'authorization: bearer ***'],
			[`Authorization: BEARER ${TOKEN}`, 'Authorization: BEARER ***'],
			[`PASSWORD=${SECRET}`, 'PASSWORD=***'],
			[`Password: ${SECRET}`, 'Password: ***'],
			[`ACCESS_TOKEN=${TOKEN}`, 'ACCESS_TOKEN=***'],
			[`Client_Secret=${SECRET}`, 'Client_Secret=***'],
			[`"Refresh_Token": "${TOKEN}"`, '"Refresh_Token": "***"'],
		];
		for (const [line, masked] of cases) assert.equal(redactLine(line), masked, line);
	});

	test('a lower-case AUTH LOGIN exchange: both answers to the continuations are masked', () => {
		const transcript = new Transcript(new Redactor());
		transcript.client('auth login');
		transcript.server('334 VXNlcm5hbWU6');
		transcript.client(b64('alice@example.test'));
		transcript.server('334 UGFzc3dvcmQ6');
		transcript.client(b64(SECRET));
		transcript.server('235 2.7.0 Authentication successful');
		assert.deepEqual(transcript.toArray(), [
			'C: auth login',
			'S: 334 VXNlcm5hbWU6',
			'C: ***',
			'S: 334 UGFzc3dvcmQ6',
			'C: ***',
			'S: 235 2.7.0 Authentication successful',
		]);
	});

	test('lower-case server replies stay readable (no credential in them)', () => {
		for (const line of [
			'250-auth plain login xoauth2',
			'250 auth=login plain',
			'a1 no [authenticationfailed] login failed',
		]) {
			assert.equal(redactLine(line), line);
		}
	});
});

describe('the IMAP probe reads lower-case capabilities', () => {
	const harness = probeHarness({ connectMs: 3000, greetingMs: 2000, stageMs: 4000 });
	const USER = 'case@example.test';
	const PASSWORD = 'Case-Canary-7e1f02';
	const account = (port: number, security: 'tls' | 'starttls' | 'none', auth?: Account['auth']): Account => ({
		id: 'case',
		email: USER,
		auth: auth ?? { method: 'password', user: USER, password: '${secret:CASE}' },
		imap: { host: 'localhost', port, security, folder: 'INBOX' },
	});
	const server = (options: Parameters<typeof startImapServer>[0]) =>
		harness.track(
			startImapServer({
				tls: harness.certs.server,
				users: { [USER]: { password: PASSWORD, accessToken: TOKEN } },
				folders: { INBOX: 1 },
				lowerCaseCapabilities: true,
				...options,
			}),
		);

	test('`starttls` in lower case: the upgrade happens and the check passes', async () => {
		const srv = await server({ secure: false });
		const check = await probeImap(account(srv.port, 'starttls'), { password: PASSWORD }, harness.ctx());
		assert.equal(check.ok, true, JSON.stringify(check.error));
		assert.equal(stageNames(check), 'dns:ok tcp:ok greeting:ok starttls:ok capabilities:ok auth:ok folder:ok');
	});

	test('`auth=oauthbearer` in lower case: OAuth2 signs in', async () => {
		const srv = await server({ secure: true, authMechanisms: ['OAUTHBEARER'] });
		const oauth = account(srv.port, 'tls', {
			method: 'oauth2',
			user: USER,
			oauth2: { flow: 'client-credentials', clientId: 'x' },
		});
		const check = await probeImap(oauth, { accessToken: TOKEN }, harness.ctx());
		assert.equal(check.ok, true, JSON.stringify(check.error));
		assert.deepEqual(check.stages.find((s) => s.name === 'capabilities')?.facts?.authMechanisms, ['OAUTHBEARER']);
	});

	test('`logindisabled` in lower case on a plain connection: refused before the password goes out', async () => {
		const srv = await server({ secure: false, starttls: false, loginDisabledBeforeTls: true });
		const check = await probeImap(account(srv.port, 'none'), { password: PASSWORD }, harness.ctx());
		assert.equal(check.failedStage, 'auth');
		assert.equal(check.error?.code, 'AUTH_MECHANISM_UNSUPPORTED');
		assert.match(check.error?.message ?? '', /LOGINDISABLED/);
		assert.deepEqual(
			srv.commands.filter((c) => /^(?:LOGIN|AUTHENTICATE)\b/.test(c)),
			[],
		);
	});
});
