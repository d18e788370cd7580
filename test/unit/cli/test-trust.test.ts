/**
 * Hostile configs against `mailcfg test`: a config from someone else's pull request must not send a secret anywhere
 * the user did not allow. Each refused config points at loopback listeners that record everything; the tests assert
 * the exit code, the message (variable and flag named) and that the listeners received nothing at all. Remote hosts
 * are under `.invalid`: the refusal happens before any DNS lookup or connection.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { testCerts } from '../../support/certs';
import { startDnsServer } from '../../support/dns-server';
import { type OidcServer, TEST_APPS, TEST_TENANT, TEST_USER, startOidcServer } from '../../support/oidc-server';
import { type RecordingServer, startRecordingServer } from '../../support/recording-server';
import { assertNoCanary, canary } from '../../support/canaries';
import { runTestCommand } from '../../support/cli-exit';

/** The environment a CI job would have: every value a canary that no output may carry. */
const ENV = {
	HOOK_NOT_ALLOWED: canary(),
	AWS_SECRET_ACCESS_KEY: canary(),
	GITHUB_TOKEN: canary(),
	MAILCFG_OK: canary(),
	MAILCFG_PW: canary(),
	MAILCFG_APP_SECRET: TEST_APPS.importer.secret,
};
/** The private key the hostile configs point at (its longest base64 line too, for a partial leak). */
let keyCanaries: string[] = [];

let dir: string;
let recorder: RecordingServer;
let collector: RecordingServer;
let oidc: OidcServer;

before(async () => {
	const certs = await testCerts();
	recorder = await startRecordingServer();
	collector = await startRecordingServer();
	// An authority whose metadata sends the token endpoint to another origin (the collector).
	oidc = await startOidcServer({
		tls: certs.server,
		tenants: [TEST_TENANT],
		clients: [{ clientId: TEST_APPS.importer.clientId, tenant: TEST_TENANT.id, secret: TEST_APPS.importer.secret }],
		users: [TEST_USER],
		publicBaseUrl: `https://127.0.0.1:${collector.port}`,
	});
	dir = await mkdtemp(join(tmpdir(), 'mailcfg-cli-trust-'));
	await mkdir(join(dir, 'repo'));
	await mkdir(join(dir, 'home'));
	await writeFile(join(dir, 'ca.pem'), certs.caCert);
	await writeFile(join(dir, 'home', 'id_rsa.pem'), certs.server.key);
	keyCanaries = [certs.server.key, certs.server.key.split('\n').reduce((a, b) => (b.length > a.length ? b : a), '')];
	await symlink(join(dir, 'home', 'id_rsa.pem'), join(dir, 'repo', 'innocent.pem'));
});
after(async () => {
	await Promise.all([recorder.close(), collector.close(), oidc.stop()]);
	await rm(dir, { recursive: true, force: true });
});

/** Every run's output is searched for every canary of the environment and the key, in all encodings. */
async function cli(args: string[], env: Record<string, string> = {}) {
	const run = await runTestCommand(dir, args, env, { interactive: false, openUrl: () => Promise.resolve() });
	assertNoCanary({ stdout: run.stdout, stderr: run.stderr }, [...Object.values(ENV), ...keyCanaries]);
	return run;
}

let configs = 0;
async function config(accounts: unknown[]): Promise<string> {
	const path = join('repo', `hostile-${++configs}.mailaccounts.json`);
	await writeFile(join(dir, path), JSON.stringify({ accounts }));
	return path;
}

const passwordAccount = (id: string, password: string, smtp: Record<string, unknown>) => ({
	id,
	email: 'ci@example.invalid',
	auth: { method: 'password', user: 'ci@example.invalid', password },
	smtp,
});
const toRecorder = () => ({ host: '127.0.0.1', port: recorder.port, security: 'none' });

const common = ['--format', 'json', '--timeout', '1500', '--lang', 'en'];

function assertUntouched(...servers: RecordingServer[]) {
	for (const server of servers) {
		assert.equal(server.connections, 0, 'the listener was never connected to');
		assert.equal(server.received(), '');
	}
}

test('${env:NAME} outside MAILCFG_* is a config error naming the variable and the flag; nothing connects', async () => {
	for (const name of ['HOOK_NOT_ALLOWED', 'AWS_SECRET_ACCESS_KEY', 'GITHUB_TOKEN']) {
		const path = await config([passwordAccount('ci', `\${env:${name}}`, toRecorder())]);
		// cli() asserts that no value of ENV is read into a message
		const { code, stdout, stderr } = await cli([path, ...common], ENV);
		assert.equal(code, 2, name);
		assert.equal(stdout, '', 'no report: the config was refused as a whole');
		assert.match(stderr, new RegExp(`${name}.*--allow-env ${name}`));
	}
	assertUntouched(recorder);
});

test('one refused account refuses the whole config: the harmless account does not connect either', async () => {
	const path = await config([
		passwordAccount('harmless', '${env:MAILCFG_OK}', toRecorder()),
		passwordAccount('hostile', '${env:GITHUB_TOKEN}', toRecorder()),
	]);
	const { code, stderr } = await cli([path, ...common], ENV);
	assert.equal(code, 2);
	assert.match(stderr, /GITHUB_TOKEN/);
	assertUntouched(recorder);
});

