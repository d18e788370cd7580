/**
 * What the IMAP and SMTP probe tests share: the test certificates, loopback servers closed after the file, a probe
 * context that trusts the test CA, the failure table's case shape and its assertions, and the cancellation case.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { ProbeContext, ProbeTimeouts } from '../../src/core/probes/context';
import type { ProbeCheck } from '../../src/core/probes/result';
import { type KeyAndCert, type TestCerts, testCerts } from './certs';
import { type DnsServer, startDnsServer } from './dns-server';
import { startSilentServer } from './smtp-server';

/** The one name the harness's DNS server knows; it points at loopback. */
export const LOOPBACK_NAME = 'mail.loopback.test';

interface Closable {
	close(): Promise<void>;
}

export interface ProbeHarness {
	/** Loaded in `before`; reading it earlier throws. */
	readonly certs: TestCerts;
	/** Closes the server after the last test of the file. */
	track<T extends Closable>(server: Promise<T>): Promise<T>;
	/** A server that accepts connections and never says a word. */
	silentServer(): Promise<{ port: number; connected: Promise<void> }>;
	/**
	 * A DNS server on loopback that knows only LOOPBACK_NAME (127.0.0.1); every other name is NXDOMAIN. Probes ask it
	 * through `ctx({ dnsServers: [dns.address] })`, so a test of a name that does not resolve stays on this machine.
	 */
	dnsServer(): Promise<DnsServer>;
	ctx(extra?: Partial<ProbeContext>): ProbeContext;
}

/** Registers the file's `before`/`after` hooks; call it at the top level of a test file. */
export function probeHarness(timeouts: ProbeTimeouts): ProbeHarness {
	let certs: TestCerts | undefined;
	const servers: Closable[] = [];
	before(async () => {
		certs = await testCerts();
	});
	after(async () => {
		await Promise.all(servers.map((s) => s.close()));
	});
	const loaded = (): TestCerts => {
		if (!certs) throw new Error('probeHarness: the certificates load in before()');
		return certs;
	};
	const track = async <T extends Closable>(server: Promise<T>): Promise<T> => {
		const started = await server;
		servers.push(started);
		return started;
	};
	return {
		get certs() {
			return loaded();
		},
		track,
		silentServer: () => track(startSilentServer()),
		dnsServer: () => track(startDnsServer({ records: [{ name: LOOPBACK_NAME, type: 'A', data: '127.0.0.1' }] })),
		ctx: (extra = {}) => ({ lang: 'en', clock: () => new Date(), timeouts, extraCa: [loaded().caCert], ...extra }),
	};
}

/** `dns:ok tcp:ok tls:fail`: the stages of a check in one comparable line. */
export function stageNames(check: ProbeCheck): string {
	return check.stages.map((s) => `${s.name}:${s.ok ? 'ok' : 'fail'}`).join(' ');
}

/** One row of a probe's failure table: a server set up to fail one way, and where and how the check must fail. */
export interface FailureCase {
	name: string;
	setup: () => Promise<{ port: number }>;
	security: 'tls' | 'starttls' | 'none';
	password?: string;
	stage: string;
	code: string;
	serverResponse?: string | RegExp;
	message?: RegExp;
}

/** The server options both loopback mail servers (IMAP, SMTP) understand. */
export interface TransportOptions {
	secure: boolean;
	tls?: KeyAndCert;
	starttls?: boolean;
	dropOnAuth?: boolean;
}

/**
 * The failures below the mail protocol that both probes must diagnose alike: TLS mode against the port, a silent
 * server, STARTTLS missing, untrusted certificates, a connection dropped during login. `ports` are the protocol's
 * well-known ones, which the hints name.
 */
