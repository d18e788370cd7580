import assert from 'node:assert/strict';
import { matchesGlob } from 'node:path';
import { describe, test } from 'node:test';
import { analyzeText } from '../../../../src/core/config/analyze';
import { convertSource } from '../../../../src/core/sources/convert';
import { SOURCE_GLOBS, formatOfName } from '../../../../src/core/sources/names';
import { NOW, applyEdits, check, fixture, lineOf, mutate, summary } from './helpers';

describe('msmtp: real files and their mutants', () => {
	test('dotfiles with defaults, passwordeval and a default alias: nothing to report', () => {
		assert.deepEqual(check('msmtp', fixture('msmtp', 'dotfiles.msmtprc')), []);
	});

	test('an account that loses its own tls_starttls inherits "off" from defaults: TLS on 587, found on that line', () => {
		const text = mutate(
			fixture('msmtp', 'dotfiles.msmtprc'),
			'passwordeval   "pass key education/sso.ox.ac.uk"\ntls_starttls   on\n',
			'passwordeval   "pass key education/sso.ox.ac.uk"\n',
		);
		const findings = check('msmtp', text);
		assert.deepEqual(summary(findings), [`port-security-mismatch@${lineOf(text, 'tls_starttls   off')}`]);
		assert.equal(findings[0]!.accountId, 'oxford');
	});

	test('Microsoft 365 with a literal password: retirement on "auth", passwordeval advice on "password"', () => {
		const text = fixture('msmtp', 'office365.msmtprc');
		const findings = check('msmtp', text);
		assert.deepEqual(summary(findings), [
			`exo-smtp-basic-auth-retirement@${lineOf(text, 'auth on')}`,
			`plaintext-secret@${lineOf(text, 'password Winter')}`,
		]);
		const secret = findings[1]!;
		assert.match(secret.message, /passwordeval/);
		assert.ok(!secret.message.includes('Winter2026!'));
		assert.deepEqual(secret.fixes, []);
	});

	test('STARTTLS on port 465: port-security-mismatch; the fixes are msmtp lines', () => {
		const text = mutate(fixture('msmtp', 'office365.msmtprc'), 'port 587\n', 'port 465\n');
		const mismatch = check('msmtp', text).find((f) => f.code === 'port-security-mismatch')!;
		assert.equal(mismatch.range.start.line, lineOf(text, 'tls on'));
		// Microsoft documents 587 STARTTLS only, so the one fix offered moves the port (written as an msmtp line).
		assert.deepEqual(
			mismatch.fixes.map((f) => applyEdits(text, f.edits).includes('\nport 587\n')),
			[true],
		);
	});

	test('tls off with a password: cleartext, fixed by switching tls on', () => {
		const text = mutate(fixture('msmtp', 'office365.msmtprc'), 'tls on', 'tls off');
		const cleartext = check('msmtp', text).find((f) => f.code === 'cleartext-transport')!;
		assert.equal(cleartext.range.start.line, lineOf(text, 'tls off'));
		assert.match(applyEdits(text, cleartext.fixes[0]!.edits), /^tls on$/m);
	});
});

