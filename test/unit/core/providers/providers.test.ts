import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_ISPDB, readIspdbFolder, renderIspdb } from '../../../../scripts/gen-providers';
import { convertIspdb } from '../../../../scripts/ispdb-convert';
import { PROVIDER_IDS } from '../../../../src/core/config/model';
import { detectProvider, documentedEndpoints, providerForEndpoint } from '../../../../src/core/providers/detect';
import { editDistance, likelyHostTypo } from '../../../../src/core/providers/hosts';
import { ISPDB, ispdbForDomain } from '../../../../src/core/providers/ispdb';
import { KNOWN_PROVIDERS } from '../../../../src/core/providers/known';
import { SOURCES } from '../../../../src/core/facts/sources';
import { RULE_IDS } from '../../../../src/core/rules/registry';
import { FACTS, MILESTONES } from '../../../../src/core/facts/registry';

const REPO = join(__dirname, '../../../..');

test('the committed ISPDB table is what gen-providers renders from the vendored XML (run `npm run gen:providers`)', () => {
	const committed = readFileSync(join(REPO, 'src/core/providers/generated/ispdb.json'), 'utf8');
	assert.equal(renderIspdb(readIspdbFolder(join(REPO, DEFAULT_ISPDB))), committed);
	assert.ok(ISPDB.providers.length > 100);
	assert.match(ISPDB.source.commit, /^[0-9a-f]{40}$/);
});

test('the ISPDB converter keeps IMAP and SMTP servers and drops the rest', () => {
	const xml = `<?xml version="1.0"?><clientConfig version="1.1"><emailProvider id="example.net">
		<domain>example.net</domain><domain>Example.ORG</domain><displayName>Example &amp; Co</displayName>
		<!-- <incomingServer type="imap"><hostname>commented.example</hostname></incomingServer> -->
		<incomingServer type="imap"><hostname>imap.example.net</hostname><port>993</port><socketType>SSL</socketType></incomingServer>
		<incomingServer type="pop3"><hostname>pop.example.net</hostname><port>995</port><socketType>SSL</socketType></incomingServer>
		<outgoingServer type="smtp"><hostname>smtp.%EMAILDOMAIN%</hostname><port>587</port><socketType>STARTTLS</socketType></outgoingServer>
		<outgoingServer type="smtp"><hostname>smtp.example.net</hostname><port>25</port><socketType>plain</socketType></outgoingServer>
	</emailProvider></clientConfig>`;
	const table = convertIspdb([{ name: 'example.net.xml', xml }], { repo: 'r', commit: 'c', date: 'd' });
	assert.deepEqual(table.providers, [
		{
			id: 'example.net',
			name: 'Example & Co',
			domains: ['example.net', 'example.org'],
			imap: [['imap.example.net', 993, 'tls']],
			smtp: [
				['smtp.%EMAILDOMAIN%', 587, 'starttls'],
				['smtp.example.net', 25, 'none'],
			],
		},
	]);
});

test('ISPDB lookups by domain fill in placeholders', () => {
	const gmx = ispdbForDomain('GMX.de');
	assert.ok(gmx?.imap.some(([host, port, security]) => host === 'imap.gmx.net' && port === 993 && security === 'tls'));
	assert.equal(ispdbForDomain('mueller-bau.de'), undefined);
});

test('provider detection: configured provider, then email domain, then host', () => {
	const cases: [input: Parameters<typeof detectProvider>[0], id: string | undefined, by: string | undefined][] = [
		[{ provider: 'gmx', email: 'a@web.de', hosts: [] }, 'gmx', 'config'],
		[{ email: 'anna@hotmail.com', hosts: ['outlook.office365.com'] }, 'outlook-com', 'email'],
		[{ email: 'import@contoso.com', hosts: ['outlook.office365.com'] }, 'microsoft365', 'host'],
		[{ email: 'info@kanzlei-weber.de', hosts: [undefined, 'smtp.gmail.com'] }, 'google-workspace', 'host'],
		[{ email: 'office@gmail.com', hosts: ['imap.gmail.com'] }, 'gmail', 'email'],
		[{ email: 'x@t-online.de', hosts: [] }, 't-online', 'email'],
		[{ email: 'erp@mueller-bau.de', hosts: ['mail.mueller-bau.de'] }, undefined, undefined],
		[{ provider: 'generic', email: 'a@gmail.com', hosts: ['imap.gmail.com'] }, undefined, undefined],
		[{ provider: 'no-such-provider', email: 'a@gmail.com', hosts: [] }, undefined, undefined],
	];
	for (const [input, id, by] of cases) {
		const detected = detectProvider(input);
		assert.equal(detected?.provider.id, id, JSON.stringify(input));
		assert.equal(detected?.by, by, JSON.stringify(input));
	}
});

test('a shared host belongs to the account provider when that provider documents it', () => {
	const outlook = KNOWN_PROVIDERS.find((p) => p.id === 'outlook-com');
	assert.equal(providerForEndpoint('outlook.office365.com', outlook)?.id, 'outlook-com');
	assert.equal(providerForEndpoint('outlook.office365.com', undefined)?.id, 'microsoft365');
	assert.equal(providerForEndpoint('mail.mueller-bau.de', outlook), undefined);
});

