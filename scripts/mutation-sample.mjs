// `npm run test:mutation:sample [-- --size N --seed S --concurrency C]`: the mutation score of all of src/core,
// estimated from a random sample of its mutants, with a 95 % confidence interval.
//
// Why a sample: src/core has about 20,000 mutants. On this 2-core machine a mutant costs 1-2 s, and a static one
// (code that runs while a module loads: the explanation catalog, the guides, the fact registry) 5-8 s, because it
// needs freshly loaded modules. The whole core is a day of CPU; a sample of a few hundred mutants, drawn at random
// from every folder in proportion to its size, is an hour and estimates the same score within a few points
// (stratified random sampling; the score of each folder and of the whole core, with its interval).
//
// The drawn mutants run against every unit test of the core (all test/mutation entries but the CLI's): a mutant in
// text/ is mostly caught by the config tests.
// Results go to reports/mutation/sample.json with the seed, so a run can be repeated exactly; the surviving mutants
// are listed there (file, line, mutator, replacement) as the to-do list for new tests. The incremental file of the
// full runs is not touched: a sampled file must not look measured in scores.json.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Instrumenter } from '@stryker-mutator/instrumenter';
import { DETECTED, DRAWN_ENV, UNDETECTED, coreRelative, mutantKey, percent, sourceFiles } from './mutation-common.mjs';

const { values } = parseArgs({
	options: {
		size: { type: 'string', default: '400' },
		seed: { type: 'string', default: '20261204' },
		concurrency: { type: 'string', default: '1' },
		only: { type: 'string' },
		out: { type: 'string', default: 'reports/mutation/sample.json' },
	},
});
const SIZE = Number(values.size);
const SEED = Number(values.seed);

