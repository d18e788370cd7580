// Type-checks each fenced project; the fences (no `vscode` in core/server, no Node in the webview) live in their tsconfigs.
import { spawn } from 'node:child_process';

const projects = ['core', 'server', 'client', 'webview', 'test'];
const run = (name) =>
	new Promise((resolve) => {
		const child = spawn(process.execPath, ['node_modules/typescript/bin/tsc', '-p', `tsconfig.${name}.json`], {
			stdio: 'inherit',
		});
		child.on('exit', (code) => resolve(code === 0 ? 0 : 1));
	});

let failed = 0;
for (const name of projects) {
	failed += await run(name);
}
process.exit(failed ? 1 : 0);
