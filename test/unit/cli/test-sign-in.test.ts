/**
 * `mailcfg test` with interactive OAuth2 flows against the local Entra look-alike. The account names the local
 * authority in `auth.oauth2.authority` (the CLI has no network seam), trusted through `--ca`; msal runs for real.
 * Only the terminal is the test's own: whether stdin is a TTY, and the browser launcher.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { CliIo } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { testCerts } from '../../support/certs';
import { assertNoCanary } from '../../support/canaries';
import { type OidcServer, TEST_APPS, TEST_TENANT, TEST_USER, startOidcServer } from '../../support/oidc-server';

let oidc: OidcServer;
let ca: string;
let dir: string;

before(async () => {
	const certs = await testCerts();
	ca = certs.caCert;
	oidc = await startOidcServer({
		tls: certs.server,
		tenants: [TEST_TENANT],
		clients: [{ clientId: TEST_APPS.desktop.clientId, tenant: TEST_TENANT.id, publicClient: true }],
		users: [TEST_USER],
	});
	dir = await mkdtemp(join(tmpdir(), 'mailcfg-cli-sign-in-'));
	await writeFile(join(dir, 'ca.pem'), ca);
	const account = (id: string, flow: 'device-code' | 'authorization-code') => ({
		id,
		email: TEST_USER.upn,
		provider: 'microsoft365',
		auth: {
			method: 'oauth2',
			user: TEST_USER.upn,
			oauth2: { flow, clientId: TEST_APPS.desktop.clientId, authority: `${oidc.url}/${TEST_TENANT.id}` },
		},
	});
	await writeFile(
		join(dir, 'interactive.mailaccounts.json'),
		JSON.stringify({ accounts: [account('device', 'device-code'), account('browser', 'authorization-code')] }),
	);
});
after(async () => {
	await oidc.stop();
	await rm(dir, { recursive: true, force: true });
});

interface Run {
	code: number;
	stdout: string;
	stderr: string;
	opened: string[];
}

/** Runs the command; `onStderr` sees each stderr write as it happens (the prompt comes while the test runs). */
async function cli(
	args: string[],
	options: { interactive: boolean; onStderr?: (text: string) => void; openUrl?: (url: string) => Promise<void> },
): Promise<Run> {
	let stdout = '';
	let stderr = '';
	const opened: string[] = [];
	const io: CliIo = {
		stdout: (t) => (stdout += t),
		stderr: (t) => {
			stderr += t;
			options.onStderr?.(t);
		},
		readStdin: () => Promise.resolve(''),
		env: {},
		cwd: dir,
		terminal: {
			interactive: options.interactive,
			openUrl: (url) => {
				opened.push(url);
				return options.openUrl?.(url) ?? Promise.resolve();
			},
		},
	};
	const code = await main(
		[
			'test',
			'interactive.mailaccounts.json',
			...['--ca', 'ca.pem', '--lang', 'en', '--format', 'json', '--allow-authority', oidc.url],
			...args,
		],
		io,
	);
	// No token the authority handed out may reach an output.
	assertNoCanary({ stdout, stderr }, oidc.issued);
	return { code, stdout, stderr, opened };
}

interface JsonCheck {
	protocol: string;
	ok: boolean;
	failedStage?: string;
	error?: { code: string; message: string };
	stages: { name: string; ok: boolean }[];
}

function oauthCheck(stdout: string): JsonCheck {
	const json = JSON.parse(stdout) as { accounts: { checks: JsonCheck[] }[] };
	const check = json.accounts[0]?.checks[0];
	assert.ok(check);
	return check;
}

/** Plays the user's browser: asks the local authority to sign in, then follows its redirect to the loopback. */
async function signInInBrowser(url: string): Promise<void> {
	const authorize = new URL(url);
	const location = await new Promise<string | undefined>((resolve, reject) => {
		https
			.get(url, { ca }, (response) => {
				response.resume();
				resolve(response.headers.location);
			})
			.on('error', reject);
	});
	assert.equal(authorize.origin, oidc.url, 'the sign-in address is the configured authority');
	assert.ok(location && location.startsWith('http://localhost:'), location);
	await (await fetch(location)).text();
}

const ADDRESS = /https:\/\/\S+/;

