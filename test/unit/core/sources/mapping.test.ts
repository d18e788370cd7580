/**
 * What each adapter makes of the lines people actually write, case by case: quoting and escapes, boolean words,
 * comment and blank lines, TLS flags, separators, defaults, and the quick-fix text written back in the file's own
 * syntax. Each table row is a line (or block) as it appears in real projects' files; the comment above a table names
 * where such lines come from. These are the cases a sampled mutation run (issue #16) found untested.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { convertSource } from '../../../../src/core/sources/convert';
import { dotenvAccounts } from '../../../../src/core/sources/dotenv';
import { sourceAccounts } from '../../../../src/core/sources/formats';
import { type SourceFormat, baseName } from '../../../../src/core/sources/names';
import { propertiesEntries, springAccounts } from '../../../../src/core/sources/spring';
import { type Branch, type Leaf, type MappedAccount, accountValues } from '../../../../src/core/sources/tree';
import { fixture } from './helpers';

type Server = { host?: string; port?: unknown; security?: string };
type Value = { id?: string; email?: string; imap?: Server; smtp?: Server; auth?: Record<string, unknown> };

/** The plain values of the accounts a file maps to, as `mailcfg test` and the rules see them. */
function values(format: SourceFormat, text: string, context = {}): Value[] {
	return accountValues(text, sourceAccounts(format, text, context)) as Value[];
}

/** The mapped leaf at `path` (e.g. `smtp.security`) of an account. */
function leafAt(account: MappedAccount, path: string): Leaf {
	let node: Branch | Leaf = account.fields;
	for (const name of path.split('.')) node = (node as Branch).fields[name]!;
	return node as Leaf;
}

/** The text a leaf points at (what a finding underlines, what a quick fix replaces). */
function textAt(text: string, leaf: Leaf): string {
	return text.slice(leaf.at.offset, leaf.at.offset + leaf.at.length);
}

/** The file after a quick fix writes `value` at `path`; undefined when the writer offers no edit. */
function written(text: string, account: MappedAccount, path: string, value: unknown): string | undefined {
	const edit = leafAt(account, path).write?.(value);
	return edit && text.slice(0, edit.at.offset) + edit.text + text.slice(edit.at.offset + edit.at.length);
}

describe('.env: TLS flags of nodemailer/imapflow apps', () => {
	// nodemailer's `secure` option is commonly fed from SMTP_SECURE (some apps name it SMTP_SSL), imapflow's from
	// IMAP_TLS or IMAP_SECURE; many .env files leave the port out and let the flag decide.
	const cases: [string, string, string][] = [
		['SMTP_HOST=smtp.gmail.com\nSMTP_SECURE=true', 'smtp', 'tls 465'],
		['SMTP_HOST=smtp.gmail.com\nSMTP_SECURE=false', 'smtp', 'starttls 587'],
		['SMTP_HOST=smtp.zoho.eu\nSMTP_SSL=True', 'smtp', 'tls 465'],
		['SMTP_HOST=smtp.zoho.eu\nSMTP_SSL=yes', 'smtp', 'tls 465'],
		['IMAP_HOST=imap.gmx.net\nIMAP_TLS=true', 'imap', 'tls 993'],
		['IMAP_HOST=imap.gmx.net\nIMAP_SECURE=on', 'imap', 'tls 993'],
		['IMAP_HOST=imap.gmx.net\nIMAP_TLS=false', 'imap', 'starttls 143'],
		// No flag at all: nodemailer's default (secure: false) on its default port 587.
		['SMTP_HOST=smtp.sendgrid.net\nSMTP_USER=apikey', 'smtp', 'starttls 587'],
	];
	for (const [text, protocol, expected] of cases) {
		test(text.replace('\n', ' / '), () => {
			const server = values('dotenv', text)[0]![protocol as 'smtp' | 'imap']!;
			assert.equal(`${server.security} ${String(server.port)}`, expected);
		});
	}

	test('SMTP_STARTTLS=true asks for STARTTLS even on 465, and the finding points at that line', () => {
		// Apps with a separate STARTTLS switch (e.g. `SMTP_STARTTLS=true` for nodemailer's requireTLS).
		const text = 'SMTP_HOST=smtp.office365.com\nSMTP_PORT=465\nSMTP_STARTTLS=true\n';
		const [account] = dotenvAccounts(text);
		const security = leafAt(account!, 'smtp.security');
		assert.equal(security.value, 'starttls');
		assert.equal(
			text.slice(security.at.offset - 'SMTP_STARTTLS='.length, security.at.offset + 4),
			'SMTP_STARTTLS=true',
		);
	});

	// SMTP_ENCRYPTION / SMTP_SECURITY words as apps document them (ssl, tls, starttls, none; PHP apps write false/off).
	const words: [string, string][] = [
		['ssl', 'tls'],
		['SSL', 'tls'],
		['tls', 'starttls'],
		['STARTTLS', 'starttls'],
		['none', 'none'],
		['false', 'none'],
		['off', 'none'],
	];
	for (const [word, expected] of words) {
		test(`SMTP_ENCRYPTION=${word} → ${expected}`, () => {
			const text = `SMTP_HOST=mail.example.org\nSMTP_PORT=25\nSMTP_ENCRYPTION=${word}\n`;
			assert.equal(values('dotenv', text)[0]!.smtp!.security, expected);
		});
	}
});

