/**
 * probeOAuth2 end to end against the local Entra look-alike: real msal-node, real HTTPS with the test CA; only the
 * authority is local (msal's network client routes login.microsoftonline.com to it, nothing else is replaced).
 */
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import type { INetworkModule } from '@azure/msal-node';
import { generate } from 'selfsigned';
import { after, before, describe, test } from 'node:test';
import type { Account, OAuth2Config } from '../../../../src/core/config/model';
import { systemClock } from '../../../../src/core/clock';
import { DEFAULT_TIMEOUTS, type Credentials, type ProbeContext } from '../../../../src/core/probes/context';
import { probeOAuth2 as oauth2Probe } from '../../../../src/core/probes/oauth2';
import type { ProbeProgress } from '../../../../src/core/probes/stage-runner';
import { canary } from '../../../support/canaries';
import { CanaryWatch } from '../../../support/canary-watch';
import { testCerts } from '../../../support/certs';
import { testNetworkClient } from '../../../support/msal-network';
import { startSilentServer } from '../../../support/smtp-server';
import {
	startTestAuthority,
	TEST_APPS,
	TEST_OTHER_TENANT,
	TEST_TENANT,
	TEST_USER,
	type OidcServer,
} from '../../../support/oidc-server';

/** Secrets the authority rejects, as canaries. */
const WRONG_SECRET = canary();
const OTHER_SECRET = canary();
/**
 * Every check of this file is rendered (JSON, text report, diagnostic) and searched for the client secrets, the
 * private keys and the access tokens as it comes; msal's log lines too.
 */
const watch = new CanaryWatch([TEST_APPS.importer.secret, TEST_APPS.sender.secret, WRONG_SECRET, OTHER_SECRET]);
const probeOAuth2 = watch.wrap(oauth2Probe);

/** A PEM key as canaries: whole, and its longest base64 line (a partial leak). */
function watchKey(pem: string): void {
	watch.add(pem);
	watch.add(pem.split('\n').reduce((a, b) => (b.length > a.length ? b : a), ''));
}

let oidc: OidcServer;
let ca: string;
/** The importer app's certificate credential (RSA, as Entra requires) and its private key. */
let appCertificate: { cert: string; privateKey: string; sha1: string; sha256: string };

before(async () => {
	const certs = await testCerts();
	ca = certs.caCert;
	const generated = await generate([{ name: 'commonName', value: 'mailcfg importer' }], {
		keyType: 'rsa',
		keySize: 2048,
	});
	const x509 = new X509Certificate(generated.cert);
	appCertificate = {
		cert: generated.cert,
		privateKey: generated.private,
		sha1: x509.fingerprint.replace(/:/g, ''),
		sha256: x509.fingerprint256.replace(/:/g, ''),
	};
	watchKey(generated.private);
	oidc = await startTestAuthority(certs.server, { importerCertificatePem: generated.cert });
});
after(async () => {
	await oidc.stop();
});

function account(oauth2: OAuth2Config, protocols: { imap?: boolean; smtp?: boolean } = { imap: true }): Account {
	return {
		id: 'm365',
		email: 'import@contoso.test',
		provider: 'microsoft365',
		auth: { method: 'oauth2', user: TEST_USER.upn, oauth2 },
		...(protocols.imap ? { imap: { host: 'outlook.office365.com', port: 993, security: 'tls', folder: 'INBOX' } } : {}),
		...(protocols.smtp ? { smtp: { host: 'smtp.office365.com', port: 587, security: 'starttls' } } : {}),
	};
}

function context(extra: Partial<ProbeContext> = {}, oauth2: ProbeContext['oauth2'] = {}): ProbeContext {
	return {
		lang: 'en',
		clock: systemClock,
		timeouts: { ...DEFAULT_TIMEOUTS, stageMs: 5000 },
		logger: watch.logger,
		...extra,
		oauth2: {
			networkClient: testNetworkClient({ ca, route: { 'https://login.microsoftonline.com': oidc.url } }),
			...oauth2,
		},
	};
}

const appOnly = (clientId: string, tenant = TEST_TENANT.id): OAuth2Config => ({
	flow: 'client-credentials',
	tenant,
	clientId,
});

