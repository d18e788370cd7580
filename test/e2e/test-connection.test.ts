// "Mail: Test Connection" in the packaged extension against the demo servers (the same setup as `npm start` and
// `npm run sandbox`): the stage report appears and the failure lands, explained, on the account's line.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { DEMO_CONFIG_NAME } from '../../scripts/demo-config';
import type { DemoWorkspace } from '../../scripts/demo-workspace';
import { MICROSOFT_SMTP_REPLIES } from '../support/smtp-server';
import { ROOT } from './support/code-server';
import { type Session, openSession } from './support/session';
import { type Workbench, findFrame } from './support/workbench';

const ACCOUNT = 'demo-smtp-auth-disabled';
let workspace: DemoWorkspace;
let bench: Workbench;
let session: Session;

before(async () => {
	session = await openSession({
		name: 'test-connection',
		settings: { 'mailcfg.language': 'en' },
		demo: true,
		open: DEMO_CONFIG_NAME,
	});
	assert.ok(session.demo);
	({ bench } = session);
	({ workspace } = session.demo);
});

after(async () => {
	await session?.close();
});

/** 1-based line range of each property of the account, from the config text. */
function accountLines(
	text: string,
	id: string,
): { account: [number, number]; auth: [number, number]; smtp: [number, number] } {
	const root = parseTree(text);
	const accounts = root ? findNodeAtLocation(root, ['accounts']) : undefined;
	const account = accounts?.children?.find((a) => findNodeAtLocation(a, ['id'])?.value === id);
	assert.ok(account, `no account ${id}`);
	const lines = (offset: number, length: number): [number, number] => [
		text.slice(0, offset).split('\n').length,
		text.slice(0, offset + length).split('\n').length,
	];
	const span = (path: string[]) => {
		const node = findNodeAtLocation(account, path)?.parent;
		assert.ok(node, path.join('.'));
		return lines(node.offset, node.length);
	};
	return { account: lines(account.offset, account.length), auth: span(['auth']), smtp: span(['smtp']) };
}

/** The oracle for "explained": what `mailcfg explain` says about the server's reply in this context. */
function explain(reply: string): { title: string; walkthrough?: string } {
	const run = spawnSync(
		process.execPath,
		[
			join(ROOT, 'dist', 'cli.js'),
			'explain',
			reply,
			'--format',
			'json',
			'--provider',
			'microsoft365',
			'--auth',
			'password',
			'--stage',
			'auth',
		],
		{ encoding: 'utf8' },
	);
	const match = (JSON.parse(run.stdout) as { matches: { title: string; walkthrough?: string }[] }).matches[0];
	assert.ok(match, `mailcfg explain found nothing for ${reply}: ${run.stdout}${run.stderr}`);
	return match;
}

const REPLY = `${MICROSOFT_SMTP_REPLIES.smtpAuthDisabled.code} ${MICROSOFT_SMTP_REPLIES.smtpAuthDisabled.text}`;

test('Test Connection shows the stage report and an explained diagnostic on the right line', async () => {
	const text = readFileSync(workspace.config, 'utf8');
	const lines = accountLines(text, ACCOUNT);
	await bench.goTo(lines.account[0] + 1, 1);
	await bench.runCommand('Mail: Test Connection');

	// The first test of a host asks to confirm the target (a config file can aim credentials anywhere).
	const dialog = bench.page.locator('.monaco-dialog-box');
	await dialog.waitFor({ timeout: 20_000 });
	await bench.screenshot('1-confirm-target');
	// Per destination: what it receives and whether the channel is encrypted.
	assert.match(await dialog.innerText(), /127\.0\.0\.1:\d+ \(SMTP, encrypted\): \$\{env:MAILCFG_DEMO_PASSWORD\}/);
	await dialog.locator('.monaco-button', { hasText: 'Connect' }).first().click();

	const toast = bench.page.locator('.notification-toast', { hasText: ACCOUNT }).first();
	await toast.waitFor({ timeout: 60_000 });
	await bench.screenshot('2-failure-notification');
	await toast.locator('.monaco-button', { hasText: 'Show Report' }).click();

	// The report view: the account, its SMTP check, the stages up to the failing one, and the error code.
	const report = bench.page.locator('.pane', { hasText: 'Mail Tests' });
	for (const label of [ACCOUNT, 'SMTP', 'starttls', 'auth', 'AUTH_FAILED']) {
		await report.locator('.monaco-list-row', { hasText: label }).first().waitFor({ timeout: 20_000 });
	}
	await bench.screenshot('3-stage-report');

	const { title } = explain(REPLY);
	const rows = await bench.waitForProblem('AUTH_FAILED', '5.7.139', title);
	await bench.screenshot('4-explained-diagnostic');
	const row = rows.find((r) => r.includes('AUTH_FAILED') && r.includes(title));
	const line = Number(/Ln (\d+)/.exec(row ?? '')?.[1]);
	const within = ([from, to]: [number, number]) => line >= from && line <= to;
	assert.ok(
		within(lines.auth) || within(lines.smtp),
		`diagnostic on line ${line}, expected auth ${lines.auth} or smtp ${lines.smtp}`,
	);
});

test("the explained diagnostic's link opens the walkthrough at the explanation's step", async () => {
	const { walkthrough } = explain(REPLY);
	assert.ok(walkthrough && walkthrough.includes('#'), `the explanation links no step: ${walkthrough}`);
	const [guide, step] = walkthrough.split('#') as [string, string];
	const row = bench.page.locator('.markers-panel .monaco-list-row', { hasText: 'AUTH_FAILED' }).first();
	await row.locator('a', { hasText: 'AUTH_FAILED' }).click();

	const frame = await findFrame(bench.page, `li.step[data-step="${step}"]`);
	const highlighted = frame.locator('li.step.highlight');
	await highlighted.waitFor({ timeout: 20_000 });
	assert.equal(await highlighted.getAttribute('data-step'), step);
	await frame.locator('.guide-meta', { hasText: new RegExp(`^${guide} `) }).waitFor();
	// The panel knows which account it was opened for, so "Verify" can re-test it.
	assert.match(await frame.locator('.account').first().innerText(), new RegExp(ACCOUNT));
	await bench.screenshot('5-walkthrough-step');
});
