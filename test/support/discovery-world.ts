/**
 * A small internet on loopback for discovery tests: a DNS server (UDP+TCP), an HTTPS server with a certificate from
 * the test CA for the autoconfig names, a plain HTTP server, and the Entra-like authority for tenant lookups. Every
 * name lives under `.test` (RFC 2606) and resolves only through the test DNS server, to 127.0.0.1.
 */
import { type DnsRecord, type DnsServer, startDnsServer } from './dns-server';
import { type WebServer, autoconfigXml, startHttpWebServer, startHttpsWebServer } from './autoconfig-server';
import { testCerts } from './certs';
import { type OidcServer, startOidcServer } from './oidc-server';

export const TENANTS = {
	contoso: 'a3f1c2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b',
	hybrid: 'b4e2d3c5-6f7a-4b81-9cad-1e2f3a4b5c6d',
} as const;

const LOOPBACK = '127.0.0.1';
const AUTOCONFIG_PATH = '/mail/config-v1.1.xml';
const WELL_KNOWN_PATH = `/.well-known/autoconfig${AUTOCONFIG_PATH}`;

/** A long SRV target name, so the SRV answers exceed 512 bytes and resolvers must retry over TCP. */
const longTarget = (n: number) => `imap-node-${n}.a-rather-long-cluster-name-for-tcp-fallback.mail.srv.test`;

const a = (name: string): DnsRecord => ({ name, type: 'A', data: LOOPBACK });
const mx = (name: string, exchange: string, preference = 10): DnsRecord => ({
	name,
	type: 'MX',
	data: { preference, exchange },
});
const srv = (name: string, target: string, port: number, priority = 0, weight = 0): DnsRecord => ({
	name,
	type: 'SRV',
	data: { priority, weight, port, target },
});

export const RECORDS: DnsRecord[] = [
	// Microsoft 365 tenant domain: MX at Exchange Online Protection, SPF for Microsoft, no autoconfig.
	mx('contoso.test', 'contoso-test.mail.protection.outlook.com'),
	{ name: 'contoso.test', type: 'TXT', data: 'v=spf1 include:spf.protection.outlook.com -all' },
	// MX at Microsoft, but no tenant has verified the domain.
	mx('notenant.test', 'notenant-test.mail.protection.outlook.com'),
	// Hybrid: MX at Microsoft, the domain's own autoconfig names its on-premises server.
	mx('hybrid.test', 'hybrid-test.mail.protection.outlook.com'),
	a('autoconfig.hybrid.test'),
	// MX at GMX's mail exchangers; a forged autoconfig file only over plain HTTP.
	mx('fabrikam.test', 'mx01.emig.gmx.net'),
	mx('fabrikam.test', 'mx00.emig.gmx.net', 5),
	a('autoconfig.fabrikam.test'),
	// Autoconfig over HTTPS, and a forged one on plain HTTP that must never be fetched.
	a('autoconfig.spoofed.test'),
	mx('spoofed.test', 'mx.spoofed.test'),
	// Only the .well-known location.
	a('wellknown.test'),
	{ name: 'wellknown.test', type: 'AAAA', data: '::1' },
	// SRV only (RFC 6186 / 8314), with answers large enough for TCP.
	mx('srv.test', 'mx.srv.test'),
	srv('_imaps._tcp.srv.test', longTarget(1), 993, 0, 10),
	srv('_imaps._tcp.srv.test', longTarget(2), 993, 0, 90),
	srv('_imaps._tcp.srv.test', longTarget(3), 993, 10, 0),
	srv('_imaps._tcp.srv.test', longTarget(4), 993, 20, 0),
	srv('_imaps._tcp.srv.test', longTarget(5), 993, 30, 0),
	srv('_imap._tcp.srv.test', '.', 0),
	srv('_submissions._tcp.srv.test', 'smtp.srv.test', 465),
	srv('_submission._tcp.srv.test', 'smtp.srv.test', 587),
	// Certificate not valid for this name.
	a('autoconfig.badcert.test'),
	// The web server accepts the connection and never answers.
	a('autoconfig.hang.test'),
	mx('hang.test', 'mx.hang.test'),
];

/** Names whose queries are never answered. */
export const SILENT = [
	'slow.test',
	'_imaps._tcp.slow.test',
	'_imap._tcp.slow.test',
	'_submissions._tcp.slow.test',
	'_submission._tcp.slow.test',
	'autoconfig.slow.test',
];