describe('client credentials', () => {
	const cases: {
		name: string;
		config: OAuth2Config;
		credentials: Credentials;
		protocols?: { imap?: boolean; smtp?: boolean };
		overrides?: Parameters<OidcServer['setTokenOverrides']>[0];
		ok: boolean;
		failedStage?: string;
		code?: string;
		message?: RegExp;
		serverResponse?: RegExp;
	}[] = [
		{
			name: 'valid secret, IMAP and SMTP roles present',
			config: appOnly(TEST_APPS.importer.clientId),
			credentials: { clientSecret: TEST_APPS.importer.secret },
			protocols: { imap: true, smtp: true },
			ok: true,
		},
		{
			name: 'tenant given as domain is resolved to its id',
			config: appOnly(TEST_APPS.importer.clientId, 'contoso.test'),
			credentials: { clientSecret: TEST_APPS.importer.secret },
			ok: true,
		},
		{
			name: 'wrong secret',
			config: appOnly(TEST_APPS.importer.clientId),
			credentials: { clientSecret: WRONG_SECRET },
			ok: false,
			failedStage: 'token',
			code: 'OAUTH_TOKEN',
			message: /rejected the app credentials.*AADSTS7000215/,
			serverResponse: /^invalid_client: AADSTS7000215: Invalid client secret provided\..*Correlation ID/,
		},
		{
			name: 'unknown client id',
			config: appOnly('bbbbbbbb-0000-4000-8000-00000000dead'),
			credentials: { clientSecret: OTHER_SECRET },
			ok: false,
			failedStage: 'token',
			code: 'OAUTH_TOKEN',
			message: /not known or not allowed.*AADSTS700016/,
			serverResponse: /^unauthorized_client: AADSTS700016: Application with identifier 'bbbbbbbb/,
		},
		{
			name: 'unknown tenant fails at the authority',
			config: appOnly(TEST_APPS.importer.clientId, 'nowhere.test'),
			credentials: { clientSecret: TEST_APPS.importer.secret },
			ok: false,
			failedStage: 'authority',
			code: 'OAUTH_TOKEN',
			message: /does not know tenant "nowhere\.test"/,
			serverResponse: /^invalid_tenant: AADSTS90002: Tenant 'nowhere\.test' not found/,
		},
		{
			name: 'app from another tenant',
			config: appOnly(TEST_APPS.importer.clientId, TEST_OTHER_TENANT.id),
			credentials: { clientSecret: TEST_APPS.importer.secret },
			ok: false,
			failedStage: 'token',
			code: 'OAUTH_TOKEN',
			serverResponse: /AADSTS700016/,
		},
		{
			name: 'expired token',
			config: appOnly(TEST_APPS.importer.clientId),
			credentials: { clientSecret: TEST_APPS.importer.secret },
			overrides: { expiresInSeconds: -600 },
			ok: false,
			failedStage: 'claims',
			code: 'OAUTH_CLAIMS',
			message: /the token expired at \d{4}-\d\d-\d\dT/,
		},
		{
			name: 'token about to expire',
			config: appOnly(TEST_APPS.importer.clientId),
			credentials: { clientSecret: TEST_APPS.importer.secret },
			overrides: { expiresInSeconds: 120 },
			ok: false,
			failedStage: 'claims',
			code: 'OAUTH_CLAIMS',
			message: /expires in 1\d\d s, inside the 5-minute/,
		},
		{
			name: 'wrong audience (a Graph token)',
			config: appOnly(TEST_APPS.importer.clientId),
			credentials: { clientSecret: TEST_APPS.importer.secret },
			overrides: { audience: 'https://graph.microsoft.com' },
			ok: false,
			failedStage: 'claims',
			code: 'OAUTH_CLAIMS',
			message:
				/audience "https:\/\/graph\.microsoft\.com", but mail access needs https:\/\/outlook\.office365\.com \/ https:\/\/outlook\.office\.com/,
		},
		{
			name: 'token from another tenant',
			config: appOnly(TEST_APPS.importer.clientId),
			credentials: { clientSecret: TEST_APPS.importer.secret },
			overrides: { tid: TEST_OTHER_TENANT.id },
			ok: false,
			failedStage: 'claims',
			code: 'OAUTH_CLAIMS',
			message: /comes from tenant 99999999-8888-7777-6666-555555555555, but the configuration names tenant 11111111/,
		},
		{
			name: 'only SMTP.SendAsApp but IMAP configured',
			config: appOnly(TEST_APPS.sender.clientId),
			credentials: { clientSecret: TEST_APPS.sender.secret },
			protocols: { imap: true, smtp: true },
			ok: false,
			failedStage: 'claims',
			code: 'OAUTH_CLAIMS',
			message: /lacks the application permission IMAP\.AccessAsApp needed for IMAP \(roles: SMTP\.SendAsApp\)/,
		},
		{
			name: 'SMTP-only account with SMTP.SendAsApp',
			config: appOnly(TEST_APPS.sender.clientId),
			credentials: { clientSecret: TEST_APPS.sender.secret },
			protocols: { smtp: true },
			ok: true,
		},
		{
			name: 'missing secret',
			config: appOnly(TEST_APPS.importer.clientId),
			credentials: {},
			ok: false,
			failedStage: 'token',
			code: 'CONFIG',
			message: /client secret is not available/,
		},
		{
			name: 'app-only against /organizations',
			config: appOnly(TEST_APPS.importer.clientId, 'organizations'),
			credentials: { clientSecret: TEST_APPS.importer.secret },
			ok: false,
			failedStage: 'authority',
			code: 'CONFIG',
			message: /tenant-specific authority/,
		},
	];

	for (const c of cases) {
		test(c.name, async () => {
			oidc.setTokenOverrides(c.overrides);
			try {
				const { check, accessToken } = await probeOAuth2(account(c.config, c.protocols), c.credentials, context());
				assert.equal(check.protocol, 'oauth2');
				assert.equal(check.ok, c.ok, JSON.stringify(check.error));
				assert.equal(check.failedStage, c.failedStage);
				assert.equal(check.error?.code, c.code);
				if (c.message) assert.match(check.error?.message ?? '', c.message);
				if (c.serverResponse) assert.match(check.error?.serverResponse ?? '', c.serverResponse);
				if (c.ok) {
					assert.deepEqual(
						check.stages.map((s) => [s.name, s.ok]),
						[
							['authority', true],
							['token', true],
							['claims', true],
						],
					);
					assert.ok(accessToken && accessToken.split('.').length === 3);
				}
				const serialized = JSON.stringify(check);
				if (accessToken) assert.ok(!serialized.includes(accessToken), 'token leaked into the check');
				for (const secret of Object.values(c.credentials)) assert.ok(!serialized.includes(secret), 'secret leaked');
			} finally {
				oidc.setTokenOverrides(undefined);
			}
		});
	}

	test('success details name what the token carries, never the token', async () => {
		const { check, accessToken } = await probeOAuth2(
			account(appOnly(TEST_APPS.importer.clientId), { imap: true, smtp: true }),
			{ clientSecret: TEST_APPS.importer.secret },
			context(),
		);
		const claims = check.stages.find((s) => s.name === 'claims');
		assert.match(
			claims?.detail ?? '',
			/^aud https:\/\/outlook\.office365\.com, roles IMAP\.AccessAsApp SMTP\.SendAsApp, expires in (59|60) min/,
		);
		assert.equal(claims?.facts?.tid, TEST_TENANT.id);
		assert.equal(check.stages[0]?.facts?.tenantId, TEST_TENANT.id);
		assert.ok(check.transcript.some((l) => l.startsWith('C: POST token (grant client_credentials')));
		assert.ok(accessToken && !check.transcript.join('\n').includes(accessToken));
	});

	test('progress: every stage starts and ends through the stage runner, with the results the check holds', async () => {
		const events: ProbeProgress[] = [];
		const { check } = await probeOAuth2(
			account(appOnly(TEST_APPS.importer.clientId)),
			{ clientSecret: TEST_APPS.importer.secret },
			context(),
			{ onProgress: (event) => events.push(event) },
		);
		assert.equal(check.ok, true, JSON.stringify(check.error));
		assert.deepEqual(
			events.map((e) => `${e.accountId} ${e.protocol} ${e.stage} ${e.state}`),
			['authority', 'token', 'claims'].flatMap((stage) => [`m365 oauth2 ${stage} start`, `m365 oauth2 ${stage} done`]),
		);
		assert.deepEqual(
			events.filter((e) => e.state === 'done').map((e) => e.result),
			check.stages,
		);
	});

	test('a failed stage ends its progress with ok false and leaves the reply and a note in the transcript', async () => {
		const events: ProbeProgress[] = [];
		const { check } = await probeOAuth2(
			account(appOnly(TEST_APPS.importer.clientId)),
			{ clientSecret: WRONG_SECRET },
			context(),
			{ onProgress: (event) => events.push(event) },
		);
		assert.deepEqual(
			events.map((e) => `${e.stage} ${e.state}${e.result ? ` ${e.result.ok}` : ''}`),
			['authority start', 'authority done true', 'token start', 'token done false'],
		);
		assert.deepEqual(check.transcript.slice(0, 3), [
			`* client-credentials at https://login.microsoftonline.com/${TEST_TENANT.id} for client ${TEST_APPS.importer.clientId}`,
			`C: GET https://login.microsoftonline.com/${TEST_TENANT.id}/v2.0/.well-known/openid-configuration`,
			`S: HTTP 200, issuer https://login.microsoftonline.com/${TEST_TENANT.id}/v2.0`,
		]);
		assert.match(check.transcript.at(-2) ?? '', /^S: invalid_client: AADSTS7000215/);
		assert.equal(check.transcript.at(-1), '* token failed: OAUTH_TOKEN');
	});

	for (const hash of ['sha1', 'sha256'] as const) {
		test(`certificate credential with a ${hash.toUpperCase()} thumbprint`, async () => {
			const config: OAuth2Config = {
				...appOnly(TEST_APPS.importer.clientId),
				certificate: { thumbprint: appCertificate[hash], privateKeyFile: 'importer.key' },
			};
			const { check } = await probeOAuth2(account(config), { privateKey: appCertificate.privateKey }, context());
			assert.equal(check.ok, true, JSON.stringify(check.error));
			assert.ok(!JSON.stringify(check).includes('PRIVATE KEY'));
		});
	}

	test('a thumbprint as `openssl x509 -fingerprint` prints it: the colon form works, the labelled line is refused', async () => {
		const colons = appCertificate.sha1.replace(/(..)(?!$)/g, '$1:');
		const withThumbprint = (thumbprint: string): OAuth2Config => ({
			...appOnly(TEST_APPS.importer.clientId),
			certificate: { thumbprint, privateKeyFile: 'importer.key' },
		});
		const credentials = { privateKey: appCertificate.privateKey };
		const bare = await probeOAuth2(account(withThumbprint(colons)), credentials, context());
		assert.equal(bare.check.ok, true, JSON.stringify(bare.check.error));
		const labelled = await probeOAuth2(account(withThumbprint(`SHA1 Fingerprint=${colons}`)), credentials, context());
		assert.equal(labelled.check.error?.code, 'CONFIG');
		assert.equal(labelled.check.failedStage, 'token');
		assert.equal(
			labelled.check.error?.message,
			'The certificate thumbprint must be 40 (SHA-1) or 64 (SHA-256) hex digits.',
		);
	});

	test('a certificate the app does not know is rejected (AADSTS700027)', async () => {
		const other = await generate([{ name: 'commonName', value: 'stranger' }], { keyType: 'rsa', keySize: 2048 });
		watchKey(other.private);
		const config: OAuth2Config = {
			...appOnly(TEST_APPS.importer.clientId),
			certificate: { thumbprint: new X509Certificate(other.cert).fingerprint256, privateKeyFile: 'other.key' },
		};
		const { check } = await probeOAuth2(account(config), { privateKey: other.private }, context());
		assert.equal(check.failedStage, 'token');
		assert.match(check.error?.serverResponse ?? '', /^invalid_client: AADSTS700027/);
	});

	test('German messages', async () => {
		const { check } = await probeOAuth2(
			account(appOnly(TEST_APPS.importer.clientId)),
			{ clientSecret: WRONG_SECRET },
			context({ lang: 'de' }),
		);
		assert.match(check.error?.message ?? '', /Anmeldedienst hat die App-Anmeldedaten.*abgelehnt \(AADSTS7000215\)/);
	});
});

