/**
 * The OAuth2 → SMTP XOAUTH2 path: a client-credentials token from the local Entra look-alike (through msal) logs in
 * to a real SMTP server (smtp-server, STARTTLS) that accepts exactly that token, as Exchange Online would.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { systemClock } from '../../../../src/core/clock';
import type { Account } from '../../../../src/core/config/model';
import { DEFAULT_TIMEOUTS, type ProbeContext } from '../../../../src/core/probes/context';
import { probeOAuth2 as oauth2Probe } from '../../../../src/core/probes/oauth2';
import { probeSmtp as smtpProbe } from '../../../../src/core/probes/smtp';
import { CanaryWatch } from '../../../support/canary-watch';
import { testCerts } from '../../../support/certs';
import { testNetworkClient } from '../../../support/msal-network';
import { startTestAuthority, TEST_APPS, TEST_TENANT, type OidcServer } from '../../../support/oidc-server';
import { startSmtpServer, type SmtpTestServer } from '../../../support/smtp-server';

const MAILBOX = 'scanner@contoso.test';
// Every check is rendered (JSON, text report, diagnostic) and searched for the client secret and the tokens.
const watch = new CanaryWatch([TEST_APPS.sender.secret]);
const probeOAuth2 = watch.wrap(oauth2Probe);
const probeSmtp = watch.wrap(smtpProbe);
let oidc: OidcServer;
let ca: string;
let smtp: SmtpTestServer | undefined;

before(async () => {
	const certs = await testCerts();
	ca = certs.caCert;
	oidc = await startTestAuthority(certs.server);
});
after(async () => {
	await smtp?.close();
	await oidc.stop();
});

function account(port: number): Account {
	return {
		id: 'scanner',
		email: MAILBOX,
		provider: 'microsoft365',
		auth: {
			method: 'oauth2',
			user: MAILBOX,
			oauth2: { flow: 'client-credentials', tenant: TEST_TENANT.id, clientId: TEST_APPS.sender.clientId },
		},
		smtp: { host: '127.0.0.1', port, security: 'starttls' },
	};
}

function context(): ProbeContext {
	return {
		lang: 'en',
		clock: systemClock,
		timeouts: { ...DEFAULT_TIMEOUTS, connectMs: 3000, greetingMs: 3000, stageMs: 5000 },
		extraCa: [ca],
		logger: watch.logger,
		oauth2: { networkClient: testNetworkClient({ ca, route: { 'https://login.microsoftonline.com': oidc.url } }) },
	};
}

test('client-credentials token → SMTP AUTH XOAUTH2 succeeds; another token is refused', async () => {
	const certs = await testCerts();
	const credentials = { clientSecret: TEST_APPS.sender.secret };
	// The port is only known once the server runs; the account's OAuth2 part does not depend on it.
	const { check: oauth, accessToken } = await probeOAuth2(account(0), credentials, context());
	assert.equal(oauth.ok, true, JSON.stringify(oauth.error));
	assert.ok(accessToken);
	smtp = await startSmtpServer({ tls: certs.server, authMethods: ['XOAUTH2'], users: { [MAILBOX]: { accessToken } } });

	const accepted = await probeSmtp(account(smtp.port), { ...credentials, accessToken }, context());
	assert.equal(accepted.ok, true, JSON.stringify(accepted.error));
	assert.deepEqual(smtp.logins.at(-1), { method: 'XOAUTH2', username: MAILBOX, ok: true });
	const serialized = JSON.stringify([oauth, accepted]);
	assert.ok(!serialized.includes(accessToken), 'token leaked');
	assert.ok(!serialized.includes(credentials.clientSecret), 'secret leaked');

	const second = await probeOAuth2(account(smtp.port), credentials, context());
	assert.ok(second.accessToken && second.accessToken !== accessToken);
	const refused = await probeSmtp(account(smtp.port), { ...credentials, accessToken: second.accessToken }, context());
	assert.equal(refused.failedStage, 'auth');
	assert.equal(refused.error?.code, 'AUTH_FAILED');
});

test('secret canaries: no client secret or access token in any output of these checks', () => watch.assertWatched());
