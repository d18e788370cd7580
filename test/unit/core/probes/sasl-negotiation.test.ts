/**
 * SASL mechanism negotiation, IMAP and SMTP: which mechanism the probe signs in with for each set of mechanisms a
 * real server offers, and that it refuses up front (no credentials on the wire) when nothing fits the auth method.
 *
 * The mechanism sets are the ones real servers announce:
 * - Exchange Online IMAP: `AUTH=PLAIN AUTH=XOAUTH2` (outlook.office365.com:993, CAPABILITY after TLS;
 *   https://learn.microsoft.com/en-us/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth)
 * - Gmail IMAP: `AUTH=XOAUTH2 AUTH=PLAIN AUTH=PLAIN-CLIENTTOKEN AUTH=OAUTHBEARER`
 *   (https://developers.google.com/workspace/gmail/imap/xoauth2-protocol)
 * - Dovecot with `auth_mechanisms = oauthbearer` (a mail server that took the RFC 7628 mechanism only;
 *   https://doc.dovecot.org/2.3/configuration_manual/authentication/oauth2/)
 * - Exchange Online SMTP: `250-AUTH LOGIN XOAUTH2` (smtp.office365.com:587 after STARTTLS)
 * - Gmail SMTP: `250-AUTH LOGIN PLAIN XOAUTH2 PLAIN-CLIENTTOKEN OAUTHBEARER XOAUTH` (smtp.gmail.com:587)
 * - a server that announces no AUTH at all (Microsoft 365's port 25 MX endpoint, Postfix without SASL).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Account } from '../../../../src/core/config/model';
import { probeImap } from '../../../../src/core/probes/imap';
import type { ProbeCheck } from '../../../../src/core/probes/result';
import { probeSmtp } from '../../../../src/core/probes/smtp';
import { type ImapServerOptions, startImapServer } from '../../../support/imap-server';
import { probeHarness, stageNames } from '../../../support/probe-harness';
import { type SmtpServerOptions, startSmtpServer } from '../../../support/smtp-server';

const USER = 'sasl@example.test';
const PASSWORD = 'Sasl-Canary-41c7e2';
const TOKEN = 'eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJodHRwczovL291dGxvb2sub2ZmaWNlMzY1LmNvbSJ9.c2FzbC1zaWduYXR1cmU';

const harness = probeHarness({ connectMs: 3000, greetingMs: 2000, stageMs: 4000 });

type Method = 'password' | 'oauth2';

function account(protocol: 'imap' | 'smtp', port: number, method: Method): Account {
	return {
		id: 'sasl',
		email: USER,
		auth:
			method === 'oauth2'
				? { method: 'oauth2', user: USER, oauth2: { flow: 'client-credentials', clientId: 'x' } }
				: { method: 'password', user: USER, password: '${secret:SASL}' },
		[protocol]: { host: 'localhost', port, security: 'tls', ...(protocol === 'imap' ? { folder: 'INBOX' } : {}) },
	};
}

const login = (method: Method) => (method === 'oauth2' ? { accessToken: TOKEN } : { password: PASSWORD });

function imapServer(options: ImapServerOptions) {
	return harness.track(
		startImapServer({
			secure: true,
			tls: harness.certs.server,
			users: { [USER]: { password: PASSWORD, accessToken: TOKEN } },
			folders: { INBOX: 1 },
			...options,
		}),
	);
}

function smtpServer(options: SmtpServerOptions) {
	return harness.track(
		startSmtpServer({
			secure: true,
			tls: harness.certs.server,
			users: { [USER]: { password: PASSWORD, accessToken: TOKEN } },
			...options,
		}),
	);
}

const authDetail = (check: ProbeCheck) => check.stages.find((s) => s.name === 'auth')?.detail;

/** Nothing secret went out: the credentials never reached the server. */
function assertNoCredentialsSent(commands: readonly string[]): void {
	assert.deepEqual(
		commands.filter((c) => /^(?:LOGIN|AUTHENTICATE)\b/.test(c)),
		[],
	);
}

