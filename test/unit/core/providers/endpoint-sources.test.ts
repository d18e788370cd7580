/**
 * The provider table (src/core/providers/known.ts) against independent sources, so a wrong entry (a port, a TLS
 * mode, a host or a domain under the wrong provider) fails here and not in a user's connection test:
 * - endpoints whose source is `ispdb` must be served exactly so (host, port, TLS mode) by Thunderbird's ISPDB, as
 *   vendored in third_party/ispdb/xml (the generated table is checked against those files in providers.test.ts);
 * - endpoints from a vendor's own page are listed below as that page states them (the page is the provider's
 *   `source`, its URL in src/core/facts/sources.ts);
 * - a provider's mail domains that ISPDB knows lead to servers of that provider.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SOURCES } from '../../../../src/core/facts/sources';
import { ISPDB, ispdbForDomain } from '../../../../src/core/providers/ispdb';
import { KNOWN_PROVIDERS } from '../../../../src/core/providers/known';

const key = (protocol: string, host: string, port: number, security: string) =>
	`${protocol} ${host}:${port}/${security}`;

test('every endpoint taken from ISPDB is served exactly so by an ISPDB provider', () => {
	const served = new Set(
		ISPDB.providers.flatMap((p) => [
			...p.imap.map(([h, port, s]) => key('imap', h, port, s)),
			...p.smtp.map(([h, port, s]) => key('smtp', h, port, s)),
		]),
	);
	const fromIspdb = KNOWN_PROVIDERS.flatMap((p) =>
		p.endpoints.filter((e) => e.source === 'ispdb').map((e) => [p.id, key(e.protocol, e.host, e.port, e.security)]),
	);
	assert.ok(fromIspdb.length > 30, `only ${fromIspdb.length}`);
	assert.deepEqual(
		fromIspdb.filter(([, k]) => !served.has(k as string)),
		[],
	);
});

/**
 * What each vendor page says, by provider: IMAP host, port and TLS mode, SMTP the same. Implicit TLS is `tls`
 * (pages say "SSL", "SSL/TLS"), STARTTLS is `starttls` (pages say "STARTTLS" or "TLS" on 587).
 */
