/**
 * #13.5: activation loads the language client and a thin shell. The explanation catalog and the guides (the bulk of
 * the client's own code) live in dist/features.js, loaded on first use, and the probe libraries in
 * dist/probe-runner.js. Built in memory with the production options of esbuild.mjs.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import * as esbuild from 'esbuild';

const ROOT = join(__dirname, '../../..');
const LIMIT_BYTES = 450_000;

async function minified(entry: string, external: string[]): Promise<{ text: string; inputs: string[] }> {
	const result = await esbuild.build({
		absWorkingDir: ROOT,
		entryPoints: [entry],
		bundle: true,
		minify: true,
		write: false,
		metafile: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		mainFields: ['module', 'main'],
		legalComments: 'none',
		define: { __MAILCFG_VERSION__: '"0.0.0"' },
		external,
		logLevel: 'silent',
	});
	return { text: result.outputFiles[0]!.text, inputs: Object.keys(result.metafile.inputs) };
}

test(`dist/extension.js stays at most ${LIMIT_BYTES} bytes minified and holds no guide, catalog or probe code`, async () => {
	const { text, inputs } = await minified('src/extension.ts', ['vscode', './features.js']);
	const size = Buffer.byteLength(text);
	assert.ok(size <= LIMIT_BYTES, `dist/extension.js is ${size} bytes`);
	const heavy = inputs.filter((i) =>
		/^src\/core\/(walkthroughs|explain|probes)\/|node_modules\/(imapflow|nodemailer|@azure)\//.test(i),
	);
	assert.deepEqual(heavy, []);
	assert.match(text, /require\("\.\/features\.js"\)/, 'the features load lazily');
});

test('dist/features.js leaves the probe libraries to dist/probe-runner.js', async () => {
	const { inputs, text } = await minified('src/client/features.ts', ['vscode', './probe-runner.js']);
	assert.ok(inputs.some((i) => i.startsWith('src/core/explain/')));
	assert.deepEqual(
		inputs.filter((i) => /node_modules\/(imapflow|nodemailer|@azure)\//.test(i)),
		[],
	);
	assert.match(text, /require\("\.\/probe-runner\.js"\)/);
});
