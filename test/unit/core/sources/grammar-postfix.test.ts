/**
 * Postfix main.cf as a relay client, row by row. Line syntax from postconf(5)
 * (https://www.postfix.org/postconf.5.html: `name = value`, whitespace around `=` ignored, `#` lines and blank lines
 * ignored, a line starting with whitespace continues the one before); the relay settings from SASL_README
 * (https://www.postfix.org/SASL_README.html#client_sasl_enable: `relayhost = [mail.isp.example]:587`, the map line
 * `[mail.isp.example]:587 username:password`) and TLS_README (https://www.postfix.org/TLS_README.html#client_tls_levels).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { postfixEntries } from '../../../../src/core/sources/postfix';
import type { SourceContext } from '../../../../src/core/sources/formats';
import { type EntryRow, accountTable, check, entryTable, flatAccounts } from './helpers';

describe('main.cf lines: name, value, and the text the value span covers', () => {
	// [text, name, value, text under the value span]
	const rows: EntryRow[] = [
		['relayhost = [smtp.gmail.com]:587', 'relayhost', '[smtp.gmail.com]:587', '[smtp.gmail.com]:587'],
		['relayhost=[smtp.gmail.com]:587', 'relayhost', '[smtp.gmail.com]:587', '[smtp.gmail.com]:587'],
		['relayhost\t=\t[smtp.gmail.com]:587\t', 'relayhost', '[smtp.gmail.com]:587', '[smtp.gmail.com]:587'],
		['relayhost =', 'relayhost', '', ''],
		[
			'smtp_sasl_security_options = noanonymous, noplaintext',
			'smtp_sasl_security_options',
			'noanonymous, noplaintext',
			'noanonymous, noplaintext',
		],
		[
			'smtp_tls_CAfile = /etc/ssl/certs/ca-certificates.crt',
			'smtp_tls_CAfile',
			'/etc/ssl/certs/ca-certificates.crt',
			'/etc/ssl/certs/ca-certificates.crt',
		],
		['a.b-c = 1', 'a.b-c', '1', '1'],
	];
	entryTable(postfixEntries, rows);

	for (const text of [
		'# relayhost = [a]:587',
		'   # relayhost = [a]:587',
		'',
		'   ',
		'relayhost [a]:587',
		'= value',
		'  continuation without a line before',
	]) {
		test(`no setting: ${JSON.stringify(text)}`, () => assert.deepEqual(postfixEntries(text), []));
	}

	test('indented lines continue the value; an indented comment does not', () => {
		const text =
			'smtpd_recipient_restrictions =\n    permit_mynetworks,\n    # a comment\n\treject_unauth_destination\nrelayhost = [a]:25';
		const entries = postfixEntries(text);
		assert.deepEqual(
			entries.map((e) => [e.key, e.value, text.slice(e.valueAt.offset, e.valueAt.offset + e.valueAt.length)]),
			[
				['smtpd_recipient_restrictions', 'permit_mynetworks, reject_unauth_destination', 'permit_mynetworks,'],
				['relayhost', '[a]:25', '[a]:25'],
			],
		);
	});
});

const SASL = 'smtp_sasl_auth_enable = yes\nsmtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd\n';

/** The context of a main.cf with its SASL map file beside it. */
function withMap(saslPasswd: string): SourceContext {
	return { sibling: (file) => (file === 'sasl_passwd' ? saslPasswd : undefined) };
}

accountTable('postfix', 'main.cf: relayhost forms', [
	[
		'[host]:port',
		'relayhost = [smtp.gmail.com]:587',
		{
			id: 'relayhost',
			'id@': 'relayhost',
			'smtp.host': 'smtp.gmail.com',
			'smtp.host@': 'smtp.gmail.com',
			'smtp.port': 587,
			'smtp.port@': '587',
		},
	],
	[
		'[host] without port: 25',
		'relayhost = [smtp.example.com]',
		{ 'smtp.host': 'smtp.example.com', 'smtp.port': 25, 'smtp.port@': 'smtp.example.com' },
	],
	[
		'host:port without brackets',
		'relayhost = smtp.example.com:2525',
		{ 'smtp.host': 'smtp.example.com', 'smtp.port': 2525 },
	],
	['host alone', 'relayhost = smtp.example.com', { 'smtp.host': 'smtp.example.com', 'smtp.port': 25 }],
	['an IP address in brackets', 'relayhost = [192.0.2.10]:587', { 'smtp.host': '192.0.2.10', 'smtp.port': 587 }],
	[
		'an IPv6 address in brackets',
		'relayhost = [ipv6:2001:db8::1]:587',
		{ 'smtp.host': '2001:db8::1', 'smtp.host@': '2001:db8::1', 'smtp.port': 587 },
	],
	['an IPv6 address without the prefix', 'relayhost = [2001:db8::1]', { 'smtp.host': '2001:db8::1', 'smtp.port': 25 }],
	['the first of a list', 'relayhost = [a.example.com]:587, [b.example.com]:587', { 'smtp.host': 'a.example.com' }],
	[
		'the value on the continuation line',
		'relayhost =\n    [smtp.example.com]:587',
		{ 'smtp.host': 'smtp.example.com', 'smtp.host@': 'smtp.example.com', 'smtp.port@': '587' },
	],
	[
		'the last of two relayhost lines wins',
		'relayhost = [old.example.com]\nrelayhost = [new.example.com]',
		{ 'smtp.host': 'new.example.com' },
	],
]);

