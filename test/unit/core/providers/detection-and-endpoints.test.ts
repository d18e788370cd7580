// Which provider an account belongs to, and whether `mailcfg check` holds its servers to the provider's documented
// ports. Both are what users see: the provider's name in every finding, and a wrong port caught before a connection
// test times out.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../../../../src/core/config/analyze';
import { detectProvider } from '../../../../src/core/providers/detect';
import { KNOWN_PROVIDERS } from '../../../../src/core/providers/known';

describe('the provider of an address: the address wins over a host another provider shares', () => {
	// Real addresses; Microsoft serves Outlook.com and Microsoft 365 from the same IMAP host, Google Gmail and
	// Workspace from the same hosts, so only the address tells them apart.
	const CASES: readonly [email: string, host: string, provider: string][] = [
		['jane.doe@outlook.com', 'outlook.office365.com', 'outlook-com'],
		['jane.doe@hotmail.com', 'outlook.office365.com', 'outlook-com'],
		['jane.doe@live.com', 'outlook.office365.com', 'outlook-com'],
		['jane.doe@msn.com', 'outlook.office365.com', 'outlook-com'],
		['jane.doe@windowslive.com', 'outlook.office365.com', 'outlook-com'],
		['jane.doe@outlook.de', 'outlook.office365.com', 'outlook-com'],
		['jane.doe@hotmail.de', 'outlook.office365.com', 'outlook-com'],
		['jane.doe@live.de', 'outlook.office365.com', 'outlook-com'],
		['jane.doe@outlook.at', 'outlook.office365.com', 'outlook-com'],
		['jane.doe@outlook.fr', 'outlook.office365.com', 'outlook-com'],
		['jane.doe@hotmail.fr', 'outlook.office365.com', 'outlook-com'],
		['jane.doe@hotmail.co.uk', 'outlook.office365.com', 'outlook-com'],
		['jane.doe@live.co.uk', 'outlook.office365.com', 'outlook-com'],
		['jane.doe@outlook.it', 'outlook.office365.com', 'outlook-com'],
		['jane.doe@outlook.es', 'outlook.office365.com', 'outlook-com'],
		['import@contoso.com', 'outlook.office365.com', 'microsoft365'],
		['jane.doe@gmail.com', 'imap.gmail.com', 'gmail'],
		['jane.doe@googlemail.com', 'smtp.gmail.com', 'gmail'],
		['info@kanzlei-weber.de', 'imap.gmail.com', 'google-workspace'],
		['jane.doe@web.de', 'imap.gmx.net', 'web-de'],
	];
	for (const [email, host, provider] of CASES) {
		test(`${email} on ${host}: ${provider}`, () => {
			assert.equal(detectProvider({ email, hosts: [host] })?.provider.id, provider);
		});
	}
	// Before any server is filled in (discovery, a new account), the address alone names the provider.
	const ADDRESS_ONLY: readonly [email: string, provider: string][] = [
		['jane.doe@posteo.de', 'posteo'],
		['jane.doe@posteo.net', 'posteo'],
		['jane.doe@posteo.eu', 'posteo'],
		['jane.doe@zoho.com', 'zoho'],
		['jane.doe@zohomail.com', 'zoho'],
		['jane.doe@zoho.eu', 'zoho'],
		['jane.doe@zohomail.eu', 'zoho'],
		['jane.doe@icloud.com', 'icloud'],
		['jane.doe@me.com', 'icloud'],
		['jane.doe@mac.com', 'icloud'],
	];
	for (const [email, provider] of ADDRESS_ONLY) {
		test(`${email} without servers: ${provider}`, () => {
			assert.equal(detectProvider({ email, hosts: [] })?.provider.id, provider);
		});
	}
});

describe('a port the provider does not serve', () => {
	// Providers without a first-party server table (ISPDB or a forum only): their hosts may serve more than is
	// listed, so a port outside the list is no error there.
	const UNVERIFIED = ['aol', 'mailbox-org', 'hosteurope'];
	// What the finding offers instead: the IMAP ports the provider (or ISPDB) documents for the host, and nothing
	// the host serves for SMTP (posteo.de serves both).
	const BOTH = ['gmx', 'web-de', 'posteo'];

	for (const provider of KNOWN_PROVIDERS) {
		const imap = provider.endpoints.find((e) => e.protocol === 'imap') ?? assert.fail(provider.id);
		const email = `office@${provider.domains[0] ?? 'kanzlei-weber.de'}`;
		const verified = !UNVERIFIED.includes(provider.id);
		test(`${provider.id}: IMAP on ${imap.host}:995 ${verified ? 'is an error naming the provider' : 'passes'}`, () => {
			const text = JSON.stringify({
				accounts: [
					{
						id: 'office',
						email,
						auth: { method: 'oauth2', user: email },
						imap: { host: imap.host, port: 995, security: 'tls' },
					},
				],
			});
			for (const lang of ['en', 'de'] as const) {
				const found = analyzeText(text, { lang, now: () => new Date('2026-12-04T00:00:00Z') }).filter(
					(f) => f.code === 'provider-endpoint-mismatch',
				);
				assert.equal(found.length, verified ? 1 : 0, lang);
				if (!verified) continue;
				assert.ok(found[0]?.message.startsWith(provider.name), found[0]?.message);
				const documented = BOTH.includes(provider.id) ? '993 tls, 143 starttls' : '993 tls';
				assert.ok(found[0]?.message.endsWith(`: ${documented}.`), found[0]?.message);
			}
		});
	}
});
