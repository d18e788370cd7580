/**
 * How another tool's settings map to an account, for the words those tools accept in any case and for the
 * defaults that apply when a line is missing. Each case is a real fixture file (its source is named on its first
 * lines) with one line changed as people write it; the tools' own parsers decide what counts:
 * - msmtp: on/off values are compared case-insensitively, `tls_starttls` defaults to on
 *   (https://marlam.de/msmtp/msmtp.html, "tls_starttls [(on|off)] ... default is on");
 * - mbsync: SSLType values and AuthMechs names are case-insensitive (isync's config parser uses strcasecmp);
 * - Postfix: smtp_tls_security_level and booleans are looked up case-insensitively (name_code without
 *   NAME_CODE_FLAG_STRICT_CASE), `[host]:port` carries the port;
 * - Spring/JavaMail: booleans go through Boolean.parseBoolean (case-insensitive), `spring.mail.protocol=smtps`;
 * - Laravel .env: MAIL_ENCRYPTION / MAIL_SCHEME words as Symfony Mailer lower-cases them.
 * Ports are carried as written, at both ends of the range, so the rules and `mailcfg test` see the real value.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDocument } from '../../../../src/core/sources/analyze';
import type { SourceFormat } from '../../../../src/core/sources/names';
import { fixture } from './helpers';

interface Mapped {
	host?: string;
	port?: unknown;
	security?: string;
}

/** `protocol host:port/security auth` for each mapped account. */
function mapped(format: SourceFormat, text: string): string[] {
	const value = parseDocument(text, format).value as
		{ accounts?: { imap?: Mapped; smtp?: Mapped; auth?: { method?: string } }[] } | undefined;
	return (value?.accounts ?? []).flatMap((a) =>
		(['imap', 'smtp'] as const)
			.filter((p) => a[p])
			.map((p) => `${p} ${a[p]?.host}:${String(a[p]?.port)}/${a[p]?.security} ${a.auth?.method ?? 'no-auth'}`),
	);
}

/** The fixture with one whole line replaced (lines, not substrings: the header comments mention the same words). */
function withLine(format: SourceFormat, name: string, line: string, replacement: string): string {
	const lines = fixture(format, name).split('\n');
	const index = lines.indexOf(line);
	if (index < 0) throw new Error(`${name} has no line "${line}"`);
	lines[index] = replacement;
	return lines.join('\n');
}

describe('msmtp (office365.msmtprc)', () => {
	const base = ['smtp smtp.office365.com:587/starttls password'];
	test('"tls on" in any case, without tls_starttls: STARTTLS (the manual\'s default)', () => {
		assert.deepEqual(mapped('msmtp', fixture('msmtp', 'office365.msmtprc')), base);
		for (const word of ['ON', 'On', 'yes']) {
			assert.deepEqual(mapped('msmtp', withLine('msmtp', 'office365.msmtprc', 'tls on', `tls ${word}`)), base, word);
		}
	});
	test('tls_starttls off / OFF: implicit TLS; tls OFF: plain text; auth ON and auth Off', () => {
		for (const word of ['off', 'OFF', 'Off']) {
			const text = withLine('msmtp', 'office365.msmtprc', 'tls on', `tls on\ntls_starttls ${word}`);
			assert.deepEqual(mapped('msmtp', text), ['smtp smtp.office365.com:587/tls password'], word);
		}
		assert.deepEqual(mapped('msmtp', withLine('msmtp', 'office365.msmtprc', 'tls on', 'tls OFF')), [
			'smtp smtp.office365.com:587/none password',
		]);
		assert.deepEqual(mapped('msmtp', withLine('msmtp', 'office365.msmtprc', 'auth on', 'auth ON')), base);
		assert.deepEqual(mapped('msmtp', withLine('msmtp', 'office365.msmtprc', 'auth on', 'auth Off')), [
			'smtp smtp.office365.com:587/starttls no-auth',
		]);
	});
	test('auth XOAUTH2 / oauthbearer in any case is OAuth2', () => {
		for (const word of ['xoauth2', 'XOAUTH2', 'oauthbearer', 'OAUTHBEARER']) {
			assert.deepEqual(
				mapped('msmtp', withLine('msmtp', 'office365.msmtprc', 'auth on', `auth ${word}`)),
				['smtp smtp.office365.com:587/starttls oauth2'],
				word,
			);
		}
	});
	test('ports 1 and 65535 are carried as numbers', () => {
		for (const port of [1, 65535]) {
			assert.deepEqual(mapped('msmtp', withLine('msmtp', 'office365.msmtprc', 'port 587', `port ${port}`)), [
				`smtp smtp.office365.com:${port}/starttls password`,
			]);
		}
	});
});

