// What sign-in discovery suggests for each provider of our table: the method an importer is asked to set up first.
// A wrong suggestion sends a user to create the wrong secret (a password Gmail refuses, an app password Exchange
// Online ignores), so every provider has a row, reached the way its users are: an address at one of its domains,
// or, for services that host custom domains only, the domain's DNS records naming the provider's servers.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { discover } from '../../../../src/core/discovery/discover';
import {
	DnsError,
	type DnsClient,
	type HttpClient,
	type MxRecord,
	type SrvRecord,
} from '../../../../src/core/discovery/net';
import { KNOWN_PROVIDERS } from '../../../../src/core/providers/known';

interface Dns {
	mx?: MxRecord[];
	srv?: Record<string, SrvRecord[]>;
}

/** Answers only for `domain`; no autoconfig file anywhere. */
function network(domain: string, records: Dns) {
	const none = (name: string) => Promise.reject(new DnsError('nxdomain', `queryX ENOTFOUND ${name}`));
	const dns: DnsClient = {
		mx: (name) => (name === domain && records.mx ? Promise.resolve(records.mx) : none(name)),
		srv: (name) => {
			const found = records.srv?.[name];
			return found ? Promise.resolve(found) : none(name);
		},
	};
	const http: HttpClient = { get: () => Promise.resolve({ status: 404, body: '' }) };
	return { dns, http, timeoutMs: 2000 };
}

const srv = (name: string, port: number): SrvRecord[] => [{ name, port, priority: 0, weight: 1 }];

type Suggestion = 'password' | 'app-password' | 'oauth2 client-credentials' | 'oauth2 device-code';

const CASES: readonly { provider: string; email: string; dns?: Dns; suggests: Suggestion }[] = [
	{ provider: 'microsoft365', email: 'import@contoso.onmicrosoft.com', suggests: 'oauth2 client-credentials' },
	{ provider: 'outlook-com', email: 'jane.doe@hotmail.de', suggests: 'oauth2 device-code' },
	{
		provider: 'google-workspace',
		email: 'office@school.example',
		dns: { mx: [{ exchange: 'aspmx.l.google.com', priority: 1 }] },
		suggests: 'app-password',
	},
	{ provider: 'gmail', email: 'jane.doe@googlemail.com', suggests: 'app-password' },
	{ provider: 'icloud', email: 'jane.doe@me.com', suggests: 'app-password' },
	{ provider: 'yahoo', email: 'jane.doe@ymail.com', suggests: 'app-password' },
	{ provider: 'aol', email: 'jane.doe@aol.de', suggests: 'password' },
	{ provider: 'gmx', email: 'jane.doe@gmx.at', suggests: 'password' },
	{ provider: 'web-de', email: 'jane.doe@web.de', suggests: 'password' },
	{ provider: 't-online', email: 'jane.doe@magenta.de', suggests: 'password' },
	{ provider: 'ionos', email: 'jane.doe@online.de', suggests: 'password' },
	{
		provider: 'strato',
		email: 'info@baeckerei-example.de',
		dns: {
			srv: {
				'_imaps._tcp.baeckerei-example.de': srv('imap.strato.de', 993),
				'_submissions._tcp.baeckerei-example.de': srv('smtp.strato.de', 465),
			},
		},
		suggests: 'password',
	},
	{ provider: 'posteo', email: 'jane.doe@posteo.net', suggests: 'password' },
	{ provider: 'mailbox-org', email: 'jane.doe@mailbox.org', suggests: 'password' },
	{ provider: 'zoho', email: 'jane.doe@zohomail.eu', suggests: 'password' },
	{ provider: 'fastmail', email: 'jane.doe@fastmail.fm', suggests: 'app-password' },
	{
		provider: 'hosteurope',
		email: 'info@kanzlei-example.de',
		dns: {
			srv: {
				'_imaps._tcp.kanzlei-example.de': srv('imap.hosteurope.de', 993),
				'_submission._tcp.kanzlei-example.de': srv('smtp.hosteurope.de', 587),
			},
		},
		suggests: 'password',
	},
];

describe('the sign-in discovery suggests, per provider', () => {
	test('every provider of our table has a row', () => {
		assert.deepEqual(
			CASES.map((c) => c.provider),
			KNOWN_PROVIDERS.map((p) => p.id),
		);
	});

	for (const { provider, email, dns, suggests } of CASES) {
		test(`${provider} (${email}): ${suggests}`, async () => {
			const domain = email.slice(email.indexOf('@') + 1);
			const result = await discover(email, dns ? network(domain, dns) : { offline: true });
			const account = result.account ?? assert.fail('no account suggested');
			assert.equal(account.provider, provider);
			const advice = result.auth ?? assert.fail('no sign-in advice');
			assert.equal(advice.method === 'oauth2' ? `oauth2 ${advice.flow}` : advice.method, suggests);
			assert.equal(account.auth.method, advice.method);
			// The reason is shown next to the suggestion: both languages, and for an app password the provider's name.
			assert.ok(advice.reason.en.length > 0 && advice.reason.de.length > 0);
			if (suggests === 'app-password') {
				const name = KNOWN_PROVIDERS.find((p) => p.id === provider)?.name ?? '';
				assert.ok(advice.reason.en.includes(name) && advice.reason.de.includes(name), advice.reason.en);
			}
		});
	}
});