describe('mbsync: real files and their mutants', () => {
	test('IMAPS with PassCmd (the documented secure form): nothing to report', () => {
		assert.deepEqual(check('mbsync', fixture('mbsync', 'paquier.mbsyncrc')), []);
		assert.deepEqual(summary(check('mbsync', fixture('mbsync', 'brenns10.mbsyncrc'))), [
			`google-password-auth@${lineOf(fixture('mbsync', 'brenns10.mbsyncrc'), 'PassCmd "imap-pass -g sbrennan')}`,
		]);
	});

	test('SSLType STARTTLS on 993: mismatch on SSLType, fixed in mbsync words', () => {
		const text = mutate(fixture('mbsync', 'paquier.mbsyncrc'), 'SSLType IMAPS', 'SSLType STARTTLS');
		const [finding] = check('mbsync', text);
		assert.equal(finding?.code, 'port-security-mismatch');
		assert.equal(finding.range.start.line, lineOf(text, 'SSLType'));
		assert.match(applyEdits(text, finding.fixes[0]!.edits), /^SSLType IMAPS$/m);
	});

	test('Pass instead of PassCmd: the PassCmd advice', () => {
		const text = mutate(
			fixture('mbsync', 'paquier.mbsyncrc'),
			'PassCmd "gpg2 -q --for-your-eyes-only --no-tty -d ~/.mail/example_com_pass.gpg"',
			'Pass hunter2',
		);
		const [finding] = check('mbsync', text, {}, 'de');
		assert.equal(finding?.code, 'plaintext-secret');
		assert.equal(finding.range.start.line, lineOf(text, 'Pass hunter2'));
		assert.match(finding.message, /PassCmd/);
	});

	test('SSLType None to a remote host: cleartext; SSLVersions TLSv1: legacy TLS', () => {
		const text = mutate(
			fixture('mbsync', 'paquier.mbsyncrc'),
			'SSLType IMAPS',
			'SSLType None\nSSLVersions TLSv1 TLSv1.2',
		);
		assert.deepEqual(
			summary(check('mbsync', text)).filter((s) => !s.startsWith('port-security')),
			[`cleartext-transport@${lineOf(text, 'SSLType None')}`, `tls-legacy-version@${lineOf(text, 'SSLVersions')}`],
		);
	});
});

describe('Postfix main.cf: real files and their mutants', () => {
	const sibling = (name: string) => (name === 'sasl_passwd' ? fixture('postfix', 'sasl_passwd') : undefined);

	test('relay to Exchange Online with SASL: the SMTP AUTH retirement on smtp_sasl_auth_enable, no plaintext finding', () => {
		const text = fixture('postfix', 'main.cf');
		assert.deepEqual(summary(check('postfix', text, { sibling })), [
			`exo-smtp-basic-auth-retirement@${lineOf(text, 'smtp_sasl_auth_enable')}`,
		]);
	});

	test('"may" with SASL is opportunistic: reported as cleartext risk, fixed with "encrypt"', () => {
		const text = mutate(
			fixture('postfix', 'main.cf'),
			'smtp_tls_security_level = encrypt',
			'smtp_tls_security_level = may',
		);
		const finding = check('postfix', text, { sibling }).find((f) => f.code === 'cleartext-transport')!;
		assert.equal(finding.range.start.line, lineOf(text, 'smtp_tls_security_level'));
		assert.match(finding.message, /opportunistic/);
		assert.match(applyEdits(text, finding.fixes[0]!.edits), /^smtp_tls_security_level = encrypt$/m);
	});

	test('relay on 465 without wrapper mode: endpoint mismatch inside [host]:port', () => {
		const text = mutate(fixture('postfix', 'main.cf'), '[smtp.office365.com]:587', '[smtp.office365.com]:465');
		const finding = check('postfix', text, { sibling }).find(
			(f) => f.code === 'port-security-mismatch' || f.code === 'provider-endpoint-mismatch',
		)!;
		const line = text.split('\n')[finding.range.start.line]!;
		assert.equal(line.slice(finding.range.start.character, finding.range.end.character), 'encrypt');
		assert.ok(finding.fixes.some((f) => /relayhost = \[smtp\.office365\.com\]:587/.test(applyEdits(text, f.edits))));
	});

	test('no TLS setting at all: SASL in clear text, fixed by adding smtp_tls_security_level = encrypt', () => {
		const text = mutate(fixture('postfix', 'main.cf'), 'smtp_tls_security_level = encrypt\n', '');
		const finding = check('postfix', text, { sibling }).find((f) => f.code === 'cleartext-transport')!;
		assert.equal(finding.range.start.line, lineOf(text, 'relayhost'));
		assert.match(applyEdits(text, finding.fixes[0]!.edits), /^smtp_tls_security_level = encrypt$/m);
	});

	test("Debian's default main.cf (no relayhost) is no relay client: nothing", () => {
		assert.deepEqual(check('postfix', fixture('postfix', 'debian-default.main.cf')), []);
	});
});