describe('IMAP: the mechanism the probe signs in with', () => {
	const signsIn: { name: string; offered: string[]; method: Method; detail: string }[] = [
		{
			name: 'OAuth2, only OAUTHBEARER (RFC 7628)',
			offered: ['OAUTHBEARER'],
			method: 'oauth2',
			detail: 'AUTHENTICATE OAUTHBEARER',
		},
		{ name: 'OAuth2, only XOAUTH2', offered: ['XOAUTH2'], method: 'oauth2', detail: 'AUTHENTICATE XOAUTH2' },
		{
			name: 'OAuth2, Exchange Online set',
			offered: ['PLAIN', 'XOAUTH2'],
			method: 'oauth2',
			detail: 'AUTHENTICATE XOAUTH2',
		},
		{
			name: 'OAuth2, Gmail set (both OAuth mechanisms)',
			offered: ['XOAUTH2', 'PLAIN', 'PLAIN-CLIENTTOKEN', 'OAUTHBEARER'],
			method: 'oauth2',
			// imapflow prefers the standard mechanism when both are there
			detail: 'AUTHENTICATE OAUTHBEARER',
		},
		{ name: 'password, only LOGIN', offered: ['LOGIN'], method: 'password', detail: 'AUTHENTICATE LOGIN' },
		{
			name: 'password, Exchange Online set',
			offered: ['PLAIN', 'XOAUTH2'],
			method: 'password',
			detail: 'AUTHENTICATE PLAIN',
		},
		// RFC 3501 6.2.3: the LOGIN command needs no AUTH= capability; only LOGINDISABLED takes it away
		{ name: 'password, no AUTH= at all', offered: [], method: 'password', detail: 'LOGIN' },
		{
			name: 'password, only OAuth mechanisms',
			offered: ['XOAUTH2', 'OAUTHBEARER'],
			method: 'password',
			detail: 'LOGIN',
		},
	];
	for (const row of signsIn) {
		test(`${row.name} → signs in with ${row.detail}`, async () => {
			const srv = await imapServer({ authMechanisms: row.offered });
			const check = await probeImap(account('imap', srv.port, row.method), login(row.method), harness.ctx());
			assert.equal(check.ok, true, JSON.stringify(check.error));
			assert.equal(stageNames(check), 'dns:ok tcp:ok tls:ok greeting:ok capabilities:ok auth:ok folder:ok');
			assert.equal(authDetail(check), `${USER} · ${row.detail}`);
			// one sign-in, with that mechanism (the test server records LOGIN with its arguments masked)
			assert.deepEqual(
				srv.commands.filter((c) => /^(?:LOGIN|AUTHENTICATE)\b/.test(c)),
				[row.detail === 'LOGIN' ? 'LOGIN ***' : row.detail],
			);
			assert.deepEqual(
				check.stages.find((s) => s.name === 'capabilities')?.facts?.authMechanisms,
				row.offered.map((m) => m.toUpperCase()),
			);
		});
	}

	const refused: { name: string; offered: string[]; offeredText: string }[] = [
		{ name: 'only PLAIN and LOGIN', offered: ['PLAIN', 'LOGIN'], offeredText: 'PLAIN, LOGIN' },
		{ name: 'no AUTH= at all', offered: [], offeredText: '-' },
		{ name: 'only a mechanism the probe does not speak', offered: ['GSSAPI'], offeredText: 'GSSAPI' },
	];
	for (const row of refused) {
		test(`OAuth2 against a server offering ${row.name} → AUTH_MECHANISM_UNSUPPORTED before any credentials`, async () => {
			const srv = await imapServer({ authMechanisms: row.offered });
			const check = await probeImap(account('imap', srv.port, 'oauth2'), login('oauth2'), harness.ctx());
			assert.equal(check.ok, false);
			assert.equal(check.failedStage, 'auth');
			assert.equal(check.error?.code, 'AUTH_MECHANISM_UNSUPPORTED');
			assert.equal(
				check.error?.message,
				'The server offers no authentication mechanism that fits the configured method. ' +
					`Offered: ${row.offeredText}. The auth method "oauth2" needs AUTH=XOAUTH2 | AUTH=OAUTHBEARER.`,
			);
			assertNoCredentialsSent(srv.commands);
		});
	}

	test('password against LOGINDISABLED without any AUTH= (plain connection) → refused before LOGIN', async () => {
		const srv = await imapServer({ secure: false, loginDisabledBeforeTls: true });
		const plain = {
			...account('imap', srv.port, 'password'),
			imap: { host: 'localhost', port: srv.port, security: 'none' as const, folder: 'INBOX' },
		};
		const check = await probeImap(plain, login('password'), harness.ctx());
		assert.equal(check.failedStage, 'auth');
		assert.equal(check.error?.code, 'AUTH_MECHANISM_UNSUPPORTED');
		assert.match(check.error?.message ?? '', /LOGINDISABLED/);
		assertNoCredentialsSent(srv.commands);
	});

	test('a wrong token over OAUTHBEARER is an AUTH_FAILED (the mechanism was right, the token was not)', async () => {
		const srv = await imapServer({ authMechanisms: ['OAUTHBEARER'] });
		const check = await probeImap(account('imap', srv.port, 'oauth2'), { accessToken: `${TOKEN}x` }, harness.ctx());
		assert.equal(check.failedStage, 'auth');
		assert.equal(check.error?.code, 'AUTH_FAILED');
	});
});