export function transportFailures(
	harness: ProbeHarness,
	server: (options: TransportOptions) => Promise<{ port: number }>,
	ports: { tls: number; plain: number },
): FailureCase[] {
	return [
		{
			name: 'implicit TLS against a STARTTLS port',
			setup: () => server({ secure: false }),
			security: 'tls',
			stage: 'tls',
			code: 'TLS_MODE_MISMATCH',
			message: new RegExp(`plain text.*\\(${ports.tls}\\)`),
		},
		{
			name: 'plain text against an implicit-TLS port',
			setup: () => server({ secure: true }),
			security: 'starttls',
			stage: 'greeting',
			code: 'TLS_MODE_MISMATCH',
			message: new RegExp(`TLS handshake.*security "tls".*\\(${ports.plain}\\)`),
		},
		{
			name: 'a server that never greets',
			setup: () => harness.silentServer(),
			security: 'starttls',
			stage: 'greeting',
			code: 'TIMEOUT',
		},
		{
			name: 'STARTTLS not offered',
			setup: () => server({ secure: false, starttls: false }),
			security: 'starttls',
			stage: 'starttls',
			code: 'STARTTLS_UNAVAILABLE',
		},
		{
			name: 'self-signed certificate',
			setup: () => server({ secure: true, tls: harness.certs.selfSigned }),
			security: 'tls',
			stage: 'tls',
			code: 'TLS_CERT_INVALID',
			message: /self-signed/,
		},
		{
			name: 'certificate for another host',
			setup: () => server({ secure: true, tls: harness.certs.wrongHost }),
			security: 'tls',
			stage: 'tls',
			code: 'TLS_CERT_INVALID',
			message: /wrong\.example.*not for localhost/,
		},
		{
			name: 'connection dropped during AUTH',
			setup: () => server({ secure: true, dropOnAuth: true }),
			security: 'tls',
			stage: 'auth',
			code: 'CONNECTION_CLOSED',
		},
	];
}

/**
 * The check failed at the expected stage with the expected code and reply, every earlier stage passed, it ended
 * within `withinMs` of `startedAt`, and the secret appears nowhere in it.
 */
export function assertFailure(
	check: ProbeCheck,
	expected: FailureCase,
	options: { startedAt: number; withinMs: number; secret: string },
): void {
	assert.equal(check.ok, false);
	assert.equal(check.failedStage, expected.stage, stageNames(check));
	assert.equal(check.error?.code, expected.code, check.error?.message);
	if (typeof expected.serverResponse === 'string') assert.equal(check.error?.serverResponse, expected.serverResponse);
	else if (expected.serverResponse) assert.match(check.error?.serverResponse ?? '', expected.serverResponse);
	if (expected.message) assert.match(check.error?.message ?? '', expected.message);
	assert.ok(
		check.stages.slice(0, -1).every((s) => s.ok),
		stageNames(check),
	);
	assert.ok(Date.now() - options.startedAt < options.withinMs, 'ended within its budget');
	assert.ok(!JSON.stringify(check).includes(options.secret), 'the secret leaked into the check');
}

/**
 * Cancels a probe 100 ms into the greeting wait of a silent server (with timeouts far longer) and checks it ends
 * as CANCELLED at once, not at a timeout. The clock starts when the server has the connection: on a loaded machine
 * name resolution alone can take longer than 100 ms.
 */
export async function assertCancelsDuringGreeting(
	harness: ProbeHarness,
	probe: (port: number, ctx: ProbeContext) => Promise<ProbeCheck>,
): Promise<void> {
	const silent = await harness.silentServer();
	const controller = new AbortController();
	let started = Date.now();
	void silent.connected.then(() => {
		started = Date.now();
		setTimeout(() => controller.abort(), 100);
	});
	const check = await probe(
		silent.port,
		harness.ctx({ signal: controller.signal, timeouts: { connectMs: 5000, greetingMs: 5000, stageMs: 5000 } }),
	);
	assert.equal(check.failedStage, 'greeting');
	assert.equal(check.error?.code, 'CANCELLED');
	assert.ok(Date.now() - started < 1000, 'ends right after the abort, not at the timeout');
}