describe('main.cf: no relay client', () => {
	for (const text of [
		'relayhost =',
		'myhostname = mail.example.com',
		'#relayhost = [smtp.gmail.com]:587',
		'relayhost = [',
		'',
	]) {
		test(JSON.stringify(text), () => assert.deepEqual(flatAccounts('postfix', text), []));
	}
});

accountTable('postfix', 'main.cf: TLS levels', [
	[
		'unset: plain text, pointing at relayhost',
		'relayhost = [a.example.com]:587',
		{ 'smtp.security': 'none', 'smtp.security@': '[a.example.com]:587' },
	],
	[
		'none',
		'relayhost = [a.example.com]:587\nsmtp_tls_security_level = none',
		{ 'smtp.security': 'none', 'smtp.security@': 'none' },
	],
	[
		'may',
		'relayhost = [a.example.com]:587\nsmtp_tls_security_level = may',
		{ 'smtp.security': 'starttls', 'smtp.security@': 'may' },
	],
	['encrypt', 'relayhost = [a.example.com]:587\nsmtp_tls_security_level = encrypt', { 'smtp.security': 'starttls' }],
	[
		'Encrypt in capitals',
		'relayhost = [a.example.com]:587\nsmtp_tls_security_level = Encrypt',
		{ 'smtp.security': 'starttls' },
	],
	['NONE in capitals', 'relayhost = [a.example.com]:587\nsmtp_tls_security_level = NONE', { 'smtp.security': 'none' }],
	['dane', 'relayhost = [a.example.com]:587\nsmtp_tls_security_level = dane', { 'smtp.security': 'starttls' }],
	[
		'empty level with legacy smtp_enforce_tls',
		'relayhost = [a.example.com]:587\nsmtp_tls_security_level =\nsmtp_enforce_tls = yes',
		{ 'smtp.security': 'starttls' },
	],
	[
		'legacy smtp_use_tls = yes',
		'relayhost = [a.example.com]:587\nsmtp_use_tls = yes',
		{ 'smtp.security': 'starttls', 'smtp.security@': '[a.example.com]:587' },
	],
	['legacy smtp_use_tls = no', 'relayhost = [a.example.com]:587\nsmtp_use_tls = no', { 'smtp.security': 'none' }],
	[
		'wrappermode = yes on 465',
		'relayhost = [a.example.com]:465\nsmtp_tls_wrappermode = yes\nsmtp_tls_security_level = encrypt',
		{ 'smtp.security': 'tls', 'smtp.security@': 'yes' },
	],
	[
		'wrappermode = no',
		'relayhost = [a.example.com]:587\nsmtp_tls_wrappermode = no\nsmtp_tls_security_level = encrypt',
		{ 'smtp.security': 'starttls', 'smtp.security@': 'encrypt' },
	],
	[
		'wrappermode without any level: plain text',
		'relayhost = [a.example.com]:465\nsmtp_tls_wrappermode = yes',
		{ 'smtp.security': 'none' },
	],
]);

