// "Mail: New Account from Email Address…" and the discovery quick fixes in the packaged extension, with the user
// setting mailcfg.discovery.offline: answers come from the bundled provider data only, so nothing leaves the machine.
// The CLI of the same build is the oracle: `mailcfg discover --offline` names the servers and the account the editor
// must write, and `mailcfg check` must find no error in what it wrote.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { findNodeAtLocation, parse, parseTree } from 'jsonc-parser';
import { checkFile } from './support/cli';
import { ROOT } from './support/code-server';
import { type Session, openSession } from './support/session';
import type { Workbench } from './support/workbench';

const FILE = 'shop.mailaccounts.json';
/** A web.de account whose IMAP section still holds a template's placeholder, and an app-only account without tenant. */
const CONFIG = `{
	"accounts": [
		{
			"id": "orders",
			"email": "orders@web.de",
			"auth": { "method": "password", "user": "orders@web.de", "password": "\${secret:ORDERS_PASSWORD}" },
			"imap": { "host": "imap.example.com", "port": 143, "security": "none", "folder": "Orders" }
		},
		{
			"id": "dms-import",
			"email": "import@contoso.example",
			"provider": "microsoft365",
			"auth": {
				"method": "oauth2",
				"user": "import@contoso.example",
				"oauth2": {
					"flow": "client-credentials",
					"clientId": "6f1c2a9e-3b7d-4e2a-9c1f-0d5e8b7a6c43",
					"clientSecret": "\${secret:DMS_IMPORT_CLIENT_SECRET}",
					"scopes": ["https://outlook.office365.com/.default"]
				}
			},
			"imap": { "host": "outlook.office365.com", "port": 993, "security": "tls" }
		}
	]
}
`;

interface Server {
	host: string;
	port: number;
	security: string;
}
interface Discovered {
	imap: Server[];
	smtp: Server[];
	account: { id: string; imap?: Server; smtp?: Server } & Record<string, unknown>;
}

/** The oracle: what `mailcfg discover <email> --offline` finds. */
function discoverOffline(email: string): Discovered {
	const run = spawnSync(
		process.execPath,
		[join(ROOT, 'dist', 'cli.js'), 'discover', email, '--offline', '--format', 'json'],
		{ encoding: 'utf8' },
	);
	assert.equal(run.status, 0, `mailcfg discover ${email} --offline: ${run.stdout}${run.stderr}`);
	return JSON.parse(run.stdout) as Discovered;
}

let session: Session;
let bench: Workbench;

before(async () => {
	session = await openSession({
		name: 'discovery',
		settings: { 'mailcfg.language': 'en', 'mailcfg.discovery.offline': true },
		prepare: (folder) => writeFileSync(join(folder, FILE), CONFIG),
	});
	({ bench } = session);
});

after(async () => {
	await session?.close();
});

/** Saves the active editor and returns the file's accounts once the saved text satisfies `ready`. */
async function saveAndRead(file: string, ready: (accounts: Record<string, unknown>[]) => boolean) {
	await bench.runCommand('File: Save');
	const path = join(session.server.workspace, file);
	for (const deadline = Date.now() + 20_000; ;) {
		const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
		const accounts = ((parse(text) as { accounts?: Record<string, unknown>[] } | undefined)?.accounts ?? []).filter(
			(a) => typeof a === 'object' && a !== null,
		);
		if (ready(accounts)) return { text, accounts };
		assert.ok(Date.now() < deadline, `${file} never got the expected content:\n${text}`);
		await bench.page.waitForTimeout(200);
	}
}

/** Errors `mailcfg check` reports, optionally only those within 0-based lines [from, to]. */
function errorsIn(file: string, lines?: [number, number]): string[] {
	return checkFile(join(session.server.workspace, file), 'en')
		.filter((d) => d.severity === 'error')
		.filter((d) => !lines || (d.range.start.line >= lines[0] && d.range.end.line <= lines[1]))
		.map((d) => `${d.code}: ${d.message}`);
}

/** 0-based first and last line of the account with this id. */
function accountLines(text: string, id: string): [number, number] {
	const accounts = findNodeAtLocation(parseTree(text)!, ['accounts']);
	const node = accounts?.children?.find((a) => findNodeAtLocation(a, ['id'])?.value === id);
	assert.ok(node, `no account ${id}`);
	const line = (offset: number) => text.slice(0, offset).split('\n').length - 1;
	return [line(node.offset), line(node.offset + node.length)];
}

