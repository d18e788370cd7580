/**
 * The probe's own socket work for the stages before login (dns, tcp, tls, greeting, capabilities/ehlo, starttls):
 * doing them with node:dns/net/tls rather than inside a library is what lets each step be timed and described
 * (addresses, TLS version and cipher, the certificate even when it is rejected). The same socket then goes to the
 * login library (`LineChannel.handOver`), so a check opens one connection per protocol.
 */
import { lookup } from 'node:dns/promises';
import net from 'node:net';
import tls from 'node:tls';
import { DnsError } from '../discovery/net';
import { nodeDnsClient } from '../discovery/node-net';
import { trustedTls } from './trust-store';
import type { SecurityMode, TlsVersion } from '../config/model';
import { type Localized, tr } from '../i18n';
import { HINTS, ProbeFailure, classifyError } from './classify';
import type { StageOutcome } from './stage-runner';
import type { ProbeRun } from './stage-runner';
import { ENDLESS_LINE_OCTETS, type LineLimits } from './limits';

export interface Endpoint {
	host: string;
	port: number;
	security: SecurityMode;
	/** Verify the certificate (chain + host name); false only when the config says so. */
	rejectUnauthorized: boolean;
	minVersion?: TlsVersion;
	/** Name to verify and send as SNI; defaults to the host. */
	servername?: string;
}

/**
 * The host's addresses: from the system's resolver, or from the given DNS servers (`mailcfg test --dns`), which
 * tests point at a server on loopback so that not even a lookup leaves the machine.
 */
export async function resolveStage(
	endpoint: Endpoint,
	signal: AbortSignal,
	dns?: { servers: readonly string[]; timeoutMs: number },
): Promise<StageOutcome<string[]>> {
	if (net.isIP(endpoint.host)) {
		return { value: [endpoint.host], detail: endpoint.host, facts: { addresses: [endpoint.host] } };
	}
	try {
		const found = dns
			? await nodeDnsClient(dns).addresses(endpoint.host, signal)
			: await lookup(endpoint.host, { all: true, verbatim: true });
		const addresses = found.map((a) => a.address);
		if (!addresses.length) throw new ProbeFailure('DNS_NOT_FOUND');
		return { value: addresses, detail: addresses.join(', '), facts: { addresses } };
	} catch (error) {
		if (error instanceof DnsError) {
			if (error.kind === 'timeout') throw new ProbeFailure('TIMEOUT');
			if (error.kind === 'cancelled') throw new ProbeFailure('CANCELLED');
			// NXDOMAIN, no address records, SERVFAIL: the user's fix is the same, the host name.
			throw new ProbeFailure('DNS_NOT_FOUND');
		}
		throw classifyError(error, 'dns');
	}
}

/** Connects to the first address that takes a connection; the next one is tried only when there is no route. */
export async function tcpStage(run: ProbeRun, addresses: string[], port: number): Promise<StageOutcome<net.Socket>> {
	let lastError: unknown;
	for (const address of addresses) {
		try {
			const socket = await connectOnce(run, address, port);
			return {
				value: socket,
				detail: `${address}:${port}`,
				facts: { remote: `${address}:${port}`, local: `${socket.localAddress}:${socket.localPort}` },
			};
		} catch (error) {
			lastError = error;
			const code = (error as { code?: string }).code;
			if (code !== 'EHOSTUNREACH' && code !== 'ENETUNREACH' && code !== 'EADDRNOTAVAIL') break;
		}
	}
	throw classifyError(lastError, 'tcp');
}

function connectOnce(run: ProbeRun, address: string, port: number): Promise<net.Socket> {
	return new Promise((resolve, reject) => {
		// noDelay: a command is one write, and Nagle would hold the next one back for the server's delayed ACK
		const socket = run.own(net.connect({ host: address, port, noDelay: true }));
		socket.once('connect', () => resolve(socket));
		// `on`, not `once`: a socket must keep an error listener for its whole life or a late error crashes Node.
		socket.on('error', (error) => {
			run.release(socket);
			socket.destroy();
			reject(error);
		});
	});
}

