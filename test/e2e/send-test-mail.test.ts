// "Mail: Send Test Mail…" in the packaged extension against the demo servers: the recipient prompt and the modal
// confirmation come first, then exactly one message reaches the demo SMTP server, addressed to the typed recipient;
// "Mail: Test Connection" on the same account sends nothing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { DEMO_CONFIG_NAME } from '../../scripts/demo-config';
import type { DemoServers } from '../../scripts/demo-servers';
import type { DemoWorkspace } from '../../scripts/demo-workspace';
import { type Session, openSession } from './support/session';
import type { Workbench } from './support/workbench';

const ACCOUNT = 'demo-works';
/** Not the account's own address (the prompt's prefill), so the test shows the typed recipient is the one used. */
const RECIPIENT = 'archive@demo.example';
let servers: DemoServers;
let workspace: DemoWorkspace;
let bench: Workbench;
let session: Session;

before(async () => {
	session = await openSession({
		name: 'send-test-mail',
		settings: { 'mailcfg.language': 'en' },
		demo: true,
		open: DEMO_CONFIG_NAME,
	});
	assert.ok(session.demo);
	({ bench } = session);
	({ servers, workspace } = session.demo);
});

after(async () => {
	await session?.close();
});

/** 1-based line of the account's `"id"` property: the cursor there picks the account. */
function accountIdLine(text: string, id: string): number {
	const offset = text.indexOf(`"id": "${id}"`);
	assert.ok(offset >= 0, `no account ${id} in the demo config`);
	return text.slice(0, offset).split('\n').length;
}

test('Send Test Mail asks for the recipient and a confirmation, then sends exactly one message to it', async () => {
	const config = readFileSync(workspace.config, 'utf8');
	const email = (JSON.parse(config) as { accounts: { id: string; email: string }[] }).accounts.find(
		(a) => a.id === ACCOUNT,
	)?.email;
	assert.ok(email && email !== RECIPIENT);
	assert.equal(servers.received.length, 0);
	await bench.goTo(accountIdLine(config, ACCOUNT), 1);
	await bench.runCommand('Mail: Send Test Mail…');

	// The recipient prompt, prefilled with the account's own address.
	const quickInput = bench.page.locator('.quick-input-widget');
	await quickInput.locator('.quick-input-message', { hasText: 'Send the test mail to' }).waitFor({ timeout: 20_000 });
	const input = quickInput.locator('input');
	assert.equal(await input.inputValue(), email);
	await input.fill(RECIPIENT);
	await bench.screenshot('1-recipient');
	await bench.page.keyboard.press('Enter');

	// A modal names the account and the recipient; nothing has been sent while it is open.
	const confirm = bench.page.locator('.monaco-dialog-box', { hasText: RECIPIENT });
	await confirm.waitFor({ timeout: 20_000 });
	assert.match(await confirm.innerText(), new RegExp(`"${ACCOUNT}"`));
	assert.equal(servers.received.length, 0);
	await bench.screenshot('2-confirm-send');
	await confirm.locator('.monaco-button', { hasText: /^Send$/ }).click();

	// The first connection from this workspace asks to confirm the target hosts as well.
	const target = bench.page.locator('.monaco-dialog-box', { hasText: 'sends credentials to these destinations' });
	await target.waitFor({ timeout: 20_000 });
	await target.locator('.monaco-button', { hasText: 'Connect' }).first().click();

	await bench.waitForNotification(`Test mail to ${RECIPIENT} accepted by the server.`);
	await bench.screenshot('3-sent');
	assert.equal(servers.received.length, 1, 'the server received exactly one message');
	assert.deepEqual(servers.received[0]?.to, [RECIPIENT]);
});

test('Test Connection on the same account sends no mail', async () => {
	assert.equal(servers.received.length, 1, 'the previous test sent one message');
	// Identical notifications are merged by VS Code, so clear the send's "passed" toast before waiting for a new one.
	await bench.runCommand('Notifications: Clear All Notifications');
	await bench.page.locator('.notification-toast').first().waitFor({ state: 'hidden' });

	const config = readFileSync(workspace.config, 'utf8');
	await bench.goTo(accountIdLine(config, ACCOUNT), 1);
	await bench.runCommand('Mail: Test Connection');
	// Both hosts were confirmed by the send, so no dialog comes; IMAP and SMTP (with AUTH) pass.
	await bench.waitForNotification(`"${ACCOUNT}": all checks passed.`);
	await bench.screenshot('4-test-connection-passed');
	assert.equal(servers.received.length, 1, 'Test Connection must not send mail');
});