describe('.env: which files configure an account at all', () => {
	test('Laravel with MAIL_MAILER=log or an empty MAIL_HOST has no SMTP account; MAIL_MAILER=smtp has one', () => {
		// Lines of Laravel's .env.example (laravel/laravel): MAIL_MAILER=log, MAIL_HOST=127.0.0.1, MAIL_PORT=2525.
		assert.deepEqual(values('dotenv', 'MAIL_MAILER=log\nMAIL_HOST=smtp.mailgun.org\nMAIL_PORT=587\n'), []);
		assert.deepEqual(values('dotenv', 'MAIL_MAILER=smtp\nMAIL_HOST=\nMAIL_PORT=587\n'), []);
		assert.deepEqual(values('dotenv', 'MAIL_MAILER=smtp\nMAIL_HOST=""\nMAIL_PORT=587\n'), []);
		assert.equal(values('dotenv', 'MAIL_MAILER=smtp\nMAIL_HOST=smtp.mailgun.org\nMAIL_PORT=587\n').length, 1);
	});
});

describe('.env: quick fixes write .env lines', () => {
	test('Django without EMAIL_USE_SSL/EMAIL_USE_TLS: the fix adds the one for the mode asked for', () => {
		// django.env's lines with both flags removed: Django then talks plain text.
		const text = 'EMAIL_HOST=smtp.gmail.com\nEMAIL_PORT=465\nEMAIL_HOST_USER=alerts@gmail.com\n';
		const [account] = dotenvAccounts(text);
		assert.equal(leafAt(account!, 'smtp.security').value, 'none');
		assert.equal(
			written(text, account!, 'smtp.security', 'tls'),
			'EMAIL_HOST=smtp.gmail.com\nEMAIL_USE_SSL=True\nEMAIL_PORT=465\nEMAIL_HOST_USER=alerts@gmail.com\n',
		);
		assert.equal(
			written(text, account!, 'smtp.security', 'starttls'),
			'EMAIL_HOST=smtp.gmail.com\nEMAIL_USE_TLS=True\nEMAIL_PORT=465\nEMAIL_HOST_USER=alerts@gmail.com\n',
		);
	});

	test('MAILER_DSN with a port: the port fix replaces just the port', () => {
		// symfony.env's DSN for Microsoft 365, written with the implicit-TLS port people try first.
		const text = 'MAILER_DSN=smtp://reports%40contoso.example:${MAILER_PASSWORD}@smtp.office365.com:465\n';
		const [account] = dotenvAccounts(text);
		assert.equal(leafAt(account!, 'smtp.port').value, 465);
		assert.equal(
			written(text, account!, 'smtp.port', 587),
			'MAILER_DSN=smtp://reports%40contoso.example:${MAILER_PASSWORD}@smtp.office365.com:587\n',
		);
		assert.equal(written(text, account!, 'smtp.port', '587'), undefined);
	});

	test('MAILER_DSN without a port: the port fix appends it to the host', () => {
		// Symfony's documented form for SendGrid: MAILER_DSN=smtp://apikey:KEY@smtp.sendgrid.net
		const text = 'MAILER_DSN=smtp://apikey:${SENDGRID_KEY}@smtp.sendgrid.net\n';
		const [account] = dotenvAccounts(text);
		assert.equal(leafAt(account!, 'smtp.port').value, 25);
		assert.equal(
			written(text, account!, 'smtp.port', 587),
			'MAILER_DSN=smtp://apikey:${SENDGRID_KEY}@smtp.sendgrid.net:587\n',
		);
		assert.equal(written(text, account!, 'smtp.port', '587'), undefined);
	});
});

