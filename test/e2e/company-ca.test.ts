// A company CA given only through the setting mailcfg.probe.extraCaCertificates (#12 point 2): the extension host
// starts without NODE_EXTRA_CA_CERTS, so the demo's OAuth2 authority (signed by the demo CA) is not trusted. The
// first test fails at `authority` with TLS_CERT_INVALID on the config's `authority` line, and the diagnostic names
// the setting; once the user settings list the CA file, the same account gets past the authority and fails at
// `claims`, as the demo designs it (the token it hands out has expired).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { DEMO_CONFIG_NAME } from '../../scripts/demo-config';
import { SettingKeys } from '../../src/shared/ids';
import { type Session, openSession } from './support/session';
import type { Workbench } from './support/workbench';

const ACCOUNT = 'demo-expired-token';
let session: Session;
let bench: Workbench;

before(async () => {
	session = await openSession({
		name: 'company-ca',
		// The test types the user settings as one JSON line: nothing may be added while typing.
		settings: {
			'mailcfg.language': 'en',
			'editor.autoClosingBrackets': 'never',
			'editor.autoClosingQuotes': 'never',
			'editor.autoSurround': 'never',
			'editor.formatOnType': false,
		},
		demo: true,
		// The demo puts its CA into NODE_EXTRA_CA_CERTS; here only the setting may bring it.
		env: { NODE_EXTRA_CA_CERTS: '' },
		open: DEMO_CONFIG_NAME,
	});
	({ bench } = session);
});

after(async () => {
	await session?.close();
});

/** 1-based line of the account's `auth.oauth2.authority` property, from the config text. */
function authorityLine(): number {
	assert.ok(session.demo);
	const text = readFileSync(session.demo.workspace.config, 'utf8');
	const accounts = findNodeAtLocation(parseTree(text)!, ['accounts']);
	const account = accounts?.children?.find((a) => findNodeAtLocation(a, ['id'])?.value === ACCOUNT);
	const authority = account && findNodeAtLocation(account, ['auth', 'oauth2', 'authority'])?.parent;
	assert.ok(authority, `${ACCOUNT} has no auth.oauth2.authority`);
	return text.slice(0, authority.offset).split('\n').length;
}

/** Tests the account from its first line; confirms the target when the extension asks (the first test asks). */
async function testAccount(): Promise<void> {
	assert.ok(session.demo);
	const text = readFileSync(session.demo.workspace.config, 'utf8');
	const line = text.slice(0, text.indexOf(`"${ACCOUNT}"`)).split('\n').length;
	await bench.goTo(line, 1);
	await bench.runCommand('Mail: Test Connection');
	const dialog = bench.page.locator('.monaco-dialog-box');
	try {
		await dialog.waitFor({ timeout: 10_000 });
		await dialog.locator('.monaco-button', { hasText: 'Connect' }).first().click();
	} catch {
		// Already confirmed in this window: the test runs without asking again.
	}
}

test('without the CA the authority is not trusted: TLS_CERT_INVALID on the authority line, naming the setting', async () => {
	await testAccount();
	await bench.waitForNotification(`${ACCOUNT}": OAuth2 failed at authority`);
	const rows = await bench.waitForProblem('mailcfg-test', 'TLS_CERT_INVALID');
	const row = rows.find((r) => r.includes('TLS_CERT_INVALID'));
	const line = authorityLine();
	assert.equal(Number(/Ln (\d+)/.exec(row ?? '')?.[1]), line, `the diagnostic is not on the authority line: ${row}`);
	const hover = await bench.hoverAt(line, 8, 'TLS_CERT_INVALID');
	assert.ok(hover.includes(SettingKeys.probeExtraCaCertificates), `the fix does not name the setting:\n${hover}`);
	assert.ok(
		hover.includes('remote settings'),
		`the fix does not say where the setting goes in a remote window:\n${hover}`,
	);
	await bench.screenshot('1-authority-untrusted');
	await bench.page.keyboard.press('Escape');
});

test('with the CA file in mailcfg.probe.extraCaCertificates the token is fetched and fails at claims', async () => {
	assert.ok(session.demo);
	// The setting is machine-scoped (a CA file is a path on the machine the extension runs on): in a remote window,
	// and code-server is one, VS Code takes it from the remote settings, as the fix step says.
	const settingsFile = join(session.server.tempDir, 'user-data', 'Machine', 'settings.json');
	const settings = { [SettingKeys.probeExtraCaCertificates]: [session.demo.workspace.caFile] };
	await bench.runCommand('Preferences: Open Remote Settings (JSON)');
	// The command opens the file in an editor with the focus: keys go there.
	await bench.page.locator('.tab.active', { hasText: 'settings.json' }).waitFor({ timeout: 20_000 });
	await bench.page.locator('.editor-instance .monaco-editor.focused').waitFor({ timeout: 20_000 });
	await bench.page.keyboard.press('Control+A');
	await bench.page.keyboard.insertText(JSON.stringify(settings));
	await bench.page.keyboard.press('Control+S');
	for (const deadline = Date.now() + 20_000; ; await bench.page.waitForTimeout(200)) {
		const text = existsSync(settingsFile) ? readFileSync(settingsFile, 'utf8') : '';
		if (text.includes(session.demo.workspace.caFile)) {
			assert.deepEqual(JSON.parse(text), settings);
			break;
		}
		assert.ok(Date.now() < deadline, `the remote settings were not saved:\n${text}`);
	}
	await bench.openFile(DEMO_CONFIG_NAME);
	await testAccount();
	await bench.waitForNotification(`${ACCOUNT}": OAuth2 failed at claims`);
	await bench.screenshot('2-claims-after-ca');
	const rows = await bench.problems();
	assert.ok(!rows.some((r) => r.includes('TLS_CERT_INVALID')), `the certificate problem stayed:\n${rows.join('\n')}`);
});
