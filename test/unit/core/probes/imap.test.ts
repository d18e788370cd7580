import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Account } from '../../../../src/core/config/model';
import type { ProbeContext } from '../../../../src/core/probes/context';
import { probeImap } from '../../../../src/core/probes/imap';
import type { ProbeCheck } from '../../../../src/core/probes/result';
import { type TestCerts, testCerts } from '../../../support/certs';
import { type ImapServerOptions, type ImapTestServer, startImapServer } from '../../../support/imap-server';
import { startSilentServer } from '../../../support/smtp-server';

const USER = 'alice@example.test';
const PASSWORD = 'Imap-Pa55word!x';
const TOKEN = 'eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJodHRwczovL291dGxvb2sub2ZmaWNlMzY1LmNvbSJ9.c2lnbmF0dXJlLXZhbHVl';

let certs: TestCerts;
const servers: { close(): Promise<void> }[] = [];

before(async () => {
	certs = await testCerts();
});
after(async () => {
	await Promise.all(servers.map((s) => s.close()));
});

function ctx(extra: Partial<ProbeContext> = {}): ProbeContext {
	return {
		lang: 'en',
		clock: () => new Date(),
		timeouts: { connectMs: 1500, greetingMs: 400, stageMs: 2000 },
		extraCa: [certs.caCert],
		...extra,
	};
}

function account(port: number, security: 'tls' | 'starttls' | 'none', extra: Partial<Account> = {}): Account {
	return {
		id: 'imap-test',
		email: USER,
		auth: { method: 'password', user: USER, password: '${secret:IMAP_PW}' },
		imap: { host: 'localhost', port, security, folder: 'Cubes-Import' },
		...extra,
	};
}

async function server(options: ImapServerOptions): Promise<ImapTestServer> {
	const started = await startImapServer({
		tls: certs.server,
		users: { [USER]: { password: PASSWORD, accessToken: TOKEN } },
		folders: { INBOX: 7, 'Cubes-Import': 2 },
		...options,
	});
	servers.push(started);
	return started;
}

function stageNames(check: ProbeCheck): string {
	return check.stages.map((s) => `${s.name}:${s.ok ? 'ok' : 'fail'}`).join(' ');
}

