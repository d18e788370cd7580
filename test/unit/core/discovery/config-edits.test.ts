// A discovery result put into the user's config text: the edits keep the file's own indentation and line ends,
// touch only what they must, and the suggested account has the sign-in its provider needs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from 'jsonc-parser';
import type { Account, ProviderId } from '../../../../src/core/config/model';
import { authAdvice, buildAccount, serviceProvider } from '../../../../src/core/discovery/account';
import { parseMailAddress } from '../../../../src/core/discovery/address';
import {
	accountIdsIn,
	fillServersEdits,
	insertAccountEdits,
	newConfigText,
	setTenantEdits,
} from '../../../../src/core/discovery/config-edits';
import type { ServerCandidate } from '../../../../src/core/discovery/types';
import { providerById } from '../../../../src/core/providers/known';

const ACCOUNT: Account = {
	id: 'scan',
	email: 'scan@gmx.de',
	auth: { method: 'password', user: 'scan@gmx.de', password: '${secret:SCAN_PASSWORD}' },
	imap: { host: 'imap.gmx.net', port: 993, security: 'tls', folder: 'INBOX' },
};

/** The same one-account file in the layouts people write. */
const layout = (indent: string, eol: string) =>
	[
		'{',
		`${indent}"accounts": [`,
		`${indent}${indent}{ "id": "old", "email": "old@gmx.de" }`,
		`${indent}]`,
		'}',
		'',
	].join(eol);