describe('Spring .properties: escapes and continuation lines (java.util.Properties)', () => {
	// Properties files are ISO-8859-1, so non-ASCII passwords are written as \uXXXX (native2ascii, IDEs do it);
	// a Windows domain login needs its backslash doubled.
	const cases: [string, string][] = [
		['spring.mail.password=Gr\\u00fc\\u00dfe2026', 'Grüße2026'],
		['spring.mail.username=CONTOSO\\\\svc-mail', 'CONTOSO\\svc-mail'],
		['spring.mail.password=tab\\there', 'tab\there'],
		['spring.mail.password=line\\nbreak', 'line\nbreak'],
		['spring.mail.password=pa\\=ss\\:word', 'pa=ss:word'],
	];
	for (const [line, expected] of cases) {
		test(line, () => {
			const [entry] = propertiesEntries(`${line}\n`);
			assert.equal(entry!.value, expected);
			// The span covers the value as written, escapes included: a quick fix replaces all of it.
			assert.equal(
				line.slice(entry!.valueAt.offset, entry!.valueAt.offset + entry!.valueAt.length),
				line.slice(line.indexOf('=') + 1),
			);
		});
	}

	test('a trailing backslash continues the value on the next line; an escaped one does not', () => {
		const text = [
			'spring.mail.properties.mail.smtp.ssl.trust=smtp.office365.com \\',
			'    outlook.office365.com',
			'spring.mail.host=smtp.office365.com',
			'spring.mail.username=CONTOSO\\\\',
			'spring.mail.port=587',
		].join('\n');
		assert.deepEqual(
			propertiesEntries(text).map((e) => [e.key, e.value]),
			[
				['spring.mail.properties.mail.smtp.ssl.trust', 'smtp.office365.com outlook.office365.com'],
				['spring.mail.host', 'smtp.office365.com'],
				['spring.mail.username', 'CONTOSO\\'],
				['spring.mail.port', '587'],
			],
		);
	});
});

describe('Spring YAML: quoted values and profile documents', () => {
	test('a quoted value points inside its quotes, double or single', () => {
		// application.yml as in the fixture, host double-quoted and password single-quoted as people write them.
		const text =
			'spring:\n  mail:\n    host: "smtp.gmail.com"\n    port: 587\n    username: alerts@gmail.com\n    password: \'abcd efgh ijkl mnop\'\n';
		const [account] = springAccounts(text, 'application.yml');
		assert.equal(textAt(text, leafAt(account!, 'smtp.host')), 'smtp.gmail.com');
		assert.equal(textAt(text, leafAt(account!, 'auth.password')), 'abcd efgh ijkl mnop');
	});

	test('each `---` profile document with spring.mail is its own account, numbered from 2', () => {
		// Spring Boot's multi-document application.yml with spring.config.activate.on-profile.
		const text = [
			'spring:',
			'  mail:',
			'    host: smtp.gmail.com',
			'    port: 587',
			'---',
			'spring:',
			'  config:',
			'    activate:',
			'      on-profile: prod',
			'  mail:',
			'    host: smtp.office365.com',
			'    port: 587',
			'---',
			'spring:',
			'  config:',
			'    activate:',
			'      on-profile: eu',
			'  mail:',
			'    host: smtp.ionos.de',
			'',
		].join('\n');
		assert.deepEqual(
			springAccounts(text, 'application.yml').map((a) => `${a.id} ${String(leafAt(a, 'smtp.host').value)}`),
			['spring-mail smtp.gmail.com', 'spring-mail-2 smtp.office365.com', 'spring-mail-3 smtp.ionos.de'],
		);
	});
});

describe('Postfix: the SASL map and the password', () => {
	const mainCf = fixture('postfix', 'main.cf');

	test('sasl_passwd with a header comment, blank lines and a commented-out old entry', () => {
		// The layout of distribution examples: comments, a blank line, then `[relay]:port user:password`.
		const sasl = [
			'# /etc/postfix/sasl_passwd',
			'# destination                credentials',
			'',
			'#[smtp.office365.com]:587 old-monitor@contoso.example:Winter2025!',
			'[smtp.office365.com]:587     monitor@contoso.example:Spring2026!',
			'',
		].join('\n');
		const [account] = values('postfix', mainCf, {
			sibling: (name: string) => (name === 'sasl_passwd' ? sasl : undefined),
		});
		assert.equal(account!.auth!.user, 'monitor@contoso.example');
		assert.equal(account!.auth!.password, 'Spring2026!');
	});

	test('without the map file at hand the password is a secret reference, not missing', () => {
		const [account] = values('postfix', mainCf);
		assert.equal(account!.auth!.password, '${secret:RELAYHOST_PASSWORD}');
		assert.match(convertSource('postfix', mainCf)!.text, /"password": "\$\{secret:RELAYHOST_PASSWORD\}"/);
	});
});