describe('mbsync (oama-xoauth2.mbsyncrc, paquier.mbsyncrc)', () => {
	test('SSLType IMAPS / imaps / Imaps: implicit TLS; STARTTLS / starttls; None / none', () => {
		const cases: [string, string][] = [
			['IMAPS', 'tls'],
			['imaps', 'tls'],
			['Imaps', 'tls'],
			['STARTTLS', 'starttls'],
			['starttls', 'starttls'],
			['None', 'none'],
			['none', 'none'],
		];
		for (const [word, security] of cases) {
			assert.deepEqual(
				mapped('mbsync', withLine('mbsync', 'paquier.mbsyncrc', 'SSLType IMAPS', `SSLType ${word}`)),
				[`imap imap.example.com:993/${security} password`],
				word,
			);
		}
	});
	test('AuthMechs XOAUTH2 in any case, and OAUTHBEARER, is OAuth2; AuthMechs LOGIN is a password', () => {
		for (const word of ['XOAUTH2', 'xoauth2', 'XOAuth2', 'OAUTHBEARER', 'oauthbearer']) {
			assert.deepEqual(
				mapped('mbsync', withLine('mbsync', 'oama-xoauth2.mbsyncrc', 'AuthMechs XOAUTH2', `AuthMechs ${word}`)),
				['imap outlook.office365.com:993/tls oauth2'],
				word,
			);
		}
		assert.deepEqual(
			mapped('mbsync', withLine('mbsync', 'oama-xoauth2.mbsyncrc', 'AuthMechs XOAUTH2', 'AuthMechs LOGIN')),
			['imap outlook.office365.com:993/tls password'],
		);
	});
	test('Port 65535 is carried', () => {
		assert.deepEqual(mapped('mbsync', withLine('mbsync', 'paquier.mbsyncrc', 'Port 993', 'Port 65535')), [
			'imap imap.example.com:65535/tls password',
		]);
	});
});

describe('Postfix (main.cf)', () => {
	const base = ['smtp smtp.office365.com:587/starttls password'];
	test('smtp_tls_security_level encrypt in any case: STARTTLS; NONE: plain text; wrappermode YES: implicit TLS', () => {
		const level = 'smtp_tls_security_level = encrypt';
		assert.deepEqual(mapped('postfix', fixture('postfix', 'main.cf')), base);
		for (const word of ['ENCRYPT', 'Encrypt', 'verify', 'Secure']) {
			assert.deepEqual(
				mapped('postfix', withLine('postfix', 'main.cf', level, `smtp_tls_security_level = ${word}`)),
				base,
				word,
			);
		}
		assert.deepEqual(mapped('postfix', withLine('postfix', 'main.cf', level, 'smtp_tls_security_level = NONE')), [
			'smtp smtp.office365.com:587/none password',
		]);
		for (const word of ['yes', 'YES', 'Yes']) {
			assert.deepEqual(
				mapped('postfix', withLine('postfix', 'main.cf', level, `${level}\nsmtp_tls_wrappermode = ${word}`)),
				['smtp smtp.office365.com:587/tls password'],
				word,
			);
		}
	});
	test('relayhost ports 1 and 65535 are carried', () => {
		for (const port of [1, 65535]) {
			const text = withLine(
				'postfix',
				'main.cf',
				'relayhost = [smtp.office365.com]:587',
				`relayhost = [smtp.office365.com]:${port}`,
			);
			assert.deepEqual(mapped('postfix', text), [`smtp smtp.office365.com:${port}/starttls password`]);
		}
	});
});

