// The discovery commands against a small internet on loopback (#14 "the same works from the command palette"): the
// test DNS server (MX of contoso.test at Exchange Online), the HTTPS autoconfig server and the Entra-like authority
// of test/support/discovery-world.ts, reached through the user settings mailcfg.discovery.dnsServer/authorityHost/
// httpsPort and the test CA in mailcfg.probe.extraCaCertificates. Every name lives under `.test` and resolves only
// through the test DNS server, so nothing leaves the machine. `mailcfg discover` with the same endpoints is the oracle.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { findNodeAtLocation, parse, parseTree } from 'jsonc-parser';
import { type DiscoveryWorld, TENANTS, startDiscoveryWorld } from '../support/discovery-world';
import { checkFile } from './support/cli';
import { ROOT } from './support/code-server';
import { type Session, openSession } from './support/session';
import type { Workbench } from './support/workbench';

const FILE = 'contoso.mailaccounts.json';
/** An app-only account of the Microsoft 365 domain that still lacks its tenant. */
const CONFIG = `{
	"accounts": [
		{
			"id": "archive",
			"email": "archive@contoso.test",
			"provider": "microsoft365",
			"auth": {
				"method": "oauth2",
				"user": "archive@contoso.test",
				"oauth2": {
					"flow": "client-credentials",
					"clientId": "6f1c2a9e-3b7d-4e2a-9c1f-0d5e8b7a6c43",
					"clientSecret": "\${secret:ARCHIVE_CLIENT_SECRET}",
					"scopes": ["https://outlook.office365.com/.default"]
				}
			},
			"imap": { "host": "outlook.office365.com", "port": 993, "security": "tls" }
		}
	]
}
`;

/** The same account at a domain whose MX is Exchange Online but that no tenant has verified (a typo, a domain not yet added). */
const NO_TENANT_FILE = 'notenant.mailaccounts.json';
const NO_TENANT_CONFIG = CONFIG.replaceAll('contoso.test', 'notenant.test');

interface Server {
	host: string;
	port: number;
	security: string;
}
interface Discovered {
	imap: Server[];
	smtp: Server[];
	tenant: { id: string; domain: string } | null;
	account: {
		id: string;
		imap?: Server;
		smtp?: Server;
		auth: { method: string; oauth2?: { flow?: string; tenant?: string } };
	} & Record<string, unknown>;
}

let world: DiscoveryWorld;
let caDir: string;
let session: Session;
let bench: Workbench;

/**
 * The oracle: `mailcfg discover <email>` against the same loopback endpoints as the editor. Asynchronous, because the
 * servers it asks run in this process.
 */
async function discover(email: string): Promise<Discovered> {
	const run = await promisify(execFile)(
		process.execPath,
		[
			join(ROOT, 'dist', 'cli.js'),
			'discover',
			email,
			'--format',
			'json',
			'--dns',
			world.dns.address,
			'--ca',
			join(caDir, 'test-ca.pem'),
			'--authority-host',
			world.oidc.url,
			'--https-port',
			String(world.https.port),
		],
		{ encoding: 'utf8' },
	);
	return JSON.parse(run.stdout) as Discovered;
}

before(async () => {
	world = await startDiscoveryWorld();
	caDir = mkdtempSync(join(tmpdir(), 'mailcfg-e2e-ca-'));
	writeFileSync(join(caDir, 'test-ca.pem'), world.caCert);
	session = await openSession({
		name: 'discovery-network',
		settings: {
			'mailcfg.language': 'en',
			'mailcfg.discovery.dnsServer': world.dns.address,
			'mailcfg.discovery.authorityHost': world.oidc.url,
			'mailcfg.discovery.httpsPort': world.https.port,
			'mailcfg.probe.extraCaCertificates': [join(caDir, 'test-ca.pem')],
		},
		prepare: (folder) => {
			writeFileSync(join(folder, FILE), CONFIG);
			writeFileSync(join(folder, NO_TENANT_FILE), NO_TENANT_CONFIG);
		},
		open: FILE,
	});
	({ bench } = session);
});

after(async () => {
	await session?.close();
	await world?.close();
	if (caDir) rmSync(caDir, { recursive: true, force: true });
});

