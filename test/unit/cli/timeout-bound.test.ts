/**
 * `mailcfg test --timeout 3000` end to end (issue #9 point 2): the built CLI (dist/cli.js, from `npm run build`,
 * which `npm test` runs first) in a process of its own against a silent server and servers that keep AUTH busy
 * with continuation lines or keep-alives forever. Before the fix, the silent server took 6 s and the AUTH stall
 * 15-18 s. The bound is measured from the server accepting the first connection to the process exiting, so the
 * CLI's start-up (about a second on a loaded machine) does not blur it: one stage timeout per check (the earlier
 * stages answer at once on loopback) plus 10%, plus slack for a loaded CI machine.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ProbeCheck } from '../../../src/core/probes/result';
import { assertNoCanary, canary } from '../../support/canaries';
import { testCerts } from '../../support/certs';
import { type Fault, type FaultServer, startFaultServer } from '../../support/fault-server';

const CLI = join(__dirname, '../../../dist/cli.js');
const TIMEOUT_MS = 3000;
/** Scheduling on a loaded 2-core machine, the last stages' bookkeeping, the report and the process exit. */
const SLACK_MS = 2000;
const PASSWORD = canary({ wire: true });

interface Server {
	protocol: 'imap' | 'smtp';
	fault: Fault;
	security: 'tls' | 'starttls';
	/** The stage that must time out. */
	stage: string;
}

const SCENARIOS: { name: string; servers: Server[] }[] = [
	{
		name: 'silent IMAP server',
		servers: [{ protocol: 'imap', fault: 'silent', security: 'starttls', stage: 'greeting' }],
	},
	{
		name: 'silent SMTP server',
		servers: [{ protocol: 'smtp', fault: 'silent', security: 'starttls', stage: 'greeting' }],
	},
	{
		name: 'IMAP server sending keep-alives during LOGIN forever',
		servers: [{ protocol: 'imap', fault: 'keepalive-on-auth', security: 'tls', stage: 'auth' }],
	},
	{
		name: 'SMTP server sending AUTH continuation lines forever',
		servers: [{ protocol: 'smtp', fault: 'keepalive-on-auth', security: 'tls', stage: 'auth' }],
	},
	{
		// The checks of one account run one after the other: two stage timeouts.
		name: 'account whose IMAP and SMTP servers are both silent',
		servers: [
			{ protocol: 'imap', fault: 'silent', security: 'starttls', stage: 'greeting' },
			{ protocol: 'smtp', fault: 'silent', security: 'starttls', stage: 'greeting' },
		],
	},
];

let dir: string;
let ca: string;
const started: FaultServer[] = [];

before(async () => {
	const certs = await testCerts();
	ca = certs.caCert;
	dir = await mkdtemp(join(tmpdir(), 'mailcfg-timeout-bound-'));
	await writeFile(join(dir, 'ca.pem'), ca);
});
after(async () => {
	await Promise.all(started.map((s) => s.close()));
	await rm(dir, { recursive: true, force: true });
});

interface Run {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	exitedAt: number;
	startedAt: number;
}

function runCli(args: string[]): Promise<Run> {
	const startedAt = Date.now();
	const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, env: { ...process.env, MAILCFG_PW: PASSWORD } });
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
	// Only a CLI that hangs meets this; the test then fails on the signal.
	const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
	return new Promise((resolve) =>
		child.once('close', (code, signal) => {
			clearTimeout(killer);
			resolve({ code, signal, stdout, stderr, exitedAt: Date.now(), startedAt });
		}),
	);
}

// The scenarios run at once (each CLI process is timed from its own first connection).
describe('mailcfg test: hostile servers end within --timeout', { concurrency: true }, () => {
	for (const [index, scenario] of SCENARIOS.entries()) {
		test(`mailcfg test --timeout ${TIMEOUT_MS}: ${scenario.name} ends within the bound`, async (t) => {
			const certs = await testCerts();
			const account: Record<string, unknown> = {
				id: `a${index}`,
				email: 'probe@fault.test',
				auth: { method: 'password', user: 'probe@fault.test', password: '${env:MAILCFG_PW}' },
			};
			const servers: FaultServer[] = [];
			for (const s of scenario.servers) {
				const server = await startFaultServer({
					protocol: s.protocol,
					fault: s.fault,
					tls: certs.server,
					secure: s.security === 'tls',
				});
				started.push(server);
				servers.push(server);
				account[s.protocol] = { host: '127.0.0.1', port: server.port, security: s.security };
			}
			const file = `s${index}.mailaccounts.json`;
			await writeFile(join(dir, file), JSON.stringify({ accounts: [account] }));

			const run = await runCli(['test', file, '--timeout', `${TIMEOUT_MS}`, '--ca', 'ca.pem', '--format', 'json']);
			assert.equal(run.signal, null, 'the CLI exited by itself');
			assert.equal(run.code, 1, run.stderr);
			assertNoCanary({ stdout: run.stdout, stderr: run.stderr }, [PASSWORD]);

			const checks = (JSON.parse(run.stdout) as { accounts: { checks: ProbeCheck[] }[] }).accounts[0]?.checks ?? [];
			assert.deepEqual(
				checks.map((c) => [c.protocol, c.failedStage, c.error?.code]),
				scenario.servers.map((s) => [s.protocol, s.stage, 'TIMEOUT']),
			);
			for (const check of checks) {
				const failed = check.stages.at(-1);
				const total = check.stages.reduce((sum, s) => sum + s.ms, 0);
				assert.ok((failed?.ms ?? 0) >= TIMEOUT_MS * 0.9, `${check.protocol} gave up early: ${failed?.ms} ms`);
				assert.ok(total <= TIMEOUT_MS * 1.1 + SLACK_MS, `${check.protocol} check ran ${total} ms`);
			}
			const firstAccept = servers[0]?.acceptedAt[0];
			assert.ok(firstAccept !== undefined, 'the CLI connected');
			const fromConnect = run.exitedAt - firstAccept;
			const bound = scenario.servers.length * TIMEOUT_MS * 1.1 + SLACK_MS;
			t.diagnostic(
				`first connection to exit ${fromConnect} ms (bound ${bound}); process ${run.exitedAt - run.startedAt} ms`,
			);
			assert.ok(fromConnect <= bound, `ended ${fromConnect} ms after its first connection, bound ${bound} ms`);
		});
	}
});
