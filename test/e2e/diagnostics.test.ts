// Diagnostics from the packaged language server in the Problems panel, a hover, and a quick fix that changes the
// file. The CLI (same build) is the oracle: the editor must show exactly what `mailcfg check` reports.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type CliDiagnostic, checkFile, firstLine } from './support/cli';
import type { CodeServer } from './support/code-server';
import { type Session, openSession } from './support/session';
import { type Workbench } from './support/workbench';

const FILE = 'office.mailaccounts.json';
/**
 * Two port/security mismatches, each with a preferred fix. Written into this session's copy of the workspace only,
 * so no other suite sees its problems.
 */
const FIX_ALL_FILE = 'fix-all.mailaccounts.json';
const FIX_ALL_CONFIG = [
	'{',
	'\t"accounts": [',
	'\t\t{',
	'\t\t\t"id": "archive",',
	'\t\t\t"email": "archive@contoso.example",',
	'\t\t\t"auth": { "method": "password", "user": "archive@contoso.example", "password": "${secret:ARCHIVE_PASSWORD}" },',
	'\t\t\t"imap": { "host": "imap.gmx.net", "port": 143, "security": "tls" },',
	'\t\t\t"smtp": { "host": "mail.gmx.net", "port": 465, "security": "starttls" }',
	'\t\t}',
	'\t]',
	'}',
	'',
].join('\n');

let expected: CliDiagnostic[];
let session: Session;
let server: CodeServer;
let bench: Workbench;

before(async () => {
	session = await openSession({
		name: 'diagnostics',
		settings: { 'mailcfg.language': 'en' },
		prepare: (folder) => writeFileSync(join(folder, FIX_ALL_FILE), FIX_ALL_CONFIG),
		open: FILE,
	});
	({ server, bench } = session);
	expected = checkFile(join(server.workspace, FILE), 'en');
});

after(async () => {
	await session?.close();
});

const byCode = (code: string) => {
	const found = expected.find((d) => d.code === code);
	assert.ok(found, `mailcfg check reports no ${code}: ${expected.map((d) => d.code).join(', ')}`);
	return found;
};

test('opening a config shows the expected problems in the Problems panel', async () => {
	// The fixture is built to trip these provider rules; the CLI must agree before the editor is judged.
	byCode('exo-imap-basic-auth');
	byCode('port-security-mismatch');
	for (const diagnostic of expected) await bench.waitForProblem(firstLine(diagnostic.message), diagnostic.code);
	await bench.screenshot('1-problems');
	const rows = (await bench.problems()).filter((row) => expected.some((d) => row.includes(firstLine(d.message))));
	assert.equal(rows.length, expected.length, rows.join('\n'));
});

test('the config opens as JSON with Comments: its comment is no problem', async () => {
	assert.match(readFileSync(join(server.workspace, FILE), 'utf8'), /^\t\/\/ /m, 'the fixture has a comment');
	await bench.page.locator('.statusbar-item', { hasText: 'JSON with Comments' }).first().waitFor({ timeout: 20_000 });
	const rows = await bench.problems();
	assert.ok(!rows.some((row) => /Comments are not permitted|Trailing comma/.test(row)), rows.join('\n'));
});

test('the hover on a problem shows its English message', async () => {
	const diagnostic = byCode('exo-imap-basic-auth');
	const hover = await bench.hoverAt(
		diagnostic.range.start.line + 1,
		diagnostic.range.start.character + 1,
		firstLine(diagnostic.message),
	);
	await bench.screenshot('2-hover-en');
	assert.ok(hover.includes(diagnostic.code), hover);
});

test('a quick fix changes the file', async () => {
	const diagnostic = byCode('port-security-mismatch');
	const before = readFileSync(join(server.workspace, FILE), 'utf8');
	await bench.goTo(diagnostic.range.start.line + 1, diagnostic.range.start.character + 1);
	await bench.quickFix(/starttls|465/i);
	await bench.screenshot('3-quick-fix-applied');
	await bench.page.keyboard.press('Control+S');
	const deadline = Date.now() + 20_000;
	let after = before;
	while (after === before && Date.now() < deadline) {
		await bench.page.waitForTimeout(100);
		after = readFileSync(join(server.workspace, FILE), 'utf8');
	}
	assert.notEqual(after, before, 'the file on disk did not change');
	const codes = checkFile(join(server.workspace, FILE), 'en').map((d) => d.code);
	assert.ok(!codes.includes('port-security-mismatch'), codes.join(', '));
	// The editor drops the fixed problem too.
	await bench.page
		.locator('.markers-panel .monaco-list-row', { hasText: firstLine(diagnostic.message) })
		.waitFor({ state: 'detached', timeout: 20_000 });
	await bench.screenshot('4-problem-gone');
});

test('"Fix all auto-fixable mail config problems" applies every preferred fix of the file at once', async () => {
	const file = join(server.workspace, FIX_ALL_FILE);
	const text = FIX_ALL_CONFIG;
	const mismatches = checkFile(file, 'en').filter((d) => d.code === 'port-security-mismatch');
	assert.equal(mismatches.length, 2, 'the file is built to have two port/security mismatches');
	await bench.openFile(FIX_ALL_FILE);
	await bench.goTo(mismatches[0]!.range.start.line + 1, mismatches[0]!.range.start.character + 1);
	await bench.quickFix(/Fix all auto-fixable mail config problems/);
	await bench.page.keyboard.press('Control+S');
	const deadline = Date.now() + 20_000;
	let after = text;
	while (after === text && Date.now() < deadline) {
		await bench.page.waitForTimeout(100);
		after = readFileSync(file, 'utf8');
	}
	await bench.screenshot('5-fix-all-applied');
	// Both preferred fixes (the security that fits each port), nothing else: the ports stay as the user wrote them.
	assert.equal(
		after,
		text
			.replace('"port": 143, "security": "tls"', '"port": 143, "security": "starttls"')
			.replace('"port": 465, "security": "starttls"', '"port": 465, "security": "tls"'),
	);
	const codes = checkFile(file, 'en').map((d) => d.code);
	assert.ok(!codes.includes('port-security-mismatch'), codes.join(', '));
});
