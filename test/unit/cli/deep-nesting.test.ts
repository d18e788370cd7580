/**
 * Issue #9: a `\r`-terminated comment or string once hid 20,000 levels of nesting from the depth guard, and the
 * parser's recursion overflowed the stack in `mailcfg test` (caught only in `check`). The guard is tested on the
 * parser (parse.test.ts); here the three front ends that read configs get such a file, with every line terminator:
 * `check` reports it as a syntax finding, `test` refuses it as not JSON (exit 2) before anything connects, and the
 * language server answers with a diagnostic and keeps running.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { main } from '../../../src/cli/main';
import { runTestCommand } from '../../support/cli-exit';
import { LspClient } from '../server/lsp-harness';

const DEEP = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
const TEXTS = ['\n', '\r', '\r\n'].flatMap((eol) =>
	['// comment', '"open string', '/* comment */'].map((opener) => ({
		name: `${opener} ${JSON.stringify(eol)}`,
		text: `{"accounts": [ ${opener}${eol}${DEEP} ]}`,
	})),
);

const dir = mkdtempSync(join(tmpdir(), 'mailcfg-deep-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('mailcfg check and mailcfg test end with a syntax finding or a usage error, never a stack overflow', async () => {
	for (const { name, text } of TEXTS) {
		writeFileSync(join(dir, 'deep.mailaccounts.json'), text);
		let stdout = '';
		let stderr = '';
		const io = {
			stdout: (t: string) => (stdout += t),
			stderr: (t: string) => (stderr += t),
			readStdin: () => Promise.resolve(''),
			env: {},
			cwd: dir,
		};
		assert.equal(await main(['check', 'deep.mailaccounts.json', '--format', 'json'], io), 1, name);
		const codes = (JSON.parse(stdout) as { files: { diagnostics: { code: string }[] }[] }).files[0]?.diagnostics.map(
			(d) => d.code,
		);
		assert.ok(codes?.includes('json-syntax'), `${name}: ${JSON.stringify(codes)} ${stderr}`);
		assert.ok(!codes?.includes('internal-error'), name);

		const run = await runTestCommand(dir, ['deep.mailaccounts.json', '--timeout', '500']);
		assert.equal(run.code, 2, name);
		assert.match(run.stderr, /deep\.mailaccounts\.json/, name);
	}
});

test('the language server answers such a file with a diagnostic and stays up', async () => {
	const { client } = await LspClient.inProcess({ pull: true, locale: 'en' });
	try {
		for (const [index, { name, text }] of TEXTS.entries()) {
			const uri = `file:///deep/${index}.mailaccounts.json`;
			await client.open(uri, text);
			const items = await client.pullItems(uri);
			assert.ok(
				items.some((d) => d.code === 'json-syntax'),
				`${name}: ${JSON.stringify(items.map((d) => d.code))}`,
			);
		}
		const plain = 'file:///deep/plain.mailaccounts.json';
		await client.open(plain, '{ "accounts": [ { "id": "a" } ] }');
		assert.ok((await client.pullItems(plain)).length > 0, 'still analysing');
	} finally {
		await client.shutdown();
	}
});
