// A cloned repository cannot widen where secrets go (#9): its .vscode/settings.json sets every mailcfg.security.*
// allowance, and the packaged extension still refuses what only the user may allow, before anything connects. The
// same allowance in the user settings does count, which shows the refusals come from the setting's level. Every host
// is a loopback listener that counts connections, so "nothing was sent" is measured, not assumed.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { checkFile } from './support/cli';
import { type Session, openSession } from './support/session';
import type { Workbench } from './support/workbench';

const FILE = 'hostile.mailaccounts.json';
const CANARIES = {
	E2E_WORKSPACE_SECRET: 'canary-workspace-7f3a9c1e',
	E2E_USER_ALLOWED: 'canary-user-allowed-2b8d4e6f',
	MAILCFG_E2E_CLIENT_SECRET: 'canary-client-secret-5c1e7a9b',
};

/** A loopback port that counts the connections it gets and closes each at once. */
interface Listener {
	port: number;
	connections: number;
	close(): Promise<void>;
}

async function listen(): Promise<Listener> {
	const server: Server = createServer((socket) => {
		listener.connections++;
		socket.destroy();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	assert.ok(address && typeof address === 'object');
	const listener: Listener = {
		port: address.port,
		connections: 0,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
	return listener;
}

/** Gets what the workspace settings allow: every connection here would be a secret leaving on a repository's word. */
let workspaceTarget: Listener;
/** Gets what the user settings allow. */
let userTarget: Listener;
let session: Session;
let bench: Workbench;
let keyFile: string;

const oauth2 = (authority: string, extra: Record<string, unknown>) => ({
	method: 'oauth2',
	user: 'import@contoso.example',
	oauth2: {
		flow: 'client-credentials',
		tenant: 'contoso.example',
		clientId: '6f1c2a9e-3b7d-4e2a-9c1f-0d5e8b7a6c43',
		authority,
		scopes: ['https://outlook.office365.com/.default'],
		...extra,
	},
});

function config(): string {
	const imap = (port: number) => ({ host: '127.0.0.1', port, security: 'tls' });
	const workspaceOrigin = `https://127.0.0.1:${workspaceTarget.port}`;
	const userOrigin = `https://127.0.0.1:${userTarget.port}`;
	const accounts = [
		{
			id: 'workspace-env',
			email: 'import@contoso.example',
			auth: { method: 'password', user: 'import@contoso.example', password: '${env:E2E_WORKSPACE_SECRET}' },
			imap: imap(workspaceTarget.port),
		},
		{
			id: 'workspace-authority',
			email: 'import@contoso.example',
			auth: oauth2(`${workspaceOrigin}/contoso.example`, { clientSecret: '${env:MAILCFG_E2E_CLIENT_SECRET}' }),
			imap: imap(workspaceTarget.port),
		},
		{
			id: 'workspace-key-file',
			email: 'import@contoso.example',
			auth: oauth2(`${userOrigin}/contoso.example`, {
				certificate: { thumbprint: 'AB'.repeat(20), privateKeyFile: keyFile },
			}),
			imap: imap(userTarget.port),
		},
		{
			id: 'user-env',
			email: 'import@contoso.example',
			auth: { method: 'password', user: 'import@contoso.example', password: '${env:E2E_USER_ALLOWED}' },
			imap: imap(userTarget.port),
		},
	];
	return `${JSON.stringify({ accounts }, null, '\t')}\n`;
}

before(async () => {
	workspaceTarget = await listen();
	userTarget = await listen();
	session = await openSession({
		name: 'workspace-settings',
		settings: {
			'mailcfg.language': 'en',
			'mailcfg.security.allowEnv': ['E2E_USER_ALLOWED'],
			'mailcfg.security.allowAuthorities': [`https://127.0.0.1:${userTarget.port}`],
		},
		env: CANARIES,
		prepare: (folder) => {
			// A key file beside the workspace, not in it: only the user may let a test sign with it.
			const outside = join(folder, '..', 'outside');
			mkdirSync(outside, { recursive: true });
			keyFile = join(outside, 'signing.key');
			writeFileSync(keyFile, '-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n');
			mkdirSync(join(folder, '.vscode'), { recursive: true });
			writeFileSync(
				join(folder, '.vscode', 'settings.json'),
				JSON.stringify(
					{
						'mailcfg.security.allowEnv': ['E2E_WORKSPACE_SECRET', 'E2E_*'],
						'mailcfg.security.allowAuthorities': [`https://127.0.0.1:${workspaceTarget.port}`],
						'mailcfg.security.allowKeyFiles': [keyFile],
					},
					null,
					'\t',
				),
			);
			writeFileSync(join(folder, FILE), config());
		},
		open: FILE,
	});
	({ bench } = session);
});

after(async () => {
	await session?.close();
	await workspaceTarget?.close();
	await userTarget?.close();
});

/** Clears the notifications, puts the cursor into the account and runs "Mail: Test Connection". */
async function testAccount(id: string): Promise<void> {
	const text = readFileSync(join(session.server.workspace, FILE), 'utf8');
	const line = text.split('\n').findIndex((l) => l.includes(`"id": "${id}"`));
	assert.ok(line >= 0, `no account ${id}`);
	// Each test looks for its own notifications; the earlier tests' toasts would only crowd the corner.
	await bench.runCommand('Notifications: Clear All Notifications');
	await bench.goTo(line + 1, 1);
	await bench.runCommand('Mail: Test Connection');
}

const dialog = () => bench.page.locator('.monaco-dialog-box');

test('the config is what it seems: mailcfg check finds no error that would stop a test', () => {
	const errors = checkFile(join(session.server.workspace, FILE), 'en').filter((d) => d.severity === 'error');
	assert.deepEqual(
		errors.map((d) => `${d.code}: ${d.message}`),
		[],
	);
});

test('an environment variable the workspace allows is refused before the confirmation, naming the user setting', async () => {
	await testAccount('workspace-env');
	const toast = bench.page.locator('.notification-toast', { hasText: 'environment variable E2E_WORKSPACE_SECRET' });
	await toast.first().waitFor({ timeout: 30_000 });
	const message = await toast.first().innerText();
	assert.match(message, /nothing was sent/);
	assert.match(message, /add "E2E_WORKSPACE_SECRET" to the user setting mailcfg\.security\.allowEnv/);
	assert.equal(await dialog().count(), 0, 'a confirmation was offered for a refused variable');
	await bench.screenshot('1-env-refused');
	assert.equal(workspaceTarget.connections, 0);
});

test('an OAuth2 authority the workspace allows is refused: no client secret, no connection', async () => {
	await testAccount('workspace-authority');
	const origin = `https://127.0.0.1:${workspaceTarget.port}`;
	const toast = bench.page.locator('.notification-toast', { hasText: `OAuth2 authority ${origin}` });
	await toast.first().waitFor({ timeout: 30_000 });
	const message = await toast.first().innerText();
	assert.match(message, /is not one of Microsoft's login hosts/);
	assert.ok(message.includes(`add "${origin}" to the user setting mailcfg.security.allowAuthorities`), message);
	assert.equal(await dialog().count(), 0);
	await bench.screenshot('2-authority-refused');
	assert.equal(workspaceTarget.connections, 0);
});

test('a private key file the workspace allows is not read: the test stops at auth before the authority', async () => {
	await testAccount('workspace-key-file');
	// The authority and the IMAP host are the user's: the confirmation lists them, then the key file is refused.
	await dialog().waitFor({ timeout: 20_000 });
	assert.ok((await dialog().innerText()).includes(`https://127.0.0.1:${userTarget.port}`));
	await dialog().locator('.monaco-button', { hasText: 'Connect' }).first().click();
	const rows = await bench.waitForProblem('outside the config file', 'mailcfg.security.allowKeyFiles');
	assert.ok(rows.some((r) => r.includes('signing.key')));
	await bench.screenshot('3-key-file-refused');
	assert.equal(userTarget.connections, 0, 'the test connected although the key file was refused');
});

test('the same kind of allowance in the user settings counts: the test asks, then connects', async () => {
	await testAccount('user-env');
	await dialog().waitFor({ timeout: 20_000 });
	assert.ok(
		(await dialog().innerText()).includes(`127.0.0.1:${userTarget.port} (IMAP, encrypted): \${env:E2E_USER_ALLOWED}`),
	);
	await bench.screenshot('4-user-allowance-confirm');
	await dialog().locator('.monaco-button', { hasText: 'Connect' }).first().click();
	for (const deadline = Date.now() + 30_000; userTarget.connections === 0;) {
		assert.ok(Date.now() < deadline, 'the user-allowed test never connected');
		await bench.page.waitForTimeout(100);
	}
	// The listener hangs up before TLS: the test fails there, the log records it, and the notification says so.
	for (const deadline = Date.now() + 60_000; !extensionLog().includes(`user-env (${FILE}): failed`);) {
		assert.ok(Date.now() < deadline, 'the log never recorded the failed test of user-env');
		await bench.page.waitForTimeout(200);
	}
	assert.match(await bench.waitForNotification('user-env": IMAP failed'), /IMAP failed at tls/);
	assert.equal(workspaceTarget.connections, 0);
});

/** The text of the extension's log files (the output channel "Mail Account Config"). */
function extensionLog(): string {
	const logs = readdirSync(session.server.tempDir, { recursive: true, encoding: 'utf8' }).filter((f) =>
		f.endsWith('Mail Account Config.log'),
	);
	return logs.map((f) => readFileSync(join(session.server.tempDir, f), 'utf8')).join('\n');
}

test('no secret value reached the extension log', () => {
	const logs = readdirSync(session.server.tempDir, { recursive: true, encoding: 'utf8' }).filter((f) =>
		f.endsWith('.log'),
	);
	assert.ok(
		logs.some((f) => f.endsWith('Mail Account Config.log')),
		`no extension log in ${logs.join(', ')}`,
	);
	const text = logs.map((f) => readFileSync(join(session.server.tempDir, f), 'utf8')).join('\n');
	for (const [name, value] of Object.entries(CANARIES)) assert.ok(!text.includes(value), `${name} is in a log`);
});
