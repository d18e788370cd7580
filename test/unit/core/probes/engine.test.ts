import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Account } from '../../../../src/core/config/model';
import type { ProbeContext } from '../../../../src/core/probes/context';
import { configPathForCheck, defaultDeps, testAccounts, type ProbeProgress } from '../../../../src/core/probes/index';
import type { AccountReport, ProbeCheck } from '../../../../src/core/probes/result';
import { cliSecretResolver, resolveCredentials } from '../../../../src/core/secrets';
import { STRICT_POLICY } from '../../../../src/core/trust/policy';
import { canary } from '../../../support/canaries';
import { CanaryWatch } from '../../../support/canary-watch';
import { type TestCerts, testCerts } from '../../../support/certs';
import { type ImapTestServer, startImapServer } from '../../../support/imap-server';
import { type SmtpTestServer, startSmtpServer } from '../../../support/smtp-server';

const USER = 'import@example.test';
const PASSWORD = canary({ wire: true });
const CLIENT_SECRET = canary();
// Every report of this file is rendered (JSON, text report, diagnostic) and searched for the canaries.
const watch = new CanaryWatch([PASSWORD, CLIENT_SECRET]);
let certs: TestCerts;
let imap: ImapTestServer;
let smtp: SmtpTestServer;

before(async () => {
	certs = await testCerts();
	imap = await startImapServer({
		secure: true,
		tls: certs.server,
		users: { [USER]: { password: PASSWORD } },
		folders: { INBOX: 4 },
	});
	smtp = await startSmtpServer({ tls: certs.server, users: { [USER]: { password: PASSWORD } } });
});
after(async () => {
	await Promise.all([imap.close(), smtp.close()]);
});

const ctx = (): ProbeContext => ({
	lang: 'en',
	clock: () => new Date(),
	timeouts: { connectMs: 1500, greetingMs: 500, stageMs: 2000 },
	extraCa: [certs.caCert],
	logger: watch.logger,
});

function account(id: string, password = '${secret:IMPORT}'): Account {
	return {
		id,
		email: USER,
		auth: { method: 'password', user: USER, password },
		imap: { host: 'localhost', port: imap.port, security: 'tls' },
		smtp: { host: 'localhost', port: smtp.port, security: 'starttls' },
	};
}

const resolveWith = (env: Record<string, string>) => (a: Account) =>
	resolveCredentials(a, cliSecretResolver(env), 'en', { policy: STRICT_POLICY, frontEnd: 'cli' });

test('tests the selected accounts, IMAP then SMTP, with stage progress events and no secret anywhere', async () => {
	const events: ProbeProgress[] = [];
	const reports = await testAccounts(
		{ accounts: [account('one'), account('two'), account('three')] },
		{
			ctx: ctx(),
			accounts: ['one', 'three'],
			concurrency: 2,
			resolveSecrets: resolveWith({ MAILCFG_SECRET_IMPORT: PASSWORD }),
			onProgress: (e) => events.push(e),
		},
	);
	assert.deepEqual(
		reports.map((r) => r.id),
		['one', 'three'],
	);
	for (const report of reports) {
		assert.deepEqual(
			report.checks.map((c) => [c.protocol, c.ok]),
			[
				['imap', true],
				['smtp', true],
			],
		);
	}
	assert.ok(
		events.some(
			(e) =>
				e.accountId === 'three' && e.protocol === 'smtp' && e.stage === 'auth' && e.state === 'done' && e.result?.ok,
		),
	);
	watch.reports(reports);
});

test('a missing secret is one CONFIG check naming the reference; nothing connects', async () => {
	const before = imap.commands.length;
	const [report] = await testAccounts(
		{ accounts: [account('lonely')] },
		{ ctx: ctx(), resolveSecrets: resolveWith({}) },
	);
	watch.reports([report as AccountReport]);
	assert.equal(report?.checks.length, 1);
	assert.equal(report?.checks[0]?.error?.code, 'CONFIG');
	assert.match(report?.checks[0]?.error?.message ?? '', /\$\{secret:IMPORT\}.*MAILCFG_SECRET_IMPORT/);
	assert.equal(imap.commands.length, before);
});

