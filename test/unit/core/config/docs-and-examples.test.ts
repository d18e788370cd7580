import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_CODES } from '../../../../src/core/config/schema';
import { RULES } from '../../../../src/core/rules/registry';
import { analyze, codes } from '../rules/helpers';

const REPO = join(__dirname, '../../../..');

test('docs/rules.md has a section for every code mailcfg reports', () => {
	const docs = readFileSync(join(REPO, 'docs/rules.md'), 'utf8');
	const headings = new Set([...docs.matchAll(/^### ([a-z0-9-]+)$/gm)].map((m) => m[1]));
	const all = [
		...RULES.map((r) => r.id),
		...SCHEMA_CODES,
		'json-syntax',
		'file-too-large',
		'too-many-findings',
		'internal-error',
	];
	for (const code of all) assert.ok(headings.has(code), `docs/rules.md lacks "### ${code}"`);
	for (const rule of RULES) {
		const section = docs.slice(docs.indexOf(`### ${rule.id}\n`)).split('\n### ')[0] ?? '';
		assert.match(
			section,
			new RegExp(`\\*\\*${rule.severity[0]?.toUpperCase()}${rule.severity.slice(1)}`),
			`${rule.id}: severity`,
		);
		assert.match(section, /_Deutsch: /, `${rule.id}: German summary`);
	}
});

test('examples/good.mailaccounts.json is clean', () => {
	const findings = analyze(readFileSync(join(REPO, 'examples/good.mailaccounts.json'), 'utf8'));
	assert.deepEqual(
		findings.map((f) => `${f.code}: ${f.message}`),
		[],
	);
});

test('examples/m365-legacy.mailaccounts.json shows the legacy problems', () => {
	const found = new Set(codes(analyze(readFileSync(join(REPO, 'examples/m365-legacy.mailaccounts.json'), 'utf8'))));
	for (const code of [
		'exo-imap-basic-auth',
		'exo-smtp-basic-auth-retirement',
		'port-security-mismatch',
		'host-typo',
		'plaintext-secret',
		'app-password-format',
		'shared-mailbox-auth',
		'submission-port-25',
		'oauth2-tenant-required',
		'oauth2-scope-resource',
		'delete-without-delay',
		'sender-not-authorized',
		'duplicate-account-id',
		'tls-legacy-version',
		'tls-verification-disabled',
	]) {
		assert.ok(found.has(code), `missing ${code}`);
	}
	assert.ok(![...found].some((c) => c.startsWith('schema') || c === 'json-syntax'), [...found].join(', '));
});