describe('Spring (application.properties)', () => {
	const starttls = 'spring.mail.properties.mail.smtp.starttls.enable=true';
	const required = 'spring.mail.properties.mail.smtp.starttls.required=true';
	test('starttls.enable TRUE / True: STARTTLS; FALSE everywhere: plain text', () => {
		for (const word of ['TRUE', 'True']) {
			const text = withLine(
				'spring',
				'application.properties',
				required,
				'spring.mail.properties.mail.smtp.starttls.required=false',
			).replace(starttls, `spring.mail.properties.mail.smtp.starttls.enable=${word}`);
			assert.deepEqual(mapped('spring', text), ['smtp smtp.office365.com:587/starttls password'], word);
		}
		const off = withLine('spring', 'application.properties', required, required.replace('true', 'FALSE')).replace(
			starttls,
			starttls.replace('true', 'False'),
		);
		assert.deepEqual(mapped('spring', off), ['smtp smtp.office365.com:587/none password']);
	});
	test('spring.mail.protocol=smtps in any case: implicit TLS', () => {
		for (const word of ['smtps', 'SMTPS', 'Smtps']) {
			const text = withLine(
				'spring',
				'application.properties',
				'spring.mail.port=587',
				`spring.mail.port=465\nspring.mail.protocol=${word}`,
			);
			assert.deepEqual(mapped('spring', text), ['smtp smtp.office365.com:465/tls password'], word);
		}
	});
	test('spring.mail.port 65535 is carried', () => {
		const text = withLine('spring', 'application.properties', 'spring.mail.port=587', 'spring.mail.port=65535');
		assert.deepEqual(mapped('spring', text), ['smtp smtp.office365.com:65535/starttls password']);
	});
});

describe('Laravel .env (laravel-office365.env)', () => {
	test('MAIL_ENCRYPTION ssl / SSL: implicit TLS; tls / TLS on 587: STARTTLS; MAIL_SCHEME SMTPS: implicit TLS', () => {
		const env = (encryption: string, port = '465') =>
			withLine('dotenv', 'laravel-office365.env', 'MAIL_ENCRYPTION=tls', encryption).replace(
				'MAIL_PORT=465',
				`MAIL_PORT=${port}`,
			);
		for (const word of ['ssl', 'SSL', 'Ssl']) {
			assert.deepEqual(
				mapped('dotenv', env(`MAIL_ENCRYPTION=${word}`, '2525')),
				['smtp smtp.office365.com:2525/tls password'],
				word,
			);
		}
		for (const word of ['tls', 'TLS']) {
			assert.deepEqual(
				mapped('dotenv', env(`MAIL_ENCRYPTION=${word}`, '587')),
				['smtp smtp.office365.com:587/starttls password'],
				word,
			);
		}
		for (const word of ['smtps', 'SMTPS']) {
			assert.deepEqual(
				mapped('dotenv', env(`MAIL_SCHEME=${word}`, '2525')),
				['smtp smtp.office365.com:2525/tls password'],
				word,
			);
		}
	});
	test('MAIL_PORT 465 is implicit TLS by port; 65535 and 1 are carried with STARTTLS', () => {
		assert.deepEqual(mapped('dotenv', withLine('dotenv', 'laravel-office365.env', 'MAIL_ENCRYPTION=tls', '')), [
			'smtp smtp.office365.com:465/tls password',
		]);
		for (const port of [1, 65535]) {
			const text = withLine('dotenv', 'laravel-office365.env', 'MAIL_PORT=465', `MAIL_PORT=${port}`);
			assert.deepEqual(mapped('dotenv', text), [`smtp smtp.office365.com:${port}/starttls password`], String(port));
		}
	});
});
