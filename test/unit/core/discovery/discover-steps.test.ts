// Every step's outcome as the user reads it, with DNS and HTTP answered by tables through discovery's injectable
// clients (nothing leaves the process): found, none, NXDOMAIN, failures, timeouts, redirects, tenant answers.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseMailAddress } from '../../../../src/core/discovery/address';
import { autoconfigUrls, lookupAutoconfig } from '../../../../src/core/discovery/autoconfig';
import { AutoconfigError, parseAutoconfig } from '../../../../src/core/discovery/autoconfig-xml';
import { discover } from '../../../../src/core/discovery/discover';
import {
	DnsError,
	type DnsClient,
	type HttpClient,
	type HttpResponse,
	type MxRecord,
	type SrvRecord,
} from '../../../../src/core/discovery/net';
import { lookupTenant, openIdConfigurationUrl } from '../../../../src/core/discovery/tenant';
import type { DiscoveryResult } from '../../../../src/core/discovery/types';
import { autoconfigXml } from '../../../support/autoconfig-server';

const TENANT = 'a3f1c2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b';
const address = (email: string) => parseMailAddress(email) ?? assert.fail(email);
/**
 * A client that ignores its signal and answers far too late. The timer keeps the event loop alive, as a real socket
 * would (the steps' AbortSignal.timeout does not).
 */
const never = <T>(): Promise<T> => new Promise<T>((_, reject) => setTimeout(() => reject(new Error('too late')), 1500));

type Answer<T> = T[] | DnsError | 'hang';
function fakeDns(mx: Record<string, Answer<MxRecord>>, srv: Record<string, Answer<SrvRecord>> = {}): DnsClient {
	const answer = <T>(table: Record<string, Answer<T>>, name: string): Promise<T[]> => {
		const a = table[name] ?? new DnsError('nxdomain', `queryX ENOTFOUND ${name}`);
		if (a === 'hang') return never();
		return a instanceof DnsError ? Promise.reject(a) : Promise.resolve(a);
	};
	return { mx: (name) => answer(mx, name), srv: (name) => answer(srv, name) };
}

/** Answers by URL (without the query); anything else is a connection refusal. */
function fakeHttp(routes: Record<string, HttpResponse | Error | 'hang'>, seen: string[] = []): HttpClient {
	return {
		get(url) {
			seen.push(url.href);
			const route = routes[`${url.origin}${url.pathname}`];
			if (route === 'hang') return never();
			if (route === undefined) {
				return Promise.reject(Object.assign(new Error(`connect ECONNREFUSED ${url.host}`), { code: 'ECONNREFUSED' }));
			}
			return route instanceof Error ? Promise.reject(route) : Promise.resolve(route);
		},
	};
}

const xml = (host: string, extra: { username?: string } = {}) =>
	autoconfigXml({
		id: 'example.test',
		displayName: 'Example Mail',
		domains: ['example.test'],
		imap: [{ host, port: 993, socketType: 'SSL', ...extra }],
		smtp: [{ host, port: 587, socketType: 'STARTTLS', ...extra }],
	});
const ok = (body: string): HttpResponse => ({ status: 200, body });
const AUTOCONFIG = 'https://autoconfig.example.test/mail/config-v1.1.xml';
const WELL_KNOWN = 'https://example.test/.well-known/autoconfig/mail/config-v1.1.xml';
const PLAIN = 'http://autoconfig.example.test/mail/config-v1.1.xml';

const step = (result: DiscoveryResult, kind: string) => {
	const s = result.steps.find((x) => x.kind === kind) ?? assert.fail(kind);
	return [s.status, s.detail.en, s.detail.de];
};

