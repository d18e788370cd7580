/**
 * Every probe error code of the registry (PROBE_ERRORS in src/core/probes/result.ts), produced by a real probe
 * against a server started here on loopback: the IMAP and SMTP test servers, the raw fault server, the Entra
 * look-alike for msal-node, or a few lines of node:net/node:tls where a server has to misbehave in one exact way.
 * The table is keyed by code and the test iterates the registry, so a new code without a scenario fails (and does
 * not type-check). A code that no loopback server can cause is listed in NOT_ON_LOOPBACK with the reason.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import tls from 'node:tls';
import { after, describe, test } from 'node:test';
import { systemClock } from '../../../../src/core/clock';
import type { Account } from '../../../../src/core/config/model';
import { DEFAULT_TIMEOUTS } from '../../../../src/core/probes/context';
import { probeImap } from '../../../../src/core/probes/imap';
import { probeOAuth2 } from '../../../../src/core/probes/oauth2';
import { PROBE_ERRORS, type ProbeCheck, type ProbeErrorCode } from '../../../../src/core/probes/result';
import { probeSmtp, sendTestMail } from '../../../../src/core/probes/smtp';
import { startFaultServer } from '../../../support/fault-server';
import { startImapServer } from '../../../support/imap-server';
import { testNetworkClient } from '../../../support/msal-network';
import { type OidcServer, startTestAuthority, TEST_APPS, TEST_TENANT, TEST_USER } from '../../../support/oidc-server';
import { probeHarness, stageNames } from '../../../support/probe-harness';
import { startSmtpServer } from '../../../support/smtp-server';

const USER = 'codes@example.test';
const PASSWORD = 'Codes-Canary-5d0e91';
// Generous: on a loaded 2-core machine a TLS handshake can take a second; only the TIMEOUT row waits this long.
const harness = probeHarness({ connectMs: 5000, greetingMs: 2000, stageMs: 5000 });

let oidc: OidcServer | undefined;
/** The Entra look-alike, started by the first OAuth2 scenario. */
async function authority(): Promise<OidcServer> {
	oidc ??= await startTestAuthority(harness.certs.server);
	return oidc;
}
after(() => oidc?.stop());

type Security = 'tls' | 'starttls' | 'none';

function imapAccount(port: number, security: Security, extra: Partial<NonNullable<Account['imap']>> = {}): Account {
	return {
		id: 'codes',
		email: USER,
		auth: { method: 'password', user: USER, password: '${secret:CODES}' },
		imap: { host: 'localhost', port, security, folder: 'INBOX', ...extra },
	};
}

function smtpAccount(port: number, security: Security, extra: Partial<NonNullable<Account['smtp']>> = {}): Account {
	return {
		id: 'codes',
		email: USER,
		auth: { method: 'password', user: USER, password: '${secret:CODES}' },
		smtp: { host: 'localhost', port, security, ...extra },
	};
}

const imapServer = (options: Parameters<typeof startImapServer>[0]) =>
	harness.track(
		startImapServer({
			tls: harness.certs.server,
			users: { [USER]: { password: PASSWORD } },
			folders: { INBOX: 3 },
			...options,
		}),
	);

const smtpServer = (options: Parameters<typeof startSmtpServer>[0]) =>
	harness.track(startSmtpServer({ tls: harness.certs.server, users: { [USER]: { password: PASSWORD } }, ...options }));

/** A port on loopback that nothing listens on any more. */
async function closedPort(): Promise<number> {
	const server = await harness.silentServer();
	const { port } = server;
	await (server as unknown as { close(): Promise<void> }).close();
	return port;
}

/** A plain TCP server that sends one greeting line to every client and closes the connection. */
function greetingServer(line: string): Promise<{ port: number; close(): Promise<void> }> {
	return harness.track(
		new Promise((resolve) => {
			const sockets = new Set<net.Socket>();
			const server = net.createServer((socket) => {
				sockets.add(socket);
				socket.on('error', () => undefined);
				socket.on('close', () => sockets.delete(socket));
				socket.end(`${line}\r\n`);
			});
			server.listen(0, '127.0.0.1', () =>
				resolve({
					port: (server.address() as net.AddressInfo).port,
					close: () =>
						new Promise<void>((done) => {
							for (const socket of sockets) socket.destroy();
							server.close(() => done());
						}),
				}),
			);
		}),
	);
}

/** A TLS server that speaks TLS 1.2 at most: a client that insists on TLS 1.3 cannot complete the handshake. */
function tls12Server(): Promise<{ port: number; close(): Promise<void> }> {
	return harness.track(
		new Promise((resolve) => {
			const sockets = new Set<net.Socket>();
			const server = tls.createServer({ ...harness.certs.server, maxVersion: 'TLSv1.2' }, (socket) =>
				socket.end('* OK never reached\r\n'),
			);
			server.on('connection', (socket: net.Socket) => {
				sockets.add(socket);
				socket.on('error', () => undefined);
				socket.on('close', () => sockets.delete(socket));
			});
			server.on('tlsClientError', () => undefined);
			server.listen(0, '127.0.0.1', () =>
				resolve({
					port: (server.address() as net.AddressInfo).port,
					close: () =>
						new Promise<void>((done) => {
							for (const socket of sockets) socket.destroy();
							server.close(() => done());
						}),
				}),
			);
		}),
	);
}

