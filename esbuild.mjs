// Bundles: the extension client, the language server, the CLI, the lazily loaded probe runner and the webviews.
// `--production` minifies and drops sourcemaps; `--watch` rebuilds on change; `--metafile=FILE` writes the inputs
// of all bundles (scripts/package.mjs derives THIRD_PARTY_NOTICES.md from it).
import * as esbuild from 'esbuild';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const metafile = process.argv.find((a) => a.startsWith('--metafile='))?.slice('--metafile='.length);

const common = {
	bundle: true,
	minify: production,
	sourcemap: !production,
	sourcesContent: false,
	logLevel: 'warning',
	legalComments: 'none',
};
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const node = {
	...common,
	platform: 'node',
	format: 'cjs',
	target: 'node20',
	// jsonc-parser's UMD build (its `main`) requires files by computed paths that esbuild cannot follow: use its ESM build.
	mainFields: ['module', 'main'],
	define: { __MAILCFG_VERSION__: JSON.stringify(version) },
};

/** Prints errors in the `$esbuild-watch` problem-matcher format used by .vscode/tasks.json. */
const problemMatcher = {
	name: 'problem-matcher',
	setup(build) {
		build.onStart(() => console.log('[watch] build started'));
		build.onEnd((result) => {
			for (const { text, location } of result.errors) {
				console.error(`✘ [ERROR] ${text}`);
				if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
			}
			console.log('[watch] build finished');
		});
	},
};

/**
 * Keeps `mailcfg test` (and with it imapflow, nodemailer and msal-node) out of dist/cli.js: its dynamic import in
 * src/cli/main.ts becomes a require of dist/cli-test.js, so `check`, `explain` and `walkthroughs` never parse them.
 */
const cliTestSplit = {
	name: 'cli-test-split',
	setup(build) {
		build.onResolve({ filter: /^\.\/commands\/test$/ }, (args) =>
			args.importer.endsWith('main.ts') ? { path: './cli-test.js', external: true } : undefined,
		);
	},
};

const targets = [
	{
		...node,
		entryPoints: ['src/extension.ts'],
		outfile: 'dist/extension.js',
		external: ['vscode', './probe-runner.js', './discovery-runner.js'],
	},
	{ ...node, entryPoints: ['src/server/main.ts'], outfile: 'dist/server.js' },
	{
		...node,
		entryPoints: ['src/cli/main.ts'],
		outfile: 'dist/cli.js',
		banner: { js: '#!/usr/bin/env node' },
		plugins: [cliTestSplit],
	},
	{ ...node, entryPoints: ['src/cli/commands/test.ts'], outfile: 'dist/cli-test.js' },
	{ ...node, entryPoints: ['src/client/probe-runner.ts'], outfile: 'dist/probe-runner.js' },
	{ ...node, entryPoints: ['src/client/discovery-runner.ts'], outfile: 'dist/discovery-runner.js' },
	{
		...common,
		platform: 'browser',
		format: 'iife',
		target: 'es2022',
		entryPoints: ['src/webview/walkthrough/main.ts'],
		outfile: 'dist/webview/walkthrough.js',
	},
	{
		...common,
		platform: 'browser',
		format: 'iife',
		target: 'es2022',
		entryPoints: ['src/webview/explain/main.ts'],
		outfile: 'dist/webview/explain.js',
	},
].filter((t) => t.entryPoints.every((e) => existsSync(e)));

const contexts = await Promise.all(
	targets.map((t) =>
		esbuild.context({
			...t,
			metafile: Boolean(metafile),
			plugins: [...(t.plugins ?? []), ...(watch ? [problemMatcher] : [])],
		}),
	),
);
if (watch) {
	await Promise.all(contexts.map((c) => c.watch()));
} else {
	const results = await Promise.all(contexts.map((c) => c.rebuild()));
	await Promise.all(contexts.map((c) => c.dispose()));
	if (metafile) {
		const inputs = Object.assign({}, ...results.map((r) => r.metafile?.inputs ?? {}));
		writeFileSync(metafile, JSON.stringify({ inputs }));
	}
}