describe('edits of the config text', () => {
	test('a new account follows the file’s indentation (spaces, tabs, width) and line ends', () => {
		const cases: [name: string, indent: string, eol: string][] = [
			['two spaces, LF', '  ', '\n'],
			['four spaces, LF', '    ', '\n'],
			['tabs, LF', '\t', '\n'],
			['two spaces, CRLF', '  ', '\r\n'],
			['tabs, CRLF', '\t', '\r\n'],
			['three spaces', '   ', '\n'],
		];
		for (const [name, indent, eol] of cases) {
			const before = layout(indent, eol);
			const after = applyEdits(before, insertAccountEdits(before, ACCOUNT));
			assert.ok(after.includes(`${eol}${indent}${indent}${indent}"id": "scan",${eol}`), `${name}:\n${after}`);
			assert.ok(
				after.includes(
					`${eol}${indent}${indent}${indent}"imap": {${eol}${indent}${indent}${indent}${indent}"host": "imap.gmx.net",`,
				),
				name,
			);
			if (eol === '\n') assert.ok(!after.includes('\r'), name);
			else assert.equal(after.split('\n').length, after.split('\r\n').length, name);
			assert.deepEqual(accountIdsIn(after), ['old', 'scan'], name);
		}
	});

	test('deep indentation is capped at eight spaces per level', () => {
		const before = layout(' '.repeat(10), '\n');
		const after = applyEdits(before, insertAccountEdits(before, ACCOUNT));
		assert.match(after, /\n {24}"id": "scan",\n/);
	});

	test('a file without accounts gets the array; an empty file becomes a new config', () => {
		const cases: [before: string, ids: string[]][] = [
			['{\n  "$schema": "x"\n}\n', ['scan']],
			['{}', ['scan']],
			['', ['scan']],
			['  \n\t', ['scan']],
			['{ "accounts": [] }', ['scan']],
			['{ "accounts": {} }', ['scan']],
		];
		for (const [before, ids] of cases) {
			const after = applyEdits(before, insertAccountEdits(before, ACCOUNT));
			assert.deepEqual(accountIdsIn(after), ids, JSON.stringify(before));
		}
		assert.equal(applyEdits('  \n', insertAccountEdits('  \n', ACCOUNT)), newConfigText(ACCOUNT));
		assert.equal(newConfigText(ACCOUNT), `${JSON.stringify({ accounts: [ACCOUNT] }, null, '\t')}\n`);
		assert.match(
			applyEdits('{\n  "$schema": "x"\n}\n', insertAccountEdits('{\n  "$schema": "x"\n}\n', ACCOUNT)),
			/\n {2}"accounts": \[\n {4}\{\n {6}"id": "scan"/,
		);
	});

	test('account ids in the file: only string ids count', () => {
		assert.deepEqual(accountIdsIn('{ "accounts": [ { "id": "a" }, { "id": 7 }, {}, "x", { "id": "b" } ] }'), [
			'a',
			'b',
		]);
		assert.deepEqual(accountIdsIn('{}'), []);
	});

	test('filling in servers replaces host, port and security, keeps the rest, and is one small edit', () => {
		const discovered: Account = {
			...ACCOUNT,
			smtp: { host: 'mail.gmx.net', port: 465, security: 'tls', from: 'scan@gmx.de' },
		};
		const file = (section: string) => `{\n  "accounts": [\n    {\n      "id": "a",\n${section}\n    }\n  ]\n}\n`;
		const cases: [name: string, before: string, after: string][] = [
			[
				'IMAP-only account: only IMAP, folder kept',
				file(
					'      "imap": {\n        "host": "x.example",\n        "port": 1,\n        "security": "none",\n        "folder": "Scans"\n      }',
				),
				file(
					'      "imap": {\n        "host": "imap.gmx.net",\n        "port": 993,\n        "security": "tls",\n        "folder": "Scans"\n      }',
				),
			],
			[
				'SMTP-only account: only SMTP, from kept',
				file('      "smtp": {\n        "host": "x.example",\n        "from": "me@x.example"\n      }'),
				file(
					'      "smtp": {\n        "host": "mail.gmx.net",\n        "from": "me@x.example",\n        "port": 465,\n        "security": "tls"\n      }',
				),
			],
			[
				'a server section that is not an object is replaced whole',
				file('      "imap": "todo"'),
				file(
					'      "imap": {\n        "host": "imap.gmx.net",\n        "port": 993,\n        "security": "tls",\n        "folder": "INBOX"\n      }',
				),
			],
		];
		for (const [name, before, after] of cases) {
			const edits = fillServersEdits(before, 0, discovered);
			assert.equal(edits.length, 1, name);
			assert.equal(applyEdits(before, edits), after, name);
			const [edit] = edits;
			assert.ok(edit && edit.length < before.length / 2, `${name}: only the changed part`);
		}
		const neither = '{\n\t"accounts": [\n\t\t{ "id": "a" }\n\t]\n}\n';
		const both = applyEdits(neither, fillServersEdits(neither, 0, discovered));
		assert.match(both, /\n\t\t\t"imap": \{\n\t\t\t\t"host": "imap.gmx.net"/);
		assert.match(both, /"smtp": \{\n\t\t\t\t"host": "mail.gmx.net"/);
	});

	test('filling in servers: nothing to do yields no edit', () => {
		const same =
			'{\n  "accounts": [\n    {\n      "imap": {\n        "host": "imap.gmx.net",\n        "port": 993,\n        "security": "tls"\n      }\n    }\n  ]\n}\n';
		assert.deepEqual(fillServersEdits(same, 0, ACCOUNT), []);
		assert.deepEqual(fillServersEdits(same, 3, ACCOUNT), []);
		const smtpOnly =
			'{\n  "accounts": [\n    {\n      "smtp": {\n        "host": "x.example"\n      }\n    }\n  ]\n}\n';
		assert.deepEqual(fillServersEdits(smtpOnly, 0, ACCOUNT), [], 'discovery found no SMTP server');
	});

	test('filling in servers: the edit spans only the differing characters', () => {
		const before =
			'{\n  "accounts": [\n    {\n      "imap": {\n        "host": "imap.gmx.net",\n        "port": 143,\n        "security": "starttls"\n      }\n    }\n  ]\n}\n';
		const [edit] = fillServersEdits(before, 0, ACCOUNT);
		assert.deepEqual(edit, {
			offset: before.indexOf('143'),
			length: '143,\n        "security": "start'.length,
			content: '993,\n        "security": "',
		});
		assert.equal(
			applyEdits(before, [edit ?? assert.fail()]),
			'{\n  "accounts": [\n    {\n      "imap": {\n        "host": "imap.gmx.net",\n        "port": 993,\n        "security": "tls"\n      }\n    }\n  ]\n}\n',
		);
	});

	test('the tenant goes into auth.oauth2.tenant, created where missing, in the file’s style', () => {
		const cases: [before: string, after: string][] = [
			[
				'{ "accounts": [ { "auth": { "oauth2": { "tenant": "common" } } } ] }',
				'{ "accounts": [ { "auth": { "oauth2": { "tenant": "contoso.test" } } } ] }',
			],
			[
				'{\n  "accounts": [\n    {\n      "auth": {}\n    }\n  ]\n}',
				'{\n  "accounts": [\n    {\n      "auth": {\n        "oauth2": {\n          "tenant": "contoso.test"\n        }\n      }\n    }\n  ]\n}',
			],
		];
		for (const [before, after] of cases)
			assert.equal(applyEdits(before, setTenantEdits(before, 0, 'contoso.test')), after);
	});
});

const server = (
	protocol: 'imap' | 'smtp',
	host: string,
	port: number,
	security: ServerCandidate['security'],
	username?: string,
): ServerCandidate => ({
	protocol,
	host,
	port,
	security,
	source: 'data',
	origin: 'o',
	verified: true,
	documented: true,
	rank: 0,
	...(username ? { username } : {}),
});

describe('the suggested account', () => {
	const address = parseMailAddress('Scan.Office@example.test') ?? assert.fail();
	/** The account for these servers, with the sign-in advised for `advisedFor` (the runner's own by default). */
	const build = (
		runner: ProviderId | undefined,
		imap: ServerCandidate | undefined,
		smtp: ServerCandidate | undefined,
		extra: { tenant?: string; advisedFor?: ProviderId; existingIds?: string[] } = {},
	) => {
		const provider = runner && providerById(runner);
		const advice = authAdvice(extra.advisedFor ? providerById(extra.advisedFor) : provider);
		const ids = extra.existingIds ? { existingIds: extra.existingIds } : {};
		return buildAccount({ address, provider, imap, smtp, tenant: extra.tenant ?? 'x', advice, ...ids });
	};

	test('the sign-in each provider needs', () => {
		const cases: [provider: string | undefined, method: string, flow: string | undefined, reason: RegExp][] = [
			['microsoft365', 'oauth2', 'client-credentials', /^Exchange Online accepts IMAP only with OAuth2/],
			['outlook-com', 'oauth2', 'device-code', /^Outlook\.com accepts only OAuth2/],
			['icloud', 'app-password', undefined, /^iCloud Mail needs an app password for mail programs/],
			['gmail', 'app-password', undefined, /^Gmail needs an app password/],
			['gmx', 'password', undefined, /^Sign in with the mailbox password/],
			['posteo', 'password', undefined, /^Sign in with the mailbox password/],
			[undefined, 'password', undefined, /^Sign in with the mailbox password/],
		];
		for (const [id, method, flow, reason] of cases) {
			const advice = authAdvice(id ? providerById(id as never) : undefined);
			assert.equal(advice.method, method, id);
			assert.equal(advice.flow, flow, id);
			assert.match(advice.reason.en, reason, id);
			assert.notEqual(advice.reason.de, advice.reason.en, `${id}: German text`);
		}
		assert.equal(
			authAdvice(providerById('icloud')).reason.de,
			'iCloud Mail braucht für E-Mail-Programme ein App-Passwort, nicht das Kontopasswort.',
		);
	});

	test('accounts per sign-in: secret references named after the account, never a value', () => {
		const imap = server('imap', 'outlook.office365.com', 993, 'tls');
		const smtp = server('smtp', 'smtp.office365.com', 587, 'starttls');
		const deviceCode = build('outlook-com', imap, smtp, { tenant: 'example.test' });
		assert.deepEqual(deviceCode.auth, {
			method: 'oauth2',
			user: 'Scan.Office@example.test',
			oauth2: {
				flow: 'device-code',
				tenant: 'consumers',
				clientId: '00000000-0000-0000-0000-000000000000',
				scopes: [
					'https://outlook.office365.com/IMAP.AccessAsUser.All',
					'https://outlook.office365.com/SMTP.Send',
					'offline_access',
				],
			},
		});
		const imapOnly = build('outlook-com', imap, undefined);
		assert.deepEqual(imapOnly.auth.oauth2?.scopes, [
			'https://outlook.office365.com/IMAP.AccessAsUser.All',
			'offline_access',
		]);
		assert.equal(imapOnly.smtp, undefined);

		const appOnly = build('microsoft365', imap, smtp, { tenant: 'contoso.test', existingIds: ['scan-office'] });
		assert.equal(appOnly.id, 'scan-office-2');
		assert.deepEqual(appOnly.auth.oauth2, {
			flow: 'client-credentials',
			tenant: 'contoso.test',
			clientId: '00000000-0000-0000-0000-000000000000',
			clientSecret: '${secret:SCAN_OFFICE_2_CLIENT_SECRET}',
			scopes: ['https://outlook.office365.com/.default'],
		});

		const app = build(
			'icloud',
			server('imap', 'imap.mail.me.com', 993, 'tls', 'scan.office'),
			server('smtp', 'smtp.mail.me.com', 587, 'starttls'),
		);
		assert.deepEqual(app, {
			id: 'scan-office',
			email: 'Scan.Office@example.test',
			provider: 'icloud',
			auth: { method: 'app-password', user: 'scan.office', password: '${secret:SCAN_OFFICE_APP_PASSWORD}' },
			imap: { host: 'imap.mail.me.com', port: 993, security: 'tls', folder: 'INBOX' },
			smtp: { host: 'smtp.mail.me.com', port: 587, security: 'starttls', from: 'Scan.Office@example.test' },
		});

		const custom = build(undefined, undefined, server('smtp', 'smtp.example.test', 587, 'starttls', 'scan-smtp'));
		assert.deepEqual(custom, {
			id: 'scan-office',
			email: 'Scan.Office@example.test',
			auth: { method: 'password', user: 'scan-smtp', password: '${secret:SCAN_OFFICE_PASSWORD}' },
			smtp: { host: 'smtp.example.test', port: 587, security: 'starttls', from: 'Scan.Office@example.test' },
		});
		// OAuth2 advised, but the provider has no OAuth2 facts: a password account rather than a broken OAuth2 one.
		const noFacts = build('gmx', imap, undefined, { advisedFor: 'microsoft365' });
		assert.deepEqual(noFacts.auth, {
			method: 'password',
			user: 'Scan.Office@example.test',
			password: '${secret:SCAN_OFFICE_PASSWORD}',
		});
	});

	test('who runs the servers: the domain’s provider if it documents the host, else the host’s provider', () => {
		const gmxHost = server('imap', 'imap.gmx.net', 993, 'tls');
		const googleHost = server('imap', 'imap.gmail.com', 993, 'tls');
		const custom = server('imap', 'imap.example.test', 993, 'tls');
		const cases: [
			servers: (ServerCandidate | undefined)[],
			domain: { id: string; name: string; known: boolean } | null,
			runner: string | undefined,
		][] = [
			[[gmxHost], null, 'gmx'],
			[[googleHost], { id: 'gmail', name: 'Gmail', known: true }, 'gmail'],
			[[googleHost], { id: 'umich.edu', name: 'U', known: false }, 'google-workspace'],
			[[googleHost], null, 'google-workspace'],
			[[undefined, gmxHost], null, 'gmx'],
			[[custom, gmxHost], null, 'gmx'],
			[[custom], { id: 'gmx', name: 'GMX', known: true }, 'gmx'],
			[[custom], { id: 'gmx', name: 'GMX', known: false }, undefined],
			[[custom], null, undefined],
			[[], null, undefined],
		];
		for (const [servers, domain, runner] of cases) {
			assert.equal(serviceProvider(servers, domain)?.id, runner, `${servers.map((s) => s?.host)} ${domain?.id}`);
		}
	});
});
