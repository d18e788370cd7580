// A minimal SMTP submission responder for the probe bench: implicit TLS, greets at once, answers EHLO, AUTH PLAIN
// and AUTH LOGIN (after a fixed delay, like a server that checks credentials against a slow directory), NOOP, RSET and
// QUIT, and refuses everything else. Not a mail server and not used by any test.
//
// Why not smtp-server, which the tests use: it holds every greeting 100 ms to catch clients that talk too early. That
// pause is fixed, so on a bench of 7 probes in a row per lane it dominates and hides how the probes themselves scale;
// this responder shows the same bench where only AUTH costs time. The bench reports both.
import { once } from 'node:events';
import tls from 'node:tls';
import type { KeyAndCert } from '../test/support/certs';

export interface Responder {
	port: number;
	close(): Promise<void>;
}

export async function startSmtpResponder(options: {
	tls: KeyAndCert;
	user: string;
	password: string;
	authDelayMs: number;
}): Promise<Responder> {
	const plain = Buffer.from(`\0${options.user}\0${options.password}`).toString('base64');
	const sockets = new Set<tls.TLSSocket>();
	const server = tls.createServer({ key: options.tls.key, cert: options.tls.cert }, (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		// A reply is one write, as servers buffer theirs: lines written one by one wait behind Nagle for the client's
		// delayed ACK (40 ms on Linux), a pause no client can shorten that would be counted as the probe's.
		const reply = (...lines: string[]) => socket.write(lines.map((line) => `${line}\r\n`).join(''));
		const afterDelay = (ok: boolean) =>
			setTimeout(
				() => reply(ok ? '235 2.7.0 Authentication successful' : '535 5.7.8 Authentication failed'),
				options.authDelayMs,
			);
		// AUTH LOGIN asks for the user, then the password; AUTH PLAIN without an initial response asks once.
		let pending: 'plain' | 'login-user' | 'login-password' | undefined;
		let loginUser = '';
		let buffered = '';
		socket.on('error', () => socket.destroy());
		socket.on('data', (chunk: Buffer) => {
			buffered += chunk.toString('latin1');
			for (let end = buffered.indexOf('\r\n'); end >= 0; end = buffered.indexOf('\r\n')) {
				const line = buffered.slice(0, end);
				buffered = buffered.slice(end + 2);
				if (pending === 'plain') {
					pending = undefined;
					afterDelay(line === plain);
				} else if (pending === 'login-user') {
					loginUser = Buffer.from(line, 'base64').toString('utf8');
					pending = 'login-password';
					reply('334 UGFzc3dvcmQ6');
				} else if (pending === 'login-password') {
					pending = undefined;
					afterDelay(loginUser === options.user && Buffer.from(line, 'base64').toString('utf8') === options.password);
				} else {
					const [verb = '', mechanism = '', initial] = line.split(' ');
					switch (verb.toUpperCase()) {
						case 'EHLO':
							reply('250-bench.invalid', '250-8BITMIME', '250 AUTH PLAIN LOGIN');
							break;
						case 'AUTH':
							if (mechanism.toUpperCase() === 'PLAIN' && initial) {
								afterDelay(initial === plain);
							} else if (mechanism.toUpperCase() === 'PLAIN') {
								pending = 'plain';
								reply('334 ');
							} else if (mechanism.toUpperCase() === 'LOGIN') {
								pending = 'login-user';
								reply('334 VXNlcm5hbWU6');
							} else {
								reply('504 5.5.4 Unrecognized authentication type');
							}
							break;
						case 'NOOP':
						case 'RSET':
							reply('250 2.0.0 OK');
							break;
						case 'QUIT':
							reply('221 2.0.0 Bye');
							socket.end();
							break;
						default:
							reply('502 5.5.2 Command not implemented');
					}
				}
			}
		});
		reply('220 bench.invalid ESMTP ready');
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	return {
		port: (server.address() as { port: number }).port,
		close: () =>
			new Promise((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}
