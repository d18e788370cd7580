/**
 * Fuzzing `mailcfg test` (issue #9): generated accounts of every shape, hostile values included, tested for real,
 * but every endpoint rewritten to where nothing can leak: IMAP and SMTP to a closed port on 127.0.0.1 or a host
 * under `.invalid`, OAuth2 authorities under `.invalid` (refused unless allowed, and never reachable). The command
 * ends in bounded time with exit 0, 1 or 2, its text and JSON are printable, and the secrets the environment holds
 * (canaries) appear nowhere.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { assertNoCanary, canary } from '../support/canaries';
import { runTestCommand } from '../support/cli-exit';
import { account } from './arbitraries';
import { assertPrintable, assertPrintableStrings, fuzz, within } from './support';

const dir = mkdtempSync(join(tmpdir(), 'mailcfg-fuzz-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const ENV = { MAILCFG_PW: canary(), MAILCFG_APP_SECRET: canary(), MAILCFG_SECRET_IMPORT_PASSWORD: canary() };
const TIMEOUT_MS = 500;

/** A port on 127.0.0.1 that refuses connections: taken from the OS, then closed. */
let closedPort = 0;
before(async () => {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	closedPort = (server.address() as { port: number }).port;
	await new Promise((resolve) => server.close(resolve));
});

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A complete account that would run every check; the fuzzer replaces some of its parts. */
const BASE = {
	id: 'base',
	email: 'import@contoso.com',
	auth: { method: 'password', user: 'import@contoso.com', password: '${env:MAILCFG_PW}' },
	imap: { host: 'h', port: 993, security: 'tls' },
	smtp: { host: 'h', port: 587, security: 'starttls' },
};
const KEYS = ['id', 'email', 'provider', 'displayName', 'auth', 'imap', 'smtp', 'timeouts', '__proto__', 'constructor'];

/** BASE with the chosen keys taken from the generated account (removed where it has none). */
function overlay(generated: unknown, keys: string[]): Record<string, unknown> {
	const out: Record<string, unknown> = { ...BASE };
	const source = isRecord(generated) ? generated : {};
	for (const key of keys) {
		if (Object.hasOwn(source, key)) {
			Object.defineProperty(out, key, { value: source[key], enumerable: true, configurable: true, writable: true });
		} else delete out[key];
	}
	return out;
}

/** The account with every place it could connect to moved where nothing is reachable. */
function contained(value: unknown, unreachable: boolean): unknown {
	if (!isRecord(value)) return value;
	const out = { ...value };
	for (const protocol of ['imap', 'smtp']) {
		const endpoint = out[protocol];
		if (isRecord(endpoint)) {
			out[protocol] = unreachable
				? { ...endpoint, host: 'mail.example.invalid' }
				: { ...endpoint, host: '127.0.0.1', port: closedPort };
		}
	}
	const auth = out.auth;
	if (isRecord(auth) && isRecord(auth.oauth2)) {
		out.auth = { ...auth, oauth2: { ...auth.oauth2, authority: 'https://login.example.invalid' } };
	}
	return out;
}

test('fuzz: mailcfg test ends in bounded time with clean output and no secret, for any account', () =>
	fuzz(
		'test-cli',
		fc.record({
			accounts: fc.array(fc.tuple(account, fc.subarray(KEYS), fc.boolean()), { minLength: 1, maxLength: 3 }),
			format: fc.constantFrom('text', 'json'),
		}),
		async ({ accounts, format }) => {
			const file = { accounts: accounts.map(([a, keys, unreachable]) => contained(overlay(a, keys), unreachable)) };
			writeFileSync(join(dir, 'a.mailaccounts.json'), JSON.stringify(file));
			const args = ['a.mailaccounts.json', '--format', format, '--timeout', `${TIMEOUT_MS}`, '--lang', 'en'];
			// Each check has at most a handful of stages of TIMEOUT_MS each; nothing here should come near it.
			const run = await within(30_000, 'mailcfg test', () =>
				runTestCommand(dir, args, ENV, {
					interactive: false,
					openUrl: () => Promise.resolve(),
				}),
			);
			assert.ok([0, 1, 2].includes(run.code), `exit ${run.code}: ${run.stderr}`);
			assertPrintable(run.stderr, 'stderr');
			if (format === 'text' || run.code === 2) assertPrintable(run.stdout, 'stdout');
			else assertPrintableStrings(JSON.parse(run.stdout), 'json');
			assertNoCanary({ stdout: run.stdout, stderr: run.stderr }, Object.values(ENV));
		},
		15,
	));
