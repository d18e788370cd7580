import assert from 'node:assert/strict';
import * as net from 'node:net';
import { describe, test } from 'node:test';
import type { ProbeContext } from '../../../../src/core/probes/context';
import type { Account } from '../../../../src/core/config/model';
import { probeImap as imapProbe } from '../../../../src/core/probes/imap';
import { WELL_KNOWN_PORTS } from '../../../../src/core/probes/target';
import { type ImapServerOptions, type ImapTestServer, startImapServer } from '../../../support/imap-server';
import {
	type FailureCase,
	LOOPBACK_NAME,
	assertCancelsDuringGreeting,
	assertFailure,
	probeHarness,
	stageNames,
	transportFailures,
} from '../../../support/probe-harness';
import { canary } from '../../../support/canaries';
import { CanaryWatch } from '../../../support/canary-watch';
import { startSilentServer } from '../../../support/smtp-server';

const USER = 'alice@example.test';
const PASSWORD = canary({ wire: true });
const WRONG = canary({ wire: true });
const TOKEN = 'eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJodHRwczovL291dGxvb2sub2ZmaWNlMzY1LmNvbSJ9.c2lnbmF0dXJlLXZhbHVl';

const harness = probeHarness({ connectMs: 1500, greetingMs: 400, stageMs: 2000 });
// Every check of this file is rendered (JSON, text report, diagnostic) and searched for the canaries as it comes.
const watch = new CanaryWatch([PASSWORD, WRONG, TOKEN]);
const probeImap = watch.wrap(imapProbe);
const ctx = (extra: Partial<ProbeContext> = {}) => harness.ctx({ logger: watch.logger, ...extra });

function account(port: number, security: 'tls' | 'starttls' | 'none', extra: Partial<Account> = {}): Account {
	return {
		id: 'imap-test',
		email: USER,
		auth: { method: 'password', user: USER, password: '${secret:IMAP_PW}' },
		imap: { host: 'localhost', port, security, folder: 'Cubes-Import' },
		...extra,
	};
}