accountTable('postfix', 'main.cf: SASL login and the password map', [
	[
		'SASL off: no login',
		'relayhost = [a.example.com]:587\nsmtp_sasl_auth_enable = no',
		{ 'auth.method': undefined, 'auth.password': undefined },
	],
	[
		'SASL on without the map file: the password is a secret reference on the map setting',
		`relayhost = [a.example.com]:587\n${SASL}`,
		{
			'auth.method': 'password',
			'auth.method@': 'yes',
			'auth.user': undefined,
			'auth.password': '${secret:RELAYHOST_PASSWORD}',
			'auth.password@': 'hash:/etc/postfix/sasl_passwd',
		},
	],
	[
		'SASL on without any map: the secret points at smtp_sasl_auth_enable',
		'relayhost = [a.example.com]:587\nsmtp_sasl_auth_enable = yes',
		{ 'auth.password': '${secret:RELAYHOST_PASSWORD}', 'auth.password@': 'yes' },
	],
	[
		'the map line for the relay gives user and password; an address is the email',
		`relayhost = [smtp.gmail.com]:587\n${SASL}`,
		{
			'auth.user': 'me@gmail.com',
			email: 'me@gmail.com',
			'email@': 'hash:/etc/postfix/sasl_passwd',
			'auth.password': 'app password with spaces',
		},
		withMap(
			'# Gmail\n[smtp.other.com]:587 other:wrong\n[smtp.gmail.com]:587    me@gmail.com:app password with spaces  \n',
		),
	],
	[
		'a commented map line is skipped',
		`relayhost = [smtp.example.com]:587\n${SASL}`,
		{ 'auth.user': 'second' },
		withMap('#[smtp.example.com]:587 first:pw\r\n[smtp.example.com]:587 second:pw\r\n'),
	],
	[
		'a map line for another relay gives nothing',
		`relayhost = [smtp.example.com]:587\n${SASL}`,
		{ 'auth.user': undefined },
		withMap('[smtp.example.com]:465 me:pw\n'),
	],
	[
		// Postfix looks the server's host name up first (smtp_sasl_glue.c), so a map keyed by it serves a bracketed relayhost
		'the map keyed by the host name alone, as Postfix looks it up first',
		`relayhost = [smtp.office365.com]:587\n${SASL}`,
		{ 'auth.user': 'scanner@contoso.com', email: 'scanner@contoso.com', 'auth.password': 'pw' },
		withMap('smtp.office365.com scanner@contoso.com:pw\n'),
	],
	[
		'lines for the host name and the destination: the host name wins, whatever their order',
		`relayhost = [smtp.example.com]:587\n${SASL}`,
		{ 'auth.user': 'by-host' },
		withMap('[smtp.example.com]:587 by-destination:pw\nsmtp.example.com by-host:pw\n'),
	],
	[
		'keys compare without case, as postmap folds them; of two lines with one key the first counts',
		`relayhost = [Smtp.Example.com]:587\n${SASL}`,
		{ 'auth.user': 'first' },
		withMap('[SMTP.example.COM]:587 first:pw\n[smtp.example.com]:587 second:pw\n'),
	],
	[
		'a user without @ is no email',
		`relayhost = [smtp.example.com]:587\n${SASL}`,
		{ 'auth.user': 'apikey', email: undefined },
		withMap('[smtp.example.com]:587 apikey:pw\n'),
	],
	[
		'lmdb: map type, and a list of maps (the first is read)',
		'relayhost = [smtp.example.com]:587\nsmtp_sasl_auth_enable = yes\nsmtp_sasl_password_maps = lmdb:/etc/postfix/sasl_passwd, hash:/etc/postfix/other',
		{ 'auth.user': 'me' },
		withMap('[smtp.example.com]:587 me:pw\n'),
	],
	[
		'the map setting on a continuation line',
		'relayhost = [smtp.example.com]:587\nsmtp_sasl_auth_enable = yes\nsmtp_sasl_password_maps =\n    hash:/etc/postfix/sasl_passwd',
		{ 'auth.user': 'me', 'auth.password@': 'hash:/etc/postfix/sasl_passwd' },
		withMap('[smtp.example.com]:587 me:pw\n'),
	],
	[
		'xoauth2 in the mechanism filter: OAuth2',
		`relayhost = [smtp.gmail.com]:587\n${SASL}smtp_sasl_mechanism_filter = xoauth2`,
		{ 'auth.method': 'oauth2', 'auth.method@': 'xoauth2' },
	],
	[
		'OAUTHBEARER in capitals',
		`relayhost = [smtp.gmail.com]:587\n${SASL}smtp_sasl_mechanism_filter = plain, OAUTHBEARER`,
		{ 'auth.method': 'oauth2' },
	],
	[
		'plain, login: password',
		`relayhost = [smtp.gmail.com]:587\n${SASL}smtp_sasl_mechanism_filter = plain, login`,
		{ 'auth.method': 'password', 'auth.method@': 'yes' },
	],
]);

describe('main.cf: `may` with a SASL login sends the password in clear text when STARTTLS is stripped', () => {
	// [main.cf, the line of the finding or undefined when there is none]
	const rows: [string, string | undefined][] = [
		[`relayhost = [smtp.example.com]:587\n${SASL}smtp_tls_security_level = may`, 'smtp_tls_security_level'],
		[`relayhost = [smtp.example.com]:587\n${SASL}smtp_use_tls = yes`, 'smtp_use_tls'],
		[`relayhost = [smtp.example.com]:587\n${SASL}smtp_tls_security_level = encrypt`, undefined],
		[`relayhost = [smtp.example.com]:587\nsmtp_sasl_auth_enable = no\nsmtp_tls_security_level = may`, undefined],
		[`relayhost = [127.0.0.1]:10025\n${SASL}smtp_tls_security_level = may`, undefined],
	];
	for (const [text, line] of rows) {
		test(`${text.split('\n').pop()} (${text.split('\n')[0]}) -> ${line ?? 'nothing'}`, () => {
			const findings = check('postfix', text).filter((f) => f.message.includes('opportunistic'));
			if (line === undefined) return assert.deepEqual(findings, []);
			assert.equal(findings.length, 1);
			assert.equal(text.split('\n')[findings[0]!.range.start.line]!.split(' ')[0], line);
		});
	}
});
