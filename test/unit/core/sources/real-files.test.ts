/**
 * Every real file in test/fixtures/sources (each names its source in its first lines), and what a user relies on:
 * the accounts it maps to (id, host, port, TLS mode, sign-in), that `check` never fails with an internal error nor
 * finds fault with a value the file does not hold, and that `convert` never copies a password. A new fixture
 * needs a row here.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { convertSource } from '../../../../src/core/sources/convert';
import type { SourceContext } from '../../../../src/core/sources/formats';
import type { SourceFormat } from '../../../../src/core/sources/names';
import { FIXTURES, check, fixture, flatAccounts, picked } from './helpers';

type Row = [format: SourceFormat, name: string, accounts: Record<string, unknown>[]];

const ROWS: Row[] = [
	[
		'dotenv',
		'calcom.env.example',
		[
			{
				id: 'email-server',
				'smtp.host': 'smtp.office365.com',
				'smtp.port': 587,
				'smtp.security': 'starttls',
				'auth.method': 'password',
				'auth.user': '<office365_emailAddress>',
			},
		],
	],
	[
		'dotenv',
		'django.env',
		[
			{
				id: 'email',
				'smtp.host': 'smtp.gmail.com',
				'smtp.port': 587,
				'smtp.security': 'starttls',
				'auth.method': 'password',
				'auth.user': 'alerts@gmail.com',
			},
		],
	],
	[
		'dotenv',
		'export-smtp.env',
		[
			{
				id: 'smtp',
				'smtp.host': 'smtp.example.com',
				'smtp.port': 587,
				'smtp.security': 'starttls',
				'auth.method': 'password',
				'auth.user': 'your_email@example.com',
			},
		],
	],
	[
		'dotenv',
		'ghost-mailgun.env',
		[
			{
				id: 'ghost-mail',
				'smtp.host': 'smtp.mailgun.org',
				'smtp.port': 587,
				'smtp.security': 'starttls',
				'auth.method': 'password',
				'auth.user': '<YOUR_SMTP_USERNAME>',
			},
		],
	],
	[
		'dotenv',
		'laravel-mailtrap-blade.env',
		[
			{
				id: 'mail',
				'smtp.host': 'smtp.mailtrap.io',
				'smtp.port': 2525,
				'smtp.security': 'starttls',
				'auth.method': 'password',
				'auth.user': 'your_mail_username',
			},
		],
	],
	[
		'dotenv',
		'laravel-office365.env',
		[
			{
				id: 'mail',
				'smtp.host': 'smtp.office365.com',
				'smtp.port': 465,
				'smtp.security': 'tls',
				'auth.method': 'password',
				'auth.user': 'portal@contoso.example',
			},
		],
	],
	['dotenv', 'laravel.env.example', []],
	['dotenv', 'lookalike.env', []],
	['dotenv', 'mastodon.env.production.sample', []],
	[
		'dotenv',
		'node-imap-smtp.env',
		[
			{
				id: 'smtp',
				'smtp.host': 'mail.gmx.net',
				'smtp.port': 587,
				'smtp.security': 'starttls',
				'auth.method': 'password',
				'auth.user': 'support@gmx.de',
			},
			{
				id: 'imap',
				'imap.host': 'imap.gmx.net',
				'imap.port': 993,
				'imap.security': 'tls',
				'auth.method': 'password',
				'auth.user': 'support@gmx.de',
			},
		],
	],
	[
		'dotenv',
		'symfony.env',
		[
			{
				id: 'mailer-dsn',
				'smtp.host': 'smtp.office365.com',
				'smtp.port': 587,
				'smtp.security': 'starttls',
				'auth.method': 'password',
				'auth.user': 'reports@contoso.example',
			},
		],
	],
	[
		'mbsync',
		'benswift-o365-passcmd-continued.mbsyncrc',
		[
			{
				id: 'anu',
				'imap.host': 'outlook.office365.com',
				'imap.port': 993,
				'imap.security': 'starttls',
				'auth.method': 'oauth2',
				'auth.user': 'ben.swift@anu.edu.au',
			},
		],
	],
	[
		'mbsync',
		'brenns10.mbsyncrc',
		[
			{
				id: 'stephen',
				'imap.host': 'imap.zoho.com',
				'imap.port': 993,
				'imap.security': 'tls',
				'auth.method': 'password',
				'auth.user': 'stephen@brennan.io',
			},
			{
				id: 'yelp',
				'imap.host': 'imap.gmail.com',
				'imap.port': 993,
				'imap.security': 'tls',
				'auth.method': 'password',
				'auth.user': 'sbrennan@yelp.com',
			},
		],
	],
	[
		'mbsync',
		'davmail-legacy.mbsyncrc',
		[
			{
				id: 'Work',
				'imap.host': 'localhost',
				'imap.port': 1143,
				'imap.security': 'none',
				'auth.method': 'password',
				// mbsync reads `domain\\user.name` as domain\user.name (a backslash escapes the next character)
				'auth.user': 'domain\\user.name',
			},
		],
	],
	[
		'mbsync',
		'email-oauth2-proxy.mbsyncrc',
		[
			{
				id: 'work',
				'imap.host': '127.0.0.1',
				'imap.port': 1993,
				'imap.security': 'starttls',
				'auth.method': 'password',
				'auth.user': 'someone@someplave',
			},
		],
	],
	[
		'mbsync',
		'exchange-imaps-pass.mbsyncrc',
		[
			{
				id: 'xxx',
				'imap.host': 'outlook.office365.com',
				'imap.port': 993,
				'imap.security': 'tls',
				'auth.method': 'password',
				'auth.user': 'correctemail@my.xxx.edu',
			},
		],
	],
	[
		'mbsync',
		'jimdigriz-mutthub.mbsyncrc',
		[
			{
				id: 'digriz',
				'imap.host': 'DIGRIZ_SERVER_IMAP',
				'imap.port': 993,
				'imap.security': 'tls',
				'auth.method': 'password',
				'auth.user': 'DIGRIZ_SERVER_IMAP_USERNAME',
			},
		],
	],
	[
		'mbsync',
		'oama-xoauth2.mbsyncrc',
		[
			{
				id: 'office',
				'imap.host': 'outlook.office365.com',
				'imap.port': 993,
				'imap.security': 'tls',
				'auth.method': 'oauth2',
				'auth.user': 'jdoe@contoso.example',
			},
		],
	],
	[
		'mbsync',
		'oauth2ms-office365.mbsyncrc',
		[
			{
				id: 'mc',
				'imap.host': 'outlook.office365.com',
				'imap.port': 993,
				'imap.security': 'tls',
				'auth.method': 'oauth2',
				'auth.user': 'john@mc.com',
			},
		],
	],
	[
		'mbsync',
		'paquier.mbsyncrc',
		[
			{
				id: 'example_com',
				'imap.host': 'imap.example.com',
				'imap.port': 993,
				'imap.security': 'tls',
				'auth.method': 'password',
				'auth.user': 'john.doe@example.com',
			},
		],
	],
	[
		'mbsync',
		'sasl-xoauth2-store.mbsyncrc',
		[
			{
				id: 'XXX-remote',
				'imap.host': 'outlook.office365.com',
				'imap.port': 993,
				'imap.security': 'tls',
				'auth.method': 'oauth2',
				'auth.user': 'XXXXX',
			},
		],
	],
	[
		'msmtp',
		'dotfiles.msmtprc',
		[
			{
				id: 'mailfence',
				'smtp.host': 'smtp.mailfence.com',
				'smtp.port': 465,
				'smtp.security': 'tls',
				'auth.method': 'password',
				'auth.user': 'jviotti',
			},
			{
				id: 'oxford',
				'smtp.host': 'smtp.ox.ac.uk',
				'smtp.port': 587,
				'smtp.security': 'starttls',
				'auth.method': 'password',
				'auth.user': 'kell4769',
			},
		],
	],
	[
		'msmtp',
		'ericjacolin-k8s.msmtprc',
		[
			{
				id: 'gmail',
				'smtp.host': 'smtp.gmail.com',
				'smtp.port': 465,
				'smtp.security': 'tls',
				'auth.method': 'password',
				'auth.user': 'myproject@gmail.com',
			},
			{ id: 'mailcatcher', 'smtp.host': '10.0.2.2', 'smtp.port': 1025, 'smtp.security': 'none' },
		],
	],
	[
		'msmtp',
		'jviotti-dotfiles.msmtprc',
		[
			{
				id: 'mailfence',
				'smtp.host': 'smtp.mailfence.com',
				'smtp.port': 465,
				'smtp.security': 'tls',
				'auth.method': 'password',
				'auth.user': 'jviotti',
			},
			{
				id: 'oxford',
				'smtp.host': 'smtp.ox.ac.uk',
				'smtp.port': 587,
				'smtp.security': 'starttls',
				'auth.method': 'password',
				'auth.user': 'kell4769',
			},
			{
				id: 'postman',
				'smtp.host': 'smtp.gmail.com',
				'smtp.port': 465,
				'smtp.security': 'tls',
				'auth.method': 'password',
				'auth.user': 'juan.viotti@postman.com',
			},
		],
	],
	[
		'msmtp',
		'mailctl-template.msmtprc',
		[
			{ id: 'local', 'smtp.host': 'localhost', 'smtp.port': 25, 'smtp.security': 'none' },
			{
				id: 'YOUR_EMAIL_NAME@EMAIL_SERVICE.COM',
				'smtp.host': 'smtp.EMAIL_SERVICE.COM',
				'smtp.port': 465,
				'smtp.security': 'tls',
				'auth.method': 'password',
				'auth.user': 'YOUR_EMAIL_NAME@EMAIL_SERVICE.COM',
			},
			{
				id: 'YOUR_EMAIL_NAME@gmail.com',
				'smtp.host': 'smtp.gmail.com',
				'smtp.port': 587,
				'smtp.security': 'starttls',
				'auth.method': 'oauth2',
				'auth.user': 'YOUR_EMAIL_NAME@gmail.com',
			},
		],
	],
	[
		'msmtp',
		'mutt-wizard-implicit-tls.msmtprc',
		[
			{
				id: 'foo@foo.com',
				'smtp.host': 'smtp.foo.com',
				'smtp.port': 465,
				'auth.method': 'password',
				'auth.user': 'foo@foo.com',
			},
		],
	],
	[
		'msmtp',
		'oama-xoauth2.msmtprc',
		[
			{
				id: 'office',
				'smtp.host': 'smtp.office365.com',
				'smtp.port': 587,
				'smtp.security': 'starttls',
				'auth.method': 'oauth2',
				'auth.user': 'jdoe@contoso.example',
			},
		],
	],
	[
		'msmtp',
		'office365.msmtprc',
		[
			{
				id: 'office365',
				'smtp.host': 'smtp.office365.com',
				'smtp.port': 587,
				'smtp.security': 'starttls',
				'auth.method': 'password',
				'auth.user': 'alerts@contoso.example',
			},
		],
	],
	['msmtp', 'pastell-generated.msmtprc', []],
	['postfix', 'debian-default.main.cf', []],
	[
		'postfix',
		'foilen-template.main.cf',
		[
			{
				id: 'relayhost',
				'smtp.host': '${emailRelay.hostname}',
				'smtp.port': '${emailRelay.port}',
				'smtp.security': 'starttls',
				'auth.method': 'password',
			},
		],
	],
	[
		'postfix',
		'iredmail-socketlabs.main.cf',
		[
			{
				id: 'relayhost',
				'smtp.host': 'smtp.socketlabs.com',
				'smtp.port': 2525,
				'smtp.security': 'starttls',
				'auth.method': 'password',
			},
		],
	],
	[
		'postfix',
		'main.cf',
		[
			{
				id: 'relayhost',
				'smtp.host': 'smtp.office365.com',
				'smtp.port': 587,
				'smtp.security': 'starttls',
				'auth.method': 'password',
				'auth.user': 'monitor@contoso.example',
			},
		],
	],
	['postfix', 'sasl_passwd', []],
	[
		'postfix',
		'seb2020-office365.main.cf',
		[
			{
				id: 'relayhost',
				'smtp.host': 'smtp.office365.com',
				'smtp.port': 587,
				'smtp.security': 'starttls',
				'auth.method': 'password',
			},
		],
	],
	[
		'postfix',
		'sendgrid-2525.main.cf',
		[
			{
				id: 'relayhost',
				'smtp.host': 'smtp.sendgrid.net',
				'smtp.port': 2525,
				'smtp.security': 'starttls',
				'auth.method': 'password',
			},
		],
	],
	['spring', 'application-gravitee-like.yml', []],
	[
		'spring',
		'application-jhipster-yahoo.yml',
		[
			{
				id: 'spring-mail',
				'smtp.host': 'smtp.mail.yahoo.com',
				'smtp.port': 587,
				'smtp.security': 'starttls',
				'auth.method': 'password',
				'auth.user': 'ipnaasp@yahoo.com',
			},
		],
	],
	['spring', 'application-readme-comments.properties', []],
	[
		'spring',
		'application-smtps-runebook.properties',
		[
			{
				id: 'spring-mail',
				'smtp.host': 'smtp.gmail.com',
				'smtp.port': 465,
				'smtp.security': 'tls',
				'auth.method': 'password',
				'auth.user': 'me@example.com',
			},
		],
	],
	[
		'spring',
		'application-thingsboard-crlf.properties',
		[
			{
				id: 'spring-mail',
				'smtp.host': 'smtp.gmail.com',
				'smtp.port': 587,
				'smtp.security': 'starttls',
				'auth.method': 'password',
				'auth.user': 'srinivasvadla01@gmail.com',
			},
		],
	],
	[
		'spring',
		'application-thingsboard-gmail.properties',
		[
			{
				id: 'spring-mail',
				'smtp.host': 'smtp.gmail.com',
				'smtp.port': 587,
				'smtp.security': 'starttls',
				'auth.method': 'password',
				'auth.user': 'srinivasvadla01@gmail.com',
			},
		],
	],
	[
		'spring',
		'application.properties',
		[
			{
				id: 'spring-mail',
				'smtp.host': 'smtp.office365.com',
				'smtp.port': 587,
				'smtp.security': 'starttls',
				'auth.method': 'password',
				'auth.user': 'noreply@contoso.example',
			},
		],
	],
	[
		'spring',
		'application.yml',
		[
			{
				id: 'spring-mail',
				'smtp.host': 'smtp.gmail.com',
				'smtp.port': 587,
				'smtp.security': 'starttls',
				'auth.method': 'password',
				'auth.user': 'alerts@gmail.com',
			},
		],
	],
	['spring', 'lookalike.yml', []],
];

/** What the tool itself gets: the file's name, and for main.cf the SASL map beside it. */
function contextOf(format: SourceFormat, name: string): SourceContext {
	return {
		fileName: name,
		...(name === 'main.cf'
			? { sibling: (n: string) => (existsSync(join(FIXTURES, format, n)) ? fixture(format, n) : undefined) }
			: {}),
	};
}

