// The built CLI (dist/cli.js, from `npm run build`, which `npm test` runs first): each command is a bundle of its own
// (dist/cli-<command>.js), so `check`, `explain`, `walkthroughs` and `--help` start without the probe libraries,
// which live in dist/cli-test.js and load only for `test`; the YAML parser and the validators of each language are
// bundles of their own too, loaded on first use.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { CliIo } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { VALID } from '../../fixtures/configs/samples';
import { runCli } from '../../support/cli-exit';

const DIST = join(__dirname, '../../../dist');
const dir = mkdtempSync(join(tmpdir(), 'mailcfg-bundle-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI and returns the files node loaded from dist/ (bundled code never enters require.cache). */
function loadedBundles(args: string[]): string[] {
	const report = join(dir, 'loaded.json');
	const preload = join(dir, 'preload.js');
	writeFileSync(
		preload,
		`process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify(Object.keys(require.cache))));`,
	);
	try {
		execFileSync(process.execPath, ['--require', preload, join(DIST, 'cli.js'), ...args], {
			cwd: dir,
			stdio: 'ignore',
		});
	} catch {
		// Exit codes 1 and 2 are expected for some commands; only the loaded files matter here.
	}
	return (JSON.parse(readFileSync(report, 'utf8')) as string[])
		.filter((file) => file.startsWith(DIST))
		.map((file) => file.slice(DIST.length + 1));
}

test('the probe libraries are in dist/cli-test.js only', () => {
	// One string from each library: imapflow's own error text, msal-node's and nodemailer's client classes.
	for (const marker of ['Can not re-use ImapFlow instance', 'PublicClientApplication', 'SMTPConnection']) {
		for (const bundle of ['cli.js', 'cli-check.js', 'cli-explain.js', 'cli-walkthroughs.js']) {
			assert.equal(readFileSync(join(DIST, bundle), 'utf8').includes(marker), false, `${marker} in ${bundle}`);
		}
		assert.equal(readFileSync(join(DIST, 'cli-test.js'), 'utf8').includes(marker), true, marker);
	}
});

test('each command loads dist/cli.js and its own bundle; help loads dist/cli.js alone', () => {
	writeFileSync(join(dir, 'a.mailaccounts.json'), VALID);
	writeFileSync(join(dir, 'application.yml'), 'spring:\n  mail:\n    host: smtp.office365.com\n    port: 587\n');
	assert.deepEqual(loadedBundles(['check', 'a.mailaccounts.json']), ['cli.js', 'cli-check.js', 'validators-en.js']);
	assert.deepEqual(loadedBundles(['check', 'a.mailaccounts.json', '--lang', 'de']), [
		'cli.js',
		'cli-check.js',
		'validators-de.js',
	]);
	// Another format's values get the schema's range and type checks, so its validators load after the YAML parser.
	assert.deepEqual(loadedBundles(['check', 'application.yml']), [
		'cli.js',
		'cli-check.js',
		'yaml.js',
		'validators-en.js',
	]);
	assert.deepEqual(loadedBundles(['explain', '535 5.7.139 Authentication unsuccessful']), ['cli.js', 'cli-explain.js']);
	assert.deepEqual(loadedBundles(['walkthroughs']), ['cli.js', 'cli-walkthroughs.js']);
	assert.deepEqual(loadedBundles(['test', '--help']), ['cli.js']);
	assert.deepEqual(loadedBundles(['test', 'missing.mailaccounts.json']), ['cli.js', 'cli-test.js']);
});

test('check on one file loads no worker code; worker_threads only when files are checked in threads', () => {
	writeFileSync(join(dir, 'a.mailaccounts.json'), VALID);
	writeFileSync(join(dir, 'b.mailaccounts.json'), VALID);
	const report = join(dir, 'builtins.json');
	const preload = join(dir, 'builtins.js');
	writeFileSync(
		preload,
		`process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify(process.moduleLoadList)));`,
	);
	const loadsWorkerThreads = (args: string[]): boolean => {
		execFileSync(process.execPath, ['--require', preload, join(DIST, 'cli.js'), ...args], {
			cwd: dir,
			stdio: 'ignore',
		});
		return (JSON.parse(readFileSync(report, 'utf8')) as string[]).includes('NativeModule worker_threads');
	};
	assert.equal(loadsWorkerThreads(['check', 'a.mailaccounts.json']), false);
	assert.equal(loadsWorkerThreads(['check', 'a.mailaccounts.json', 'b.mailaccounts.json', '--jobs', '2']), true);
});

test('the bundle validates with ajv code generated at build time exactly as the sources compile it', async () => {
	const fixtures = join(__dirname, '../../fixtures/configs');
	for (const lang of ['en', 'de']) {
		const args = ['check', fixtures, '--format', 'json', '--lang', lang, '--now', '2026-06-01'];
		let built: string;
		try {
			built = execFileSync(process.execPath, [join(DIST, 'cli.js'), ...args], { encoding: 'utf8' });
		} catch (error) {
			built = (error as { stdout: string }).stdout;
		}
		let inProcess = '';
		const io: CliIo = {
			stdout: (t) => (inProcess += t),
			stderr: () => undefined,
			readStdin: () => Promise.resolve(''),
			env: {},
			cwd: process.cwd(),
		};
		await main(args, io);
		assert.ok(
			JSON.parse(built).files.some((f: { diagnostics: { code: string }[] }) =>
				f.diagnostics.some((d) => d.code.startsWith('schema-')),
			),
		);
		assert.equal(built, inProcess);
	}
});

test('a usage error raised inside dist/cli-test.js is reported as one by dist/cli.js, in the user language', () => {
	const result = spawnSync(
		process.execPath,
		[join(DIST, 'cli.js'), 'test', 'missing.mailaccounts.json', '--lang', 'de'],
		{
			cwd: dir,
			encoding: 'utf8',
		},
	);
	assert.equal(result.status, 2);
	assert.match(result.stderr, /^mailcfg test: \S*missing\.mailaccounts\.json kann nicht gelesen werden: /);
	assert.doesNotMatch(result.stderr, /internal error/);
});

test('output larger than a pipe holds arrives whole, in order, on stdout and stderr', async () => {
	// The CLI writes with write(2) and hands over to node's streams when a write does not go through whole.
	const many = join(dir, 'many');
	mkdirSync(many);
	// Thirty Gmail accounts on port 143 with implicit TLS: several findings each.
	const account = (i: number) =>
		`{ "id": "g${i}", "email": "g${i}@gmail.com", "auth": { "method": "password", "user": "g${i}@gmail.com", "password": "\${env:P}" }, "imap": { "host": "imap.gmail.com", "port": 143, "security": "tls" } }`;
	const text = `{ "accounts": [\n${Array.from({ length: 30 }, (_, i) => account(i)).join(',\n')}\n] }\n`;
	for (let i = 0; i < 40; i++) writeFileSync(join(many, `${String(i).padStart(3, '0')}.mailaccounts.json`), text);
	writeFileSync(join(many, 'broken.mailaccounts.json'), '{');
	const args = ['check', many, 'missing.mailaccounts.json', '--now', '2026-06-01', '--lang', 'en'];
	const built = spawnSync(process.execPath, [join(DIST, 'cli.js'), ...args], { cwd: dir, encoding: 'utf8' });
	const { code, stdout, stderr } = await runCli(dir, args);
	assert.ok(stdout.length > 65536);
	assert.deepEqual([built.status, built.stdout, built.stderr], [code, stdout, stderr]);
});
