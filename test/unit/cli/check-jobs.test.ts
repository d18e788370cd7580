/**
 * `mailcfg check --jobs N` (issue #13): the built CLI (dist/cli.js from `npm run build`, which `npm test` runs first;
 * worker threads run the check bundle, so only the build has them) checks a folder of many configs of every format in
 * worker threads and prints byte for byte what one thread prints, in every output format, in the same order, with the
 * same exit code. A worker that stops mid-run (out of memory, exit) costs the file it was checking, said so on
 * stderr, and nothing else.
 *
 * Whether a worker gets any file depends on the machine's speed: it starts a Node environment while this thread is
 * already checking. A preload (written below, run in every thread of the CLI's process) makes the CLI's main thread
 * wait before each file until a worker has read one (at most 60 s, so nothing hangs), and logs every file a worker
 * reads, which shows the workers did check files.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { laneCount } from '../../../src/cli/commands/check';
import { BROKEN, VALID } from '../../fixtures/configs/samples';

const CLI = join(__dirname, '../../../dist/cli.js');
const FIXTURES = join(__dirname, '../../fixtures');
const COPIES = 8;

let root: string;
let configs: string;
let preload: string;

const PRELOAD = `
const fs = require('node:fs');
const { isMainThread } = require('node:worker_threads');
const { LANES_ROOT: root, LANES_LOG: log, LANES_CRASH: crash, LANES_WAIT: wait } = process.env;
const started = log + '.started';
const read = fs.readFileSync;
const pause = new Int32Array(new SharedArrayBuffer(4));
const end = Date.now() + 60000;
fs.readFileSync = function (path, ...rest) {
	if (typeof path === 'string' && path.startsWith(root)) {
		if (isMainThread) {
			while (wait && !fs.existsSync(started) && Date.now() < end) Atomics.wait(pause, 0, 0, 5);
		} else {
			fs.appendFileSync(log, path + '\\n');
			fs.writeFileSync(started, '');
			if (crash === 'exit') process.exit(70);
			if (crash === 'memory') for (const hog = []; ; ) hog.push(new Array(1e6).fill(1.5));
		}
	}
	return read.call(this, path, ...rest);
};
`;

interface Run {
	code: number | null;
	stdout: string;
	stderr: string;
	/** The files worker threads read, in the order they read them. */
	workerReads: string[];
}

let runs = 0;
/** Runs the built CLI with `--jobs jobs`; with workers, its main thread waits until a worker has read a file. */
function check(args: string[], jobs: number, crash?: 'exit' | 'memory'): Run {
	const log = join(root, `lanes-${++runs}.log`);
	const wait = jobs > 1 ? { LANES_WAIT: '1' } : {};
	const result = spawnSync(
		process.execPath,
		[
			...(crash === 'memory' ? ['--max-old-space-size=96'] : []),
			'--require',
			preload,
			CLI,
			'check',
			...args,
			'--jobs',
			String(jobs),
		],
		{
			cwd: root,
			encoding: 'utf8',
			env: {
				PATH: process.env.PATH ?? '',
				LANES_ROOT: configs,
				LANES_LOG: log,
				...wait,
				...(crash ? { LANES_CRASH: crash } : {}),
			},
			maxBuffer: 64 * 1024 * 1024,
			// Only so a hang fails the test instead of stalling the suite: a run takes a few seconds.
			timeout: 120_000,
		},
	);
	const workerReads = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
	return { code: result.status, stdout: result.stdout, stderr: result.stderr, workerReads };
}

before(() => {
	root = mkdtempSync(join(tmpdir(), 'mailcfg-jobs-'));
	configs = join(root, 'configs');
	// Every fixture (our configs, valid and invalid, and the other tools' files, lookalikes without mail settings
	// among them) in eight folders, each with a broken file and a dangling link.
	for (let i = 0; i < COPIES; i++) {
		const copy = join(configs, `copy-${String(i).padStart(2, '0')}`);
		cpSync(join(FIXTURES, 'configs'), join(copy, 'configs'), { recursive: true });
		cpSync(join(FIXTURES, 'sources'), join(copy, 'sources'), { recursive: true });
		writeFileSync(join(copy, 'broken.mailaccount.json'), BROKEN);
		writeFileSync(join(copy, 'bom.mailaccounts.json'), `\uFEFF${VALID}`);
	}
	mkdirSync(join(configs, 'gone'));
	symlinkSync(join(root, 'nowhere.json'), join(configs, 'gone', 'x.mailaccounts.json'));
	preload = join(root, 'preload.js');
	writeFileSync(preload, PRELOAD);
});
after(() => rmSync(root, { recursive: true, force: true }));

