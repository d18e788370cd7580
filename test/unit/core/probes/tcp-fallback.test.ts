import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, mock, test } from 'node:test';
import { ProbeRun } from '../../../../src/core/probes/stage-runner';
import { Redactor } from '../../../../src/core/probes/redact';
import { tcpStage } from '../../../../src/core/probes/wire';
import { probeHarness } from '../../../support/probe-harness';

// A host may resolve to several addresses (IPv6 and IPv4, several MX-like front ends). The probe tries the next one
// only when the current one has no route; a refusal is an answer about the port and ends the stage.
// The first address is from TEST-NET-1 (192.0.2.0/24) and is never dialled: net.connect is replaced for it by a
// socket that fails the way Node's connect() does. Only 127.0.0.1 is really connected to.
const UNROUTABLE = '192.0.2.10';
const harness = probeHarness({ connectMs: 1500, greetingMs: 400, stageMs: 2000 });
let server: net.Server;
let port: number;
let failWith = '';
const dialled: string[] = [];

before(async () => {
	server = net.createServer((socket) => socket.end());
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	port = (server.address() as net.AddressInfo).port;
	const realConnect = net.connect;
	mock.method(net, 'connect', (options: net.NetConnectOpts & { host?: string }) => {
		dialled.push(String(options.host));
		if (options.host !== UNROUTABLE) return realConnect(options);
		const socket = new net.Socket();
		const error = Object.assign(new Error(`connect ${failWith} ${UNROUTABLE}:${port} - Local (0.0.0.0:0)`), {
			code: failWith,
			syscall: 'connect',
			address: UNROUTABLE,
			port,
		});
		process.nextTick(() => socket.emit('error', error));
		return socket;
	});
});
after(async () => {
	mock.restoreAll();
	await new Promise((resolve) => server.close(resolve));
});

const run = () => new ProbeRun('imap', harness.ctx(), { redactor: new Redactor() });

for (const code of ['EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']) {
	test(`${code} on the first address: the next address is tried and connects`, async () => {
		failWith = code;
		dialled.length = 0;
		const outcome = await tcpStage(run(), [UNROUTABLE, '127.0.0.1'], port);
		outcome.value.destroy();
		assert.deepEqual(dialled, [UNROUTABLE, '127.0.0.1']);
		assert.equal(outcome.detail, `127.0.0.1:${port}`);
	});
}

test('ECONNREFUSED on the first address ends the stage: the next address is not tried', async () => {
	failWith = 'ECONNREFUSED';
	dialled.length = 0;
	await assert.rejects(tcpStage(run(), [UNROUTABLE, '127.0.0.1'], port), (error: { code?: string }) => {
		assert.equal(error.code, 'CONNECTION_REFUSED');
		return true;
	});
	assert.deepEqual(dialled, [UNROUTABLE]);
});
