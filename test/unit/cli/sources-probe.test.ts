/**
 * `mailcfg test` on each of the other formats, against the loopback IMAP and SMTP servers of test/support: the
 * mapped accounts reach the probes with the right host, port, TLS mode and login.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type TestCerts, testCerts } from '../../support/certs';
import { type ImapTestServer, startImapServer } from '../../support/imap-server';
import { type SmtpTestServer, startSmtpServer } from '../../support/smtp-server';
import { assertNoCanary, canary } from '../../support/canaries';
import { runTestCommand } from '../../support/cli-exit';

const USER = 'relay@example.test';
const PASSWORD = canary({ bare: true });
let certs: TestCerts;
let imap: ImapTestServer;
let smtp: SmtpTestServer;
let dir: string;
/** A file a passwordeval/PassCmd would create if anything ran it. */
let commandRan: string;

before(async () => {
	certs = await testCerts();
	imap = await startImapServer({
		secure: true,
		tls: certs.server,
		users: { [USER]: { password: PASSWORD } },
		folders: { INBOX: 1 },
	});
	smtp = await startSmtpServer({ tls: certs.server, users: { [USER]: { password: PASSWORD } } });
	dir = await mkdtemp(join(tmpdir(), 'mailcfg-formats-probe-'));
	commandRan = join(dir, 'command-ran');
	await writeFile(join(dir, 'ca.pem'), certs.caCert);
	await writeFile(join(dir, 'secrets.env'), `WORK_PASSWORD=${PASSWORD}\nRELAYHOST_PASSWORD=${PASSWORD}\n`);
	await writeFile(
		join(dir, '.env'),
		[
			'DATABASE_HOST=db',
			'SMTP_HOST=localhost',
			`SMTP_PORT=${smtp.port}`,
			'SMTP_SECURE=false',
			`SMTP_USER=${USER}`,
			`SMTP_PASS="${PASSWORD}"`,
			'IMAP_HOST=localhost',
			`IMAP_PORT=${imap.port}`,
			'IMAP_TLS=true',
			`IMAP_USER=${USER}`,
			`IMAP_PASSWORD=${PASSWORD}`,
			'',
		].join('\n'),
	);
	await writeFile(
		join(dir, 'application.properties'),
		[
			'spring.mail.host=localhost',
			`spring.mail.port=${smtp.port}`,
			`spring.mail.username=${USER}`,
			`spring.mail.password=${PASSWORD}`,
			'spring.mail.properties.mail.smtp.auth=true',
			'spring.mail.properties.mail.smtp.starttls.enable=true',
			'',
		].join('\n'),
	);
	await writeFile(
		join(dir, 'main.cf'),
		[
			`relayhost = [localhost]:${smtp.port}`,
			'smtp_sasl_auth_enable = yes',
			'smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd',
			'smtp_tls_security_level = encrypt',
			'',
		].join('\n'),
	);
	await writeFile(join(dir, 'sasl_passwd'), `[localhost]:${smtp.port} ${USER}:${PASSWORD}\n`);
	await writeFile(
		join(dir, '.msmtprc'),
		[
			'defaults',
			'tls on',
			'auth on',
			'account work',
			'host localhost',
			`port ${smtp.port}`,
			`user ${USER}`,
			`from ${USER}`,
			`passwordeval "touch ${commandRan}"`,
			'',
		].join('\n'),
	);
	await writeFile(
		join(dir, '.mbsyncrc'),
		[
			'IMAPAccount work',
			'Host localhost',
			`Port ${imap.port}`,
			`User ${USER}`,
			`PassCmd "touch ${commandRan}"`,
			'SSLType IMAPS',
			'',
			'IMAPStore work-remote',
			'Account work',
			'',
		].join('\n'),
	);
	await copyFile(join(dir, 'main.cf'), join(dir, 'relay.conf'));
});
after(async () => {
	await Promise.all([imap.close(), smtp.close()]);
	await rm(dir, { recursive: true, force: true });
});

/** Every run's output is searched for the password in all its encodings. */
async function cli(args: string[]) {
	const run = await runTestCommand(dir, args);
	assertNoCanary({ stdout: run.stdout, stderr: run.stderr }, [PASSWORD]);
	return run;
}

interface Report {
	accounts: { id: string; checks: { protocol: string; ok: boolean; error?: { code: string } }[] }[];
}

const common = ['--ca', 'ca.pem', '--secrets', 'secrets.env', '--timeout', '3000', '--format', 'json'];

describe('mailcfg test on other formats, against the loopback servers', () => {
	const cases: { file: string; extra?: string[]; accounts: Record<string, string[]> }[] = [
		{ file: '.env', accounts: { smtp: ['smtp'], imap: ['imap'] } },
		{ file: 'application.properties', accounts: { 'spring-mail': ['smtp'] } },
		{ file: 'main.cf', accounts: { relayhost: ['smtp'] } },
		{ file: 'relay.conf', extra: ['--format-in', 'postfix'], accounts: { relayhost: ['smtp'] } },
		{ file: '.msmtprc', accounts: { work: ['smtp'] } },
		{ file: '.mbsyncrc', accounts: { work: ['imap'] } },
	];
	for (const { file, extra = [], accounts } of cases) {
		test(`${file}: every check passes`, async () => {
			const { code, stdout, stderr } = await cli([file, ...extra, ...common]);
			assert.equal(code, 0, stdout + stderr);
			const report = JSON.parse(stdout) as Report;
			assert.deepEqual(
				Object.fromEntries(report.accounts.map((a) => [a.id, a.checks.map((c) => c.protocol)])),
				accounts,
			);
			assert.ok(report.accounts.every((a) => a.checks.every((c) => c.ok)));
			assert.ok(!stdout.includes(PASSWORD) && !stderr.includes(PASSWORD));
		});
	}

	test('passwordeval/PassCmd are never run: the password comes from ${secret:ID_PASSWORD}', async () => {
		assert.equal(existsSync(commandRan), false);
		const { code, stdout } = await cli(['.msmtprc', '--ca', 'ca.pem', '--timeout', '3000', '--format', 'json']);
		assert.equal(code, 2, 'without the secret the test cannot run');
		assert.match(stdout, /WORK_PASSWORD/);
		assert.equal(existsSync(commandRan), false);
	});

	test('a file without mail settings is a usage error', async () => {
		await writeFile(join(dir, 'plain.env'), 'DATABASE_HOST=db\n');
		const { code, stderr } = await cli(['plain.env', '--format-in', 'dotenv', ...common]);
		assert.equal(code, 2);
		assert.equal(stderr, `mailcfg test: ${join(dir, 'plain.env')} holds no mail settings\n`);
	});
});