test('client credentials: a token endpoint that never answers ends at the stage timeout, not the sign-in budget', async () => {
	// Discovery goes to the authority; the token POST to a loopback listener that accepts and never says a word.
	const silent = await startSilentServer();
	try {
		const discovery = testNetworkClient({ ca, route: { 'https://login.microsoftonline.com': oidc.url } });
		const mute = testNetworkClient({
			ca,
			route: { 'https://login.microsoftonline.com': `https://127.0.0.1:${silent.port}` },
		});
		const networkClient: INetworkModule = {
			sendGetRequestAsync: (url, init, timeout) => discovery.sendGetRequestAsync(url, init, timeout),
			sendPostRequestAsync: (url, init) => mute.sendPostRequestAsync(url, init),
		};
		const started = Date.now();
		const { check } = await probeOAuth2(
			account(appOnly(TEST_APPS.importer.clientId)),
			{ clientSecret: TEST_APPS.importer.secret },
			context({ timeouts: { ...DEFAULT_TIMEOUTS, stageMs: 400, signInMs: 60_000 } }, { networkClient }),
		);
		assert.equal(check.failedStage, 'token');
		assert.equal(check.error?.code, 'TIMEOUT');
		assert.ok(Date.now() - started < 5000, `ended after ${Date.now() - started} ms`);
	} finally {
		await silent.close();
	}
});

