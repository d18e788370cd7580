// What the mutation scripts share: which files Stryker mutates and how a mutant's status counts.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Score as Stryker counts it: (killed + timeout) / (killed + timeout + survived + no coverage). */
export const DETECTED = new Set(['Killed', 'Timeout']);
export const UNDETECTED = new Set(['Survived', 'NoCoverage']);

// The files the mutate globs of stryker.config.json select.
const SKIPPED = /\/generated\//;

/** The TypeScript files below `dir` that Stryker mutates, sorted. */
export function sourceFiles(dir) {
	return readdirSync(dir)
		.sort()
		.flatMap((name) => {
			const full = join(dir, name);
			if (statSync(full).isDirectory()) return sourceFiles(full);
			return name.endsWith('.ts') && !SKIPPED.test(full) ? [full] : [];
		});
}

/** Percent with one decimal, or null when nothing counts. */
export function percent(detected, undetected) {
	return detected + undetected ? Math.round((1000 * detected) / (detected + undetected)) / 10 : null;
}

/** A mutant's identity across runs (Stryker's ids are per run): file, 0-based range, mutator and replacement. */
export function mutantKey(fileName, { start, end }, mutatorName, replacement) {
	return `${fileName}@${start.line}:${start.column}-${end.line}:${end.column} ${mutatorName} ${replacement}`;
}

/** A path as the scripts name files (`src/core/...`, forward slashes), from an absolute or a Windows path. */
export function coreRelative(file) {
	return file.replace(/\\/g, '/').replace(/^.*?(src\/core\/)/, '$1');
}

/** The environment variable through which a sample run tells the test runner which mutants were drawn. */
export const DRAWN_ENV = 'MAILCFG_MUTATION_DRAWN';
