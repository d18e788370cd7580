/**
 * A small scriptable IMAP server on loopback for tests and the demo.
 *
 * Chosen over hoodiecrow-imap: that package is unmaintained since 2017, pulls old dependencies and cannot produce
 * the replies the probe must recognise (Exchange's `NO AUTHENTICATE failed.`, `BAD User is authenticated but not
 * connected.`, a drop in the middle of AUTHENTICATE, LOGINDISABLED before TLS). This one implements just what a
 * probe and imapflow's login path send: CAPABILITY, STARTTLS, LOGIN, AUTHENTICATE PLAIN/LOGIN/XOAUTH2/OAUTHBEARER, ID,
 * NAMESPACE, ENABLE, LIST, STATUS, EXAMINE, NOOP and LOGOUT. Every command is recorded so tests can prove that a
 * probe never wrote (no SELECT, STORE, EXPUNGE, APPEND, COPY, MOVE, CREATE, DELETE).
 */
import net from 'node:net';
import tls from 'node:tls';
import type { KeyAndCert } from './certs';

export interface ImapUser {
	password?: string;
	/** Accepted as XOAUTH2 or OAUTHBEARER bearer token. */
	accessToken?: string;
}

export interface ImapServerOptions {
	/** Implicit TLS (like port 993). Needs `tls`. */
	secure?: boolean;
	/** Key and certificate for implicit TLS and STARTTLS. */
	tls?: KeyAndCert;
	/** Offer STARTTLS on a plain connection; default: true when `tls` is given and not `secure`. */
	starttls?: boolean;
	/** Advertise LOGINDISABLED and no AUTH= before TLS (RFC 3501 behaviour of Dovecot and Exchange). */
	loginDisabledBeforeTls?: boolean;
	/** Send the CAPABILITY list in lower case (RFC 3501 9: capability names are atoms, compared case-insensitively). */
	lowerCaseCapabilities?: boolean;
	/** SASL mechanisms to advertise (default PLAIN, LOGIN, XOAUTH2); `[]` advertises none. */
	authMechanisms?: string[];
	users?: Record<string, ImapUser>;
	/** Folder name → message count (default INBOX with 3). */
	folders?: Record<string, number>;
	/** The greeting line, or false to never greet (a server that accepts but stays silent). */
	greeting?: string | false;
	/** How a failed login is answered: Exchange (`NO AUTHENTICATE failed.`) or Dovecot (`NO [AUTHENTICATIONFAILED] …`). */
	failureStyle?: 'exchange' | 'dovecot';
	/** Accept the login, then answer every command with Exchange's `BAD User is authenticated but not connected.` */
	authenticatedButNotConnected?: boolean;
	/** Close the connection when a login command arrives (connection dropped during AUTH). */
	dropOnAuth?: boolean;
	/** Folder → the tagged reply (without tag) to STATUS and EXAMINE of it, whether the folder exists or not. */
	statusReply?: Record<string, string>;
}

export interface ImapTestServer {
	host: '127.0.0.1';
	port: number;
	/** Every command received, as `NAME args` without the tag, credentials masked. */
	readonly commands: string[];
	close(): Promise<void>;
}

const WRITE_COMMANDS = new Set([
	'SELECT',
	'STORE',
	'UID',
	'EXPUNGE',
	'APPEND',
	'COPY',
	'MOVE',
	'CREATE',
	'DELETE',
	'RENAME',
]);

export async function startImapServer(options: ImapServerOptions = {}): Promise<ImapTestServer> {
	const sockets = new Set<net.Socket>();
	const commands: string[] = [];
	const handle = (socket: net.Socket, secure: boolean) => {
		sockets.add(socket);
		// replies go out line by line; Nagle would hold each next line for the client's delayed ACK (40 ms)
		socket.setNoDelay(true);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => socket.destroy());
		new ImapSession(socket, secure, options, commands).start();
	};
	const server = options.secure
		? tls.createServer({ key: options.tls?.key, cert: options.tls?.cert }, (socket) => handle(socket, true))
		: net.createServer((socket) => handle(socket, false));
	server.on('tlsClientError', () => undefined);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as net.AddressInfo).port;
	return {
		host: '127.0.0.1',
		port,
		commands,
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}

