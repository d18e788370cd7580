// Discovery against real servers on loopback: a DNS server (UDP and TCP), HTTPS and HTTP autoconfig servers and the
// Entra-like authority. Every name resolves only through the test DNS server.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { analyzeText } from '../../../../src/core/config/analyze';
import { type DiscoveryOptions, discover } from '../../../../src/core/discovery/discover';
import { nodeDnsClient, nodeHttpClient } from '../../../../src/core/discovery/node-net';
import type { DiscoveryResult } from '../../../../src/core/discovery/types';
import { type DiscoveryWorld, TENANTS, startDiscoveryWorld } from '../../../support/discovery-world';

let world: DiscoveryWorld;

before(async () => {
	world = await startDiscoveryWorld();
});
after(() => world.close());

function options(extra: Partial<DiscoveryOptions> = {}): DiscoveryOptions {
	const dns = nodeDnsClient({ servers: [world.dns.address], timeoutMs: 2000 });
	return {
		dns,
		http: nodeHttpClient({ extraCa: [world.caCert], dns }),
		ports: { https: world.https.port, http: world.http.port },
		authorityHost: world.oidc.url,
		timeoutMs: 4000,
		...extra,
	};
}

const servers = (list: DiscoveryResult['imap']) => list.map((s) => `${s.host}:${s.port}/${s.security}`);
const step = (result: DiscoveryResult, kind: string) => result.steps.find((s) => s.kind === kind);

function errorsOf(result: DiscoveryResult): string[] {
	const text = JSON.stringify({ accounts: [result.account] }, null, '\t');
	return analyzeText(text, { lang: 'en', now: () => new Date('2026-12-03T00:00:00Z') })
		.filter((f) => f.severity === 'error')
		.map((f) => `${f.code}: ${f.message}`);
}

