/**
 * Secret canaries through every CLI output: unique secrets planted as the password, the client secret and literal
 * values in the config, then `mailcfg test` (JSON, text with transcript, passing and failing logins, a server that
 * echoes what it got) and `mailcfg check` (text, JSON, SARIF). No output may contain any encoding of any canary.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { type Server, type Socket, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { CliIo } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { assertNoCanary, canary } from '../../support/canaries';
import { testCerts } from '../../support/certs';
import { type ImapTestServer, startImapServer } from '../../support/imap-server';
import { type SmtpTestServer, startSmtpServer } from '../../support/smtp-server';

const USER = 'canary@example.test';
const PASSWORD = canary({ wire: true });
const WRONG = canary({ wire: true });
const LITERAL = canary();
const SECRET_FILE_VALUE = canary({ wire: true });
const ALL = [PASSWORD, WRONG, LITERAL, SECRET_FILE_VALUE];

let dir: string;
let imap: ImapTestServer;
let smtp: SmtpTestServer;
let echo: Server;
let echoPort: number;

/**
 * An SMTP server that repeats every client line in its replies and rejects AUTH with the payload quoted: the
 * hostile server that tries to make the report carry the credentials.
 */
function startEchoServer(): Promise<number> {
	echo = createServer((socket: Socket) => {
		socket.write('220 echo.example.test ESMTP\r\n');
		let buffer = '';
		socket.on('data', (chunk: Buffer) => {
			buffer += chunk.toString('utf8');
			let end: number;
			while ((end = buffer.indexOf('\r\n')) >= 0) {
				const line = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				if (/^EHLO/i.test(line)) socket.write('250-echo.example.test\r\n250 AUTH PLAIN LOGIN\r\n');
				else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
				else {
					const payload = line.replace(/^AUTH \S+ ?/i, '');
					const decoded = Buffer.from(payload, 'base64').toString('utf8').replace(/\0/g, ' ');
					socket.write(`535 5.7.8 rejected ${line} decoded ${decoded} url ${encodeURIComponent(decoded)}\r\n`);
				}
			}
		});
		socket.on('error', () => undefined);
	});
	return new Promise((resolve) =>
		echo.listen(0, '127.0.0.1', () => resolve((echo.address() as { port: number }).port)),
	);
}

before(async () => {
	const certs = await testCerts();
	imap = await startImapServer({
		secure: true,
		tls: certs.server,
		users: { [USER]: { password: PASSWORD } },
		folders: { INBOX: 1 },
	});
	smtp = await startSmtpServer({ tls: certs.server, users: { [USER]: { password: PASSWORD } } });
	echoPort = await startEchoServer();
	dir = await mkdtemp(join(tmpdir(), 'mailcfg-canaries-'));
	await writeFile(join(dir, 'ca.pem'), certs.caCert);
	await writeFile(join(dir, 'secrets.env'), `FROM_FILE=${JSON.stringify(SECRET_FILE_VALUE)}\n`);
	const account = (id: string, password: string, smtpPort: number, security = 'starttls') => ({
		id,
		email: USER,
		auth: { method: 'password', user: USER, password },
		imap: { host: '127.0.0.1', port: imap.port, security: 'tls' },
		smtp: { host: '127.0.0.1', port: smtpPort, security },
	});
	await writeFile(
		join(dir, 'accounts.mailaccounts.json'),
		JSON.stringify({
			accounts: [
				account('good', '${env:MAILCFG_CANARY_PW}', smtp.port),
				account('wrong', '${env:MAILCFG_CANARY_WRONG}', smtp.port),
				account('from-file', '${secret:FROM_FILE}', smtp.port),
				account('echo', '${env:MAILCFG_CANARY_PW}', echoPort, 'none'),
			],
		}),
	);
	// For `check`: literal secrets (reported by plaintext-secret, which must not quote them).
	await writeFile(
		join(dir, 'literal.mailaccounts.json'),
		JSON.stringify({
			accounts: [
				{
					id: 'literal',
					email: USER,
					auth: {
						method: 'oauth2',
						user: USER,
						password: LITERAL,
						oauth2: { flow: 'client-credentials', tenant: 'contoso.test', clientId: 'c', clientSecret: LITERAL },
					},
					imap: { host: 'outlook.office365.com', port: 993, security: 'tls' },
				},
			],
		}),
	);
});
after(async () => {
	await Promise.all([imap.close(), smtp.close(), new Promise((resolve) => echo.close(resolve))]);
	await rm(dir, { recursive: true, force: true });
});

async function cli(args: string[]) {
	let stdout = '';
	let stderr = '';
	const io: CliIo = {
		stdout: (t) => (stdout += t),
		stderr: (t) => (stderr += t),
		readStdin: () => Promise.resolve(''),
		env: { MAILCFG_CANARY_PW: PASSWORD, MAILCFG_CANARY_WRONG: WRONG },
		cwd: dir,
	};
	const code = await main(args, io);
	return { code, stdout, stderr };
}

const testArgs = ['test', 'accounts.mailaccounts.json', '--ca', 'ca.pem', '--secrets', 'secrets.env'];

test('mailcfg test: JSON and text with transcript carry no canary, passing, failing and echoed logins alike', async () => {
	for (const format of [['--format', 'json'], ['--transcript'], ['--transcript', '--lang', 'de']]) {
		const { code, stdout, stderr } = await cli([...testArgs, '--timeout', '4000', ...format]);
		assert.equal(code, 1, stderr);
		assertNoCanary({ stdout, stderr }, ALL);
		if (format[0] === '--format') {
			const accounts = (JSON.parse(stdout) as { accounts: { id: string; checks: { ok: boolean }[] }[] }).accounts;
			const passed = Object.fromEntries(accounts.map((a) => [a.id, a.checks.every((c) => c.ok)]));
			// The canaries really were used: the right one logs in, the wrong one and the echo server fail.
			assert.deepEqual(passed, { good: true, wrong: false, 'from-file': false, echo: false });
		} else {
			assert.match(stdout, /535 5\.7\.8 rejected/, 'the echo server’s reply is in the report');
		}
	}
});

test('mailcfg check: literal secrets are flagged in text, JSON and SARIF without being quoted', async () => {
	for (const format of ['text', 'json', 'sarif']) {
		const { stdout, stderr } = await cli(['check', 'literal.mailaccounts.json', '--format', format]);
		assert.match(stdout, /plaintext-secret/, format);
		assertNoCanary({ stdout, stderr }, [LITERAL]);
	}
});
