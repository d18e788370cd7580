/**
 * The token request of the production wiring (no injected network client, no extra CA) must end with its stage.
 * Only a child process can run that path against loopback: msal's default client trusts the test CA solely through
 * NODE_EXTRA_CA_CERTS, which Node reads at start-up. The authority answers discovery and then never answers the
 * token request; the child has to exit on its own right after the stage timeout, leaving no socket open.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { assertNoCanary, canary } from '../../../support/canaries';
import { testCerts } from '../../../support/certs';
import { type OidcServer, TEST_APPS, TEST_TENANT, startTestAuthority } from '../../../support/oidc-server';

const TENANT = '11111111-2222-3333-4444-555555555555';
const STAGE_MS = 800;
/** Far below undici's 300 s header timeout, which is what would end a request nobody aborted. */
const EXIT_WITHIN_MS = 15_000;

let server: https.Server;
/** The Entra look-alike, answering under its own address (no routing: the child uses the production client). */
let oidc: OidcServer;
let authority: string;
let dir: string;

before(async () => {
	const certs = await testCerts();
	server = https.createServer({ key: certs.server.key, cert: certs.server.cert }, (request, response) => {
		if (request.method === 'GET' && request.url?.includes('/.well-known/openid-configuration')) {
			const base = `${authority}/oauth2/v2.0`;
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end(
				JSON.stringify({
					issuer: `${authority}/v2.0`,
					token_endpoint: `${base}/token`,
					authorization_endpoint: `${base}/authorize`,
					device_authorization_endpoint: `${base}/devicecode`,
					end_session_endpoint: `${base}/logout`,
					jwks_uri: `${authority}/discovery/v2.0/keys`,
					response_types_supported: ['code'],
				}),
			);
			return;
		}
		// The token request: read it, never answer.
		request.resume();
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	authority = `https://localhost:${(server.address() as AddressInfo).port}/${TENANT}`;
	oidc = await startTestAuthority(certs.server, { publicBaseUrl: '' });
	dir = await mkdtemp(join(tmpdir(), 'mailcfg-oauth2-abort-'));
	await writeFile(join(dir, 'ca.pem'), certs.caCert);
});

after(async () => {
	server.closeAllConnections();
	await new Promise((done) => server.close(done));
	await oidc.stop();
	await rm(dir, { recursive: true, force: true });
});

interface ChildOutcome {
	/** What the child printed: the check's failed stage, error code and the stages that passed. */
	result: { failedStage?: string; code?: string; passed?: string[] };
	/** False when the child had to be killed: something kept its event loop alive. */
	exited: boolean;
	stderr: string;
}

/** Runs probeOAuth2 for an app-only account at `authorityUrl` in a child that trusts the test CA system-wide. */
async function probeInChild(authorityUrl: string, clientId: string, secret: string): Promise<ChildOutcome> {
	const oauth2Module = resolve('src/core/probes/oauth2.ts');
	const script = `
		// tsx loads the TypeScript module as CommonJS: its exports arrive as the default export.
		const loaded = await import(${JSON.stringify(oauth2Module)});
		const { probeOAuth2 } = loaded.probeOAuth2 ? loaded : loaded.default;
		const account = {
			id: 'app', email: 'import@contoso.test',
			auth: { method: 'oauth2', user: 'import@contoso.test',
				oauth2: { flow: 'client-credentials', clientId: ${JSON.stringify(clientId)},
					authority: ${JSON.stringify(authorityUrl)}, clientSecret: '\${secret:APP}' } },
			imap: { host: 'localhost', port: 993, security: 'tls' },
		};
		const ctx = { lang: 'en', clock: () => new Date(),
			timeouts: { connectMs: ${STAGE_MS}, greetingMs: ${STAGE_MS}, stageMs: ${STAGE_MS} },
			// The local authority is not Microsoft's: allowed explicitly, as a user would.
			trust: { frontEnd: 'cli', policy: { allowEnv: [], allowCleartext: false, allowKeyFiles: [], keyFileRoots: [],
				allowAuthorities: [new URL(${JSON.stringify(authorityUrl)}).origin] } } };
		const { check } = await probeOAuth2(account, { clientSecret: ${JSON.stringify(secret)} }, ctx);
		const passed = check.stages.filter((s) => s.ok).map((s) => s.name);
		const summary = { failedStage: check.failedStage, code: check.error?.code, passed };
		process.stdout.write(JSON.stringify({ summary, check }));
	`;
	const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
		env: { ...process.env, NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem') },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const exited = await new Promise<boolean>((done) => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			done(false);
		}, EXIT_WITHIN_MS);
		child.once('exit', () => {
			clearTimeout(timer);
			done(true);
		});
	});
	// The whole check went through stdout: the secret must be in none of it, nor in anything the child logged.
	assertNoCanary({ stdout, stderr }, [secret]);
	const printed = JSON.parse(stdout || '{}') as { summary?: ChildOutcome['result'] };
	return { result: printed.summary ?? {}, exited, stderr };
}

test('client credentials: a token endpoint that never answers does not keep the process alive', async () => {
	const { result, exited, stderr } = await probeInChild(authority, 'aaaaaaaa-0000-0000-0000-000000000001', canary());
	assert.deepEqual(result, { failedStage: 'token', code: 'TIMEOUT', passed: ['authority'] }, stderr);
	assert.ok(exited, 'the process did not exit after the report: a socket outlived the stage');
});

test('client credentials: the production network client obtains a token from a real authority', async () => {
	const { result, exited, stderr } = await probeInChild(
		`${oidc.url}/${TEST_TENANT.id}`,
		TEST_APPS.importer.clientId,
		TEST_APPS.importer.secret,
	);
	assert.deepEqual(result.passed?.slice(0, 2), ['authority', 'token'], `${JSON.stringify(result)} ${stderr}`);
	assert.ok(exited);
});