function server(options: ImapServerOptions): Promise<ImapTestServer> {
	return harness.track(
		startImapServer({
			tls: harness.certs.server,
			users: { [USER]: { password: PASSWORD, accessToken: TOKEN } },
			folders: { INBOX: 7, 'Cubes-Import': 2 },
			...options,
		}),
	);
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
	const failures: (FailureCase & { folder?: string })[] = [
		{
			name: 'wrong password, Exchange wording',
			setup: () => server({ secure: true }),
			security: 'tls',
			password: WRONG,
			stage: 'auth',
			code: 'AUTH_FAILED',
			serverResponse: 'NO AUTHENTICATE failed.',
		},
		{
			name: 'wrong password, Dovecot wording',
			setup: () => server({ secure: true, failureStyle: 'dovecot' }),
			security: 'tls',
			password: WRONG,
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
			name: 'LOGINDISABLED on a plain connection',
			setup: () => server({ secure: false, starttls: false, loginDisabledBeforeTls: true }),
			security: 'none',
			stage: 'auth',
			code: 'AUTH_MECHANISM_UNSUPPORTED',
			message: /LOGINDISABLED/,
		},
		{
			name: 'expired certificate',
			setup: () => server({ secure: true, tls: harness.certs.expired }),
			security: 'tls',
			stage: 'tls',
			code: 'TLS_CERT_INVALID',
			message: /expired on \d{4}-\d{2}-\d{2}/,
		},
		// A tagged NO/BAD to STATUS is a folder failure whatever its wording, and the reply is kept (issue #10).
		{
			name: 'BAD Invalid mailbox name (no response code)',
			setup: () => server({ secure: true, statusReply: { 'Cubes/Import': 'BAD Invalid mailbox name' } }),
			security: 'tls',
			folder: 'Cubes/Import',
			stage: 'folder',
			code: 'FOLDER_NOT_FOUND',
			serverResponse: 'BAD Invalid mailbox name',
		},
		{
			// a non-conforming server or proxy: neither OK nor NO/BAD to STATUS. The user needs its words, not a guess.
			name: 'STATUS answered with neither OK nor NO/BAD',
			setup: () => server({ secure: true, statusReply: { 'Cubes-Import': 'ERROR STATUS not supported here' } }),
			security: 'tls',
			stage: 'folder',
			code: 'PROTOCOL',
			serverResponse: /^[A-Za-z0-9.]+ ERROR STATUS not supported here$/,
		},
		{
			name: "NO Mailbox doesn't exist without [NONEXISTENT]",
			setup: () => server({ secure: true, statusReply: { Rechnungen: "NO Mailbox doesn't exist: Rechnungen" } }),
			security: 'tls',
			folder: 'Rechnungen',
			stage: 'folder',
			code: 'FOLDER_NOT_FOUND',
			serverResponse: /Mailbox doesn't exist: Rechnungen/,
		},
		{
			// RFC 5530 3: NOPERM, for a folder that exists but may not be read
			name: 'NO [NOPERM] on an existing folder',
			setup: () =>
				server({ secure: true, statusReply: { 'Cubes-Import': 'NO [NOPERM] Permission denied (read access)' } }),
			security: 'tls',
			stage: 'folder',
			code: 'FOLDER_REFUSED',
			serverResponse: 'NO [NOPERM] Permission denied (read access)',
		},
		{
			// Exchange Online's generic refusal of a command argument it cannot parse
			name: 'BAD Command Argument Error. 11 (Exchange)',
			setup: () => server({ secure: true, statusReply: { 'Cubes-Import': 'BAD Command Argument Error. 11' } }),
			security: 'tls',
			stage: 'folder',
			code: 'FOLDER_REFUSED',
			serverResponse: 'BAD Command Argument Error. 11',
		},
		...transportFailures(harness, server, WELL_KNOWN_PORTS.imap),
	];

	for (const c of failures) {
		test(`${c.name} → ${c.stage} / ${c.code}`, async () => {
			const { port } = await c.setup();
			const acc = account(port, c.security);
			if (c.folder && acc.imap) acc.imap.folder = c.folder;
			const startedAt = Date.now();
			const check = await probeImap(acc, { password: c.password ?? PASSWORD }, ctx());
			assertFailure(check, c, { startedAt, withinMs: 6000, secret: PASSWORD });
		});
	}

	test('LOGINDISABLED (in any letter case) is refused by the probe itself, before the login library takes over', async () => {
		// RFC 3501: capability names compare case-insensitively. Seeing LOGINDISABLED, the probe stops after CAPABILITY:
		// no password goes out, and the report quotes no unrelated reply (handed over, imapflow would send ID first and
		// its "OK ID completed" would end up as the server's words for a login refusal).
		for (const lowerCaseCapabilities of [false, true]) {
			const srv = await server({ secure: false, starttls: false, loginDisabledBeforeTls: true, lowerCaseCapabilities });
			const check = await probeImap(account(srv.port, 'none'), { password: PASSWORD }, ctx());
			assert.equal(check.failedStage, 'auth');
			assert.equal(check.error?.code, 'AUTH_MECHANISM_UNSUPPORTED');
			assert.match(check.error?.message ?? '', /LOGINDISABLED/);
			assert.equal(check.error?.serverResponse, undefined);
			assert.deepEqual(
				srv.commands.filter((c) => !/^CAPABILITY$/i.test(c)),
				[],
				'nothing but CAPABILITY was sent',
			);
		}
	});

	test('a server that answers CAPABILITY with BYE: CONNECTION_CLOSED quoting the BYE line', async () => {
		// Dovecot on shutdown (and servers at their connection limit) greet, then say BYE to the next command
		const bye = '* BYE Server shutting down.';
		const srv = net.createServer((socket) => {
			socket.on('error', () => undefined);
			socket.write('* OK IMAP4rev1 ready\r\n');
			socket.on('data', () => socket.end(`${bye}\r\n`));
		});
		await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
		const port = (srv.address() as net.AddressInfo).port;
		try {
			const check = await probeImap(account(port, 'none'), { password: PASSWORD }, ctx());
			assert.equal(check.failedStage, 'capabilities');
			assert.equal(check.error?.code, 'CONNECTION_CLOSED');
			assert.equal(check.error?.serverResponse, bye);
		} finally {
			await new Promise((resolve) => srv.close(resolve));
		}
	});

	test('the rejected certificate is still described in the failed stage', async () => {
		const srv = await server({ secure: true, tls: harness.certs.expired });
		const check = await probeImap(account(srv.port, 'tls'), { password: PASSWORD }, ctx());
		const tls = check.stages.find((s) => s.name === 'tls');
		assert.equal(tls?.ok, false);
		assert.equal(tls?.facts?.trusted, false);
		assert.equal(tls?.facts?.verificationError, 'CERT_HAS_EXPIRED');
		assert.equal(tls?.facts?.subject, 'CN=localhost');
	});

	test('tls.rejectUnauthorized false in the config accepts the self-signed certificate and says so', async () => {
		const srv = await server({ secure: true, tls: harness.certs.selfSigned });
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

	test('a host that does not resolve → dns / DNS_NOT_FOUND (asked of a DNS server on loopback)', async () => {
		const dns = await harness.dnsServer();
		const acc = account(993, 'tls');
		if (acc.imap) acc.imap.host = 'no-such-host.invalid';
		const check = await probeImap(acc, { password: PASSWORD }, ctx({ dnsServers: [dns.address] }));
		assert.equal(check.failedStage, 'dns');
		assert.equal(check.error?.code, 'DNS_NOT_FOUND');
		assert.ok(
			dns.queries.some((q) => q.name === 'no-such-host.invalid'),
			'the probe asked the given server',
		);
	});

	test('a name the given DNS server knows is resolved there and connected to', async () => {
		const dns = await harness.dnsServer();
		const srv = await server({ secure: true });
		const acc = account(srv.port, 'tls');
		if (acc.imap) acc.imap.host = LOOPBACK_NAME;
		const check = await probeImap(acc, { password: PASSWORD }, ctx({ dnsServers: [dns.address] }));
		// The test certificate names localhost, not this name: the check gets past DNS and TCP and stops at TLS.
		assert.equal(stageNames(check).split(' tls')[0], 'dns:ok tcp:ok');
		assert.deepEqual(check.stages[0]?.facts?.addresses, ['127.0.0.1']);
	});

	test('cancellation mid-probe closes the connection at once → CANCELLED', () =>
		assertCancelsDuringGreeting(harness, (port, context) =>
			probeImap(account(port, 'starttls'), { password: PASSWORD }, context),
		));

	test('German messages when the context asks for German', async () => {
		const srv = await server({ secure: true });
		const check = await probeImap(account(srv.port, 'tls'), { password: WRONG }, ctx({ lang: 'de' }));
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

	test('secret canaries: no password, wrong password or token in any output of these checks', () =>
		watch.assertWatched());
});
