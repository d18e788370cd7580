import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dotenvEntries } from '../../../../src/core/sources/dotenv';
import { applyEdits, check, fixture, lineOf, mutate, summary } from './helpers';

describe('dotenv lines are read as the dotenv package reads them', () => {
	const text = [
		'A=plain # comment',
		"export B='single # not a comment'",
		'C="double\\nline"',
		'D: colon',
		'E=',
		'  F = spaced  ',
	].join('\r\n');
	const entries = dotenvEntries(text);
	test('values', () => {
		assert.deepEqual(
			entries.map((e) => [e.key, e.value]),
			[
				['A', 'plain'],
				['B', 'single # not a comment'],
				['C', 'double\nline'],
				['D', 'colon'],
				['E', ''],
				['F', 'spaced'],
			],
		);
	});
	test('value spans point at the value inside its quotes', () => {
		const b = entries.find((e) => e.key === 'B')!;
		assert.equal(text.slice(b.valueAt.offset, b.valueAt.offset + b.valueAt.length), 'single # not a comment');
		const f = entries.find((e) => e.key === 'F')!;
		assert.equal(text.slice(f.keyAt.offset, f.keyAt.offset + f.keyAt.length), 'F');
		assert.equal(text.slice(f.valueAt.offset, f.valueAt.offset + f.valueAt.length), 'spaced');
	});
});

describe('dotenv: real files and their mutants', () => {
	test("Laravel's shipped .env.example (MAIL_MAILER=log) has nothing to report", () => {
		assert.deepEqual(check('dotenv', fixture('dotenv', 'laravel.env.example'), { fileName: '.env.example' }), []);
	});

	test('Laravel .env.example switched to Exchange Online on 465: endpoint finding on MAIL_PORT', () => {
		let text = fixture('dotenv', 'laravel.env.example');
		text = mutate(text, 'MAIL_MAILER=log', 'MAIL_MAILER=smtp');
		text = mutate(text, 'MAIL_HOST=127.0.0.1', 'MAIL_HOST=smtp.office365.com');
		text = mutate(text, 'MAIL_PORT=2525', 'MAIL_PORT=465');
		const findings = check('dotenv', text, { fileName: '.env.example' });
		assert.deepEqual(summary(findings), [`provider-endpoint-mismatch@${lineOf(text, 'MAIL_PORT=')}`]);
		// The fix is written as .env text: only the port changes (MAIL_SCHEME=null lets the port decide).
		const fix = findings[0]!.fixes[0]!;
		assert.match(fix.title, /587/);
		assert.match(applyEdits(text, fix.edits), /^MAIL_PORT=587$/m);
	});

	test('Laravel .env for Microsoft 365 on port 465: same findings as the JSON config, on the right lines', () => {
		const text = fixture('dotenv', 'laravel-office365.env');
		const findings = check('dotenv', text, { fileName: '.env' });
		assert.deepEqual(summary(findings), [
			`provider-endpoint-mismatch@${lineOf(text, 'MAIL_PORT=')}`,
			`exo-smtp-basic-auth-retirement@${lineOf(text, 'MAIL_PASSWORD=')}`,
			`plaintext-secret@${lineOf(text, 'MAIL_PASSWORD=')}`,
		]);
		const secret = findings.find((f) => f.code === 'plaintext-secret')!;
		assert.equal(secret.severity, 'information', 'a password in an uncommitted .env is how .env works');
		assert.match(secret.message, /\.gitignore/);
		assert.deepEqual(secret.fixes, []);
		assert.ok(!secret.message.includes('Summer2026!'));
		// MAIL_ENCRYPTION=tls is STARTTLS in Laravel: the preferred fix keeps it and moves the port.
		const preferred = findings[0]!.fixes.find((f) => f.isPreferred)!;
		const fixed = applyEdits(text, preferred.edits);
		assert.match(fixed, /^MAIL_PORT=587$/m);
		assert.match(fixed, /^MAIL_ENCRYPTION=tls$/m);
		assert.deepEqual(
			summary(check('dotenv', fixed, { fileName: '.env' })).filter((s) => s.startsWith('provider')),
			[],
		);
	});

	test('a committed template keeps the plaintext warning, in German too', () => {
		const text = fixture('dotenv', 'laravel-office365.env');
		const [secret] = check('dotenv', text, { fileName: 'app/.env.example' }, 'de').filter(
			(f) => f.code === 'plaintext-secret',
		);
		assert.equal(secret!.severity, 'warning');
		assert.match(secret!.message, /Vorlage/);
	});

	test('Django with EMAIL_USE_TLS: only the Gmail password policy; without it: cleartext on EMAIL_HOST', () => {
		const text = fixture('dotenv', 'django.env');
		assert.deepEqual(
			summary(check('dotenv', text)).filter((s) => !s.startsWith('plaintext')),
			[`google-password-auth@${lineOf(text, 'EMAIL_HOST_PASSWORD=')}`],
		);
		const plain = mutate(text, 'EMAIL_USE_TLS=True\n', '');
		const findings = check('dotenv', plain);
		const cleartext = findings.find((f) => f.code === 'cleartext-transport')!;
		assert.equal(cleartext.range.start.line, lineOf(plain, 'EMAIL_HOST=smtp'));
		assert.equal(cleartext.severity, 'error');
		// The fix adds the setting Django needs rather than a JSON property.
		const fixed = applyEdits(plain, cleartext.fixes[0]!.edits);
		assert.match(fixed, /^EMAIL_USE_TLS=True$/m);
		assert.ok(!check('dotenv', fixed).some((f) => f.code === 'cleartext-transport'));
	});

	test('Symfony MAILER_DSN: findings point into the URL; a ${VAR} password is a reference, not a secret', () => {
		const text = fixture('dotenv', 'symfony.env');
		const findings = check('dotenv', text);
		assert.deepEqual(summary(findings), [
			`exo-smtp-basic-auth-retirement@${lineOf(text, 'MAILER_DSN=smtp://reports')}`,
		]);
		const mutant = mutate(text, 'office365.com:587', 'office365.com:465');
		const endpoint = check('dotenv', mutant).find((f) => f.code === 'provider-endpoint-mismatch')!;
		const line = mutant.split('\n')[endpoint.range.start.line]!;
		assert.equal(line.slice(endpoint.range.start.character, endpoint.range.end.character), '465');
	});

	test('nodemailer/imapflow variables: SMTP_SECURE=false on 465 is a port/TLS mismatch on SMTP_SECURE', () => {
		const text = fixture('dotenv', 'node-imap-smtp.env');
		assert.deepEqual(check('dotenv', text), []);
		const mutant = mutate(text, 'SMTP_PORT=587', 'SMTP_PORT=465');
		const findings = check('dotenv', mutant);
		assert.deepEqual(summary(findings), [`port-security-mismatch@${lineOf(mutant, 'SMTP_SECURE=')}`]);
		assert.match(applyEdits(mutant, findings[0]!.fixes[0]!.edits), /^SMTP_SECURE=true$/m);
	});

	test('look-alike: a database .env produces nothing', () => {
		assert.deepEqual(check('dotenv', fixture('dotenv', 'lookalike.env')), []);
	});
});
