/**
 * What the fuzz suites share: run settings, the memory of failing inputs, and the checks every output must pass.
 *
 * `npm test` runs each property a few dozen times from a fixed seed: fast, and the same inputs every time.
 * `npm run fuzz` (scripts/fuzz.mjs) sets MAILCFG_FUZZ_SEED and MAILCFG_FUZZ_RUNS for a long run and prints the
 * seed; the same seed replays the same inputs. An input that fails is shrunk by fast-check and saved to
 * test/fixtures/fuzz/<property>.json, and every later run (npm test included) replays the saved inputs first: a
 * failure found once stays a regression test.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { MAX_FINDINGS_PER_FILE } from '../../src/core/config/analyze';
import type { Finding } from '../../src/core/config/findings';

/** The seed of `npm test`; `npm run fuzz` draws a new one unless given one. */
const DEFAULT_SEED = 9_2026;
const FIXTURES = join(__dirname, '../fixtures/fuzz');

export const FUZZ_SEED = Number(process.env.MAILCFG_FUZZ_SEED ?? DEFAULT_SEED);
const RUNS_OVERRIDE = process.env.MAILCFG_FUZZ_RUNS ? Number(process.env.MAILCFG_FUZZ_RUNS) : undefined;
/** A long run (`npm run fuzz`): bigger inputs too. */
export const LONG_RUN = RUNS_OVERRIDE !== undefined;

interface SavedInput<T> {
	seed: number;
	input: T;
}

function fixturePath(name: string): string {
	return join(FIXTURES, `${name}.json`);
}

/** The inputs that failed before, for a property. */
export function savedInputs<T>(name: string): T[] {
	const path = fixturePath(name);
	if (!existsSync(path)) return [];
	return (JSON.parse(readFileSync(path, 'utf8')) as SavedInput<T>[]).map((saved) => saved.input);
}

function saveInput<T>(name: string, input: T): string {
	const path = fixturePath(name);
	const saved: SavedInput<T>[] = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as SavedInput<T>[]) : [];
	const json = JSON.stringify(input);
	if (!saved.some((s) => JSON.stringify(s.input) === json)) {
		saved.push({ seed: FUZZ_SEED, input });
		mkdirSync(FIXTURES, { recursive: true });
		writeFileSync(path, `${JSON.stringify(saved, null, '\t')}\n`);
	}
	return path;
}

/**
 * Runs `predicate` on the saved inputs of `name`, then on `runs` generated ones (or MAILCFG_FUZZ_RUNS). A failure
 * saves the shrunk input and fails with fast-check's report (seed and path to replay it). Inputs must be plain
 * JSON values, so they can be saved.
 */
export async function fuzz<T>(
	name: string,
	arbitrary: fc.Arbitrary<T>,
	predicate: (input: T) => Promise<void>,
	runs: number,
): Promise<void> {
	const details = await fc.check(
		fc.asyncProperty(arbitrary, async (input) => {
			await predicate(input);
		}),
		{
			seed: FUZZ_SEED,
			numRuns: RUNS_OVERRIDE ?? runs,
			examples: savedInputs<T>(name).map((input) => [input] as [T]),
		},
	);
	if (!details.failed) return;
	const saved = details.counterexample ? saveInput(name, details.counterexample[0]) : undefined;
	const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
	assert.fail(`${fc.defaultReportMessage(details)}\nGot: ${error}\n${saved ? `failing input saved to ${saved}` : ''}`);
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/;

/** Text a terminal or an editor shows must hold no control character but tab and newline (no escape sequence). */
export function assertPrintable(text: string, what: string): void {
	const at = text.search(CONTROL);
	assert.equal(
		at,
		-1,
		`${what}: control character at ${at}: ${JSON.stringify(text.slice(Math.max(0, at - 30), at + 30))}`,
	);
}

/** Every string inside a JSON value, printable. */
export function assertPrintableStrings(value: unknown, what: string): void {
	if (typeof value === 'string') assertPrintable(value, what);
	else if (Array.isArray(value)) value.forEach((v, i) => assertPrintableStrings(v, `${what}[${i}]`));
	else if (value && typeof value === 'object')
		for (const [k, v] of Object.entries(value)) assertPrintableStrings(v, `${what}.${k}`);
}

/** Runs `work` and fails if it took longer than `ms` (a bound with room for a loaded machine, not a benchmark). */
export async function within<T>(ms: number, what: string, work: () => Promise<T> | T): Promise<T> {
	const started = performance.now();
	const result = await work();
	const took = performance.now() - started;
	assert.ok(took <= ms, `${what} took ${Math.round(took)} ms (bound ${ms} ms)`);
	return result;
}

/** Every finding where the text has room for it, with a message and fixes whose edits are inside the text too. */
export function assertFindingsWellFormed(findings: Finding[], text: string): void {
	const lines = text.split(/\r\n|\r|\n/);
	const inside = (p: { line: number; character: number }) =>
		p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= (lines[p.line]?.length ?? 0);
	assert.ok(findings.length <= MAX_FINDINGS_PER_FILE + 1, `${findings.length} findings`);
	for (const f of findings) {
		assert.notEqual(f.code, 'internal-error', f.message);
		assert.ok(f.message.length > 0, f.code);
		assertPrintable(f.message, `message of ${f.code}`);
		for (const fix of f.fixes) assertPrintable(fix.title, `fix title of ${f.code}`);
		for (const range of [f.range, ...f.fixes.flatMap((fix) => fix.edits.map((e) => e.range))]) {
			assert.ok(inside(range.start) && inside(range.end), `${f.code} at ${JSON.stringify(range)}`);
		}
	}
}
