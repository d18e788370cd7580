/**
 * The probe side of the fault-server suite, in a process of its own: reads the cases (JSON on stdin), probes each
 * fault server the parent started, prints one JSON line per result and then `{"done":…}`, and must then exit by
 * itself: a socket, timer or listener a probe left behind would keep it alive, and the parent fails the suite.
 */
import { performance } from 'node:perf_hooks';
import type { Account } from '../../src/core/config/model';
import type { ProbeTimeouts } from '../../src/core/probes/context';
import { probeImap, probeSmtp, renderReportText } from '../../src/core/probes/index';

export interface ChildCase {
	id: string;
	protocol: 'imap' | 'smtp';
	port: number;
	security: 'tls' | 'starttls' | 'none';
	timeouts: ProbeTimeouts;
}

export interface ChildInput {
	ca: string;
	password: string;
	concurrency: number;
	cases: ChildCase[];
}

async function main(): Promise<void> {
	let raw = '';
	for await (const chunk of process.stdin) raw += String(chunk);
	const input = JSON.parse(raw) as ChildInput;
	const queue = [...input.cases];
	const worker = async () => {
		for (let c = queue.shift(); c; c = queue.shift()) {
			const account: Account = {
				id: c.id,
				email: 'probe@fault.test',
				auth: { method: 'password', user: 'probe@fault.test', password: '${secret:PW}' },
				[c.protocol]: { host: '127.0.0.1', port: c.port, security: c.security },
			};
			const probe = c.protocol === 'imap' ? probeImap : probeSmtp;
			const started = performance.now();
			const check = await probe(
				account,
				{ password: input.password },
				{
					lang: 'en',
					clock: () => new Date(),
					timeouts: c.timeouts,
					extraCa: [input.ca],
				},
			);
			const ms = Math.round(performance.now() - started);
			const text = renderReportText([{ id: c.id, checks: [check] }], 'en', { transcript: true });
			process.stdout.write(`${JSON.stringify({ id: c.id, ms, check, text })}\n`);
		}
	};
	await Promise.all(Array.from({ length: input.concurrency }, worker));
	process.stdout.write(`${JSON.stringify({ done: Date.now() })}\n`);
}

void main();
