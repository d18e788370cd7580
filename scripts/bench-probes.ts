// The probe section of `npm run bench` (issue #13 point 4): `mailcfg test` over 1 and over 50 SMTP accounts at
// concurrency 8, whole processes, against one loopback SMTP server (implicit TLS, test CA) that answers each AUTH
// 50 ms late; medians and the ratio. Also what one probe spends per stage on loopback, for SMTP and IMAP. Writes its
// numbers under "probes" in bench-results.json. Not a test: no thresholds. Run alone: `tsx scripts/bench-probes.ts`
// (after `npm run build`).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { testCerts } from '../test/support/certs';
import { startImapServer } from '../test/support/imap-server';
import { startSmtpServer } from '../test/support/smtp-server';
import { probeImap, probeSmtp } from '../src/core/probes/index';
import { startSmtpResponder } from './bench-smtp-responder';
import type { ProbeCheck } from '../src/core/probes/result';

const CLI = join(__dirname, '../dist/cli.js');
const RESULTS = join(__dirname, '../bench-results.json');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const AUTH_DELAY_MS = 50;
/** smtp-server holds each greeting this long to catch early talkers (`readyTimer` in its smtp-connection.js). */
const SMTP_SERVER_GREETING_HOLD_MS = 100;
const CONCURRENCY = 8;
const MANY = 50;
const USER = 'bench@mailcfg.test';
const PASSWORD = 'Bench-Pa55word';

export interface ProbeBenchResult {
	/** Median wall time of `mailcfg test` over 1 account and over 50 (ms). */
	oneAccountMs: number;
	fiftyAccountsMs: number;
	/** fiftyAccountsMs / oneAccountMs; the goal is at most 2. */
	ratio: number;
	/** The least ratio any client could reach against this server: see {@link floorRatio}. */
	floorRatio: number;
	/**
	 * The same against a responder that greets at once (scripts/bench-smtp-responder.ts): smtp-server holds each
	 * greeting 100 ms, a pause no client can shorten, so only here does the ratio show the probes' own scaling.
	 */
	promptGreeting: { oneAccountMs: number; fiftyAccountsMs: number; ratio: number; floorRatio: number };
	/** Median ms per stage of one probe on loopback (SMTP implicit TLS against smtp-server and the responder, IMAP STARTTLS). */
	smtpStages: Record<string, number>;
	responderStages: Record<string, number>;
	imapStages: Record<string, number>;
	runs: number;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The least `T(50) / T(1)` against a server that makes each connection wait `waitMs` (its greeting hold and AUTH
 * delay), whatever the client does: with `CONCURRENCY` connections at a time, some connection serves
 * `ceil(MANY / CONCURRENCY)` accounts one after another and waits that long for each, so
 * `T(50) >= T(1) - probeMs + ceil(MANY / CONCURRENCY) * waitMs`, where `probeMs` is what one probe itself took (the
 * sum of its stages) and `T(1) - probeMs` is the process's start and end.
 */
function floorRatio(oneAccountMs: number, probeMs: number, waitMs: number): number {
	const floor = oneAccountMs - probeMs + Math.ceil(MANY / CONCURRENCY) * waitMs;
	return Number((floor / oneAccountMs).toFixed(2));
}

const total = (stages: Record<string, number>): number => Object.values(stages).reduce((sum, ms) => sum + ms, 0);

function config(port: number, count: number): string {
	const accounts = Array.from({ length: count }, (_, i) => ({
		id: `scanner-${i}`,
		email: USER,
		auth: { method: 'password', user: USER, password: '${secret:bench}' },
		smtp: { host: '127.0.0.1', port, security: 'tls' },
	}));
	return JSON.stringify({ accounts }, null, 2);
}

/** One `mailcfg test` run as a whole process; fails loudly when a check did not pass (a benchmark of failures lies). */
function runCli(file: string, ca: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(
			process.execPath,
			[CLI, 'test', file, '--concurrency', String(CONCURRENCY), '--ca', ca, '--format', 'json'],
			{ env: { ...process.env, MAILCFG_SECRET_BENCH: PASSWORD }, stdio: ['ignore', 'pipe', 'pipe'] },
		);
		let out = '';
		let err = '';
		child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
		child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
		child.once('exit', (code) => {
			const ms = performance.now() - started;
			if (code === 0) resolve(ms);
			else reject(new Error(`mailcfg test exited ${code}: ${err || out.slice(0, 2000)}`));
		});
	});
}

/** Medians of `mailcfg test` over 1 and over 50 accounts of one server, and their ratio. */
async function timeOneAndFifty(dir: string, name: string, port: number, ca: string) {
	const one = join(dir, `${name}-one.json`);
	const fifty = join(dir, `${name}-fifty.json`);
	writeFileSync(one, config(port, 1));
	writeFileSync(fifty, config(port, MANY));
	const times = { one: [] as number[], fifty: [] as number[] };
	// one warm-up each, then alternate so drift on a shared machine hits both sides alike
	await runCli(one, ca);
	await runCli(fifty, ca);
	for (let run = 0; run < RUNS; run++) {
		times.one.push(await runCli(one, ca));
		times.fifty.push(await runCli(fifty, ca));
	}
	const oneAccountMs = Math.round(median(times.one));
	const fiftyAccountsMs = Math.round(median(times.fifty));
	return { oneAccountMs, fiftyAccountsMs, ratio: Number((fiftyAccountsMs / oneAccountMs).toFixed(2)) };
}

