import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isConfigFileName, isMailcfgDocument, topLevelSchema } from '../../../../src/core/config/document-kind';

test('config documents are recognised by name', () => {
	const cases: [string, boolean][] = [
		['file:///srv/dms/import.mailaccounts.json', true],
		['file:///srv/dms/scanner.mailaccount.json', true],
		['file:///srv/dms/mailaccounts.json', true],
		['C:\\Konfig\\Mailaccounts.json', true],
		['file:///c%3A/Konfig/erp.mailaccounts.json', true],
		['untitled:Untitled-1', false],
		['file:///srv/dms/accounts.json', false],
		['file:///srv/dms/mailaccounts.json.bak', false],
		['file:///srv/dms/my-mailaccounts.json', false],
	];
	for (const [uri, expected] of cases) assert.equal(isConfigFileName(uri), expected, uri);
});

test('other JSON files opt in with a top-level $schema ending in mail-account.schema.json', () => {
	const cases: [string, boolean][] = [
		['{"$schema": "https://example.org/schemas/mail-account.schema.json", "accounts": []}', true],
		['// JSONC\n{ "accounts": [], "$schema": "../schemas/mail-account.schema.json" }', true],
		['{"$schema": "../schemas/mail-account.schema.de.json"}', true],
		['{"nested": {"$schema": "mail-account.schema.json"}}', false],
		['{"$schema": "https://json.schemastore.org/package.json"}', false],
		['{"title": "$schema", "x": "mail-account.schema.json"}', false],
		['not json at all', false],
	];
	for (const [text, expected] of cases)
		assert.equal(isMailcfgDocument('file:///srv/config.json', text), expected, text);
	assert.equal(topLevelSchema(`{"deep": ${'['.repeat(50_000)}`), undefined);
});
