/**
 * A real SMTP server on loopback (the smtp-server package) for tests and the demo: STARTTLS or implicit TLS,
 * PLAIN / LOGIN / XOAUTH2, and scripted Microsoft 365 replies so the probe and the explanations meet the exact lines
 * Exchange Online sends. Also a silent TCP server (accepts, never speaks) for greeting timeouts of either protocol.
 */
import net from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { KeyAndCert } from './certs';

/** Replies Exchange Online sends (wording from Microsoft's docs and public issue threads, see mail-facts §1.7). */
export const MICROSOFT_SMTP_REPLIES = {
	smtpAuthDisabled: {
		code: 535,
		text: '5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.',
	},
	basicAuthNotSupported: { code: 550, text: '5.7.30 Basic authentication is not supported for Client Submission.' },
	authUnsuccessful: { code: 535, text: '5.7.3 Authentication unsuccessful' },
	clientNotAuthenticated: { code: 530, text: '5.7.57 Client not authenticated to send mail' },
	sendAsDenied: { code: 550, text: '5.7.60 SMTP; Client does not have permissions to send as this sender' },
} as const;
export type MicrosoftReply = keyof typeof MICROSOFT_SMTP_REPLIES;

export interface SmtpUser {
	password?: string;
	accessToken?: string;
}

export interface SmtpServerOptions {
	/** Implicit TLS (like port 465). Needs `tls`. */
	secure?: boolean;
	tls?: KeyAndCert;
	/** Announce STARTTLS on a plain connection (default: when `tls` is given and not `secure`). */
	starttls?: boolean;
	/**
	 * Mechanisms to announce; `[]` announces no AUTH at all (and refuses the command). OAUTHBEARER is announced only
	 * (smtp-server has no handler for it and answers `504` when a client tries it).
	 */
	authMethods?: ('PLAIN' | 'LOGIN' | 'XOAUTH2' | 'CRAM-MD5' | 'OAUTHBEARER')[];
	users?: Record<string, SmtpUser>;
	/** Answer every AUTH with this Microsoft reply, whatever the credentials. */
	authReply?: MicrosoftReply;
	/** Close the connection as soon as AUTH arrives. */
	dropOnAuth?: boolean;
	/** Answer each AUTH this many ms late (a server that checks credentials against a slow directory). */
	authDelayMs?: number;
	/** Accept MAIL FROM without login, answering it with 530 5.7.57 as Exchange does. */
	rejectUnauthenticatedSender?: boolean;
	/** Refuse MAIL FROM of any address but the logged-in user's with 550 5.7.60, as Exchange does without Send As. */
	sendAsOwnAddressOnly?: boolean;
}

export interface ReceivedMail {
	from: string;
	to: string[];
	text: string;
}

export interface SmtpTestServer {
	host: '127.0.0.1';
	port: number;
	/** Logins the server accepted or refused, without secrets. */
	readonly logins: { method: string; username: string; ok: boolean }[];
	readonly messages: ReceivedMail[];
	close(): Promise<void>;
}

function smtpError(reply: { code: number; text: string }): Error {
	return Object.assign(new Error(reply.text), { responseCode: reply.code });
}

export async function startSmtpServer(options: SmtpServerOptions = {}): Promise<SmtpTestServer> {
	const logins: SmtpTestServer['logins'] = [];
	const messages: ReceivedMail[] = [];
	const methods = options.authMethods ?? ['PLAIN', 'LOGIN', 'XOAUTH2'];
	const sockets = new Set<net.Socket>();
	const serverOptions: SMTPServerOptions = {
		secure: options.secure ?? false,
		name: 'smtp.mailcfg.test',
		banner: 'mailcfg test ESMTP',
		disableReverseLookup: true,
		hideSTARTTLS: !(options.starttls ?? (options.tls !== undefined && !options.secure)),
		authMethods: methods.length ? methods : ['PLAIN'],
		disabledCommands: methods.length ? [] : ['AUTH'],
		authOptional: options.rejectUnauthenticatedSender === true || methods.length === 0,
		...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
		logger: false,
		onAuth(auth, session, reply) {
			const callback: typeof reply = options.authDelayMs
				? (...args) => setTimeout(() => reply(...args), options.authDelayMs)
				: reply;
			const username = auth.username ?? '';
			if (options.dropOnAuth) {
				// the session's own (TLS) socket, so the client sees the connection end mid-AUTH
				for (const connection of server.connections) if (connection.id === session.id) connection._socket.destroy();
				return;
			}
			if (options.authReply) {
				logins.push({ method: auth.method, username, ok: false });
				callback(smtpError(MICROSOFT_SMTP_REPLIES[options.authReply]));
				return;
			}
			const user = options.users?.[username];
			const ok =
				auth.method === 'XOAUTH2'
					? user?.accessToken !== undefined && auth.accessToken === user.accessToken
					: auth.method === 'CRAM-MD5'
						? user?.password !== undefined && auth.validatePassword(user.password)
						: user?.password !== undefined && auth.password === user.password;
			logins.push({ method: auth.method, username, ok });
			if (ok) callback(null, { user: username });
			else if (auth.method === 'XOAUTH2')
				callback(null, { data: { status: '401', schemes: 'bearer', scope: 'https://outlook.office365.com/.default' } });
			else callback(smtpError(MICROSOFT_SMTP_REPLIES.authUnsuccessful));
		},
		onMailFrom(address, session, callback) {
			if (!session.user) callback(smtpError(MICROSOFT_SMTP_REPLIES.clientNotAuthenticated));
			else if (options.sendAsOwnAddressOnly && address.address !== session.user)
				callback(smtpError(MICROSOFT_SMTP_REPLIES.sendAsDenied));
			else callback();
		},
		onData(stream, session, callback) {
			let text = '';
			stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
			stream.on('end', () => {
				messages.push({
					from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					to: session.envelope.rcptTo.map((r) => r.address),
					text,
				});
				callback(null, 'OK: queued as mailcfg-test');
			});
		},
	};
	const server = new SMTPServer(serverOptions);
	server.on('error', () => undefined);
	// Track raw sockets so close() is immediate and dropOnAuth can cut a connection.
	server.server.on('connection', (socket: net.Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	server.server.on('secureConnection', (socket: net.Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const port = (server.server.address() as net.AddressInfo).port;
	return {
		host: '127.0.0.1',
		port,
		logins,
		messages,
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}

/** A TCP server that accepts connections and never sends a byte: a greeting that never comes. */
export async function startSilentServer(): Promise<{
	host: '127.0.0.1';
	port: number;
	/** Resolves when the first client has connected. */
	connected: Promise<void>;
	close(): Promise<void>;
}> {
	const sockets = new Set<net.Socket>();
	let accepted: () => void = () => undefined;
	const connected = new Promise<void>((resolve) => (accepted = resolve));
	const server = net.createServer((socket) => {
		accepted();
		sockets.add(socket);
		socket.on('error', () => undefined);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		host: '127.0.0.1',
		port: (server.address() as net.AddressInfo).port,
		connected,
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}
