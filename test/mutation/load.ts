// Stryker's entries (one per area of the unit tests, see scripts/stryker-node-test-runner.mjs) load every test file
// of their folders, so a new test file counts against mutants without a list to update. Files named in `first`
// come first: they kill most mutants, and a survivor's run stops at the first failing test.
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const load = createRequire(__filename);

export function loadArea(folder: string, first: readonly string[] = []): void {
	const dir = join(__dirname, '../unit', folder);
	const files = readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		if (entry.isDirectory()) return [];
		return entry.name.endsWith('.test.ts') ? [entry.name.replace(/\.test\.ts$/, '')] : [];
	});
	for (const name of [...first.filter((f) => files.includes(f)), ...files.filter((f) => !first.includes(f)).sort()]) {
		load(join(dir, `${name}.test.ts`));
	}
}