/** mulberry32: a small seeded generator, so the same seed draws the same mutants. */
function random(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** src/core/explain/catalog/oauth.ts -> src/core/explain/catalog (folders two deep, as the scores table). */
function stratumOf(file) {
	return ['src/core', ...file.split('/').slice(2, -1).slice(0, 2)].join('/');
}

/** Every area entry of the core's unit tests (a mutant in text/ is mostly caught by the config tests). */
const CORE_ENTRIES = readdirSync('test/mutation')
	.filter((f) => f.endsWith('.ts') && !['load.ts', 'cli.ts'].includes(f))
	.map((f) => `test/mutation/${f}`);

/** src/core/explain/catalog/oauth.ts -> explain: the test/mutation entry of its folder (top-level files: core). */
function areaOf(file) {
	const parts = file.split('/');
	return parts.length > 3 ? parts[2] : 'core';
}

/** Map.groupBy, which Node 20 lacks. */
function groupBy(items, keyOf) {
	const groups = new Map();
	for (const item of items) {
		const k = keyOf(item);
		if (!groups.has(k)) groups.set(k, []);
		groups.get(k).push(item);
	}
	return groups;
}

async function allMutants() {
	const files = sourceFiles('src/core');
	const silent = { isDebugEnabled: () => false, isTraceEnabled: () => false };
	for (const level of ['trace', 'debug', 'info', 'warn', 'error', 'fatal']) silent[level] = () => {};
	// The instrumenter honours `// Stryker disable` comments as a Stryker run does: those mutants are not drawn.
	const { mutants } = await new Instrumenter(silent).instrument(
		files.map((name) => ({ name, content: readFileSync(name, 'utf8'), mutate: true })),
		{ plugins: null, excludedMutations: [], ignorers: [] },
	);
	return mutants.map((m) => ({
		...m,
		stratum: stratumOf(m.fileName),
		key: mutantKey(m.fileName, m.location, m.mutatorName, m.replacement),
	}));
}

/** Proportional allocation, at least 8 per stratum so that every folder gets an estimate of its own. */
function draw(mutants, size, next) {
	const strata = groupBy(mutants, (m) => m.stratum);
	const sample = [];
	for (const [stratum, members] of [...strata].sort(([a], [b]) => a.localeCompare(b))) {
		const wanted = Math.min(members.length, Math.max(8, Math.round((size * members.length) / mutants.length)));
		const pool = [...members];
		for (let i = 0; i < wanted; i++) {
			const j = i + Math.floor(next() * (pool.length - i));
			[pool[i], pool[j]] = [pool[j], pool[i]];
		}
		sample.push(...pool.slice(0, wanted).map((m) => ({ ...m, population: members.length, stratum })));
	}
	return sample;
}

/**
 * One Stryker run of `mutants` against `testFiles`; returns status (and reason) by mutant key. `ignoreStatic` leaves
 * static mutants unrun, with the status Ignored.
 */
function runSample(mutants, testFiles, ignoreStatic, workDir, name) {
	const report = join(workDir, `${name}.json`);
	const config = join(workDir, `${name}.config.json`);
	const base = JSON.parse(readFileSync('stryker.config.json', 'utf8'));
	writeFileSync(
		config,
		JSON.stringify({
			...base,
			$schema: undefined,
			plugins: ['@stryker-mutator/*', resolve('scripts/stryker-node-test-runner.mjs')],
			incremental: false,
			reporters: ['json', 'progress-append-only'],
			jsonReporter: { fileName: report },
			tempDirName: '.stryker-tmp-sample',
			concurrency: Number(values.concurrency),
			ignoreStatic,
			// A busy 2-core machine stretches test times several-fold; a timeout kills the worker, and a new one loads
			// every test file again (a minute or more), so the limits are generous.
			timeoutMS: 60000,
			timeoutFactor: 3,
			// A range selects every mutant inside it (a drawn array literal holds a whole catalog); the runner skips
			// the ones not drawn (see DRAWN_ENV).
			mutate: mutants.map(
				({ fileName, location: { start, end } }) =>
					`${fileName}:${start.line + 1}:${start.column}-${end.line + 1}:${end.column}`,
			),
			testFiles,
		}),
	);
	const started = Date.now();
	const drawn = join(workDir, `${name}.drawn.json`);
	writeFileSync(drawn, JSON.stringify(mutants.map((m) => m.key)));
	// Stryker's progress goes to the terminal: a sample run takes an hour and should show how far it is.
	const run = spawnSync(process.execPath, ['node_modules/@stryker-mutator/core/bin/stryker.js', 'run', config], {
		stdio: ['ignore', 'inherit', 'inherit'],
		env: { ...process.env, [DRAWN_ENV]: drawn },
	});
	if (run.status !== 0) throw new Error(`Stryker failed (exit ${run.status})`);
	const statuses = new Map();
	for (const [file, { mutants: results }] of Object.entries(JSON.parse(readFileSync(report, 'utf8')).files)) {
		const rel = coreRelative(file);
		for (const { location, mutatorName, replacement, status, statusReason } of results) {
			const zeroBased = {
				start: { line: location.start.line - 1, column: location.start.column - 1 },
				end: { line: location.end.line - 1, column: location.end.column - 1 },
			};
			statuses.set(mutantKey(rel, zeroBased, mutatorName, replacement), { status, statusReason });
		}
	}
	console.log(`${name}: ${mutants.length} mutants in ${Math.round((Date.now() - started) / 1000)} s`);
	return statuses;
}

/** Wilson score interval (95 %) for one proportion: sane at small n and near 100 %. */
function wilson(detected, n) {
	if (!n) return null;
	const z = 1.96;
	const p = detected / n;
	const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
	const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
	return [Math.round(1000 * (centre - half)) / 10, Math.round(1000 * (centre + half)) / 10];
}

const mutants = await allMutants();
let sample = draw(mutants, SIZE, random(SEED));
if (values.only) sample = sample.filter((m) => m.stratum.startsWith(values.only));
console.log(`${sample.length} of ${mutants.length} mutants of src/core drawn (seed ${SEED})`);

// Two passes. Static mutants need freshly loaded modules, and loading every core test file takes a minute here: the
// first pass runs only the others, against every core test (perTest coverage picks the few tests that reach each),
// and the second the static ones, area by area against that area's tests (seconds to load), so a static mutant
// that only another area's tests would catch counts as survived: for them the estimate errs low.
const workDir = mkdtempSync(join(tmpdir(), 'mailcfg-mutation-sample-'));
const status = new Map();
let staticDrawn;
try {
	for (const [k, v] of runSample(sample, CORE_ENTRIES, true, workDir, 'dynamic')) status.set(k, v.status);
	const drawnStatic = sample.filter((m) => status.get(m.key) === 'Ignored');
	staticDrawn = drawnStatic.length;
	for (const [area, members] of groupBy(drawnStatic, (m) => areaOf(m.fileName))) {
		const results = runSample(members, [`test/mutation/${area}.ts`], false, workDir, `static-${area}`);
		for (const m of members) status.set(m.key, results.get(m.key)?.status ?? 'Missing');
	}
} finally {
	rmSync(workDir, { recursive: true, force: true });
}

const strata = [];
let estimate = 0;
let variance = 0;
let total = 0;
for (const [stratum, members] of groupBy(sample, (m) => m.stratum)) {
	const counted = members.map((m) => status.get(m.key) ?? 'Missing');
	const missing = counted.filter((s) => s === 'Missing').length;
	if (missing) console.warn(`${stratum}: ${missing} drawn mutants are missing from Stryker's report`);
	const detected = counted.filter((s) => DETECTED.has(s)).length;
	const undetected = counted.filter((s) => UNDETECTED.has(s)).length;
	const population = members[0].population;
	const n = detected + undetected;
	strata.push({
		stratum,
		population,
		sampled: members.length,
		detected,
		undetected,
		other: members.length - n,
		score: percent(detected, undetected),
		interval95: wilson(detected, n),
		survivors: members
			.filter((m) => UNDETECTED.has(status.get(m.key)))
			.map((m) => `${m.fileName}:${m.location.start.line + 1} ${m.mutatorName} → ${m.replacement.slice(0, 80)}`),
	});
	if (n) {
		const p = detected / n;
		estimate += population * p;
		// Variance of a stratified mean, with the finite-population correction (a small folder may be drawn whole).
		variance += population * population * ((p * (1 - p)) / Math.max(n - 1, 1)) * (1 - n / population);
		total += population;
	}
}
const overall = total ? estimate / total : null;
const half = total ? (1.96 * Math.sqrt(variance)) / total : null;
const bound = (x) => Math.round(1000 * Math.min(1, Math.max(0, x))) / 10;
const result = {
	date: new Date().toISOString().slice(0, 16) + 'Z',
	command: `npm run test:mutation:sample -- --size ${SIZE} --seed ${SEED}${values.only ? ` --only ${values.only}` : ''}`,
	mutantsInCore: mutants.length,
	sampled: sample.length,
	staticDrawn,
	score: overall === null ? null : Math.round(1000 * overall) / 10,
	interval95: overall === null ? null : [bound(overall - half), bound(overall + half)],
	strata,
};
writeFileSync(values.out, JSON.stringify(result, null, '\t') + '\n');
for (const s of strata) {
	console.log(
		`${String(s.score ?? '-').padStart(6)} %  ${s.stratum}  (${s.detected} of ${s.detected + s.undetected} drawn of ${s.population}; 95 %: ${s.interval95?.join('–') ?? '-'})`,
	);
}
console.log(`${String(result.score).padStart(6)} %  src/core, estimated (95 %: ${result.interval95?.join('–')})`);
console.log(`written to ${values.out}`);
