import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
	accountAtOffset,
	listAccounts,
	secretNamesIn,
	secretNamesOfAccount,
	spanForPath,
} from '../../../src/client/probe-accounts';
import { TWO_ACCOUNTS } from './fixtures';

const at = (needle: string, text = TWO_ACCOUNTS): number => {
	const offset = text.indexOf(needle);
	assert.ok(offset >= 0, `fixture lacks ${needle}`);
	return offset;
};

test('listAccounts returns both accounts with their endpoints and auth kind', () => {
	const accounts = listAccounts(TWO_ACCOUNTS);
	assert.deepEqual(
		accounts.map((a) => [a.id, a.endpoints, a.hasSmtp, a.isOAuth2]),
		[
			['invoices', ['outlook.office365.com:993'], false, true],
			['scanner', ['mail.gmx.net:587'], true, false],
		],
	);
});

test('listAccounts skips accounts without a usable id and survives broken JSON', () => {
	const text = '{ "accounts": [ { "email": "a@b.c" }, { "id": "" }, { "id": "ok", "imap": { "host": "h" } }, 42 ] }';
	assert.deepEqual(
		listAccounts(text).map((a) => [a.id, a.endpoints]),
		[['ok', ['h']]],
	);
	// While the user is typing, the half-written account is still offered (jsonc-parser recovers).
	assert.deepEqual(
		listAccounts('{ "accounts": [ { "id": "half", "imap": { "host": "h", "port": 1 ').map((a) => [a.id, a.endpoints]),
		[['half', ['h:1']]],
	);
	assert.deepEqual(listAccounts('not json at all'), []);
	assert.deepEqual(listAccounts(''), []);
});

test('accountAtOffset finds the account around the cursor', () => {
	const cases: [string, string | undefined][] = [
		['"outlook.office365.com"', 'invoices'],
		['INBOX/Import', 'invoices'],
		['"mail.gmx.net"', 'scanner'],
		['"scanner@example.org",\n\t\t\t"provider"', 'scanner'],
		['"$schema"', undefined],
		['// DMS import', undefined],
	];
	for (const [needle, expected] of cases) {
		assert.equal(accountAtOffset(TWO_ACCOUNTS, at(needle))?.id, expected, needle);
	}
});

test('spanForPath underlines the property a failure concerns, or the nearest existing ancestor', () => {
	const line = (offset: number) => TWO_ACCOUNTS.slice(0, offset).split('\n').length;
	const cases: [string, (string | number)[], string][] = [
		['invoices', ['imap', 'host'], '"host": "outlook.office365.com"'],
		['invoices', ['imap', 'folder'], '"folder": "INBOX/Import"'],
		['invoices', ['auth', 'oauth2', 'clientSecret'], '"clientSecret": "${secret:INVOICES_CLIENT_SECRET}"'],
		['scanner', ['smtp', 'port'], '"port": 587'],
		// No folder configured for SMTP: falls back to the smtp object.
		['scanner', ['smtp', 'folder'], '"smtp": { "host"'],
		// No IMAP block at all: falls back to the account id line.
		['scanner', ['imap', 'host'], '"id": "scanner"'],
	];
	for (const [id, path, expectedStart] of cases) {
		const span = spanForPath(TWO_ACCOUNTS, id, path);
		assert.ok(span, `${id} ${path.join('.')}`);
		assert.ok(
			TWO_ACCOUNTS.slice(span.offset).startsWith(expectedStart),
			`${id} ${path.join('.')}: got ${TWO_ACCOUNTS.slice(span.offset, span.offset + 40)}`,
		);
		assert.equal(line(span.offset), line(at(expectedStart)));
	}
	assert.equal(spanForPath(TWO_ACCOUNTS, 'gone', ['imap', 'host']), undefined);
});

test('secret names come from ${secret:..} references only, not env refs or literals', () => {
	const text = `${TWO_ACCOUNTS.slice(0, -2)}, "extra": ["\${env:HOME}", "\${secret:SCANNER_PASSWORD}", "plain"] }\n`;
	assert.deepEqual(secretNamesIn(text), ['INVOICES_CLIENT_SECRET', 'SCANNER_PASSWORD']);
	assert.deepEqual(secretNamesIn('{ "auth": { "password": "hunter2" } }'), []);
	const [invoices, scanner] = listAccounts(TWO_ACCOUNTS);
	assert.deepEqual(secretNamesOfAccount(invoices?.value), ['INVOICES_CLIENT_SECRET']);
	assert.deepEqual(secretNamesOfAccount(scanner?.value), ['SCANNER_PASSWORD']);
});

test('spanForPath falls back to the id that counts when an account repeats "id" (the last, as JSON.parse reads it)', () => {
	const text = '{ "accounts": [ { "id": "old-name", "email": "a@b.example", "id": "scanner" } ] }';
	const span = spanForPath(text, 'scanner', ['imap', 'host']);
	assert.ok(span);
	assert.equal(text.slice(span.offset, span.offset + span.length), '"id": "scanner"');
});
