// `npm run fuzz [-- --seed N] [--runs N]`: the fuzz suites (test/fuzz) in a long run. Prints the seed first; the same
// seed and run count replay the same inputs. A failing input is saved to test/fixtures/fuzz/ (see test/fuzz/support.ts)
// and replayed by every later run, `npm test` included.
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';

const args = process.argv.slice(2);
const option = (name) => {
	const index = args.indexOf(`--${name}`);
	return index >= 0 ? args[index + 1] : undefined;
};
const seed = option('seed') ?? String(randomInt(2 ** 31));
const runs = option('runs') ?? '1000';
if (!/^\d+$/.test(seed) || !/^\d+$/.test(runs)) {
	process.stderr.write('usage: npm run fuzz -- [--seed N] [--runs N]\n');
	process.exit(2);
}
process.stdout.write(
	`fuzz seed ${seed}, ${runs} runs per property (replay: npm run fuzz -- --seed ${seed} --runs ${runs})\n`,
);
const child = spawn(process.execPath, ['scripts/run-tests.mjs', 'test/fuzz'], {
	stdio: 'inherit',
	env: { ...process.env, MAILCFG_FUZZ_SEED: seed, MAILCFG_FUZZ_RUNS: runs },
});
child.on('exit', (code) => {
	process.stdout.write(`fuzz seed ${seed} (replay: npm run fuzz -- --seed ${seed} --runs ${runs})\n`);
	process.exit(code ?? 1);
});