test('New Account from Email Address… writes the bundled provider data into a new config file', async () => {
	const expected = discoverOffline('someone@gmx.de');
	assert.ok(expected.account.imap && expected.account.smtp, 'the oracle suggests no complete account');
	await bench.runCommand('Mail: New Account from Email Address…');
	// The prompt says that nothing is looked up on the network.
	const input = bench.page.locator('.quick-input-widget', { hasText: 'bundled provider data only' });
	await input.locator('input').waitFor({ state: 'visible', timeout: 20_000 });
	await input.locator('input').fill('someone@gmx.de');
	await bench.page.keyboard.press('Enter');

	// No config was open, so the account goes into a new file named after it.
	const file = `${expected.account.id}.mailaccounts.json`;
	const toast = bench.page.locator('.notification-toast', { hasText: `Added account "${expected.account.id}"` });
	await toast.first().waitFor({ timeout: 30_000 });
	const message = await toast.first().innerText();
	// Each value with where it came from, and the secret to store next.
	for (const server of [expected.account.imap, expected.account.smtp]) {
		assert.ok(message.includes(`${server.host}:${server.port} (provider data)`), message);
	}
	assert.match(message, /Store the secret "SOMEONE_PASSWORD" next/);
	// GMX wants POP3/IMAP allowed once: the message says so and offers the provider's page.
	assert.match(message, /Before the first sign-in: GMX lets mail programs connect over POP3 and IMAP only after/);
	await toast.first().locator('.monaco-button', { hasText: 'Open provider page' }).waitFor();
	await bench.page.locator('.tab.active', { hasText: file }).waitFor({ timeout: 20_000 });
	await bench.screenshot('1-new-account');

	const { accounts } = await saveAndRead(file, (list) => list.length === 1);
	assert.deepEqual(accounts[0], expected.account);
	// The best server of each protocol is the one the account uses.
	assert.deepEqual(
		{ host: expected.account.imap.host, port: expected.account.imap.port, security: expected.account.imap.security },
		expected.imap[0],
	);
	assert.deepEqual(errorsIn(file), []);
});

test('"Fill in server settings for web.de" replaces the placeholder server and keeps the rest of the section', async () => {
	const expected = discoverOffline('orders@web.de').account.imap;
	assert.ok(expected);
	await bench.openFile(FILE);
	await bench.goTo(accountLines(CONFIG, 'orders')[0] + 3, 10);
	await bench.quickFix(/Fill in server settings for web\.de/);
	const toast = bench.page.locator('.notification-toast', { hasText: 'Server settings of "orders" filled in' });
	await toast.first().waitFor({ timeout: 30_000 });
	assert.ok((await toast.first().innerText()).includes(`${expected.host}:${expected.port} (provider data)`));
	await bench.screenshot('2-fill-in-servers');

	const { text, accounts } = await saveAndRead(FILE, (list) => (list[0]?.imap as Server)?.host === expected.host);
	const orders = accounts[0] as { imap: Server & { folder: string }; smtp?: unknown };
	assert.deepEqual(orders.imap, { ...expected, folder: 'Orders' });
	// Only the protocol the account uses is filled in.
	assert.equal(orders.smtp, undefined);
	assert.deepEqual(errorsIn(FILE, accountLines(text, 'orders')), []);
});

test('"Look up the tenant ID" stays offline: it says so and leaves the file as it is', async () => {
	const before = readFileSync(join(session.server.workspace, FILE), 'utf8');
	const finding = checkFile(join(session.server.workspace, FILE), 'en').find(
		(d) => d.code === 'oauth2-tenant-required',
	);
	assert.ok(finding, 'mailcfg check reports no oauth2-tenant-required');
	await bench.goTo(finding.range.start.line + 1, finding.range.start.character + 1);
	await bench.quickFix(/Look up the tenant ID of contoso\.example/);
	const toast = bench.page.locator('.notification-toast', { hasText: 'can only be looked up online' });
	await toast.first().waitFor({ timeout: 30_000 });
	assert.match(await toast.first().innerText(), /contoso\.example.*mailcfg\.discovery\.offline/s);
	await bench.screenshot('3-tenant-offline');
	assert.equal(await bench.page.locator('.tab.active.dirty').count(), 0, 'the lookup edited the file');
	assert.equal(readFileSync(join(session.server.workspace, FILE), 'utf8'), before);
});
