// Runs node's own test runner over the given test files and every *.test.ts below the given folders
// (Node 20 has no --test globs).
// TypeScript is loaded through tsx, so tests need no separate compile step. No --test-force-exit: with it, Node's
// runner can silently drop verdicts of a child file and still exit 0 (nodejs/node#64833); tests close what they open.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';

const roots = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const passthrough = process.argv.slice(2).filter((a) => a.startsWith('--'));
const files = [];
const walk = (dir) => {
	for (const name of readdirSync(dir)) {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) walk(full);
		else if (name.endsWith('.test.ts')) files.push(full);
	}
};
for (const root of roots.length ? roots : ['test/unit']) {
	if (statSync(root).isDirectory()) walk(root);
	else files.push(root);
}
files.sort();
const child = spawn(process.execPath, ['--import', 'tsx', '--test', ...passthrough, ...files], {
	stdio: 'inherit',
});
child.on('exit', (code) => process.exit(code ?? 1));