class ImapSession {
	private buffer = '';
	private authenticated = false;
	private pending: { tag: string; mechanism: string; step: number; user?: string } | undefined;

	constructor(
		private socket: net.Socket,
		private secure: boolean,
		private readonly options: ImapServerOptions,
		private readonly commands: string[],
	) {}

	start(): void {
		this.listen();
		if (this.options.greeting !== false) this.send(this.options.greeting ?? '* OK IMAP4rev1 mailcfg test server ready');
	}

	private listen(): void {
		this.socket.on('data', (chunk: Buffer) => {
			this.buffer += chunk.toString('utf8');
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

	private capabilities(): string {
		const caps = ['IMAP4rev1', 'ID', 'NAMESPACE', 'ENABLE'];
		const canStartTls =
			!this.secure && (this.options.starttls ?? (this.options.tls !== undefined && !this.options.secure));
		if (canStartTls) caps.push('STARTTLS');
		if (!this.secure && this.options.loginDisabledBeforeTls) caps.push('LOGINDISABLED');
		else caps.push(...(this.options.authMechanisms ?? ['PLAIN', 'LOGIN', 'XOAUTH2']).map((m) => `AUTH=${m}`));
		const list = caps.join(' ');
		return this.options.lowerCaseCapabilities ? list.toLowerCase() : list;
	}

	/** Returns 'upgraded' when the socket was replaced by a TLS socket (the old data listener must stop). */
	private onLine(line: string): 'upgraded' | undefined {
		if (this.pending) {
			this.continueAuth(line);
			return undefined;
		}
		const match = /^(\S+) (\S+)(?: (.*))?$/.exec(line);
		if (!match) {
			this.send('* BAD Invalid tag');
			return undefined;
		}
		const [, tag, rawName, args = ''] = match as unknown as [string, string, string, string | undefined];
		const name = rawName.toUpperCase();
		this.commands.push(
			name === 'LOGIN'
				? 'LOGIN ***'
				: name === 'AUTHENTICATE'
					? `AUTHENTICATE ${args.split(' ')[0]}`
					: `${name} ${args}`.trim(),
		);
		if (this.authenticated && this.options.authenticatedButNotConnected && name !== 'LOGOUT') {
			this.send(`${tag} BAD User is authenticated but not connected.`);
			return undefined;
		}
		if (WRITE_COMMANDS.has(name)) {
			this.send(`${tag} NO [CANNOT] This test server is read-only`);
			return undefined;
		}
		switch (name) {
			case 'CAPABILITY':
				this.send(`* CAPABILITY ${this.capabilities()}`);
				this.send(`${tag} OK CAPABILITY completed.`);
				return undefined;
			case 'NOOP':
			case 'ENABLE':
				this.send(`${tag} OK ${name} completed.`);
				return undefined;
			case 'ID':
				this.send('* ID ("name" "mailcfg-test")');
				this.send(`${tag} OK ID completed.`);
				return undefined;
			case 'NAMESPACE':
				this.send('* NAMESPACE (("" "/")) NIL NIL');
				this.send(`${tag} OK NAMESPACE completed.`);
				return undefined;
			case 'STARTTLS':
				return this.startTls(tag);
			case 'LOGIN':
				this.login(tag, args);
				return undefined;
			case 'AUTHENTICATE':
				this.authenticate(tag, args);
				return undefined;
			case 'LIST':
				this.list(tag, args);
				return undefined;
			case 'STATUS':
				this.status(tag, args);
				return undefined;
			case 'EXAMINE':
				this.examine(tag, args);
				return undefined;
			case 'LOGOUT':
				this.send('* BYE Logging out');
				this.send(`${tag} OK LOGOUT completed.`);
				this.socket.end();
				return undefined;
			default:
				this.send(`${tag} BAD Command not recognized`);
				return undefined;
		}
	}

	private startTls(tag: string): 'upgraded' | undefined {
		if (this.secure || !this.options.tls) {
			this.send(`${tag} BAD STARTTLS not available`);
			return undefined;
		}
		this.send(`${tag} OK Begin TLS negotiation now.`);
		this.socket.removeAllListeners('data');
		const secureSocket = new tls.TLSSocket(this.socket, {
			isServer: true,
			secureContext: tls.createSecureContext({ key: this.options.tls.key, cert: this.options.tls.cert }),
		});
		secureSocket.on('error', () => secureSocket.destroy());
		this.socket = secureSocket;
		this.secure = true;
		this.buffer = '';
		this.listen();
		return 'upgraded';
	}

	private folders(): Record<string, number> {
		return this.options.folders ?? { INBOX: 3 };
	}

	private requireAuth(tag: string): boolean {
		if (!this.authenticated) this.send(`${tag} NO Not authenticated.`);
		return this.authenticated;
	}

	private login(tag: string, args: string): void {
		if (this.options.dropOnAuth) {
			this.socket.destroy();
			return;
		}
		if (!this.secure && this.options.loginDisabledBeforeTls) {
			this.send(`${tag} NO [PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure connections.`);
			return;
		}
		const [user = '', password = ''] = parseStrings(args);
		this.finishAuth(tag, this.options.users?.[user]?.password === password && password !== '', 'LOGIN');
	}

	private authenticate(tag: string, args: string): void {
		if (this.options.dropOnAuth) {
			this.socket.destroy();
			return;
		}
		const [mechanism = '', initial] = args.split(' ');
		const upper = mechanism.toUpperCase();
		const offered = this.options.authMechanisms ?? ['PLAIN', 'LOGIN', 'XOAUTH2'];
		if (!offered.includes(upper) || (!this.secure && this.options.loginDisabledBeforeTls)) {
			this.send(`${tag} NO Unsupported authentication mechanism.`);
			return;
		}
		this.pending = { tag, mechanism: upper, step: 0 };
		if (initial !== undefined) this.continueAuth(initial);
		else this.send(upper === 'LOGIN' ? `+ ${Buffer.from('Username:').toString('base64')}` : '+ ');
	}

	private continueAuth(line: string): void {
		const pending = this.pending as NonNullable<ImapSession['pending']>;
		if (line === '*') {
			this.pending = undefined;
			this.send(`${pending.tag} BAD AUTHENTICATE cancelled.`);
			return;
		}
		const decoded = Buffer.from(line, 'base64').toString('utf8');
		if (pending.mechanism === 'PLAIN') {
			const [, user = '', password = ''] = decoded.split('\0');
			this.pending = undefined;
			this.finishAuth(
				pending.tag,
				this.options.users?.[user]?.password === password && password !== '',
				'AUTHENTICATE',
			);
		} else if (pending.mechanism === 'LOGIN') {
			if (pending.step === 0) {
				pending.user = decoded;
				pending.step = 1;
				this.send(`+ ${Buffer.from('Password:').toString('base64')}`);
				return;
			}
			this.pending = undefined;
			const ok = this.options.users?.[pending.user ?? '']?.password === decoded && decoded !== '';
			this.finishAuth(pending.tag, ok, 'AUTHENTICATE');
		} else if (pending.mechanism === 'OAUTHBEARER' || pending.mechanism === 'XOAUTH2') {
			// A failed bearer login answers with an error challenge; the client's reply to it (step 1) ends the command.
			if (pending.step === 1) {
				this.pending = undefined;
				this.finishAuth(pending.tag, false, 'AUTHENTICATE');
				return;
			}
			const [first = '', ...fields] = decoded.split('\u0001');
			// RFC 7628 3.1: OAUTHBEARER has the user in its gs2 header "n,a=<user>,"; XOAUTH2 sends user=<user>^A...
			const user =
				pending.mechanism === 'OAUTHBEARER'
					? (/(?:^|,)a=([^,]*)/.exec(first)?.[1] ?? '')
					: first.startsWith('user=')
						? first.slice(5)
						: '';
			const token = fields.find((f) => /^auth=Bearer /i.test(f))?.slice(12) ?? '';
			const expected = this.options.users?.[user]?.accessToken;
			if (expected !== undefined && token === expected) {
				this.pending = undefined;
				this.finishAuth(pending.tag, true, 'AUTHENTICATE');
				return;
			}
			pending.step = 1;
			// RFC 7628 3.2.2 (OAUTHBEARER) and Microsoft's XOAUTH2 error: a JSON challenge.
			const challenge =
				pending.mechanism === 'OAUTHBEARER'
					? { status: 'invalid_token' }
					: { status: '401', schemes: 'bearer', scope: 'https://outlook.office365.com/.default' };
			this.send(`+ ${Buffer.from(JSON.stringify(challenge)).toString('base64')}`);
		}
	}

	private finishAuth(tag: string, ok: boolean, command: 'LOGIN' | 'AUTHENTICATE'): void {
		if (ok) {
			this.authenticated = true;
			this.send(`${tag} OK ${command} completed.`);
		} else if (this.options.failureStyle === 'dovecot') {
			this.send(`${tag} NO [AUTHENTICATIONFAILED] Authentication failed.`);
		} else {
			this.send(`${tag} NO ${command} failed.`);
		}
	}

	private list(tag: string, args: string): void {
		if (!this.requireAuth(tag)) return;
		const [, pattern = '*'] = parseStrings(args);
		const matcher = new RegExp(
			`^${pattern
				.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
				.replace(/\*/g, '.*')
				.replace(/%/g, '[^/]*')}$`,
			'i',
		);
		for (const name of Object.keys(this.folders())) {
			if (matcher.test(name)) this.send(`* LIST (\\HasNoChildren) "/" ${quote(name)}`);
		}
		this.send(`${tag} OK LIST completed.`);
	}

	/** A scripted refusal of STATUS/EXAMINE for this folder, sent when there is one. */
	private refused(tag: string, name: string): boolean {
		const reply = this.options.statusReply?.[name];
		if (reply !== undefined) this.send(`${tag} ${reply}`);
		return reply !== undefined;
	}

	private status(tag: string, args: string): void {
		if (!this.requireAuth(tag)) return;
		const [name = ''] = parseStrings(args);
		if (this.refused(tag, name)) return;
		const count = this.folders()[name];
		if (count === undefined) {
			this.send(`${tag} NO [NONEXISTENT] Unknown Mailbox: ${name}`);
			return;
		}
		this.send(`* STATUS ${quote(name)} (MESSAGES ${count} UNSEEN ${Math.min(count, 1)})`);
		this.send(`${tag} OK STATUS completed.`);
	}

	private examine(tag: string, args: string): void {
		if (!this.requireAuth(tag)) return;
		const [name = ''] = parseStrings(args);
		if (this.refused(tag, name)) return;
		const count = this.folders()[name];
		if (count === undefined) {
			this.send(`${tag} NO [NONEXISTENT] Unknown Mailbox: ${name}`);
			return;
		}
		this.send(`* ${count} EXISTS`);
		this.send('* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)');
		this.send(`${tag} OK [READ-ONLY] EXAMINE completed.`);
	}
}

function quote(value: string): string {
	return /^[A-Za-z0-9_.-]+$/.test(value) ? value : `"${value.replace(/(["\\])/g, '\\$1')}"`;
}

/** Splits IMAP arguments into atoms and quoted strings (enough for LOGIN, LIST, STATUS, EXAMINE). */
function parseStrings(args: string): string[] {
	const out: string[] = [];
	const pattern = /"((?:[^"\\]|\\.)*)"|(\([^)]*\))|(\S+)/g;
	let match: RegExpExecArray | null;
	while ((match = pattern.exec(args))) {
		out.push(match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : (match[2] ?? match[3] ?? ''));
	}
	return out;
}
