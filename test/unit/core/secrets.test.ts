import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Account } from '../../../src/core/config/model';
import { cliSecretResolver, parseDotenv, resolveCredentials, secretEnvName } from '../../../src/core/secrets';

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
		const result = await resolveCredentials(account({ method: 'password', user: 'u', password }), resolver, 'en');
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
	const en = await resolveCredentials(acc, resolver, 'en');
	assert.equal(en.ok, false);
	if (!en.ok) {
		assert.deepEqual(en.missing, [{ kind: 'secret', name: 'm365-app' }]);
		assert.match(en.message, /\$\{secret:m365-app\} \(used in "auth\.oauth2\.clientSecret"\)/);
		assert.match(en.message, /MAILCFG_SECRET_M365_APP.*--secrets FILE/);
	}
	const de = await resolveCredentials(acc, resolver, 'de');
	if (!de.ok) assert.match(de.message, /ist nicht verfügbar.*Umgebungsvariable MAILCFG_SECRET_M365_APP/);
});

test('a certificate key file is read through the given reader; an unreadable one is reported', async () => {
	const acc = account({
		method: 'oauth2',
		user: 'u',
		oauth2: {
			flow: 'client-credentials',
			clientId: 'c',
			certificate: { thumbprint: 'AB', privateKeyFile: 'keys/app.pem' },
		},
	});
	const ok = await resolveCredentials(acc, cliSecretResolver({}), 'en', async (p) => `PEM of ${p}`);
	assert.ok(ok.ok && ok.credentials.privateKey === 'PEM of keys/app.pem');
	const missing = await resolveCredentials(acc, cliSecretResolver({}), 'en', () => Promise.reject(new Error('ENOENT')));
	assert.ok(!missing.ok && /keys\/app\.pem/.test(missing.message));
});