/** Saves the active editor and returns the file once the saved text satisfies `ready`. */
async function saveAndRead(ready: (accounts: Discovered['account'][]) => boolean) {
	await bench.runCommand('File: Save');
	const path = join(session.server.workspace, FILE);
	for (const deadline = Date.now() + 20_000; ;) {
		const text = readFileSync(path, 'utf8');
		const accounts = (parse(text) as { accounts?: Discovered['account'][] } | undefined)?.accounts ?? [];
		if (ready(accounts)) return { text, accounts };
		assert.ok(Date.now() < deadline, `${FILE} never got the expected content:\n${text}`);
		await bench.page.waitForTimeout(200);
	}
}

/** 0-based first and last line of the account with this id. */
function accountLines(text: string, id: string): [number, number] {
	const accounts = findNodeAtLocation(parseTree(text)!, ['accounts']);
	const node = accounts?.children?.find((a) => findNodeAtLocation(a, ['id'])?.value === id);
	assert.ok(node, `no account ${id}`);
	const line = (offset: number) => text.slice(0, offset).split('\n').length - 1;
	return [line(node.offset), line(node.offset + node.length)];
}

test('New Account from Email Address… on a Microsoft 365 domain: Exchange Online and app-only OAuth2 with the tenant', async () => {
	const expected = await discover('import@contoso.test');
	assert.deepEqual(expected.tenant, { id: TENANTS.contoso, domain: 'contoso.test' });
	assert.ok(expected.account.imap, 'the oracle suggests no IMAP server');
	world.dns.queries.length = 0;
	world.oidc.requests.length = 0;

	await bench.runCommand('Mail: New Account from Email Address…');
	const input = bench.page.locator('.quick-input-widget', { hasText: 'looked up (DNS and HTTPS)' });
	await input.locator('input').waitFor({ state: 'visible', timeout: 20_000 });
	await input.locator('input').fill('import@contoso.test');
	await bench.page.keyboard.press('Enter');

	const message = await bench.waitForNotification(`Added account "${expected.account.id}"`);
	// Where each value came from: the servers from the MX records, the tenant from the authority.
	const imap = expected.account.imap;
	assert.ok(message.includes(`${imap.host}:${imap.port} (MX records)`), message);
	assert.ok(message.includes(`tenant ${TENANTS.contoso} (tenant)`), message);
	await bench.screenshot('1-m365-account');

	// Into the open config, after the account that was there.
	const { text, accounts } = await saveAndRead((list) => list.length === 2);
	assert.equal(accounts[0]?.id, 'archive');
	assert.deepEqual(accounts[1], expected.account);
	assert.equal(accounts[1]?.auth.method, 'oauth2');
	assert.equal(accounts[1]?.auth.oauth2?.flow, 'client-credentials');
	assert.equal(accounts[1]?.auth.oauth2?.tenant, TENANTS.contoso);
	const errors = checkFile(join(session.server.workspace, FILE), 'en').filter((d) => {
		const [from, to] = accountLines(text, expected.account.id);
		return d.severity === 'error' && d.range.start.line >= from && d.range.end.line <= to;
	});
	assert.deepEqual(
		errors.map((d) => `${d.code}: ${d.message}`),
		[],
	);
	// The editor asked the loopback servers, not the system's resolver or Microsoft.
	assert.ok(world.dns.queries.some((q) => q.name === 'contoso.test' && q.type === 'MX'));
	assert.ok(world.oidc.requests.some((r) => r.path.startsWith('/contoso.test/')));
});

