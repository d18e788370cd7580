// `npm run bench`: every ratio of issue #13, each side by side with its anchor in the same run, as medians.
//   analysis  core's analyzeText vs vscode-json-languageservice parse + doValidation (same schema, text, process)
//   lsp       edit-to-diagnostics over the real language server (stdio): a value changed inside one account, pulled
//   cli       `mailcfg check` on one small file vs `node -e 0`; over 1,000 files vs ajv-cli over the same files, with
//             --jobs auto (the default), 1 and one per core (ajv-cli has one thread)
//   probes    `mailcfg test` over 50 accounts vs 1 (scripts/bench-probes.ts)
// Prints a table per section and writes all numbers to bench-results.json, to compare across commits. Not a test:
// no thresholds, nothing in `npm test`. BENCH_RUNS=n (default 7) and BENCH_ONLY=analysis,lsp,... narrow a run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { getLanguageService, TextDocument as JsonTextDocument } from 'vscode-json-languageservice';
import {
	DidChangeTextDocumentNotification,
	DidOpenTextDocumentNotification,
	DocumentDiagnosticRequest,
	ExitNotification,
	InitializeRequest,
	InitializedNotification,
	ShutdownRequest,
	StreamMessageReader,
	StreamMessageWriter,
	createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { laneCount } from '../src/cli/commands/check';
import { systemClock } from '../src/core/clock';
import type { analyzeText } from '../src/core/config/analyze';
import type { strictJsonTree } from '../src/core/config/strict-tree';
import { MAX_NESTING } from '../src/core/config/parse';
import { buildSchema } from '../src/core/config/schema-source';
import { LineIndex } from '../src/core/text/positions';
import { benchProbes } from './bench-probes';

const ROOT = join(__dirname, '..');
const SERVER = join(ROOT, 'dist/server.js');
const CLI = join(ROOT, 'dist/cli.js');
const AJV_CLI = join(ROOT, 'node_modules/ajv-cli/dist/index.js');
const SCHEMA = join(ROOT, 'schemas/mail-account.schema.json');
const RESULTS = join(ROOT, 'bench-results.json');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SECTIONS = ['analysis', 'lsp', 'cli', 'probes'] as const;
const ONLY = process.env.BENCH_ONLY?.split(',');
const SIZES = [100, 1_000, 5_000];
/** Edits per run in the LSP section: many, so the server's CPU time (in 10 ms ticks) adds up to a usable number. */
const EDITS_PER_RUN = 10;
/**
 * Runs not counted, the same number for both sides, as benchmark harnesses warm up: enough for the JIT to optimize
 * both (most of it on the small file). With a tenth of that, 30 runs at 100 accounts, the median there was still
 * 2-3x core's warm cost and up to 1.5x vscode-json-languageservice's.
 */
const warmUp = (accounts: number): number => Math.max(3, Math.ceil(30_000 / accounts));

/** A realistic mix: clean OAuth2 imports, app-password printers, and accounts with typical mistakes. */
function account(i: number): Record<string, unknown> {
	switch (i % 4) {
		case 0:
			return {
				id: `import-${i}`,
				email: `import${i}@contoso.example`,
				auth: {
					method: 'oauth2',
					user: `import${i}@contoso.example`,
					oauth2: {
						flow: 'client-credentials',
						tenant: 'contoso.onmicrosoft.com',
						clientId: '00000000-0000-0000-0000-000000000000',
						clientSecret: '${secret:IMPORT_SECRET}',
						scopes: ['https://outlook.office365.com/.default'],
					},
				},
				imap: {
					host: 'outlook.office365.com',
					port: 993,
					security: 'tls',
					afterImport: { action: 'move', target: 'Done' },
				},
			};
		case 1:
			return {
				id: `printer-${i}`,
				email: `scanner${i}@contoso.example`,
				auth: { method: 'app-password', user: `scanner${i}@contoso.example`, password: 'abcdefghijklmnop' },
				smtp: { host: 'smtp.office365.com', port: 587, security: 'starttls' },
			};
		case 2:
			return {
				id: `gmail-${i}`,
				email: `erp${i}@gmail.com`,
				auth: { method: 'password', user: `erp${i}@gmail.com`, password: '${env:GMAIL_PASSWORD}' },
				imap: { host: 'imap.gmail.com', port: 143, security: 'tls' },
			};
		default:
			return {
				id: `gmx-${i}`,
				email: `archiv${i}@gmx.de`,
				auth: { method: 'password', user: `archiv${i}@gmx.de`, password: '${secret:GMX}' },
				imap: { host: 'imap.gmx.net', port: 993, security: 'tls', afterImport: { action: 'delete' } },
				smtp: { host: 'mail.gmx.net', port: 587, security: 'starttls' },
			};
	}
}

function config(accounts: number, first = 0): string {
	return JSON.stringify({ accounts: Array.from({ length: accounts }, (_, i) => account(first + i)) }, null, '\t');
}

function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const ms = (value: number): number => Number(value.toFixed(2));
const ratio = (a: number, b: number): number => Number((a / b).toFixed(2));

function table(title: string, rows: (string | number)[][]): void {
	const cells = rows.map((r) => r.map(String));
	const widths = cells[0]!.map((_, c) => Math.max(...cells.map((r) => r[c]!.length)));
	const line = (r: string[]) => r.map((cell, c) => cell.padStart(widths[c]!)).join('  ');
	process.stdout.write(`\n${title}\n${line(cells[0]!)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
	for (const r of cells.slice(1)) process.stdout.write(`${line(r)}\n`);
}

/**
 * The analysis as the bundles ship it: core bundled by esbuild, with the validators that `npm run build` generated
 * (dist/validators-<lang>.js), as vscode-json-languageservice runs as published. Run from the TypeScript sources
 * instead, through tsx, every named inner function pays a call that keeps its name (esbuild's keepNames), which no
 * bundle has, and ajv compiles the schema at run time.
 */
async function shippedAnalysis(): Promise<{
	analyzeText: typeof analyzeText;
	strictJsonTree: typeof strictJsonTree;
	accountRuleCount: number;
}> {
	const dir = mkdtempSync(join(tmpdir(), 'mailcfg-bench-core-'));
	const outfile = join(dir, 'core.js');
	const validators = join(ROOT, 'dist/validators-');
	if (!existsSync(`${validators}en.js`)) throw new Error('dist/ is missing: run `npm run build` first');
	await build({
		stdin: {
			contents: [
				"export { analyzeText } from './src/core/config/analyze';",
				"export { strictJsonTree } from './src/core/config/strict-tree';",
				"import { accountRules } from './src/core/rules/engine';",
				'export const accountRuleCount = accountRules(new Set()).length;',
			].join('\n'),
			resolveDir: ROOT,
			loader: 'ts',
		},
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		// As esbuild.mjs: jsonc-parser's ESM build, and validators.ts swapped for the generated code.
		mainFields: ['module', 'main'],
		outfile,
		logLevel: 'warning',
		plugins: [
			{
				name: 'shipped-validators',
				setup(b) {
					b.onLoad({ filter: /[\\/]src[\\/]core[\\/]config[\\/]validators\.ts$/ }, () => ({
						contents: `exports.compileValidators = (lang) => require(${JSON.stringify(validators)} + lang + '.js');`,
						loader: 'js',
					}));
				},
			},
		],
	});
	try {
		return createRequire(__filename)(outfile) as Awaited<ReturnType<typeof shippedAnalysis>>;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** Core's full analysis (no cache) against VS Code's JSON validation, alternating run by run. */
async function benchAnalysis(): Promise<{ rows: unknown[]; floors: unknown[] }> {
	const { analyzeText, strictJsonTree, accountRuleCount } = await shippedAnalysis();
	const schema = buildSchema('en');
	const service = getLanguageService({});
	service.configure({ validate: true, schemas: [{ uri: 'mailcfg:/schema', fileMatch: ['*'], schema }] });
	const rows: unknown[] = [];
	const floors: unknown[] = [];
	const printed: (string | number)[][] = [
		[
			'accounts',
			'KiB',
			'mailcfg ms',
			'vscode-json ms',
			'ratio',
			'CPU ms (mailcfg / vscode-json)',
			'CPU ratio',
			'min ratio',
			'first run CPU ms',
			'first ratio',
		],
	];
	/** Wall and CPU time of one call: CPU time (this process, user + system) leaves out other processes' share. */
	const timed = async (run: () => unknown): Promise<[number, number]> => {
		// Each side starts with an empty young generation (a minor collection: a full one would also drop compiled code),
		// so neither pays for collecting the other's garbage
		// (`npm run bench` runs node with --expose-gc).
		(globalThis as { gc?: (options: { type: 'minor' }) => void }).gc?.({ type: 'minor' });
		const cpu = process.cpuUsage();
		const start = performance.now();
		await run();
		const used = process.cpuUsage(cpu);
		return [performance.now() - start, (used.user + used.system) / 1000];
	};
	for (const size of SIZES) {
		const text = config(size);
		const ours: [number, number][] = [];
		const theirs: [number, number][] = [];
		let first: [[number, number], [number, number]] | undefined;
		// The first runs warm up the JIT and the schema compilers on both sides, as many for each (a language server
		// runs warm), and are not counted; the very first is kept apart (cold: at 100 accounts, the first call of all).
		for (let run = -warmUp(size); run < RUNS; run++) {
			const mine = await timed(() => analyzeText(text, { lang: 'en', now: systemClock }));
			const anchor = await timed(async () => {
				const document = JsonTextDocument.create(`file:///bench/${size}.json`, 'json', 1, text);
				await service.doValidation(document, service.parseJSONDocument(document));
			});
			first ??= [mine, anchor];
			if (run >= 0) {
				ours.push(mine);
				theirs.push(anchor);
			}
		}
		const row = {
			accounts: size,
			kib: Math.round(text.length / 1024),
			mailcfgMs: ms(median(ours.map((t) => t[0]))),
			vscodeJsonMs: ms(median(theirs.map((t) => t[0]))),
			mailcfgCpuMs: ms(median(ours.map((t) => t[1]))),
			vscodeJsonCpuMs: ms(median(theirs.map((t) => t[1]))),
			// The fastest runs: a busy machine only ever slows a run down.
			mailcfgMinMs: ms(Math.min(...ours.map((t) => t[0]))),
			vscodeJsonMinMs: ms(Math.min(...theirs.map((t) => t[0]))),
			mailcfgFirstCpuMs: ms(first![0][1]),
			vscodeJsonFirstCpuMs: ms(first![1][1]),
		};
		const wall = ratio(row.mailcfgMs, row.vscodeJsonMs);
		const cpu = ratio(row.mailcfgCpuMs, row.vscodeJsonCpuMs);
		const fastest = ratio(row.mailcfgMinMs, row.vscodeJsonMinMs);
		const cold = ratio(row.mailcfgFirstCpuMs, row.vscodeJsonFirstCpuMs);
		rows.push({ ...row, ratio: wall, cpuRatio: cpu, minRatio: fastest, firstCpuRatio: cold });
		const cpuCell = `${row.mailcfgCpuMs} / ${row.vscodeJsonCpuMs}`;
		const firstCell = `${row.mailcfgFirstCpuMs} / ${row.vscodeJsonFirstCpuMs}`;
		printed.push([size, row.kib, row.mailcfgMs, row.vscodeJsonMs, wall, cpuCell, cpu, fastest, firstCell, cold]);
		// Where every account has a finding in the list, every account's tree is needed to place it: there the values
		// and the tree of the whole text are a floor for any analysis, and what the goal leaves beyond it is the budget
		// of the rules and the findings. Measured after the comparison, whose heap its garbage would otherwise burden.
		const findings = analyzeText(text, { lang: 'en', now: systemClock });
		if (new Set(findings.map((f) => f.accountId)).size === size) {
			const parses: number[] = [];
			for (let run = -warmUp(size); run < RUNS; run++) {
				// What no analysis that checks values and places findings can skip: the values and the tree of the text.
				const [, cpu] = await timed(() => [JSON.parse(text), strictJsonTree(text, MAX_NESTING)]);
				if (run >= 0) parses.push(cpu);
			}
			const parseMs = median(parses);
			const budgetMs = 0.25 * row.vscodeJsonCpuMs;
			floors.push({
				accounts: size,
				findings: findings.length,
				accountRules: accountRuleCount,
				valuesAndTreeCpuMs: ms(parseMs),
				goalCpuMs: ms(budgetMs),
				leftPerAccountUs: ms(((budgetMs - parseMs) / size) * 1000),
			});
		}
	}
	table(
		`analysis: in process, full analysis (as bundled) vs vscode-json-languageservice parse + doValidation (goal ≤ 0.25); medians of ${RUNS} runs after the same warm-up for both, and the first run`,
		printed,
	);
	for (const floor of floors as { [key: string]: number }[]) {
		process.stdout.write(
			`floor at ${floor.accounts} accounts, each with a listed finding: JSON.parse and the tree of the text take ${floor.valuesAndTreeCpuMs} ms CPU of the goal's ${floor.goalCpuMs} ms, leaving ${floor.leftPerAccountUs} µs per account for ${floor.accountRules} account rules and ${(floor.findings! / floor.accounts!).toFixed(2)} findings\n`,
		);
	}
	return { rows, floors };
}

