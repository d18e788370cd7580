// A Laravel .env in the packaged extension: its problems on the .env's own lines (the CLI is the oracle), a quick fix
// that edits the .env in its own syntax, and "Mail: Convert to mailaccounts.json" writing a config without the password.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'jsonc-parser';
import { type CliDiagnostic, checkFile, firstLine } from './support/cli';
import type { CodeServer } from './support/code-server';
import { type Session, openSession } from './support/session';
import type { Workbench } from './support/workbench';

const FILE = '.env';
const PASSWORD = 'Winter2026!';
/** As Laravel's installer writes it, with the Microsoft 365 port people copy from other providers' guides. */
const DOTENV = [
	'APP_NAME=Invoices',
	'MAIL_MAILER=smtp',
	'MAIL_HOST=smtp.office365.com',
	'MAIL_PORT=465',
	'MAIL_USERNAME=invoices@contoso.example',
	`MAIL_PASSWORD="${PASSWORD}"`,
	'MAIL_ENCRYPTION=ssl',
	'MAIL_FROM_ADDRESS=invoices@contoso.example',
	'',
].join('\n');

let session: Session;
let server: CodeServer;
let bench: Workbench;
let expected: CliDiagnostic[];

before(async () => {
	session = await openSession({
		name: 'sources',
		settings: { 'mailcfg.language': 'en' },
		prepare: (folder) => writeFileSync(join(folder, FILE), DOTENV),
		open: FILE,
	});
	({ server, bench } = session);
	expected = checkFile(join(server.workspace, FILE), 'en');
});

after(async () => {
	await session?.close();
});

const mismatch = () => {
	const found = expected.find((d) => d.code === 'provider-endpoint-mismatch');
	assert.ok(found, `mailcfg check reports no provider-endpoint-mismatch: ${expected.map((d) => d.code).join(', ')}`);
	return found;
};

test('the problems of a .env show on its own lines, as mailcfg check reports them', async () => {
	const diagnostic = mismatch();
	assert.equal(
		DOTENV.split('\n')[diagnostic.range.start.line],
		'MAIL_PORT=465',
		'the CLI puts the finding on MAIL_PORT',
	);
	for (const d of expected) {
		const at = `[Ln ${d.range.start.line + 1}, Col ${d.range.start.character + 1}]`;
		await bench.waitForProblem(firstLine(d.message), at);
	}
	await bench.screenshot('1-dotenv-problems');
});

test('a quick fix edits the .env in its own syntax', async () => {
	const diagnostic = mismatch();
	await bench.goTo(diagnostic.range.start.line + 1, diagnostic.range.start.character + 1);
	await bench.quickFix(/587/);
	await bench.page.keyboard.press('Control+S');
	const path = join(server.workspace, FILE);
	const deadline = Date.now() + 20_000;
	while (readFileSync(path, 'utf8') === DOTENV && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
	const after = readFileSync(path, 'utf8');
	assert.match(after, /^MAIL_PORT=587$/m, after);
	assert.match(after, /^APP_NAME=Invoices$/m, 'the rest of the file is kept');
	const codes = checkFile(path, 'en').map((d) => d.code);
	assert.ok(!codes.includes('provider-endpoint-mismatch'), codes.join(', '));
	await bench.screenshot('2-dotenv-fixed');
});

test('Convert to mailaccounts.json writes the account beside the .env, with a reference instead of the password', async () => {
	await bench.runCommand('Mail: Convert to mailaccounts.json');
	const name = 'env.mailaccounts.json';
	await bench.page.locator('.tab.active', { hasText: name }).waitFor({ timeout: 20_000 });
	const text = readFileSync(join(server.workspace, name), 'utf8');
	assert.ok(!text.includes(PASSWORD), 'the password is not copied');
	const config = parse(text) as { accounts: { smtp?: { host: string; port: number } }[] };
	assert.equal(config.accounts.length, 1);
	assert.deepEqual(
		{ host: config.accounts[0]?.smtp?.host, port: config.accounts[0]?.smtp?.port },
		{ host: 'smtp.office365.com', port: 587 },
	);
	// The converted file is checked like any config: the editor shows what the CLI reports for it.
	const converted = checkFile(join(server.workspace, name), 'en');
	for (const d of converted) await bench.waitForProblem(firstLine(d.message));
	await bench.screenshot('3-converted');
});