export type TlsFacts = Record<string, string | number | boolean | string[]>;

/**
 * Runs a TLS handshake over `socket` (implicit TLS or after STARTTLS). Verification is done here rather than by
 * OpenSSL's reject so a rejected certificate can still be described; when it fails and the config demands
 * verification, the stage fails with TLS_CERT_INVALID and nothing is ever written over that connection.
 */
export function tlsHandshake(
	run: ProbeRun,
	socket: net.Socket,
	endpoint: Endpoint,
): Promise<StageOutcome<tls.TLSSocket> & { facts: TlsFacts }> {
	const servername = endpoint.servername ?? endpoint.host;
	return new Promise((resolve, reject) => {
		const secure = run.own(
			tls.connect({
				socket,
				// SNI must be a host name; for an IP literal Node would warn and servers ignore it.
				...(net.isIP(servername) ? {} : { servername }),
				rejectUnauthorized: false,
				// The shared context of these CAs: building one per connection would cost tens of milliseconds each.
				...(run.ctx.extraCa?.length ? trustedTls(run.ctx.extraCa, endpoint.minVersion) : {}),
				...(endpoint.minVersion ? { minVersion: endpoint.minVersion } : {}),
			}),
		);
		secure.on('error', (error) => reject(classifyError(error, 'tls')));
		secure.once('secureConnect', () => {
			// Node builds the whole certificate object (fingerprints, key, extensions) on every call: once per handshake.
			const cert = secure.getPeerCertificate();
			const facts = describeTls(secure, cert);
			const problem = verificationProblem(secure, cert, servername);
			facts.trusted = !problem;
			if (problem) facts.verificationError = problem.code;
			const summary = `${facts.protocol} ${facts.cipher}${facts.subject ? ` · ${facts.subject}` : ''}`;
			if (problem && endpoint.rejectUnauthorized) {
				reject(
					new ProbeFailure('TLS_CERT_INVALID', { hint: problem.hint, facts, detail: `${summary} · ${problem.code}` }),
				);
				return;
			}
			const trust = problem ? `not trusted (${problem.code}), verification off in the config` : 'trusted';
			resolve({ value: secure, detail: `${summary} · ${trust}`, facts });
		});
	});
}

function describeTls(socket: tls.TLSSocket, cert: tls.PeerCertificate): TlsFacts {
	const cipher = socket.getCipher();
	const facts: TlsFacts = {
		protocol: socket.getProtocol() ?? 'unknown',
		cipher: cipher?.standardName ?? cipher?.name ?? 'unknown',
	};
	if (cert && Object.keys(cert).length) {
		facts.subject = distinguishedName(cert.subject);
		facts.issuer = distinguishedName(cert.issuer);
		if (cert.subjectaltname) facts.altNames = cert.subjectaltname.split(/,\s*/);
		facts.validFrom = new Date(cert.valid_from).toISOString();
		facts.validTo = new Date(cert.valid_to).toISOString();
		facts.fingerprint256 = cert.fingerprint256;
	}
	return facts;
}

