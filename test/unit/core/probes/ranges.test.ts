/**
 * The numeric bounds a probe applies, tested on both sides of each bound: the port range of the config (1-65535,
 * RFC 6335 6), the account's own timeouts, and the caps on what a server may send (LINE_LIMITS: SMTP lines of
 * 4096 octets and replies of 100 lines or 64 KiB, IMAP lines of 16384 octets; see src/core/probes/limits.ts).
 * A value at the bound is accepted, one past it is refused with the message a user reads.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, describe, test } from 'node:test';
import type { Account } from '../../../../src/core/config/model';
import { probeImap } from '../../../../src/core/probes/imap';
import { LINE_LIMITS } from '../../../../src/core/probes/limits';
import { probeSmtp } from '../../../../src/core/probes/smtp';
import { type Fault, startFaultServer } from '../../../support/fault-server';
import { startDnsServer } from '../../../support/dns-server';
import { startImapServer } from '../../../support/imap-server';
import { probeHarness } from '../../../support/probe-harness';

const USER = 'ranges@example.test';
const PASSWORD = 'Ranges-Canary-9a4c11';
const harness = probeHarness({ connectMs: 3000, greetingMs: 2000, stageMs: 4000 });
const probes = { imap: probeImap, smtp: probeSmtp } as const;

function account(protocol: 'imap' | 'smtp', port: unknown, security = 'tls', extra: Partial<Account> = {}): Account {
	return {
		id: 'ranges',
		email: USER,
		auth: { method: 'password', user: USER, password: '${secret:RANGES}' },
		[protocol]: { host: 'localhost', port, security, ...(protocol === 'imap' ? { folder: 'INBOX' } : {}) },
		...extra,
	} as Account;
}

/** Plain TCP servers closed after the file: each sends `greeting` (raw, with its line ends) to every client. */
const raw: net.Server[] = [];
after(() => Promise.all(raw.map((s) => new Promise((resolve) => s.close(resolve)))));
async function rawServer(greeting: string | undefined, ehloReply?: string): Promise<number> {
	const server = net.createServer((socket) => {
		socket.on('error', () => undefined);
		if (greeting !== undefined) socket.write(greeting);
		socket.on('data', (data) => {
			if (ehloReply !== undefined && /^EHLO /m.test(data.toString())) socket.write(ehloReply);
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	raw.push(server);
	return (server.address() as net.AddressInfo).port;
}

/**
 * Like rawServer, but the greeting goes out in two TCP segments (Nagle off), the second 50 ms after the first: a
 * line end split between segments, as a slow or segmenting server sends it. Should the two ever arrive together,
 * the test reads one segment and still passes; it cannot fail for that reason.
 */
async function splitServer(first: string, second: string): Promise<number> {
	const server = net.createServer((socket) => {
		socket.on('error', () => undefined);
		socket.setNoDelay(true);
		socket.write(first, () => setTimeout(() => socket.destroyed || socket.write(second), 50));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	raw.push(server);
	return (server.address() as net.AddressInfo).port;
}

describe('the port of the config: 1 to 65535', () => {
	for (const protocol of ['imap', 'smtp'] as const) {
		for (const port of [0, -1, 65536, 70000, 993.5, '993', null]) {
			test(`${protocol}.port ${JSON.stringify(port)} → CONFIG, nothing is connected`, async () => {
				const check = await probes[protocol](account(protocol, port), { password: PASSWORD }, harness.ctx());
				assert.equal(check.error?.code, 'CONFIG');
				assert.equal(
					check.error?.message,
					`The account configuration is incomplete for this test. "${protocol}.port" is missing or invalid (1-65535).`,
				);
				assert.deepEqual(
					check.stages.filter((s) => s.name === 'tcp'),
					[],
				);
			});
		}
	}

	test('port 1, the lowest: the probe connects (nothing listens there, so the connection is refused)', async () => {
		const check = await probeSmtp(account('smtp', 1, 'none'), { password: PASSWORD }, harness.ctx());
		assert.equal(check.failedStage, 'tcp');
		assert.equal(check.error?.code, 'CONNECTION_REFUSED');
	});

	test('port 65535, the highest: a server listening there is tested to the end', async (t) => {
		const imap = await harness.track(
			startImapServer({ secure: true, tls: harness.certs.server, users: { [USER]: { password: PASSWORD } } }),
		);
		// A forwarder on 127.0.0.1:65535 in front of the test server (which listens on a port the system chose).
		const forwarder = net.createServer((client) => {
			const upstream = net.connect(imap.port, '127.0.0.1');
			client.on('error', () => upstream.destroy());
			upstream.on('error', () => client.destroy());
			client.pipe(upstream).pipe(client);
		});
		const listening = await new Promise<boolean>((resolve) => {
			forwarder.once('error', () => resolve(false));
			forwarder.listen(65535, '127.0.0.1', () => resolve(true));
		});
		const check = await probeImap(account('imap', 65535), { password: PASSWORD }, harness.ctx());
		if (!listening) {
			// something else holds the port on this machine: the config is still accepted and connected to
			t.diagnostic('127.0.0.1:65535 is taken; only checked that the port is accepted');
			assert.notEqual(check.error?.code, 'CONFIG');
			return;
		}
		await new Promise((resolve) => forwarder.close(resolve));
		assert.equal(check.ok, true, JSON.stringify(check.error));
		assert.match(check.stages.find((s) => s.name === 'tcp')?.detail ?? '', /:65535\b/);
	});
});

describe("the account's own timeouts", () => {
	test('timeouts.greeting 300 against a server that never greets → TIMEOUT after 300 ms, named in the message', async () => {
		const port = await rawServer(undefined);
		const check = await probeSmtp(
			account('smtp', port, 'none', { timeouts: { greeting: 300 } }),
			{ password: PASSWORD },
			harness.ctx(),
		);
		assert.equal(check.failedStage, 'greeting');
		assert.equal(check.error?.code, 'TIMEOUT');
		assert.match(check.error?.message ?? '', /Stage "greeting" got no answer within 300 ms\./);
	});

	for (const value of [0, -5]) {
		test(`timeouts.greeting ${value} is no timeout: the setting of the run applies (here 800 ms)`, async () => {
			const port = await rawServer(undefined);
			const ctx = harness.ctx({ timeouts: { connectMs: 3000, greetingMs: 800, stageMs: 4000 } });
			const check = await probeSmtp(
				account('smtp', port, 'none', { timeouts: { greeting: value } }),
				{ password: PASSWORD },
				ctx,
			);
			assert.equal(check.error?.code, 'TIMEOUT');
			assert.match(check.error?.message ?? '', /within 800 ms\./);
		});
	}
});

describe('each stage waits for its own timeout: connect for tls, greeting for the greeting, stage for the rest', () => {
	// three different values, so a stage that takes another one's timeout shows in the message
	const timeouts = { connectMs: 400, greetingMs: 700, stageMs: 1000 };
	const rows: { protocol: 'imap' | 'smtp'; fault: Fault; secure: boolean; stage: string; ms: number }[] = [
		{ protocol: 'smtp', fault: 'tls-stall', secure: true, stage: 'tls', ms: 400 },
		{ protocol: 'imap', fault: 'tls-stall', secure: true, stage: 'tls', ms: 400 },
		{ protocol: 'smtp', fault: 'silent', secure: false, stage: 'greeting', ms: 700 },
		{ protocol: 'imap', fault: 'silent', secure: false, stage: 'greeting', ms: 700 },
		{ protocol: 'smtp', fault: 'greet-then-silence', secure: true, stage: 'ehlo', ms: 1000 },
		{ protocol: 'imap', fault: 'greet-then-silence', secure: true, stage: 'capabilities', ms: 1000 },
		{ protocol: 'smtp', fault: 'stall-on-auth', secure: true, stage: 'auth', ms: 1000 },
		{ protocol: 'imap', fault: 'stall-on-auth', secure: true, stage: 'auth', ms: 1000 },
	];
	for (const row of rows) {
		test(`${row.protocol} ${row.fault} → TIMEOUT in ${row.stage} after ${row.ms} ms`, async () => {
			const server = await harness.track(
				startFaultServer({ protocol: row.protocol, fault: row.fault, tls: harness.certs.server, secure: row.secure }),
			);
			const check = await probes[row.protocol](
				account(row.protocol, server.port, row.secure ? 'tls' : 'starttls'),
				{ password: PASSWORD },
				harness.ctx({ timeouts }),
			);
			assert.equal(check.failedStage, row.stage);
			assert.equal(check.error?.code, 'TIMEOUT');
			assert.match(check.error?.message ?? '', new RegExp(`Stage "${row.stage}" got no answer within ${row.ms} ms\\.`));
		});
	}

	for (const protocol of ['smtp', 'imap'] as const) {
		test(`${protocol}: a name server that never answers → TIMEOUT in dns after the connect timeout`, async () => {
			const dns = await harness.track(startDnsServer({ records: [], silent: ['mail.silent.test'] }));
			const target = { host: 'mail.silent.test', port: 1, security: 'tls' };
			const check = await probes[protocol](
				{
					...account(protocol, 1),
					[protocol]: protocol === 'imap' ? { ...target, folder: 'INBOX' } : target,
				} as Account,
				{ password: PASSWORD },
				harness.ctx({ timeouts, dnsServers: [dns.address] }),
			);
			assert.equal(check.failedStage, 'dns');
			assert.equal(check.error?.code, 'TIMEOUT', check.error?.message);
			assert.match(check.error?.message ?? '', /Stage "dns" got no answer within 400 ms\./);
		});
	}
});

describe('what a server may send: a line or reply at the cap passes, one octet or line more is refused', () => {
	const { smtp, imap } = LINE_LIMITS;
	// A greeting that refuses the session (RFC 5321 3.1: 554 instead of 220) padded to an exact length, so the probe
	// must read the whole line to report it; the words hold no "limit" or "too many" (that would mean throttling).
	const smtpLine = (octets: number) => `554 ${'x'.repeat(octets - 4)}`;
	const imapLine = (octets: number) => `* BYE ${'x'.repeat(octets - 6)}`;

	test(`SMTP: a greeting line of ${smtp.maxLine} octets is read, ${smtp.maxLine + 1} is refused`, async () => {
		const atCap = await probeSmtp(
			account('smtp', await rawServer(`${smtpLine(smtp.maxLine)}\r\n`), 'none'),
			{ password: PASSWORD },
			harness.ctx(),
		);
		assert.equal(atCap.error?.code, 'CONNECTION_CLOSED');
		assert.equal(atCap.error?.serverResponse?.length, smtp.maxLine);
		const past = await probeSmtp(
			account('smtp', await rawServer(`${smtpLine(smtp.maxLine + 1)}\r\n`), 'none'),
			{ password: PASSWORD },
			harness.ctx(),
		);
		assert.equal(past.error?.code, 'PROTOCOL');
		assert.match(past.error?.message ?? '', /longer than the 4096 bytes the probe accepts/);
	});

	test(`SMTP: a greeting line of ${smtp.maxLine} octets whose CR and LF arrive in separate segments is read`, async () => {
		// the CR that ends one segment belongs to the line end, not to the line: the line is at the cap, not past it
		const port = await splitServer(`${smtpLine(smtp.maxLine)}\r`, '\n');
		const check = await probeSmtp(account('smtp', port, 'none'), { password: PASSWORD }, harness.ctx());
		assert.equal(check.error?.code, 'CONNECTION_CLOSED', check.error?.message);
		assert.equal(check.error?.serverResponse, smtpLine(smtp.maxLine));
	});

	test(`IMAP: a greeting line of ${imap.maxLine} octets is read, ${imap.maxLine + 1} is refused`, async () => {
		const atCap = await probeImap(
			account('imap', await rawServer(`${imapLine(imap.maxLine)}\r\n`), 'none'),
			{ password: PASSWORD },
			harness.ctx(),
		);
		assert.equal(atCap.error?.code, 'CONNECTION_CLOSED');
		// read whole, shown cut (a report shows 4096 characters of a reply) with its full length
		assert.match(atCap.error?.serverResponse ?? '', /^\* BYE x+… \[cut: 16384 characters in all\]$/);
		const past = await probeImap(
			account('imap', await rawServer(`${imapLine(imap.maxLine + 1)}\r\n`), 'none'),
			{ password: PASSWORD },
			harness.ctx(),
		);
		assert.equal(past.error?.code, 'PROTOCOL');
		assert.match(past.error?.message ?? '', /longer than the 16384 bytes the probe accepts/);
	});

	test(`SMTP: a multi-line reply of ${smtp.maxReplyLines} lines is read, ${smtp.maxReplyLines + 1} is refused`, async () => {
		const reply = (lines: number) =>
			Array.from({ length: lines }, (_, i) => `554${i === lines - 1 ? ' ' : '-'}5.7.1 line ${i + 1}\r\n`).join('');
		const atCap = await probeSmtp(
			account('smtp', await rawServer(reply(smtp.maxReplyLines)), 'none'),
			{ password: PASSWORD },
			harness.ctx(),
		);
		assert.equal(atCap.error?.code, 'CONNECTION_CLOSED');
		assert.match(atCap.error?.serverResponse ?? '', /line 100$/);
		const past = await probeSmtp(
			account('smtp', await rawServer(reply(smtp.maxReplyLines + 1)), 'none'),
			{ password: PASSWORD },
			harness.ctx(),
		);
		assert.equal(past.error?.code, 'PROTOCOL');
		assert.match(past.error?.message ?? '', /more than 100 lines or 65536 bytes/);
	});

	test(`SMTP: an EHLO reply (before STARTTLS) of ${smtp.maxReplyLines} lines is read, ${smtp.maxReplyLines + 1} is refused`, async () => {
		// 250 lines without STARTTLS among them: read whole, the probe reports STARTTLS missing
		const reply = (lines: number) =>
			Array.from({ length: lines }, (_, i) => `250${i === lines - 1 ? ' ' : '-'}X-EXT-${i + 1}\r\n`).join('');
		const greeting = '220 mail.example.test ESMTP\r\n';
		const atCap = await probeSmtp(
			account('smtp', await rawServer(greeting, reply(smtp.maxReplyLines)), 'starttls'),
			{ password: PASSWORD },
			harness.ctx(),
		);
		assert.equal(atCap.failedStage, 'starttls');
		assert.equal(atCap.error?.code, 'STARTTLS_UNAVAILABLE');
		const past = await probeSmtp(
			account('smtp', await rawServer(greeting, reply(smtp.maxReplyLines + 1)), 'starttls'),
			{ password: PASSWORD },
			harness.ctx(),
		);
		assert.equal(past.error?.code, 'PROTOCOL');
		assert.match(past.error?.message ?? '', /more than 100 lines or 65536 bytes/);
	});

	test(`SMTP: a reply of exactly ${smtp.maxReplyOctets} octets is read, one octet more is refused`, async () => {
		// 16 lines of 4094 octets plus CRLF: 65536 octets; the last line one octet longer makes 65537
		const reply = (extra: number) =>
			Array.from({ length: 16 }, (_, i) => {
				const head = `554${i === 15 ? ' ' : '-'}`;
				return `${head}${'x'.repeat(4094 - head.length + (i === 15 ? extra : 0))}\r\n`;
			}).join('');
		assert.equal(Buffer.byteLength(reply(0)), smtp.maxReplyOctets);
		const atCap = await probeSmtp(
			account('smtp', await rawServer(reply(0)), 'none'),
			{ password: PASSWORD },
			harness.ctx(),
		);
		assert.equal(atCap.error?.code, 'CONNECTION_CLOSED');
		const past = await probeSmtp(
			account('smtp', await rawServer(reply(1)), 'none'),
			{ password: PASSWORD },
			harness.ctx(),
		);
		assert.equal(past.error?.code, 'PROTOCOL');
		assert.match(past.error?.message ?? '', /more than 100 lines or 65536 bytes/);
	});
});