describe('SMTP: the mechanism the probe signs in with', () => {
	const signsIn: { name: string; offered: SmtpServerOptions['authMethods']; method: Method; mechanism: string }[] = [
		{ name: 'OAuth2, only XOAUTH2', offered: ['XOAUTH2'], method: 'oauth2', mechanism: 'XOAUTH2' },
		{ name: 'OAuth2, Exchange Online set', offered: ['LOGIN', 'XOAUTH2'], method: 'oauth2', mechanism: 'XOAUTH2' },
		{
			name: 'OAuth2, Gmail set',
			offered: ['LOGIN', 'PLAIN', 'XOAUTH2', 'OAUTHBEARER'],
			method: 'oauth2',
			mechanism: 'XOAUTH2',
		},
		{ name: 'password, Exchange Online set', offered: ['LOGIN', 'XOAUTH2'], method: 'password', mechanism: 'LOGIN' },
		{
			name: 'password, Gmail set',
			offered: ['LOGIN', 'PLAIN', 'XOAUTH2', 'OAUTHBEARER'],
			method: 'password',
			mechanism: 'PLAIN',
		},
		{ name: 'password, only LOGIN', offered: ['LOGIN'], method: 'password', mechanism: 'LOGIN' },
		{ name: 'password, only PLAIN', offered: ['PLAIN'], method: 'password', mechanism: 'PLAIN' },
		{ name: 'password, only CRAM-MD5', offered: ['CRAM-MD5'], method: 'password', mechanism: 'CRAM-MD5' },
	];
	for (const row of signsIn) {
		test(`${row.name} → AUTH ${row.mechanism}`, async () => {
			const srv = await smtpServer({ authMethods: row.offered });
			const check = await probeSmtp(account('smtp', srv.port, row.method), login(row.method), harness.ctx());
			assert.equal(check.ok, true, JSON.stringify(check.error));
			assert.equal(authDetail(check), `${USER} · AUTH ${row.mechanism}`);
			assert.deepEqual(srv.logins, [{ method: row.mechanism, username: USER, ok: true }]);
		});
	}

	const refused: { name: string; offered: SmtpServerOptions['authMethods']; method: Method; message: string }[] = [
		{
			name: 'OAuth2, only OAUTHBEARER',
			offered: ['OAUTHBEARER'],
			method: 'oauth2',
			message: 'Offered: OAUTHBEARER. The auth method "oauth2" needs XOAUTH2.',
		},
		{
			name: 'OAuth2, only password mechanisms',
			offered: ['PLAIN', 'LOGIN'],
			method: 'oauth2',
			message: 'Offered: PLAIN, LOGIN. The auth method "oauth2" needs XOAUTH2.',
		},
		{
			name: 'password, only XOAUTH2 (a tenant that allows OAuth only)',
			offered: ['XOAUTH2'],
			method: 'password',
			message: 'Offered: XOAUTH2. The auth method "password" needs PLAIN | LOGIN | CRAM-MD5.',
		},
		{
			name: 'password, no AUTH announced',
			offered: [],
			method: 'password',
			message: 'The server does not announce AUTH on this connection (TLS), so no login is possible.',
		},
		{
			name: 'OAuth2, no AUTH announced',
			offered: [],
			method: 'oauth2',
			message: 'The server does not announce AUTH on this connection (TLS), so no login is possible.',
		},
	];
	for (const row of refused) {
		test(`${row.name} → AUTH_MECHANISM_UNSUPPORTED, nothing sent`, async () => {
			const srv = await smtpServer({ authMethods: row.offered });
			const check = await probeSmtp(account('smtp', srv.port, row.method), login(row.method), harness.ctx());
			assert.equal(check.failedStage, 'auth');
			assert.equal(check.error?.code, 'AUTH_MECHANISM_UNSUPPORTED');
			assert.equal(
				check.error?.message,
				`The server offers no authentication mechanism that fits the configured method. ${row.message}`,
			);
			assert.deepEqual(srv.logins, []);
		});
	}

	test('the refusal names every needed mechanism in German too (none of them masked as a secret)', async () => {
		const srv = await smtpServer({ authMethods: ['XOAUTH2'] });
		const check = await probeSmtp(
			account('smtp', srv.port, 'password'),
			login('password'),
			harness.ctx({ lang: 'de' }),
		);
		assert.equal(
			check.error?.message,
			'Der Server bietet kein Anmeldeverfahren an, das zur konfigurierten Methode passt. ' +
				'Angeboten: XOAUTH2. Die Anmeldemethode "password" braucht PLAIN | LOGIN | CRAM-MD5.',
		);
	});
});