test('OAuth2 without an app registration (an msmtp/mbsync token helper): one CONFIG check that says why; nothing connects', async () => {
	const before = [imap.commands.length, smtp.logins.length];
	const helperAccount: Account = { ...account('helper'), auth: { method: 'oauth2', user: USER } as Account['auth'] };
	const [report] = await testAccounts({ accounts: [helperAccount] }, { ctx: ctx(), resolveSecrets: resolveWith({}) });
	watch.reports([report as AccountReport]);
	assert.deepEqual(
		report?.checks.map((c) => [c.protocol, c.error?.code, c.failedStage]),
		[['oauth2', 'CONFIG', 'auth']],
	);
	assert.match(report?.checks[0]?.error?.message ?? '', /"auth\.oauth2".*never runs/);
	assert.deepEqual([imap.commands.length, smtp.logins.length], before);
});

test('an account that is not an object is one CONFIG check that says so', async () => {
	const reports = await testAccounts(
		{ accounts: ['imap.example.test', null, [account('nested')]] },
		{ ctx: ctx(), resolveSecrets: resolveWith({}) },
	);
	watch.reports(reports);
	assert.equal(reports.length, 3);
	for (const report of reports) {
		assert.deepEqual(
			report.checks.map((c) => [c.ok, c.error?.code, c.error?.message]),
			[[false, 'CONFIG', 'The account is not an object.']],
		);
	}
});

test('refusals of the trust policy are CONFIG checks of the part they concern; nothing connects', async () => {
	const before = [imap.commands.length, smtp.logins.length];
	// an environment variable outside MAILCFG_* on an SMTP-only account: the SMTP check's auth
	const env: Account = { ...account('env', '${env:HOME}'), imap: undefined } as unknown as Account;
	// an OAuth2 authority that is not Microsoft's and not allowed: the oauth2 check's authority stage
	const authority: Account = {
		...account('authority'),
		auth: {
			method: 'oauth2',
			user: USER,
			oauth2: {
				flow: 'client-credentials',
				clientId: 'c',
				tenant: 'contoso.test',
				authority: 'https://sso.example.test',
			},
		},
	};
	const reports = await testAccounts({ accounts: [env, authority] }, { ctx: ctx(), resolveSecrets: resolveWith({}) });
	watch.reports(reports);
	assert.deepEqual(
		reports.map((r) => r.checks.map((c) => [c.protocol, c.error?.code, c.failedStage])),
		[[['smtp', 'CONFIG', 'auth']], [['oauth2', 'CONFIG', 'authority']]],
	);
	assert.match(reports[0]?.checks[0]?.error?.message ?? '', /HOME/);
	assert.match(reports[1]?.checks[0]?.error?.message ?? '', /sso\.example\.test/);
	assert.deepEqual([imap.commands.length, smtp.logins.length], before);
});

test('OAuth2 without a token: the oauth2 check carries the cause, IMAP and SMTP are not run', async () => {
	// Stand-in for the msal-backed probe (its own tests run it against the local OIDC authority): this test is
	// about the engine's decision when no token comes back.
	const failedToken: ProbeCheck = {
		protocol: 'oauth2',
		ok: false,
		failedStage: 'token',
		error: {
			code: 'OAUTH_TOKEN',
			message: 'No access token could be obtained.',
			serverResponse: 'AADSTS7000215: Invalid client secret provided.',
		},
		stages: [
			{ name: 'authority', ok: true, ms: 1 },
			{ name: 'token', ok: false, ms: 2 },
		],
		transcript: [],
	};
	const oauthAccount: Account = {
		...account('oauth'),
		auth: {
			method: 'oauth2',
			user: USER,
			oauth2: { flow: 'client-credentials', tenant: 't', clientId: 'c', clientSecret: CLIENT_SECRET },
		},
	};
	const before = imap.commands.length;
	const [report] = await testAccounts(
		{ accounts: [oauthAccount] },
		{
			ctx: ctx(),
			resolveSecrets: resolveWith({}),
			deps: { ...defaultDeps, probeOAuth2: async () => ({ check: failedToken }) },
		},
	);
	assert.deepEqual(
		report?.checks.map((c) => c.protocol),
		['oauth2'],
	);
	watch.reports([report as AccountReport]);
	assert.match(report?.checks[0]?.transcript.at(-1) ?? '', /IMAP, SMTP not tested: no access token/);
	assert.equal(imap.commands.length, before);
});

/** A failed check as the engine reports it, for configPathForCheck: only protocol, stage and code matter. */
function failedCheck(
	protocol: ProbeCheck['protocol'],
	failedStage: NonNullable<ProbeCheck['failedStage']>,
	code: string,
): ProbeCheck {
	return { protocol, ok: false, failedStage, error: { code: code as never, message: '' }, stages: [], transcript: [] };
}

