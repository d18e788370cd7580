// `npm run package`: production bundles, third-party notices from what was bundled, then a VSIX with @vscode/vsce.
// Everything runtime is bundled by esbuild, hence `--no-dependencies` (no node_modules in the VSIX). vsce runs
// offline and never prompts here: LICENSE and `repository` exist, and packaging does not need vsce-sign.
// Prints the VSIX path on the last line of stdout, so other scripts (e2e, sandbox) can use it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectPackages, renderNotices } from './third-party-notices.mjs';

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
const vsix = `${name}-${version}.vsix`;
const metafile = 'out/bundle-meta.json';
const vsce = join('node_modules', '@vscode', 'vsce', 'vsce');

/** Files that must be in the package, and patterns that must never be. */
const REQUIRED = [
	'extension/package.json',
	'extension/dist/extension.js',
	'extension/dist/features.js',
	'extension/dist/probe-runner.js',
	'extension/dist/server.js',
	'extension/dist/cli.js',
	...['check', 'test', 'explain', 'walkthroughs', 'discover', 'convert'].map((c) => `extension/dist/cli-${c}.js`),
	'extension/dist/validators-en.js',
	'extension/dist/validators-de.js',
	'extension/dist/yaml.js',
	'extension/dist/discovery-runner.js',
];
const FORBIDDEN = [/\.map$/, /(^|\/)node_modules\//, /(^|\/)src\//, /(^|\/)test\//, /\.ts$/];

const log = (text) => process.stderr.write(`${text}\n`);
const run = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

function removeSourcemaps(dir) {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = join(dir, entry.name);
		if (entry.isDirectory()) removeSourcemaps(full);
		// A production build writes no maps, but maps of an earlier development build would otherwise ship.
		else if (entry.name.endsWith('.map')) rmSync(full);
	}
}

mkdirSync('out', { recursive: true });
log('package: production bundles');
run(process.execPath, ['esbuild.mjs', '--production', `--metafile=${metafile}`]);
removeSourcemaps('dist');

const packages = collectPackages(JSON.parse(readFileSync(metafile, 'utf8')).inputs);
writeFileSync('THIRD_PARTY_NOTICES.md', renderNotices(packages));
log(`package: THIRD_PARTY_NOTICES.md lists ${packages.length} bundled packages`);

const files = run(process.execPath, [vsce, 'ls', '--no-dependencies'])
	.split('\n')
	.map((f) => f.trim())
	.filter(Boolean)
	.map((f) => `extension/${f}`);
const missing = REQUIRED.filter((f) => !files.includes(f));
const forbidden = files.filter((f) => FORBIDDEN.some((re) => re.test(f.slice('extension/'.length))));
if (missing.length || forbidden.length) {
	log(
		`package: refusing to package. Missing: ${missing.join(', ') || '-'}; must not ship: ${forbidden.join(', ') || '-'}`,
	);
	process.exit(1);
}

rmSync(vsix, { force: true });
run(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsix]);

const byFolder = new Map();
for (const file of files) {
	const top = file.split('/').slice(1, -1)[0] ?? '(root)';
	byFolder.set(top, (byFolder.get(top) ?? 0) + 1);
}
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
log(`package: ${vsix}: ${kb(statSync(vsix).size)}, ${files.length} files`);
for (const [folder, count] of [...byFolder].sort()) log(`  ${folder.padEnd(12)} ${count} file(s)`);
for (const file of files.filter((f) => f.startsWith('extension/dist/'))) {
	log(`  ${file.slice('extension/'.length).padEnd(36)} ${kb(statSync(file.slice('extension/'.length)).size)}`);
}
console.log(vsix);