test('"Look up the tenant ID of contoso.test" fills the GUID from the authority', async () => {
	const path = join(session.server.workspace, FILE);
	const finding = checkFile(path, 'en').find((d) => d.code === 'oauth2-tenant-required');
	assert.ok(finding, 'mailcfg check reports no oauth2-tenant-required');
	world.oidc.requests.length = 0;
	await bench.goTo(finding.range.start.line + 1, finding.range.start.character + 1);
	await bench.quickFix(/Look up the tenant ID of contoso\.test/);
	assert.ok((await bench.waitForNotification('Tenant of contoso.test')).includes(TENANTS.contoso));
	await bench.screenshot('2-tenant-filled');

	const { accounts } = await saveAndRead((list) => list[0]?.auth.oauth2?.tenant !== undefined);
	assert.equal(accounts[0]?.auth.oauth2?.tenant, TENANTS.contoso);
	assert.ok(world.oidc.requests.some((r) => r.path.startsWith('/contoso.test/')));
	assert.equal(
		checkFile(path, 'en').filter((d) => d.code === 'oauth2-tenant-required').length,
		0,
		'the tenant finding is still there',
	);
});

test('"Look up the tenant ID" for a domain no tenant has verified says so and leaves the file as it is', async () => {
	const path = join(session.server.workspace, NO_TENANT_FILE);
	const finding = checkFile(path, 'en').find((d) => d.code === 'oauth2-tenant-required');
	assert.ok(finding, 'mailcfg check reports no oauth2-tenant-required');
	world.oidc.requests.length = 0;
	await bench.openFile(NO_TENANT_FILE);
	await bench.goTo(finding.range.start.line + 1, finding.range.start.character + 1);
	await bench.quickFix(/Look up the tenant ID of notenant\.test/);
	await bench.waitForNotification('notenant.test is not a verified domain of any Microsoft Entra tenant');
	await bench.screenshot('3-no-tenant');
	assert.ok(world.oidc.requests.some((r) => r.path.startsWith('/notenant.test/')));
	// Saved, the editor's text is the file's: nothing was filled in, not even a guess.
	await bench.runCommand('File: Save');
	await bench.page.waitForTimeout(500);
	assert.equal(readFileSync(path, 'utf8'), NO_TENANT_CONFIG);
	assert.ok(checkFile(path, 'en').some((d) => d.code === 'oauth2-tenant-required'));
});

test('Cancel on the lookup notification stops it at once: no account, no error, the file as it was', async () => {
	// hang.test's autoconfig server accepts the request and never answers: only the 5 s step timeout or Cancel ends it.
	const path = join(session.server.workspace, FILE);
	const before = readFileSync(path, 'utf8');
	world.https.requests.length = 0;
	await bench.openFile(FILE);
	// The earlier tests' toasts would hide what this one shows.
	await bench.runCommand('Notifications: Clear All Notifications');
	await bench.runCommand('Mail: New Account from Email Address…');
	const input = bench.page.locator('.quick-input-widget', { hasText: 'looked up (DNS and HTTPS)' });
	await input.locator('input').waitFor({ state: 'visible', timeout: 20_000 });
	await input.locator('input').fill('import@hang.test');
	await bench.page.keyboard.press('Enter');
	const progress = bench.page.locator('.notification-toast', {
		hasText: 'Looking up mail settings for import@hang.test',
	});
	await progress.first().waitFor({ timeout: 20_000 });
	for (const deadline = Date.now() + 20_000; !world.https.requests.some((r) => r.host === 'autoconfig.hang.test');) {
		assert.ok(Date.now() < deadline, 'the lookup never reached the hanging autoconfig server');
		await bench.page.waitForTimeout(100);
	}
	const cancelled = Date.now();
	await progress.first().getByRole('button', { name: 'Cancel' }).click();
	await progress.first().waitFor({ state: 'detached', timeout: 4_000 });
	assert.ok(Date.now() - cancelled < 4_000, 'the notification outlived the cancel');
	// Past the step timeout the lookup would have ended on its own: neither an account nor an error turned up, not as
	// a toast and not in the notification center, which also lists what VS Code showed no toast for.
	await bench.page.waitForTimeout(6_000);
	await bench.screenshot('4-lookup-cancelled');
	await bench.runCommand('Notifications: Show Notifications');
	await bench.page.locator('.notifications-center').waitFor();
	const notifications = await bench.page.locator('.notification-list-item').allInnerTexts();
	assert.ok(
		!notifications.some((t) =>
			/Added account|The lookup failed|No mail settings found|Only unencrypted servers/.test(t),
		),
		notifications.join('\n'),
	);
	assert.equal(readFileSync(path, 'utf8'), before);
});
