/**
 * Ports that come from the network (autoconfig files, SRV records) and from the user (`--dns HOST:PORT`, the
 * mailcfg.discovery.dnsServer setting) on both sides of the range 1-65535: a server at the bound is offered, one
 * past it is dropped (it could never be connected to), as are non-numbers.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseMailAddress } from '../../../../src/core/discovery/address';
import { parseAutoconfig } from '../../../../src/core/discovery/autoconfig-xml';
import { parseDnsServer } from '../../../../src/core/discovery/endpoints';
import { SRV_SERVICES, srvTargets } from '../../../../src/core/discovery/srv';
import { autoconfigXml } from '../../../support/autoconfig-server';

const address = parseMailAddress('info@example.org') ?? assert.fail('address');

/** The servers an autoconfig file offers when its IMAP server has this <port> text. */
function autoconfigPorts(port: string): string[] {
	const xml = autoconfigXml({
		id: 'example.org',
		displayName: 'Example',
		domains: ['example.org'],
		imap: [{ host: 'imap.example.org', port: 993, socketType: 'SSL' }],
		smtp: [{ host: 'smtp.example.org', port: 465, socketType: 'SSL' }],
	}).replace('<port>993</port>', `<port>${port}</port>`);
	return parseAutoconfig(xml, address).servers.map((s) => `${s.protocol} ${s.host}:${s.port}/${s.security}`);
}

describe('autoconfig <port>', () => {
	test('1 and 65535 are kept', () => {
		for (const port of ['1', '65535', ' 65535 ']) {
			assert.deepEqual(
				autoconfigPorts(port),
				[`imap imap.example.org:${port.trim()}/tls`, 'smtp smtp.example.org:465/tls'],
				port,
			);
		}
	});
	test('0, 65536, 99999, 123456, -993, 993.5 and text drop that server only', () => {
		for (const port of ['0', '65536', '99999', '123456', '-993', '993.5', 'imaps', '']) {
			assert.deepEqual(autoconfigPorts(port), ['smtp smtp.example.org:465/tls'], port);
		}
	});
});

describe('SRV record ports (RFC 6186)', () => {
	const imaps = SRV_SERVICES.find((s) => s.label === '_imaps._tcp') ?? assert.fail('_imaps._tcp');
	const record = (name: string, port: number, priority = 0) => ({ name, port, priority, weight: 1 });
	test('a target on 65535 or 1 is used; one on 0 or 65536 is skipped for the next', () => {
		const targets = srvTargets(imaps, [
			record('zero.example.org', 0, 0),
			record('over.example.org', 65536, 1),
			record('top.example.org', 65535, 2),
			record('low.example.org', 1, 3),
		]);
		assert.deepEqual(
			targets.map((t) => `${t.host}:${t.port} #${t.rank}`),
			['top.example.org:65535 #0', 'low.example.org:1 #1'],
		);
	});
});

describe('--dns HOST:PORT', () => {
	test('ports 1 and 65535 are accepted, 0 and 65536 refused, with IPv4 and bracketed IPv6', () => {
		const table: [string, string | undefined][] = [
			['127.0.0.1:1', '127.0.0.1:1'],
			['127.0.0.1:65535', '127.0.0.1:65535'],
			['[::1]:65535', '[::1]:65535'],
			['[::1]:1', '[::1]:1'],
			['127.0.0.1:0', undefined],
			['127.0.0.1:65536', undefined],
			['[::1]:0', undefined],
			['[::1]:65536', undefined],
			['127.0.0.1:99999', undefined],
			['127.0.0.1:123456', undefined],
			['127.0.0.1:-53', undefined],
		];
		for (const [input, expected] of table) assert.equal(parseDnsServer(input), expected, input);
	});
});
