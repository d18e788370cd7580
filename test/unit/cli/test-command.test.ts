import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';
import { type TestCerts, testCerts } from '../../support/certs';
import { type ImapTestServer, startImapServer } from '../../support/imap-server';
import { type SmtpTestServer, startSmtpServer } from '../../support/smtp-server';
import { assertNoCanary, canary } from '../../support/canaries';
import { runTestCommand } from '../../support/cli-exit';

const USER = 'cli@example.test';
const PASSWORD = canary({ wire: true });
let certs: TestCerts;
let imap: ImapTestServer;
let smtp: SmtpTestServer;
let m365: SmtpTestServer;
let dir: string;

before(async () => {
	certs = await testCerts();
	imap = await startImapServer({
		secure: true,
		tls: certs.server,
		users: { [USER]: { password: PASSWORD } },
		folders: { INBOX: 1 },
	});
	smtp = await startSmtpServer({ tls: certs.server, users: { [USER]: { password: PASSWORD } } });
	m365 = await startSmtpServer({ tls: certs.server, authReply: 'smtpAuthDisabled' });
	dir = await mkdtemp(join(tmpdir(), 'mailcfg-cli-test-'));
	await writeFile(join(dir, 'ca.pem'), certs.caCert);
	await writeFile(join(dir, 'secrets.env'), `# test\nCLI_PW=${JSON.stringify(PASSWORD)}\n`);
	const account = (id: string, smtpPort: number) => ({
		id,
		email: USER,
		provider: 'microsoft365',
		auth: { method: 'password', user: USER, password: '${secret:CLI_PW}' },
		imap: { host: 'localhost', port: imap.port, security: 'tls' },
		smtp: { host: 'localhost', port: smtpPort, security: 'starttls' },
	});
	await writeFile(join(dir, 'good.mailaccounts.json'), JSON.stringify({ accounts: [account('good', smtp.port)] }));
	await writeFile(
		join(dir, 'mixed.mailaccounts.json'),
		JSON.stringify({ accounts: [account('good', smtp.port), account('tenant-off', m365.port)] }),
	);
	await writeFile(join(dir, 'broken.mailaccounts.json'), '{ "accounts": [ ');
});
after(async () => {
	await Promise.all([imap.close(), smtp.close(), m365.close()]);
	await rm(dir, { recursive: true, force: true });
});

/** Every run's output is searched for the password in all its encodings. */
async function cli(args: string[], env: Record<string, string> = {}) {
	const run = await runTestCommand(dir, args, env);
	assertNoCanary({ stdout: run.stdout, stderr: run.stderr }, [PASSWORD]);
	return run;
}

const common = ['--ca', 'ca.pem', '--secrets', 'secrets.env', '--timeout', '2000', '--lang', 'en'];

test('all checks pass → exit 0, JSON in the documented shape', async () => {
	const { code, stdout } = await cli(['good.mailaccounts.json', '--format', 'json', ...common]);
	assert.equal(code, 0, stdout);
	const json = JSON.parse(stdout) as { accounts: { id: string; checks: Record<string, unknown>[] }[] };
	assert.deepEqual(Object.keys(json), ['accounts']);
	assert.equal(json.accounts[0]?.id, 'good');
	for (const check of json.accounts[0]?.checks ?? []) {
		assert.ok(['protocol', 'ok', 'stages'].every((k) => k in check));
		for (const stage of check.stages as Record<string, unknown>[]) {
			assert.equal(typeof stage.name, 'string');
			assert.equal(typeof stage.ok, 'boolean');
			assert.equal(typeof stage.ms, 'number');
		}
	}
	assert.ok(!stdout.includes(PASSWORD));
});

test('a failing account → exit 1, failure with code, server reply and explanation', async () => {
	const { code, stdout } = await cli(['mixed.mailaccounts.json', '--format', 'json', ...common]);
	assert.equal(code, 1);
	const json = JSON.parse(stdout) as {
		accounts: {
			id: string;
			checks: {
				protocol: string;
				ok: boolean;
				failedStage?: string;
				error?: { code: string; serverResponse?: string };
				explanation?: { id: string };
			}[];
		}[];
	};
	const failed = json.accounts.find((a) => a.id === 'tenant-off')?.checks.find((c) => c.protocol === 'smtp');
	assert.equal(failed?.failedStage, 'auth');
	assert.equal(failed?.error?.code, 'AUTH_FAILED');
	assert.match(failed?.error?.serverResponse ?? '', /^535 5\.7\.139 .*SmtpClientAuthentication is disabled/);
	assert.equal(failed?.explanation?.id, 'smtp-auth-disabled');
});

