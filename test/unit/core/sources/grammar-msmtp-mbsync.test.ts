/**
 * msmtp and mbsync files, row by row. msmtp: one `command argument` per line, `#` lines and blank lines ignored, the
 * argument optionally in double quotes with `\` escapes, on/off commands whose left-out argument means `on`, and the
 * defaults `tls off`, `tls_starttls on`, port 25 or 465 (https://marlam.de/msmtp/msmtp.html#Configuration-files).
 * mbsync: case-insensitive keywords, sections ended by a blank line, arguments as isync's get_arg reads them (quotes
 * group, also inside a word; a backslash escapes the next character; an argument that starts with `#` begins a
 * comment), `SSLType`/`TLSType` (default STARTTLS), port 993 with IMAPS else 143 (https://isync.sourceforge.io/mbsync.html).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mbsyncLine } from '../../../../src/core/sources/mbsync';
import { keyValueLine } from '../../../../src/core/sources/msmtp';
import { type EntryRow, accountTable, entryTable } from './helpers';

describe('mbsync `Keyword arguments` lines: key, value, and the text the value span covers', () => {
	// [line, key (lower case), value, text under the value span]
	const rows: EntryRow[] = [
		['Host imap.example.com', 'host', 'imap.example.com', 'imap.example.com'],
		['  Host\timap.example.com   # the work server', 'host', 'imap.example.com', 'imap.example.com'],
		['User CONTOSO\\\\scanner', 'user', 'CONTOSO\\scanner', 'CONTOSO\\\\scanner'],
		['User me"@"example.org', 'user', 'me@example.org', 'me"@"example.org'],
		['PassCmd "pass show mail/work"', 'passcmd', 'pass show mail/work', 'pass show mail/work'],
		['PassCmd "pass show \\"work\\""', 'passcmd', 'pass show "work"', 'pass show \\"work\\"'],
		['AuthMechs XOAUTH2   PLAIN', 'authmechs', 'XOAUTH2 PLAIN', 'XOAUTH2   PLAIN'],
		['Pass pass#word', 'pass', 'pass#word', 'pass#word'],
		['SSLType', 'ssltype', '', ''],
	];
	entryTable((line) => [mbsyncLine(line, 0)], rows);
	for (const line of ['# Host imap.example.com', '   # indented comment', '', '   ']) {
		test(`no setting: ${JSON.stringify(line)}`, () => assert.equal(mbsyncLine(line, 0), undefined));
	}
});

describe('msmtp `command argument` lines: key, value, and the text the value span covers', () => {
	// [line, key (lower case), value, text under the value span]
	const rows: EntryRow[] = [
		['host smtp.gmail.com', 'host', 'smtp.gmail.com', 'smtp.gmail.com'],
		['  host\tsmtp.gmail.com  ', 'host', 'smtp.gmail.com', 'smtp.gmail.com'],
		['Host   imap.example.com', 'host', 'imap.example.com', 'imap.example.com'],
		['password "two words"', 'password', 'two words', 'two words'],
		['password "a \\"quoted\\" \\\\ word"', 'password', 'a "quoted" \\ word', 'a \\"quoted\\" \\\\ word'],
		['password pass#word', 'password', 'pass#word', 'pass#word'],
		['password "', 'password', '"', '"'],
		['password ""', 'password', '', ''],
		['tls', 'tls', '', ''],
		['tls   ', 'tls', '', ''],
		['PassCmd "pass show mail/gmail"', 'passcmd', 'pass show mail/gmail', 'pass show mail/gmail'],
	];
	entryTable((line) => [keyValueLine(line, 0)], rows);
	for (const line of ['# host smtp.gmail.com', '   # indented comment', '', '   ', 'host\u000bsmtp.gmail.com']) {
		test(`no setting: ${JSON.stringify(line)}`, () => assert.equal(keyValueLine(line, 0), undefined));
	}
});

accountTable('msmtp', 'msmtprc: TLS, port and login', [
	[
		"the manual's example: Gmail with passwordeval",
		'defaults\nauth on\ntls on\ntls_trust_file /etc/ssl/certs/ca-certificates.crt\nlogfile ~/.msmtp.log\n\n# Gmail\naccount gmail\nhost smtp.gmail.com\nport 587\nfrom username@gmail.com\nuser username\npasswordeval "gpg --no-tty -q -d ~/.msmtp-gmail.gpg"\n\naccount default : gmail\n',
		[
			{
				id: 'gmail',
				'id@': 'gmail',
				email: 'username@gmail.com',
				'auth.method': 'password',
				'auth.method@': 'on',
				'auth.user': 'username',
				'auth.password': '${secret:GMAIL_PASSWORD}',
				'auth.password@': 'gpg --no-tty -q -d ~/.msmtp-gmail.gpg',
				'smtp.host': 'smtp.gmail.com',
				'smtp.port': 587,
				'smtp.security': 'starttls',
				'smtp.security@': 'on',
				'smtp.from': 'username@gmail.com',
			},
		],
	],
	[
		'nothing about TLS: plain text on 25',
		'account a\nhost mail.example.com',
		[{ 'smtp.security': 'none', 'smtp.security@': 'mail.example.com', 'smtp.port': 25, 'auth.method': undefined }],
	],
	['tls off', 'account a\nhost mail.example.com\ntls off', [{ 'smtp.security': 'none', 'smtp.security@': 'off' }]],
	[
		'tls on: STARTTLS on 25',
		'account a\nhost mail.example.com\ntls on',
		[{ 'smtp.security': 'starttls', 'smtp.port': 25 }],
	],
	['`tls` alone is on', 'account a\nhost mail.example.com\ntls', [{ 'smtp.security': 'starttls' }]],
	[
		'tls on, tls_starttls off: implicit TLS on 465',
		'account a\nhost mail.example.com\ntls on\ntls_starttls off',
		[{ 'smtp.security': 'tls', 'smtp.security@': 'off', 'smtp.port': 465 }],
	],
	[
		'tls on, tls_starttls on',
		'account a\nhost mail.example.com\ntls on\ntls_starttls on',
		[{ 'smtp.security': 'starttls', 'smtp.security@': 'on' }],
	],
	[
		'`tls_starttls` alone is on',
		'account a\nhost mail.example.com\ntls on\ntls_starttls',
		[{ 'smtp.security': 'starttls' }],
	],
	[
		'tls_starttls off without tls: plain text',
		'account a\nhost mail.example.com\ntls_starttls off',
		[{ 'smtp.security': 'none' }],
	],
	[
		'tls_certcheck off',
		'account a\nhost mail.example.com\ntls on\ntls_certcheck off',
		[{ 'smtp.tls.rejectUnauthorized': false, 'smtp.tls.rejectUnauthorized@': 'off' }],
	],
	[
		'tls_certcheck on / alone',
		'account a\nhost mail.example.com\ntls on\ntls_certcheck',
		[{ 'smtp.tls.rejectUnauthorized': undefined }],
	],
	['port as text', 'account a\nhost mail.example.com\nport smtps', [{ 'smtp.port': 'smtps', 'smtp.port@': 'smtps' }]],
	[
		'auth off: no login',
		'account a\nhost mail.example.com\nauth off\nuser me\npassword pw',
		[{ 'auth.method': undefined, 'auth.user': undefined }],
	],
	[
		'`auth` alone is on',
		'account a\nhost mail.example.com\nauth\nuser me\npassword pw',
		[{ 'auth.method': 'password', 'auth.user': 'me', 'auth.password': 'pw' }],
	],
	[
		'auth plain',
		'account a\nhost mail.example.com\nauth plain\nuser me\npassword "p w"',
		[{ 'auth.method': 'password', 'auth.password': 'p w', 'auth.password@': 'p w' }],
	],
	[
		'auth xoauth2 with passwordeval: OAuth2, no password',
		'account a\nhost smtp.gmail.com\nauth xoauth2\nuser me@gmail.com\npasswordeval "oama access me@gmail.com"',
		[{ 'auth.method': 'oauth2', 'auth.password': undefined, email: 'me@gmail.com' }],
	],
	['auth OAUTHBEARER', 'account a\nhost smtp.gmail.com\nauth OAUTHBEARER', [{ 'auth.method': 'oauth2' }]],
	[
		'password wins over passwordeval',
		'account a\nhost mail.example.com\nauth on\npassword literal\npasswordeval "pass show x"',
		[{ 'auth.password': 'literal' }],
	],
	[
		'from with %U substitution is no address; user is',
		'account a\nhost mail.example.com\nfrom %U@example.com\nuser me@example.com',
		[{ email: 'me@example.com', 'smtp.from': undefined }],
	],
	['empty host: no account', 'account a\nhost ""', []],
	[
		'KEYWORDS in capitals',
		'account a\nHOST mail.example.com\nTLS on\nPORT 465\nTLS_STARTTLS off',
		[{ 'smtp.host': 'mail.example.com', 'smtp.security': 'tls', 'smtp.port': 465 }],
	],
]);

accountTable('msmtp', 'msmtprc: defaults, inheritance, sections', [
	[
		'settings before any section are defaults',
		'tls on\nport 587\naccount a\nhost a.example.com',
		[{ 'smtp.security': 'starttls', 'smtp.port': 587 }],
	],
	[
		'a later defaults section applies to the accounts after it',
		'account a\nhost a.example.com\ndefaults\ntls on\naccount b\nhost b.example.com',
		[
			{ id: 'a', 'smtp.security': 'none' },
			{ id: 'b', 'smtp.security': 'starttls' },
		],
	],
	[
		'defaults add up',
		'defaults\ntls on\ndefaults\nport 587\naccount a\nhost a.example.com',
		[{ 'smtp.security': 'starttls', 'smtp.port': 587 }],
	],
	[
		'an account inherits from its parents, in order, then its own settings (p2 has no host: no account)',
		'account base\nhost base.example.com\nport 25\naccount p2\nport 2525\naccount work : base, p2\nuser me',
		[{ id: 'base' }, { id: 'work', 'id@': 'work', 'smtp.host': 'base.example.com', 'smtp.port': 2525 }],
	],
	[
		'an unknown parent adds nothing',
		'account a : nosuch\nhost a.example.com',
		[{ id: 'a', 'smtp.host': 'a.example.com' }],
	],
	[
		'`account default : gmail` is not a second account',
		'account gmail\nhost smtp.gmail.com\naccount default : gmail',
		[{ id: 'gmail' }],
	],
]);

accountTable('mbsync', 'mbsyncrc: IMAPAccount settings', [
	[
		"the manual's example with PassCmd",
		'IMAPAccount work\nHost imap.example.com\nUser me@example.com\nPassCmd "pass show work"\nSSLType IMAPS\nSSLVersions TLSv1.2 TLSv1.3\n\nIMAPStore work-remote\nAccount work\n',
		[
			{
				id: 'work',
				'id@': 'work',
				email: 'me@example.com',
				'auth.method': 'password',
				'auth.method@': 'pass show work',
				'auth.password': '${secret:WORK_PASSWORD}',
				'imap.host': 'imap.example.com',
				'imap.port': 993,
				'imap.port@': 'imap.example.com',
				'imap.security': 'tls',
				'imap.security@': 'IMAPS',
				'imap.tls.minVersion': 'TLSv1.2',
				'imap.tls.minVersion@': 'TLSv1.2 TLSv1.3',
			},
		],
	],
	[
		'no SSLType: STARTTLS on 143',
		'IMAPAccount a\nHost imap.example.com\nUser me',
		[
			{
				'imap.security': 'starttls',
				'imap.security@': 'imap.example.com',
				'imap.port': 143,
				email: undefined,
				'auth.method@': 'me',
			},
		],
	],
	[
		'SSLType STARTTLS',
		'IMAPAccount a\nHost imap.example.com\nSSLType STARTTLS',
		[{ 'imap.security': 'starttls', 'imap.security@': 'STARTTLS' }],
	],
	[
		'SSLType None',
		'IMAPAccount a\nHost imap.example.com\nSSLType None',
		[{ 'imap.security': 'none', 'imap.port': 143 }],
	],
	[
		'TLSType imaps (isync 1.5, any case)',
		'IMAPAccount a\nHost imap.example.com\nTLSType imaps',
		[{ 'imap.security': 'tls', 'imap.port': 993 }],
	],
	[
		'TLSType wins over SSLType',
		'IMAPAccount a\nHost imap.example.com\nSSLType None\nTLSType IMAPS',
		[{ 'imap.security': 'tls', 'imap.security@': 'IMAPS' }],
	],
	[
		'an unknown SSLType word: STARTTLS',
		'IMAPAccount a\nHost imap.example.com\nSSLType maybe',
		[{ 'imap.security': 'starttls' }],
	],
	[
		'legacy UseIMAPS yes',
		'IMAPAccount a\nHost imap.example.com\nUseIMAPS yes',
		[{ 'imap.security': 'tls', 'imap.security@': 'yes' }],
	],
	['legacy UseIMAPS no', 'IMAPAccount a\nHost imap.example.com\nUseIMAPS no', [{ 'imap.security': 'starttls' }]],
	['Port', 'IMAPAccount a\nHost imap.example.com\nPort 1143', [{ 'imap.port': 1143, 'imap.port@': '1143' }]],
	[
		'Pass literal, quoted',
		'IMAPAccount a\nHost imap.example.com\nPass "p w"',
		[{ 'auth.password': 'p w', 'auth.password@': 'p w', 'auth.method@': 'p w' }],
	],
	[
		'AuthMechs XOAUTH2: OAuth2, no password',
		'IMAPAccount a\nHost imap.gmail.com\nAuthMechs XOAUTH2\nPassCmd "oama access me@gmail.com"',
		[{ 'auth.method': 'oauth2', 'auth.method@': 'XOAUTH2', 'auth.password': undefined }],
	],
	[
		'AuthMech (older spelling) LOGIN',
		'IMAPAccount a\nHost imap.example.com\nAuthMech LOGIN\nPass pw',
		[{ 'auth.method': 'password', 'auth.method@': 'LOGIN' }],
	],
	[
		'AuthMechs naming XOAUTH2 as part of a longer word is not OAuth2',
		'IMAPAccount a\nHost imap.example.com\nAuthMechs XOAUTH2X',
		[{ 'auth.method': 'password' }],
	],
	[
		'TLSVersions lowest of several, order and + prefix ignored',
		'IMAPAccount a\nHost imap.example.com\nTLSVersions +TLSv1.3 +tlsv1.1',
		[{ 'imap.tls.minVersion': 'TLSv1.1' }],
	],
	[
		'SSLVersions with only unknown words: no minimum',
		'IMAPAccount a\nHost imap.example.com\nSSLVersions SSLv3',
		[{ 'imap.tls.minVersion': undefined }],
	],
	['empty Host: no account', 'IMAPAccount a\nHost ""', []],
]);

accountTable('mbsync', 'mbsyncrc: sections', [
	['a blank line ends the section', 'IMAPAccount a\nUser me\n\nHost imap.example.com', []],
	[
		'a comment line does not',
		'IMAPAccount a\n# the server\nHost imap.example.com',
		[{ id: 'a', 'imap.host': 'imap.example.com' }],
	],
	['an IMAPStore with its own Host counts', 'IMAPStore remote\nHost imap.example.com\nUser me', [{ id: 'remote' }]],
	[
		'an IMAPStore pointing at an account does not',
		'IMAPAccount a\nHost imap.example.com\n\nIMAPStore remote\nAccount a',
		[{ id: 'a' }],
	],
	[
		'a MaildirStore or Channel section ends the account',
		'IMAPAccount a\nHost imap.example.com\nChannel c\nPort 1',
		[{ 'imap.port': 143 }],
	],
	['keywords in any case', 'imapaccount a\nHOST imap.example.com\nssltype imaps', [{ 'imap.security': 'tls' }]],
	[
		'two accounts',
		'IMAPAccount a\nHost a.example.com\n\nIMAPAccount b\nHost b.example.com\n',
		[{ id: 'a' }, { id: 'b' }],
	],
]);
