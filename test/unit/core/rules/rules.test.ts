import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES } from '../../../../src/core/rules/registry';
import { LineIndex } from '../../../../src/core/text/positions';
import type { Finding } from '../../../../src/core/config/findings';
import { analyze, applyFix, codes, configText, only, textAt } from './helpers';
import { GENERIC, GMAIL, GMX, M365_APP_ONLY, M365_PRINTER, patch } from './fixtures';

interface Case {
	rule: string;
	name: string;
	accounts: object[];
	/** Text the finding underlines; absent for negative cases. */
	at?: string;
	severity?: string;
}

const positive = (rule: string, name: string, at: string, ...accounts: object[]): Case => ({
	rule,
	name,
	accounts,
	at,
});
const negative = (rule: string, name: string, ...accounts: object[]): Case => ({ rule, name, accounts });

const CASES: Case[] = [
	positive('port-security-mismatch', 'tls on 143', '"tls"', patch(GENERIC, { imap: { port: 143 } })),
	positive('port-security-mismatch', 'starttls on 465', '"starttls"', patch(GENERIC, { smtp: { port: 465 } })),
	positive('port-security-mismatch', 'none on 993', '"none"', patch(GENERIC, { imap: { security: 'none' } })),
	negative('port-security-mismatch', 'tls on 993, starttls on 587', GENERIC),
	negative('port-security-mismatch', 'odd port: nothing known', patch(GENERIC, { imap: { port: 10993 } })),

	positive(
		'provider-endpoint-mismatch',
		'smtp.office365.com:465',
		'465',
		patch(M365_PRINTER, { smtp: { port: 465, security: 'tls' } }),
	),
	positive(
		'provider-endpoint-mismatch',
		'Gmail IMAP on 143',
		'143',
		patch(GMAIL, { imap: { port: 143, security: 'starttls' } }),
	),
	positive(
		'provider-endpoint-mismatch',
		'Workspace address on Gmail IMAP 143',
		'143',
		patch(GMAIL, {
			email: 'office@mueller-bau.de',
			auth: { user: 'office@mueller-bau.de' },
			imap: { port: 143, security: 'starttls' },
		}),
	),
	negative('provider-endpoint-mismatch', 'documented Gmail 465', GMAIL),
	negative(
		'provider-endpoint-mismatch',
		'GMX IMAP STARTTLS on 143 is documented',
		patch(GMX, { imap: { port: 143, security: 'starttls' } }),
	),
	negative('provider-endpoint-mismatch', 'unknown host', patch(GENERIC, { smtp: { port: 2525 } })),

	positive(
		'host-typo',
		'office356',
		'"outlook.office356.com"',
		patch(M365_APP_ONLY, { imap: { host: 'outlook.office356.com' } }),
	),
	positive('host-typo', 'gmial', '"imap.gmial.com"', patch(GMAIL, { imap: { host: 'imap.gmial.com' } })),
	negative('host-typo', 'own server', GENERIC),
	negative('host-typo', 'ISPDB host', patch(GENERIC, { imap: { host: 'imap.strato.de' } })),
	// ISPDB-only providers: a slip in the host of the provider the address belongs to, or in the host's own domain.
	positive(
		'host-typo',
		'ISPDB provider of the address',
		'"imap.stratoo.de"',
		patch(GENERIC, { email: 'erp@strato.de', imap: { host: 'imap.stratoo.de' } }),
	),
	positive(
		'host-typo',
		'sibling of an ISPDB host',
		'"imapp.strato.de"',
		patch(GENERIC, { imap: { host: 'imapp.strato.de' } }),
	),
	negative(
		'host-typo',
		'own server one letter from nothing',
		patch(GENERIC, { email: 'info@example.de', imap: { host: 'mail.example.de' } }),
	),
	negative(
		'host-typo',
		'sibling host with a digit',
		patch(GENERIC, { email: 'erp@strato.de', smtp: { host: 'smtp2.strato.de' } }),
	),

	{
		...positive(
			'cleartext-transport',
			'none with login',
			'"none"',
			patch(GENERIC, { imap: { port: 143, security: 'none' } }),
		),
		severity: 'error',
	},
	{
		...positive(
			'cleartext-transport',
			'none without auth',
			'"none"',
			patch(GENERIC, { auth: undefined, imap: { port: 143, security: 'none' } }),
		),
		severity: 'warning',
	},
	negative(
		'cleartext-transport',
		'local test server',
		patch(GENERIC, { imap: { host: '127.0.0.1', port: 1143, security: 'none' } }),
	),
	negative(
		'cleartext-transport',
		'localhost',
		patch(GENERIC, { smtp: { host: 'localhost', port: 1025, security: 'none' } }),
	),

	positive(
		'tls-verification-disabled',
		'rejectUnauthorized false',
		'false',
		patch(GENERIC, { imap: { tls: { rejectUnauthorized: false } } }),
	),
	negative(
		'tls-verification-disabled',
		'servername instead',
		patch(GENERIC, { imap: { tls: { servername: 'mail.hoster.de' } } }),
	),

	positive(
		'tls-legacy-version',
		'TLSv1.1',
		'"TLSv1.1"',
		patch(M365_APP_ONLY, { imap: { tls: { minVersion: 'TLSv1.1' } } }),
	),
	negative('tls-legacy-version', 'TLSv1.2', patch(GENERIC, { imap: { tls: { minVersion: 'TLSv1.2' } } })),

	positive('submission-port-25', 'port 25', '25', patch(GENERIC, { smtp: { port: 25 } })),
	negative('submission-port-25', 'port 587', GENERIC),
	// A local relay (Postfix on the same box) is not behind any network that blocks port 25.
	...['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.1.1'].map((host) =>
		negative('submission-port-25', `loopback relay ${host}:25`, patch(GENERIC, { smtp: { host, port: 25 } })),
	),

	positive(
		'plaintext-secret',
		'literal password',
		'"Winter2026!"',
		patch(GENERIC, { auth: { password: 'Winter2026!' } }),
	),
	positive(
		'plaintext-secret',
		'literal client secret',
		'"Xy8Q~abc.def-ghiJKLmnoPQRstuVWxyz0123456"',
		patch(M365_APP_ONLY, { auth: { oauth2: { clientSecret: 'Xy8Q~abc.def-ghiJKLmnoPQRstuVWxyz0123456' } } }),
	),
	negative('plaintext-secret', 'secret and env references', GENERIC, GMX),

	positive(
		'exo-imap-basic-auth',
		'app password on Exchange IMAP',
		'"app-password"',
		patch(M365_APP_ONLY, { auth: { method: 'app-password', oauth2: undefined, password: '${secret:X}' } }),
	),
	positive(
		'exo-imap-basic-auth',
		'custom domain, host only',
		'"password"',
		patch(GENERIC, { imap: { host: 'outlook.office365.com' }, smtp: undefined }),
	),
	negative('exo-imap-basic-auth', 'OAuth2', M365_APP_ONLY),
	negative('exo-imap-basic-auth', 'SMTP only', M365_PRINTER),

	positive('exo-smtp-basic-auth-retirement', 'printer with app password', '"app-password"', M365_PRINTER),
	negative('exo-smtp-basic-auth-retirement', 'Gmail SMTP with app password', GMAIL),
	negative(
		'exo-smtp-basic-auth-retirement',
		'OAuth2 SMTP',
		patch(M365_APP_ONLY, { imap: undefined, smtp: { host: 'smtp.office365.com', port: 587, security: 'starttls' } }),
	),

	positive('outlook-consumer-basic-auth', 'hotmail with app password', '"app-password"', {
		id: 'hotmail',
		email: 'anna.berger@hotmail.com',
		auth: { method: 'app-password', user: 'anna.berger@hotmail.com', password: '${secret:HOTMAIL}' },
		imap: { host: 'outlook.office365.com', port: 993, security: 'tls' },
		smtp: { host: 'smtp-mail.outlook.com', port: 587, security: 'starttls' },
	}),
	negative('outlook-consumer-basic-auth', 'outlook.com with OAuth2 device code', {
		id: 'outlook',
		email: 'anna.berger@outlook.de',
		auth: {
			method: 'oauth2',
			user: 'anna.berger@outlook.de',
			oauth2: {
				flow: 'device-code',
				clientId: 'c0ffee00-0000-4000-8000-000000000001',
				scopes: ['https://outlook.office365.com/IMAP.AccessAsUser.All', 'offline_access'],
			},
		},
		imap: { host: 'outlook.office365.com', port: 993, security: 'tls' },
	}),

	positive(
		'google-password-auth',
		'Gmail with the account password',
		'"password"',
		patch(GMAIL, { auth: { method: 'password' } }),
	),
	positive(
		'google-password-auth',
		'Workspace domain on Google hosts',
		'"password"',
		patch(GMAIL, { email: 'info@kanzlei-weber.de', auth: { method: 'password', user: 'info@kanzlei-weber.de' } }),
	),
	negative('google-password-auth', 'app password', GMAIL),

	positive('app-password-required', 'iCloud with the Apple ID password', '"password"', {
		id: 'icloud',
		email: 'tom@icloud.com',
		auth: { method: 'password', user: 'tom@icloud.com', password: '${secret:ICLOUD}' },
		imap: { host: 'imap.mail.me.com', port: 993, security: 'tls' },
	}),
	negative('app-password-required', 'GMX accepts the password', GMX),

	positive(
		'app-password-format',
		'Gmail app password that is a normal password',
		'"Sommer2024!"',
		patch(GMAIL, { auth: { password: 'Sommer2024!' } }),
	),
	// Microsoft documents no shape for its app passwords; what users report makes this a hint only.
	{
		...positive(
			'app-password-format',
			'Microsoft 365 app password that is a normal password',
			'"Winter2026!"',
			patch(M365_PRINTER, { auth: { password: 'Winter2026!' } }),
		),
		severity: 'information',
	},
	negative(
		'app-password-format',
		'Gmail app password as shown by Google',
		patch(GMAIL, { auth: { password: 'abcd efgh ijkl mnop' } }),
	),
	negative('app-password-format', 'iCloud app-specific password', {
		id: 'icloud',
		email: 'tom@icloud.com',
		auth: { method: 'app-password', user: 'tom@icloud.com', password: 'wxyz-abcd-efgh-ijkl' },
		imap: { host: 'imap.mail.me.com', port: 993, security: 'tls' },
	}),

	{
		...positive('app-password-prerequisites', 'Microsoft 365 app password', '"app-password"', M365_PRINTER),
		severity: 'information',
	},
	negative('app-password-prerequisites', 'Gmail app password', GMAIL),

	positive(
		'shared-mailbox-auth',
		'shared mailbox with a password',
		'"password"',
		patch(M365_PRINTER, { mailbox: { type: 'shared' }, auth: { method: 'password' } }),
	),
	negative('shared-mailbox-auth', 'shared mailbox with OAuth2', patch(M365_APP_ONLY, { mailbox: { type: 'shared' } })),
	negative('shared-mailbox-auth', 'user mailbox', M365_PRINTER),

	positive(
		'oauth2-tenant-required',
		'no tenant',
		'"client-credentials"',
		patch(M365_APP_ONLY, { auth: { oauth2: { tenant: undefined } } }),
	),
	positive(
		'oauth2-tenant-required',
		'organizations',
		'"organizations"',
		patch(M365_APP_ONLY, { auth: { oauth2: { tenant: 'organizations' } } }),
	),
	negative(
		'oauth2-tenant-required',
		'tenant in the authority',
		patch(M365_APP_ONLY, {
			auth: { oauth2: { tenant: undefined, authority: 'https://login.microsoftonline.com/contoso.onmicrosoft.com' } },
		}),
	),
	negative(
		'oauth2-tenant-required',
		'tenant GUID',
		patch(M365_APP_ONLY, { auth: { oauth2: { tenant: '72f988bf-86f1-41af-91ab-2d7cd011db47' } } }),
	),

	positive(
		'oauth2-missing-client-secret',
		'neither secret nor certificate',
		'"client-credentials"',
		patch(M365_APP_ONLY, { auth: { oauth2: { clientSecret: undefined } } }),
	),
	negative(
		'oauth2-missing-client-secret',
		'certificate',
		patch(M365_APP_ONLY, {
			auth: {
				oauth2: {
					clientSecret: undefined,
					certificate: { thumbprint: 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678', privateKeyFile: 'keys/dms.pem' },
				},
			},
		}),
	),

	positive(
		'oauth2-app-only-scope',
		'delegated scope in app-only flow',
		'"https://outlook.office365.com/IMAP.AccessAsUser.All"',
		patch(M365_APP_ONLY, { auth: { oauth2: { scopes: ['https://outlook.office365.com/IMAP.AccessAsUser.All'] } } }),
	),
	negative('oauth2-app-only-scope', '.default', M365_APP_ONLY),

	positive(
		'oauth2-scope-resource',
		'Graph scope',
		'"https://graph.microsoft.com/Mail.Read"',
		patch(M365_APP_ONLY, {
			auth: {
				oauth2: { flow: 'device-code', clientSecret: undefined, scopes: ['https://graph.microsoft.com/Mail.Read'] },
			},
		}),
	),
	positive(
		'oauth2-scope-resource',
		'bare scope name means Graph',
		'"IMAP.AccessAsUser.All"',
		patch(M365_APP_ONLY, {
			auth: {
				oauth2: { flow: 'device-code', clientSecret: undefined, scopes: ['IMAP.AccessAsUser.All', 'offline_access'] },
			},
		}),
	),
	negative(
		'oauth2-scope-resource',
		'outlook.office.com delegated scopes',
		patch(M365_APP_ONLY, {
			auth: {
				oauth2: {
					flow: 'device-code',
					clientSecret: undefined,
					scopes: ['https://outlook.office.com/IMAP.AccessAsUser.All', 'offline_access'],
				},
			},
		}),
	),

	negative(
		'oauth2-scope-resource',
		'OpenID scopes next to the mail scope (as MSAL samples request them)',
		patch(M365_APP_ONLY, {
			auth: {
				oauth2: {
					flow: 'device-code',
					clientSecret: undefined,
					scopes: ['https://outlook.office.com/IMAP.AccessAsUser.All', 'offline_access', 'openid', 'profile', 'email'],
				},
			},
		}),
	),
	negative(
		'oauth2-scope-resource',
		'scopes pasted with spaces around them',
		patch(M365_APP_ONLY, {
			auth: {
				oauth2: {
					flow: 'device-code',
					clientSecret: undefined,
					scopes: [' https://outlook.office.com/IMAP.AccessAsUser.All ', 'offline_access '],
				},
			},
		}),
	),

	positive(
		'delete-without-delay',
		'delete at once',
		'"delete"',
		patch(GENERIC, { imap: { afterImport: { action: 'delete' } } }),
	),
	positive(
		'delete-without-delay',
		'delayDays 0',
		'0',
		patch(GENERIC, { imap: { afterImport: { action: 'delete', delayDays: 0 } } }),
	),
	negative(
		'delete-without-delay',
		'two days',
		patch(GENERIC, { imap: { afterImport: { action: 'delete', delayDays: 2 } } }),
	),

	positive(
		'imap-folder-move-target-missing',
		'move without target',
		'"move"',
		patch(GENERIC, { imap: { afterImport: { action: 'move' } } }),
	),
	negative(
		'imap-folder-move-target-missing',
		'move with target',
		patch(GENERIC, { imap: { afterImport: { action: 'move', target: 'Archiv' } } }),
	),

	{
		...positive(
			'read-receipts-after-delete',
			'Exchange delete',
			'"delete"',
			patch(M365_APP_ONLY, { imap: { afterImport: { action: 'delete', delayDays: 2 } } }),
		),
		severity: 'information',
	},
	{
		// Marking read answers a receipt request as much as deleting does (mail-facts §8.11).
		...positive(
			'read-receipts-after-delete',
			'Exchange mark-read',
			'"mark-read"',
			patch(M365_APP_ONLY, { imap: { afterImport: { action: 'mark-read' } } }),
		),
		severity: 'information',
	},
	negative(
		'read-receipts-after-delete',
		'GMX delete',
		patch(GMX, { imap: { afterImport: { action: 'delete', delayDays: 2 } } }),
	),
	negative(
		'read-receipts-after-delete',
		'Exchange keep',
		patch(M365_APP_ONLY, { imap: { afterImport: { action: 'keep' } } }),
	),

	positive(
		'sender-not-authorized',
		'other sender',
		'"Buchhaltung <buchhaltung@contoso.com>"',
		patch(M365_PRINTER, { smtp: { from: 'Buchhaltung <buchhaltung@contoso.com>' } }),
	),
	negative(
		'sender-not-authorized',
		'sender listed in sendAs',
		patch(M365_PRINTER, { smtp: { from: 'buchhaltung@contoso.com', sendAs: ['Buchhaltung@contoso.com'] } }),
	),
	negative(
		'sender-not-authorized',
		'display name around the login',
		patch(M365_PRINTER, { smtp: { from: 'Scanner <scanner@contoso.com>' } }),
	),

	positive(
		'sender-not-authorized',
		'a service login sending as the mailbox address',
		'"scanner@contoso.com"',
		patch(M365_PRINTER, { auth: { user: 'svc-scan@contoso.com' } }),
	),
	// Hosts such as Host Europe log in with an account name: the mailbox address is the natural sender there.
	negative(
		'sender-not-authorized',
		'account-name login sending as the mailbox address',
		patch(GENERIC, { auth: { user: 'web123p1' }, smtp: { from: 'ERP <erp@mueller-bau.de>' } }),
	),
	positive(
		'sender-not-authorized',
		'account-name login sending as another address',
		'"rechnung@mueller-bau.de"',
		patch(GENERIC, { auth: { user: 'web123p1' }, smtp: { from: 'rechnung@mueller-bau.de' } }),
	),
	negative('sender-not-authorized', 'a blank sender', patch(GENERIC, { smtp: { from: ' ' } })),

	positive('duplicate-account-id', 'same id twice', '"erp"', GENERIC, patch(GMX, { id: 'erp' })),
	negative('duplicate-account-id', 'unique ids', GENERIC, GMX),
];

/**
 * What each finding must name, in both languages, in its message or fix titles: the values a user acts on. Quoted
 * security modes appear as "tls" in English and „tls" in German, so only the bare word is listed; case does not count
 * ("Use port 587", "Port 587 verwenden").
 */
const SAYS: Record<string, string[]> = {
	'port-security-mismatch: tls on 143': ['Port 143', 'tls', 'starttls', '993'],
	'port-security-mismatch: starttls on 465': ['Port 465', 'starttls', '587'],
	'port-security-mismatch: none on 993': ['Port 993', 'none', 'tls'],
	'provider-endpoint-mismatch: smtp.office365.com:465': [
		'Microsoft 365 / Exchange Online',
		'SMTP',
		'smtp.office365.com:465',
		'587 starttls, 25 starttls',
		'Port 587',
	],
	'provider-endpoint-mismatch: Gmail IMAP on 143': ['IMAP', 'imap.gmail.com:143', '993 tls'],
	'provider-endpoint-mismatch: Workspace address on Gmail IMAP 143': ['Google Workspace', 'IMAP', 'imap.gmail.com:143'],
	'host-typo: office356': ['outlook.office356.com', 'outlook.office365.com'],
	'host-typo: ISPDB provider of the address': ['imap.stratoo.de', 'imap.strato.de'],
	'cleartext-transport: none with login': ['imap', 'mail.mueller-bau.de', 'Port 993', 'tls'],
	'tls-verification-disabled: rejectUnauthorized false': ['IMAP', 'mail.mueller-bau.de', 'tls.servername'],
	'tls-legacy-version: TLSv1.1': ['TLSv1.1', 'Microsoft 365 / Exchange Online', 'MC1293480', 'TLSv1.2'],
	'submission-port-25: port 25': ['Port 25', '587', 'starttls'],
	'plaintext-secret: literal password': ['auth.password', '${secret:ERP_PASSWORD}'],
	'plaintext-secret: literal client secret': ['auth.oauth2.clientSecret', '${secret:DMS_IMPORT_CLIENT_SECRET}'],
	'exo-imap-basic-auth: app password on Exchange IMAP': ['Microsoft 365 / Exchange Online', 'IMAP', '2022', 'OAuth2'],
	'exo-smtp-basic-auth-retirement: printer with app password': ['Microsoft 365 / Exchange Online', '2026', 'OAuth2'],
	'outlook-consumer-basic-auth: hotmail with app password': ['Outlook.com / Hotmail', 'IMAP', 'SMTP', '2024', 'OAuth2'],
	'google-password-auth: Gmail with the account password': ['Gmail', 'IMAP', 'SMTP', '2022'],
	'google-password-auth: Workspace domain on Google hosts': ['Google Workspace', '2025'],
	'app-password-required: iCloud with the Apple ID password': ['iCloud Mail', 'app-password'],
	'app-password-format: Gmail app password that is a normal password': ['Gmail', '16'],
	'app-password-format: Microsoft 365 app password that is a normal password': [
		'Microsoft 365 / Exchange Online',
		'16',
	],
	'shared-mailbox-auth: shared mailbox with a password': ['Microsoft 365 / Exchange Online', 'OAuth2'],
	'oauth2-tenant-required: no tenant': ['tenant', 'contoso.com'],
	'oauth2-tenant-required: organizations': ['organizations', 'AADSTS9001023', 'contoso.com'],
	'oauth2-missing-client-secret: neither secret nor certificate': [
		'clientSecret',
		'certificate',
		'${secret:DMS_IMPORT_CLIENT_SECRET}',
	],
	'oauth2-app-only-scope: delegated scope in app-only flow': [
		'https://outlook.office365.com/IMAP.AccessAsUser.All',
		'AADSTS1002012',
		'https://outlook.office365.com/.default',
	],
	'oauth2-scope-resource: Graph scope': [
		'https://graph.microsoft.com/Mail.Read',
		'outlook.office365.com',
		'https://outlook.office365.com/IMAP.AccessAsUser.All offline_access',
	],
	'delete-without-delay: delete at once': ['2', 'delayDays'],
	'imap-folder-move-target-missing: move without target': ['move', 'target'],
	'read-receipts-after-delete: Exchange delete': ['Microsoft 365 / Exchange Online'],
	'sender-not-authorized: other sender': ['buchhaltung@contoso.com', 'scanner@contoso.com', 'sendAs'],
	'duplicate-account-id: same id twice': ['erp', 'erp-2'],
};

for (const c of CASES) {
	test(`${c.rule}: ${c.at ? 'reports' : 'stays silent for'} ${c.name}`, () => {
		const text = configText(...c.accounts);
		const findings = analyze(text);
		const hits = findings.filter((f) => f.code === c.rule);
		if (!c.at) {
			assert.deepEqual(hits, [], `unexpected ${c.rule}: ${hits.map((h) => h.message).join(' | ')}`);
			return;
		}
		assert.equal(hits.length, 1, `expected one ${c.rule}, got: ${codes(findings).join(', ')}`);
		const hit = hits[0]!;
		assert.equal(textAt(text, hit.range), c.at);
		// A duplicate id is reported where it is used the second time, not at the first account.
		if (c.rule === 'duplicate-account-id')
			assert.equal(new LineIndex(text).offsetAt(hit.range.start), text.lastIndexOf(c.at));
		const meta = RULES.find((r) => r.id === c.rule);
		assert.equal(hit.severity, c.severity ?? meta?.severity);
		assert.equal(hit.docUrl, `https://github.com/mailcfg/mailcfg/blob/main/docs/rules.md#${c.rule}`);
		assert.equal(hit.source, 'mailcfg');
		const de = analyze(text, 'de').find((f) => f.code === c.rule);
		assert.ok(de && de.message !== hit.message, 'German message differs from the English one');
		// What the user reads: a message and every fix title in both languages, none of them empty or left untranslated.
		assert.ok(hit.message.trim() && de.message.trim(), 'empty message');
		assert.equal(de.fixes.length, hit.fixes.length);
		hit.fixes.forEach((fix, i) => {
			const german = de.fixes[i]!.title;
			assert.ok(fix.title.trim() && german.trim() && german !== fix.title, `fix title: ${fix.title} / ${german}`);
		});
		const shown = (f: Finding) => [f.message, ...f.fixes.map((fix) => fix.title)].join(' | ').toLowerCase();
		for (const value of SAYS[`${c.rule}: ${c.name}`] ?? []) {
			assert.ok(shown(hit).includes(value.toLowerCase()), `names ${value}: ${shown(hit)}`);
			assert.ok(shown(de).includes(value.toLowerCase()), `the German text names ${value}: ${shown(de)}`);
		}
	});
}

test('every registered rule has a positive and a negative case', () => {
	for (const rule of RULES) {
		assert.ok(
			CASES.some((c) => c.rule === rule.id && c.at),
			`no positive case for ${rule.id}`,
		);
		assert.ok(
			CASES.some((c) => c.rule === rule.id && !c.at),
			`no negative case for ${rule.id}`,
		);
	}
});

test('the clean templates produce no errors or warnings', () => {
	const findings = analyze(configText(M365_APP_ONLY, GMAIL, GMX, GENERIC));
	assert.deepEqual(
		findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.code}: ${f.message}`),
		[],
	);
});

test('secrets never appear in messages or fix titles', () => {
	const text = configText(
		patch(GMAIL, { auth: { password: 'Geheim!2026x' } }),
		patch(M365_APP_ONLY, { auth: { oauth2: { clientSecret: 'Xy8Q~topsecretvalue1234567890' } } }),
	);
	for (const lang of ['en', 'de'] as const) {
		for (const f of analyze(text, lang)) {
			const shown = [f.message, ...f.fixes.map((x) => x.title)].join(' ');
			assert.ok(!shown.includes('Geheim!2026x') && !shown.includes('topsecretvalue'), `${f.code} leaks: ${shown}`);
		}
	}
});

test('disabled rules are not reported', () => {
	const text = configText(patch(GENERIC, { smtp: { port: 25 } }));
	assert.ok(codes(analyze(text)).includes('submission-port-25'));
	assert.ok(
		!codes(analyze(text, 'en', '2026-11-23', { disabledRules: ['submission-port-25'] })).includes('submission-port-25'),
	);
});

test('findings carry the account id and walkthrough links', () => {
	const finding = analyze(configText(M365_PRINTER)).find((f) => f.code === 'exo-smtp-basic-auth-retirement');
	assert.equal(finding?.accountId, 'scanner');
	// A scanner that signs in with a password is pointed at the ways to send without OAuth2, past the cutoff.
	assert.equal(finding?.walkthrough, 'm365-smtp-after-basic-auth#high-volume-email');
});

/** SMTP AUTH retirement: a device gets the ways to send without OAuth2, an application the switch to OAuth2. */
const SENDER = patch(M365_PRINTER, {
	id: 'erp-invoices',
	displayName: 'ERP invoice mail',
	email: 'invoices@contoso.com',
	auth: { user: 'invoices@contoso.com' },
	smtp: { from: 'invoices@contoso.com' },
});
for (const [name, account, device] of [
	['a scanner (id and mailbox)', M365_PRINTER, true],
	['a multifunction printer by display name', patch(SENDER, { displayName: 'Kyocera TASKalfa 2nd floor' }), true],
	['a German "Drucker" mailbox', patch(SENDER, { id: 'buero', email: 'drucker-og@contoso.com' }), true],
	['an ERP that only sends', SENDER, false],
	['a "scanner" account that also reads over IMAP', patch(M365_PRINTER, { imap: M365_APP_ONLY.imap }), false],
] as const)
	test(`exo-smtp-basic-auth-retirement for ${name}: ${device ? 'ways without OAuth2' : 'switch to OAuth2'}`, () => {
		const finding = analyze(configText(account)).find((f) => f.code === 'exo-smtp-basic-auth-retirement');
		assert.ok(finding, 'the rule fires');
		assert.equal(
			finding.walkthrough,
			device ? 'm365-smtp-after-basic-auth#high-volume-email' : 'm365-smtp-after-basic-auth',
		);
		assert.deepEqual(
			finding.fixes.map((f) => f.title),
			device ? [] : ['Switch to OAuth2 (app-only, client credentials)'],
		);
	});
/**
 * Which send-only accounts get the device advice: names of printers, scanners and appliances as admins give them
 * (model names as the vendors print them on the device), one device word each, in the display name unless said.
 */
const DEVICE_NAMES: readonly [string, Parameters<typeof patch>[1]?][] = [
	['Lobby printer'],
	['Scan to e-mail'],
	['Scans Empfang'],
	['Scan2Mail'],
	['MFP Empfang'],
	['MFD 3rd floor'],
	['Copier room B'],
	['Fax server'],
	['Meeting room device'],
	['Kopierer EG'],
	['Gerät Werkstatt'],
	['Multifunktionsgerät 1. OG'],
	['FRITZ!Box router'],
	['Synology NAS'],
	['APC UPS'],
	['USV Serverraum'],
	['Axis camera gate'],
	['Kamera Einfahrt'],
	['HP DesignJet plotter'],
	['Ricoh IM C3000'],
	['Canon iR-ADV C5535'],
	['Xerox VersaLink C405'],
	['Konica bizhub C300i'],
	['Minolta Di2510'],
	['Brother MFC-L2710DW'],
	['Lexmark MX521'],
	['Epson WF-C5790'],
	['Sharp MX-3071'],
	['Toshiba e-STUDIO2010AC'],
	// Words run together in camel case count one by one.
	['LobbyPrinter'],
	// The mailbox name (from the address, or the login when there is no address) and the account id count too.
	['Invoices', { email: 'scantomail@contoso.com' }],
	['Invoices', { email: 'geraet-lager@contoso.com' }],
	['Invoices', { email: undefined, auth: { user: 'scanner-og@contoso.com' } }],
	['Invoices', { id: 'mfp-3og' }],
];
test('exo-smtp-basic-auth-retirement recognises devices by the words in their names', () => {
	for (const [displayName, changes = {}] of DEVICE_NAMES) {
		const account = patch(SENDER, { displayName, ...changes });
		const finding = analyze(configText(account)).find((f) => f.code === 'exo-smtp-basic-auth-retirement');
		const name = `${displayName} ${JSON.stringify(changes)}`;
		assert.equal(finding?.walkthrough, 'm365-smtp-after-basic-auth#high-volume-email', name);
		assert.deepEqual(finding?.fixes, [], name);
	}
	// Whole words only: these are applications.
	for (const displayName of ['Nassau office', 'Upstream alerts', 'Scanning service', 'Sharpe invoices']) {
		const finding = analyze(configText(patch(SENDER, { displayName }))).find(
			(f) => f.code === 'exo-smtp-basic-auth-retirement',
		);
		assert.equal(finding?.walkthrough, 'm365-smtp-after-basic-auth', displayName);
	}
});

test('provider-endpoint-mismatch on a port Gmail does not serve: the endpoint with the same security comes first', () => {
	// Google documents smtp.gmail.com on 465 (implicit TLS) and 587 (STARTTLS); 2525 is what some hosters open instead.
	const text = configText(patch(GMAIL, { smtp: { port: 2525, security: 'starttls' } }));
	for (const lang of ['en', 'de'] as const) {
		const finding = only(analyze(text, lang), 'provider-endpoint-mismatch');
		assert.deepEqual(
			finding.fixes.map((f) => [f.title, f.isPreferred ?? false]),
			lang === 'en'
				? [
						['Use port 587 with "starttls"', true],
						['Use port 465 with "tls"', false],
					]
				: [
						['Port 587 mit „starttls“ verwenden', true],
						['Port 465 mit „tls“ verwenden', false],
					],
		);
	}
	const [keepStarttls, switchToTls] = only(analyze(text), 'provider-endpoint-mismatch').fixes;
	// Only the port changes when the security already fits; both fixes leave a config the rule accepts.
	assert.equal(keepStarttls?.edits.length, 1);
	for (const [fix, smtp] of [
		[keepStarttls, { port: 587, security: 'starttls' }],
		[switchToTls, { port: 465, security: 'tls' }],
	] as const) {
		assert.ok(fix);
		const fixed = applyFix(text, fix);
		assert.deepEqual(JSON.parse(fixed).accounts[0].smtp, { ...GMAIL.smtp, ...smtp });
		assert.ok(!codes(analyze(fixed)).includes('provider-endpoint-mismatch'));
	}
});

test('port-security-mismatch with no TLS on 465 at Exchange Online: the one fix is the documented 587 with STARTTLS', () => {
	// A scanner set to port 465 with SSL off: turning TLS on would land on 465, which smtp.office365.com does not serve.
	const text = configText(patch(M365_PRINTER, { smtp: { port: 465, security: 'none' } }));
	for (const lang of ['en', 'de'] as const) {
		const finding = only(analyze(text, lang), 'port-security-mismatch');
		assert.deepEqual(
			finding.fixes.map((f) => [f.title, f.isPreferred]),
			[[lang === 'en' ? 'Use port 587 with "starttls"' : 'Port 587 mit „starttls“ verwenden', true]],
		);
		const fixed = applyFix(text, finding.fixes[0]!);
		assert.deepEqual(JSON.parse(fixed).accounts[0].smtp, { ...M365_PRINTER.smtp, port: 587, security: 'starttls' });
		const after = codes(analyze(fixed, lang));
		for (const gone of ['port-security-mismatch', 'provider-endpoint-mismatch', 'cleartext-transport']) {
			assert.ok(!after.includes(gone), `${gone} after the fix`);
		}
	}
});

test('every rule has the severity docs/rules.md gives it, and a title (SARIF shows it) in both languages', () => {
	const doc = readFileSync(join(__dirname, '../../../../docs/rules.md'), 'utf8');
	for (const rule of RULES) {
		const row = new RegExp(`^\\| \\[${rule.id}\\]\\(#${rule.id}\\) \\| ([a-z /]+) \\|`, 'm').exec(doc);
		assert.ok(row, `docs/rules.md has no table row for ${rule.id}`);
		// "error / warning": the rule's own severity first, the variant for a milder case after it.
		assert.equal(row[1]!.split(' / ')[0], rule.severity, rule.id);
		assert.ok(rule.title.en.trim() && rule.title.de.trim() && rule.title.en !== rule.title.de, rule.id);
	}
});

test('provider-endpoint-mismatch names the provider of the address among those sharing a host', () => {
	// Gmail and Google Workspace share imap.gmail.com: an @gmail.com address is Gmail, a company domain Workspace.
	const cases: [string, string, string][] = [
		['office.mueller@gmail.com', 'Gmail does not serve IMAP', 'Gmail bietet IMAP'],
		['office@mueller-bau.de', 'Google Workspace does not serve IMAP', 'Google Workspace bietet IMAP'],
	];
	for (const [email, en, de] of cases) {
		const account = patch(GMAIL, { email, auth: { user: email }, imap: { port: 143, security: 'starttls' } });
		for (const [lang, start] of [
			['en', en],
			['de', de],
		] as const) {
			const finding = only(analyze(configText(account), lang), 'provider-endpoint-mismatch');
			assert.ok(finding.message.startsWith(start), `${email} (${lang}): ${finding.message}`);
		}
	}
});
