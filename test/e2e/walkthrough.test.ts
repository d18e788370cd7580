// A rule diagnostic's deep link (its code in the Problems panel) opens the walkthrough webview at its guide.
// The step-level deep link of an explained connection failure is covered in test-connection.test.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { analyzeText } from '../../src/core/config/analyze';
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

test('the deep link of a rule diagnostic opens the webview at its guide (and step)', async () => {
	// The oracle is the engine itself: the finding names the guide (and maybe step) it links to.
	const findings = analyzeText(readFileSync(join(server.workspace, FILE), 'utf8'), {
		lang: 'en',
		now: () => new Date(),
	});
	const link = findings.find((f) => f.code === RULE)?.walkthrough;
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
