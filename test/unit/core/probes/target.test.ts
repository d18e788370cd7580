import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Account } from '../../../../src/core/config/model';
import { ProbeFailure } from '../../../../src/core/probes/classify';
import { endpointOf, loginUser } from '../../../../src/core/probes/target';

// Hosts under .invalid: nothing here connects, endpointOf only decides what a probe would connect to.
const account = (imap: unknown, smtp: unknown = undefined, extra: Partial<Account> = {}): Account =>
	({ id: 'a', email: 'user@example.invalid', imap, smtp, ...extra }) as unknown as Account;

test('without "security", the implicit-TLS port means TLS and any other port means STARTTLS', () => {
	// Users write just host and port; a wrong guess here makes the probe speak TLS to a plaintext port or vice versa.
	const table: [protocol: 'imap' | 'smtp', port: number, security: string][] = [
		['imap', 993, 'tls'],
		['imap', 143, 'starttls'],
		['smtp', 465, 'tls'],
		['smtp', 587, 'starttls'],
		['smtp', 25, 'starttls'],
		// 993 is not SMTP's implicit-TLS port
		['smtp', 993, 'starttls'],
	];
	for (const [protocol, port, security] of table) {
		const section = { host: `${protocol}.example.invalid`, port };
		const acc = protocol === 'imap' ? account(section) : account(undefined, section);
		assert.equal(endpointOf(acc, protocol).security, security, `${protocol}:${port}`);
	}
	// an explicit choice wins over the port
	assert.equal(
		endpointOf(account({ host: 'imap.example.invalid', port: 993, security: 'starttls' }), 'imap').security,
		'starttls',
	);
});

test('control characters in a host or user name are a CONFIG error, not text sent to the server', () => {
	// NUL, ESC and DEL are not whitespace, so only the control-character check stops them reaching a protocol line.
	for (const bad of ['imap.example.invalid\u0000', 'imap\u001b[2J.example.invalid', 'imap.example.invalid\u007f']) {
		assert.throws(
			() => endpointOf(account({ host: bad, port: 993 }), 'imap'),
			(error: unknown) =>
				error instanceof ProbeFailure &&
				error.code === 'CONFIG' &&
				error.localizedMessage('en').includes('"imap.host"'),
			JSON.stringify(bad),
		);
		assert.throws(
			() =>
				loginUser(
					account({ host: 'imap.example.invalid', port: 993 }, undefined, { email: bad, auth: { user: bad } } as never),
				),
			(error: unknown) => error instanceof ProbeFailure && error.code === 'CONFIG',
			JSON.stringify(bad),
		);
	}
	// an internationalized host name is fine
	assert.equal(endpointOf(account({ host: 'mail.bücher.invalid', port: 993 }), 'imap').host, 'mail.bücher.invalid');
});