describe('device code', () => {
	const delegated: OAuth2Config = { flow: 'device-code', tenant: TEST_TENANT.id, clientId: TEST_APPS.desktop.clientId };

	test('prompt, pending polls, then a delegated token with IMAP and SMTP scopes', async () => {
		oidc.deviceCode.pendingPolls = 2;
		const prompts: string[] = [];
		const before = oidc.requests.filter((r) => r.grantType === 'device_code').length;
		const { check, accessToken } = await probeOAuth2(
			account(delegated, { imap: true, smtp: true }),
			{},
			context({}, { onDeviceCode: (p) => prompts.push(`${p.userCode} ${p.verificationUri} ${p.user}`) }),
		);
		oidc.deviceCode.pendingPolls = 0;
		assert.equal(check.ok, true, JSON.stringify(check.error));
		assert.equal(prompts.length, 1);
		assert.match(prompts[0] ?? '', /^[0-9A-F]{8} https:\/\/microsoft\.com\/devicelogin carol@contoso\.test$/);
		const polls = oidc.requests.filter((r) => r.grantType === 'device_code').length - before;
		assert.equal(polls, 3, 'two authorization_pending answers, then success');
		assert.match(check.stages[1]?.detail ?? '', /new token for carol@contoso\.test/);
		assert.match(check.stages[2]?.detail ?? '', /scp IMAP\.AccessAsUser\.All SMTP\.Send/);
		assert.ok(accessToken && !JSON.stringify(check).includes(accessToken));
	});

	test('cancellation during polling ends the probe at once and stops polling', async () => {
		oidc.deviceCode.pendingPolls = 1000;
		oidc.deviceCode.interval = 0.2;
		const controller = new AbortController();
		const started = Date.now();
		const before = oidc.requests.length;
		const result = probeOAuth2(
			account(delegated),
			{},
			context({ signal: controller.signal }, { onDeviceCode: () => setTimeout(() => controller.abort(), 300) }),
		);
		const { check, accessToken } = await result;
		const elapsed = Date.now() - started;
		assert.equal(check.ok, false);
		assert.equal(check.failedStage, 'token');
		assert.equal(check.error?.code, 'CANCELLED');
		assert.equal(accessToken, undefined);
		assert.ok(elapsed < 1500, `took ${elapsed} ms`);
		const pollsAtCancel = oidc.requests.length;
		await new Promise((resolve) => setTimeout(resolve, 600));
		assert.ok(oidc.requests.length - pollsAtCancel <= 1, 'msal kept polling after cancel');
		assert.ok(oidc.requests.length - before >= 2);
		oidc.deviceCode.pendingPolls = 0;
		oidc.deviceCode.interval = 0.05;
	});

	test('the sign-in budget bounds polling', async () => {
		oidc.deviceCode.pendingPolls = 1000;
		const started = Date.now();
		const { check } = await probeOAuth2(
			account(delegated),
			{},
			context({ timeouts: { ...DEFAULT_TIMEOUTS, signInMs: 700 } }, { onDeviceCode: () => undefined }),
		);
		oidc.deviceCode.pendingPolls = 0;
		assert.equal(check.error?.code, 'TIMEOUT');
		assert.equal(check.failedStage, 'token');
		assert.match(check.error?.message ?? '', /token stage took longer than 1 s/);
		assert.ok(Date.now() - started < 2000);
	});

	test('a sign-in may take longer than the stage timeout of a server reply', async () => {
		// ~10 polls 50 ms apart: well past the 300 ms a server reply may take, well within the sign-in budget
		oidc.deviceCode.pendingPolls = 10;
		const { check } = await probeOAuth2(
			account(delegated),
			{},
			context({ timeouts: { ...DEFAULT_TIMEOUTS, stageMs: 300 } }, { onDeviceCode: () => undefined }),
		);
		oidc.deviceCode.pendingPolls = 0;
		assert.equal(check.ok, true, JSON.stringify(check.error));
		assert.ok((check.stages[1]?.ms ?? 0) > 300, `token stage took ${check.stages[1]?.ms} ms`);
	});

	test("the account's own stage timeout also bounds the sign-in", async () => {
		oidc.deviceCode.pendingPolls = 1000;
		const started = Date.now();
		const { check } = await probeOAuth2(
			{ ...account(delegated), timeouts: { stage: 600 } },
			{},
			context({}, { onDeviceCode: () => undefined }),
		);
		oidc.deviceCode.pendingPolls = 0;
		assert.equal(check.error?.code, 'TIMEOUT');
		assert.equal(check.failedStage, 'token');
		assert.ok(Date.now() - started < 2000);
	});

	test('without a prompt hook the flow is refused as CONFIG', async () => {
		const { check } = await probeOAuth2(account(delegated), {}, context());
		assert.equal(check.error?.code, 'CONFIG');
		assert.equal(check.failedStage, 'token');
		assert.match(check.error?.message ?? '', /needs a front end that can show the code/);
	});

	test("an unattended front end's reason is the CONFIG message, and no device code is requested", async () => {
		const before = oidc.requests.filter((r) => r.path.endsWith('/devicecode')).length;
		const started = Date.now();
		const { check } = await probeOAuth2(
			account(delegated),
			{},
			context({ lang: 'de' }, { unattended: { en: 'nobody at the terminal', de: 'niemand am Terminal' } }),
		);
		assert.equal(check.error?.code, 'CONFIG');
		assert.equal(check.failedStage, 'token');
		assert.equal(check.error?.message, 'niemand am Terminal');
		assert.equal(oidc.requests.filter((r) => r.path.endsWith('/devicecode')).length, before);
		assert.ok(Date.now() - started < 2000, 'fails at once');
	});

	test('a confidential app without public client flows gets AADSTS7000218', async () => {
		const { check } = await probeOAuth2(
			account({ ...delegated, clientId: TEST_APPS.importer.clientId }),
			{},
			context({}, { onDeviceCode: () => undefined }),
		);
		assert.equal(check.error?.code, 'OAUTH_TOKEN');
		assert.match(check.error?.serverResponse ?? '', /AADSTS7000218/);
	});

	test('a cached sign-in is refreshed silently', async () => {
		let stored: string | undefined;
		const cache = {
			load: () => Promise.resolve(stored),
			save: (serialized: string) => {
				stored = serialized;
				return Promise.resolve();
			},
		};
		const first = await probeOAuth2(account(delegated), {}, context({}, { cache, onDeviceCode: () => undefined }));
		assert.equal(first.check.ok, true);
		assert.ok(stored?.includes('carol@contoso.test'), 'msal cache saved through the hook');
		const prompts: unknown[] = [];
		const second = await probeOAuth2(
			account(delegated),
			{},
			context({}, { cache, onDeviceCode: (p) => prompts.push(p) }),
		);
		assert.equal(second.check.ok, true);
		assert.equal(prompts.length, 0, 'no new device-code prompt');
		assert.equal(second.check.stages[1]?.facts?.fromCache, true);
	});
});

