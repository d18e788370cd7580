// A rule diagnostic's deep link (its code in the Problems panel) opens the walkthrough webview at its guide.
// The step-level deep link of an explained connection failure is covered in test-connection.test.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { analyzeText } from '../../src/core/config/analyze';
import { getGuide } from '../../src/core/walkthroughs/catalog';
import { WALKTHROUGH_UI } from '../../src/core/walkthroughs/ui-strings';
import { SettingKeys } from '../../src/shared/ids';
import type { CodeServer } from './support/code-server';
import { type Session, openSession } from './support/session';
import { type Workbench, findFrame } from './support/workbench';

const FILE = 'office.mailaccounts.json';
const RULE = 'exo-imap-basic-auth';
let session: Session;
let server: CodeServer;
let bench: Workbench;

before(async () => {
	session = await openSession({ name: 'walkthrough', settings: { 'mailcfg.language': 'en' }, open: FILE });
	({ server, bench } = session);
});

after(async () => {
	await session?.close();
});

/** The oracle is the engine itself: the findings of the file as the server computes them. */
function findingsOf(lang: 'en' | 'de') {
	return analyzeText(readFileSync(join(server.workspace, FILE), 'utf8'), { lang, now: () => new Date() });
}

test('the deep link of a rule diagnostic opens the webview at its guide (and step)', async () => {
	// The oracle is the engine itself: the finding names the guide (and maybe step) it links to.
	const link = findingsOf('en').find((f) => f.code === RULE)?.walkthrough;
	assert.ok(link, `${RULE} links no walkthrough`);
	const [guide, step] = link.split('#');

	await bench.waitForProblem(RULE);
	const row = bench.page.locator('.markers-panel .monaco-list-row', { hasText: RULE }).first();
	await row.locator('a', { hasText: RULE }).click();

	const frame = await findFrame(bench.page, '.guide-meta');
	await frame.locator('.guide-meta', { hasText: new RegExp(`^${guide} `) }).waitFor({ timeout: 20_000 });
	if (step) {
		const highlighted = frame.locator('li.step.highlight');
		await highlighted.waitFor({ timeout: 20_000 });
		assert.equal(await highlighted.getAttribute('data-step'), step);
	}
	await bench.screenshot('1-walkthrough-guide');
});

test("the panel's language toggle sets mailcfg.language: the guide and the Problems panel turn German", async () => {
	const frame = await findFrame(bench.page, 'button.lang[data-lang="de"]');
	await frame.locator('button.lang[data-lang="de"]').click();
	// The open guide re-renders with its German title.
	const guide = getGuide(
		findingsOf('en')
			.find((f) => f.code === RULE)
			?.walkthrough?.split('#')[0] ?? '',
	);
	assert.ok(guide);
	await frame.locator('h1', { hasText: guide.title.de }).waitFor({ timeout: 20_000 });
	assert.equal(await frame.locator('button.lang[data-lang="de"]').getAttribute('aria-pressed'), 'true');
	// The toggle is the setting: it lands in the user settings, where the user would set it.
	const settingsFile = join(server.tempDir, 'user-data', 'User', 'settings.json');
	for (const deadline = Date.now() + 20_000; ; await bench.page.waitForTimeout(200)) {
		const settings = JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
		if (settings[SettingKeys.language] === 'de') break;
		assert.ok(Date.now() < deadline, `mailcfg.language is ${String(settings[SettingKeys.language])}`);
	}
	// Every other text follows: the rule's diagnostic, as `mailcfg check --lang de` words it.
	const german = findingsOf('de').find((f) => f.code === RULE);
	assert.ok(german);
	await bench.waitForProblem(RULE, german.message.split('\n')[0]!.trim());
	await bench.screenshot('2-language-toggle-de');
});

test('after a window reload the panel comes back once, and a new deep link reuses it', async () => {
	const tabs = bench.page.locator('.tabs-container .tab', { hasText: WALKTHROUGH_UI.panelTitle.de });
	assert.equal(await tabs.count(), 1);
	await bench.runCommand('Developer: Reload Window');
	await bench.page.locator('.statusbar').waitFor({ timeout: 60_000 });
	// Restored by the serializer, in the language of the setting.
	await tabs.first().waitFor({ timeout: 60_000 });
	await findFrame(bench.page, '.guide-meta');
	// The config's tab was in the background: VS Code loads its text (and so its diagnostics) once it is shown.
	await bench.openFile(FILE);
	await bench.waitForProblem(RULE);
	const row = bench.page.locator('.markers-panel .monaco-list-row', { hasText: RULE }).first();
	await row.locator('a', { hasText: RULE }).click();
	// The link brings the panel to the front (the config's tab was active): the one panel, not a new one.
	await bench.page
		.locator('.tabs-container .tab.active', { hasText: WALKTHROUGH_UI.panelTitle.de })
		.waitFor({ timeout: 20_000 });
	const guide =
		findingsOf('en')
			.find((f) => f.code === RULE)
			?.walkthrough?.split('#')[0] ?? '';
	const frame = await findFrame(bench.page, '.guide-meta');
	await frame.locator('.guide-meta', { hasText: new RegExp(`^${guide} `) }).waitFor({ timeout: 20_000 });
	await bench.screenshot('3-restored-panel');
	assert.equal(await tabs.count(), 1, 'opening a guide after the reload made a second panel');
});