async function oauthContext() {
	const { url } = await authority();
	return {
		lang: 'en' as const,
		clock: systemClock,
		timeouts: { ...DEFAULT_TIMEOUTS, stageMs: 5000 },
		oauth2: {
			networkClient: testNetworkClient({
				ca: harness.certs.caCert,
				route: { 'https://login.microsoftonline.com': url },
			}),
		},
	};
}

const appOnlyAccount: Account = {
	id: 'codes-oauth',
	email: 'import@contoso.test',
	provider: 'microsoft365',
	auth: {
		method: 'oauth2',
		user: TEST_USER.upn,
		oauth2: { flow: 'client-credentials', tenant: TEST_TENANT.id, clientId: TEST_APPS.importer.clientId },
	},
	imap: { host: 'outlook.office365.com', port: 993, security: 'tls', folder: 'INBOX' },
};

interface Scenario {
	/** What the server does, in a user's words. */
	name: string;
	stage: string;
	run(): Promise<ProbeCheck>;
	/** What the server said must be shown (the reply line the code was derived from). */
	said?: RegExp;
}

const SCENARIOS: Record<Exclude<ProbeErrorCode, keyof typeof NOT_ON_LOOPBACK>, Scenario> = {
	DNS_NOT_FOUND: {
		// Asked of a DNS server on loopback (NXDOMAIN), so not even the lookup leaves the machine.
		name: 'a host name the DNS server does not know',
		stage: 'dns',
		run: async () => {
			const dns = await harness.dnsServer();
			return probeImap(
				imapAccount(993, 'tls', { host: 'mail.no-such-host.invalid' }),
				{ password: PASSWORD },
				harness.ctx({ dnsServers: [dns.address] }),
			);
		},
	},
	CONNECTION_REFUSED: {
		name: 'nothing listens on the port',
		stage: 'tcp',
		run: async () => probeSmtp(smtpAccount(await closedPort(), 'starttls'), { password: PASSWORD }, harness.ctx()),
	},
	CONNECTION_CLOSED: {
		name: 'SMTP greeting 554 (the server refuses the session outright)',
		stage: 'greeting',
		said: /^554 /,
		run: async () => {
			const { port } = await greetingServer('554 mail.example.test ESMTP not accepting messages');
			return probeSmtp(smtpAccount(port, 'none'), { password: PASSWORD }, harness.ctx());
		},
	},
	TIMEOUT: {
		name: 'the server accepts the connection and never greets',
		stage: 'greeting',
		run: async () => {
			const { port } = await harness.silentServer();
			return probeImap(imapAccount(port, 'starttls'), { password: PASSWORD }, harness.ctx());
		},
	},
	TLS_MODE_MISMATCH: {
		name: 'implicit TLS configured against a plain-text port',
		stage: 'tls',
		run: async () => {
			const { port } = await imapServer({ secure: false });
			return probeImap(imapAccount(port, 'tls'), { password: PASSWORD }, harness.ctx());
		},
	},
	TLS_CERT_INVALID: {
		name: 'a self-signed server certificate',
		stage: 'tls',
		run: async () => {
			const { port } = await smtpServer({ secure: true, tls: harness.certs.selfSigned });
			return probeSmtp(smtpAccount(port, 'tls'), { password: PASSWORD }, harness.ctx());
		},
	},
	TLS_NEGOTIATION: {
		name: 'the config demands TLS 1.3, the server speaks TLS 1.2 at most',
		stage: 'tls',
		run: async () => {
			const { port } = await tls12Server();
			const account = imapAccount(port, 'tls', { tls: { minVersion: 'TLSv1.3' } });
			return probeImap(account, { password: PASSWORD }, harness.ctx());
		},
	},
	STARTTLS_UNAVAILABLE: {
		name: 'STARTTLS configured, the server does not offer it',
		stage: 'starttls',
		run: async () => {
			const { port } = await smtpServer({ secure: false, starttls: false });
			return probeSmtp(smtpAccount(port, 'starttls'), { password: PASSWORD }, harness.ctx());
		},
	},
	AUTH_MECHANISM_UNSUPPORTED: {
		name: 'the SMTP server does not announce AUTH at all',
		stage: 'auth',
		run: async () => {
			const { port } = await smtpServer({ secure: true, authMethods: [] });
			return probeSmtp(smtpAccount(port, 'tls'), { password: PASSWORD }, harness.ctx());
		},
	},
	AUTH_FAILED: {
		name: 'a wrong password (Dovecot-style reply)',
		stage: 'auth',
		said: /AUTHENTICATIONFAILED/,
		run: async () => {
			const { port } = await imapServer({ secure: true, failureStyle: 'dovecot' });
			return probeImap(imapAccount(port, 'tls'), { password: 'not-the-password' }, harness.ctx());
		},
	},
	OAUTH_TOKEN: {
		name: 'the client secret is wrong',
		stage: 'token',
		said: /AADSTS7000215/,
		run: async () =>
			(await probeOAuth2(appOnlyAccount, { clientSecret: 'the-secret-ID-not-its-value' }, await oauthContext())).check,
	},
	OAUTH_CLAIMS: {
		name: 'the authority issues a token for Microsoft Graph, not for Exchange Online',
		stage: 'claims',
		run: async () => {
			const ctx = await oauthContext();
			const server = await authority();
			server.setTokenOverrides({ audience: 'https://graph.microsoft.com' });
			try {
				return (await probeOAuth2(appOnlyAccount, { clientSecret: TEST_APPS.importer.secret }, ctx)).check;
			} finally {
				server.setTokenOverrides({});
			}
		},
	},
	FOLDER_NOT_FOUND: {
		name: 'the import folder does not exist',
		stage: 'folder',
		run: async () => {
			const { port } = await imapServer({ secure: true });
			return probeImap(imapAccount(port, 'tls', { folder: 'Rechnungen' }), { password: PASSWORD }, harness.ctx());
		},
	},
	FOLDER_REFUSED: {
		name: 'the folder exists but may not be read (RFC 5530 NOPERM)',
		stage: 'folder',
		said: /NOPERM/,
		run: async () => {
			const { port } = await imapServer({ secure: true, statusReply: { INBOX: 'NO [NOPERM] Permission denied' } });
			return probeImap(imapAccount(port, 'tls'), { password: PASSWORD }, harness.ctx());
		},
	},
	THROTTLED: {
		name: 'SMTP greeting 421 with "too many connections"',
		stage: 'greeting',
		said: /^421 /,
		run: async () => {
			const { port } = await harness.track(
				startFaultServer({ protocol: 'smtp', fault: 'refuse', tls: harness.certs.server, secure: false }),
			);
			return probeSmtp(smtpAccount(port, 'starttls'), { password: PASSWORD }, harness.ctx());
		},
	},
	SEND_FAILED: {
		name: 'the test mail is sent as an address the mailbox may not send as (Exchange 5.7.60)',
		stage: 'send',
		said: /5\.7\.60/,
		run: async () => {
			const { port } = await smtpServer({ secure: true, sendAsOwnAddressOnly: true });
			const account = smtpAccount(port, 'tls', { from: 'buchhaltung@example.test' });
			return sendTestMail(account, 'admin@example.test', { password: PASSWORD }, harness.ctx());
		},
	},
	PROTOCOL: {
		name: 'the server greets with something that is not SMTP',
		stage: 'greeting',
		run: async () => {
			const { port } = await greetingServer('HTTP/1.1 400 Bad Request');
			return probeSmtp(smtpAccount(port, 'none'), { password: PASSWORD }, harness.ctx());
		},
	},
	CONFIG: {
		// Decided before any connection by design: a half-written config must not reach the network.
		name: 'a host with a line break in it (no connection is made)',
		stage: '',
		run: () =>
			probeImap(imapAccount(993, 'tls', { host: 'bad host\r\nA1 LOGOUT' }), { password: PASSWORD }, harness.ctx()),
	},
	CANCELLED: {
		name: 'the user cancels while the server has not greeted yet',
		stage: 'greeting',
		run: async () => {
			const { port } = await harness.silentServer();
			const controller = new AbortController();
			setTimeout(() => controller.abort(), 100);
			const slow = { connectMs: 5000, greetingMs: 5000, stageMs: 5000 };
			return probeSmtp(
				smtpAccount(port, 'starttls'),
				{ password: PASSWORD },
				harness.ctx({ signal: controller.signal, timeouts: slow }),
			);
		},
	},
};

