// What `mailcfg check` tells a user who signs in with the account password or an app password, for every provider of
// our table: the provider facts (appPassword.required, authPolicies, app password prerequisites) decide whether the
// login is refused, merely needs an app password, or is fine. Each account is written as users write it: the
// provider's main servers, no `provider` field, so the provider is found from the address or, for services that host
// custom domains, from the host.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../../../../src/core/config/analyze';
import type { ProviderId } from '../../../../src/core/config/model';
import { KNOWN_PROVIDERS, providerById } from '../../../../src/core/providers/known';

const NOW = () => new Date('2026-12-04T00:00:00Z');

/** Finding code and its guide (walkthrough), `code[guide]`. */
type Seen = string;

const CASES: readonly { provider: ProviderId; email: string; password: Seen[]; appPassword: Seen[] }[] = [
	{
		provider: 'microsoft365',
		email: 'import@kanzlei-weber.de',
		password: [
			'exo-imap-basic-auth[m365-oauth2-app-only]',
			'exo-smtp-basic-auth-retirement[m365-smtp-after-basic-auth]',
		],
		appPassword: [
			'exo-imap-basic-auth[m365-oauth2-app-only]',
			'exo-smtp-basic-auth-retirement[m365-smtp-after-basic-auth]',
			'app-password-prerequisites[m365-allow-app-passwords]',
		],
	},
	{
		provider: 'outlook-com',
		email: 'jane.doe@outlook.de',
		password: ['outlook-consumer-basic-auth[m365-oauth2-delegated]'],
		appPassword: ['outlook-consumer-basic-auth[m365-oauth2-delegated]'],
	},
	{
		provider: 'google-workspace',
		email: 'info@kanzlei-weber.de',
		password: ['google-password-auth[gmail-oauth2]'],
		appPassword: [],
	},
	{
		provider: 'gmail',
		email: 'jane.doe@gmail.com',
		password: ['google-password-auth[gmail-app-password]'],
		appPassword: [],
	},
	{ provider: 'icloud', email: 'jane.doe@icloud.com', password: ['app-password-required'], appPassword: [] },
	{ provider: 'yahoo', email: 'jane.doe@yahoo.de', password: ['app-password-required'], appPassword: [] },
	{ provider: 'aol', email: 'jane.doe@aol.com', password: [], appPassword: [] },
	{ provider: 'gmx', email: 'jane.doe@gmx.de', password: [], appPassword: [] },
	{ provider: 'web-de', email: 'jane.doe@web.de', password: [], appPassword: [] },
	{ provider: 't-online', email: 'jane.doe@t-online.de', password: [], appPassword: [] },
	{ provider: 'ionos', email: 'info@online.de', password: [], appPassword: [] },
	{ provider: 'strato', email: 'info@baeckerei-example.de', password: [], appPassword: [] },
	{ provider: 'posteo', email: 'jane.doe@posteo.de', password: [], appPassword: [] },
	{ provider: 'mailbox-org', email: 'jane.doe@mailbox.org', password: [], appPassword: [] },
	{ provider: 'zoho', email: 'jane.doe@zohomail.com', password: [], appPassword: [] },
	{ provider: 'fastmail', email: 'jane.doe@fastmail.com', password: ['app-password-required'], appPassword: [] },
	{ provider: 'hosteurope', email: 'info@kanzlei-example.de', password: [], appPassword: [] },
];

function findings(provider: ProviderId, email: string, method: 'password' | 'app-password', lang: 'en' | 'de') {
	const info = providerById(provider) ?? assert.fail(provider);
	const server = (protocol: 'imap' | 'smtp') => {
		const e = info.endpoints.find((x) => x.protocol === protocol) ?? assert.fail(`${provider} ${protocol}`);
		return { host: e.host, port: e.port, security: e.security };
	};
	const secret = method === 'password' ? 'OFFICE_PASSWORD' : 'OFFICE_APP_PASSWORD';
	const text = JSON.stringify({
		accounts: [
			{
				id: 'office',
				email,
				auth: { method, user: email, password: `\${secret:${secret}}` },
				imap: server('imap'),
				smtp: { ...server('smtp'), from: email },
			},
		],
	});
	return analyzeText(text, { lang, now: NOW });
}

const seen = (list: ReturnType<typeof findings>): Seen[] =>
	list.map((f) => (f.walkthrough ? `${f.code}[${f.walkthrough.split('#')[0]}]` : f.code));

describe('password and app password logins, per provider', () => {
	test('every provider of our table has a row', () => {
		assert.deepEqual(
			CASES.map((c) => c.provider),
			KNOWN_PROVIDERS.map((p) => p.id),
		);
	});

	for (const { provider, email, password, appPassword } of CASES) {
		test(`${provider} (${email})`, () => {
			assert.deepEqual(seen(findings(provider, email, 'password', 'en')), password, 'method password');
			assert.deepEqual(seen(findings(provider, email, 'app-password', 'en')), appPassword, 'method app-password');
		});
	}

	test('a provider that requires app passwords is named in the warning, in English and German', () => {
		for (const { provider, email } of CASES.filter((c) => c.password.includes('app-password-required'))) {
			const name = providerById(provider)?.name ?? assert.fail(provider);
			for (const lang of ['en', 'de'] as const) {
				const warning = findings(provider, email, 'password', lang).find((f) => f.code === 'app-password-required');
				assert.ok(warning?.message.includes(name), `${provider} ${lang}: ${warning?.message}`);
			}
		}
	});
});
