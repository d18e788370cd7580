// The endpoint overrides shared by `mailcfg discover --dns/--authority-host` and the mailcfg.discovery.* settings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAuthorityHost, parseDnsServer } from '../../../../src/core/discovery/endpoints';

test('a DNS server is an IP address with an optional port, as Resolver.setServers takes it', () => {
	const table: [string, string | undefined][] = [
		['127.0.0.1', '127.0.0.1'],
		['127.0.0.1:5353', '127.0.0.1:5353'],
		['::1', '::1'],
		['[::1]:53', '[::1]:53'],
		['[2001:db8::1]', '[2001:db8::1]'],
		['dns.example.com', undefined],
		['dns.example.com:53', undefined],
		['127.0.0.1:0', undefined],
		['127.0.0.1:65536', undefined],
		['127.0.0.1:', undefined],
		['[::1]:', undefined],
		['', undefined],
	];
	for (const [input, expected] of table) assert.equal(parseDnsServer(input), expected, input);
});

test('an authority host is an https origin without path, query or fragment', () => {
	const table: [string, string | undefined][] = [
		['https://127.0.0.1:8443', 'https://127.0.0.1:8443'],
		['https://login.example.test/', 'https://login.example.test'],
		['https://LOGIN.example.test:443', 'https://login.example.test'],
		['http://127.0.0.1:8443', undefined],
		['https://login.example.test/common', undefined],
		['https://login.example.test/?x=1', undefined],
		['https://login.example.test/#x', undefined],
		['login.example.test', undefined],
		['', undefined],
	];
	for (const [input, expected] of table) assert.equal(parseAuthorityHost(input), expected, input);
});