describe('authorization code with PKCE', () => {
	const browserConfig: OAuth2Config = {
		flow: 'authorization-code',
		tenant: TEST_TENANT.id,
		clientId: TEST_APPS.desktop.clientId,
	};

	test('the loopback redirect receives the code and the token is exchanged', async () => {
		const opened: string[] = [];
		// Plays the browser: follows the authorize URL to the local authority, then its redirect to the loopback.
		const openBrowser = async (url: string) => {
			opened.push(url);
			const authorize = new URL(url);
			const local = `${oidc.url}${authorize.pathname}${authorize.search}`;
			const response = await fetchWithCa(local);
			const location = response.headers.location;
			assert.ok(location && location.startsWith('http://localhost:'), location);
			const page = await fetch(location);
			assert.match(await page.text(), /Sign-in finished/);
		};
		const { check, accessToken } = await probeOAuth2(account(browserConfig), {}, context({}, { openBrowser }));
		assert.equal(check.ok, true, JSON.stringify(check.error));
		assert.match(opened[0] ?? '', /code_challenge_method=S256/);
		assert.match(opened[0] ?? '', /redirect_uri=http%3A%2F%2Flocalhost%3A\d+/);
		assert.ok(accessToken);
	});

	/** Plays a browser whose sign-in ends in an error: the redirect carries `params` instead of a code. */
	const redirectWith = (params: Record<string, string>) => async (url: string) => {
		const authorize = new URL(url);
		const redirect = new URL(authorize.searchParams.get('redirect_uri') ?? '');
		for (const [name, value] of Object.entries(params)) redirect.searchParams.set(name, value);
		redirect.searchParams.set('state', authorize.searchParams.get('state') ?? '');
		await fetch(redirect);
	};

	test('the user declines consent: the redirect error and its description are what the token stage reports', async () => {
		// AADSTS65004 as Microsoft's error-code reference words it (learn.microsoft.com/entra/identity-platform/reference-error-codes)
		const description = 'AADSTS65004: User declined to consent to access the app.';
		const openBrowser = redirectWith({ error: 'access_denied', error_description: description });
		const { check, accessToken } = await probeOAuth2(account(browserConfig), {}, context({}, { openBrowser }));
		assert.equal(accessToken, undefined);
		assert.equal(check.failedStage, 'token');
		assert.equal(check.error?.code, 'OAUTH_TOKEN');
		assert.equal(check.error?.message, 'The sign-in service refused the token request (access_denied, AADSTS65004).');
		assert.equal(check.error?.serverResponse, `access_denied: ${description}`);
	});

	test('a redirect error without a description is quoted by its error code alone', async () => {
		const openBrowser = redirectWith({ error: 'access_denied' });
		const { check } = await probeOAuth2(account(browserConfig), {}, context({}, { openBrowser }));
		assert.equal(check.failedStage, 'token');
		assert.equal(check.error?.message, 'The sign-in service refused the token request (access_denied).');
		assert.equal(check.error?.serverResponse, 'access_denied');
	});

	test('cancel while waiting for the browser closes the loopback listener', async () => {
		const controller = new AbortController();
		let redirect = '';
		const openBrowser = (url: string) => {
			redirect = new URL(url).searchParams.get('redirect_uri') ?? '';
			setTimeout(() => controller.abort(), 100);
			return Promise.resolve();
		};
		const { check } = await probeOAuth2(
			account(browserConfig),
			{},
			context({ signal: controller.signal }, { openBrowser }),
		);
		assert.equal(check.error?.code, 'CANCELLED');
		await assert.rejects(fetch(`${redirect}/?state=x`), 'loopback port still open');
	});
});

