/**
 * The fault-server suite (issue #9): 17 kinds of faulty IMAP and SMTP servers on loopback, probed from a separate
 * process. Each case asserts the failed stage, the error code, that the check ended within its stages' timeouts
 * (+10%, plus slack for a loaded CI machine), that what the server said is shown sanitized and secret-free; and
 * the probing process must exit by itself once the results are out (no socket, timer or listener left behind).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import type { ProbeCheck } from '../../../../src/core/probes/result';
import { assertNoCanary, canary } from '../../../support/canaries';
import { testCerts } from '../../../support/certs';
import type { ChildCase, ChildInput } from '../../../support/fault-probe-child';
import { type Fault, type FaultServer, startFaultServer } from '../../../support/fault-server';

/**
 * Timeouts that only a fault should reach: each TIMEOUT row shortens the one its failing stage uses to SHORT_MS, so
 * the other stages are not at the mercy of a loaded machine.
 */
const LONG_MS = 15_000;
const SHORT_MS = 2000;
/** What a loaded 2-core CI machine may add to a bound (scheduling, TLS handshakes of several probes at once). */
const SLACK_MS = 2000;
/** A fault that is not a timeout must end long before any timeout would. */
const PROMPT_MS = 10_000;
const PASSWORD = canary({ wire: true });

interface Row {
	protocol: 'imap' | 'smtp';
	fault: Fault;
	security: 'tls' | 'starttls';
	stage: string;
	code: string;
	/** The certificate the server presents (default: the valid one). */
	cert?: 'expired' | 'selfSigned' | 'wrongHost';
	/** What `error.serverResponse` must show. */
	said?: RegExp;
	/** For a passing check (the hostile greeting case). */
	ok?: true;
}

type TimeoutKind = 'connectMs' | 'greetingMs' | 'stageMs';

function timeoutKind(stage: string): TimeoutKind {
	if (stage === 'dns' || stage === 'tcp' || stage === 'tls') return 'connectMs';
	return stage === 'greeting' ? 'greetingMs' : 'stageMs';
}

function timeoutsOf(row: Row): Record<TimeoutKind, number> {
	const timeouts = { connectMs: LONG_MS, greetingMs: LONG_MS, stageMs: LONG_MS };
	if (row.code === 'TIMEOUT') timeouts[timeoutKind(row.stage)] = SHORT_MS;
	return timeouts;
}