test('device code in a terminal: the prompt goes to stderr, the token never appears, the report to stdout', async () => {
	oidc.deviceCode.pendingPolls = 2;
	const run = await cli(['--account', 'device'], { interactive: true });
	oidc.deviceCode.pendingPolls = 0;
	assert.equal(run.code, 0, run.stdout);
	assert.match(
		run.stderr,
		/^Sign in as carol@contoso\.test: open https:\/\/microsoft\.com\/devicelogin and enter the code [0-9A-F]{8}\n$/,
	);
	const check = oauthCheck(run.stdout);
	assert.equal(check.protocol, 'oauth2');
	assert.deepEqual(
		check.stages.map((s) => `${s.name}:${s.ok}`),
		['authority:true', 'token:true', 'claims:true'],
	);
	assert.doesNotMatch(run.stdout + run.stderr, /eyJ[A-Za-z0-9_-]{10,}\./, 'no token in any output');
	assert.deepEqual(run.opened, []);
});

test('German prompt with --lang de', async () => {
	const run = await cli(['--account', 'device', '--lang', 'de'], { interactive: true });
	assert.equal(run.code, 0, run.stdout);
	assert.match(run.stderr, /^Als carol@contoso\.test anmelden: https:\/\/microsoft\.com\/devicelogin öffnen/);
});

test('without a terminal (CI) the sign-in fails at once as CONFIG, exit 2, and no device code is requested', async () => {
	for (const account of ['device', 'browser']) {
		const requested = oidc.requests.filter((r) => r.path.endsWith('/devicecode')).length;
		const started = Date.now();
		const run = await cli(['--account', account], { interactive: false });
		assert.equal(run.code, 2, account);
		const check = oauthCheck(run.stdout);
		assert.equal(check.failedStage, 'token');
		assert.equal(check.error?.code, 'CONFIG');
		assert.match(check.error?.message ?? '', /stdin is not a terminal \(as in CI\)/);
		assert.equal(run.stderr, '', 'nothing to prompt');
		assert.equal(oidc.requests.filter((r) => r.path.endsWith('/devicecode')).length, requested);
		assert.ok(Date.now() - started < 3000, `${account} took ${Date.now() - started} ms`);
	}
});

test('--timeout also bounds the wait for the sign-in', async () => {
	oidc.deviceCode.pendingPolls = 1000;
	const started = Date.now();
	const run = await cli(['--account', 'device', '--timeout', '800'], { interactive: true });
	oidc.deviceCode.pendingPolls = 0;
	assert.equal(run.code, 1);
	const check = oauthCheck(run.stdout);
	assert.equal(check.failedStage, 'token');
	assert.equal(check.error?.code, 'TIMEOUT');
	assert.ok(Date.now() - started < 3000);
});

test('authorization code: the address goes to stderr, no browser is started, the user signs in there', async () => {
	let signedIn: Promise<void> | undefined;
	const run = await cli(['--account', 'browser'], {
		interactive: true,
		onStderr: (text) => {
			const url = ADDRESS.exec(text)?.[0];
			if (url) signedIn = signInInBrowser(url);
		},
	});
	await signedIn;
	assert.equal(run.code, 0, run.stdout);
	assert.match(run.stderr, /^Sign in by opening this address in a browser: https:\/\/127\.0\.0\.1:\d+\/.*\n$/);
	assert.match(run.stderr, /code_challenge_method=S256/);
	assert.deepEqual(run.opened, [], 'no browser without --open-browser');
	assert.equal(oauthCheck(run.stdout).ok, true);
});

test('authorization code with --open-browser starts the browser on the address it prints', async () => {
	const run = await cli(['--account', 'browser', '--open-browser'], { interactive: true, openUrl: signInInBrowser });
	assert.equal(run.code, 0, run.stdout);
	assert.equal(run.opened.length, 1);
	assert.equal(run.opened[0], ADDRESS.exec(run.stderr)?.[0]);
});

test('a browser that cannot be started is reported, and the printed address still works', async () => {
	let signedIn: Promise<void> | undefined;
	const run = await cli(['--account', 'browser', '--open-browser'], {
		interactive: true,
		openUrl: (url) => {
			signedIn = signInInBrowser(url);
			return Promise.reject(Object.assign(new Error('spawn xdg-open ENOENT'), { code: 'ENOENT' }));
		},
	});
	await signedIn;
	assert.equal(run.code, 0, run.stdout);
	assert.match(run.stderr, /The browser could not be started \(ENOENT\); open the address yourself\./);
});
