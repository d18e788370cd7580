// A StrykerJS test runner for node:test files that keeps one process per worker and switches mutants in place.
//
// Why not Stryker's own tap runner: it starts a process per test file and mutant; on this 2-core machine that is
// 3-10 s per mutant (node, tsx and the core's modules start each time) and `src/core/rules` alone (1,700 mutants)
// took hours. Stryker's instrumented code already switches mutants at run time (`__stryker__.activeMutant`), so this
// runner loads the test files once and reruns their tests for each mutant, as Stryker's mocha and jasmine runners
// do. It registers the tests through a stand-in for `node:test` (test/it, describe/suite, before/after, beforeEach/
// afterEach, t.test, t.after, t.mock, t.skip, t.diagnostic); anything else a test calls fails it in the dry run,
// which Stryker then refuses to start from.
//
// Module state is the one risk of running many mutants in one process: a mutant could leave a wrong value in a
// module-level cache that a later mutant's tests then trip over (a kill that the later mutant did not earn). So a
// kill is confirmed: the failing tests run again without the mutant, and if they fail then too, the modules are
// loaded afresh and the mutant is tested again on a clean slate. A survivor is tested again on a fresh load as well:
// a module-level cache filled before the mutant was active (the explain catalog is compiled on first use) would
// otherwise hide it. Static mutants (code that runs while a module loads) get a fresh load too (Stryker asks for it
// through `reloadEnvironment`).
import { readdirSync, readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { INSTRUMENTER_CONSTANTS as C } from '@stryker-mutator/api/core';
import { commonTokens, declareClassPlugin, PluginKind } from '@stryker-mutator/api/plugin';
import {
	determineHitLimitReached,
	DryRunStatus,
	MutantRunStatus,
	TestStatus,
	toMutantRunResult,
} from '@stryker-mutator/api/test-runner';
import { DRAWN_ENV, coreRelative, mutantKey } from './mutation-common.mjs';

const require = createRequire(import.meta.url);
const realNodeTest = require('node:test');
const SKIPPED = Symbol('skipped');
const ENTRIES = 'test/mutation';

function namespace() {
	return (globalThis[C.NAMESPACE] ??= {});
}

function toArgs(name, options, fn) {
	if (typeof name === 'function') return { name: name.name || '<anonymous>', options: {}, fn: name };
	if (typeof options === 'function') return { name, options: {}, fn: options };
	return { name, options: options ?? {}, fn };
}

/** Registered tests and hooks of one load of the test files. */
class Registry {
	tests = [];
	before = [];
	after = [];
	scopes = [{ name: undefined, beforeEach: [], afterEach: [] }];
	file = '';

	api() {
		const test = (name, options, fn) => this.addTest(toArgs(name, options, fn));
		test.skip = (name, options, fn) => this.addTest({ ...toArgs(name, options, fn), skip: true });
		test.todo = test.skip;
		test.only = test;
		const describe = (name, options, fn) => this.addSuite(toArgs(name, options, fn));
		describe.skip = () => {};
		describe.todo = describe.skip;
		describe.only = describe;
		const scope = () => this.scopes.at(-1);
		return {
			...realNodeTest,
			default: test,
			test,
			it: test,
			describe,
			suite: describe,
			before: (fn) => this.before.push(fn),
			after: (fn) => this.after.push(fn),
			beforeEach: (fn) => scope().beforeEach.push(fn),
			afterEach: (fn) => scope().afterEach.push(fn),
		};
	}

	addTest({ name, options, fn, skip }) {
		const scopes = [...this.scopes];
		const full = [...scopes.map((s) => s.name).filter(Boolean), name].join(' > ');
		let id = `${this.file}: ${full}`;
		for (let n = 2; this.tests.some((t) => t.id === id); n++) id = `${this.file}: ${full} #${n}`;
		this.tests.push({ id, name: full, fn, scopes, fileName: this.file, skip: skip || options.skip || options.todo });
	}

	addSuite({ name, options, fn }) {
		if (options.skip || options.todo) return;
		this.scopes.push({ name, beforeEach: [], afterEach: [] });
		try {
			fn();
		} finally {
			this.scopes.pop();
		}
	}
}

async function call(fn, ctx) {
	if (fn.length >= 2) {
		await new Promise((resolve, reject) => fn(ctx, (err) => (err ? reject(err) : resolve())));
	} else {
		await fn(ctx);
	}
}

function context(name, cleanups) {
	const mock = new realNodeTest.mock.constructor();
	cleanups.push(() => mock.restoreAll());
	const ctx = {
		name,
		signal: new globalThis.AbortController().signal,
		mock,
		diagnostic() {},
		plan() {},
		skip() {
			throw SKIPPED;
		},
		todo() {
			throw SKIPPED;
		},
		after(fn) {
			cleanups.push(fn);
		},
		async test(subName, options, fn) {
			const sub = toArgs(subName, options, fn);
			if (sub.options.skip || sub.options.todo) return;
			const subCleanups = [];
			try {
				await call(sub.fn, context(sub.name, subCleanups));
			} finally {
				for (const cleanup of subCleanups.reverse()) await cleanup();
			}
		},
	};
	return ctx;
}

class NodeTestRunner {
	static inject = [commonTokens.options, commonTokens.logger];

	constructor(options, logger) {
		this.options = options;
		this.logger = logger;
		this.registry = undefined;
		this.currentError = undefined;
		/** The loaded modules carry the last mutant's state (a static mutant ran): the next run loads afresh. */
		this.staticLoaded = false;
		/** Set by scripts/mutation-sample.mjs: only these mutants are run, the others in their ranges are skipped. */
		this.drawn = process.env[DRAWN_ENV] ? new Set(JSON.parse(readFileSync(process.env[DRAWN_ENV], 'utf8'))) : undefined;
	}

	capabilities() {
		return { reloadEnvironment: true };
	}

	async init() {
		require('tsx/cjs');
		// Dynamic import() of a .ts module (the CLI loads its commands that way) goes through the ESM loader.
		(await import('tsx/esm/api')).register();
		const originalLoad = Module._load;
		const registry = () => this.registry;
		Module._load = function load(request, parent, isMain) {
			if (request === 'node:test' && registry()) return registry().api();
			return originalLoad.call(this, request, parent, isMain);
		};
		// An error thrown outside the awaited chain (a timer, a socket handler) fails the test that is running.
		process.on('uncaughtException', (err) => (this.currentError ??= err));
		process.on('unhandledRejection', (err) => (this.currentError ??= err));
		// Load now, outside the time Stryker allows a mutant: a worker started after a timeout would otherwise spend
		// its first mutant's time loading (slow on a busy machine) and report that mutant as timed out.
		this.files = this.testFiles({});
		await this.load(this.files);
	}

	async dispose() {
		await this.unload();
	}

	/**
	 * The test files: `--testFiles` (the dry run gets their sandbox paths; a worker that did not run the dry run reads
	 * the same option, relative to the sandbox it runs in), else every entry file of test/mutation.
	 */
	testFiles(options) {
		if (options.testFiles?.length) return options.testFiles.map((f) => path.resolve(f));
		const patterns = this.options.testFiles?.length ? this.options.testFiles : [`${ENTRIES}/*.ts`];
		return patterns.flatMap((pattern) => {
			if (!pattern.includes('*')) return [path.resolve(pattern)];
			const dir = path.dirname(pattern);
			const name = new RegExp(
				`^${path
					.basename(pattern)
					.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
					.replace(/\*/g, '.*')}$`,
			);
			return readdirSync(dir)
				.filter((file) => name.test(file) && file !== 'load.ts')
				.sort()
				.map((file) => path.resolve(dir, file));
		});
	}

	async unload() {
		if (!this.registry) return;
		for (const fn of this.registry.after.reverse()) await fn();
		this.registry = undefined;
		const root = process.cwd() + path.sep;
		for (const key of Object.keys(require.cache)) {
			if (key.startsWith(root) && !key.includes(`${path.sep}node_modules${path.sep}`)) delete require.cache[key];
		}
	}

	async load(files) {
		await this.unload();
		const registry = new Registry();
		this.registry = registry;
		for (const file of files) {
			registry.file = path.relative(process.cwd(), file);
			require(file);
		}
		for (const fn of registry.before) await fn();
	}

	async runTest(test) {
		const ns = namespace();
		if (test.skip) return { id: test.id, name: test.name, status: TestStatus.Skipped, timeSpentMs: 0 };
		const cleanups = [];
		const start = performance.now();
		ns[C.CURRENT_TEST_ID] = test.id;
		this.currentError = undefined;
		let error;
		try {
			for (const scope of test.scopes) for (const hook of scope.beforeEach) await hook();
			await call(test.fn, context(test.name, cleanups));
			for (const scope of [...test.scopes].reverse()) for (const hook of scope.afterEach) await hook();
		} catch (err) {
			error = err;
		} finally {
			for (const cleanup of cleanups.reverse()) {
				try {
					await cleanup();
				} catch (err) {
					error ??= err;
				}
			}
			ns[C.CURRENT_TEST_ID] = undefined;
		}
		error ??= this.currentError;
		const timeSpentMs = Math.round(performance.now() - start);
		const base = { id: test.id, name: test.name, fileName: path.resolve(test.fileName), timeSpentMs };
		if (error === SKIPPED) return { ...base, status: TestStatus.Skipped };
		if (error) return { ...base, status: TestStatus.Failed, failureMessage: String(error?.stack ?? error) };
		return { ...base, status: TestStatus.Success };
	}

	async runTests(filter, bail) {
		const results = [];
		for (const test of this.registry.tests) {
			// Static mutants come with the test files to run instead of test ids.
			if (filter && !filter.has(test.id) && !filter.has(path.resolve(test.fileName))) continue;
			const result = await this.runTest(test);
			results.push(result);
			if (bail && result.status === TestStatus.Failed) break;
		}
		return results;
	}

	async dryRun(options) {
		const ns = namespace();
		ns[C.ACTIVE_MUTANT] = undefined;
		const coverage = (ns[C.MUTATION_COVERAGE_OBJECT] ??= { static: {}, perTest: {} });
		this.files = this.testFiles(options);
		try {
			await this.load(this.files);
			const tests = await this.runTests(undefined, false);
			return {
				status: DryRunStatus.Complete,
				tests,
				...(options.coverageAnalysis === 'off' ? {} : { mutantCoverage: coverage }),
			};
		} catch (err) {
			return { status: DryRunStatus.Error, errorMessage: String(err?.stack ?? err) };
		}
	}

	async mutantRun(options) {
		const { fileName, location, mutatorName, replacement } = options.activeMutant;
		if (this.drawn && !this.drawn.has(mutantKey(coreRelative(fileName), location, mutatorName, replacement))) {
			return { status: MutantRunStatus.Error, errorMessage: 'not drawn for this sample run' };
		}
		const ns = namespace();
		const filter = options.testFilter ? new Set(options.testFilter) : undefined;
		const attempt = async (reload) => {
			ns[C.ACTIVE_MUTANT] = options.activeMutant.id;
			ns[C.HIT_LIMIT] = options.hitLimit;
			ns[C.HIT_COUNT] = options.hitLimit === undefined ? undefined : 0;
			try {
				this.files ??= this.testFiles({});
				if (reload || !this.registry) await this.load(this.files);
				const tests = await this.runTests(filter, !options.disableBail);
				const timeout = determineHitLimitReached(ns[C.HIT_COUNT], ns[C.HIT_LIMIT]);
				return timeout ?? { status: DryRunStatus.Complete, tests };
			} catch (err) {
				return { status: DryRunStatus.Error, errorMessage: String(err?.stack ?? err) };
			} finally {
				ns[C.ACTIVE_MUTANT] = undefined;
				ns[C.HIT_LIMIT] = undefined;
				ns[C.HIT_COUNT] = undefined;
			}
		};
		// Stryker asks for a reload only in a worker that ran something before; this one loads the tests when it
		// starts, so a static mutant (and any run after one) always gets freshly loaded modules.
		const fresh = options.reloadEnvironment || !!options.activeMutant.static || this.staticLoaded;
		let result = await attempt(fresh);
		this.staticLoaded = !!options.activeMutant.static;
		const failed =
			result.status === DryRunStatus.Complete && result.tests.filter((t) => t.status === TestStatus.Failed);
		// A run on freshly loaded modules has no earlier state to blame.
		if (failed?.length && !fresh) {
			// Confirm the kill: without the mutant, the same tests must pass in this process.
			const ids = new Set(failed.map((t) => t.id));
			const again = await this.runTests(ids, false);
			if (again.some((t) => t.status === TestStatus.Failed)) {
				this.logger.info(`mutant ${options.activeMutant.id}: state left by an earlier run; retesting on a fresh load`);
				result = await attempt(true);
				this.staticLoaded = true;
			}
		}
		// The other way round: a value cached on first use (a catalog compiled once per process) may have been computed
		// before this mutant was active, so the mutated code never ran. A survivor on reused modules is therefore
		// tested again on a fresh load before it counts.
		if (!fresh && result.status === DryRunStatus.Complete && !failed?.length) {
			result = await attempt(true);
			this.staticLoaded = true;
		}
		return toMutantRunResult(result);
	}
}

export const strykerPlugins = [declareClassPlugin(PluginKind.TestRunner, 'node-test', NodeTestRunner)];
