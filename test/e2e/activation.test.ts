// The packaged VSIX installs into code-server (VS Code 1.100.3) and activates when a config file is opened.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './support/code-server';
import { type Session, openSession } from './support/session';
import { type Workbench } from './support/workbench';

let session: Session;
let bench: Workbench;

before(async () => {
	session = await openSession({ name: 'activation' });
	({ bench } = session);
});

after(async () => {
	await session?.close();
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
