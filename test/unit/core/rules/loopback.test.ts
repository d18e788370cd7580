import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isLoopback } from '../../../../src/core/rules/context';

const CASES: [host: string, loopback: boolean][] = [
	['localhost', true],
	['LOCALHOST', true],
	['localhost.', true],
	['relay.localhost', true],
	['127.0.0.1', true],
	['127.0.1.1', true], // Debian's hosts entry for the machine's own name
	['127.255.255.254', true],
	['::1', true],
	['[::1]', true],
	['0:0:0:0:0:0:0:1', true],
	['[0:0:0:0:0:0:0:1]', true],
	['0000:0000:0000:0000:0000:0000:0000:0001', true],
	['::0:1', true],
	['::ffff:127.0.0.1', true],
	['[::ffff:127.0.0.1]', true],
	['::FFFF:127.1.2.3', true],
	['::ffff:7f00:1', true],
	['::1%lo', true], // with a zone index, as `ping ::1%lo` takes it
	['0:0:0::0:0:0:1', true], // `::` for a single group (RFC 4291 section 2.2 allows it)
	['0:0:0:0:0:ffff:127.0.0.1', true],
	['mail.mueller-bau.de', false],
	['localhost.mueller-bau.de', false],
	['mylocalhost', false],
	['10.0.0.5', false],
	['128.0.0.1', false],
	['127.0.0.256', false],
	['127.0.0', false],
	['127.0.0.1.nip.io', false],
	['::', false],
	['::2', false],
	['1::1', false],
	['fe80::1', false],
	['0:0:0:0:0:0:0:0:1', false],
	['0:0:0:0::0:0:0:1', false], // eight groups and `::`: nine groups, not an address
	['::00001', false], // five hex digits in a group
	['0:0:0:0:0:0:0:1x', false],
	['::ffff:10.0.0.1', false],
	['::ffff:8.8.8.8', false],
	['::127.0.0.1', false], // the deprecated IPv4-compatible form is not loopback
	['2001:db8::1', false],
	['[::1', false],
	['', false],
];

test('isLoopback: localhost, 127.0.0.0/8 and ::1 in every spelling, nothing else', () => {
	for (const [host, expected] of CASES) assert.equal(isLoopback(host), expected, host);
});
