import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Account } from '../../../src/core/config/model';
import { mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	type CredentialsOptions,
	cliSecretResolver,
	parseDotenv,
	resolveCredentials,
	secretEnvName,
} from '../../../src/core/secrets';
import { STRICT_POLICY, type TrustPolicy } from '../../../src/core/trust/policy';

/** The explicit allowance these tests need: IMPORT_PW is not a MAILCFG_ variable. */
const ALLOW_IMPORT_PW: CredentialsOptions = {
	policy: { ...STRICT_POLICY, allowEnv: ['IMPORT_PW'] },
	frontEnd: 'cli',
};
const STRICT: CredentialsOptions = { policy: STRICT_POLICY, frontEnd: 'cli' };

test('dotenv parsing: comments, export, quotes, inline comments, \\n escapes, CRLF', () => {
	const values = parseDotenv(
		[
			'# secrets for the import accounts',
			'M365_IMPORT=plain-value',
			// dotenv keeps backslashes before quotes; a value with double quotes goes in single quotes.
			`export GMX_PW='with spaces and "quotes"'`,
			'MULTI="line1\\nline2"',
			'CRLF=windows\r',
			"SINGLE='a#b'",
			'INLINE=value # comment',
			'DOTTED.name-1=x',
			'not a line',
			'',
		].join('\n'),
	);
	assert.deepEqual(Object.fromEntries(values), {
		M365_IMPORT: 'plain-value',
		GMX_PW: 'with spaces and "quotes"',
		MULTI: 'line1\nline2',
		CRLF: 'windows',
		SINGLE: 'a#b',
		INLINE: 'value',
		'DOTTED.name-1': 'x',
	});
});

test('secret env names normalise dots and dashes', () => {
	assert.equal(secretEnvName('m365.import-pw'), 'MAILCFG_SECRET_M365_IMPORT_PW');
});

const account = (auth: Account['auth']): Account => ({
	id: 'a',
	email: 'a@example.test',
	auth,
	imap: { host: 'h', port: 993, security: 'tls' },
});

test('CLI resolver: env for ${env:..}, MAILCFG_SECRET_ first, then the --secrets file', async () => {
	const resolver = cliSecretResolver(
		{ IMPORT_PW: 'from-env', MAILCFG_SECRET_APP: 'from-secret-env' },
		new Map([
			['APP', 'from-file'],
			['FILEONLY', 'file-value'],
		]),
	);
	const cases: [string, string][] = [
		['${env:IMPORT_PW}', 'from-env'],
		['${secret:APP}', 'from-secret-env'],
		['${secret:FILEONLY}', 'file-value'],
		['literal-password', 'literal-password'],
	];
	for (const [password, expected] of cases) {
		const result = await resolveCredentials(
			account({ method: 'password', user: 'u', password }),
			resolver,
			'en',
			ALLOW_IMPORT_PW,
		);
		assert.ok(result.ok, password);
		if (result.ok) assert.equal(result.credentials.password, expected);
	}
});

test('a missing secret names the reference and how to provide it, in both languages', async () => {
	const resolver = cliSecretResolver({});
	const acc = account({
		method: 'oauth2',
		user: 'u',
		oauth2: { flow: 'client-credentials', clientId: 'c', clientSecret: '${secret:m365-app}' },
	});
	const en = await resolveCredentials(acc, resolver, 'en', STRICT);
	assert.equal(en.ok, false);
	if (!en.ok) {
		assert.deepEqual(en.missing, [{ kind: 'secret', name: 'm365-app' }]);
		assert.match(en.message, /\$\{secret:m365-app\} \(used in "auth\.oauth2\.clientSecret"\)/);
		assert.match(en.message, /MAILCFG_SECRET_M365_APP.*--secrets FILE/);
	}
	const de = await resolveCredentials(acc, resolver, 'de', STRICT);
	if (!de.ok) assert.match(de.message, /ist nicht verfügbar.*Umgebungsvariable MAILCFG_SECRET_M365_APP/);
});

test('a secret set to the empty string is missing, wherever it is set: no empty password is ever sent', async () => {
	// `export IMPORT_PW=` in a CI job, `APP=` in a --secrets file: a set but empty value is a mistake, not a password.
	const cases: [string, Record<string, string>, Map<string, string> | undefined][] = [
		['${env:IMPORT_PW}', { IMPORT_PW: '' }, undefined],
		['${secret:APP}', { MAILCFG_SECRET_APP: '' }, undefined],
		['${secret:APP}', {}, parseDotenv('APP=\n')],
		['${secret:APP}', {}, parseDotenv('APP=""\n')],
	];
	for (const [password, env, file] of cases) {
		const result = await resolveCredentials(
			account({ method: 'password', user: 'u', password }),
			cliSecretResolver(env, file),
			'en',
			ALLOW_IMPORT_PW,
		);
		assert.equal(result.ok, false, `${password} with ${JSON.stringify(env)}: an empty value passed`);
		if (!result.ok) {
			assert.equal(result.missing.length, 1, password);
			assert.match(result.message, /\(used in "auth\.password"\)/, password);
		}
	}
});

