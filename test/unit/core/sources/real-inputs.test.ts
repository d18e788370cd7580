/**
 * Fixes found by running mailcfg on config files written by strangers (test/fixtures/sources, each with its source
 * URL). Each table holds the real input that showed the problem, and the values a user relies on.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SourceFormat } from '../../../../src/core/sources/names';
import { type AccountRow, accountTable, applyEdits, check, fixture } from './helpers';

describe('placeholders are filled in at start-up: no value check on them', () => {
	// `${MAIL_PORT}` is resolved by Spring (or dotenv-expand, Postfix, a template engine) when the app starts; the file
	// is right as it is. Before, each of these got `schema-type: "smtp.port" must be a whole number`.
	const rows: [name: string, format: SourceFormat, fileName: string, text: string][] = [
		[
			// A Spanish "SMTP configuration examples" README found by code search: Spring reads every value from the environment.
			'Spring properties, every value from the environment',
			'spring',
			'application.properties',
			'spring.mail.host=${MAIL_HOST}\nspring.mail.port=${MAIL_PORT}\nspring.mail.username=${MAIL_USERNAME}\nspring.mail.password=${MAIL_PASSWORD}\nspring.mail.properties.mail.smtp.auth=true\nspring.mail.properties.mail.smtp.starttls.enable=true\n',
		],
		[
			// A webshop's application.yml found by code search (host and port variables swapped, defaults after the colon).
			'Spring YAML, placeholders with defaults',
			'spring',
			'application.yml',
			'spring:\n  mail:\n    host: ${SMTP_PORT:smtp.gmail.com}\n    port: ${SMTP_HOST:587}\n    username: ${SMTP_USERNAME:gmail_placeholder}\n    password: ${SMTP_PASSWORD:gmail_password_placeholder}\n    properties:\n      mail:\n        smtp:\n          auth: true\n          starttls:\n            enable: true\n',
		],
		['.env, dotenv-expand reference', 'dotenv', '.env', 'MAIL_HOST=smtp.gmail.com\nMAIL_PORT=${SMTP_PORT}\n'],
		[
			'Postfix main.cf template (foilen-template.main.cf)',
			'postfix',
			'main.cf',
			fixture('postfix', 'foilen-template.main.cf'),
		],
	];
	for (const [name, format, fileName, text] of rows) {
		test(name, () => {
			const codes = check(format, text, { fileName }).map((f) => f.code);
			assert.deepEqual(
				codes.filter((c) => c.startsWith('schema-')),
				[],
			);
		});
	}

	test('a port that is no placeholder is still checked', () => {
		const codes = check('spring', 'spring.mail.host=smtp.gmail.com\nspring.mail.port=smtp\n', {
			fileName: 'application.properties',
		}).map((f) => f.code);
		assert.ok(codes.includes('schema-type'), codes.join());
	});
});

// Postfix: `relayhost = [${emailRelay.hostname}]:${emailRelay.port}` (foilen-template.main.cf) has a port, still to be
// filled in. Before, it read as no port at all, so 25, with a false "submission-port-25" warning on the line.
accountTable('postfix', 'Postfix: a relayhost port that is a placeholder is not port 25', [
	[
		'foilen-template.main.cf',
		fixture('postfix', 'foilen-template.main.cf'),
		{ 'smtp.host': '${emailRelay.hostname}', 'smtp.port': '${emailRelay.port}', 'smtp.port@': '${emailRelay.port}' },
	],
	[
		'[relay.example.net]:${relay_port}',
		'relayhost = [relay.example.net]:${relay_port}\n',
		{ 'smtp.port': '${relay_port}' },
	],
	['[relay.example.net]:587 still a number', 'relayhost = [relay.example.net]:587\n', { 'smtp.port': 587 }],
]);

test('Postfix: no port-25 warning for a placeholder port', () => {
	const codes = check('postfix', fixture('postfix', 'foilen-template.main.cf')).map((f) => f.code);
	assert.ok(!codes.includes('submission-port-25'), codes.join());
});

// mbsync's options deprecated in isync 1.1, mapped as drv_imap.c does: `RequireSSL no` with every TLS version off is
// no TLS at all. davmail-legacy.mbsyncrc (djcb/mu#1498): mbsync answered "Password is being sent in the clear", and
// mailcfg said STARTTLS.
const legacy = (lines: string) => `IMAPAccount Work\nHost mail.example.org\nUser me\nPassCmd "pass imap"\n${lines}\n`;
const legacyRows: AccountRow[] = [
	[
		'davmail-legacy.mbsyncrc',
		fixture('mbsync', 'davmail-legacy.mbsyncrc'),
		{ 'imap.security': 'none', 'imap.security@': 'no', 'imap.port': 1143 },
	],
	['RequireSSL no, UseTLSv1 no', legacy('RequireSSL no\nUseTLSv1 no'), { 'imap.security': 'none', 'imap.port': 143 }],
	// UseTLSv1 is on unless set to no, so `RequireSSL no` alone is ignored: STARTTLS.
	['RequireSSL no alone', legacy('RequireSSL no'), { 'imap.security': 'starttls' }],
	[
		'RequireSSL no, UseTLSv1 no, UseTLSv1.2 yes',
		legacy('RequireSSL no\nUseTLSv1 no\nUseTLSv1.2 yes'),
		{ 'imap.security': 'starttls' },
	],
	['RequireSSL yes', legacy('RequireSSL yes'), { 'imap.security': 'starttls' }],
	['UseIMAPS yes', legacy('UseIMAPS yes\nRequireSSL no\nUseTLSv1 no'), { 'imap.security': 'tls', 'imap.port': 993 }],
];
accountTable('mbsync', 'mbsync: the deprecated UseIMAPS/RequireSSL/UseTLS* options', legacyRows);

// Arguments as isync's get_arg (config.c) reads them: a backslash escapes the next character, double quotes group
// (inside a word too), and an argument that starts with # begins a comment.
accountTable('mbsync', 'mbsync: arguments, escapes, quotes and comments', [
	[
		'DOMAIN\\user with an escaped backslash',
		'IMAPAccount Work\nHost mail.example.org\nUser CONTOSO\\\\scanner\n',
		{ 'auth.user': 'CONTOSO\\scanner', 'auth.user@': 'CONTOSO\\\\scanner' },
	],
	[
		'a comment after the host',
		'IMAPAccount Work\nHost imap.example.org   # the work server\nSSLType IMAPS\n',
		{ 'imap.host': 'imap.example.org', 'imap.host@': 'imap.example.org', 'imap.port': 993 },
	],
	[
		'a quoted host: the span inside the quotes',
		'IMAPAccount Work\nHost "imap.example.org"\n',
		{ 'imap.host': 'imap.example.org', 'imap.host@': 'imap.example.org' },
	],
	[
		'quotes inside a word and escaped quotes inside quotes',
		'IMAPAccount Work\nHost imap.example.org\nUser me"@"example.org\nPassCmd "pass show \\"mail/work\\""\n',
		{ 'auth.user': 'me@example.org', email: 'me@example.org' },
	],
]);

// mbsync refuses an account with SSLType beside any deprecated option ("The deprecated UseSSL*, UseTLS*, UseIMAPS, and
// RequireSSL options are mutually exclusive with SSLType and SSLVersions", isync's drv_imap.c), so a fix that sets the
// TLS mode replaces them all: the fixed file has no finding left.
describe('mbsync: a TLS fix of an account with the deprecated options replaces them', () => {
	const rows: [name: string, text: string, code: string, fixed: string][] = [
		[
			'no TLS at all: implicit TLS on 993',
			legacy('RequireSSL no\nUseTLSv1 no'),
			'cleartext-transport',
			'IMAPAccount Work\nHost mail.example.org\nPort 993\nSSLType IMAPS\nUser me\nPassCmd "pass imap"\n',
		],
		[
			'every option, CRLF line ends',
			legacy('UseIMAPS no\nRequireSSL no\nUseTLSv1 no\nUseTLSv1.2 no\nUseTLSv1.3 no').replace(/\n/g, '\r\n'),
			'cleartext-transport',
			'IMAPAccount Work\r\nHost mail.example.org\r\nPort 993\r\nSSLType IMAPS\r\nUser me\r\nPassCmd "pass imap"\r\n',
		],
		[
			'UseIMAPS yes on port 143: STARTTLS',
			legacy('UseIMAPS yes\nPort 143'),
			'port-security-mismatch',
			'IMAPAccount Work\nHost mail.example.org\nSSLType STARTTLS\nUser me\nPassCmd "pass imap"\nPort 143\n',
		],
	];
	for (const [name, text, code, fixed] of rows) {
		test(name, () => {
			const finding = check('mbsync', text).find((f) => f.code === code);
			assert.ok(finding, code);
			const applied = applyEdits(text, finding.fixes[0]!.edits);
			assert.equal(applied, fixed);
			assert.deepEqual(check('mbsync', applied), []);
		});
	}
});

// Mail settings that were ignored: the accounts below were not found at all before.
accountTable('dotenv', '.env: Ghost (mail__options__*) and Cal.com/next-auth (EMAIL_SERVER_*)', [
	[
		'ghost-mailgun.env',
		fixture('dotenv', 'ghost-mailgun.env'),
		{
			id: 'ghost-mail',
			'smtp.host': 'smtp.mailgun.org',
			'smtp.port': 587,
			'smtp.security': 'starttls',
			'smtp.security@': 'false',
			'auth.user': '<YOUR_SMTP_USERNAME>',
		},
	],
	[
		'Ghost on 465 with secure=true (Ghost docs, Mailgun)',
		'mail__transport=SMTP\nmail__options__host=smtp.mailgun.org\nmail__options__port=465\nmail__options__secure=true\nmail__options__auth__user=postmaster@mg.example.com\nmail__options__auth__pass=secret\nmail__from=noreply@example.com\n',
		{ 'smtp.security': 'tls', 'smtp.port': 465, 'smtp.from': 'noreply@example.com' },
	],
	[
		'Ghost with requireTLS (a NixOS config found by code search)',
		'mail__transport=SMTP\nmail__options__host=smtp.eu.mailgun.org\nmail__options__port=587\nmail__options__requireTLS=true\n',
		{ 'smtp.security': 'starttls', 'smtp.security@': 'true' },
	],
	[
		'Ghost sending directly (mail__transport=Direct): no SMTP account',
		'mail__transport=Direct\nmail__options__host=smtp.mailgun.org\n',
		[],
	],
	[
		'calcom.env.example',
		fixture('dotenv', 'calcom.env.example'),
		{
			id: 'email-server',
			'smtp.host': 'smtp.office365.com',
			'smtp.port': 587,
			'smtp.security': 'starttls',
			'auth.user': '<office365_emailAddress>',
			email: 'notifications@yourselfhostedcal.com',
		},
	],
	// Vaultwarden's SMTP_SECURITY words are starttls, force_tls (implicit TLS) and off (its .env.template).
	[
		'Vaultwarden SMTP_SECURITY=force_tls',
		'SMTP_HOST=smtp.gmail.com\nSMTP_PORT=465\nSMTP_SECURITY=force_tls\nSMTP_FROM=alban.andrieu@nabla.mobi\n',
		{ 'smtp.security': 'tls', 'smtp.security@': 'force_tls' },
	],
]);
