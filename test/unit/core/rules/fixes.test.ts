import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'jsonc-parser';
import { analyze, applyFix, codes, configText } from './helpers';
import { GENERIC, GMAIL, M365_APP_ONLY, M365_PRINTER, patch } from './fixtures';

interface FixCase {
	name: string;
	code: string;
	text: string;
	/** Which fix to apply: its title (English). */
	title: string;
	preferred: boolean;
	/** Values in the fixed file, by path. */
	expect: [path: (string | number)[], value: unknown][];
}

function at(value: unknown, path: (string | number)[]): unknown {
	return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], value);
}

const CASES: FixCase[] = [
	{
		name: 'STARTTLS on the documented port wins over changing the port',
		code: 'port-security-mismatch',
		text: configText(patch(M365_PRINTER, { smtp: { security: 'tls' } })),
		title: 'Change security to "starttls"',
		preferred: true,
		expect: [
			[['accounts', 0, 'smtp', 'security'], 'starttls'],
			[['accounts', 0, 'smtp', 'port'], 587],
		],
	},
	{
		name: 'changing the port of an Exchange SMTP 465/starttls account to 587',
		code: 'port-security-mismatch',
		text: configText(patch(M365_PRINTER, { smtp: { port: 465 } })),
		title: 'Change port to 587',
		preferred: true,
		expect: [[['accounts', 0, 'smtp', 'port'], 587]],
	},
	{
		name: 'documented port for smtp.office365.com',
		code: 'provider-endpoint-mismatch',
		text: configText(patch(M365_PRINTER, { smtp: { port: 465, security: 'tls' } })),
		title: 'Use port 587 with "starttls"',
		preferred: true,
		expect: [
			[['accounts', 0, 'smtp', 'port'], 587],
			[['accounts', 0, 'smtp', 'security'], 'starttls'],
		],
	},
	{
		name: 'host typo',
		code: 'host-typo',
		text: configText(patch(M365_APP_ONLY, { imap: { host: 'outlook.office356.com' } })),
		title: 'Change to outlook.office365.com',
		preferred: true,
		expect: [[['accounts', 0, 'imap', 'host'], 'outlook.office365.com']],
	},
	{
		name: 'plaintext password becomes a secret reference named after the account',
		code: 'plaintext-secret',
		text: configText(patch(GENERIC, { auth: { password: 'Winter2026!' } })),
		title: 'Replace with ${secret:ERP_PASSWORD}',
		preferred: false,
		expect: [[['accounts', 0, 'auth', 'password'], '${secret:ERP_PASSWORD}']],
	},
	{
		name: 'Exchange IMAP with an app password switches to an app-only OAuth2 skeleton',
		code: 'exo-imap-basic-auth',
		text: configText(
			patch(M365_APP_ONLY, { auth: { method: 'app-password', password: '${secret:X}', oauth2: undefined } }),
		),
		title: 'Switch to OAuth2 (app-only, client credentials)',
		preferred: false,
		expect: [
			[['accounts', 0, 'auth', 'method'], 'oauth2'],
			[['accounts', 0, 'auth', 'password'], undefined],
			[['accounts', 0, 'auth', 'oauth2', 'flow'], 'client-credentials'],
			[['accounts', 0, 'auth', 'oauth2', 'tenant'], 'contoso.com'],
			[['accounts', 0, 'auth', 'oauth2', 'clientSecret'], '${secret:DMS_IMPORT_CLIENT_SECRET}'],
			[['accounts', 0, 'auth', 'oauth2', 'scopes'], ['https://outlook.office365.com/.default']],
		],
	},
	{
		name: 'delegated scope in the app-only flow',
		code: 'oauth2-app-only-scope',
		text: configText(
			patch(M365_APP_ONLY, { auth: { oauth2: { scopes: ['https://outlook.office365.com/IMAP.AccessAsUser.All'] } } }),
		),
		title: 'Use https://outlook.office365.com/.default',
		preferred: true,
		expect: [[['accounts', 0, 'auth', 'oauth2', 'scopes'], ['https://outlook.office365.com/.default']]],
	},
	{
		name: 'Graph scopes in a delegated flow become the Exchange scopes for the configured servers',
		code: 'oauth2-scope-resource',
		text: configText(
			patch(M365_APP_ONLY, {
				auth: {
					oauth2: {
						flow: 'device-code',
						clientSecret: undefined,
						scopes: ['https://graph.microsoft.com/Mail.ReadWrite'],
					},
				},
				smtp: { host: 'smtp.office365.com', port: 587, security: 'starttls' },
			}),
		),
		title:
			'Use https://outlook.office365.com/IMAP.AccessAsUser.All https://outlook.office365.com/SMTP.Send offline_access',
		preferred: true,
		expect: [
			[
				['accounts', 0, 'auth', 'oauth2', 'scopes'],
				[
					'https://outlook.office365.com/IMAP.AccessAsUser.All',
					'https://outlook.office365.com/SMTP.Send',
					'offline_access',
				],
			],
		],
	},
	{
		name: 'tenant from the mailbox domain',
		code: 'oauth2-tenant-required',
		text: configText(patch(M365_APP_ONLY, { auth: { oauth2: { tenant: 'common' } } })),
		title: 'Use tenant "contoso.com"',
		preferred: false,
		expect: [[['accounts', 0, 'auth', 'oauth2', 'tenant'], 'contoso.com']],
	},
	{
		name: 'delete gets two days of delay',
		code: 'delete-without-delay',
		text: configText(patch(GENERIC, { imap: { afterImport: { action: 'delete' } } })),
		title: 'Delete after 2 days',
		preferred: true,
		expect: [[['accounts', 0, 'imap', 'afterImport'], { action: 'delete', delayDays: 2 }]],
	},
	{
		name: 'legacy TLS raised to 1.2',
		code: 'tls-legacy-version',
		text: configText(patch(GENERIC, { smtp: { tls: { minVersion: 'TLSv1' } } })),
		title: 'Require TLSv1.2 or newer',
		preferred: true,
		expect: [[['accounts', 0, 'smtp', 'tls', 'minVersion'], 'TLSv1.2']],
	},
	{
		name: 'port 25 to submission with STARTTLS',
		code: 'submission-port-25',
		text: configText(patch(M365_PRINTER, { smtp: { port: 25 } })),
		title: 'Use port 587 with "starttls"',
		preferred: true,
		expect: [
			[['accounts', 0, 'smtp', 'port'], 587],
			[['accounts', 0, 'smtp', 'security'], 'starttls'],
		],
	},
	{
		name: 'duplicate id renamed',
		code: 'duplicate-account-id',
		text: configText(GENERIC, patch(GMAIL, { id: 'erp' })),
		title: 'Rename to "erp-2"',
		preferred: false,
		expect: [
			[['accounts', 0, 'id'], 'erp'],
			[['accounts', 1, 'id'], 'erp-2'],
		],
	},
	{
		name: 'sender added to sendAs',
		code: 'sender-not-authorized',
		text: configText(patch(M365_PRINTER, { smtp: { from: 'buchhaltung@contoso.com' } })),
		title: 'Add buchhaltung@contoso.com to "sendAs"',
		preferred: false,
		expect: [[['accounts', 0, 'smtp', 'sendAs'], ['buchhaltung@contoso.com']]],
	},
	{
		name: 'missing client secret gets a reference',
		code: 'oauth2-missing-client-secret',
		text: configText(patch(M365_APP_ONLY, { auth: { oauth2: { clientSecret: undefined } } })),
		title: 'Add "clientSecret": ${secret:DMS_IMPORT_CLIENT_SECRET}',
		preferred: false,
		expect: [[['accounts', 0, 'auth', 'oauth2', 'clientSecret'], '${secret:DMS_IMPORT_CLIENT_SECRET}']],
	},
	{
		name: 'schema: SSL means tls',
		code: 'schema-enum',
		text: configText(patch(GENERIC, { imap: { security: 'SSL' } })),
		title: 'Change to "tls"',
		preferred: true,
		expect: [[['accounts', 0, 'imap', 'security'], 'tls']],
	},
	{
		name: 'schema: a quoted port becomes a number',
		code: 'schema-type',
		text: configText(patch(GENERIC, { imap: { port: '993' } })),
		title: 'Change to 993',
		preferred: true,
		expect: [[['accounts', 0, 'imap', 'port'], 993]],
	},
	{
		name: 'schema: misspelt property renamed',
		code: 'schema-additional-property',
		text: configText(patch(GENERIC, { smtp: { host: undefined, hots: 'mail.mueller-bau.de' } })),
		title: 'Rename to "host"',
		preferred: true,
		expect: [[['accounts', 0, 'smtp', 'host'], 'mail.mueller-bau.de']],
	},
];

