// Bundles: the extension client, the language server, the CLI, the lazily loaded probe runner and the webviews.
// `--production` minifies and drops sourcemaps; `--watch` rebuilds on change; `--metafile=FILE` writes the inputs
// of all bundles (scripts/package.mjs derives THIRD_PARTY_NOTICES.md from it).
import * as esbuild from 'esbuild';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

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
 * One bundle per CLI command: each dynamic import of `./commands/<name>` in src/cli/main.ts becomes a require of
 * dist/cli-<name>.js, so dist/cli.js is only the argument parser and a command parses only its own code (`check`
 * never the probe libraries, the guides or the explanation catalog). Start-up time is mostly parse time.
 */
const CLI_COMMANDS = ['check', 'test', 'explain', 'walkthroughs', 'discover', 'convert'];
const cliCommandSplit = {
	name: 'cli-command-split',
	setup(build) {
		build.onResolve({ filter: /^\.\/commands\/[a-z]+$/ }, (args) => {
			const name = args.path.slice('./commands/'.length);
			return args.importer.endsWith('main.ts') && CLI_COMMANDS.includes(name)
				? { path: `./cli-${name}.js`, external: true }
				: undefined;
		});
	},
};

const require = createRequire(import.meta.url);

/**
 * ajv's standalone code for the schema validators of each language, from the schemas and options that
 * src/core/config/validators.ts compiles at run time. Compiling costs about half a second per language; generated
 * code costs nothing, which is most of `mailcfg check`'s start and the language server's first diagnostics.
 */
async function standaloneValidators() {
	// validators.ts is TypeScript: bundle it (with the schema source) to call it from this plain-node script, together
	// with ajv's code generator so both use the same copy of ajv.
	const { outputFiles } = await esbuild.build({
		stdin: {
			contents:
				"export { newAjv, validatorSchemas } from './src/core/config/validators'; export { default as standalone } from 'ajv/dist/standalone';",
			resolveDir: process.cwd(),
			loader: 'ts',
		},
		bundle: true,
		platform: 'node',
		format: 'cjs',
		write: false,
		logLevel: 'warning',
	});
	const source = outputFiles[0].text;
	// Every bundle imports the validators, and watch mode rebuilds often: generate again only when the inputs changed.
	if (validatorCache?.source === source) return validatorCache.code;
	const module = { exports: {} };
	new Function('module', 'exports', 'require', source)(module, module.exports, require);
	const { newAjv, validatorSchemas, standalone } = module.exports;
	const code = {};
	for (const lang of ['en', 'de']) {
		const ajv = newAjv({ code: { source: true } });
		for (const [name, schema] of Object.entries(validatorSchemas(lang))) ajv.addSchema(schema, name);
		code[lang] = standalone(ajv, { file: 'file', account: 'account' });
	}
	validatorCache = { source, code };
	return code;
}
let validatorCache;

/**
 * Swaps validators.ts for the generated validators. Each language is a bundle of its own (dist/validators-<lang>.js),
 * required on first use, so a bundle parses only the language it validates in.
 */
const schemaValidatorsPlugin = {
	name: 'schema-validators',
	setup(build) {
		let generated;
		build.onStart(() => {
			generated = undefined;
		});
		build.onLoad({ filter: /[\\/]src[\\/]core[\\/]config[\\/]validators\.ts$/ }, () => ({
			contents:
				"exports.compileValidators = (lang) => (lang === 'de' ? require('mailcfg-validators:de') : require('mailcfg-validators:en'));",
			loader: 'js',
		}));
		build.onResolve({ filter: /^mailcfg-validators:/ }, (args) => {
			const lang = args.path.slice('mailcfg-validators:'.length);
			return args.kind === 'entry-point'
				? { path: lang, namespace: 'mailcfg-validators' }
				: { path: `./validators-${lang}.js`, external: true };
		});
		build.onLoad({ filter: /.*/, namespace: 'mailcfg-validators' }, async (args) => ({
			contents: (await (generated ??= standaloneValidators()))[args.path],
			loader: 'js',
			resolveDir: process.cwd(),
		}));
	},
};

/**
 * The YAML parser (only Spring's application*.yml needs it, src/core/sources/spring.ts requires it on first use) is a
 * bundle of its own, dist/yaml.js: the bundles that may need it do not parse it at every start.
 */
const yamlApartPlugin = {
	name: 'yaml-apart',
	setup(build) {
		build.onResolve({ filter: /^yaml$/ }, (args) =>
			args.kind === 'entry-point' ? undefined : { path: './yaml.js', external: true },
		);
	},
};

const node = {
	...common,
	plugins: [schemaValidatorsPlugin, yamlApartPlugin],
	platform: 'node',
	format: 'cjs',
	target: 'node20',
	// jsonc-parser's UMD build (its `main`) requires files by computed paths that esbuild cannot follow: use its ESM build.
	mainFields: ['module', 'main'],
	define: { __MAILCFG_VERSION__: JSON.stringify(version) },
};

const targets = [
	{
		...node,
		entryPoints: ['src/extension.ts'],
		outfile: 'dist/extension.js',
		external: ['vscode', './features.js'],
	},
	// Loaded on first use by the extension (src/client/feature-host.ts), so activation stays the language client.
	{
		...node,
		entryPoints: ['src/client/features.ts'],
		outfile: 'dist/features.js',
		external: ['vscode', './probe-runner.js', './discovery-runner.js'],
	},
	{ ...node, entryPoints: ['src/server/main.ts'], outfile: 'dist/server.js' },
	{
		...node,
		entryPoints: ['src/cli/main.ts'],
		outfile: 'dist/cli.js',
		banner: { js: '#!/usr/bin/env node' },
		plugins: [...node.plugins, cliCommandSplit],
		// require(), not import(): node's ESM loader would scan each CommonJS bundle for its exports first (cjs-module-lexer
		// over the whole file), which costs more than running `check`.
		supported: { 'dynamic-import': false },
	},
	...CLI_COMMANDS.map((name) => ({
		...node,
		entryPoints: [`src/cli/commands/${name}.ts`],
		outfile: `dist/cli-${name}.js`,
	})),
	{ ...node, entryPoints: ['src/client/probe-runner.ts'], outfile: 'dist/probe-runner.js' },
	...['en', 'de'].map((lang) => ({
		...node,
		entryPoints: [`mailcfg-validators:${lang}`],
		outfile: `dist/validators-${lang}.js`,
	})),
	{ ...node, entryPoints: [require.resolve('yaml')], outfile: 'dist/yaml.js' },
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
].filter((t) => t.entryPoints.every((e) => e.startsWith('mailcfg-validators:') || existsSync(e)));

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
