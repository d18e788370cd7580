/**
 * Exit codes and messages of the real CLI (issue #16 point 4): the built dist/cli.js (from `npm run build`, which
 * `npm test` runs first) in a process of its own, for a usage error of every command, with the exact stderr a user
 * reads and an empty stdout. Flags with numeric bounds are run at both sides of each bound. An error that is not a
 * usage error must surface as an internal error (in-process: main() rejects; as a process: "mailcfg: internal
 * error"), never as a command's usage message, so no test can mistake one for the other.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { CliIo } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { VALID } from '../../fixtures/configs/samples';

const CLI = join(__dirname, '../../../dist/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'mailcfg-exit-'));
after(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'ok.mailaccounts.json'), VALID);

function run(args: string[], stdin: 'ignore' | number = 'ignore') {
	const result = spawnSync(process.execPath, [CLI, ...args], {
		cwd: dir,
		encoding: 'utf8',
		env: { PATH: process.env.PATH ?? '' },
		stdio: [stdin, 'pipe', 'pipe'],
	});
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('usage errors of every command: exit 2, the exact message, nothing on stdout', () => {
	const missing = join(dir, 'nope.mailaccounts.json');
	const cases: [string[], string][] = [
		[['check'], 'mailcfg check: give at least one config file or folder'],
		[
			['check', 'nope.mailaccounts.json', '--lang', 'de'],
			'mailcfg check: nope.mailaccounts.json kann nicht gelesen werden: ENOENT (no such file or directory)',
		],
		[
			['check', 'ok.mailaccounts.json', '--jobs', '0'],
			'mailcfg check: --jobs expects a whole number of at least 1 or auto (got "0")',
		],
		[
			['check', 'ok.mailaccounts.json', '--jobs', '2x', '--lang', 'de'],
			'mailcfg check: --jobs erwartet eine ganze Zahl ab 1 oder auto ("2x")',
		],
		// the lowest number and auto are accepted: the run gets as far as reading the file
		[
			['check', 'nope.mailaccounts.json', '--jobs', '1'],
			'mailcfg check: cannot read nope.mailaccounts.json: ENOENT (no such file or directory)',
		],
		[
			['check', 'nope.mailaccounts.json', '--jobs', 'auto'],
			'mailcfg check: cannot read nope.mailaccounts.json: ENOENT (no such file or directory)',
		],
		[['test', 'nope.mailaccounts.json'], `mailcfg test: cannot read ${missing}: ENOENT`],
		// the translated message of an unreadable config (issue #16: once lost behind a harness that mapped every
		// error to exit 2)
		[['test', 'nope.mailaccounts.json', '--lang', 'de'], `mailcfg test: ${missing} kann nicht gelesen werden: ENOENT`],
		[
			['test', 'ok.mailaccounts.json', '--timeout', '0'],
			'mailcfg test: --timeout expects a whole number of at least 1 (got "0")',
		],
		[
			['test', 'ok.mailaccounts.json', '--concurrency', '0'],
			'mailcfg test: --concurrency expects a whole number of at least 1 (got "0")',
		],
		// both flags at their lowest accepted value: the run gets as far as reading the file
		[
			['test', 'nope.mailaccounts.json', '--timeout', '1', '--concurrency', '1'],
			`mailcfg test: cannot read ${missing}: ENOENT`,
		],
		[['explain'], 'mailcfg explain: give the text to explain as an argument in quotes, or - to read it from stdin'],
		[['explain', 'x', '--format', 'xml'], "mailcfg explain: --format must be one of text, json (got 'xml')"],
		[
			['discover', 'info@gmx.de', '--offline', '--https-port', '0'],
			'mailcfg discover: --https-port must be a whole number from 1 to 65535 (got "0")',
		],
		[
			['discover', 'info@gmx.de', '--offline', '--https-port', '65536'],
			'mailcfg discover: --https-port must be a whole number from 1 to 65535 (got "65536")',
		],
		[
			['discover', 'info@gmx.de', '--offline', '--timeout', '99'],
			'mailcfg discover: --timeout must be a whole number from 100 to 120000 (got "99")',
		],
		[
			['discover', 'info@gmx.de', '--offline', '--timeout', '120001'],
			'mailcfg discover: --timeout must be a whole number from 100 to 120000 (got "120001")',
		],
		[['convert', 'nope.env'], 'mailcfg convert: cannot read nope.env: ENOENT'],
		[['walkthroughs', 'nope'], "mailcfg walkthroughs: unknown subcommand 'nope' (expected 'show <guide>')"],
	];
	for (const [args, message] of cases) {
		test(args.join(' '), () => {
			const result = run(args);
			assert.equal(result.stderr, `${message}\n`);
			assert.equal(result.code, 2);
			assert.equal(result.stdout, '');
		});
	}

	test('an unknown command or help topic: exit 2, named, then the overview', () => {
		for (const [args, first] of [
			[['frobnicate'], "mailcfg: unknown command 'frobnicate'"],
			[['help', 'frobnicate'], "mailcfg help: unknown command 'frobnicate'"],
		] as const) {
			const result = run([...args]);
			assert.equal(result.code, 2);
			assert.ok(result.stderr.startsWith(`${first}\n\nUsage: mailcfg <command> [options]\n`), result.stderr);
			assert.equal(result.stdout, '');
		}
	});
});

describe('numeric flags at their accepted bounds run the command', () => {
	for (const bounds of [
		['--https-port', '1', '--timeout', '100'],
		['--https-port', '65535', '--timeout', '120000'],
	]) {
		test(`discover ${bounds.join(' ')} → exit 0 with the settings`, () => {
			const result = run(['discover', 'info@gmx.de', '--offline', ...bounds]);
			assert.equal(result.stderr, '');
			assert.equal(result.code, 0);
			assert.ok(result.stdout.startsWith('Mail settings for info@gmx.de\n'), result.stdout);
		});
	}
});

describe('an error that is not a usage error is never reported as one', () => {
	test('in-process, main() rejects with it (so a test using main() fails instead of seeing exit 2)', async () => {
		const broken = new Error('stdout is gone');
		const io: CliIo = {
			stdout: () => {
				throw broken;
			},
			stderr: () => undefined,
			readStdin: () => Promise.resolve(''),
			env: {},
			cwd: dir,
		};
		await assert.rejects(main(['explain', '535 5.7.139 Authentication unsuccessful'], io), broken);
		await assert.rejects(main(['check', 'ok.mailaccounts.json'], io), broken);
	});

	test('as a process, it is an internal error with its cause, not a command message', () => {
		// stdin is a directory: reading it fails with EISDIR, which no command treats as a usage error
		const fd = openSync(dir, 'r');
		try {
			const result = run(['explain', '-'], fd);
			assert.equal(result.stderr, 'mailcfg: internal error: EISDIR: illegal operation on a directory, read\n');
			assert.equal(result.code, 2);
			assert.equal(result.stdout, '');
		} finally {
			closeSync(fd);
		}
	});
});