for (const c of CASES) {
	test(`fix ${c.code}: ${c.name}`, () => {
		const finding = analyze(c.text).find((f) => f.code === c.code);
		assert.ok(finding, `no ${c.code} in ${codes(analyze(c.text)).join(', ')}`);
		const fix = finding.fixes.find((f) => f.title === c.title);
		assert.ok(fix, `no fix "${c.title}" in: ${finding.fixes.map((f) => f.title).join(' | ')}`);
		assert.equal(fix.isPreferred ?? false, c.preferred);
		const fixed = applyFix(c.text, fix);
		const errors: unknown[] = [];
		const value: unknown = parse(fixed, errors as never[]);
		assert.deepEqual(errors, [], 'the fixed text is still valid JSON');
		for (const [path, expected] of c.expect) assert.deepEqual(at(value, path), expected, path.join('.'));
		assert.ok(
			!analyze(fixed).some(
				(f) => f.code === c.code && f.accountId === finding.accountId && c.code !== 'duplicate-account-id',
			),
			'the finding is gone',
		);
	});
}

test('an inline object stays inline and keeps the rest of the line', () => {
	const text =
		'{\n  "accounts": [\n    {\n      "id": "erp", "email": "erp@mueller-bau.de",\n      "auth": { "method": "oauth2", "user": "erp@mueller-bau.de", "oauth2": { "flow": "device-code", "clientId": "abc" } },\n      "imap": { "host": "mail.mueller-bau.de", "port": 993, "security": "tls", "afterImport": { "action": "delete" } }\n    }\n  ]\n}\n';
	const fix = analyze(text).find((f) => f.code === 'delete-without-delay')?.fixes[0];
	assert.ok(fix);
	assert.equal(
		applyFix(text, fix).split('\n')[5],
		'      "imap": { "host": "mail.mueller-bau.de", "port": 993, "security": "tls", "afterImport": { "action": "delete", "delayDays": 2 } }',
	);
});

