/**
 * The CAs the OAuth2 HTTPS client trusts, against the local Entra look-alike over real TLS on loopback (signed by
 * the test CA): extra CAs and NODE_EXTRA_CA_CERTS count, and a patched default store (what VS Code's extension host
 * does to https with `http.systemCertificates`) does not change the verdict.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import tls from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createHttpsNetworkClient } from '../../../../src/core/probes/oauth2-network';
import { environmentCa, splitPem, systemCa, trustedTls } from '../../../../src/core/probes/trust-store';
import { testCerts } from '../../../support/certs';
import { type OidcServer, TEST_TENANT, startTestAuthority } from '../../../support/oidc-server';

let oidc: OidcServer;
let ca: string;
let unrelated: string;
const folder = mkdtempSync(join(tmpdir(), 'mailcfg-trust-'));

before(async () => {
	const certs = await testCerts();
	ca = certs.caCert;
	unrelated = certs.selfSigned.cert;
	oidc = await startTestAuthority(certs.server);
});
after(async () => {
	await oidc.stop();
	rmSync(folder, { recursive: true, force: true });
});

const discovery = () => `${oidc.url}/${TEST_TENANT.id}/v2.0/.well-known/openid-configuration`;

async function outcome(extraCa?: string[]): Promise<string> {
	const client = createHttpsNetworkClient({ ...(extraCa ? { extraCa } : {}), timeoutMs: 5000 });
	try {
		const response = await client.sendGetRequestAsync(discovery(), {});
		return `HTTP ${response.status}`;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code ?? 'error';
	}
}

function withEnvironmentCa<T>(file: string | undefined, run: () => Promise<T>): Promise<T> {
	const saved = process.env.NODE_EXTRA_CA_CERTS;
	if (file === undefined) delete process.env.NODE_EXTRA_CA_CERTS;
	else process.env.NODE_EXTRA_CA_CERTS = file;
	return run().finally(() => {
		if (saved === undefined) delete process.env.NODE_EXTRA_CA_CERTS;
		else process.env.NODE_EXTRA_CA_CERTS = saved;
	});
}

test('an authority signed by a private CA: untrusted by default, trusted with the CA as an extra CA', async () => {
	await withEnvironmentCa(undefined, async () => {
		assert.equal(await outcome(), 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
		assert.equal(await outcome([ca]), 'HTTP 200');
	});
});

// That the client trusts NODE_EXTRA_CA_CERTS over the network is covered in a child process (Node reads the file at
// start-up): oauth2-abort.test.ts, "the production network client obtains a token from a real authority".
test('environmentCa reads the NODE_EXTRA_CA_CERTS file for the explicit ca list; a missing file adds none', async () => {
	const file = join(folder, 'company-ca.pem');
	writeFileSync(file, `# company CA\n${ca}`);
	await withEnvironmentCa(file, async () => {
		assert.deepEqual(environmentCa(), splitPem(ca));
		assert.ok(trustedTls([unrelated]).ca.includes(splitPem(ca)[0]!));
	});
	await withEnvironmentCa(join(folder, 'missing.pem'), () => {
		assert.deepEqual(environmentCa(), []);
		return Promise.resolve();
	});
});

test('a default store patched to other certificates does not change what the client trusts', async () => {
	// VS Code's extension host replaces the trust of requests that bring no `ca`; the client always brings its own.
	const original = https.globalAgent.options.ca;
	https.globalAgent.options.ca = [unrelated];
	try {
		await withEnvironmentCa(undefined, async () => {
			assert.equal(await outcome([ca]), 'HTTP 200');
			assert.equal(await outcome(), 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
		});
	} finally {
		https.globalAgent.options.ca = original;
	}
});

test('each set of CAs builds its TLS context once', () => {
	const first = trustedTls([ca]);
	assert.equal(trustedTls([ca]).secureContext, first.secureContext);
	assert.notEqual(trustedTls([unrelated]).secureContext, first.secureContext);
	assert.ok(first.ca.includes(splitPem(ca)[0]!));
	assert.equal(trustedTls().secureContext, trustedTls([]).secureContext);
	// The config's tls.minVersion lives in the context (Node ignores minVersion beside a secureContext), so a
	// context built without it must not be reused for a connection that demands TLS 1.3.
	const strict = trustedTls([ca], 'TLSv1.3');
	assert.notEqual(strict.secureContext, first.secureContext);
	assert.equal(trustedTls([ca], 'TLSv1.3').secureContext, strict.secureContext);
});

test('splitPem keeps the certificates of a bundle, once each, and nothing else', () => {
	const [cert] = splitPem(ca);
	assert.ok(cert);
	const bundle = `subject=CN test\n${cert}\n-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n${cert}\n`;
	assert.deepEqual(splitPem(bundle), [cert]);
	assert.deepEqual(splitPem('no certificates here'), []);
});

test("the system store on Linux without Node's own query: the distribution's bundle, every certificate once", (t) => {
	// Node 22.15+ asks the OS itself (tls.getCACertificates); before that, on Linux, the bundle file is the system store
	const bundle = '/etc/ssl/certs/ca-certificates.crt';
	if ('getCACertificates' in tls || process.platform !== 'linux' || !existsSync(bundle)) {
		t.skip('not a Linux system with the Debian-style bundle on a Node without getCACertificates');
		return;
	}
	const certs = systemCa();
	assert.ok(certs.length > 10, `${certs.length} certificates`);
	assert.deepEqual(certs, splitPem(readFileSync(bundle, 'utf8')));
});