describe('discovery over the network (loopback)', () => {
	test('a Microsoft 365 domain by its MX: Exchange Online servers and an app-only account with the tenant ID', async () => {
		const result = await discover('import@contoso.test', options());
		assert.deepEqual(result.provider, { id: 'microsoft365', name: 'Microsoft 365 / Exchange Online', known: true });
		assert.deepEqual(servers(result.imap), ['outlook.office365.com:993/tls']);
		assert.deepEqual(servers(result.smtp), ['smtp.office365.com:587/starttls']);
		assert.deepEqual(result.tenant, { id: TENANTS.contoso, domain: 'contoso.test' });
		assert.equal(step(result, 'mx')?.status, 'found');
		assert.match(step(result, 'mx')?.detail.en ?? '', /contoso-test\.mail\.protection\.outlook\.com/);
		assert.equal(step(result, 'tenant')?.status, 'found');
		assert.equal(result.account?.auth.method, 'oauth2');
		assert.equal(result.account?.auth.oauth2?.flow, 'client-credentials');
		assert.equal(result.account?.auth.oauth2?.tenant, TENANTS.contoso);
		assert.match(result.account?.auth.oauth2?.clientSecret ?? '', /^\$\{secret:[A-Z0-9_]+\}$/);
		assert.deepEqual(errorsOf(result), []);
	});

	test('a Microsoft 365 MX whose domain no tenant verified: says so and keeps the domain as tenant name', async () => {
		const result = await discover('scan@notenant.test', options());
		assert.equal(result.tenant, null);
		assert.equal(step(result, 'tenant')?.status, 'none');
		assert.match(
			step(result, 'tenant')?.detail.en ?? '',
			/not a verified domain of any Microsoft Entra tenant.*AADSTS90002/,
		);
		assert.match(step(result, 'tenant')?.detail.de ?? '', /in keinem Microsoft-Entra-Mandanten/);
		assert.equal(result.account?.auth.oauth2?.tenant, 'notenant.test');
	});

	test('an authority that cannot be reached: the tenant step fails and says why, the servers stay', async () => {
		const result = await discover('import@contoso.test', options({ authorityHost: 'https://127.0.0.1:1' }));
		assert.equal(step(result, 'tenant')?.status, 'failed');
		assert.match(step(result, 'tenant')?.detail.en ?? '', /^failed \(ECONNREFUSED/);
		assert.equal(result.tenant, null);
		assert.deepEqual(servers(result.imap), ['outlook.office365.com:993/tls']);
	});

	test('hybrid: MX at Microsoft 365, but the domain’s own autoconfig names its server, which wins', async () => {
		const result = await discover('archive@hybrid.test', options());
		assert.deepEqual(servers(result.imap), ['mail.hybrid.test:993/tls', 'outlook.office365.com:993/tls']);
		assert.deepEqual(servers(result.smtp), ['mail.hybrid.test:587/starttls', 'smtp.office365.com:587/starttls']);
		assert.equal(result.imap[0]?.source, 'autoconfig');
		assert.equal(result.imap[1]?.source, 'mx');
		assert.equal(result.provider?.name, 'Hybrid Corp Exchange');
		// The domain is in a tenant all the same, and that is reported.
		assert.deepEqual(result.tenant, { id: TENANTS.hybrid, domain: 'hybrid.test' });
		assert.equal(result.account?.imap?.host, 'mail.hybrid.test');
		assert.equal(result.account?.auth.method, 'password');
		assert.deepEqual(errorsOf(result), []);
		// The account's servers come from the HTTPS autoconfig file, so its <enable> step is the one shown.
		assert.deepEqual(result.enable, {
			url: 'https://help.hybrid.test/imap?tab=clients&lang=en',
			text: {
				en: 'Ask the mail team to allow IMAP for your mailbox.',
				de: 'IMAP für das Postfach beim Mail-Team freischalten lassen.',
			},
			source: 'autoconfig',
			origin: `https://autoconfig.hybrid.test:${world.https.port}/mail/config-v1.1.xml`,
		});
	});

	test('a forged plain-HTTP autoconfig never wins over provider data from the MX', async () => {
		const result = await discover('info@fabrikam.test', options());
		assert.equal(step(result, 'mx')?.status, 'found');
		assert.match(step(result, 'mx')?.detail.en ?? '', /mx00\.emig\.gmx\.net: provider data of gmx\.net/);
		assert.equal(result.imap[0]?.host, 'imap.gmx.net');
		assert.equal(result.smtp[0]?.host, 'mail.gmx.net');
		// Fetched, but marked unverified and ranked after everything verified.
		assert.match(step(result, 'autoconfig')?.detail.en ?? '', /plain HTTP: unverified/);
		const forged = result.imap.findIndex((s) => s.host === 'imap.attacker.test');
		assert.equal(forged, result.imap.length - 1);
		assert.equal(result.imap[forged]?.verified, false);
		assert.equal(result.account?.imap?.host, 'imap.gmx.net');
		assert.equal(result.provider?.id, 'gmx');
		// The step before the first sign-in is GMX's, from our facts, never the forged file's page.
		assert.equal(result.enable?.source, 'mx');
		assert.equal(result.enable?.url, 'https://hilfe.gmx.net/pop-imap/einschalten.html');
		assert.equal(result.enable?.origin, 'mailcfg fact gmx-imap-access');
		assert.ok(!JSON.stringify(result).includes('login.attacker.test'));
		// The address travels only in HTTPS queries.
		assert.ok(world.http.requests.every((r) => r.query === ''));
	});

	test('a forged plain-HTTP autoconfig is not even fetched when HTTPS answers', async () => {
		const before = world.http.requests.filter((r) => r.host === 'autoconfig.spoofed.test').length;
		const result = await discover('Jane.Doe@spoofed.test', options());
		assert.deepEqual(servers(result.imap), ['imap.spoofed.test:993/tls', 'imap.spoofed.test:143/starttls']);
		assert.deepEqual(servers(result.smtp), ['smtp.spoofed.test:587/starttls']);
		assert.equal(world.http.requests.filter((r) => r.host === 'autoconfig.spoofed.test').length, before);
		const request = world.https.requests.find((r) => r.host === 'autoconfig.spoofed.test');
		assert.equal(request?.query, '?emailaddress=Jane.Doe%40spoofed.test');
		// %EMAILLOCALPART% filled in from the file's <username>.
		assert.equal(result.account?.auth.user, 'Jane.Doe');
		assert.equal(
			step(result, 'autoconfig')?.detail.en,
			`https://autoconfig.spoofed.test:${world.https.port}/mail/config-v1.1.xml`,
		);
	});

	test('the .well-known location when autoconfig.<domain> does not exist', async () => {
		const result = await discover('team@wellknown.test', options());
		assert.deepEqual(servers(result.imap), ['imap.wellknown.test:993/tls']);
		assert.equal(result.imap[0]?.source, 'autoconfig');
		assert.match(step(result, 'autoconfig')?.detail.en ?? '', /\/\.well-known\/autoconfig\/mail\/config-v1\.1\.xml$/);
		assert.deepEqual(errorsOf(result), []);
	});

	test('SRV records (RFC 6186/8314), large enough to need TCP: ordered by priority and weight', async () => {
		const result = await discover('ops@srv.test', options());
		assert.equal(step(result, 'srv')?.status, 'found');
		const imaps = result.imap.map((s) => s.host.split('.')[0]);
		assert.deepEqual(imaps, ['imap-node-2', 'imap-node-1', 'imap-node-3', 'imap-node-4', 'imap-node-5']);
		// `_imap._tcp` with target "." means: no STARTTLS IMAP here.
		assert.ok(result.imap.every((s) => s.security === 'tls'));
		assert.deepEqual(servers(result.smtp), ['smtp.srv.test:465/tls', 'smtp.srv.test:587/starttls']);
		assert.ok(world.dns.queries.some((q) => q.name === '_imaps._tcp.srv.test' && q.transport === 'tcp'));
		assert.equal(step(result, 'mx')?.status, 'none');
		assert.deepEqual(errorsOf(result), []);
	});

	test('NXDOMAIN everywhere: nothing found, and every step says what it tried', async () => {
		const result = await discover('x@nowhere.test', options());
		assert.equal(result.account, null);
		assert.equal(result.provider, null);
		assert.deepEqual([...result.imap, ...result.smtp], []);
		assert.match(step(result, 'mx')?.detail.en ?? '', /nowhere\.test does not exist \(NXDOMAIN\)/);
		assert.equal(step(result, 'srv')?.status, 'none');
		assert.match(
			step(result, 'autoconfig')?.detail.en ?? '',
			/autoconfig\.nowhere\.test.*ENOTFOUND|ENOTFOUND.*autoconfig\.nowhere\.test|no autoconfig file/,
		);
	});

	test('a certificate that does not match the name: the file is not used', async () => {
		const result = await discover('x@badcert.test', options());
		assert.equal(step(result, 'autoconfig')?.status, 'none');
		assert.match(step(result, 'autoconfig')?.detail.en ?? '', /ERR_TLS_CERT_ALTNAME_INVALID|altnames/i);
		assert.equal(result.account, null);
	});

	test('a DNS server that never answers and a web server that hangs: steps fail within their timeout', async () => {
		const started = Date.now();
		const result = await discover('x@slow.test', options({ timeoutMs: 600 }));
		const elapsed = Date.now() - started;
		assert.equal(step(result, 'mx')?.status, 'failed');
		assert.match(step(result, 'mx')?.detail.en ?? '', /no answer within 600 ms/);
		assert.equal(step(result, 'srv')?.status, 'failed');
		assert.equal(step(result, 'autoconfig')?.status, 'failed');
		assert.ok(elapsed < 5000, `took ${elapsed} ms`);

		const hang = await discover('x@hang.test', options({ timeoutMs: 600 }));
		assert.equal(step(hang, 'autoconfig')?.status, 'failed');
		assert.match(step(hang, 'autoconfig')?.detail.de ?? '', /keine Antwort innerhalb von 600 ms/);
	});

	test('cancelling stops every step at once', async () => {
		const controller = new AbortController();
		const started = Date.now();
		const running = discover('x@slow.test', options({ timeoutMs: 30_000, signal: controller.signal }));
		setTimeout(() => controller.abort(), 100);
		await assert.rejects(running, (error: Error) => error.name === 'AbortError');
		assert.ok(Date.now() - started < 5000);
	});
});

describe('the Node DNS client against the test DNS server', () => {
	test('A, AAAA, MX and SRV over UDP; NXDOMAIN and NODATA are told apart', async () => {
		const dns = nodeDnsClient({ servers: [world.dns.address], timeoutMs: 2000 });
		const signal = AbortSignal.timeout(5000);
		assert.deepEqual(await dns.addresses('wellknown.test', signal), [
			{ address: '127.0.0.1', family: 4 },
			{ address: '::1', family: 6 },
		]);
		assert.deepEqual(await dns.mx('fabrikam.test', signal), [
			{ exchange: 'mx01.emig.gmx.net', priority: 10 },
			{ exchange: 'mx00.emig.gmx.net', priority: 5 },
		]);
		await assert.rejects(dns.mx('nowhere.test', signal), { kind: 'nxdomain' });
		await assert.rejects(dns.mx('wellknown.test', signal), { kind: 'nodata' });
	});
});
