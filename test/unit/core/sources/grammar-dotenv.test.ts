/**
 * The whole .env syntax, row by row, and every variable family and mail URL the reader maps. The line rows follow
 * the parsing rules of the dotenv package (https://github.com/motdotla/dotenv#what-rules-does-the-parsing-engine-follow)
 * and are checked against that package itself, a dependency of mailcfg: whatever the app reads, we read.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'dotenv';
import { dotenvEntries } from '../../../../src/core/sources/dotenv';
import { type EntryRow, accountTable, entryTable, flatAccounts } from './helpers';

describe('.env lines: value, and the text its span covers', () => {
	// [line, key, value as the app sees it, text the value span covers]
	const rows: EntryRow[] = [
		['BASIC=basic', 'BASIC', 'basic', 'basic'],
		['EMPTY=', 'EMPTY', '', ''],
		['EMPTY_SPACE= ', 'EMPTY_SPACE', '', ''],
		['JSON={"foo": "bar"}', 'JSON', '{"foo": "bar"}', '{"foo": "bar"}'],
		// Unquoted values lose the whitespace around them; quoted ones keep it.
		['FOO=  some value  ', 'FOO', 'some value', 'some value'],
		['TAB=\t tab\t', 'TAB', 'tab', 'tab'],
		['DQ="  some value  "', 'DQ', '  some value  ', '  some value  '],
		["SINGLE='quoted'", 'SINGLE', 'quoted', 'quoted'],
		['SPACED_QUOTE=  "spaced quote"  ', 'SPACED_QUOTE', 'spaced quote', 'spaced quote'],
		['EMPTY_QUOTES=""', 'EMPTY_QUOTES', '', ''],
		// Only double quotes expand \n and \r.
		['ML="new\\nline"', 'ML', 'new\nline', 'new\\nline'],
		['TWO="a\\nb\\nc"', 'TWO', 'a\nb\nc', 'a\\nb\\nc'],
		['CR="a\\rb\\rc"', 'CR', 'a\rb\rc', 'a\\rb\\rc'],
		["SQ='new\\nline'", 'SQ', 'new\\nline', 'new\\nline'],
		['BTN=`a\\nb`', 'BTN', 'a\\nb', 'a\\nb'],
		['BT=`has \'single\' and "double"`', 'BT', 'has \'single\' and "double"', 'has \'single\' and "double"'],
		// An escaped quote does not end the value, and stays escaped.
		['ESC="a \\"q\\" b"', 'ESC', 'a \\"q\\" b', 'a \\"q\\" b'],
		// `#` starts a comment outside quotes, even without a space before it.
		['C=value # comment', 'C', 'value', 'value'],
		['H=pass#word', 'H', 'pass', 'pass'],
		['QC="value # not comment"', 'QC', 'value # not comment', 'value # not comment'],
		["HASHQ='#x'", 'HASHQ', '#x', '#x'],
		// Unterminated or mismatched quotes are part of the value.
		["UNT='unterminated", 'UNT', "'unterminated", "'unterminated"],
		['MIX="abc\'', 'MIX', '"abc\'', '"abc\''],
		['ONE="', 'ONE', '"', '"'],
		['B=`unclosed', 'B', '`unclosed', '`unclosed'],
		['K=a b  c', 'K', 'a b  c', 'a b  c'],
		// Separators and key forms.
		['export EXPORTED=yes', 'EXPORTED', 'yes', 'yes'],
		['export  TWO_SPACES=yes', 'TWO_SPACES', 'yes', 'yes'],
		['YAML: value', 'YAML', 'value', 'value'],
		['SPACED = value', 'SPACED', 'value', 'value'],
		['  INDENTED=1', 'INDENTED', '1', '1'],
		['DOT.KEY=1', 'DOT.KEY', '1', '1'],
		['DASH-KEY=2', 'DASH-KEY', '2', '2'],
	];
	entryTable(dotenvEntries, rows, ([line, key, value]) => {
		assert.deepEqual(parse(line), { [key]: value }, 'the row is what the dotenv package reads');
		const keyAt = dotenvEntries(line)[0]!.keyAt;
		assert.equal(line.slice(keyAt.offset, keyAt.offset + keyAt.length), key);
	});

	// Lines that set nothing: comments, and a colon that is not followed by whitespace or has space before it.
	for (const line of ['# MAIL_HOST=smtp.example.com', '   # indented comment', 'NOSPACE:value', 'A : v', '']) {
		test(`no setting: ${JSON.stringify(line)}`, () => {
			assert.deepEqual(parse(line), {});
			assert.deepEqual(dotenvEntries(line), []);
		});
	}

	test('a multi-line double-quoted value (a PEM key) and the lines after it', () => {
		const text = 'KEY="line1\nline2"\nNEXT=after\r\nLAST=crlf';
		assert.deepEqual(parse(text), { KEY: 'line1\nline2', NEXT: 'after', LAST: 'crlf' });
		const entries = dotenvEntries(text);
		assert.deepEqual(
			entries.map((e) => [e.key, e.value, text.slice(e.valueAt.offset, e.valueAt.offset + e.valueAt.length)]),
			[
				['KEY', 'line1\nline2', 'line1\nline2'],
				['NEXT', 'after', 'after'],
				['LAST', 'crlf', 'crlf'],
			],
		);
	});
});

// Laravel's config/mail.php (https://laravel.com/docs/11.x/mail#configuration) reads MAIL_MAILER (MAIL_DRIVER before
// Laravel 7), MAIL_SCHEME (11+) or MAIL_ENCRYPTION, and MAIL_FROM_ADDRESS; its .env.example writes `null` for unset.
accountTable('dotenv', '.env: Laravel MAIL_*', [
	[
		'Laravel 11 .env for Mailgun SMTP with MAIL_SCHEME=smtps',
		'MAIL_MAILER=smtp\nMAIL_SCHEME=smtps\nMAIL_HOST=smtp.mailgun.org\nMAIL_PORT=465\nMAIL_USERNAME=postmaster@mg.example.com\nMAIL_PASSWORD=secret\nMAIL_FROM_ADDRESS="hello@example.com"',
		[
			{
				id: 'mail',
				email: 'hello@example.com',
				'email@': 'hello@example.com',
				'auth.method': 'password',
				'auth.method@': 'MAIL_PASSWORD',
				'auth.user': 'postmaster@mg.example.com',
				'auth.password': 'secret',
				'smtp.host': 'smtp.mailgun.org',
				'smtp.port': 465,
				'smtp.security': 'tls',
				'smtp.security@': 'smtps',
				'smtp.from': 'hello@example.com',
			},
		],
	],
	[
		'MAIL_SCHEME=smtp lets the port decide (587: STARTTLS)',
		'MAIL_HOST=smtp.example.com\nMAIL_PORT=587\nMAIL_SCHEME=smtp',
		[{ 'smtp.security': 'starttls', 'smtp.security@': 'smtp' }],
	],
	[
		'MAIL_SCHEME=SMTPS in capitals',
		'MAIL_HOST=smtp.example.com\nMAIL_SCHEME=SMTPS',
		[{ 'smtp.security': 'tls', 'smtp.port': 465, 'smtp.port@': 'smtp.example.com' }],
	],
	[
		'MAIL_SCHEME=null falls back to MAIL_ENCRYPTION=ssl',
		'MAIL_HOST=smtp.example.com\nMAIL_SCHEME=null\nMAIL_ENCRYPTION=ssl',
		[{ 'smtp.security': 'tls', 'smtp.security@': 'ssl', 'smtp.port': 465 }],
	],
	[
		'MAIL_ENCRYPTION=tls on 587 is STARTTLS',
		'MAIL_HOST=smtp.office365.com\nMAIL_PORT=587\nMAIL_ENCRYPTION=tls',
		[{ 'smtp.security': 'starttls', 'smtp.security@': 'tls', 'smtp.port': 587 }],
	],
	[
		'MAIL_ENCRYPTION=tls on 465 is implicit TLS (Symfony Mailer decides by the port)',
		'MAIL_HOST=smtp.example.com\nMAIL_PORT=465\nMAIL_ENCRYPTION=TLS',
		[{ 'smtp.security': 'tls', 'smtp.security@': 'TLS' }],
	],
	[
		'MAIL_ENCRYPTION=null and no port: STARTTLS on 25, pointing at MAIL_HOST',
		'MAIL_HOST=mailpit\nMAIL_ENCRYPTION=null',
		[{ 'smtp.security': 'starttls', 'smtp.security@': 'mailpit', 'smtp.port': 25, 'smtp.port@': 'mailpit' }],
	],
	[
		'the port as the anchor when nothing names the TLS mode',
		'MAIL_HOST=smtp.example.com\nMAIL_PORT=2525',
		[{ 'smtp.security': 'starttls', 'smtp.security@': '2525', 'smtp.port': 2525 }],
	],
	[
		'MAIL_USER/MAIL_PASS/MAIL_FROM spellings; null password and from mean unset',
		'MAIL_HOST=smtp.example.com\nMAIL_USER=me@example.com\nMAIL_PASS=null\nMAIL_FROM=null',
		[
			{
				email: 'me@example.com',
				'auth.user': 'me@example.com',
				'auth.password': undefined,
				'smtp.from': undefined,
				'auth.method@': 'MAIL_USER',
			},
		],
	],
	[
		'MAIL_USERNAME wins over MAIL_USER; a name without @ is no address',
		'MAIL_HOST=smtp.example.com\nMAIL_USER=other\nMAIL_USERNAME=apikey',
		[{ 'auth.user': 'apikey', email: undefined }],
	],
	['MAIL_MAILER=log: no account', 'MAIL_MAILER=log\nMAIL_HOST=127.0.0.1', []],
	['MAIL_DRIVER=sendmail (Laravel <= 6): no account', 'MAIL_DRIVER=sendmail\nMAIL_HOST=127.0.0.1', []],
	[
		'MAIL_DRIVER=SMTP: an account',
		'MAIL_DRIVER=SMTP\nMAIL_HOST=smtp.example.com',
		[{ 'smtp.host': 'smtp.example.com' }],
	],
	['MAIL_HOST empty: no account', 'MAIL_MAILER=smtp\nMAIL_HOST=\nMAIL_PORT=587', []],
	['MAIL_HOST blank in quotes: no account', 'MAIL_HOST=" "', []],
]);

// nodemailer's options (https://nodemailer.com/smtp/#general-options: `secure` is implicit TLS, default port 587, or
// 465 when secure) as apps feed them from SMTP_*; imapflow's `secure` from IMAP_* (default port 993 / 143).
accountTable('dotenv', '.env: SMTP_* and IMAP_*', [
	[
		'SMTP_SERVER/SMTP_LOGIN/SMTP_PASS/SMTP_SENDER spellings',
		'SMTP_SERVER=smtp.example.com\nSMTP_LOGIN=me\nSMTP_PASS=pw\nSMTP_SENDER=me@example.com',
		[
			{
				id: 'smtp',
				'smtp.host': 'smtp.example.com',
				'auth.user': 'me',
				'auth.password': 'pw',
				email: 'me@example.com',
				'smtp.from': 'me@example.com',
				'smtp.port': 587,
				'smtp.security': 'starttls',
			},
		],
	],
	[
		'SMTP_FROM_EMAIL spelling',
		'SMTP_HOST=smtp.example.com\nSMTP_FROM_EMAIL=noreply@example.com',
		[{ 'smtp.from': 'noreply@example.com', 'smtp.from@': 'noreply@example.com' }],
	],
	[
		'SMTP_USERNAME with an address is the email',
		'SMTP_HOST=smtp.example.com\nSMTP_USERNAME=me@example.com',
		[{ email: 'me@example.com', 'email@': 'me@example.com', 'auth.password': undefined }],
	],
	[
		'SMTP_SECURE=1',
		'SMTP_HOST=smtp.example.com\nSMTP_SECURE=1',
		[{ 'smtp.security': 'tls', 'smtp.port': 465, 'smtp.security@': '1' }],
	],
	['SMTP_SECURE=0', 'SMTP_HOST=smtp.example.com\nSMTP_SECURE=0', [{ 'smtp.security': 'starttls', 'smtp.port': 587 }]],
	['SMTP_SECURE=no', 'SMTP_HOST=smtp.example.com\nSMTP_SECURE=no', [{ 'smtp.security': 'starttls' }]],
	['SMTP_SECURE=off', 'SMTP_HOST=smtp.example.com\nSMTP_SECURE=off', [{ 'smtp.security': 'starttls' }]],
	['SMTP_SECURE=Y', 'SMTP_HOST=smtp.example.com\nSMTP_SECURE=Y', [{ 'smtp.security': 'tls' }]],
	[
		'SMTP_SECURE with a placeholder is no flag: SMTP_SSL decides',
		'SMTP_HOST=smtp.example.com\nSMTP_SECURE=${SECURE}\nSMTP_SSL=true',
		[{ 'smtp.security': 'tls', 'smtp.security@': 'true' }],
	],
	[
		'SMTP_TLS is not read for SMTP (only imapflow apps use IMAP_TLS)',
		'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\nSMTP_TLS=true',
		[{ 'smtp.security': 'starttls', 'smtp.security@': '587' }],
	],
	[
		'SMTP_STARTTLS=true',
		'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\nSMTP_STARTTLS=true',
		[{ 'smtp.security': 'starttls', 'smtp.security@': 'true' }],
	],
	[
		'SMTP_STARTTLS=false on 465 leaves it to the port',
		'SMTP_HOST=smtp.example.com\nSMTP_PORT=465\nSMTP_STARTTLS=false',
		[{ 'smtp.security': 'tls', 'smtp.security@': 'false' }],
	],
	[
		'SMTP_STARTTLS=maybe is no flag',
		'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\nSMTP_STARTTLS=maybe',
		[{ 'smtp.security@': '587' }],
	],
	[
		'SMTP_ENCRYPTION=ssl',
		'SMTP_HOST=smtp.example.com\nSMTP_ENCRYPTION=ssl',
		[{ 'smtp.security': 'tls', 'smtp.port': 465 }],
	],
	['SMTP_ENCRYPTION=smtps', 'SMTP_HOST=smtp.example.com\nSMTP_ENCRYPTION=smtps', [{ 'smtp.security': 'tls' }]],
	[
		'SMTP_ENCRYPTION=tls-implicit',
		'SMTP_HOST=smtp.example.com\nSMTP_ENCRYPTION=tls-implicit',
		[{ 'smtp.security': 'tls' }],
	],
	[
		'SMTP_ENCRYPTION=TLS',
		'SMTP_HOST=smtp.example.com\nSMTP_ENCRYPTION=TLS',
		[{ 'smtp.security': 'starttls', 'smtp.security@': 'TLS' }],
	],
	[
		'SMTP_ENCRYPTION=starttls',
		'SMTP_HOST=smtp.example.com\nSMTP_ENCRYPTION=starttls',
		[{ 'smtp.security': 'starttls' }],
	],
	[
		'SMTP_ENCRYPTION=none',
		'SMTP_HOST=smtp.example.com\nSMTP_ENCRYPTION=none',
		[{ 'smtp.security': 'none', 'smtp.security@': 'none' }],
	],
	['SMTP_ENCRYPTION=false', 'SMTP_HOST=smtp.example.com\nSMTP_ENCRYPTION=false', [{ 'smtp.security': 'none' }]],
	['SMTP_ENCRYPTION=off', 'SMTP_HOST=smtp.example.com\nSMTP_ENCRYPTION=off', [{ 'smtp.security': 'none' }]],
	[
		'SMTP_SECURITY=ssl',
		'SMTP_HOST=smtp.example.com\nSMTP_SECURITY=ssl',
		[{ 'smtp.security': 'tls', 'smtp.security@': 'ssl' }],
	],
	[
		'SMTP_ENCRYPTION with an unknown word: the port decides',
		'SMTP_HOST=smtp.example.com\nSMTP_PORT=465\nSMTP_ENCRYPTION=auto',
		[{ 'smtp.security': 'tls', 'smtp.security@': '465' }],
	],
	[
		'SMTP_ENCRYPTION empty: the port decides',
		'SMTP_HOST=smtp.example.com\nSMTP_ENCRYPTION=',
		[{ 'smtp.security': 'starttls', 'smtp.port': 587 }],
	],
	[
		'IMAP_SERVER/IMAP_LOGIN/IMAP_PASS with IMAP_TLS',
		'IMAP_SERVER=imap.example.com\nIMAP_LOGIN=me@example.com\nIMAP_PASS=pw\nIMAP_TLS=true',
		[
			{
				id: 'imap',
				'imap.host': 'imap.example.com',
				'imap.port': 993,
				'imap.security': 'tls',
				'auth.user': 'me@example.com',
				email: 'me@example.com',
				'smtp.host': undefined,
			},
		],
	],
	[
		'IMAP_ENCRYPTION=imaps',
		'IMAP_HOST=imap.example.com\nIMAP_ENCRYPTION=imaps',
		[{ 'imap.security': 'tls', 'imap.port': 993 }],
	],
	[
		'IMAP on 993 without a flag',
		'IMAP_HOST=imap.example.com\nIMAP_PORT=993',
		[{ 'imap.security': 'tls', 'imap.port': 993 }],
	],
	[
		'IMAP without port or flag',
		'IMAP_HOST=imap.example.com\nIMAP_USERNAME=me',
		[{ 'imap.security': 'starttls', 'imap.port': 143, 'auth.user': 'me' }],
	],
	['IMAP_PORT with spaces is still a number', 'IMAP_HOST=imap.example.com\nIMAP_PORT=" 993 "', [{ 'imap.port': 993 }]],
	['IMAP_PORT that is no number stays text', 'IMAP_HOST=imap.example.com\nIMAP_PORT=imaps', [{ 'imap.port': 'imaps' }]],
	[
		'SMTP and IMAP in one file, in file order',
		'IMAP_HOST=imap.example.com\nSMTP_HOST=smtp.example.com',
		[{ id: 'imap' }, { id: 'smtp' }],
	],
]);

// Django's EMAIL_* settings (https://docs.djangoproject.com/en/5.1/ref/settings/#email-use-tls): EMAIL_USE_TLS is
// STARTTLS, EMAIL_USE_SSL implicit TLS, neither plain text, EMAIL_PORT defaults to 25.
accountTable('dotenv', '.env: Django EMAIL_*', [
	[
		'EMAIL_USE_SSL=True',
		'EMAIL_HOST=smtp.example.com\nEMAIL_PORT=465\nEMAIL_HOST_USER=me@example.com\nEMAIL_HOST_PASSWORD=pw\nEMAIL_USE_SSL=True',
		[{ id: 'email', 'smtp.security': 'tls', 'smtp.security@': 'True', email: 'me@example.com', 'auth.password': 'pw' }],
	],
	[
		'EMAIL_USE_TLS=True',
		'EMAIL_HOST=smtp.example.com\nEMAIL_USE_TLS=True',
		[{ 'smtp.security': 'starttls', 'smtp.security@': 'True', 'smtp.port': 25 }],
	],
	[
		'EMAIL_USE_TLS=False',
		'EMAIL_HOST=smtp.example.com\nEMAIL_USE_TLS=False',
		[{ 'smtp.security': 'none', 'smtp.security@': 'False' }],
	],
	[
		'EMAIL_USE_SSL=False, EMAIL_USE_TLS unset',
		'EMAIL_HOST=smtp.example.com\nEMAIL_USE_SSL=False',
		[{ 'smtp.security': 'none', 'smtp.security@': 'False' }],
	],
	[
		'neither',
		'EMAIL_HOST=smtp.example.com',
		[{ 'smtp.security': 'none', 'smtp.security@': 'smtp.example.com', 'smtp.port': 25 }],
	],
	[
		'DEFAULT_FROM_EMAIL',
		'EMAIL_HOST=smtp.example.com\nDEFAULT_FROM_EMAIL=webmaster@example.com',
		[{ 'smtp.from': 'webmaster@example.com', email: 'webmaster@example.com' }],
	],
	[
		'EMAIL_FROM',
		'EMAIL_HOST=smtp.example.com\nEMAIL_FROM=noreply@example.com',
		[{ 'smtp.from': 'noreply@example.com' }],
	],
]);

// Symfony Mailer DSNs (https://symfony.com/doc/current/mailer.html#using-built-in-transports: `smtp://user:pass@host:port`,
// `smtps://` for implicit TLS, port 465 or else 25 by default), Meteor's MAIL_URL and django-environ's EMAIL_URL
// (https://django-environ.readthedocs.io/en/latest/types.html#environ-env-email-url: `smtps` sets EMAIL_USE_TLS,
// `smtp+ssl` EMAIL_USE_SSL, `smtp+tls` EMAIL_USE_TLS).
accountTable('dotenv', '.env: mail URLs', [
	[
		'MAILER_DSN with user, password and port',
		'MAILER_DSN=smtp://user%40example.com:p%40ss@smtp.example.com:587',
		[
			{
				id: 'mailer-dsn',
				'id@': 'MAILER_DSN',
				email: 'user@example.com',
				'email@': 'user%40example.com',
				'auth.user': 'user@example.com',
				'auth.password': 'p@ss',
				'auth.password@': 'p%40ss',
				'auth.method@': 'p%40ss',
				'smtp.host': 'smtp.example.com',
				'smtp.host@': 'smtp.example.com',
				'smtp.port': 587,
				'smtp.port@': '587',
				'smtp.security': 'starttls',
				'smtp.security@': 'smtp',
			},
		],
	],
	['smtp:// on 465', 'MAILER_DSN=smtp://smtp.example.com:465', [{ 'smtp.security': 'tls', 'auth.user': undefined }]],
	[
		'smtp:// without port: 25',
		'MAILER_DSN=smtp://smtp.example.com',
		[{ 'smtp.port': 25, 'smtp.port@': 'smtp.example.com', 'smtp.security': 'starttls' }],
	],
	[
		'smtps:// without port: 465',
		'MAILER_DSN=smtps://smtp.example.com',
		[{ 'smtp.port': 465, 'smtp.security': 'tls', 'smtp.security@': 'smtps' }],
	],
	['smtp+ssl://', 'MAIL_URL=smtp+ssl://smtp.example.com', [{ 'smtp.security': 'tls', 'smtp.port': 465 }]],
	[
		'smtp+tls://',
		'MAIL_URL=smtp+tls://smtp.example.com:587',
		[{ 'smtp.security': 'starttls', 'smtp.security@': 'smtp+tls' }],
	],
	['smtp+starttls://', 'MAIL_URL=smtp+starttls://smtp.example.com:587', [{ 'smtp.security': 'starttls' }]],
	['submission://', 'MAIL_URL=submission://smtp.example.com:587', [{ 'smtp.security': 'starttls', 'smtp.port': 587 }]],
	[
		'imaps://',
		'IMAP_URL=imaps://me:pw@imap.example.com',
		[{ id: 'imap-url', 'imap.security': 'tls', 'imap.port': 993, 'auth.user': 'me', email: undefined }],
	],
	['imap:// on 993', 'IMAP_URL=imap://imap.example.com:993', [{ 'imap.security': 'tls', 'imap.port': 993 }]],
	[
		'imap:// without port: 143',
		'IMAP_URL=imap://imap.example.com',
		[{ 'imap.security': 'starttls', 'imap.port': 143 }],
	],
	[
		'user without password',
		'MAILER_DSN=smtp://apikey@smtp.sendgrid.net:587',
		[{ 'auth.user': 'apikey', 'auth.password': undefined, 'auth.method@': 'apikey' }],
	],
	[
		'password only',
		'MAILER_DSN=smtp://:secret@smtp.example.com',
		[{ 'auth.user': undefined, 'auth.password': 'secret' }],
	],
	[
		'a password that is not valid percent-encoding stays as written',
		'MAILER_DSN=smtp://me:100%@smtp.example.com',
		[{ 'auth.password': '100%' }],
	],
	[
		'a ${VAR} password is a reference',
		'MAILER_DSN=smtp://me:${SMTP_PASSWORD}@smtp.example.com',
		[{ 'auth.password': '${env:SMTP_PASSWORD}' }],
	],
	['IPv6 host in brackets', 'MAILER_DSN=smtp://[::1]:1025', [{ 'smtp.host': '[::1]', 'smtp.port': 1025 }]],
	[
		'quoted value',
		'MAILER_DSN="smtp://smtp.example.com:587"',
		[{ 'smtp.host@': 'smtp.example.com', 'smtp.port@': '587' }],
	],
	[
		'EMAIL_URL smtp:// is plain text in django-environ',
		'EMAIL_URL=smtp://smtp.example.com:587',
		[{ id: 'email-url', 'smtp.security': 'none' }],
	],
	[
		'EMAIL_URL smtps:// is STARTTLS in django-environ',
		'EMAIL_URL=smtps://smtp.example.com:587',
		[{ 'smtp.security': 'starttls' }],
	],
	['EMAIL_URL smtp+ssl:// is implicit TLS', 'EMAIL_URL=smtp+ssl://smtp.example.com:465', [{ 'smtp.security': 'tls' }]],
	['a URL of another scheme is no account', 'REDIS_URL=redis://cache:6379', []],
	['a URL without host is no account', 'MAILER_DSN=smtp://', []],
	['null://null (Symfony\'s "no mail") is no account', 'MAILER_DSN=null://null', []],
]);

describe('.env: accounts in file order', () => {
	test('a DSN above the Laravel block comes first', () => {
		const text = 'MAILER_DSN=smtp://a.example.com\nMAIL_HOST=b.example.com';
		assert.deepEqual(
			flatAccounts('dotenv', text).map((a) => a.id),
			['mailer-dsn', 'mail'],
		);
	});
});
