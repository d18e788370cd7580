// A value is a secret reference only when the whole value is one `${secret:NAME}` or `${env:NAME}` (surrounding
// blanks aside). Anything with text before, after or between references is a literal: the plaintext-secret rule
// reports it, and a connection test sends it as typed, never reading the variable it mentions. Were `hunter2${env:X}`
// read as a reference, a password would hide from the rule and a config could pull a variable into the login.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Account, parseSecretRef } from '../../../src/core/config/model';
import { cliSecretResolver, resolveCredentials } from '../../../src/core/secrets';
import { STRICT_POLICY } from '../../../src/core/trust/policy';
import { GENERIC, patch } from './rules/fixtures';
import { analyze, codes, configText } from './rules/helpers';

const REFERENCES: [string, { kind: 'secret' | 'env'; name: string }][] = [
	['${secret:ERP_PASSWORD}', { kind: 'secret', name: 'ERP_PASSWORD' }],
	['${env:MAILCFG_ERP_PW}', { kind: 'env', name: 'MAILCFG_ERP_PW' }],
	['  ${env:MAILCFG_ERP_PW}\t', { kind: 'env', name: 'MAILCFG_ERP_PW' }],
	['${secret:m365.import-pw}', { kind: 'secret', name: 'm365.import-pw' }],
];

/** Literals that contain or resemble a reference, as people write them when they half-understand the syntax. */
const LITERALS = [
	'hunter2${env:MAILCFG_ERP_PW}',
	'${env:MAILCFG_ERP_PW}hunter2',
	'pre-${secret:ERP_PASSWORD}-post',
	'${env:MAILCFG_A}${env:MAILCFG_B}',
	'$env:MAILCFG_ERP_PW',
	'${ENV:MAILCFG_ERP_PW}',
	'${env:1PASSWORD}',
	'{env:MAILCFG_ERP_PW}',
	'${env:MAILCFG_ERP_PW',
];

test('a whole-value reference is one, with its kind and name', () => {
	for (const [value, ref] of REFERENCES) assert.deepEqual(parseSecretRef(value), ref, value);
});

test('a value with anything more than one reference is a literal', () => {
	for (const value of LITERALS) assert.equal(parseSecretRef(value), undefined, value);
});

test('plaintext-secret reports every such literal password and none of the references', () => {
	const withPassword = (password: string) =>
		codes(analyze(configText(patch(GENERIC, { auth: { password } })))).filter((c) => c === 'plaintext-secret');
	for (const [value] of REFERENCES) assert.deepEqual(withPassword(value), [], value);
	for (const value of LITERALS) assert.deepEqual(withPassword(value), ['plaintext-secret'], value);
});

test('a connection test sends such a literal as typed and never reads the variable it mentions', async () => {
	const read: string[] = [];
	const env = new Proxy({ MAILCFG_ERP_PW: 'from-the-environment' } as Record<string, string>, {
		get: (target, name: string) => (read.push(name), target[name]),
	});
	for (const value of LITERALS) {
		read.length = 0;
		const account = { ...GENERIC, auth: { ...GENERIC.auth, password: value } } as Account;
		const result = await resolveCredentials(account, cliSecretResolver(env), 'en', {
			policy: STRICT_POLICY,
			frontEnd: 'cli',
		});
		assert.ok(result.ok, value);
		if (result.ok) assert.equal(result.credentials.password, value);
		assert.deepEqual(read, [], `${value} read ${read.join(', ')}`);
	}
});