test('configPathForCheck points at the property a failure concerns, falling back to what exists', () => {
	const acc = { ...account('x', 'pw'), imap: { host: 'h', port: 993, security: 'tls' as const, folder: 'Import' } };
	const table: [ProbeCheck, (string | number)[]][] = [
		[failedCheck('imap', 'dns', 'DNS_NOT_FOUND'), ['accounts', 2, 'imap', 'host']],
		[failedCheck('imap', 'tcp', 'CONNECTION_REFUSED'), ['accounts', 2, 'imap', 'port']],
		[failedCheck('smtp', 'tls', 'TLS_MODE_MISMATCH'), ['accounts', 2, 'smtp', 'security']],
		[failedCheck('smtp', 'starttls', 'STARTTLS_UNAVAILABLE'), ['accounts', 2, 'smtp', 'security']],
		[failedCheck('imap', 'auth', 'AUTH_FAILED'), ['accounts', 2, 'auth', 'password']],
		[failedCheck('smtp', 'auth', 'AUTH_MECHANISM_UNSUPPORTED'), ['accounts', 2, 'auth', 'method']],
		[failedCheck('imap', 'folder', 'FOLDER_NOT_FOUND'), ['accounts', 2, 'imap', 'folder']],
		// smtp.from does not exist in this account: the diagnostic goes on "smtp"
		[failedCheck('smtp', 'send', 'SEND_FAILED'), ['accounts', 2, 'smtp']],
		// a password account has no auth.oauth2.scopes: the nearest existing ancestor is "auth"
		[failedCheck('oauth2', 'claims', 'OAUTH_CLAIMS'), ['accounts', 2, 'auth']],
	];
	for (const [c, expected] of table)
		assert.deepEqual(configPathForCheck(c, 2, acc), expected, `${c.protocol} ${c.failedStage}`);
});

test('an authority that cannot be reached or trusted is marked on auth.oauth2.authority, an unknown tenant on tenant', () => {
	const oauth2 = (authority?: string) => ({
		id: 'x',
		email: 'x@contoso.com',
		auth: {
			method: 'oauth2',
			user: 'x@contoso.com',
			oauth2: { flow: 'client-credentials', tenant: 'contoso.com', clientId: 'c', ...(authority ? { authority } : {}) },
		},
	});
	const failed = (code: string): ProbeCheck => failedCheck('oauth2', 'authority', code);
	const withAuthority = oauth2('https://login.contoso.test');
	const table: [ProbeCheck, unknown, string][] = [
		[failed('TLS_CERT_INVALID'), withAuthority, 'authority'],
		[failed('DNS_NOT_FOUND'), withAuthority, 'authority'],
		[failed('TIMEOUT'), withAuthority, 'authority'],
		[failed('TLS_CERT_INVALID'), oauth2(), 'tenant'],
		[failed('CONFIG'), withAuthority, 'tenant'],
	];
	for (const [c, acc, last] of table) {
		assert.deepEqual(configPathForCheck(c, 0, acc), ['accounts', 0, 'auth', 'oauth2', last], c.error?.code);
	}
});

test('secret canaries: no password or client secret in any output of these reports', () => watch.assertWatched());

test('configPathForCheck: certificate failures point at the host, OAuth2 secrets at the secret the account has', () => {
	// a certificate for another name is fixed by the host name the user typed (mail.example.com vs. the cert's name)
	const pw = { ...account('x', 'pw'), imap: { host: 'h.example.invalid', port: 993, security: 'tls' as const } };
	assert.deepEqual(configPathForCheck(failedCheck('imap', 'tls', 'TLS_CERT_INVALID'), 1, pw), [
		'accounts',
		1,
		'imap',
		'host',
	]);
	// an OAuth2 app whose secret could not be resolved: the diagnostic sits on the clientSecret the user wrote
	const app = {
		id: 'x',
		email: 'x@contoso.com',
		auth: {
			method: 'oauth2',
			user: 'x@contoso.com',
			oauth2: { flow: 'client-credentials', tenant: 'contoso.com', clientId: 'c', clientSecret: { env: 'APP_SECRET' } },
		},
	};
	assert.deepEqual(configPathForCheck(failedCheck('oauth2', 'auth', 'CONFIG'), 0, app), [
		'accounts',
		0,
		'auth',
		'oauth2',
		'clientSecret',
	]);
	// a check that carries no error (it passed, or never ran) belongs to the account without throwing
	const passed: ProbeCheck = { protocol: 'imap', ok: true, stages: [], transcript: [] };
	assert.deepEqual(configPathForCheck(passed, 0, pw), ['accounts', 0]);
});
