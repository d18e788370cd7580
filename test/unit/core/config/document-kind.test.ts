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
		['file:///srv/dms/ERP.MailAccounts.JSON', true],
		['file:///srv/dms/import.mailaccounts.json?version=3#L2', true],
		['vscode-remote://ssh-remote%2Bhost/srv/dms/import.mailaccounts.json', true],
		['file:///srv/dms/100%25.mailaccounts.json', true],
		['file:///srv/dms/bad%E0%A4%A.mailaccounts.json', true],
		['file:///srv/dms/mailaccounts.json/notes.txt', false],
		['file:///srv/dms/.mailaccounts.json', false],
		['import.mailaccounts.jsonc', false],
		['mailaccounts.json', true],
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
		['{"$schema": "mail-account.schema.json.bak"}', false],
		['{"a": {"$schema": "x"}, "$schema": "./mail-account.schema.json"}', true],
		['{"a": ["$schema"], "$schema": "mail-account.schema.de.json"}', true],
		// A $schema that is not a string says nothing, and the next key is not its value.
		['{"$schema": 5, "mail-account.schema.json": 1}', false],
		['{"$schema": null, "mail-account.schema.json": 1}', false],
		['{"$schema": {}, "mail-account.schema.json": 1}', false],
		['{"$schema": [], "mail-account.schema.json": 1}', false],
		['{"x": 1, "$schema" "mail-account.schema.json"}', false],
	];
	for (const [text, expected] of cases)
		assert.equal(isMailcfgDocument('file:///srv/config.json', text), expected, text);
	assert.equal(topLevelSchema(`{"deep": ${'['.repeat(50_000)}`), undefined);
});