describe('Spring Boot: real files and their mutants', () => {
	test('properties for Microsoft 365 with ${MAIL_PASSWORD}: only the retirement warning', () => {
		const text = fixture('spring', 'application.properties');
		assert.deepEqual(summary(check('spring', text, { fileName: 'application.properties' })), [
			`exo-smtp-basic-auth-retirement@${lineOf(text, 'spring.mail.password')}`,
		]);
	});

	test('without starttls.enable JavaMail talks plain text: cleartext, fixed by adding the property', () => {
		let text = fixture('spring', 'application.properties');
		text = mutate(text, 'spring.mail.properties.mail.smtp.starttls.enable=true\n', '');
		text = mutate(text, 'spring.mail.properties.mail.smtp.starttls.required=true\n', '');
		const finding = check('spring', text, { fileName: 'application.properties' }).find(
			(f) => f.code === 'cleartext-transport',
		)!;
		assert.equal(finding.range.start.line, lineOf(text, 'spring.mail.host'));
		const fixed = applyEdits(text, finding.fixes[0]!.edits);
		assert.match(fixed, /^spring\.mail\.properties\.mail\.smtp\.starttls\.enable=true$/m);
		assert.ok(
			!check('spring', fixed, { fileName: 'application.properties' }).some((f) => f.code === 'cleartext-transport'),
		);
	});

	test('YAML with relaxed keys: Gmail password policy on the password, Spring advice for the literal', () => {
		const text = fixture('spring', 'application.yml');
		const findings = check('spring', text, { fileName: 'application.yml' });
		assert.deepEqual(summary(findings), [
			`google-password-auth@${lineOf(text, 'password:')}`,
			`plaintext-secret@${lineOf(text, 'password:')}`,
		]);
		assert.match(findings[1]!.message, /\$\{MAIL_PASSWORD\}/);
		const port = mutate(text, 'port: 587', 'port: 465');
		const mismatch = check('spring', port, { fileName: 'application.yml' }).find(
			(f) => f.code === 'port-security-mismatch',
		)!;
		assert.equal(mismatch.range.start.line, lineOf(port, 'starttls.enable'));
	});

	test('look-alike: a YAML whose mail: key means something else produces nothing', () => {
		assert.deepEqual(check('spring', fixture('spring', 'lookalike.yml'), { fileName: 'application.yml' }), []);
	});
});

describe('file names', () => {
	const cases: [string, string | undefined][] = [
		['/app/.env', 'dotenv'],
		['/app/.env.production', 'dotenv'],
		['/app/config/application-prod.yml', 'spring'],
		['/app/src/main/resources/application.properties', 'spring'],
		['/etc/postfix/main.cf', 'postfix'],
		['/home/u/.msmtprc', 'msmtp'],
		['/etc/msmtprc', 'msmtp'],
		['/home/u/.mbsyncrc', 'mbsync'],
		// chezmoi keeps dotfiles under these source names; some keep one file per account.
		['/home/u/src/dotfiles/dot_msmtprc', 'msmtp'],
		['/home/u/src/dotfiles/private_dot_mbsyncrc', 'mbsync'],
		['/home/u/dotfiles/mail/work.msmtprc', 'msmtp'],
		['/home/u/dotfiles/mail/gmail.mbsyncrc', 'mbsync'],
		['/home/u/dotfiles/isyncrc', 'mbsync'],
		['/home/u/.msmtprc.bak', undefined],
		['/home/u/dot_mbsyncrc.tmpl', undefined],
		['/app/docker-compose.yml', undefined],
		['/app/settings.properties', undefined],
	];
	for (const [path, format] of cases) {
		test(`${path} → ${format ?? 'not a mail config by name'}; the editor's globs agree`, () => {
			assert.equal(formatOfName(path), format);
			assert.equal(
				SOURCE_GLOBS.some((glob) => matchesGlob(path, glob)),
				format !== undefined,
			);
		});
	}
});

