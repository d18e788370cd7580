/**
 * Spring Boot's mail settings in both file kinds, row by row. The .properties rows follow the line syntax of
 * java.util.Properties.load (https://docs.oracle.com/javase/8/docs/api/java/util/Properties.html#load-java.io.Reader-),
 * the settings Spring Boot's MailProperties and JavaMail's SMTP provider read
 * (https://docs.spring.io/spring-boot/reference/io/email.html,
 * https://javaee.github.io/javamail/docs/api/com/sun/mail/smtp/package-summary.html).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { propertiesEntries } from '../../../../src/core/sources/spring';
import { type EntryRow, accountTable, entryTable, flatAccounts } from './helpers';

describe('.properties lines: key, value, and the text the value span covers', () => {
	// [text, key, value, text under the value span]
	const rows: EntryRow[] = [
		['spring.mail.host=smtp.gmail.com', 'spring.mail.host', 'smtp.gmail.com', 'smtp.gmail.com'],
		['spring.mail.host = smtp.gmail.com', 'spring.mail.host', 'smtp.gmail.com', 'smtp.gmail.com'],
		['spring.mail.host:smtp.gmail.com', 'spring.mail.host', 'smtp.gmail.com', 'smtp.gmail.com'],
		['spring.mail.host : smtp.gmail.com', 'spring.mail.host', 'smtp.gmail.com', 'smtp.gmail.com'],
		// Whitespace alone separates key and value.
		['spring.mail.host smtp.gmail.com', 'spring.mail.host', 'smtp.gmail.com', 'smtp.gmail.com'],
		['spring.mail.host\tsmtp.gmail.com', 'spring.mail.host', 'smtp.gmail.com', 'smtp.gmail.com'],
		['   spring.mail.port=587', 'spring.mail.port', '587', '587'],
		// Only the first separator counts; the next one is part of the value.
		['spring.mail.password==secret', 'spring.mail.password', '=secret', '=secret'],
		['spring.mail.password=:secret', 'spring.mail.password', ':secret', ':secret'],
		['spring.mail.password=a=b:c', 'spring.mail.password', 'a=b:c', 'a=b:c'],
		// A key alone has the empty value.
		['spring.mail.username', 'spring.mail.username', '', ''],
		['spring.mail.username=', 'spring.mail.username', '', ''],
		// Escapes, in keys and values.
		['key\\ with\\ spaces=v', 'key with spaces', 'v', 'v'],
		['key\\:colon\\=equals=v', 'key:colon=equals', 'v', 'v'],
		['spring.mail.password=p\\u00e4ss', 'spring.mail.password', 'päss', 'p\\u00e4ss'],
		['spring.mail.password=p\\u00C4ss', 'spring.mail.password', 'pÄss', 'p\\u00C4ss'],
		['p=a\\tb', 'p', 'a\tb', 'a\\tb'],
		['p=a\\nb', 'p', 'a\nb', 'a\\nb'],
		['p=a\\rb', 'p', 'a\rb', 'a\\rb'],
		['p=a\\fb', 'p', 'a\fb', 'a\\fb'],
		['p=a\\qb', 'p', 'aqb', 'a\\qb'],
		// An escaped backslash at the end is a backslash, not a continuation.
		['p=a\\\\', 'p', 'a\\', 'a\\\\'],
		['p=#not a comment', 'p', '#not a comment', '#not a comment'],
	];
	entryTable(propertiesEntries, rows);

	for (const text of [
		'# spring.mail.host=a',
		'! spring.mail.host=a',
		'   # indented',
		'\t! indented',
		'',
		'   ',
		'=value',
	]) {
		test(`no setting: ${JSON.stringify(text)}`, () => assert.deepEqual(propertiesEntries(text), []));
	}

	// [text, value of the one setting]
	const continued: [string, string][] = [
		['spring.mail.host=smtp.\\\n    gmail.com', 'smtp.gmail.com'],
		['p=a\\\n  b\\\n  c\nnext=1', 'abc'],
		// A continuation line is never a comment, and its escapes count.
		['p=a\\\n  #b', 'a#b'],
		['p=a\\\n  \\u0041', 'aA'],
		// An escaped backslash before the continuation stays.
		['p=a\\\\\\\n  b', 'a\\b'],
		['p=a\\\r\n  b', 'ab'],
	];
	for (const [text, value] of continued) {
		test(`continued: ${JSON.stringify(text)}`, () => {
			const entries = propertiesEntries(text);
			assert.equal(entries[0]!.value, value);
			assert.equal(entries.length, text.includes('next=') ? 2 : 1);
		});
	}
});

const PROPERTIES = { fileName: 'application.properties' };

const HOST = 'spring.mail.host=smtp.example.com\n';

accountTable(
	'spring',
	'Spring .properties: TLS, port, login',
	[
		[
			'the Spring Boot guide: Gmail on 587 with STARTTLS',
			`spring.mail.host=smtp.gmail.com\nspring.mail.port=587\nspring.mail.username=me@gmail.com\nspring.mail.password=\${MAIL_PASSWORD}\nspring.mail.properties.mail.smtp.auth=true\nspring.mail.properties.mail.smtp.starttls.enable=true`,
			{
				id: 'spring-mail',
				'id@': 'spring.mail.host',
				email: 'me@gmail.com',
				'auth.method': 'password',
				'auth.method@': 'spring.mail.password',
				'auth.user': 'me@gmail.com',
				'auth.password': '${env:MAIL_PASSWORD}',
				'smtp.host': 'smtp.gmail.com',
				'smtp.port': 587,
				'smtp.security': 'starttls',
				'smtp.security@': 'true',
			},
		],
		[
			'no TLS property: plain text on 25',
			HOST,
			{ 'smtp.security': 'none', 'smtp.security@': 'smtp.example.com', 'smtp.port': 25, 'auth.method': undefined },
		],
		[
			'ssl.enable=true: TLS on 465',
			`${HOST}spring.mail.properties.mail.smtp.ssl.enable=true`,
			{ 'smtp.security': 'tls', 'smtp.port': 465 },
		],
		[
			'ssl.enable=false: plain text, pointing at it',
			`${HOST}spring.mail.properties.mail.smtp.ssl.enable=false`,
			{ 'smtp.security': 'none', 'smtp.security@': 'false' },
		],
		[
			'starttls.enable=false: plain text, pointing at it',
			`${HOST}spring.mail.properties.mail.smtp.starttls.enable=false\nspring.mail.properties.mail.smtp.ssl.enable=no`,
			{ 'smtp.security': 'none', 'smtp.security@': 'false' },
		],
		[
			'starttls.required=true alone',
			`${HOST}spring.mail.properties.mail.smtp.starttls.required=true`,
			{ 'smtp.security': 'starttls', 'smtp.security@': 'true' },
		],
		[
			'starttls.enable=TRUE in capitals',
			`${HOST}spring.mail.properties.mail.smtp.starttls.enable=TRUE`,
			{ 'smtp.security': 'starttls' },
		],
		[
			'protocol=smtps: TLS, pointing at the protocol',
			`${HOST}spring.mail.protocol=smtps`,
			{ 'smtp.security': 'tls', 'smtp.security@': 'smtps', 'smtp.port': 465 },
		],
		['protocol=SMTPS with spaces', `${HOST}spring.mail.protocol = SMTPS `, { 'smtp.security': 'tls' }],
		[
			'protocol=smtps reads the mail.smtps.* properties',
			`${HOST}spring.mail.protocol=smtps\nspring.mail.properties.mail.smtps.ssl.enable=true\nspring.mail.properties.mail.smtps.ssl.trust=*`,
			{ 'smtp.security@': 'true', 'smtp.tls.rejectUnauthorized': false, 'smtp.tls.rejectUnauthorized@': '*' },
		],
		[
			'protocol=smtp ignores mail.smtps.*',
			`${HOST}spring.mail.protocol=smtp\nspring.mail.properties.mail.smtps.ssl.enable=true`,
			{ 'smtp.security': 'none' },
		],
		[
			'ssl.trust=* turns off the certificate check',
			`${HOST}spring.mail.properties.mail.smtp.ssl.trust=*`,
			{ 'smtp.tls.rejectUnauthorized': false },
		],
		[
			'ssl.trust naming a host keeps it',
			`${HOST}spring.mail.properties.mail.smtp.ssl.trust=smtp.example.com`,
			{ 'smtp.tls.rejectUnauthorized': undefined },
		],
		// Spring's relaxed binding: map keys in brackets, any case, dashes ignored.
		[
			'properties[mail.smtp.starttls.enable]',
			`${HOST}spring.mail.properties[mail.smtp.starttls.enable]=true`,
			{ 'smtp.security': 'starttls' },
		],
		[
			'properties.[mail.smtp.ssl.enable]',
			`${HOST}spring.mail.properties.[mail.smtp.ssl.enable]=true`,
			{ 'smtp.security': 'tls' },
		],
		[
			'upper-case and dashed names',
			'SPRING.MAIL.HOST=smtp.example.com\nspring.mail.user-name=me\nSpring.Mail.Port=2525',
			{ 'smtp.host': 'smtp.example.com', 'auth.user': 'me', 'smtp.port': 2525 },
		],
		['a port that is no number stays text', `${HOST}spring.mail.port=\${MAIL_PORT}`, { 'smtp.port': '${MAIL_PORT}' }],
		[
			'a password alone',
			`${HOST}spring.mail.password=secret`,
			{ 'auth.password': 'secret', 'auth.user': undefined, 'auth.method@': 'spring.mail.password' },
		],
		[
			'a user alone, no address',
			`${HOST}spring.mail.username=apikey`,
			{ 'auth.user': 'apikey', email: undefined, 'auth.method@': 'spring.mail.username' },
		],
		[
			'a ${VAR:default} password is a reference',
			`${HOST}spring.mail.password=\${SMTP_PASS:changeme}`,
			{ 'auth.password': '${env:SMTP_PASS}' },
		],
		[
			'other spring settings do not count',
			'spring.datasource.url=jdbc:h2:mem\nspring.mail.host=smtp.example.com',
			{ 'smtp.host': 'smtp.example.com' },
		],
	],
	PROPERTIES,
);

describe('Spring: files without an account', () => {
	for (const [name, text, fileName] of [
		['no spring.mail.host', 'spring.mail.port=587', 'application.properties'],
		['empty host', 'spring.mail.host=\nspring.mail.port=587', 'application.properties'],
		['only other settings', 'spring.datasource.url=jdbc:h2:mem', 'application.properties'],
		['YAML without mail', 'spring:\n  datasource:\n    url: jdbc:h2:mem\n', 'application.yml'],
		['YAML host: ~ (null)', 'spring:\n  mail:\n    host: ~\n', 'application.yml'],
	] as const) {
		test(name, () => assert.deepEqual(flatAccounts('spring', text, { fileName }), []));
	}
});

accountTable(
	'spring',
	'Spring YAML',
	[
		[
			'nested maps, quoted values point inside their quotes',
			'spring:\n  mail:\n    host: "smtp.office365.com"\n    port: 587\n    username: \'me@example.com\'\n    properties:\n      mail:\n        smtp:\n          starttls:\n            enable: true\n',
			{
				'smtp.host': 'smtp.office365.com',
				'smtp.host@': 'smtp.office365.com',
				'smtp.port': 587,
				'smtp.port@': '587',
				email: 'me@example.com',
				'email@': 'me@example.com',
				'smtp.security': 'starttls',
				'smtp.security@': 'true',
			},
			{ fileName: 'application.yml' },
		],
		[
			'dotted keys and the bracket form Spring documents for YAML map keys',
			'spring.mail:\n  host: smtp.example.com\n  properties:\n    "[mail.smtp.ssl.enable]": true\n',
			{ 'smtp.security': 'tls', 'smtp.port': 465, 'smtp.host@': 'smtp.example.com' },
			{ fileName: 'application.yaml' },
		],
		[
			'mail.smtp.* as one dotted key',
			'spring:\n  mail:\n    host: smtp.example.com\n    properties:\n      mail.smtp.starttls.required: "true"\n',
			{ 'smtp.security': 'starttls', 'smtp.security@': 'true' },
			{ fileName: 'application-prod.YML' },
		],
		[
			'recognised by its text when the name says nothing',
			'spring:\n  mail:\n    host: smtp.example.com\n',
			{ 'smtp.host': 'smtp.example.com', 'smtp.security': 'none' },
			{ fileName: 'config.txt' },
		],
	],
	PROPERTIES,
);

describe('Spring YAML: one account per document, and how a file is told to be YAML', () => {
	test('two documents (profiles) give two accounts', () => {
		const text =
			'spring:\n  mail:\n    host: a.example.com\n---\nspring:\n  datasource:\n    url: x\n---\nspring:\n  mail:\n    host: b.example.com\n    port: 465\n';
		const accounts = flatAccounts('spring', text, { fileName: 'application.yml' });
		assert.deepEqual(
			accounts.map((a) => [a.id, a['smtp.host'], a['smtp.port']]),
			[
				['spring-mail', 'a.example.com', 25],
				['spring-mail-2', 'b.example.com', 465],
			],
		);
	});
	test('a .properties file with a `spring:` line is still read as properties', () => {
		const text = 'spring:\nspring.mail.host=smtp.example.com\n';
		assert.deepEqual(
			flatAccounts('spring', text, { fileName: 'application.properties' }).map((a) => a['smtp.host']),
			['smtp.example.com'],
		);
	});
	test('without a name, properties text is read as properties', () => {
		assert.deepEqual(
			flatAccounts('spring', 'spring.mail.host=smtp.example.com').map((a) => a['smtp.host']),
			['smtp.example.com'],
		);
	});
	test('without a name, YAML is told by its `spring:` line, indented or not', () => {
		assert.deepEqual(
			flatAccounts('spring', '# mail\n  spring:\n    mail:\n      host: smtp.example.com\n').map((a) => a['smtp.host']),
			['smtp.example.com'],
		);
	});
});