describe('msmtp: the "no TLS" fix', () => {
	const office365 = fixture('msmtp', 'office365.msmtprc');
	test('`tls on` becomes `tls off`', () => {
		const [account] = sourceAccounts('msmtp', office365);
		assert.match(written(office365, account!, 'smtp.security', 'none')!, /^tls off$/m);
	});
	test('no edit when there is no tls line (msmtp defaults to off) or it is already off', () => {
		const noTls = office365.replace(/^tls on\n/m, '');
		assert.equal(values('msmtp', noTls)[0]!.smtp!.security, 'none');
		assert.equal(written(noTls, sourceAccounts('msmtp', noTls)[0]!, 'smtp.security', 'none'), undefined);
		const off = office365.replace(/^tls on$/m, 'tls off');
		assert.equal(written(off, sourceAccounts('msmtp', off)[0]!, 'smtp.security', 'none'), undefined);
	});
	test('a line the fix adds keeps the indentation of the block it goes into', () => {
		// Indented account blocks, as in the msmtp manual's example and most dotfiles.
		const text = 'account gmail\n    host smtp.gmail.com\n    port 587\n    auth on\n    user me@gmail.com\n';
		const [account] = sourceAccounts('msmtp', text);
		assert.equal(
			written(text, account!, 'smtp.security', 'starttls'),
			'account gmail\n    host smtp.gmail.com\n    tls on\n    port 587\n    auth on\n    user me@gmail.com\n',
		);
	});
});

describe('mbsync: the TLS fix without an SSLType line', () => {
	test('adds `SSLType IMAPS` below Host', () => {
		const text = fixture('mbsync', 'paquier.mbsyncrc').replace('SSLType IMAPS\n', '').replace('Port 993\n', '');
		const [account] = sourceAccounts('mbsync', text);
		assert.equal(leafAt(account!, 'imap.security').value, 'starttls');
		assert.match(written(text, account!, 'imap.security', 'tls')!, /^Host imap\.example\.com\nSSLType IMAPS\n/m);
		assert.match(written(text, account!, 'imap.security', 'none')!, /^Host imap\.example\.com\nSSLType None\n/m);
	});
});

describe('convert: the address and the OAuth skeleton', () => {
	test('a login without @ does not become the address', () => {
		// dotfiles.msmtprc's Mailfence account without its `from` line: the login is a plain user name.
		const text =
			'account mailfence\nhost smtp.mailfence.com\nport 465\ntls on\ntls_starttls off\nauth on\nuser jviotti\npasswordeval "pass key personal/mailfence.com"\n';
		const [account] = JSON.parse(convertSource('msmtp', text)!.text).accounts;
		assert.equal(account.email, undefined);
		assert.equal(account.auth.user, 'jviotti');
	});

	test('XOAUTH2 against a server no provider entry knows: converted without a skeleton', () => {
		// A self-hosted server behind an OAuth proxy, configured like the oama example (auth xoauth2, passwordeval).
		const text =
			'account work\nhost mail.example.org\nport 587\ntls on\nauth xoauth2\nuser jdoe@example.org\npasswordeval "oama access jdoe@example.org"\n';
		const [account] = JSON.parse(convertSource('msmtp', text)!.text).accounts;
		assert.equal(account.auth.method, 'oauth2');
		assert.equal(account.auth.oauth2, undefined);
	});
});

describe('file names', () => {
	test('the base name of a URI has its escapes decoded', () => {
		// VS Code's Uri.toString() escapes spaces and non-ASCII characters.
		assert.equal(baseName('file:///home/j%C3%BCrgen/shop/.env.%C3%BCbersetzt'), '.env.übersetzt');
		assert.equal(baseName('file:///c%3A/Users/me/app/application%20(1).yml'), 'application (1).yml');
		// A malformed escape is kept as written.
		assert.equal(baseName('file:///srv/100%25/.env.100%'), '.env.100%');
	});
});