/**
 * The language server over stdio as an editor drives it: open (first full analysis), then edits of one value in the
 * middle account, each followed by a diagnostics pull.
 */
async function benchLsp(): Promise<unknown> {
	if (!existsSync(SERVER)) throw new Error('dist/server.js is missing: run `npm run build` first');
	const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
	const connection = createProtocolConnection(
		new StreamMessageReader(child.stdout),
		new StreamMessageWriter(child.stdin),
	);
	connection.listen();
	await connection.sendRequest(InitializeRequest.type, {
		processId: process.pid,
		rootUri: null,
		capabilities: { textDocument: { diagnostic: {} } },
		locale: 'en',
	});
	await connection.sendNotification(InitializedNotification.type, {});
	const sizes: {
		accounts: number;
		openMs: number;
		editMs: number;
		editServerCpuMs: number | undefined;
		diagnostics: number;
	}[] = [];
	for (const size of SIZES) {
		const text = config(size);
		const uri = `file:///bench/${size}.mailaccounts.json`;
		const opens: number[] = [];
		let version = 0;
		for (let run = -1; run < Math.min(RUNS, 3); run++) {
			const start = performance.now();
			await connection.sendNotification(DidOpenTextDocumentNotification.type, {
				textDocument: { uri, languageId: 'json', version: ++version, text },
			});
			await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
			if (run >= 0) opens.push(performance.now() - start);
			if (run < Math.min(RUNS, 3) - 1) {
				await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
			}
		}
		// The port of the middle account, which toggles between two values: every edit is a new version.
		const offset = text.indexOf('"port": ', text.indexOf(`"id": "${account(Math.floor(size / 2)).id as string}"`)) + 8;
		const at = new LineIndex(text).positionAt(offset);
		const range = { start: at, end: { line: at.line, character: at.character + 3 } };
		const edits: number[] = [];
		let diagnostics = 0;
		let cpuBefore: number | undefined;
		for (let run = -3; run < RUNS * EDITS_PER_RUN; run++) {
			if (run === 0) cpuBefore = cpuMs(child.pid);
			const start = performance.now();
			await connection.sendNotification(DidChangeTextDocumentNotification.type, {
				textDocument: { uri, version: ++version },
				contentChanges: [{ range, text: run % 2 ? '995' : '993' }],
			});
			const report = await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
			if (run >= 0) edits.push(performance.now() - start);
			diagnostics = report.kind === 'full' ? report.items.length : diagnostics;
		}
		const cpuAfter = cpuMs(child.pid);
		const editServerCpuMs =
			cpuBefore === undefined || cpuAfter === undefined ? undefined : ms((cpuAfter - cpuBefore) / edits.length);
		await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
		sizes.push({ accounts: size, openMs: ms(median(opens)), editMs: ms(median(edits)), editServerCpuMs, diagnostics });
	}
	await connection.sendRequest(ShutdownRequest.type);
	await connection.sendNotification(ExitNotification.type);
	connection.dispose();
	const first = sizes[0]!;
	const last = sizes[sizes.length - 1]!;
	table('lsp: language server over stdio (pull diagnostics)', [
		['accounts', 'open → diagnostics ms', 'edit one value → diagnostics ms', 'server CPU ms per edit', 'diagnostics'],
		...sizes.map((s) => [s.accounts, s.openMs, s.editMs, s.editServerCpuMs ?? '-', s.diagnostics]),
	]);
	const editRatio5000To100 = ratio(last.editMs, first.editMs);
	const editCpuRatio5000To100 =
		last.editServerCpuMs && first.editServerCpuMs ? ratio(last.editServerCpuMs, first.editServerCpuMs) : undefined;
	process.stdout.write(
		`edit latency at ${last.accounts} accounts: ${editRatio5000To100}× that at ${first.accounts} (goal ≤ 2×); server CPU per edit: ${editCpuRatio5000To100 ?? '-'}×\n`,
	);
	return { sizes, editRatio5000To100, editCpuRatio5000To100 };
}