function stageMedians(checks: ProbeCheck[]): Record<string, number> {
	const names = [...new Set(checks.flatMap((c) => c.stages.map((s) => s.name)))];
	const out: Record<string, number> = {};
	for (const name of names) {
		// stages that occur twice (ehlo before and after STARTTLS) are summed per check
		out[name] = median(checks.map((c) => c.stages.filter((s) => s.name === name).reduce((sum, s) => sum + s.ms, 0)));
	}
	return out;
}

export async function benchProbes(): Promise<ProbeBenchResult> {
	const certs = await testCerts();
	const dir = mkdtempSync(join(tmpdir(), 'mailcfg-bench-probes-'));
	const smtp = await startSmtpServer({
		secure: true,
		tls: certs.server,
		authDelayMs: AUTH_DELAY_MS,
		users: { [USER]: { password: PASSWORD } },
	});
	const imap = await startImapServer({ tls: certs.server, users: { [USER]: { password: PASSWORD } } });
	const responder = await startSmtpResponder({
		tls: certs.server,
		user: USER,
		password: PASSWORD,
		authDelayMs: AUTH_DELAY_MS,
	});
	try {
		const ca = join(dir, 'ca.pem');
		writeFileSync(ca, certs.caCert);
		const smtpServer = await timeOneAndFifty(dir, 'smtp-server', smtp.port, ca);
		const promptGreeting = await timeOneAndFifty(dir, 'responder', responder.port, ca);
		const ctx = {
			lang: 'en' as const,
			clock: () => new Date(),
			timeouts: { connectMs: 5000, greetingMs: 5000, stageMs: 5000 },
		};
		const login = { password: PASSWORD };
		const smtpChecks: ProbeCheck[] = [];
		const responderChecks: ProbeCheck[] = [];
		const imapChecks: ProbeCheck[] = [];
		for (let run = 0; run < RUNS; run++) {
			const base = { id: 'bench', email: USER, auth: { method: 'password' as const, user: USER, password: 'x' } };
			smtpChecks.push(
				await probeSmtp({ ...base, smtp: { host: '127.0.0.1', port: smtp.port, security: 'tls' } }, login, {
					...ctx,
					extraCa: [certs.caCert],
				}),
			);
			responderChecks.push(
				await probeSmtp({ ...base, smtp: { host: '127.0.0.1', port: responder.port, security: 'tls' } }, login, {
					...ctx,
					extraCa: [certs.caCert],
				}),
			);
			imapChecks.push(
				await probeImap({ ...base, imap: { host: '127.0.0.1', port: imap.port, security: 'starttls' } }, login, {
					...ctx,
					extraCa: [certs.caCert],
				}),
			);
		}
		const failed = [...smtpChecks, ...responderChecks, ...imapChecks].find((c) => !c.ok);
		if (failed) throw new Error(`a loopback probe failed: ${JSON.stringify(failed.error)}`);
		const smtpStages = stageMedians(smtpChecks);
		const responderStages = stageMedians(responderChecks);
		return {
			...smtpServer,
			floorRatio: floorRatio(smtpServer.oneAccountMs, total(smtpStages), SMTP_SERVER_GREETING_HOLD_MS + AUTH_DELAY_MS),
			promptGreeting: {
				...promptGreeting,
				floorRatio: floorRatio(promptGreeting.oneAccountMs, total(responderStages), AUTH_DELAY_MS),
			},
			smtpStages,
			responderStages,
			imapStages: stageMedians(imapChecks),
			runs: RUNS,
		};
	} finally {
		await Promise.all([smtp.close(), imap.close(), responder.close()]);
		rmSync(dir, { recursive: true, force: true });
	}
}

/** Prints the probe numbers and merges them into bench-results.json under "probes". */
export async function runProbeBench(): Promise<void> {
	const result = await benchProbes();
	const line = (stages: Record<string, number>) =>
		Object.entries(stages)
			.map(([name, ms]) => `${name} ${ms}`)
			.join(' · ');
	process.stdout.write(
		[
			'',
			`probes: mailcfg test, SMTP (implicit TLS, ${AUTH_DELAY_MS} ms per AUTH), concurrency ${CONCURRENCY}, medians of ${result.runs}`,
			`  1 account    ${result.oneAccountMs} ms`,
			`  ${MANY} accounts  ${result.fiftyAccountsMs} ms  (${result.ratio}× one; goal ≤ 2×; floor ${result.floorRatio}×)`,
			`  against a server that greets at once: 1 account ${result.promptGreeting.oneAccountMs} ms, ${MANY} accounts ${result.promptGreeting.fiftyAccountsMs} ms (${result.promptGreeting.ratio}×; floor ${result.promptGreeting.floorRatio}×)`,
			`  floor: the least ratio any client reaches at concurrency ${CONCURRENCY}, as each connection serves ${Math.ceil(MANY / CONCURRENCY)} accounts in turn and waits out each one's greeting hold and AUTH delay`,
			`  one SMTP probe on loopback (smtp-server), ms per stage: ${line(result.smtpStages)}`,
			`  one SMTP probe on loopback (responder), ms per stage: ${line(result.responderStages)}`,
			`  one IMAP probe on loopback (STARTTLS), ms per stage: ${line(result.imapStages)}`,
			'',
		].join('\n'),
	);
	let all: Record<string, unknown> = {};
	try {
		all = JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>;
	} catch {
		// first run, or a file from an older layout: start afresh
	}
	all.probes = result;
	writeFileSync(RESULTS, `${JSON.stringify(all, null, 2)}\n`);
}

if (require.main === module) {
	runProbeBench().catch((error: unknown) => {
		process.stderr.write(`probe bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exitCode = 1;
	});
}