test('cleartext to a remote host is refused before any lookup; --allow-cleartext is the only way', async () => {
	const remote = { host: 'mail.example.invalid', port: 25, security: 'none' };
	const path = await config([passwordAccount('plain', '${env:MAILCFG_PW}', remote)]);
	const refused = await cli([path, ...common], ENV);
	assert.equal(refused.code, 2);
	assert.match(refused.stderr, /SMTP at mail\.example\.invalid:25 is unencrypted.*--allow-cleartext/);
	// Allowed: the probe now really tries, and fails at DNS (asked of a server on loopback that does not know the
	// name, through --dns): proof the refusal came first.
	const dns = await startDnsServer({ records: [] });
	const allowed = await cli([path, ...common, '--allow-cleartext', '--dns', dns.address], ENV).finally(() =>
		dns.close(),
	);
	assert.deepEqual(
		dns.queries.map((q) => q.name),
		dns.queries.map(() => 'mail.example.invalid'),
	);
	assert.ok(dns.queries.length > 0, 'the test asked the loopback DNS server');
	assert.equal(allowed.code, 1, allowed.stderr);
	assert.equal(
		(JSON.parse(allowed.stdout) as { accounts: { checks: { failedStage: string }[] }[] }).accounts[0]?.checks[0]
			?.failedStage,
		'dns',
	);
});

test('cleartext to loopback needs no allowance, and --allow-env opens the variable: the listener is reached', async () => {
	const own = await startRecordingServer();
	try {
		const smtp = { host: '127.0.0.1', port: own.port, security: 'none' };
		const path = await config([passwordAccount('local', '${env:HOOK_NOT_ALLOWED}', smtp)]);
		const { code, stdout, stderr } = await cli(
			[path, '--format', 'json', '--timeout', '300', '--allow-env', 'HOOK_*'],
			ENV,
		);
		assert.equal(code, 1, stdout + stderr);
		assert.ok(own.connections >= 1, 'the allowed test connected');
	} finally {
		await own.close();
	}
});

const oauthAccount = (authority: string, extra: Record<string, unknown> = {}) => ({
	id: 'app',
	email: TEST_USER.upn,
	auth: {
		method: 'oauth2',
		user: TEST_USER.upn,
		oauth2: {
			flow: 'client-credentials',
			tenant: TEST_TENANT.id,
			clientId: TEST_APPS.importer.clientId,
			clientSecret: '${env:MAILCFG_APP_SECRET}',
			authority,
			...extra,
		},
	},
	imap: { host: '127.0.0.1', port: recorder.port, security: 'tls' },
});

test('an authority that is not Microsoft is refused unless allowed by origin; nothing is sent to it', async () => {
	const path = await config([oauthAccount(`https://127.0.0.1:${collector.port}/${TEST_TENANT.id}`)]);
	const { code, stderr } = await cli([path, ...common], ENV);
	assert.equal(code, 2);
	assert.match(stderr, new RegExp(`--allow-authority https://127\\.0\\.0\\.1:${collector.port}`));
	assertUntouched(collector, recorder);
	const wrong = await cli([path, ...common, '--allow-authority', `https://127.0.0.1:${collector.port}/tenant`]);
	assert.equal(wrong.code, 2);
	assert.match(wrong.stderr, /--allow-authority expects an https origin/);
});

test('a token endpoint on another origin is refused after discovery, before the secret is sent', async () => {
	const path = await config([oauthAccount(`${oidc.url}/${TEST_TENANT.id}`)]);
	const { code, stdout } = await cli([path, ...common, '--ca', 'ca.pem', '--allow-authority', oidc.url], ENV);
	assert.equal(code, 2, stdout);
	const check = (
		JSON.parse(stdout) as {
			accounts: { checks: { failedStage: string; error: { code: string; message: string } }[] }[];
		}
	).accounts[0]?.checks[0];
	assert.equal(check?.failedStage, 'authority');
	assert.equal(check?.error.code, 'CONFIG');
	assert.match(
		check?.error.message ?? '',
		new RegExp(`token_endpoint to another origin \\(https://127\\.0\\.0\\.1:${collector.port}/`),
	);
	assert.deepEqual(
		oidc.requests.map((r) => `${r.method} ${r.path}`),
		[`GET /${TEST_TENANT.id}/v2.0/.well-known/openid-configuration`],
		'the authority saw only the discovery request',
	);
	assertUntouched(collector, recorder);
	oidc.requests.length = 0;
});

test('a private key file outside the config folder (also through a link) is refused; nothing is signed or sent', async () => {
	const outside = [join(dir, 'home', 'id_rsa.pem'), '../home/id_rsa.pem', 'innocent.pem'];
	for (const privateKeyFile of outside) {
		const path = await config([
			oauthAccount(`${oidc.url}/${TEST_TENANT.id}`, {
				clientSecret: undefined,
				certificate: { thumbprint: 'AB'.repeat(20), privateKeyFile },
			}),
		]);
		const { code, stderr } = await cli([path, ...common, '--ca', 'ca.pem', '--allow-authority', oidc.url]);
		assert.equal(code, 2, privateKeyFile);
		assert.match(stderr, /outside the config file's folder.*--allow-key-file/);
	}
	assert.deepEqual(oidc.requests, [], 'the authority received nothing');
	assertUntouched(collector, recorder);
});