/** Codes no server on loopback can cause, each with the reason; they are tested without a server elsewhere. */
const NOT_ON_LOOPBACK = {
	UNKNOWN:
		'the fallback for a thrown value no known library shape matches; every way a server can fail maps to a specific code (the 17 faults of fault-servers.test.ts included), so only a synthetic error reaches it (classify.test.ts)',
} as const;

describe('every probe error code, produced against loopback', () => {
	test('the registry and the table agree: each code has a scenario or a reason', () => {
		const covered = [...Object.keys(SCENARIOS), ...Object.keys(NOT_ON_LOOPBACK)].sort();
		assert.deepEqual(covered, Object.keys(PROBE_ERRORS).sort());
		for (const code of Object.keys(NOT_ON_LOOPBACK)) assert.ok(!(code in SCENARIOS), `${code} is in both lists`);
	});

	for (const [code, scenario] of Object.entries(SCENARIOS)) {
		test(`${code}: ${scenario.name}`, async () => {
			const check = await scenario.run();
			assert.equal(check.ok, false, stageNames(check));
			assert.equal(check.error?.code, code, JSON.stringify([check.failedStage, check.error]));
			assert.equal(check.failedStage ?? '', scenario.stage, stageNames(check));
			assert.equal(check.error?.message.length ? true : false, true, 'a message for the user');
			if (scenario.said) assert.match(check.error?.serverResponse ?? '', scenario.said);
			assert.ok(!JSON.stringify(check).includes(PASSWORD), 'the password leaked into the check');
		});
	}
});