export interface DiscoveryWorld {
	dns: DnsServer;
	https: WebServer;
	http: WebServer;
	oidc: OidcServer;
	caCert: string;
	close(): Promise<void>;
}

export async function startDiscoveryWorld(): Promise<DiscoveryWorld> {
	const certs = await testCerts();
	const webCert = await certs.issueFor([
		'autoconfig.hybrid.test',
		'autoconfig.fabrikam.test',
		'autoconfig.spoofed.test',
		'autoconfig.hang.test',
		'wellknown.test',
	]);
	const hybridXml = autoconfigXml({
		id: 'hybrid.test',
		displayName: 'Hybrid Corp Exchange',
		domains: ['hybrid.test'],
		imap: [{ host: 'mail.hybrid.test', port: 993, socketType: 'SSL' }],
		smtp: [{ host: 'mail.hybrid.test', port: 587, socketType: 'STARTTLS' }],
		enable: {
			url: 'https://help.hybrid.test/imap?tab=clients&amp;lang=en',
			instructions: [
				{ text: 'Ask the mail team to allow IMAP for your mailbox.' },
				{ lang: 'de', text: 'IMAP für das Postfach beim Mail-Team freischalten lassen.' },
			],
		},
	});
	const evilXml = autoconfigXml({
		id: 'evil',
		displayName: 'Totally legit',
		domains: ['fabrikam.test', 'spoofed.test'],
		imap: [{ host: 'imap.attacker.test', port: 993, socketType: 'SSL' }],
		smtp: [{ host: 'smtp.attacker.test', port: 465, socketType: 'SSL' }],
		// Over plain HTTP anyone on the path could write this: its page must never be offered.
		enable: {
			url: 'https://login.attacker.test/verify',
			instructions: [{ text: 'Confirm your password on this page to enable IMAP.' }],
		},
	});
	const [dns, https, http, oidc] = await Promise.all([
		startDnsServer({ records: RECORDS, silent: SILENT }),
		startHttpsWebServer(webCert, [
			{ host: 'autoconfig.hybrid.test', path: AUTOCONFIG_PATH, body: hybridXml },
			{
				host: 'autoconfig.spoofed.test',
				path: AUTOCONFIG_PATH,
				body: autoconfigXml({
					id: 'spoofed.test',
					displayName: 'Spoofed Test Mail',
					domains: ['spoofed.test'],
					imap: [
						{ host: 'imap.spoofed.test', port: 143, socketType: 'STARTTLS', username: '%EMAILLOCALPART%' },
						{ host: 'imap.spoofed.test', port: 993, socketType: 'SSL', username: '%EMAILLOCALPART%' },
					],
					smtp: [{ host: 'smtp.spoofed.test', port: 587, socketType: 'STARTTLS', username: '%EMAILLOCALPART%' }],
				}),
			},
			{
				host: 'wellknown.test',
				path: WELL_KNOWN_PATH,
				body: autoconfigXml({
					id: 'wellknown.test',
					displayName: 'Well-Known Mail',
					domains: ['wellknown.test'],
					imap: [{ host: 'imap.wellknown.test', port: 993, socketType: 'SSL' }],
					smtp: [{ host: 'smtp.wellknown.test', port: 465, socketType: 'SSL' }],
				}),
			},
			{ host: 'autoconfig.hang.test', path: AUTOCONFIG_PATH, hang: true },
		]),
		startHttpWebServer([
			{ host: 'autoconfig.fabrikam.test', path: AUTOCONFIG_PATH, body: evilXml },
			{ host: 'autoconfig.spoofed.test', path: AUTOCONFIG_PATH, body: evilXml },
		]),
		startOidcServer({
			tls: certs.server,
			tenants: [
				{ id: TENANTS.contoso, domains: ['contoso.test', 'contoso.onmicrosoft.com'] },
				{ id: TENANTS.hybrid, domains: ['hybrid.test'] },
			],
			clients: [],
			users: [],
		}),
	]);
	return {
		dns,
		https,
		http,
		oidc,
		caCert: certs.caCert,
		async close() {
			await Promise.all([dns.close(), https.close(), http.close(), oidc.stop()]);
		},
	};
}
