/**
 * The trust policy decided from the config alone, without a connection: every host below is under `.invalid` or an
 * address literal, and nothing here opens a socket.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { accountViolations, destinationsOf } from '../../../../src/core/trust/account';
import {
	MICROSOFT_LOGIN_HOSTS,
	STRICT_POLICY,
	authorityAllowed,
	envAllowed,
	foreignEndpoints,
	isLoopbackHost,
} from '../../../../src/core/trust/policy';
import { violationMessage } from '../../../../src/core/trust/texts';

test('loopback is decided from the name alone; every other spelling counts as remote', () => {
	const cases: [string, boolean][] = [
		['localhost', true],
		['LOCALHOST.', true],
		['127.0.0.1', true],
		['127.255.255.254', true],
		['::1', true],
		['[::1]', true],
		['0:0:0:0:0:0:0:1', true],
		['::ffff:127.0.0.1', true],
		['128.0.0.1', false],
		['10.0.0.1', false],
		['0.0.0.0', false],
		['::', false],
		['127.1', false],
		['2130706433', false],
		['0x7f.0.0.1', false],
		['app.localhost', false],
		['localhost.invalid', false],
		['127.0.0.1.nip.io', false],
		['mail.example.invalid', false],
		['', false],
	];
	for (const [host, loopback] of cases) assert.equal(isLoopbackHost(host), loopback, host);
});

test('env names: MAILCFG_* always, others by exact name or PREFIX_*', () => {
	const policy = { ...STRICT_POLICY, allowEnv: ['ERP_*', 'SMTP_PASSWORD'] };
	const cases: [string, boolean][] = [
		['MAILCFG_DEMO_PASSWORD', true],
		['MAILCFG_', true],
		['mailcfg_lower', false],
		['ERP_PW', true],
		['ERP_', true],
		['ERPX', false],
		['SMTP_PASSWORD', true],
		['SMTP_PASSWORD_2', false],
		['AWS_SECRET_ACCESS_KEY', false],
		['GITHUB_TOKEN', false],
	];
	for (const [name, allowed] of cases) assert.equal(envAllowed(name, policy), allowed, name);
	assert.equal(envAllowed('ANY', { ...STRICT_POLICY, allowEnv: ['*'] }), false, 'a bare * allows nothing');
});

test("authorities: Microsoft's login hosts of every cloud, others only when allowed by origin", () => {
	const allowed = { ...STRICT_POLICY, allowAuthorities: ['https://login.example.invalid:8443'] };
	const cases: [string, boolean, boolean][] = [
		['https://login.microsoftonline.com', true, true],
		['https://login.microsoftonline.us', true, true],
		['https://login.chinacloudapi.cn', true, true],
		['https://login.partner.microsoftonline.cn', true, true],
		['https://login.microsoftonline.com:8443', false, false],
		['https://login.microsoftonline.com.example.invalid', false, false],
		['https://login.example.invalid:8443', false, true],
		['https://login.example.invalid', false, false],
		['https://127.0.0.1:42443', false, false],
	];
	for (const [origin, strict, withAllowance] of cases) {
		assert.equal(authorityAllowed(origin, STRICT_POLICY), strict, origin);
		assert.equal(authorityAllowed(origin, allowed), withAllowance, `${origin} allowed`);
	}
});

test("the Microsoft host list matches the installed msal-common's instance discovery aliases", () => {
	// Not an exported subpath: find the msal-common that msal-node itself resolves, then read the file in it.
	const common = createRequire(require.resolve('@azure/msal-node')).resolve('@azure/msal-common');
	const packageRoot = common.slice(0, common.lastIndexOf('@azure/msal-common/') + '@azure/msal-common/'.length);
	const file = join(packageRoot, 'dist/authority/AuthorityMetadata.mjs');
	assert.ok(existsSync(file), 'msal-common is installed');
	const source = readFileSync(file, 'utf8');
	const aliases = new Set(
		[...source.matchAll(/aliases:\s*\[([^\]]*)\]/g)].flatMap((m) => m[1]?.match(/[\w.-]+\.\w+/g) ?? []),
	);
	assert.ok(aliases.size >= 10, 'msal-common still lists its aliases');
	assert.deepEqual([...aliases].sort(), [...MICROSOFT_LOGIN_HOSTS].sort());
});

test('metadata endpoints must share the authority origin (Microsoft hosts may answer for each other)', () => {
	const custom = 'https://login.example.invalid';
	assert.deepEqual(
		foreignEndpoints(custom, {
			token_endpoint: 'https://attacker.example.invalid/token',
			device_authorization_endpoint: `${custom}/devicecode`,
			authorization_endpoint: 'http://login.example.invalid/authorize',
			jwks_uri: 'https://elsewhere.example.invalid/keys',
		}).map((f) => f.name),
		['token_endpoint', 'authorization_endpoint'],
	);
	assert.deepEqual(foreignEndpoints(custom, { token_endpoint: 42 }).length, 1);
	assert.deepEqual(
		foreignEndpoints(custom, Object.create({ token_endpoint: 'https://proto.invalid' }) as Record<string, unknown>),
		[],
	);
	assert.deepEqual(
		foreignEndpoints('https://login.microsoftonline.com', {
			token_endpoint: 'https://login.windows.net/t/oauth2/v2.0/token',
		}),
		[],
	);
});

const account = (overrides: Record<string, unknown>) => ({
	id: 'a',
	email: 'a@example.invalid',
	auth: { method: 'password', user: 'a@example.invalid', password: '${secret:PW}' },
	...overrides,
});

test('destinations list what goes where; violations name cleartext, authority and env before connecting', () => {
	const hostile = account({
		auth: {
			method: 'oauth2',
			user: 'a@example.invalid',
			oauth2: {
				flow: 'client-credentials',
				tenant: 'contoso.invalid',
				clientId: 'c',
				clientSecret: '${env:GITHUB_TOKEN}',
				authority: 'https://collector.example.invalid/contoso.invalid',
			},
		},
		imap: { host: 'mail.example.invalid', port: 143, security: 'none' },
		smtp: { host: '127.0.0.1', port: 25, security: 'none' },
	});
	const destinations = destinationsOf(hostile);
	assert.deepEqual(
		destinations.map((d) => [d.protocol, d.key, d.cleartext, d.secrets.map((s) => s.ref?.name), d.accessToken]),
		[
			['oauth2', 'https://collector.example.invalid', false, ['GITHUB_TOKEN'], false],
			['imap', 'mail.example.invalid:143', true, [], true],
			['smtp', '127.0.0.1:25', true, [], true],
		],
	);
	const violations = accountViolations(hostile, STRICT_POLICY);
	assert.deepEqual(
		violations.map((v) => v.kind),
		['env', 'authority', 'cleartext'],
	);
	const messages = violations.map((v) => violationMessage(v, 'en', 'cli'));
	assert.match(messages[0] ?? '', /GITHUB_TOKEN.*--allow-env GITHUB_TOKEN/);
	assert.match(
		messages[1] ?? '',
		/collector\.example\.invalid.*--allow-authority https:\/\/collector\.example\.invalid/,
	);
	assert.match(messages[2] ?? '', /IMAP at mail\.example\.invalid:143 is unencrypted.*--allow-cleartext/);
	assert.match(
		violationMessage(violations[2]!, 'de', 'editor'),
		/IMAP bei mail\.example\.invalid:143 ist unverschlüsselt/,
	);
	assert.deepEqual(
		accountViolations(hostile, {
			...STRICT_POLICY,
			allowEnv: ['GITHUB_TOKEN'],
			allowAuthorities: ['https://collector.example.invalid'],
			cleartextDestinations: ['mail.example.invalid:143'],
		}),
		[],
	);
	assert.deepEqual(
		accountViolations(hostile, {
			...STRICT_POLICY,
			allowEnv: ['GITHUB_TOKEN'],
			allowCleartext: true,
			allowAuthorities: ['https://collector.example.invalid'],
		}),
		[],
	);
});

test('an empty or missing authority means the Microsoft default, which stays listed', () => {
	for (const authority of [undefined, '']) {
		const acc = account({
			auth: {
				method: 'oauth2',
				user: 'u',
				oauth2: { flow: 'device-code', clientId: 'c', ...(authority === undefined ? {} : { authority }) },
			},
			smtp: { host: 'smtp.example.invalid', port: 587 },
		});
		assert.deepEqual(
			destinationsOf(acc).map((d) => [d.key, d.cleartext]),
			[
				['https://login.microsoftonline.com', false],
				['smtp.example.invalid:587', false],
			],
			String(authority),
		);
	}
});