/**
 * CPU time (user + system) a process has used so far, from /proc (Linux; undefined elsewhere). Unlike wall time it
 * does not count the time other processes on a busy machine take, so it shows what one edit costs the server.
 */
function cpuMs(pid: number | undefined): number | undefined {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
			.replace(/^.*\) /s, '')
			.split(' ');
		// utime and stime are fields 14 and 15 of the line, in clock ticks (USER_HZ, 100 on Linux).
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
	} catch {
		return undefined;
	}
}

/** Wall time of one whole process; its exit code is not judged (findings exit 1, as ajv-cli does on errors). */
function processMs(args: readonly string[]): number {
	const start = performance.now();
	const result = spawnSync(process.execPath, args, { stdio: 'ignore' });
	if (result.error) throw result.error;
	return performance.now() - start;
}

function alternate(runs: number, commands: Record<string, readonly string[]>): Record<string, number> {
	const times: Record<string, number[]> = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
	for (const args of Object.values(commands)) processMs(args);
	for (let run = 0; run < runs; run++) {
		for (const [name, args] of Object.entries(commands)) times[name]!.push(processMs(args));
	}
	return Object.fromEntries(Object.entries(times).map(([name, values]) => [name, ms(median(values))]));
}

/** `mailcfg check` as a pre-commit hook or CI step runs it, against bare node and against ajv-cli. */
function benchCli(): unknown {
	if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first');
	const dir = mkdtempSync(join(tmpdir(), 'mailcfg-bench-cli-'));
	try {
		const small = join(ROOT, 'examples/good.mailaccounts.json');
		const startup = alternate(RUNS, {
			node: ['-e', '0'],
			version: [CLI, '--version'],
			checkOne: [CLI, 'check', small],
		});
		const many = join(dir, 'configs');
		spawnSync('mkdir', [many]);
		for (let i = 0; i < 1000; i++) {
			writeFileSync(join(many, `${String(i).padStart(4, '0')}.mailaccounts.json`), config(1 + (i % 3), i));
		}
		const cores = availableParallelism();
		// What --jobs auto picks at this load (the CLI decides anew in each run, by the load average at its start).
		const autoThreads = laneCount(undefined, 1000, cores, loadavg()[0]!);
		const thousand = alternate(Math.max(3, Math.ceil(RUNS / 2)), {
			mailcfg: [CLI, 'check', many],
			jobs1: [CLI, 'check', many, '--jobs', '1'],
			jobsCores: [CLI, 'check', many, '--jobs', String(cores)],
			ajvCli: [AJV_CLI, 'validate', '-s', SCHEMA, '-d', join(many, '*.json'), '--strict=false', '--errors=no'],
		});
		const result = {
			nodeMs: startup.node!,
			versionMs: startup.version!,
			checkOneFileMs: startup.checkOne!,
			checkOneVsNode: ratio(startup.checkOne!, startup.node!),
			check1000FilesMs: thousand.mailcfg!,
			ajvCli1000FilesMs: thousand.ajvCli!,
			check1000VsAjvCli: ratio(thousand.mailcfg!, thousand.ajvCli!),
			check1000AutoThreads: autoThreads,
			check1000Jobs1Ms: thousand.jobs1!,
			check1000Jobs1VsAjvCli: ratio(thousand.jobs1!, thousand.ajvCli!),
			check1000JobsCores: cores,
			check1000JobsCoresMs: thousand.jobsCores!,
			check1000JobsCoresVsAjvCli: ratio(thousand.jobsCores!, thousand.ajvCli!),
		};
		table('cli: whole processes', [
			['command', 'ms', 'ratio', 'goal'],
			['node -e 0', result.nodeMs, '', ''],
			['mailcfg --version', result.versionMs, ratio(result.versionMs, result.nodeMs), ''],
			['mailcfg check (one small file)', result.checkOneFileMs, result.checkOneVsNode, '≤ 1.5× node'],
			['ajv-cli validate (1,000 files, one thread)', result.ajvCli1000FilesMs, '', ''],
			[
				`mailcfg check (1,000 files, --jobs auto: ${autoThreads} at load ${loadavg()[0]!.toFixed(1)})`,
				result.check1000FilesMs,
				result.check1000VsAjvCli,
				'≤ 1.0× ajv-cli',
			],
			['mailcfg check (1,000 files, --jobs 1)', result.check1000Jobs1Ms, result.check1000Jobs1VsAjvCli, ''],
			[
				`mailcfg check (1,000 files, --jobs ${cores})`,
				result.check1000JobsCoresMs,
				result.check1000JobsCoresVsAjvCli,
				'',
			],
		]);
		process.stdout.write(
			'ajv-cli validates in one thread; mailcfg check uses more than one only with --jobs above 1 or when auto sees idle cores.\n',
		);
		return result;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

function underLoadNote(load: number): string {
	return `Measured under load (load average ${load.toFixed(1)} on ${cpus().length} cores, other processes running): every number is slower than on an idle machine, and wall-time ratios are noisy; CPU-time columns and the fastest runs are steadier.`;
}

async function main(): Promise<void> {
	const unknown = ONLY?.filter((name) => !(SECTIONS as readonly string[]).includes(name)) ?? [];
	if (unknown.length)
		throw new Error(`BENCH_ONLY names no section ${unknown.join(', ')} (sections: ${SECTIONS.join(', ')})`);
	const wanted = (section: string) => !ONLY || ONLY.includes(section);
	const load = loadavg()[0]!;
	const results: Record<string, unknown> = {
		measuredAt: new Date().toISOString(),
		machine: { cpus: cpus().length, node: process.version, loadAverage1m: ms(load) },
		// More runnable processes than cores: the other processes slow every number down, both sides of a ratio alike
		// only roughly.
		underLoad: load > cpus().length * 0.75,
		runs: RUNS,
	};
	if (results.underLoad) results.note = underLoadNote(load);
	if (wanted('analysis')) {
		const { rows, floors } = await benchAnalysis();
		results.analysis = rows;
		results.analysisFloor = floors;
	}
	if (wanted('lsp')) results.lsp = await benchLsp();
	if (wanted('cli')) results.cli = benchCli();
	if (wanted('probes')) {
		const probes = await benchProbes();
		results.probes = probes;
		table('probes: mailcfg test, SMTP with 50 ms per AUTH, concurrency 8', [
			['accounts', 'smtp-server (100 ms greeting pause)', 'ratio (goal ≤ 2×)', 'greets at once', 'ratio'],
			[1, probes.oneAccountMs, '', probes.promptGreeting.oneAccountMs, ''],
			[50, probes.fiftyAccountsMs, probes.ratio, probes.promptGreeting.fiftyAccountsMs, probes.promptGreeting.ratio],
			['floor', '', probes.floorRatio, '', probes.promptGreeting.floorRatio],
		]);
		process.stdout.write(
			"floor: the least ratio any client reaches here, as each of the 8 connections serves 7 accounts in turn and waits out the server's greeting pause and AUTH delay for each\n",
		);
		const stages = (s: Record<string, number>) =>
			Object.entries(s)
				.map(([name, v]) => `${name} ${v}`)
				.join(' · ');
		process.stdout.write(`one SMTP probe on loopback (smtp-server), ms per stage: ${stages(probes.smtpStages)}\n`);
		process.stdout.write(`one SMTP probe on loopback (responder), ms per stage: ${stages(probes.responderStages)}\n`);
		process.stdout.write(`one IMAP probe on loopback, ms per stage: ${stages(probes.imapStages)}\n`);
	}
	let previous: Record<string, unknown> = {};
	try {
		previous = JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>;
	} catch {
		// first run
	}
	// A partial run (BENCH_ONLY) keeps the other sections of the last full one, each with the time, load and run count
	// it was measured with: the top-level header says only when the file was last written.
	const stamp = { measuredAt: results.measuredAt, loadAverage1m: ms(load), runs: RUNS };
	const stamps = { ...(previous.sectionsMeasured as Record<string, unknown> | undefined) };
	for (const section of SECTIONS) if (section in results) stamps[section] = stamp;
	writeFileSync(RESULTS, `${JSON.stringify({ ...previous, ...results, sectionsMeasured: stamps }, null, 2)}\n`);
	process.stdout.write(
		`\n${RUNS} runs each (BENCH_RUNS=n); load average ${load.toFixed(1)} on ${cpus().length} cores; written to bench-results.json\n`,
	);
}

main().catch((error: unknown) => {
	process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exitCode = 1;
});
