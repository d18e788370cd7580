// The standalone language server in another editor: Neovim's built-in LSP client (Debian's nvim, headless) gets the
// diagnostics and the schema completion from `node dist/server.js --stdio`, as docs/language-server.md shows.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

const ROOT = join(__dirname, '../..');
const folder = mkdtempSync(join(tmpdir(), 'mailcfg-nvim-'));
after(() => rmSync(folder, { recursive: true, force: true }));

// An account with a comment (JSONC), missing email/auth and STARTTLS on the implicit-TLS port; the cursor goes
// into the account, before `"imap"`.
const CONFIG = `{
	// a comment
	"accounts": [
		{ "id": "erp", "imap": { "host": "outlook.office365.com", "port": 993, "security": "starttls" } }
	]
}
`;

test('Neovim shows the server’s diagnostics and completes properties from the schema', () => {
	const file = join(folder, 'erp.mailaccounts.json');
	writeFileSync(file, CONFIG);
	const run = spawnSync(
		'nvim',
		['--headless', '-n', '-u', 'NONE', file, '-c', `luafile ${join(ROOT, 'test/e2e/neovim/check.lua')}`],
		{
			cwd: folder,
			encoding: 'utf8',
			timeout: 60_000,
			env: { ...process.env, MAILCFG_SERVER: join(ROOT, 'dist/server.js'), MAILCFG_COMPLETE_AT: '3:17' },
		},
	);
	assert.equal(run.status, 0, run.error?.message ?? run.stderr);
	// Headless Neovim writes `print` to stderr.
	const output = `${run.stdout}${run.stderr}`.replace(/\r/g, '\n');
	assert.match(output, /diagnostic 4:\d+ port-security-mismatch Port 993 expects implicit TLS/);
	assert.match(output, /diagnostic 4:3 schema-required Missing required property "email"/);
	assert.doesNotMatch(output, /comment/i, 'comments are accepted');
	const labels = /completion: (.*)/.exec(output)?.[1]?.split(', ') ?? [];
	for (const name of ['email', 'auth', 'smtp', 'provider']) assert.ok(labels.includes(name), labels.join(', '));
});