describe('autoconfig lookups', () => {
	test('the three URLs in order; the address only in the HTTPS query; ports for tests and proxies', () => {
		const a = address('Jane.Doe@example.test');
		assert.deepEqual(
			autoconfigUrls(a, {}).map(({ url, verified }) => [url.href, verified]),
			[
				[`${AUTOCONFIG}?emailaddress=Jane.Doe%40example.test`, true],
				[WELL_KNOWN, true],
				[PLAIN, false],
			],
		);
		assert.deepEqual(
			autoconfigUrls(a, { https: 8443, http: false }).map(({ url }) => url.href),
			[
				'https://autoconfig.example.test:8443/mail/config-v1.1.xml?emailaddress=Jane.Doe%40example.test',
				'https://example.test:8443/.well-known/autoconfig/mail/config-v1.1.xml',
			],
		);
		assert.equal(
			autoconfigUrls(a, { http: 8080 })[2]?.url.href,
			'http://autoconfig.example.test:8080/mail/config-v1.1.xml',
		);
	});

	test('outcomes of each URL: what was found where, and why the others were passed over', async () => {
		const a = address('someone@example.test');
		const cases: [name: string, routes: Parameters<typeof fakeHttp>[0], expected: unknown][] = [
			[
				'the first URL answers',
				{ [AUTOCONFIG]: ok(xml('mail.example.test')) },
				{ kind: 'found', url: AUTOCONFIG, verified: true, attempts: [] },
			],
			[
				'404, then .well-known',
				{ [AUTOCONFIG]: { status: 404, body: 'Not Found' }, [WELL_KNOWN]: ok(xml('mail.example.test')) },
				{ kind: 'found', url: WELL_KNOWN, verified: true, attempts: [{ url: AUTOCONFIG, outcome: 'HTTP 404' }] },
			],
			[
				'only plain HTTP answers: found, unverified',
				{ [PLAIN]: ok(xml('mail.example.test')) },
				{
					kind: 'found',
					url: PLAIN,
					verified: false,
					attempts: [
						{ url: AUTOCONFIG, outcome: 'ECONNREFUSED: connect ECONNREFUSED autoconfig.example.test' },
						{ url: WELL_KNOWN, outcome: 'ECONNREFUSED: connect ECONNREFUSED example.test' },
					],
				},
			],
			[
				'a redirect to HTTPS is followed and the final URL shown',
				{
					[AUTOCONFIG]: { status: 301, body: '', location: 'https://config.mailhost.test/v1.1/config.xml' },
					'https://config.mailhost.test/v1.1/config.xml': ok(xml('mail.example.test')),
				},
				{ kind: 'found', url: 'https://config.mailhost.test/v1.1/config.xml', verified: true, attempts: [] },
			],
			[
				'a relative redirect resolves against the URL',
				{
					[AUTOCONFIG]: { status: 302, body: '', location: '/other.xml' },
					'https://autoconfig.example.test/other.xml': ok(xml('mail.example.test')),
				},
				{ kind: 'found', url: 'https://autoconfig.example.test/other.xml', verified: true, attempts: [] },
			],
			[
				'three redirects are followed, a fourth is not',
				{
					[AUTOCONFIG]: { status: 301, body: '', location: 'https://r.test/1' },
					'https://r.test/1': { status: 302, body: '', location: 'https://r.test/2' },
					'https://r.test/2': { status: 307, body: '', location: 'https://r.test/3' },
					'https://r.test/3': { status: 308, body: '', location: 'https://r.test/4' },
					'https://r.test/4': ok(xml('mail.example.test')),
					[WELL_KNOWN]: { status: 301, body: '', location: 'https://r.test/2' },
				},
				{
					kind: 'found',
					url: 'https://r.test/4',
					verified: true,
					attempts: [{ url: AUTOCONFIG, outcome: 'too many redirects' }],
				},
			],
			[
				'a redirect to plain HTTP or to nowhere is refused; a 3xx without location is an answer',
				{
					[AUTOCONFIG]: { status: 301, body: '', location: 'http://autoconfig.example.test/mail/config-v1.1.xml' },
					[WELL_KNOWN]: { status: 302, body: '', location: 'https://[broken/' },
					[PLAIN]: { status: 304, body: '' },
				},
				{
					kind: 'none',
					attempts: [
						{ url: AUTOCONFIG, outcome: 'HTTP 301 to a non-HTTPS URL' },
						{ url: WELL_KNOWN, outcome: 'HTTP 302 to an invalid location' },
						{ url: PLAIN, outcome: 'HTTP 304' },
					],
				},
			],
			[
				'files that are no use: an HTML page, a DTD, servers that do not check out',
				{
					[AUTOCONFIG]: ok('<html><body>Welcome</body></html>'),
					[WELL_KNOWN]: ok(`<!DOCTYPE x>${xml('mail.example.test')}`),
					[PLAIN]: ok(xml('bad host')),
				},
				{
					kind: 'none',
					attempts: [
						{ url: AUTOCONFIG, outcome: 'no <clientConfig><emailProvider> element' },
						{ url: WELL_KNOWN, outcome: 'DOCTYPE declarations are not accepted' },
						{ url: PLAIN, outcome: 'no usable IMAP or SMTP server in the file' },
					],
				},
			],
			[
				'HTTP 200 is the only success',
				{ [AUTOCONFIG]: { status: 204, body: xml('mail.example.test') }, [WELL_KNOWN]: { status: 500, body: '' } },
				{
					kind: 'none',
					attempts: [
						{ url: AUTOCONFIG, outcome: 'HTTP 204' },
						{ url: WELL_KNOWN, outcome: 'HTTP 500' },
						{ url: PLAIN, outcome: 'ECONNREFUSED: connect ECONNREFUSED autoconfig.example.test' },
					],
				},
			],
		];
		for (const [name, routes, expected] of cases) {
			const result = await lookupAutoconfig(fakeHttp(routes), a, {}, AbortSignal.timeout(5000));
			const { file: _file, ...shown } = result as typeof result & { file?: unknown };
			assert.deepEqual(shown, expected, name);
		}
	});

	test('the plain-HTTP fallback is skipped when turned off, and a cancel ends the lookup', async () => {
		const seen: string[] = [];
		const result = await lookupAutoconfig(
			fakeHttp({}, seen),
			address('a@example.test'),
			{ http: false },
			AbortSignal.timeout(5000),
		);
		assert.equal(result.kind, 'none');
		assert.equal(seen.length, 2);
		const controller = new AbortController();
		const running = lookupAutoconfig(
			{
				get: async () => {
					controller.abort(new Error('cancelled by the user'));
					throw new Error('socket closed');
				},
			},
			address('a@example.test'),
			{},
			controller.signal,
		);
		await assert.rejects(running, /socket closed/);
	});
});