test('text output: a stage tree with the failure highlighted, German on request', async () => {
	const { code, stdout } = await cli([
		'mixed.mailaccounts.json',
		'--account',
		'tenant-off',
		...common.slice(0, -1),
		'de',
	]);
	assert.equal(code, 1);
	assert.match(stdout, /✗ tenant-off/);
	assert.match(stdout, /SMTP {2}✗ fehlgeschlagen bei auth/);
	assert.match(stdout, /✓ starttls +\d+ ms {2}TLSv1\.\d/);
	assert.match(stdout, /→ AUTH_FAILED: Der Server hat die Anmeldung abgelehnt\./);
	assert.match(stdout, /Server: 535 5\.7\.139/);
	assert.match(stdout, /1 Konto\/Konten: 0 bestanden, 1 fehlgeschlagen/);
});

test('usage and config errors → exit 2 with the exact message, nothing on stdout', async () => {
	const broken = join(dir, 'broken.mailaccounts.json');
	const recipient = (got: string) =>
		'--send-test-mail expects exactly one plain address such as it-admin@example.com, without display name, ' +
		`quotes, angle brackets, commas or spaces (got ${got})`;
	const cases: [string[], string][] = [
		[[], 'give one config file to test'],
		[['missing.mailaccounts.json'], `cannot read ${join(dir, 'missing.mailaccounts.json')}: ENOENT`],
		[
			['broken.mailaccounts.json'],
			`${broken} is not valid JSON (CloseBracketExpected at offset 16); run "mailcfg check ${broken}" for details`,
		],
		[['good.mailaccounts.json', '--account', 'nope'], 'unknown account id(s): nope (the file has: good)'],
		[['good.mailaccounts.json', '--timeout', 'soon'], '--timeout expects a whole number of at least 1 (got "soon")'],
		// the lowest timeout is 1 ms: 0, negative and fractional values are refused
		[['good.mailaccounts.json', '--timeout', '0'], '--timeout expects a whole number of at least 1 (got "0")'],
		[['good.mailaccounts.json', '--timeout', '-1'], '--timeout expects a whole number of at least 1 (got "-1")'],
		[['good.mailaccounts.json', '--timeout', '1.5'], '--timeout expects a whole number of at least 1 (got "1.5")'],
		[['good.mailaccounts.json', '--concurrency', '0'], '--concurrency expects a whole number of at least 1 (got "0")'],
		[['good.mailaccounts.json', '--send-test-mail', 'not-an-address'], recipient('"not-an-address"')],
		[['good.mailaccounts.json', '--send-test-mail', 'a,b@x.de'], recipient('"a,b@x.de"')],
		[['good.mailaccounts.json', '--send-test-mail', '"IT" <it@x.de>'], recipient('"\\"IT\\" <it@x.de>"')],
		[['good.mailaccounts.json', '--send-test-mail', 'it@x.de\r\nRSET'], recipient('"it@x.de\\r\\nRSET"')],
	];
	for (const [args, message] of cases) {
		const { code, stdout, stderr } = await cli([...args, '--lang', 'en']);
		assert.equal(code, 2, args.join(' '));
		assert.equal(stderr, `mailcfg test: ${message}\n`, args.join(' '));
		assert.equal(stdout, '', args.join(' '));
	}
});

test('a rejected test-mail recipient is explained in German too, and nothing is sent', async () => {
	const before = smtp.messages.length;
	const { code, stderr } = await cli([
		'good.mailaccounts.json',
		'--send-test-mail',
		'it@x.de, chef@x.de',
		...common.slice(0, -1),
		'de',
	]);
	assert.equal(code, 2);
	assert.match(
		stderr,
		/--send-test-mail erwartet genau eine einfache Adresse .* \(angegeben: "it@x\.de, chef@x\.de"\)/,
	);
	assert.equal(smtp.messages.length, before);
});

test('a missing secret → exit 2 with the reference and how to provide it', async () => {
	const { code, stdout } = await cli(['good.mailaccounts.json', '--ca', 'ca.pem', '--lang', 'en']);
	assert.equal(code, 2);
	assert.match(stdout, /CONFIG: .*\$\{secret:CLI_PW\}.*MAILCFG_SECRET_CLI_PW/);
});

test('--send-test-mail sends one mail per selected SMTP account', async () => {
	const before = smtp.messages.length;
	const { code } = await cli(['good.mailaccounts.json', '--send-test-mail', 'admin@example.test', ...common]);
	assert.equal(code, 0);
	assert.equal(smtp.messages.length, before + 1);
	assertNoCanary({ mail: JSON.stringify(smtp.messages.at(-1)) }, [PASSWORD]);
});

test('through the real entry: an unreadable config is a usage error with its translated message', async () => {
	let stderr = '';
	const io: CliIo = {
		stdout: () => undefined,
		stderr: (t) => (stderr += t),
		readStdin: () => Promise.resolve(''),
		env: {},
		cwd: dir,
	};
	const code = await main(['test', 'missing.mailaccounts.json', '--lang', 'de'], io);
	assert.equal(code, 2);
	assert.match(stderr, /^mailcfg test: \S*missing\.mailaccounts\.json kann nicht gelesen werden: .*ENOENT/);
});
