/**
 * The IMAP and OAuth2 probes against a real IMAP server: Dovecot 2.3 started by the test (see
 * test/support/dovecot.ts), with tokens from the local Entra look-alike that Dovecot validates itself.
 * Needs dovecot-imapd (scripts/install-test-deps.sh); without it the suite fails and says so.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { systemClock } from '../../src/core/clock';
import type { Account, SecurityMode } from '../../src/core/config/model';
import { DEFAULT_TIMEOUTS, type ProbeContext } from '../../src/core/probes/context';
import { probeImap as imapProbe } from '../../src/core/probes/imap';
import { probeOAuth2 as oauth2Probe } from '../../src/core/probes/oauth2';
import { canary } from '../support/canaries';
import { CanaryWatch } from '../support/canary-watch';
import type { ProbeCheck } from '../../src/core/probes/result';
import { testCerts } from '../support/certs';
import { requireDovecot, snapshotMaildir, startDovecot, type DovecotServer } from '../support/dovecot';
import { testNetworkClient } from '../support/msal-network';
import { startTestAuthority, TEST_APPS, TEST_TENANT, TEST_USER, type OidcServer } from '../support/oidc-server';

const ALICE = { user: 'alice@contoso.test', password: canary({ bare: true }) };
const WRONG = canary({ bare: true });
/**
 * Every check of this file is rendered (JSON, text report, diagnostic) and searched for the passwords and the
 * tokens the authority issued (added as they are obtained).
 */
const watch = new CanaryWatch([ALICE.password, WRONG]);
const probeImap = watch.wrap(imapProbe);
const probeOAuth2 = watch.wrap(oauth2Probe);
const SEED = {
	INBOX: [{ subject: 'Invoice 1', flags: 'S' }, { subject: 'Invoice 2', flags: '' }, { subject: 'New scan' }],
	'Cubes-Import': [
		{ subject: 'Delivery note 1', flags: 'FS' },
		{ subject: 'Delivery note 2', flags: 'S' },
		{ subject: 'Delivery note 3', flags: '' },
		{ subject: 'Delivery note 4' },
	],
};

let dovecot: DovecotServer;
let oidc: OidcServer;
let ca: string;

before(async () => {
	requireDovecot();
	const certs = await testCerts();
	ca = certs.caCert;
	oidc = await startTestAuthority(certs.server);
	dovecot = await startDovecot({
		tls: certs.server,
		users: [ALICE],
		seed: SEED,
		oauth2: {
			issuers: [oidc.accessTokenIssuer(TEST_TENANT.id)],
			publicKeyPem: oidc.publicKeyPem,
			kid: oidc.kid,
			usernameAttribute: 'upn',
		},
	});
});
after(async () => {
	await dovecot?.stop();
	await oidc?.stop();
});

function imapAccount(options: {
	security: SecurityMode;
	host?: string;
	port?: number;
	folder?: string;
	user?: string;
	oauth2?: boolean;
}): Account {
	const user = options.user ?? ALICE.user;
	return {
		id: 'dovecot',
		email: user,
		provider: 'generic',
		auth: options.oauth2
			? {
					method: 'oauth2',
					user,
					oauth2: { flow: 'device-code', tenant: TEST_TENANT.id, clientId: TEST_APPS.desktop.clientId },
				}
			: { method: 'password', user },
		imap: {
			host: options.host ?? dovecot.host,
			port: options.port ?? (options.security === 'tls' ? dovecot.ports.imaps : dovecot.ports.imap),
			security: options.security,
			folder: options.folder ?? 'Cubes-Import',
		},
	};
}

function context(signal?: AbortSignal): ProbeContext {
	return {
		lang: 'en',
		clock: systemClock,
		timeouts: { ...DEFAULT_TIMEOUTS, connectMs: 3000, greetingMs: 3000, stageMs: 5000 },
		extraCa: [ca],
		logger: watch.logger,
		...(signal ? { signal } : {}),
		oauth2: {
			networkClient: testNetworkClient({ ca, route: { 'https://login.microsoftonline.com': oidc.url } }),
			onDeviceCode: () => undefined,
		},
	};
}

function stageNames(check: ProbeCheck): string {
	return check.stages.map((s) => `${s.name}:${s.ok ? 'ok' : 'FAIL'}`).join(' ');
}