const VENDOR_PAGES: Record<string, { source: string; endpoints: string[] }[]> = {
	microsoft365: [
		// "POP and IMAP settings": outlook.office365.com 993 SSL/TLS; SMTP smtp.office365.com 587 STARTTLS
		{
			source: 'exo-imap-settings',
			endpoints: ['imap outlook.office365.com:993/tls', 'smtp smtp.office365.com:587/starttls'],
		},
		// devices and applications: SMTP AUTH client submission on port 587 (recommended) or 25, TLS
		{ source: 'exo-devices', endpoints: ['smtp smtp.office365.com:25/starttls'] },
		{ source: 'exo-legacy-tls-smtp', endpoints: ['smtp smtp-legacy.office365.com:587/starttls'] },
		{ source: 'exo-legacy-tls-pop-imap', endpoints: ['imap imap-legacy.office365.com:993/tls'] },
	],
	'outlook-com': [
		{
			source: 'outlook-com-settings',
			endpoints: ['imap outlook.office365.com:993/tls', 'smtp smtp-mail.outlook.com:587/starttls'],
		},
	],
	'google-workspace': [
		// "IMAP, POP, and SMTP": smtp.gmail.com requires TLS, port 465, or 587 when the client starts with STARTTLS
		{ source: 'google-imap-smtp', endpoints: ['smtp smtp.gmail.com:587/starttls'] },
		// SMTP relay service: smtp-relay.gmail.com on 465 (SSL) and 587 (TLS)
		{
			source: 'google-lsa-workspace',
			endpoints: ['smtp smtp-relay.gmail.com:465/tls', 'smtp smtp-relay.gmail.com:587/starttls'],
		},
	],
	gmail: [{ source: 'google-imap-smtp', endpoints: ['smtp smtp.gmail.com:587/starttls'] }],
	// "IMAP server settings for Yahoo Mail": smtp.mail.yahoo.com, port 465 or 587, SSL required
	yahoo: [{ source: 'yahoo-imap-settings', endpoints: ['smtp smtp.mail.yahoo.com:587/starttls'] }],
	icloud: [
		// "iCloud Mail server settings": imap.mail.me.com 993 SSL; smtp.mail.me.com 587 SSL/TLS (STARTTLS)
		{
			source: 'apple-mail-settings',
			endpoints: ['imap imap.mail.me.com:993/tls', 'smtp smtp.mail.me.com:587/starttls'],
		},
	],
	'mailbox-org': [
		{
			source: 'mailbox-org-settings',
			endpoints: [
				'imap imap.mailbox.org:993/tls',
				'smtp smtp.mailbox.org:465/tls',
				'smtp smtp.mailbox.org:587/starttls',
			],
		},
	],
	zoho: [
		{
			source: 'zoho-app-passwords',
			endpoints: [
				'imap imappro.zoho.com:993/tls',
				'smtp smtppro.zoho.com:465/tls',
				'smtp smtppro.zoho.com:587/starttls',
			],
		},
	],
	fastmail: [
		{
			source: 'fastmail-servers',
			endpoints: [
				'imap imap.fastmail.com:993/tls',
				'smtp smtp.fastmail.com:465/tls',
				'smtp smtp.fastmail.com:587/starttls',
			],
		},
	],
	hosteurope: [
		{
			source: 'hosteurope-faq',
			endpoints: [
				'imap imap.hosteurope.de:993/tls',
				'smtp smtp.hosteurope.de:465/tls',
				'smtp smtp.hosteurope.de:587/starttls',
			],
		},
	],
};

test("every endpoint taken from a vendor's page is as that page states it, and the page is a known source", () => {
	const listed = Object.entries(VENDOR_PAGES).flatMap(([id, pages]) =>
		pages.flatMap((page) => page.endpoints.map((e) => `${id} ${page.source} ${e}`)),
	);
	const ionos = [
		'ionos.de',
		'ionos.com',
		'ionos.co.uk',
		'ionos.fr',
		'ionos.es',
		'ionos.it',
		'ionos.ca',
		'ionos.mx',
	].flatMap((d) => [
		`ionos ionos-servers imap imap.${d}:993/tls`,
		`ionos ionos-servers smtp smtp.${d}:465/tls`,
		`ionos ionos-servers smtp smtp.${d}:587/starttls`,
	]);
	const table = KNOWN_PROVIDERS.flatMap((p) =>
		p.endpoints
			.filter((e) => e.source !== 'ispdb')
			.map((e) => `${p.id} ${e.source} ${key(e.protocol, e.host, e.port, e.security)}`),
	);
	assert.deepEqual([...table].sort(), [...listed, ...ionos].sort());
	for (const pages of Object.values(VENDOR_PAGES)) {
		for (const page of pages) assert.match(SOURCES[page.source as keyof typeof SOURCES]?.url ?? '', /^https:\/\//);
	}
});

test("a provider's mail domains that ISPDB knows lead to that provider's own servers", () => {
	const wrong: string[] = [];
	let compared = 0;
	for (const provider of KNOWN_PROVIDERS) {
		const hosts = new Set(provider.endpoints.map((e) => e.host));
		for (const domain of provider.domains) {
			const entry = ispdbForDomain(domain);
			if (!entry) continue;
			compared++;
			const ispdbHosts = [...entry.imap, ...entry.smtp].map(([h]) => h);
			if (!ispdbHosts.some((h) => hosts.has(h))) wrong.push(`${provider.id}: ${domain} → ${ispdbHosts.join(', ')}`);
		}
	}
	assert.ok(compared >= 20, `only ${compared} domains compared`);
	assert.deepEqual(wrong, []);
});
