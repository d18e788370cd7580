/**
 * `npm run test:mutation` runs the unit tests through the entry files in test/mutation (one per folder of the core
 * and CLI tests, see scripts/stryker-node-test-runner.mjs). A folder without an entry would silently not count
 * against mutants.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const ROOT = join(__dirname, '../../..');

test('every folder of core and CLI unit tests has a mutation entry', () => {
	const entries = readdirSync(join(ROOT, 'test/mutation')).flatMap((name) =>
		[...readFileSync(join(ROOT, 'test/mutation', name), 'utf8').matchAll(/^loadArea\('([^']+)'/gm)].map((m) => m[1]),
	);
	const core = readdirSync(join(ROOT, 'test/unit/core'), { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => `core/${entry.name}`);
	assert.deepEqual(entries.sort(), ['cli', 'core', ...core].sort());
});
