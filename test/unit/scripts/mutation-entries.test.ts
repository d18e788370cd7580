/**
 * `npm run test:mutation` runs the unit tests through the entry files in test/mutation (one per area, see
 * scripts/stryker-node-test-runner.mjs). A test file missing from them would silently not count against mutants.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const ROOT = join(__dirname, '../../..');
const ENTRIES = join(ROOT, 'test/mutation');

function testFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) return testFiles(full);
		return name.endsWith('.test.ts') ? [relative(ROOT, full).replace(/\.ts$/, '')] : [];
	});
}

test('every unit test file of the core and the CLI is in exactly one mutation entry', () => {
	const imported = readdirSync(ENTRIES).flatMap((entry) =>
		[...readFileSync(join(ENTRIES, entry), 'utf8').matchAll(/^import '\.\.\/(.+)';$/gm)].map((m) => `test/${m[1]}`),
	);
	const expected = [...testFiles(join(ROOT, 'test/unit/core')), ...testFiles(join(ROOT, 'test/unit/cli'))];
	assert.deepEqual([...imported].sort(), expected.sort());
});