const ROWS: Row[] = [
	// silent: the greeting stage ends at the greeting timeout, the TLS sniff included
	{ protocol: 'smtp', fault: 'silent', security: 'starttls', stage: 'greeting', code: 'TIMEOUT' },
	{ protocol: 'imap', fault: 'silent', security: 'starttls', stage: 'greeting', code: 'TIMEOUT' },
	{ protocol: 'smtp', fault: 'greet-then-silence', security: 'tls', stage: 'ehlo', code: 'TIMEOUT' },
	{ protocol: 'imap', fault: 'greet-then-silence', security: 'tls', stage: 'capabilities', code: 'TIMEOUT' },
	{ protocol: 'smtp', fault: 'garbage', security: 'starttls', stage: 'greeting', code: 'PROTOCOL', said: /\S/ },
	{ protocol: 'imap', fault: 'garbage', security: 'starttls', stage: 'greeting', code: 'PROTOCOL', said: /\S/ },
	{
		protocol: 'smtp',
		fault: 'ten-mb-line',
		security: 'starttls',
		stage: 'greeting',
		code: 'PROTOCOL',
		said: /^220 A{100}.*… \[cut: 10485764 bytes in all\]$/s,
	},
	{
		protocol: 'imap',
		fault: 'ten-mb-line',
		security: 'starttls',
		stage: 'greeting',
		code: 'PROTOCOL',
		said: /^\* OK A{100}.*… \[cut: 10485765 bytes in all\]$/s,
	},
	{
		protocol: 'smtp',
		fault: 'endless-line',
		security: 'starttls',
		stage: 'greeting',
		code: 'PROTOCOL',
		said: /more than 16777216 bytes without a line end/,
	},
	{
		protocol: 'imap',
		fault: 'endless-line',
		security: 'starttls',
		stage: 'greeting',
		code: 'PROTOCOL',
		said: /more than 16777216 bytes without a line end/,
	},
	{
		protocol: 'smtp',
		fault: 'close-after-starttls',
		security: 'starttls',
		stage: 'starttls',
		code: 'CONNECTION_CLOSED',
	},
	{
		protocol: 'imap',
		fault: 'close-after-starttls',
		security: 'starttls',
		stage: 'starttls',
		code: 'CONNECTION_CLOSED',
	},
	{ protocol: 'smtp', fault: 'tls-stall', security: 'tls', stage: 'tls', code: 'TIMEOUT' },
	{ protocol: 'imap', fault: 'tls-stall', security: 'tls', stage: 'tls', code: 'TIMEOUT' },
	{ protocol: 'smtp', fault: 'starttls-stall', security: 'starttls', stage: 'starttls', code: 'TIMEOUT' },
	{ protocol: 'imap', fault: 'starttls-stall', security: 'starttls', stage: 'starttls', code: 'TIMEOUT' },
	{
		protocol: 'smtp',
		fault: 'bad-certificate',
		cert: 'expired',
		security: 'tls',
		stage: 'tls',
		code: 'TLS_CERT_INVALID',
	},
	{
		protocol: 'imap',
		fault: 'bad-certificate',
		cert: 'selfSigned',
		security: 'tls',
		stage: 'tls',
		code: 'TLS_CERT_INVALID',
	},
	{
		protocol: 'imap',
		fault: 'bad-certificate',
		cert: 'wrongHost',
		security: 'starttls',
		stage: 'starttls',
		code: 'TLS_CERT_INVALID',
	},
	{ protocol: 'smtp', fault: 'reset-on-auth', security: 'tls', stage: 'auth', code: 'CONNECTION_CLOSED' },
	{ protocol: 'imap', fault: 'reset-on-auth', security: 'tls', stage: 'auth', code: 'CONNECTION_CLOSED' },
	{ protocol: 'smtp', fault: 'stall-on-auth', security: 'tls', stage: 'auth', code: 'TIMEOUT' },
	{ protocol: 'imap', fault: 'stall-on-auth', security: 'tls', stage: 'auth', code: 'TIMEOUT' },
	// keep-alives and continuation lines do not extend the stage; the last of them are shown
	{
		protocol: 'smtp',
		fault: 'keepalive-on-auth',
		security: 'tls',
		stage: 'auth',
		code: 'TIMEOUT',
		said: /235-2\.7\.0 still checking/,
	},
	{
		protocol: 'imap',
		fault: 'keepalive-on-auth',
		security: 'tls',
		stage: 'auth',
		code: 'TIMEOUT',
		said: /\* OK Still here/,
	},
	{ protocol: 'smtp', fault: 'drip', security: 'starttls', stage: 'greeting', code: 'TIMEOUT' },
	{ protocol: 'imap', fault: 'drip', security: 'starttls', stage: 'greeting', code: 'TIMEOUT' },
	{
		protocol: 'smtp',
		fault: 'endless-multiline',
		security: 'starttls',
		stage: 'greeting',
		code: 'PROTOCOL',
		said: /^220-still greeting you\n[^]*… \(\d+ lines\)$/,
	},
	{
		protocol: 'imap',
		fault: 'endless-multiline',
		security: 'tls',
		stage: 'capabilities',
		code: 'PROTOCOL',
		said: /^\* OK \[ALERT\] still listing\n[^]*… \(1001 lines\)$/,
	},
	{
		protocol: 'smtp',
		fault: 'refuse',
		security: 'starttls',
		stage: 'greeting',
		code: 'THROTTLED',
		said: /^421 4\.7\.0 Too many connections/,
	},
	{
		protocol: 'imap',
		fault: 'refuse',
		security: 'starttls',
		stage: 'greeting',
		code: 'THROTTLED',
		said: /^\* BYE Too many connections$/,
	},
	{
		protocol: 'smtp',
		fault: 'refuse-on-auth',
		security: 'tls',
		stage: 'auth',
		code: 'THROTTLED',
		said: /^421 4\.7\.0/,
	},
	{
		protocol: 'imap',
		fault: 'refuse-on-auth',
		security: 'tls',
		stage: 'auth',
		code: 'THROTTLED',
		said: /^\* BYE Autologout; too many login attempts$/,
	},
	// a greeting that tries to clear the screen, fake a verdict and write the clipboard: the check passes, cleanly
	{ protocol: 'smtp', fault: 'escapes', security: 'tls', stage: '', code: '', ok: true },
	{ protocol: 'imap', fault: 'escapes', security: 'starttls', stage: '', code: '', ok: true },
];

/** The sum of the timeouts of the stages a check of this kind runs: its budget. */
function budget(row: Row): number {
	const { connectMs: c, greetingMs: g, stageMs: s } = timeoutsOf(row);
	const connect = row.security === 'tls' ? 3 * c : 2 * c;
	const later = row.protocol === 'smtp' ? (row.security === 'starttls' ? 4 : 2) : row.security === 'starttls' ? 4 : 3;
	return connect + g + later * s;
}

