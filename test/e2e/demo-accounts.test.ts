// Issue #12 "Done when", as a new user meets it: every demo account, tested from the packaged extension against the
// demo servers, ends with its designed result (scripts/demo-config.ts DEMO_EXPECTATIONS is the oracle); the native
// walkthrough ticks "Test the connection" once one passed; and switching mailcfg.language afterwards re-renders the
// connection-test diagnostics whole (the head and the message), without a new test.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DEMO_CONFIG_NAME, DEMO_EXPECTATIONS } from '../../scripts/demo-config';
import { type Session, openSession } from './support/session';
import type { Workbench } from './support/workbench';

let session: Session;
let bench: Workbench;

before(async () => {
	session = await openSession({
		name: 'demo-accounts',
		settings: { 'mailcfg.language': 'en' },
		demo: true,
		open: DEMO_CONFIG_NAME,
	});
	({ bench } = session);
});

after(async () => {
	await session?.close();
});

const failures = Object.values(DEMO_EXPECTATIONS)
	.flat()
	.flatMap((e) => (e.ok ? [] : [e]));
/** The English Problems row of each failing check, kept for the language switch. */
const englishRows = new Map<string, string>();

/**
 * The Problems row of the connection-test diagnostic with this code that contains every text. The panel's list only
 * renders the rows in view (a test diagnostic spans several lines), so the panel's filter narrows it to the code first.
 */
async function problemRow(code: string, texts: string[]): Promise<string> {
	await bench.problems();
	const filter = bench.page.getByPlaceholder(/^Filter \(e\.g\. text/).first();
	await filter.fill(code);
	const rows = await bench.waitForProblem('mailcfg-test', code, ...texts);
	await filter.fill('');
	const row = rows.find((r) => r.includes('mailcfg-test') && r.includes(code) && texts.every((t) => r.includes(t)));
	assert.ok(row, rows.join('\n'));
	return row;
}

test('Test All Accounts in File: every demo account ends with its designed result', async () => {
	const ids = Object.keys(DEMO_EXPECTATIONS);
	const passed = ids.filter((id) => DEMO_EXPECTATIONS[id]?.every((e) => e.ok)).length;
	await bench.runCommand('Mail: Test All Accounts in File');

	// One confirmation per account that sends something new; then one summary for the run.
	const dialog = bench.page.locator('.monaco-dialog-box');
	const summary = bench.page.locator('.notification-toast', { hasText: 'accounts passed' }).first();
	let confirmations = 0;
	for (const deadline = Date.now() + 120_000; (await summary.count()) === 0;) {
		assert.ok(Date.now() < deadline, `no summary after ${confirmations} confirmations`);
		const connect = dialog.locator('.monaco-button', { hasText: /^Connect/ }).first();
		if (await connect.isVisible().catch(() => false)) {
			await connect.click();
			await dialog.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
			confirmations++;
			continue;
		}
		await bench.page.waitForTimeout(200);
	}
	assert.ok(confirmations >= 1 && confirmations <= ids.length, `${confirmations} confirmations`);
	assert.match(
		await summary.innerText(),
		new RegExp(`${passed} of ${ids.length} accounts passed, ${ids.length - passed} failed`),
	);
	await bench.screenshot('1-summary');

	// Each designed failure on the config, with its code (and the server's reply where one is designed).
	for (const failure of failures) {
		const texts = [failure.code, ...(failure.serverResponse ? [failure.serverResponse] : [])];
		englishRows.set(failure.code, await problemRow(failure.code, texts));
	}
	await bench.screenshot('2-problems-en');
});

test('the native walkthrough ticks "Test the connection" after an account passed', async () => {
	await bench.runCommand('Welcome: Open Walkthrough...');
	const pick = bench.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Set up a mail account config' });
	await pick.first().click({ timeout: 20_000 });
	await bench.page
		.locator('button.getting-started-step[data-step-id$="test-connection"][aria-checked="true"]')
		.waitFor({ timeout: 20_000 });
	await bench.screenshot('3-walkthrough-tick');
	// Back to the config, so the Problems panel shows its file again.
	await bench.openFile(DEMO_CONFIG_NAME);
});

test('switching mailcfg.language to de re-renders the connection-test diagnostics whole', async () => {
	assert.equal(englishRows.size, failures.length, 'the first test left no English rows');
	// The message part of each English row ("SMTP test failed at auth: <message>"): it must not survive the switch.
	const englishMessages = [...englishRows.values()].map((row) => {
		const message = /test failed(?: at \S+)?: (.{12})/.exec(row)?.[1];
		assert.ok(message, `no message in ${row}`);
		return message;
	});
	// As a user would: replace the value in the user settings JSON and save it.
	await bench.runCommand('Preferences: Open User Settings (JSON)');
	await bench.page.locator('.tab.active', { hasText: 'settings.json' }).waitFor({ timeout: 20_000 });
	await bench.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
	await bench.page.keyboard.press('Control+H');
	const findWidget = bench.page.locator('.find-widget.visible');
	await findWidget.locator('.find-part textarea').fill('"mailcfg.language": "en"');
	await findWidget.locator('.replace-part textarea').fill('"mailcfg.language": "de"');
	await findWidget.locator('.replace-part textarea').press('Control+Alt+Enter');
	await bench.page.keyboard.press('Escape');
	await bench.runCommand('File: Save');
	const file = join(session.server.tempDir, 'user-data', 'User', 'settings.json');
	for (const deadline = Date.now() + 20_000; !readFileSync(file, 'utf8').includes('"mailcfg.language": "de"');) {
		assert.ok(Date.now() < deadline, `settings.json was not changed: ${readFileSync(file, 'utf8')}`);
		await bench.page.waitForTimeout(200);
	}
	await bench.openFile(DEMO_CONFIG_NAME);

	for (const failure of failures) {
		const row = await problemRow(failure.code, ['-Test bei']);
		assert.ok(!/ test failed/.test(row), `English head left: ${row}`);
		for (const message of englishMessages) assert.ok(!row.includes(message), `English message left: ${row}`);
	}
	await bench.screenshot('4-problems-de');
});
