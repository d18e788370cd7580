import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyzeText } from '../../../../src/core/config/analyze';
import { fixedClock, parseDay } from '../../../../src/core/clock';
import { resolveWalkthroughRef } from '../../../../src/core/walkthroughs/catalog';

const ROOT = join(__dirname, '../../../..');

/** Modules of the other features that point into the walkthroughs (rules, explanations, probes, provider facts). */
const REFERRING_FOLDERS = ['src/core/rules', 'src/core/explain', 'src/core/probes', 'src/core/providers'];

function tsFiles(folder: string): string[] {
	const full = join(ROOT, folder);
	if (!existsSync(full)) return [];
	return readdirSync(full).flatMap((name) => {
		const path = join(full, name);
		if (statSync(path).isDirectory()) return tsFiles(relative(ROOT, path));
		return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
	});
}

/**
 * Every string stored under a key whose name mentions "walkthrough" (`walkthrough`, `walkthroughByProvider`,
 * `sendAsWalkthrough`, ...), found by walking the modules' exported data. Walking data rather than grepping source
 * also catches references built from shared constants.
 */
function collectRefs(
	value: unknown,
	path: string,
	seen: Set<unknown>,
	out: Map<string, string>,
	underKey = false,
): void {
	if (typeof value === 'string') {
		if (underKey) out.set(`${path}`, value);
		return;
	}
	if (typeof value !== 'object' || value === null || seen.has(value)) return;
	// A {en, de} pair under such a key is a label ("Open walkthrough"), not a link.
	if (Object.keys(value).sort().join() === 'de,en') return;
	seen.add(value);
	if (value instanceof Map) {
		for (const [key, child] of value) collectRefs(child, `${path}[${String(key)}]`, seen, out, underKey);
		return;
	}
	for (const [key, child] of Object.entries(value)) {
		collectRefs(child, `${path}.${key}`, seen, out, underKey || /walkthrough/i.test(key));
	}
}

describe('walkthrough references from other features resolve', () => {
	const files = REFERRING_FOLDERS.flatMap(tsFiles);

	test('the referring features exist in the tree', () => {
		assert.ok(files.length > 0);
	});

	test('every walkthrough reference in rules, explanations, probes and provider facts names a real guide or step', async () => {
		const refs = new Map<string, string>();
		const seen = new Set<unknown>();
		for (const file of files) {
			const exports = (await import(file)) as Record<string, unknown>;
			collectRefs(exports, relative(ROOT, file), seen, refs);
		}
		// The explanation catalog alone points into the guides dozens of times; a walk that finds only a handful
		// means the data moved and this test went blind.
		assert.ok(refs.size >= 20, `only ${refs.size} references found`);
		const broken = [...refs].filter(([, ref]) => !resolveWalkthroughRef(ref)).map(([where, ref]) => `${where}: ${ref}`);
		assert.deepEqual(broken, []);
	});

	test('findings on the example configs carry resolvable deep links', () => {
		const folder = join(ROOT, 'examples');
		const configs = existsSync(folder) ? readdirSync(folder).filter((n) => n.endsWith('.json')) : [];
		let linked = 0;
		for (const name of configs) {
			const findings = analyzeText(readFileSync(join(folder, name), 'utf8'), {
				lang: 'en',
				now: fixedClock(parseDay('2026-11-23') as Date),
			});
			for (const finding of findings) {
				if (!finding.walkthrough) continue;
				linked++;
				assert.ok(resolveWalkthroughRef(finding.walkthrough), `${name} ${finding.code}: ${finding.walkthrough}`);
			}
		}
		assert.ok(configs.length === 0 || linked > 0, 'no finding on the examples links a walkthrough');
	});
});