test('documented endpoints come from our table and ISPDB', () => {
	assert.deepEqual(
		documentedEndpoints('smtp.gmail.com', 'smtp').map((e) => `${e.port}/${e.security}`),
		['465/tls', '587/starttls'],
	);
	assert.ok(documentedEndpoints('imap.strato.de', 'imap').some((e) => e.port === 993 && e.security === 'tls'));
	assert.deepEqual(documentedEndpoints('imap.mail.ru', 'imap')[0], { port: 993, security: 'tls', source: 'ispdb' });
	assert.deepEqual(documentedEndpoints('mail.mueller-bau.de', 'imap'), []);
});

test('host typos: transpositions and slips near provider hosts, nothing for real other hosts', () => {
	assert.equal(editDistance('office356', 'office365', 2), 1);
	assert.equal(editDistance('kitten', 'sitting', 5), 3);
	const cases: [string, string | undefined][] = [
		['outlook.office356.com', 'outlook.office365.com'],
		['outlook.ofice365.com', 'outlook.office365.com'],
		['smtp.office365.de', undefined],
		['smtp.gmial.com', 'smtp.gmail.com'],
		['imap.gmx.net', undefined],
		['imap.web.de', undefined],
		['mail.mueller-bau.de', undefined],
		['imap.strato.de', undefined],
		['smtp.office365.com', undefined],
		// IONOS serves each country under its own domain: these are real hosts, not slips of imap.ionos.de.
		['imap.ionos.fr', undefined],
		['smtp.ionos.es', undefined],
		['imap.ionos.it', undefined],
		['smtp.ionos.fr', undefined],
		['smtp.ionos.dee', 'smtp.ionos.de'],
		['outlook.office365.cm', 'outlook.office365.com'],
	];
	for (const [host, expected] of cases) assert.equal(likelyHostTypo(host), expected, host);
});

test('host typos: a host some provider serves, in any country, is never a typo', () => {
	const cases: [host: string, expected: string | undefined][] = [
		// IONOS country sites: one letter from imap.ionos.com / two from smtp.ionos.com, yet real.
		['imap.ionos.ca', undefined],
		['smtp.ionos.ca', undefined],
		['imap.ionos.mx', undefined],
		['smtp.ionos.mx', undefined],
		['imap.ionos.co.uk', undefined],
		['smtp.ionos.co.uk', undefined],
		// Country hosts that only ISPDB knows.
		['imap.zoho.in', undefined],
		['smtp.zoho.com.au', undefined],
		['imap.zohocloud.ca', undefined],
		['imap.gmx.com', undefined],
		// Slips of those hosts are still caught.
		['imap.ionos.caa', 'imap.ionos.ca'],
		['smpt.ionos.mx', 'smtp.ionos.mx'],
	];
	for (const [host, expected] of cases) assert.equal(likelyHostTypo(host), expected, host);
	const served = [
		...KNOWN_PROVIDERS.flatMap((p) => p.endpoints.map((e) => e.host)),
		...ISPDB.providers.flatMap((p) => [...p.imap, ...p.smtp].map(([host]) => host)).filter((h) => !h.includes('%')),
	];
	assert.deepEqual(
		served.filter((host) => likelyHostTypo(host) !== undefined),
		[],
	);
	for (const host of ['imap.ionos.ca', 'smtp.ionos.mx'])
		assert.equal(providerForEndpoint(host, undefined)?.id, 'ionos', host);
});

test('provider data is complete and consistent', () => {
	const ids = new Set<string>();
	for (const p of KNOWN_PROVIDERS) {
		assert.ok(PROVIDER_IDS.includes(p.id), p.id);
		assert.ok(!ids.has(p.id), `duplicate ${p.id}`);
		ids.add(p.id);
		for (const e of p.endpoints) {
			assert.ok(e.source in SOURCES, `${p.id}: source ${e.source}`);
			assert.ok(e.port > 0 && e.port < 65536);
			assert.equal(e.host, e.host.toLowerCase());
		}
		for (const policy of p.authPolicies) {
			assert.ok(RULE_IDS.includes(policy.rule), `${p.id}: policy for unknown rule ${policy.rule}`);
			assert.ok(policy.milestone in MILESTONES, `${p.id}: unknown milestone ${policy.milestone}`);
		}
		if (p.access) {
			assert.ok(p.access.fact in FACTS, `${p.id}: access fact ${p.access.fact}`);
			assert.match(p.access.url, /^https:\/\//, `${p.id}: access page`);
		}
	}
	// Findings name the provider: an empty or shared name would leave users guessing which one is meant.
	const names = KNOWN_PROVIDERS.map((p) => p.name.trim());
	assert.ok(names.every((name) => name.length > 0));
	assert.equal(new Set(names).size, names.length);
	for (const [id, source] of Object.entries(SOURCES)) {
		assert.match(source.url, /^https:\/\//, id);
		assert.match(source.date, /^\d{4}-\d{2}-\d{2}$/, id);
	}
	assert.ok(
		PROVIDER_IDS.filter((id) => id !== 'generic').every((id) => ids.has(id)),
		'every provider id has data',
	);
});