test('an expired token: the token stage names the same expiry as the claims stage (the JWT exp, not expires_in)', async () => {
	oidc.setTokenOverrides({ expiresInSeconds: -600 });
	try {
		const { check } = await probeOAuth2(
			account(appOnly(TEST_APPS.importer.clientId)),
			{ clientSecret: TEST_APPS.importer.secret },
			context(),
		);
		const expiredAt = /the token expired at (\S+) \(now/.exec(check.error?.message ?? '')?.[1];
		assert.ok(expiredAt, check.error?.message);
		const token = check.stages.find((s) => s.name === 'token');
		assert.ok(token?.detail?.endsWith(`valid until ${expiredAt}`), token?.detail);
	} finally {
		oidc.setTokenOverrides(undefined);
	}
});

test('Google accounts are reported as unsupported, not as a failure of the token', async () => {
	const google: Account = {
		id: 'gmail',
		email: 'scan@gmail.com',
		provider: 'gmail',
		auth: {
			method: 'oauth2',
			user: 'scan@gmail.com',
			oauth2: { flow: 'device-code', clientId: 'x.apps.googleusercontent.com' },
		},
		imap: { host: 'imap.gmail.com', port: 993, security: 'tls' },
	};
	const { check } = await probeOAuth2(google, {}, context());
	assert.equal(check.error?.code, 'CONFIG');
	assert.equal(check.failedStage, 'authority');
	assert.match(check.error?.message ?? '', /Google OAuth2 tokens cannot be checked/);
});

test('an authority nobody listens on is CONNECTION_REFUSED at the authority stage', async () => {
	const { check } = await probeOAuth2(
		account(appOnly(TEST_APPS.importer.clientId)),
		{ clientSecret: TEST_APPS.importer.secret },
		context(
			{},
			{
				networkClient: testNetworkClient({ ca, route: { 'https://login.microsoftonline.com': 'https://127.0.0.1:1' } }),
			},
		),
	);
	assert.equal(check.failedStage, 'authority');
	assert.equal(check.error?.code, 'CONNECTION_REFUSED');
});

// The client trusts only an unrelated certificate, so the authority's (test-CA-signed) one is untrusted.
test('an authority with an untrusted certificate is TLS_CERT_INVALID', async () => {
	const certs = await testCerts();
	const { check } = await probeOAuth2(
		account(appOnly(TEST_APPS.importer.clientId)),
		{ clientSecret: TEST_APPS.importer.secret },
		context(
			{},
			{
				networkClient: testNetworkClient({
					ca: certs.selfSigned.cert,
					route: { 'https://login.microsoftonline.com': oidc.url },
				}),
			},
		),
	);
	assert.equal(check.failedStage, 'authority');
	assert.equal(check.error?.code, 'TLS_CERT_INVALID');
});

/**
 * The local authority, except that the probe's discovery GET (the tenant's openid-configuration) gets `reply`, made
 * from the real response: how a proxy, a mistyped authority or a non-Entra service answers.
 */
function discoveryAnswers(
	reply: (real: { status: number; body: Record<string, unknown> }) => { status: number; body: unknown },
): ProbeContext['oauth2'] {
	const inner = testNetworkClient({ ca, route: { 'https://login.microsoftonline.com': oidc.url } });
	const networkClient: INetworkModule = {
		sendPostRequestAsync: (url, init) => inner.sendPostRequestAsync(url, init),
		sendGetRequestAsync: async (url, init, timeout) => {
			const real = await inner.sendGetRequestAsync<Record<string, unknown>>(url, init, timeout);
			if (!url.endsWith('/v2.0/.well-known/openid-configuration')) return real as never;
			const { status, body } = reply({ status: real.status, body: real.body });
			return { ...real, status, body } as never;
		},
	};
	return { networkClient };
}

describe('discovery answers other than a good document', () => {
	const probe = (oauth2: ProbeContext['oauth2']) =>
		probeOAuth2(
			account(appOnly(TEST_APPS.importer.clientId)),
			{ clientSecret: TEST_APPS.importer.secret },
			context({}, oauth2),
		);

	test('an Azure-style error object (not an OAuth2 error string) is reported by its HTTP status, not as "[object Object]"', async () => {
		// ARM and other Azure front doors answer {"error":{"code":…,"message":…}}
		const { check } = await probe(
			discoveryAnswers(() => ({
				status: 404,
				body: { error: { code: 'ResourceNotFound', message: 'The requested resource was not found.' } },
			})),
		);
		assert.equal(check.failedStage, 'authority');
		assert.equal(check.error?.message, 'The sign-in service answered HTTP 404 to the discovery request.');
		// the server's words are the status line the transcript holds
		assert.equal(check.error?.serverResponse, 'HTTP 404');
		assert.ok(!check.transcript.some((line) => line.includes('[object Object]')), check.transcript.join('\n'));
	});

	test('an OAuth2 error without a description is quoted as the error code alone', async () => {
		const { check } = await probe(discoveryAnswers(() => ({ status: 400, body: { error: 'invalid_request' } })));
		assert.equal(check.failedStage, 'authority');
		assert.equal(check.error?.serverResponse, 'invalid_request');
	});

	test('a document without "issuer" still works: the tenant comes from the token endpoint', async () => {
		const { check } = await probe(
			discoveryAnswers(({ status, body }) => {
				const { issuer: _issuer, ...rest } = body;
				return { status, body: rest };
			}),
		);
		assert.equal(check.ok, true, JSON.stringify(check.error));
	});
});

test("msal's own warnings reach the debug log, scrubbed of the secret", async () => {
	// msal's warnings are often the only trace of what it did; they go to the debug log (never its PII lines).
	// A client-credentials token carries no client_info, which msal warns about.
	const lines: string[] = [];
	const logger = {
		debug: (m: string) => {
			lines.push(m);
			watch.logger.debug(m);
		},
		info: (m: string) => watch.logger.info(m),
		warn: (m: string) => watch.logger.warn(m),
		error: (m: string) => watch.logger.error(m),
	};
	const { check } = await probeOAuth2(
		account(appOnly(TEST_APPS.importer.clientId)),
		{ clientSecret: TEST_APPS.importer.secret },
		context({ logger }),
	);
	assert.equal(check.ok, true, JSON.stringify(check.error));
	assert.ok(
		lines.some((line) => line.startsWith('msal: ') && line.includes('No client info in response')),
		lines.join('\n'),
	);
	assert.ok(!lines.some((line) => line.includes(TEST_APPS.importer.secret)));
});

/** GET through the test CA without following redirects (global fetch cannot take a CA). */
async function fetchWithCa(url: string): Promise<{ status: number; headers: Record<string, string | undefined> }> {
	const https = await import('node:https');
	return new Promise((resolve, reject) => {
		https
			.get(url, { ca }, (response) => {
				response.resume();
				resolve({ status: response.statusCode ?? 0, headers: { location: response.headers.location } });
			})
			.on('error', reject);
	});
}

test('secret canaries: no client secret, private key or access token in any output of these checks', () =>
	watch.assertWatched());
