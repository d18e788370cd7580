// The packaged VSIX installs into code-server (VS Code 1.100.3) and activates when a config file is opened.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CodeServer, ROOT, ensureCodeServer, ensureVsix, startCodeServer } from './support/code-server';
import { type Workbench, openWorkbench } from './support/workbench';

let server: CodeServer;
let bench: Workbench;

before(async () => {
	server = await startCodeServer(ensureCodeServer(), ensureVsix(), {
		workspace: join(ROOT, 'test', 'e2e', 'workspace'),
		copyWorkspace: true,
	});
	bench = await openWorkbench(server.folderUrl, 'activation');
});

after(async () => {
	await bench?.close();
	await server?.stop();
});

test('the VSIX is installed and activates on a *.mailaccounts.json file', async () => {
	await bench.openFile('office.mailaccounts.json');
	await bench.screenshot('1-config-open');
	await bench.runCommand('Developer: Show Running Extensions');
	const { displayName, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
		displayName: string;
		version: string;
	};
	const row = bench.page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: displayName }).first();
	await row.waitFor({ timeout: 30_000 });
	await bench.screenshot('2-running-extensions');
	const text = await row.innerText();
	assert.ok(text.includes(version), text);
	// The row lists an activation time only for extensions that really activated (no error).
	assert.match(text, /Activation: \d+ms/);
});