describe('IMAP probe against the loopback IMAP server', () => {
	test('implicit TLS: every stage passes and the folder count is read', async () => {
		const srv = await server({ secure: true });
		const check = await probeImap(account(srv.port, 'tls'), { password: PASSWORD }, ctx());
		assert.equal(check.ok, true, JSON.stringify(check.error));
		assert.equal(stageNames(check), 'dns:ok tcp:ok tls:ok greeting:ok capabilities:ok auth:ok folder:ok');
		const tls = check.stages.find((s) => s.name === 'tls');
		assert.match(tls?.detail ?? '', /^TLSv1\.[23] \S+ · CN=localhost · trusted$/);
		assert.equal(tls?.facts?.issuer, 'CN=mailcfg Test CA');
		assert.ok((tls?.facts?.altNames as string[]).includes('IP Address:127.0.0.1'));
		const folder = check.stages.find((s) => s.name === 'folder');
		assert.equal(folder?.facts?.messages, 2);
		assert.match(check.stages.find((s) => s.name === 'auth')?.detail ?? '', /AUTHENTICATE PLAIN/);
	});

	test('STARTTLS: upgrade, capabilities after TLS, login, folder', async () => {
		const srv = await server({ secure: false, loginDisabledBeforeTls: true });
		const check = await probeImap(account(srv.port, 'starttls'), { password: PASSWORD }, ctx());
		assert.equal(check.ok, true, JSON.stringify(check.error));
		assert.equal(stageNames(check), 'dns:ok tcp:ok greeting:ok starttls:ok capabilities:ok auth:ok folder:ok');
		const starttls = check.stages.find((s) => s.name === 'starttls');
		assert.ok((starttls?.facts?.capabilitiesBeforeTls as string[]).includes('LOGINDISABLED'));
		assert.ok(
			(check.stages.find((s) => s.name === 'capabilities')?.facts?.authMechanisms as string[]).includes('PLAIN'),
		);
	});

	test('the probe only reads: no SELECT, STORE, EXPUNGE, APPEND, COPY, MOVE, CREATE or DELETE reaches the server', async () => {
		const srv = await server({ secure: true });
		const check = await probeImap(account(srv.port, 'tls'), { password: PASSWORD }, ctx());
		assert.equal(check.ok, true);
		const names = srv.commands.map((c) => c.split(' ')[0]);
		assert.deepEqual(
			names.filter((n) =>
				['SELECT', 'STORE', 'UID', 'EXPUNGE', 'APPEND', 'COPY', 'MOVE', 'CREATE', 'DELETE', 'RENAME'].includes(n ?? ''),
			),
			[],
		);
		assert.ok(names.includes('STATUS'));
		assert.equal(names.at(-1), 'LOGOUT', 'the session ends with LOGOUT');
	});

	test('XOAUTH2 with an access token logs in; a wrong token fails at auth with the server reply', async () => {
		const srv = await server({ secure: true });
		const oauth = account(srv.port, 'tls', {
			auth: { method: 'oauth2', user: USER, oauth2: { flow: 'client-credentials', clientId: 'x' } },
		});
		const good = await probeImap(oauth, { accessToken: TOKEN }, ctx());
		assert.equal(good.ok, true, JSON.stringify(good.error));
		assert.match(good.stages.find((s) => s.name === 'auth')?.detail ?? '', /XOAUTH2/);
		const bad = await probeImap(oauth, { accessToken: `${TOKEN}x` }, ctx());
		assert.equal(bad.failedStage, 'auth');
		assert.equal(bad.error?.code, 'AUTH_FAILED');
		assert.equal(bad.error?.serverResponse, 'NO AUTHENTICATE failed.');
		assert.doesNotMatch(JSON.stringify([good, bad]), /eyJ0eXAi|c2lnbmF0dXJlLXZhbHVl/);
	});

	// Each case: server setup, the account's security mode, expected failed stage and code.
	const failures: {
		name: string;
		setup: () => Promise<{ port: number }>;
		security: 'tls' | 'starttls' | 'none';
		password?: string;
		folder?: string;
		stage: string;
		code: string;
		serverResponse?: string | RegExp;
		message?: RegExp;
	}[] = [
		{
			name: 'wrong password, Exchange wording',
			setup: () => server({ secure: true }),
			security: 'tls',
			password: 'wrong-password',
			stage: 'auth',
			code: 'AUTH_FAILED',
			serverResponse: 'NO AUTHENTICATE failed.',
		},
		{
			name: 'wrong password, Dovecot wording',
			setup: () => server({ secure: true, failureStyle: 'dovecot' }),
			security: 'tls',
			password: 'wrong-password',
			stage: 'auth',
			code: 'AUTH_FAILED',
			serverResponse: 'NO [AUTHENTICATIONFAILED] Authentication failed.',
		},
		{
			name: "Exchange's 'authenticated but not connected'",
			setup: () => server({ secure: true, authenticatedButNotConnected: true }),
			security: 'tls',
			stage: 'auth',
			code: 'AUTH_FAILED',
			serverResponse: 'BAD User is authenticated but not connected.',
		},
		{
			name: 'import folder missing',
			setup: () => server({ secure: true }),
			security: 'tls',
			folder: 'Rechnungen',
			stage: 'folder',
			code: 'FOLDER_NOT_FOUND',
			serverResponse: 'NO Unknown Mailbox: Rechnungen',
		},
		{
			name: 'STARTTLS not offered',
			setup: () => server({ secure: false, starttls: false }),
			security: 'starttls',
			stage: 'starttls',
			code: 'STARTTLS_UNAVAILABLE',
		},
		{
			name: 'LOGINDISABLED on a plain connection',
			setup: () => server({ secure: false, starttls: false, loginDisabledBeforeTls: true }),
			security: 'none',
			stage: 'auth',
			code: 'AUTH_MECHANISM_UNSUPPORTED',
			message: /LOGINDISABLED/,
		},
		{
			name: 'connection dropped during AUTH',
			setup: () => server({ secure: true, dropOnAuth: true }),
			security: 'tls',
			stage: 'auth',
			code: 'CONNECTION_CLOSED',
		},
		{
			name: 'implicit TLS against a STARTTLS port',
			setup: () => server({ secure: false }),
			security: 'tls',
			stage: 'tls',
			code: 'TLS_MODE_MISMATCH',
			message: /plain text.*993/,
		},
		{
			name: 'plain text against an implicit-TLS port',
			setup: () => server({ secure: true }),
			security: 'starttls',
			stage: 'greeting',
			code: 'TLS_MODE_MISMATCH',
			message: /TLS handshake.*security "tls"/,
		},
		{
			name: 'a server that never greets',
			setup: async () => {
				const silent = await startSilentServer();
				servers.push(silent);
				return silent;
			},
			security: 'starttls',
			stage: 'greeting',
			code: 'TIMEOUT',
		},
		{
			name: 'expired certificate',
			setup: () => server({ secure: true, tls: certs.expired }),
			security: 'tls',
			stage: 'tls',
			code: 'TLS_CERT_INVALID',
			message: /expired on \d{4}-\d{2}-\d{2}/,
		},
		{
			name: 'self-signed certificate',
			setup: () => server({ secure: true, tls: certs.selfSigned }),
			security: 'tls',
			stage: 'tls',
			code: 'TLS_CERT_INVALID',
			message: /self-signed/,
		},
		{
			name: 'certificate for another host',
			setup: () => server({ secure: true, tls: certs.wrongHost }),
			security: 'tls',
			stage: 'tls',
			code: 'TLS_CERT_INVALID',
			message: /wrong\.example.*not for localhost/,
		},
	];

	for (const c of failures) {
		test(`${c.name} → ${c.stage} / ${c.code}`, async () => {
			const { port } = await c.setup();
			const acc = account(port, c.security);
			if (c.folder && acc.imap) acc.imap.folder = c.folder;
			const started = Date.now();
			const check = await probeImap(acc, { password: c.password ?? PASSWORD }, ctx());
			assert.equal(check.ok, false);
			assert.equal(check.failedStage, c.stage, stageNames(check));
			assert.equal(check.error?.code, c.code, check.error?.message);
			if (typeof c.serverResponse === 'string') assert.equal(check.error?.serverResponse, c.serverResponse);
			else if (c.serverResponse) assert.match(check.error?.serverResponse ?? '', c.serverResponse);
			if (c.message) assert.match(check.error?.message ?? '', c.message);
			// every stage before the failed one passed, and the whole check stayed within its budget
			assert.ok(check.stages.slice(0, -1).every((s) => s.ok));
			assert.ok(Date.now() - started < 6000);
			assert.doesNotMatch(JSON.stringify(check), new RegExp(PASSWORD.replace(/[!]/g, '\\!')));
		});
	}

	test('the rejected certificate is still described in the failed stage', async () => {
		const srv = await server({ secure: true, tls: certs.expired });
		const check = await probeImap(account(srv.port, 'tls'), { password: PASSWORD }, ctx());
		const tls = check.stages.find((s) => s.name === 'tls');
		assert.equal(tls?.ok, false);
		assert.equal(tls?.facts?.trusted, false);
		assert.equal(tls?.facts?.verificationError, 'CERT_HAS_EXPIRED');
		assert.equal(tls?.facts?.subject, 'CN=localhost');
	});

	test('tls.rejectUnauthorized false in the config accepts the self-signed certificate and says so', async () => {
		const srv = await server({ secure: true, tls: certs.selfSigned });
		const acc = account(srv.port, 'tls');
		if (acc.imap) acc.imap.tls = { rejectUnauthorized: false };
		const check = await probeImap(acc, { password: PASSWORD }, ctx());
		assert.equal(check.ok, true, JSON.stringify(check.error));
		assert.match(
			check.stages.find((s) => s.name === 'tls')?.detail ?? '',
			/not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT\)/,
		);
	});

	test('nothing listening → tcp / CONNECTION_REFUSED', async () => {
		const silent = await startSilentServer();
		const port = silent.port;
		await silent.close();
		const check = await probeImap(account(port, 'tls'), { password: PASSWORD }, ctx());
		assert.equal(check.failedStage, 'tcp');
		assert.equal(check.error?.code, 'CONNECTION_REFUSED');
	});

	test('a host that does not resolve → dns / DNS_NOT_FOUND', async () => {
		const acc = account(993, 'tls');
		if (acc.imap) acc.imap.host = 'no-such-host.invalid';
		const check = await probeImap(acc, { password: PASSWORD }, ctx());
		assert.equal(check.failedStage, 'dns');
		assert.equal(check.error?.code, 'DNS_NOT_FOUND');
	});

	test('cancellation mid-probe closes the connection at once → CANCELLED', async () => {
		const silent = await startSilentServer();
		servers.push(silent);
		const controller = new AbortController();
		const started = Date.now();
		setTimeout(() => controller.abort(), 100);
		const check = await probeImap(
			account(silent.port, 'starttls'),
			{ password: PASSWORD },
			ctx({ signal: controller.signal, timeouts: { connectMs: 5000, greetingMs: 5000, stageMs: 5000 } }),
		);
		assert.equal(check.failedStage, 'greeting');
		assert.equal(check.error?.code, 'CANCELLED');
		assert.ok(Date.now() - started < 1000, 'ends right after the abort, not at the timeout');
	});

	test('German messages when the context asks for German', async () => {
		const srv = await server({ secure: true });
		const check = await probeImap(account(srv.port, 'tls'), { password: 'falsch' }, ctx({ lang: 'de' }));
		assert.equal(check.error?.message, 'Der Server hat die Anmeldung abgelehnt.');
	});

	test('an incomplete config is a CONFIG failure naming the property, before any connection', async () => {
		const acc = account(993, 'tls');
		if (acc.imap) acc.imap.host = 'bad host\r\nA1 LOGOUT';
		const check = await probeImap(acc, { password: PASSWORD }, ctx());
		assert.equal(check.error?.code, 'CONFIG');
		assert.match(check.error?.message ?? '', /"imap\.host"/);
		assert.deepEqual(check.stages, []);
	});
});