test('a property inserted into a multi-line object follows its indentation and CRLF line ends', () => {
	const text = configText(patch(M365_PRINTER, { smtp: { from: 'buchhaltung@contoso.com' } })).replace(/\n/g, '\r\n');
	const fix = analyze(text).find((f) => f.code === 'sender-not-authorized')?.fixes[0];
	assert.ok(fix);
	const fixed = applyFix(text, fix);
	assert.ok(fixed.includes(',\r\n\t\t\t\t"sendAs": [\r\n\t\t\t\t\t"buchhaltung@contoso.com"\r\n\t\t\t\t]'), fixed);
	assert.ok(!/[^\r]\n/.test(fixed), 'no bare LF introduced');
});

test('the OAuth2 skeleton writes the placeholder client ID and leaves no schema error', () => {
	const text = configText(
		patch(M365_APP_ONLY, { auth: { method: 'password', password: '${secret:X}', oauth2: undefined } }),
	);
	const fix = analyze(text).find((f) => f.code === 'exo-imap-basic-auth')?.fixes[0];
	assert.ok(fix);
	const fixed = applyFix(text, fix);
	const after = analyze(fixed);
	assert.match(fixed, /"clientId": "00000000-0000-0000-0000-000000000000"/);
	assert.deepEqual(
		after.filter((f) => f.severity === 'error').map((f) => f.code),
		[],
	);
});

test('duplicate ids: each rename is free (never an id already in the file), and the message names the first account', () => {
	// ids erp, erp, erp-2, erp: the renames must skip erp-2, which a later account already uses
	const text = configText(
		GENERIC,
		patch(GMAIL, { id: GENERIC.id }),
		patch(M365_PRINTER, { id: `${GENERIC.id}-2` }),
		patch(M365_APP_ONLY, { id: GENERIC.id }),
	);
	const findings = analyze(text).filter((f) => f.code === 'duplicate-account-id');
	assert.deepEqual(
		findings.map((f) => f.fixes.map((fix) => fix.title)),
		[[`Rename to "${GENERIC.id}-3"`], [`Rename to "${GENERIC.id}-4"`]],
	);
	for (const finding of findings)
		assert.match(finding.message, new RegExp(`"${GENERIC.id}" is already used by account 1;`));
	// Renaming the first copy leaves exactly the other one to report.
	assert.deepEqual(
		codes(analyze(applyFix(text, findings[0]!.fixes[0]!))).filter((c) => c === 'duplicate-account-id'),
		['duplicate-account-id'],
	);
	assert.equal(
		analyze(text, 'de').find((f) => f.code === 'duplicate-account-id')?.fixes[0]?.title,
		`In „${GENERIC.id}-3“ umbenennen`,
	);
});
