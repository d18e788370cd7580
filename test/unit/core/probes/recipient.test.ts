import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPlainRecipient } from '../../../../src/core/probes/recipient';

test('only one plain address is a test-mail recipient', () => {
	const table: [string, boolean][] = [
		['it-admin@example.com', true],
		['scan.buchhaltung+import@firma-gmbh.de', true],
		["o'brien@mail.example.co.uk", true],
		['Admin@Contoso.onmicrosoft.com', true],
		// lists and display names: RCPT TO would get them as typed
		['a,b@x.de', false],
		['a@x.de,b@x.de', false],
		['a@x.de;b@x.de', false],
		['"IT Admin" <it@example.com>', false],
		['<it@example.com>', false],
		['"it"@example.com', false],
		['it@[192.0.2.1]', false],
		['it (Admin)@example.com', false],
		// whitespace and line breaks, which could inject a second SMTP command
		['it@example.com\r\nRCPT TO:<other@example.com>', false],
		['it@example.com\n', false],
		[' it@example.com', false],
		['it@example.com\t', false],
		['it admin@example.com', false],
		['it@exa\u0000mple.com', false],
		// not an address at all
		['', false],
		['not-an-address', false],
		['it@localhost', false],
		['it@@example.com', false],
		['@example.com', false],
		['it@example.', false],
		['it@.example.com', false],
	];
	for (const [value, expected] of table) assert.equal(isPlainRecipient(value), expected, JSON.stringify(value));
});
