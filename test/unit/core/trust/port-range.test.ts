/**
 * The trust check before a test names the destinations credentials go to; its port range is the probe's (1-65535).
 * A cleartext server on 65535 (the highest port) must be stopped for confirmation like one on 143: missing it would
 * send the password unencrypted without asking. A port the probe refuses (0, 65536) is no destination: nothing is
 * connected to, the probe reports the config error instead.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accountViolations, destinationsOf } from '../../../../src/core/trust/account';
import { STRICT_POLICY } from '../../../../src/core/trust/policy';
import { violationMessage } from '../../../../src/core/trust/texts';

const account = (port: unknown) => ({
	id: 'legacy',
	email: 'scanner@example.org',
	auth: { method: 'password', user: 'scanner@example.org', password: '${secret:SCANNER}' },
	imap: { host: 'mail.example.org', port, security: 'none' },
});

test('cleartext IMAP on port 1 and on 65535 is stopped and named with its port', () => {
	for (const port of [1, 65535]) {
		const violations = accountViolations(account(port), STRICT_POLICY);
		assert.deepEqual(violations, [{ kind: 'cleartext', protocol: 'imap', destination: `mail.example.org:${port}` }]);
		assert.match(
			violationMessage(violations[0]!, 'en', 'cli'),
			new RegExp(`IMAP at mail\\.example\\.org:${port} is unencrypted.*--allow-cleartext`),
		);
		assert.deepEqual(
			destinationsOf(account(port)).map((d) => [d.key, d.cleartext, d.secrets.map((s) => s.ref?.name)]),
			[[`mail.example.org:${port}`, true, ['SCANNER']]],
		);
		// confirmed for exactly that destination, nothing is left to ask
		assert.deepEqual(
			accountViolations(account(port), { ...STRICT_POLICY, cleartextDestinations: [`mail.example.org:${port}`] }),
			[],
		);
	}
});

test('a confirmation for one port does not cover the neighbouring one', () => {
	assert.deepEqual(
		accountViolations(account(65535), { ...STRICT_POLICY, cleartextDestinations: ['mail.example.org:65534'] }).map(
			(v) => v.kind,
		),
		['cleartext'],
	);
});

test('ports outside 1-65535 are no destination (the probe refuses them before connecting)', () => {
	for (const port of [0, -1, 65536, 143.5, '143']) {
		assert.deepEqual(destinationsOf(account(port)), [], String(port));
		assert.deepEqual(accountViolations(account(port), STRICT_POLICY), [], String(port));
	}
});