describe('convert: our format, secrets as references', () => {
	test('a .env password becomes ${env:VARIABLE}; the converted JSON has the same findings', () => {
		const text = fixture('dotenv', 'laravel-office365.env');
		const conversion = convertSource('dotenv', text)!;
		assert.ok(!conversion.text.includes('Summer2026!'));
		const json = JSON.parse(conversion.text) as { accounts: { auth: { password: string } }[] };
		assert.equal(json.accounts[0]!.auth.password, '${env:MAIL_PASSWORD}');
		const codes = (findings: readonly { code: string }[]) => findings.map((f) => f.code).sort();
		assert.deepEqual(
			codes(analyzeText(conversion.text, { lang: 'en', now: NOW })),
			codes(check('dotenv', text).filter((f) => f.code !== 'plaintext-secret')),
		);
	});

	test('msmtp and mbsync: literal passwords and commands become ${secret:ID_PASSWORD}', () => {
		const msmtp = convertSource('msmtp', fixture('msmtp', 'office365.msmtprc'))!;
		assert.ok(!msmtp.text.includes('Winter2026!'));
		assert.match(msmtp.text, /"password": "\$\{secret:OFFICE365_PASSWORD\}"/);
		const mbsync = convertSource('mbsync', fixture('mbsync', 'paquier.mbsyncrc'))!;
		assert.match(mbsync.text, /"password": "\$\{secret:EXAMPLE_COM_PASSWORD\}"/);
		assert.ok(!mbsync.text.includes('gpg2'));
	});

	for (const [format, name, scope] of [
		['msmtp', 'oama-xoauth2.msmtprc', 'https://outlook.office365.com/SMTP.Send'],
		['mbsync', 'oama-xoauth2.mbsyncrc', 'https://outlook.office365.com/IMAP.AccessAsUser.All'],
	] as const) {
		test(`${format} with XOAUTH2 and a token helper: no password, an app registration to fill in, no errors`, () => {
			const text = fixture(format, name);
			const conversion = convertSource(format, text)!;
			assert.ok(!conversion.text.includes('oama'), 'the helper command is not copied');
			const json = JSON.parse(conversion.text) as {
				accounts: { auth: { method: string; password?: string; oauth2: { flow: string; scopes: string[] } } }[];
			};
			const auth = json.accounts[0]!.auth;
			assert.deepEqual(
				{ method: auth.method, password: auth.password, flow: auth.oauth2.flow },
				{ method: 'oauth2', password: undefined, flow: 'device-code' },
			);
			assert.deepEqual(auth.oauth2.scopes, [scope, 'offline_access']);
			const errors = analyzeText(conversion.text, { lang: 'en', now: NOW }).filter((f) => f.severity === 'error');
			assert.deepEqual(errors, []);
			// The source file itself: OAuth2 to Microsoft 365 is what the rules ask for, so nothing to report.
			assert.deepEqual(check(format, text), []);
		});
	}

	test('Postfix with its SASL map: the map password is not copied', () => {
		const sibling = (name: string) => (name === 'sasl_passwd' ? fixture('postfix', 'sasl_passwd') : undefined);
		const conversion = convertSource('postfix', fixture('postfix', 'main.cf'), { sibling })!;
		assert.ok(!conversion.text.includes('Spring2026!'));
		assert.match(conversion.text, /"user": "monitor@contoso.example"/);
	});

	test('a file without mail settings converts to nothing', () => {
		assert.equal(convertSource('dotenv', fixture('dotenv', 'lookalike.env')), undefined);
	});
});