describe('autoconfig file contents (Thunderbird config-v1.1.xml)', () => {
	const a = address('Jane.Doe@example.test');
	const wrap = (inner: string, attrs = ' id="example.test"') =>
		`<?xml version="1.0"?><clientConfig version="1.1"><emailProvider${attrs}>${inner}</emailProvider></clientConfig>`;
	const imap = (inner: string, type = 'imap') =>
		`<incomingServer type="${type}"><hostname>imap.example.test</hostname><port>993</port><socketType>SSL</socketType>${inner}</incomingServer>`;

	test('user names: placeholders filled, entities decoded; spaces or unknown placeholders drop the name', () => {
		const cases: [username: string, expected: string | undefined][] = [
			['%EMAILADDRESS%', 'Jane.Doe@example.test'],
			['%EMAILLOCALPART%', 'Jane.Doe'],
			['%EMAILLOCALPART%@%EMAILDOMAIN%', 'Jane.Doe@example.test'],
			['EXAMPLE\\%EMAILLOCALPART%', 'EXAMPLE\\Jane.Doe'],
			['a&amp;b', 'a&b'],
			['&lt;x&gt;&quot;&apos;', `<x>"'`],
			['%REALNAME%', undefined],
			['jane doe', undefined],
			['', undefined],
		];
		for (const [username, expected] of cases) {
			const file = parseAutoconfig(wrap(imap(`<username>${username}</username>`)), a);
			assert.equal(file.servers[0]?.username, expected, username);
		}
		assert.equal(parseAutoconfig(wrap(imap('')), a).servers[0]?.username, undefined);
	});

	test('socket types map to our security modes; other values and protocols are not servers', () => {
		const server = (type: string, socket: string, tag = 'incomingServer') =>
			`<${tag} type="${type}"><hostname>h.example.test</hostname><port>1143</port><socketType>${socket}</socketType></${tag}>`;
		const cases: [element: string, expected: string[]][] = [
			[server('imap', 'SSL'), ['imap h.example.test:1143/tls']],
			[server('imap', 'STARTTLS'), ['imap h.example.test:1143/starttls']],
			[server('imap', 'plain'), ['imap h.example.test:1143/none']],
			[server('smtp', 'SSL', 'outgoingServer'), ['smtp h.example.test:1143/tls']],
			[server('imap', 'TLS'), []],
			[server('imap', 'ssl'), []],
			[server('pop3', 'SSL'), []],
			[server('smtp', 'SSL'), []],
			[server('imap', 'SSL', 'outgoingServer'), []],
			[
				'<incomingServer><hostname>h.example.test</hostname><port>993</port><socketType>SSL</socketType></incomingServer>',
				[],
			],
			['<incomingServer type="imap"><port>993</port><socketType>SSL</socketType></incomingServer>', []],
			[
				'<incomingServer type="imap"><hostname>h.example.test</hostname><socketType>SSL</socketType></incomingServer>',
				[],
			],
			['<incomingServer type="imap"><hostname>h.example.test</hostname><port>993</port></incomingServer>', []],
			[
				'<incomingServer type="imap"><hostname x="1">h.example.test</hostname><port>993</port><socketType>SSL</socketType></incomingServer>',
				['imap h.example.test:993/tls'],
			],
		];
		for (const [element, expected] of cases) {
			const file = parseAutoconfig(wrap(element), a);
			assert.deepEqual(
				file.servers.map((s) => `${s.protocol} ${s.host}:${s.port}/${s.security}`),
				expected,
				element,
			);
		}
	});

	test('authentication methods as written, cleaned and at most eight', () => {
		const methods = [
			'password-cleartext',
			'OAuth2',
			' password-encrypted ',
			'',
			...Array.from({ length: 9 }, (_, i) => `m${i}`),
		];
		const file = parseAutoconfig(wrap(imap(methods.map((m) => `<authentication>${m}</authentication>`).join(''))), a);
		assert.deepEqual(file.servers[0]?.authentication, [
			'password-cleartext',
			'OAuth2',
			'password-encrypted',
			'm0',
			'm1',
			'm2',
			'm3',
			'm4',
		]);
		assert.deepEqual(parseAutoconfig(wrap(imap('')), a).servers[0]?.authentication, []);
	});

	test('provider id, name and domains, with fallbacks to the address’s domain', () => {
		const cases: [doc: string, id: string, name: string, domains: string[]][] = [
			[
				wrap(
					'<displayName>Example &amp; Co</displayName><domain>Example.test</domain><domain>bad domain</domain><domain>example.org</domain>',
				),
				'example.test',
				'Example & Co',
				['example.test', 'example.org'],
			],
			[wrap('', ' id="Example&amp;Co"'), 'Example&Co', 'Example&Co', []],
			[wrap('<displayName>  </displayName>', ''), 'example.test', 'example.test', []],
			[wrap('<displayName short="x">Long Name</displayName>', ''), 'example.test', 'Long Name', []],
		];
		for (const [doc, id, name, domains] of cases) {
			const file = parseAutoconfig(doc, a);
			assert.deepEqual([file.providerId, file.displayName, file.domains], [id, name, domains], doc);
		}
		const two = `<clientConfig><emailProvider id="first.test"><displayName>First</displayName></emailProvider><emailProvider id="second.test"/></clientConfig>`;
		assert.equal(parseAutoconfig(two, a).providerId, 'first.test');
		const many = wrap(Array.from({ length: 120 }, (_, i) => `<domain>d${i}.example.test</domain>`).join(''));
		assert.equal(parseAutoconfig(many, a).domains.length, 100);
	});

	test('unusable documents are refused with the reason', () => {
		const cases: [doc: string, reason: RegExp][] = [
			['<clientConfig/>', /no <clientConfig><emailProvider> element/],
			['<clientConfig><emailProvider>text</emailProvider></clientConfig>', /no <clientConfig><emailProvider>/],
			['<emailProvider id="x"/>', /no <clientConfig><emailProvider>/],
			['<clientConfig><emailProvider id="x"></clientConfig>', /^not well-formed XML \(/],
			['<!doctype clientConfig><clientConfig/>', /DOCTYPE/],
			['<clientConfig><!ENTITY x "y"></clientConfig>', /DOCTYPE/],
			[`<clientConfig>${'x'.repeat(64 * 1024)}</clientConfig>`, /too large/],
		];
		for (const [doc, reason] of cases) {
			assert.throws(
				() => parseAutoconfig(doc, a),
				(e: Error) => e instanceof AutoconfigError && reason.test(e.message),
				doc.slice(0, 60),
			);
		}
		assert.ok(parseAutoconfig(wrap(imap('')).padEnd(64 * 1024), a));
	});
});

describe('the Entra tenant of a domain (OpenID configuration)', () => {
	const URL_CONTOSO = 'https://login.microsoftonline.com/contoso.test/v2.0/.well-known/openid-configuration';
	const json = (status: number, body: unknown): HttpResponse => ({ status, body: JSON.stringify(body) });

	test('the URL: authority without trailing slashes, domain encoded', () => {
		assert.equal(openIdConfigurationUrl('https://login.microsoftonline.com', 'contoso.test').href, URL_CONTOSO);
		assert.equal(openIdConfigurationUrl('https://login.microsoftonline.com//', 'contoso.test').href, URL_CONTOSO);
		assert.equal(
			openIdConfigurationUrl('https://127.0.0.1:8443', 'a/b?c').href,
			'https://127.0.0.1:8443/a%2Fb%3Fc/v2.0/.well-known/openid-configuration',
		);
	});

	test('answers as Entra gives them: a tenant, no tenant, failures', async () => {
		const aadsts =
			"AADSTS90002: Tenant 'contoso.test' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Trace ID: 0b1c Correlation ID: 9d8e Timestamp: 2026-12-03 10:00:00Z";
		const cases: [name: string, response: HttpResponse, expected: unknown][] = [
			[
				'issuer with the tenant ID',
				json(200, { issuer: `https://login.microsoftonline.com/${TENANT}/v2.0` }),
				{ kind: 'found', id: TENANT, url: URL_CONTOSO },
			],
			[
				'upper-case ID and trailing slash',
				json(200, { issuer: `https://sts.windows.net/${TENANT.toUpperCase()}/v2.0/` }),
				{ kind: 'found', id: TENANT, url: URL_CONTOSO },
			],
			[
				'an issuer that is not a tenant',
				json(200, { issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0' }),
				{
					kind: 'failed',
					url: URL_CONTOSO,
					message: 'unexpected issuer "https://login.microsoftonline.com/{tenantid}/v2.0"',
				},
			],
			[
				'an issuer over plain HTTP',
				json(200, { issuer: `http://login.microsoftonline.com/${TENANT}/v2.0` }),
				{
					kind: 'failed',
					url: URL_CONTOSO,
					message: `unexpected issuer "http://login.microsoftonline.com/${TENANT}/v2.0"`,
				},
			],
			[
				'no issuer at all',
				{ status: 200, body: 'not json' },
				{ kind: 'failed', url: URL_CONTOSO, message: 'unexpected issuer ""' },
			],
			[
				'invalid_tenant: the description without its trace',
				json(400, { error: 'invalid_tenant', error_description: aadsts }),
				{
					kind: 'no-tenant',
					url: URL_CONTOSO,
					message:
						"AADSTS90002: Tenant 'contoso.test' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.",
				},
			],
			[
				'AADSTS90002 without the error field',
				json(400, { error_description: 'AADSTS90002: Tenant not found.' }),
				{ kind: 'no-tenant', url: URL_CONTOSO, message: 'AADSTS90002: Tenant not found.' },
			],
			[
				'another 400',
				json(400, {
					error: 'invalid_request',
					error_description:
						'AADSTS900023: Specified tenant identifier is neither a valid DNS name, nor a valid external domain.',
				}),
				{
					kind: 'failed',
					url: URL_CONTOSO,
					message:
						'HTTP 400: AADSTS900023: Specified tenant identifier is neither a valid DNS name, nor a valid external domain.',
				},
			],
			[
				'a server error without a body',
				{ status: 503, body: '' },
				{ kind: 'failed', url: URL_CONTOSO, message: 'HTTP 503' },
			],
			['a JSON array', { status: 404, body: '[1]' }, { kind: 'failed', url: URL_CONTOSO, message: 'HTTP 404' }],
		];
		for (const [name, response, expected] of cases) {
			const found = await lookupTenant(
				fakeHttp({ [URL_CONTOSO]: response }),
				'https://login.microsoftonline.com',
				'contoso.test',
				AbortSignal.timeout(5000),
			);
			assert.deepEqual(found, expected, name);
		}
	});
});

describe('discover with injected DNS and HTTP', () => {
	const options = (dns: DnsClient, http: HttpClient = fakeHttp({}), timeoutMs = 2000) => ({
		dns,
		http,
		timeoutMs,
		authorityHost: 'https://login.example.invalid',
	});

	test('MX step outcomes (en/de)', async () => {
		const cases: [mx: Answer<MxRecord>, expected: string[]][] = [
			[
				new DnsError('nxdomain', 'ENOTFOUND'),
				['none', 'example.test does not exist (NXDOMAIN)', 'example.test existiert nicht (NXDOMAIN)'],
			],
			[
				new DnsError('nodata', 'ENODATA'),
				['none', 'example.test has no MX records', 'example.test hat keine MX-Einträge'],
			],
			[
				[{ exchange: '.', priority: 0 }],
				['none', 'example.test has no MX records', 'example.test hat keine MX-Einträge'],
			],
			[
				new DnsError('failed', 'ESERVFAIL'),
				['failed', 'DNS query failed (ESERVFAIL)', 'DNS-Abfrage fehlgeschlagen (ESERVFAIL)'],
			],
			[
				new DnsError('timeout', 'ETIMEOUT'),
				['failed', 'no answer within 2000 ms', 'keine Antwort innerhalb von 2000 ms'],
			],
			[
				['a', 'b', 'c', 'd'].map((n, i) => ({ exchange: `${n}.mx.example.test`, priority: i })),
				[
					'none',
					'MX a.mx.example.test, b.mx.example.test, c.mx.example.test: no known provider',
					'MX a.mx.example.test, b.mx.example.test, c.mx.example.test: kein bekannter Anbieter',
				],
			],
			[
				[{ exchange: 'mx00.emig.gmx.net', priority: 10 }],
				[
					'found',
					'mx00.emig.gmx.net: provider data of gmx.net (GMX)',
					'mx00.emig.gmx.net: Anbieterdaten von gmx.net (GMX)',
				],
			],
			[
				[{ exchange: 'example-test.mail.protection.outlook.com', priority: 0 }],
				[
					'found',
					'example-test.mail.protection.outlook.com: an MX host of Microsoft 365 / Exchange Online',
					'example-test.mail.protection.outlook.com: ein MX-Host von Microsoft 365 / Exchange Online',
				],
			],
		];
		for (const [mx, expected] of cases) {
			const result = await discover('a@example.test', options(fakeDns({ 'example.test': mx })));
			assert.deepEqual(step(result, 'mx'), expected, JSON.stringify(mx));
		}
	});

	test('an MX at GMX: servers from the MX with their origin, a password account', async () => {
		const result = await discover(
			'info@example.test',
			options(fakeDns({ 'example.test': [{ exchange: 'mx00.emig.gmx.net', priority: 10 }] })),
		);
		assert.deepEqual(
			result.imap.map((s) => [s.host, s.port, s.security, s.source, s.origin]),
			[
				['imap.gmx.net', 993, 'tls', 'mx', 'MX mx00.emig.gmx.net → mailcfg + ISPDB gmx'],
				['imap.gmx.net', 143, 'starttls', 'mx', 'MX mx00.emig.gmx.net → mailcfg + ISPDB gmx'],
			],
		);
		assert.deepEqual(result.provider, { id: 'gmx', name: 'GMX', known: true });
		assert.deepEqual(step(result, 'tenant'), [
			'skipped',
			'skipped: not a Microsoft 365 domain',
			'übersprungen: keine Microsoft 365-Domäne',
		]);
		assert.equal(result.account?.auth.method, 'password');
	});

	test('SRV step outcomes (en/de): records found, none, failures', async () => {
		const srv = (name: string, port: number) => [{ name, port, priority: 0, weight: 0 }];
		const cases: [records: Record<string, Answer<SrvRecord>>, expected: string[]][] = [
			[
				{
					'_imaps._tcp.example.test': srv('imap.example.test', 993),
					'_submission._tcp.example.test': srv('smtp.example.test', 587),
				},
				[
					'found',
					'_imaps._tcp.example.test → imap.example.test:993, _submission._tcp.example.test → smtp.example.test:587',
					'_imaps._tcp.example.test → imap.example.test:993, _submission._tcp.example.test → smtp.example.test:587',
				],
			],
			[
				{},
				[
					'none',
					'no SRV records for IMAP or submission under example.test',
					'keine SRV-Einträge für IMAP oder Einlieferung unter example.test',
				],
			],
			[
				{ '_imaps._tcp.example.test': srv('.', 0), '_imap._tcp.example.test': new DnsError('nodata', 'ENODATA') },
				[
					'none',
					'no SRV records for IMAP or submission under example.test',
					'keine SRV-Einträge für IMAP oder Einlieferung unter example.test',
				],
			],
			[
				{ '_imap._tcp.example.test': new DnsError('failed', 'ESERVFAIL') },
				['failed', 'DNS query failed (ESERVFAIL)', 'DNS-Abfrage fehlgeschlagen (ESERVFAIL)'],
			],
			[
				{
					'_imaps._tcp.example.test': srv('imap.example.test', 993),
					'_imap._tcp.example.test': new DnsError('failed', 'ESERVFAIL'),
				},
				[
					'found',
					'_imaps._tcp.example.test → imap.example.test:993',
					'_imaps._tcp.example.test → imap.example.test:993',
				],
			],
		];
		for (const [records, expected] of cases) {
			const result = await discover('a@example.test', options(fakeDns({ 'example.test': [] }, records)));
			assert.deepEqual(step(result, 'srv'), expected, JSON.stringify(Object.keys(records)));
		}
	});

	test('SRV servers: the security the service name says, origin, documented when a provider lists the host and port', async () => {
		const dns = fakeDns(
			{},
			{
				'_imaps._tcp.example.test': [{ name: 'imap.gmx.net', port: 993, priority: 0, weight: 0 }],
				'_imap._tcp.example.test': [{ name: 'imap.gmx.net', port: 1143, priority: 0, weight: 0 }],
				'_submissions._tcp.example.test': [{ name: 'smtp.example.test', port: 465, priority: 0, weight: 0 }],
			},
		);
		const result = await discover('a@example.test', options(dns));
		assert.deepEqual(
			[...result.imap, ...result.smtp].map((s) => [s.host, s.port, s.security, s.origin, s.documented, s.provider?.id]),
			[
				['imap.gmx.net', 993, 'tls', 'SRV _imaps._tcp.example.test', true, 'gmx'],
				['imap.gmx.net', 1143, 'starttls', 'SRV _imap._tcp.example.test', false, 'gmx'],
				['smtp.example.test', 465, 'tls', 'SRV _submissions._tcp.example.test', false, undefined],
			],
		);
	});

	test('autoconfig step outcomes (en/de): found, unverified, none with every attempt', async () => {
		const dns = fakeDns({ 'example.test': [] });
		const found = await discover(
			'a@example.test',
			options(dns, fakeHttp({ [AUTOCONFIG]: ok(xml('mail.example.test', { username: '%EMAILLOCALPART%' })) })),
		);
		assert.deepEqual(step(found, 'autoconfig'), ['found', AUTOCONFIG, AUTOCONFIG]);
		assert.deepEqual(found.provider, { id: 'example.test', name: 'Example Mail', known: false });
		assert.equal(found.account?.auth.user, 'a');
		assert.deepEqual(found.account?.imap, { host: 'mail.example.test', port: 993, security: 'tls', folder: 'INBOX' });

		const plain = await discover('a@example.test', options(dns, fakeHttp({ [PLAIN]: ok(xml('mail.example.test')) })));
		assert.deepEqual(step(plain, 'autoconfig'), [
			'found',
			`${PLAIN} (plain HTTP: unverified, ranked after everything verified)`,
			`${PLAIN} (einfaches HTTP: nicht überprüft, hinter allem Überprüften eingeordnet)`,
		]);
		assert.equal(plain.imap[0]?.verified, false);

		const none = await discover(
			'a@example.test',
			options(
				dns,
				fakeHttp({
					[AUTOCONFIG]: { status: 404, body: '' },
					[WELL_KNOWN]: { status: 403, body: '' },
					[PLAIN]: { status: 404, body: '' },
				}),
			),
		);
		const attempts = `${AUTOCONFIG}: HTTP 404; ${WELL_KNOWN}: HTTP 403; ${PLAIN}: HTTP 404`;
		assert.deepEqual(step(none, 'autoconfig'), [
			'none',
			`no autoconfig file (${attempts})`,
			`keine Autoconfig-Datei (${attempts})`,
		]);
		assert.equal(none.account, null);
	});

	test('an autoconfig file naming a known provider’s host: that provider, documented where it documents the port', async () => {
		const dns = fakeDns({ 'example.test': [] });
		const http = fakeHttp({ [AUTOCONFIG]: ok(xml('imap.gmx.net')) });
		const result = await discover('a@example.test', options(dns, http));
		assert.deepEqual(
			result.imap.map((s) => [s.host, s.port, s.documented, s.provider?.id]),
			[['imap.gmx.net', 993, true, 'gmx']],
		);
		assert.equal(result.provider?.id, 'gmx');
	});

	test('steps that hang fail at their timeout and say so (en/de)', async () => {
		const dns = fakeDns({ 'example.test': 'hang' }, { '_imaps._tcp.example.test': 'hang' });
		const result = await discover('a@example.test', options(dns, fakeHttp({ [AUTOCONFIG]: 'hang' }), 150));
		for (const kind of ['autoconfig', 'mx', 'srv']) {
			assert.deepEqual(
				step(result, kind),
				['failed', 'no answer within 150 ms', 'keine Antwort innerhalb von 150 ms'],
				kind,
			);
		}
	});

	test('a step that throws something unexpected fails with the reason', async () => {
		const dns: DnsClient = {
			mx: async () => {
				throw new TypeError('resolver broke');
			},
			srv: async () => [],
		};
		const result = await discover('a@example.test', options(dns));
		assert.deepEqual(step(result, 'mx'), [
			'failed',
			'DNS query failed (resolver broke)',
			'DNS-Abfrage fehlgeschlagen (resolver broke)',
		]);
	});

	test('the tenant step for a Microsoft 365 MX: found, no tenant, failed (en/de)', async () => {
		const dns = fakeDns({ 'contoso.test': [{ exchange: 'contoso-test.mail.protection.outlook.com', priority: 0 }] });
		const url = 'https://login.example.invalid/contoso.test/v2.0/.well-known/openid-configuration';
		const cases: [response: HttpResponse, expected: string[], tenant: string][] = [
			[
				{ status: 200, body: JSON.stringify({ issuer: `https://login.example.invalid/${TENANT}/v2.0` }) },
				['found', `tenant ${TENANT}, from ${url}`, `Mandant ${TENANT}, aus ${url}`],
				TENANT,
			],
			[
				{
					status: 400,
					body: JSON.stringify({
						error: 'invalid_tenant',
						error_description: 'AADSTS90002: Tenant not found. Trace ID: 1',
					}),
				},
				[
					'none',
					'contoso.test is not a verified domain of any Microsoft Entra tenant (AADSTS90002: Tenant not found.)',
					'contoso.test ist in keinem Microsoft-Entra-Mandanten als Domäne verifiziert (AADSTS90002: Tenant not found.)',
				],
				'contoso.test',
			],
			[
				{ status: 502, body: '' },
				['failed', `lookup failed: HTTP 502 (${url})`, `Abfrage fehlgeschlagen: HTTP 502 (${url})`],
				'contoso.test',
			],
		];
		for (const [response, expected, tenant] of cases) {
			const result = await discover('import@contoso.test', options(dns, fakeHttp({ [url]: response })));
			assert.deepEqual(step(result, 'tenant'), expected);
			assert.equal(result.account?.auth.oauth2?.tenant, tenant);
			assert.deepEqual(result.tenant, tenant === TENANT ? { id: TENANT, domain: 'contoso.test' } : null);
		}
	});

	test('a domain the bundled data knows skips the network steps and says why (en/de)', async () => {
		const result = await discover('a@gmx.de', options(fakeDns({})));
		for (const kind of ['autoconfig', 'mx', 'srv']) {
			assert.deepEqual(step(result, kind), [
				'skipped',
				'skipped: the bundled data already knows gmx.de',
				'übersprungen: die mitgelieferten Daten kennen gmx.de bereits',
			]);
		}
	});

	test('an ISPDB-only domain: provider data from the ISPDB entry (en/de)', async () => {
		const result = await discover('student@umich.edu', { offline: true });
		assert.deepEqual(step(result, 'data'), [
			'found',
			'University of Michigan, from Thunderbird’s ISPDB entry umich.edu (umich.edu)',
			'University of Michigan, aus dem ISPDB-Eintrag umich.edu von Thunderbird (umich.edu)',
		]);
		assert.deepEqual(result.provider, { id: 'umich.edu', name: 'University of Michigan', known: false });
		assert.equal(result.imap[0]?.origin, 'ISPDB umich.edu');
		assert.equal(
			result.account?.provider,
			'google-workspace',
			'the servers are Google’s: the account names who runs them',
		);
	});
});
