// With `mailcfg.language: de` in the user settings, diagnostics and their hover are German, although VS Code
// itself runs in English (code-server has no German language pack offline; see docs/e2e.md).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { checkFile, firstLine } from './support/cli';
import type { CodeServer } from './support/code-server';
import { type Session, openSession } from './support/session';
import { type Workbench } from './support/workbench';

const FILE = 'office.mailaccounts.json';
let session: Session;
let server: CodeServer;
let bench: Workbench;

before(async () => {
	session = await openSession({ name: 'language-de', settings: { 'mailcfg.language': 'de' }, open: FILE });
	({ server, bench } = session);
});

after(async () => {
	await session?.close();
});

test('diagnostics and hover are German with mailcfg.language = de', async () => {
	const german = checkFile(join(server.workspace, FILE), 'de');
	const english = checkFile(join(server.workspace, FILE), 'en');
	const exo = german.find((d) => d.code === 'exo-imap-basic-auth');
	const exoEnglish = english.find((d) => d.code === 'exo-imap-basic-auth');
	assert.ok(exo && exoEnglish, german.map((d) => d.code).join(', '));
	assert.notEqual(
		firstLine(exo.message),
		firstLine(exoEnglish.message),
		'the CLI gives the same text in both languages',
	);

	for (const diagnostic of german) await bench.waitForProblem(firstLine(diagnostic.message), diagnostic.code);
	await bench.screenshot('1-problems-de');
	const rows = (await bench.problems()).join('\n');
	for (const diagnostic of english)
		assert.ok(!rows.includes(firstLine(diagnostic.message)), `English text shown: ${diagnostic.message}`);

	const hover = await bench.hoverAt(exo.range.start.line + 1, exo.range.start.character + 1, firstLine(exo.message));
	await bench.screenshot('2-hover-de');
	assert.ok(!hover.includes(firstLine(exoEnglish.message)), hover);
});
