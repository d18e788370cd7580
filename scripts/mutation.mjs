// `npm run test:mutation [-- <stryker options>]`: runs StrykerJS (incremental, see stryker.config.json) with the given
// options, then prints the score per folder and writes it to reports/mutation/scores.json with this run's date and
// command. Scope a run on this 2-core machine with `--mutate` and `--testFiles`, for example
//
//   npm run test:mutation -- --mutate 'src/core/rules/**/*.ts' --testFiles 'test/unit/core/rules/*.test.ts'
//
// Results of files outside the scope stay in the incremental file, so folder after folder adds up to the whole core.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const stryker = spawnSync(process.execPath, ['node_modules/@stryker-mutator/core/bin/stryker.js', 'run', ...args], {
	stdio: 'inherit',
});
if (stryker.status !== 0) process.exit(stryker.status ?? 1);
const quoted = args.map((a) => (/^[\w./=:-]+$/.test(a) ? a : `'${a}'`)).join(' ');
const scores = spawnSync(
	process.execPath,
	['scripts/mutation-scores.mjs', '--run', `npm run test:mutation${quoted ? ` -- ${quoted}` : ''}`],
	{ stdio: 'inherit' },
);
process.exit(scores.status ?? 1);
