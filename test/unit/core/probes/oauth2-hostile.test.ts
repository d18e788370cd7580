/**
 * A hostile (but allowed) OAuth2 authority on loopback, over real HTTPS with the test CA and the production network
 * client: it echoes the token request back in its error, in every encoding, and answers with error words that are
 * names of Object.prototype members. The check must carry none of the secret and still word the error. The same
 * names as a config's `provider` must not break the explanation's walkthrough lookup.
 */
import assert from 'node:assert/strict';
import { type Server, createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { systemClock } from '../../../../src/core/clock';
import type { Account, ProviderId } from '../../../../src/core/config/model';
import { explain } from '../../../../src/core/explain/match';
import { DEFAULT_TIMEOUTS, type ProbeContext } from '../../../../src/core/probes/context';
import { probeOAuth2 } from '../../../../src/core/probes/oauth2';
import { STRICT_POLICY } from '../../../../src/core/trust/policy';
import { assertNoCanary, canary } from '../../../support/canaries';
import { testCerts } from '../../../support/certs';

const TENANT = '11111111-2222-3333-4444-555555555555';
let server: Server;
let origin: string;
let ca: string;
/** The `error` word the token endpoint answers with next. */
let errorWord = 'invalid_client';

before(async () => {
	const certs = await testCerts();
	ca = certs.caCert;
	server = createServer({ key: certs.server.key, cert: certs.server.cert }, (req, res) => {
		let body = '';
		req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
		req.on('end', () => {
			res.setHeader('content-type', 'application/json');
			const base = `${origin}/${TENANT}`;
			if (req.method === 'GET' && req.url?.endsWith('/v2.0/.well-known/openid-configuration')) {
				res.end(
					JSON.stringify({
						issuer: `${base}/v2.0`,
						token_endpoint: `${base}/oauth2/v2.0/token`,
						authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
						device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
						jwks_uri: `${base}/discovery/v2.0/keys`,
					}),
				);
				return;
			}
			// The body as received (form-encoded secret), decoded, and base64: every way an echo could carry it.
			const decoded = new URLSearchParams(body).get('client_secret') ?? '';
			res.statusCode = 401;
			res.end(
				JSON.stringify({
					error: errorWord,
					error_description: `AADSTS7000215: Invalid client secret provided. Request: ${body} Decoded: ${decoded} B64: ${Buffer.from(decoded).toString('base64')}`,
				}),
			);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

function account(): Account {
	return {
		id: 'app',
		email: 'import@contoso.test',
		auth: {
			method: 'oauth2',
			user: 'import@contoso.test',
			oauth2: {
				flow: 'client-credentials',
				tenant: TENANT,
				clientId: 'aaaaaaaa-0000-4000-8000-000000000001',
				authority: `${origin}/${TENANT}`,
			},
		},
		imap: { host: '127.0.0.1', port: 993, security: 'tls' },
	};
}

function context(): ProbeContext {
	return {
		lang: 'en',
		clock: systemClock,
		timeouts: { ...DEFAULT_TIMEOUTS, stageMs: 5000 },
		extraCa: [ca],
		trust: { policy: { ...STRICT_POLICY, allowAuthorities: [origin] }, frontEnd: 'cli' },
	};
}

test('an authority echoing the client secret (form-encoded, decoded, base64) gets none of it into the check', async () => {
	errorWord = 'invalid_client';
	const secret = canary();
	const { check } = await probeOAuth2(account(), { clientSecret: secret }, context());
	assert.equal(check.failedStage, 'token');
	assert.equal(check.error?.code, 'OAUTH_TOKEN');
	assert.match(check.error?.serverResponse ?? '', /AADSTS7000215/);
	assertNoCanary({ check: JSON.stringify(check), transcript: check.transcript.join('\n') }, [secret]);
});

test('Object.prototype names as the error word are words like any other', async () => {
	for (const word of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
		errorWord = word;
		const { check } = await probeOAuth2(account(), { clientSecret: canary() }, context());
		assert.equal(check.error?.code, 'OAUTH_TOKEN', word);
		assert.equal(typeof check.error?.message, 'string', word);
		assert.match(check.error?.message ?? '', new RegExp(`${word}`), word);
		assert.doesNotMatch(check.error?.message ?? '', /function|\[object|native code/, word);
	}
});

test('Object.prototype names as the provider leave the walkthrough lookup alone', () => {
	const line = '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.';
	const plain = explain(line, { lang: 'en' })[0];
	assert.ok(plain, 'the line is explained');
	for (const provider of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
		const [best] = explain(line, { lang: 'en', provider: provider as ProviderId });
		assert.equal(best?.id, plain.id, provider);
		assert.deepEqual(best?.walkthrough, plain.walkthrough, provider);
	}
});