interface Result {
	id: string;
	ms: number;
	check: ProbeCheck;
	text: string;
}

// Control characters a terminal acts on (C0 but tab/newline, DEL, C1), and the ESC that starts every sequence.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

describe('fault-server suite: every hostile server ends within the timeout, clearly and cleanly', () => {
	const servers: FaultServer[] = [];
	const results = new Map<string, Result>();
	let exit: { code: number | null; afterDoneMs: number; stderr: string } | undefined;

	before(async () => {
		const certs = await testCerts();
		const cases: ChildCase[] = [];
		for (const [index, row] of ROWS.entries()) {
			const server = await startFaultServer({
				protocol: row.protocol,
				fault: row.fault,
				tls: certs[row.cert ?? 'server'],
				secure: row.security === 'tls',
			});
			servers.push(server);
			cases.push({
				id: `${index}`,
				protocol: row.protocol,
				port: server.port,
				security: row.security,
				timeouts: timeoutsOf(row),
			});
		}
		const input: ChildInput = { ca: certs.caCert, password: PASSWORD, concurrency: 6, cases };
		const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/fault-probe-child.ts'], {
			stdio: ['pipe', 'pipe', 'pipe'],
		});
		let out = '';
		let stderr = '';
		let doneAt: number | undefined;
		child.stdout.on('data', (chunk: Buffer) => {
			out += chunk.toString('utf8');
			let index: number;
			while ((index = out.indexOf('\n')) >= 0) {
				const line = JSON.parse(out.slice(0, index)) as Result | { done: number };
				out = out.slice(index + 1);
				if ('done' in line) doneAt = Date.now();
				else results.set(line.id, line);
			}
		});
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
		child.stdin.end(JSON.stringify(input));
		// A child that does not exit by itself is killed after this long, and the exit test fails.
		const killer = setTimeout(() => child.kill('SIGKILL'), 120_000);
		const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
		clearTimeout(killer);
		exit = { code, afterDoneMs: doneAt === undefined ? Infinity : Date.now() - doneAt, stderr };
	});

	after(async () => {
		await Promise.all(servers.map((s) => s.close()));
	});

	test('the probing process printed every result and exited by itself right after', () => {
		assert.ok(exit, 'the child ran');
		assert.equal(exit.code, 0, exit.stderr);
		assert.equal(results.size, ROWS.length, exit.stderr);
		assert.ok(exit.afterDoneMs < 3000, `exited ${exit.afterDoneMs} ms after its last result`);
	});

	for (const [index, row] of ROWS.entries()) {
		const name = row.ok
			? `${row.protocol} ${row.fault}: passes, and no escape sequence reaches the report`
			: `${row.protocol} ${row.fault}${row.cert ? ` (${row.cert})` : ''} → ${row.stage} / ${row.code}`;
		test(name, () => {
			const result = results.get(`${index}`);
			assert.ok(result, 'no result');
			const { check, ms, text } = result;
			const json = JSON.stringify(check);
			assert.doesNotMatch(json, /\\u001b|\\u009b|\\u0007/, 'escape sequences in the check');
			assert.doesNotMatch(text, UNSAFE, 'control characters in the text report');
			assertNoCanary({ json, text, stderr: exit?.stderr ?? '' }, [PASSWORD]);
			if (row.code === 'TIMEOUT') assert.ok(ms <= budget(row) * 1.1 + SLACK_MS, `took ${ms} ms, budget ${budget(row)}`);
			else assert.ok(ms <= PROMPT_MS, `took ${ms} ms`);
			if (row.ok) {
				assert.equal(check.ok, true, JSON.stringify(check.error));
				assert.match(check.stages.find((s) => s.name === 'greeting')?.detail ?? '', /✓ all checks passed/);
				return;
			}
			assert.equal(check.ok, false);
			assert.equal(check.failedStage, row.stage, JSON.stringify([check.stages, check.error]));
			assert.equal(check.error?.code, row.code, JSON.stringify([check.stages, check.error]));
			if (row.said) assert.match(check.error?.serverResponse ?? '', row.said);
			const failed = check.stages.at(-1);
			assert.equal(failed?.name, row.stage);
			if (row.code === 'TIMEOUT') {
				const limit = SHORT_MS;
				assert.ok((failed?.ms ?? 0) >= limit * 0.9, `the stage gave up early: ${failed?.ms} ms`);
				assert.ok((failed?.ms ?? 0) <= limit * 1.1 + SLACK_MS, `the stage ran ${failed?.ms} ms`);
			}
		});
	}
});