function distinguishedName(name: tls.Certificate | undefined): string {
	if (!name) return '';
	return Object.entries(name)
		.filter(([key]) => ['CN', 'O', 'OU', 'C'].includes(key))
		.map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : String(value)}`)
		.join(', ');
}

function verificationProblem(
	socket: tls.TLSSocket,
	cert: tls.PeerCertificate,
	servername: string,
): { code: string; hint: ProbeFailure['hint'] } | undefined {
	if (!socket.authorized) {
		const code = String(socket.authorizationError ?? 'CERT_UNTRUSTED');
		if (code === 'CERT_HAS_EXPIRED')
			return { code, hint: { text: HINTS.certExpired, args: { date: day(cert.valid_to) } } };
		if (code === 'CERT_NOT_YET_VALID') {
			return { code, hint: { text: HINTS.certNotYetValid, args: { date: day(cert.valid_from) } } };
		}
		if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return hostnameProblem(cert, servername);
		if (code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || code === 'SELF_SIGNED_CERT_IN_CHAIN') {
			return { code, hint: { text: HINTS.certSelfSigned } };
		}
		return { code, hint: { text: HINTS.certUntrusted, args: { reason: code } } };
	}
	// Node checks the host name itself only when it verifies; here it is checked for the verified chain too.
	return tls.checkServerIdentity(servername, cert) ? hostnameProblem(cert, servername) : undefined;
}

function hostnameProblem(cert: tls.PeerCertificate, servername: string): { code: string; hint: ProbeFailure['hint'] } {
	const names = cert.subjectaltname ?? `CN=${String(cert.subject?.CN ?? '?')}`;
	return {
		code: 'ERR_TLS_CERT_ALTNAME_INVALID',
		hint: { text: HINTS.certHostname, args: { names, host: servername } },
	};
}

function day(value: string): string {
	const date = new Date(value);
	return Number.isNaN(date.getTime()) ? value : date.toISOString().slice(0, 10);
}

/**
 * Whether the port completes a TLS handshake: asked while a plain-text greeting is overdue, to tell "this port speaks
 * implicit TLS" from "silent server". Only the handshake runs (no data), bounded by `timeoutMs`.
 */
export function speaksTls(run: ProbeRun, address: string, port: number, timeoutMs: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = run.own(tls.connect({ host: address, port, rejectUnauthorized: false }));
		const done = (answer: boolean) => {
			clearTimeout(timer);
			run.release(socket);
			socket.destroy();
			resolve(answer);
		};
		const timer = setTimeout(() => done(false), Math.max(1, timeoutMs));
		socket.once('secureConnect', () => done(true));
		socket.on('error', () => done(false));
		socket.once('close', () => done(false));
	});
}

/** How much of the last bytes a login library read is kept to show when it fails without quoting the server. */
const WITNESS_OCTETS = 512;

/** How much of a refused over-long line the report shows. */
const SHOWN_OCTETS = 1024;

/** Lines received but not yet read; only a server that floods short lines fills it. */
const MAX_QUEUED_LINES = 10_000;

const CUT: Localized = {
	en: '… [cut: {octets} bytes in all]',
	de: '… [gekürzt: insgesamt {octets} Bytes]',
};
const CUT_ENDLESS: Localized = {
	en: '… [cut: more than {octets} bytes without a line end]',
	de: '… [gekürzt: mehr als {octets} Bytes ohne Zeilenende]',
};

/**
 * Reads CRLF-terminated lines from a socket and writes commands, logging both sides to the transcript. Lines are
 * split on bytes (each chunk is scanned once), at most `limits.maxLine` octets of a line are kept, and the rest is
 * only counted: CPU and memory stay linear in what arrives and bounded per line, however the server splits it.
 */
export class LineChannel {
	/** Kept bytes of the line being received, and how many octets it has in all. */
	private partial: Buffer[] = [];
	private partialKept = 0;
	private partialOctets = 0;
	/** The last byte of the line being received (a CR before the LF is not part of the line). */
	private partialLast: number | undefined;
	private readonly lines: string[] = [];
	private waiter: { resolve: (line: string) => void; reject: (error: Error) => void } | undefined;
	private closed: Error | undefined;
	/** The first byte ever received (undefined while the server has said nothing at all). */
	firstByte: number | undefined;

	private readonly onData = (chunk: Buffer) => {
		if (this.closed) return;
		this.firstByte ??= chunk[0];
		let start = 0;
		while (start < chunk.length) {
			const newline = chunk.indexOf(0x0a, start);
			const end = newline < 0 ? chunk.length : newline;
			this.keep(chunk, start, end);
			if (newline < 0) break;
			this.endLine();
			if (this.closed) return;
			start = newline + 1;
		}
		if (this.partialOctets > ENDLESS_LINE_OCTETS) {
			this.refuseLine(this.partialText(), tr(CUT_ENDLESS, this.run.lang, { octets: ENDLESS_LINE_OCTETS }));
			return;
		}
		this.flush();
	};
	private readonly onClose = () => this.end(new ProbeFailure('CONNECTION_CLOSED'));
	private readonly onError = (error: Error) => this.end(classifyError(error, 'greeting'));

	constructor(
		private readonly run: ProbeRun,
		readonly socket: net.Socket,
		readonly limits: LineLimits,
	) {
		socket.on('data', this.onData);
		socket.on('close', this.onClose);
		socket.on('error', this.onError);
	}

	readLine(): Promise<string> {
		const line = this.lines.shift();
		if (line !== undefined) return Promise.resolve(line);
		if (this.closed) return Promise.reject(this.closed);
		return new Promise((resolve, reject) => {
			this.waiter = { resolve, reject };
		});
	}

	/** The next line, or undefined when none arrives within `ms` (the line is not lost: it is read later). */
	async readLineWithin(ms: number): Promise<string | undefined> {
		let timer: NodeJS.Timeout | undefined;
		const timeout = new Promise<undefined>((resolve) => {
			timer = setTimeout(() => resolve(undefined), ms);
		});
		try {
			return await Promise.race([this.readLine(), timeout]);
		} finally {
			clearTimeout(timer);
			if (this.waiter) this.waiter = undefined;
		}
	}

	write(line: string): void {
		this.run.transcript.client(line);
		this.socket.write(`${line}\r\n`);
	}

	/**
	 * Stops reading before a TLS upgrade. Bytes after the STARTTLS reply would be injected plain text (CVE-2011-0411
	 * style), so any is a protocol failure.
	 */
	detach(): void {
		const unread = this.release();
		if (unread.length) throw new ProbeFailure('PROTOCOL', { serverResponse: 'data after the STARTTLS reply' });
	}

	/**
	 * Hands the socket to a login library: stops reading and puts `replay` (the greeting the library expects to read
	 * first, already read by the probe) back in front of whatever the server sent that was not read yet.
	 */
	handOver(replay: string): net.Socket {
		const unread = this.release();
		this.socket.unshift(Buffer.concat([Buffer.from(replay, 'utf8'), unread]));
		// The run's witness of what the library reads: the socket's last bytes, for a failure the library cannot quote.
		let tail = Buffer.alloc(0);
		this.socket.on('data', (chunk: Buffer) => {
			tail = Buffer.concat([tail, chunk.subarray(-WITNESS_OCTETS)]).subarray(-WITNESS_OCTETS);
		});
		this.run.witness = () =>
			tail
				.toString('utf8')
				.split(/\r?\n/)
				.filter((line) => line !== '')
				.slice(-3);
		return this.socket;
	}

	private release(): Buffer {
		this.socket.pause();
		this.socket.removeListener('data', this.onData);
		this.socket.removeListener('close', this.onClose);
		this.socket.removeListener('error', this.onError);
		const queued = this.lines.map((line) => `${line}\r\n`).join('');
		this.lines.length = 0;
		return Buffer.concat([Buffer.from(queued, 'utf8'), ...this.partial]);
	}

	private keep(chunk: Buffer, start: number, end: number): void {
		this.partialOctets += end - start;
		if (end > start) this.partialLast = chunk[end - 1];
		const room = this.limits.maxLine + 1 - this.partialKept;
		if (room <= 0 || end <= start) return;
		const piece = chunk.subarray(start, Math.min(end, start + room));
		// a copy: a view would pin the whole chunk in memory
		this.partial.push(Buffer.from(piece));
		this.partialKept += piece.length;
	}

	private partialText(): string {
		return Buffer.concat(this.partial).subarray(0, SHOWN_OCTETS).toString('utf8');
	}

	private endLine(): void {
		const withCr = this.partialLast === 0x0d;
		const octets = this.partialOctets - (withCr ? 1 : 0);
		const bytes = Buffer.concat(this.partial);
		this.partial = [];
		this.partialKept = 0;
		this.partialOctets = 0;
		this.partialLast = undefined;
		if (octets > this.limits.maxLine) {
			this.refuseLine(bytes.subarray(0, SHOWN_OCTETS).toString('utf8'), tr(CUT, this.run.lang, { octets }));
			return;
		}
		const line = bytes.subarray(0, octets).toString('utf8');
		this.run.transcript.server(line);
		if (this.lines.length >= MAX_QUEUED_LINES) {
			this.end(
				new ProbeFailure('PROTOCOL', {
					serverResponse: line,
					hint: { text: HINTS.replyTooLong, args: { ...this.limits } },
				}),
			);
			return;
		}
		this.lines.push(line);
	}

	private refuseLine(head: string, marker: string): void {
		const shown = `${head}${marker}`;
		this.run.transcript.server(shown);
		this.end(
			new ProbeFailure('PROTOCOL', {
				serverResponse: shown,
				hint: { text: HINTS.lineTooLong, args: { limit: this.limits.maxLine } },
			}),
		);
		this.socket.pause();
	}

	private flush(): void {
		if (!this.waiter) return;
		const line = this.lines.shift();
		if (line === undefined) return;
		const { resolve } = this.waiter;
		this.waiter = undefined;
		resolve(line);
	}

	private end(error: ProbeFailure): void {
		this.closed ??= error;
		this.partial = [];
		if (this.waiter && !this.lines.length) {
			const { reject } = this.waiter;
			this.waiter = undefined;
			reject(this.closed);
		}
	}
}

/** The first lines of a reply that was refused for its size, and how many there were. */
export function excerpt(lines: readonly string[], total: number): string {
	const shown = lines.slice(0, 10);
	return total > shown.length ? `${shown.join('\n')}\n… (${total} lines)` : shown.join('\n');
}

/** An SMTP reply: `250-…` lines up to the final `250 …`. */
export interface SmtpReply {
	code: number;
	lines: string[];
	/** The reply as the server sent it, lines joined with `\n`. */
	raw: string;
}

export async function readSmtpReply(channel: LineChannel): Promise<SmtpReply> {
	const lines: string[] = [];
	const budget = new ReplyBudget(channel.limits);
	for (;;) {
		const line = await channel.readLine();
		lines.push(line);
		const match = /^(\d{3})([ -]|$)/.exec(line);
		if (!match) throw new ProbeFailure('PROTOCOL', { serverResponse: lines.join('\n') });
		// the last line counts too: the cap is on the whole reply
		budget.count(line, lines);
		if (match[2] !== '-') return { code: Number(match[1]), lines, raw: lines.join('\n') };
	}
}

/** An IMAP command's completion plus the untagged lines before it. */
export interface ImapReply {
	status: 'OK' | 'NO' | 'BAD';
	/** The tagged line without its tag. */
	text: string;
	untagged: string[];
}

export async function imapCommand(channel: LineChannel, tag: string, command: string): Promise<ImapReply> {
	channel.write(`${tag} ${command}`);
	const untagged: string[] = [];
	const budget = new ReplyBudget(channel.limits);
	for (;;) {
		const line = await channel.readLine();
		if (line.startsWith(`${tag} `)) {
			const text = line.slice(tag.length + 1);
			const status = /^(OK|NO|BAD)\b/i.exec(text)?.[1]?.toUpperCase();
			if (!status) throw new ProbeFailure('PROTOCOL', { serverResponse: line });
			return { status: status as ImapReply['status'], text, untagged };
		}
		if (/^\* BYE\b/i.test(line)) throw new ProbeFailure('CONNECTION_CLOSED', { serverResponse: line });
		untagged.push(line);
		budget.count(line, untagged);
	}
}

/** Counts the lines and octets of one reply and refuses it past the protocol's caps (a reply that never ends). */
export class ReplyBudget {
	private lines = 0;
	private octets = 0;

	constructor(private readonly limits: LineLimits) {}

	count(line: string, kept: string[]): void {
		this.lines++;
		this.octets += Buffer.byteLength(line) + 2;
		if (this.lines > this.limits.maxReplyLines || this.octets > this.limits.maxReplyOctets) {
			throw new ProbeFailure('PROTOCOL', {
				serverResponse: excerpt(kept, this.lines),
				hint: { text: HINTS.replyTooLong, args: { ...this.limits } },
			});
		}
	}
}