test('every fixture has a row', () => {
	const files = readdirSync(FIXTURES).flatMap((format) =>
		readdirSync(join(FIXTURES, format)).map((name) => `${format}/${name}`),
	);
	assert.deepEqual(ROWS.map(([format, name]) => `${format}/${name}`).sort(), files.sort());
});

describe('real files: mapped accounts', () => {
	for (const [format, name, expected] of ROWS) {
		test(`${format}/${name}`, () => {
			const accounts = flatAccounts(format, fixture(format, name), contextOf(format, name));
			assert.equal(accounts.length, expected.length, JSON.stringify(accounts));
			expected.forEach((fields, i) => assert.deepEqual(picked(accounts[i], fields), fields));
		});
	}
});

describe('real files: check and convert', () => {
	for (const [format, name, expected] of ROWS) {
		test(`${format}/${name}`, () => {
			const text = fixture(format, name);
			const context = contextOf(format, name);
			for (const lang of ['en', 'de'] as const) {
				const codes = check(format, text, context, lang).map((f) => f.code);
				assert.ok(!codes.includes('internal-error'), codes.join());
				assert.deepEqual(
					codes.filter((c) => c.startsWith('schema-')),
					[],
				);
			}
			const conversion = convertSource(format, text, context);
			assert.equal(conversion?.accountIds.length ?? 0, expected.length);
			// A password written in the file never reaches the converted config.
			for (const account of flatAccounts(format, text, context)) {
				const password = account['auth.password'];
				if (typeof password === 'string' && !password.startsWith('${')) {
					assert.ok(!conversion!.text.includes(password), `${name}: password copied`);
				}
			}
		});
	}
});