describe('password login', () => {
	const cases: {
		name: string;
		account: () => Account;
		password: string;
		ok: boolean;
		failedStage?: string;
		code?: string;
		folderDetail?: RegExp;
	}[] = [
		{
			name: 'STARTTLS: login and message count of the import folder',
			account: () => imapAccount({ security: 'starttls' }),
			password: ALICE.password,
			ok: true,
			folderDetail: /\b4 messages\b/,
		},
		{
			name: 'implicit TLS: login and message count of INBOX',
			account: () => imapAccount({ security: 'tls', folder: 'INBOX' }),
			password: ALICE.password,
			ok: true,
			folderDetail: /\b3 messages\b/,
		},
		{
			name: 'wrong password',
			account: () => imapAccount({ security: 'tls' }),
			password: WRONG,
			ok: false,
			failedStage: 'auth',
			code: 'AUTH_FAILED',
		},
		{
			name: 'LOGINDISABLED on a link Dovecot does not trust, without STARTTLS',
			account: () => imapAccount({ security: 'none', host: dovecot.strictHost, port: dovecot.ports.strict }),
			password: ALICE.password,
			ok: false,
			failedStage: 'auth',
			code: 'AUTH_MECHANISM_UNSUPPORTED',
		},
		{
			name: 'the same link with STARTTLS logs in',
			account: () => imapAccount({ security: 'starttls', host: dovecot.strictHost, port: dovecot.ports.strict }),
			password: ALICE.password,
			ok: true,
		},
		{
			name: 'import folder missing',
			account: () => imapAccount({ security: 'starttls', folder: 'Scans-Eingang' }),
			password: ALICE.password,
			ok: false,
			failedStage: 'folder',
			code: 'FOLDER_NOT_FOUND',
		},
	];
	for (const c of cases) {
		test(c.name, async () => {
			const check = await probeImap(c.account(), { password: c.password }, context());
			assert.equal(check.ok, c.ok, `${stageNames(check)} ${JSON.stringify(check.error)}`);
			assert.equal(check.failedStage, c.failedStage, stageNames(check));
			assert.equal(check.error?.code, c.code);
			if (c.folderDetail) assert.match(check.stages.find((s) => s.name === 'folder')?.detail ?? '', c.folderDetail);
			assert.ok(!JSON.stringify(check).includes(c.password), 'password leaked into the check');
		});
	}
});

describe('OAuth2 (XOAUTH2) with tokens Dovecot validates locally', () => {
	test('msal device-code token → claims ok → IMAP login and folder', async () => {
		const account = imapAccount({ security: 'tls', user: TEST_USER.upn, oauth2: true });
		const { check: oauth, accessToken } = await probeOAuth2(account, {}, context());
		assert.equal(oauth.ok, true, JSON.stringify(oauth.error));
		assert.ok(accessToken);
		const imap = await probeImap(account, { accessToken }, context());
		assert.equal(
			imap.ok,
			true,
			`${stageNames(imap)} ${JSON.stringify(imap.error)}\n${dovecot.log.slice(-5).join('\n')}`,
		);
		assert.match(imap.stages.find((s) => s.name === 'auth')?.detail ?? '', /XOAUTH2/);
		assert.ok(!JSON.stringify(imap).includes(accessToken), 'token leaked into the IMAP check');
	});

	test('an expired token is refused by the claims stage and by Dovecot', async () => {
		const account = imapAccount({ security: 'starttls', user: TEST_USER.upn, oauth2: true });
		oidc.setTokenOverrides({ expiresInSeconds: -300 });
		let result: Awaited<ReturnType<typeof probeOAuth2>>;
		try {
			result = await probeOAuth2(account, {}, context());
		} finally {
			oidc.setTokenOverrides(undefined);
		}
		assert.equal(result.check.error?.code, 'OAUTH_CLAIMS');
		assert.ok(result.accessToken, 'the token is still handed over so the server can be asked');
		const imap = await probeImap(account, { accessToken: result.accessToken }, context());
		assert.equal(imap.failedStage, 'auth', stageNames(imap));
		assert.equal(imap.error?.code, 'AUTH_FAILED');
		assert.ok(
			dovecot.log.some((line) => /Token has expired|expired/i.test(line)),
			'Dovecot saw an expired token',
		);
	});
});

test('read-only proof: a full probe run leaves the mailbox exactly as it was', async () => {
	const maildir = dovecot.maildir(ALICE.user);
	// The first access makes Dovecot create its UID lists, as any earlier client would have; the proof starts after.
	await probeImap(imapAccount({ security: 'tls', folder: 'INBOX' }), { password: ALICE.password }, context());
	await probeImap(imapAccount({ security: 'tls' }), { password: ALICE.password }, context());
	const beforeRun = await snapshotMaildir(maildir);
	assert.ok(
		Object.keys(beforeRun).some((p) => p.endsWith('dovecot-uidlist')),
		'uid lists exist',
	);
	assert.ok(
		Object.keys(beforeRun).some((p) => /\/new\/[^/]+$/.test(p)),
		'a message is still in new/ (\\Recent)',
	);

	const runs = [
		imapAccount({ security: 'starttls' }),
		imapAccount({ security: 'tls' }),
		imapAccount({ security: 'tls', folder: 'INBOX' }),
		imapAccount({ security: 'starttls', folder: 'Missing-Folder' }),
	];
	for (const account of runs) await probeImap(account, { password: ALICE.password }, context());
	await probeImap(imapAccount({ security: 'tls' }), { password: WRONG }, context());

	assert.deepEqual(await snapshotMaildir(maildir), beforeRun);
});

// Control for the proof above: a client that opens the mailbox for writing (SELECT) does change what the snapshot
// sees (new/ → cur/, UID list), so an identical snapshot really means the probe wrote nothing.
test('control: a SELECT by an ordinary client is visible in the snapshot', async () => {
	const { ImapFlow } = await import('imapflow');
	const maildir = dovecot.maildir(ALICE.user);
	const beforeSelect = await snapshotMaildir(maildir);
	const client = new ImapFlow({
		host: dovecot.host,
		port: dovecot.ports.imaps,
		secure: true,
		tls: { ca: [ca] },
		logger: false,
		auth: { user: ALICE.user, pass: ALICE.password },
	});
	await client.connect();
	await client.mailboxOpen('INBOX');
	await client.logout();
	assert.notDeepEqual(await snapshotMaildir(maildir), beforeSelect);
});

test('secret canaries: no password or token in any output of these checks', () => watch.assertWatched());