describe('mailcfg check --jobs: the output of one thread, from several', () => {
	const variants: { name: string; args: string[] }[] = [
		{ name: 'text', args: [] },
		{ name: 'json', args: ['--format', 'json'] },
		{ name: 'sarif', args: ['--format', 'sarif'] },
		{ name: 'German text, a missing input named too', args: ['--lang', 'de', 'missing.mailaccounts.json'] },
	];
	for (const { name, args } of variants) {
		test(name, () => {
			const common = ['configs', '--now', '2026-06-01', ...args];
			const sequential = check(common, 1);
			const parallel = check(common, 3);
			assert.deepEqual(sequential.workerReads, [], 'one thread: no worker');
			assert.ok(parallel.workerReads.length > 0, 'the workers checked files');
			assert.equal(sequential.code, 2, sequential.stderr);
			assert.match(sequential.stderr, /x\.mailaccounts\.json/);
			assert.ok(sequential.stdout.length > 10_000, 'findings were reported');
			assert.equal(parallel.stdout, sequential.stdout);
			assert.equal(parallel.stderr, sequential.stderr);
			assert.equal(parallel.code, sequential.code);
		});
	}

	test('the default (auto) prints the same as --jobs 1', () => {
		const common = ['configs', '--now', '2026-06-01', '--format', 'json'];
		const sequential = check(common, 1);
		const auto = spawnSync(process.execPath, [CLI, 'check', ...common], { cwd: root, encoding: 'utf8' });
		assert.equal(auto.stdout, sequential.stdout);
		assert.equal(auto.stderr, sequential.stderr);
		assert.equal(auto.status, sequential.code);
	});
});

describe('a worker that stops mid-run costs the file it was checking, nothing else', () => {
	const cases = [
		{ crash: 'exit' as const, reason: 'exit code 70' },
		{ crash: 'memory' as const, reason: 'Worker terminated due to reaching memory limit: JS heap out of memory' },
	];
	for (const { crash, reason } of cases) {
		test(`${crash}: exit 2, the file named on stderr, every other file reported`, () => {
			const common = ['configs', '--now', '2026-06-01', '--format', 'json'];
			const sequential = check(common, 1);
			const stopped = check(common, 2, crash);
			assert.equal(stopped.workerReads.length, 1, 'the worker stopped at its first file');
			const lost = relative(root, stopped.workerReads[0] as string)
				.split('\\')
				.join('/');
			assert.equal(stopped.code, 2);
			const line = `mailcfg check: cannot check ${lost}: the worker thread checking it stopped (${reason})\n`;
			// The stopped worker's line comes where the file's own result would have been.
			const sequentialLines = sequential.stderr.split('\n');
			const stoppedLines = stopped.stderr.split('\n');
			assert.deepEqual(
				stoppedLines.filter((l) => `${l}\n` !== line),
				sequentialLines,
				stopped.stderr,
			);
			assert.ok(stopped.stderr.includes(line), stopped.stderr);
			type Report = { files: { file: string }[] };
			const expected = (JSON.parse(sequential.stdout) as Report).files.filter((f) => f.file !== lost);
			assert.deepEqual((JSON.parse(stopped.stdout) as Report).files, expected);
		});
	}
});

describe('how many threads', () => {
	test('--jobs N is taken as given, never more threads than files', () => {
		assert.equal(laneCount(1, 5000, 8, 0), 1);
		assert.equal(laneCount(3, 5000, 2, 7), 3);
		assert.equal(laneCount(4, 2, 8, 0), 2);
	});
	test('auto: one per idle core but one, with 250 files each, else one', () => {
		assert.equal(laneCount(undefined, 1, 8, 0), 1, 'one small file: no worker');
		assert.equal(laneCount(undefined, 499, 4, 0), 1);
		assert.equal(laneCount(undefined, 500, 4, 0), 2);
		assert.equal(laneCount(undefined, 100_000, 2, 0), 1, "two idle cores: the second is V8's");
		assert.equal(laneCount(undefined, 100_000, 4, 0.4), 2);
		assert.equal(laneCount(undefined, 100_000, 4, 0), 3);
		assert.equal(laneCount(undefined, 100_000, 4, 2.2), 1, 'two cores busy');
		assert.equal(laneCount(undefined, 100_000, 2, 6), 1, 'every core busy');
		assert.equal(laneCount(undefined, 100_000, 8, 5.5), 1);
		assert.equal(laneCount(undefined, 100_000, 8, 3.5), 3);
		assert.equal(laneCount(undefined, 1000, 8, 0), 4);
		assert.equal(laneCount(undefined, 100_000, 1, 0), 1, 'one core');
	});
});