test('${env:NAME} reads MAILCFG_* and allowed names only; any other is refused unread, naming the flag', async () => {
	const env = { MAILCFG_PW: 'own', ERP_PW: 'erp', AWS_SECRET_ACCESS_KEY: 'aws', GITHUB_TOKEN: 'gh' };
	let reads = 0;
	const base = cliSecretResolver(env);
	const resolver = { ...base, get: (ref: Parameters<typeof base.get>[0]) => (reads++, base.get(ref)) };
	const cases: [string, TrustPolicy['allowEnv'], string | RegExp][] = [
		['${env:MAILCFG_PW}', [], 'own'],
		['${env:ERP_PW}', ['ERP_PW'], 'erp'],
		['${env:ERP_PW}', ['ERP_*'], 'erp'],
		['${env:ERP_PW}', ['ERP'], /ERP_PW.*--allow-env ERP_PW/],
		['${env:ERP_PW}', ['*'], /--allow-env ERP_PW/],
		['${env:AWS_SECRET_ACCESS_KEY}', ['ERP_*'], /AWS_SECRET_ACCESS_KEY.*--allow-env AWS_SECRET_ACCESS_KEY/],
		['${env:GITHUB_TOKEN}', [], /GITHUB_TOKEN/],
	];
	for (const [password, allowEnv, expected] of cases) {
		reads = 0;
		const acc = account({ method: 'password', user: 'u', password });
		const options: CredentialsOptions = { policy: { ...STRICT_POLICY, allowEnv }, frontEnd: 'cli' };
		const result = await resolveCredentials(acc, resolver, 'en', options);
		if (typeof expected === 'string') {
			assert.ok(result.ok && result.credentials.password === expected, `${password} with ${allowEnv.join()}`);
		} else {
			assert.ok(!result.ok, `${password} with ${allowEnv.join()} must be refused`);
			assert.match(result.message, expected);
			assert.equal(result.refused[0]?.kind, 'env');
			assert.equal(reads, 0, 'a refused variable is never read');
		}
	}
	const de = await resolveCredentials(
		account({ method: 'password', user: 'u', password: '${env:ERP_PW}' }),
		resolver,
		'de',
		{
			policy: STRICT_POLICY,
			frontEnd: 'editor',
		},
	);
	assert.ok(!de.ok && /Umgebungsvariable ERP_PW.*mailcfg\.security\.allowEnv/.test(de.message));
});

const NODE_FS = { realpath: (p: string) => realpath(p), readFile: (p: string) => readFile(p, 'utf8') };

test('a certificate key file is read only inside the config folder, the workspace or when allowed (links resolved)', async () => {
	const root = await mkdtemp(join(tmpdir(), 'mailcfg-keys-'));
	try {
		const configDir = join(root, 'repo');
		const workspace = join(root, 'workspace');
		const home = join(root, 'home');
		for (const dir of [join(configDir, 'keys'), workspace, home]) await mkdir(dir, { recursive: true });
		await writeFile(join(configDir, 'keys', 'app.pem'), 'PEM inside');
		await writeFile(join(workspace, 'shared.pem'), 'PEM workspace');
		await writeFile(join(home, 'id_rsa'), 'PEM of the user');
		await symlink(join(home, 'id_rsa'), join(configDir, 'keys', 'link.pem'));
		const acc = (privateKeyFile: string) =>
			account({
				method: 'oauth2',
				user: 'u',
				oauth2: { flow: 'client-credentials', clientId: 'c', certificate: { thumbprint: 'AB', privateKeyFile } },
			});
		const options = (policy: Partial<TrustPolicy>): CredentialsOptions => ({
			policy: { ...STRICT_POLICY, ...policy },
			frontEnd: 'cli',
			keyFiles: { configDir, fs: NODE_FS },
		});
		const resolver = cliSecretResolver({});
		const cases: [string, Partial<TrustPolicy>, string | RegExp][] = [
			['keys/app.pem', {}, 'PEM inside'],
			[join(configDir, 'keys', 'app.pem'), {}, 'PEM inside'],
			[
				'../workspace/shared.pem',
				{},
				/outside the config file's folder.*--allow-key-file \.\.\/workspace\/shared\.pem/,
			],
			['../workspace/shared.pem', { keyFileRoots: [workspace] }, 'PEM workspace'],
			['../home/id_rsa', {}, /outside/],
			['keys/link.pem', {}, /"keys\/link\.pem".*outside/],
			['keys/../../home/id_rsa', {}, /outside/],
			['../home/id_rsa', { allowKeyFiles: [join(home, 'id_rsa')] }, 'PEM of the user'],
			['keys/link.pem', { allowKeyFiles: [join(home, 'id_rsa')] }, 'PEM of the user'],
			['keys/missing.pem', {}, /cannot be read/],
		];
		for (const [path, policy, expected] of cases) {
			const result = await resolveCredentials(acc(path), resolver, 'en', options(policy));
			if (typeof expected === 'string') assert.ok(result.ok && result.credentials.privateKey === expected, path);
			else assert.ok(!result.ok && expected.test(result.message), `${path}: ${result.ok ? 'read' : result.message}`);
		}
	} finally {
		await rm(root, { recursive: true, force: true });
	}
});
