import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
	type KeyValueStore,
	TargetConfirmations,
	describeDestination,
	destinationsOf,
} from '../../../src/client/probe-targets';
import { listAccounts } from '../../../src/client/probe-accounts';
import { TWO_ACCOUNTS } from './fixtures';

/** The same get/update contract as VS Code's workspaceState Memento, backed by a Map (values copied as JSON). */
class MapStore implements KeyValueStore {
	readonly data = new Map<string, string>();
	get<T>(key: string): T | undefined {
		const raw = this.data.get(key);
		return raw === undefined ? undefined : (JSON.parse(raw) as T);
	}
	update(key: string, value: unknown): Promise<void> {
		if (value === undefined) this.data.delete(key);
		else this.data.set(key, JSON.stringify(value));
		return Promise.resolve();
	}
}

test('the confirmation lists per destination what it receives (references, env variables, token) and the channel', () => {
	const [invoices, scanner] = listAccounts(TWO_ACCOUNTS);
	const lines = (account: unknown, lang: 'en' | 'de' = 'en') =>
		destinationsOf(account).map((d) => describeDestination(d, lang));
	assert.deepEqual(lines(invoices?.value), [
		'https://login.microsoftonline.com (OAuth2, encrypted): ${secret:INVOICES_CLIENT_SECRET}',
		'outlook.office365.com:993 (IMAP, encrypted): the access token',
	]);
	assert.deepEqual(lines(scanner?.value), ['mail.gmx.net:587 (SMTP, encrypted): ${secret:SCANNER_PASSWORD}']);
	const hostile = {
		auth: { method: 'password', user: 'u', password: '${env:MAILCFG_PW}' },
		imap: { host: 'Mail.Example.INVALID', port: 143, security: 'none' },
		smtp: { host: '127.0.0.1', port: 25, security: 'none' },
	};
	assert.deepEqual(lines(hostile), [
		'mail.example.invalid:143 (IMAP, CLEARTEXT: anyone on the network path can read the credentials): ${env:MAILCFG_PW}',
		'127.0.0.1:25 (SMTP, unencrypted, this machine only): ${env:MAILCFG_PW}',
	]);
	assert.match(lines(hostile, 'de')[0] ?? '', /KLARTEXT: Jeder auf dem Netzweg/);
	assert.deepEqual(
		lines({ auth: { method: 'password', password: 'hunter22' }, smtp: { host: 'h.invalid', port: 465 } }),
		['h.invalid:465 (SMTP, encrypted): the value written in "auth.password"'],
	);
});

test('incomplete endpoints and unparsable authorities are not destinations (nothing connects there)', () => {
	const cases: [unknown, string[]][] = [
		[
			{
				auth: {
					method: 'oauth2',
					oauth2: { flow: 'device-code', clientId: 'c', authority: 'https://idp.example.invalid:8443/t' },
				},
			},
			['https://idp.example.invalid:8443'],
		],
		[{ auth: { method: 'oauth2', oauth2: { flow: 'device-code', clientId: 'c', authority: 'not a url' } } }, []],
		[{ imap: { host: 'x' }, smtp: { host: '', port: 25 } }, []],
		[null, []],
		['text', []],
	];
	for (const [account, expected] of cases) {
		assert.deepEqual(
			destinationsOf(account).map((d) => d.key),
			expected,
			JSON.stringify(account),
		);
	}
});

const destination = (overrides: Record<string, unknown>) =>
	destinationsOf({
		auth: { method: 'password', user: 'u', password: '${secret:PW}' },
		imap: { host: 'mail.example.invalid', port: 993, security: 'tls', ...overrides },
	})[0]!;

test('confirmations remember a destination with what it receives; a changed secret or another host asks again', async () => {
	const store = new MapStore();
	const confirmations = new TargetConfirmations(store);
	const imap = destination({});
	assert.deepEqual(confirmations.unconfirmed([imap]), [imap]);
	await confirmations.confirm([imap]);
	assert.deepEqual(confirmations.unconfirmed([imap]), []);
	// A fresh instance over the same store (a reload) still knows the confirmation.
	assert.deepEqual(new TargetConfirmations(store).unconfirmed([imap]), []);
	const otherSecret = destinationsOf({
		auth: { method: 'password', user: 'u', password: '${env:MAILCFG_OTHER}' },
		imap: { host: 'mail.example.invalid', port: 993, security: 'tls' },
	})[0]!;
	assert.deepEqual(confirmations.unconfirmed([otherSecret]), [otherSecret], 'another secret to the same host asks');
	const otherPort = destination({ port: 143 });
	assert.deepEqual(confirmations.unconfirmed([otherPort]), [otherPort]);
	// Another workspace (another store) asks again.
	assert.deepEqual(new TargetConfirmations(new MapStore()).unconfirmed([imap]), [imap]);
});

test('remote cleartext is asked every time; cleartext to loopback is remembered like any destination', async () => {
	const store = new MapStore();
	const confirmations = new TargetConfirmations(store);
	const remote = destination({ port: 143, security: 'none' });
	const local = destination({ host: '127.0.0.1', port: 143, security: 'none' });
	await confirmations.confirm([remote, local]);
	assert.deepEqual(confirmations.unconfirmed([remote, local]), [remote]);
	assert.deepEqual(store.get('mailcfg.confirmedDestinations'), ['127.0.0.1:143|${secret:PW}']);
});

test('confirmations ignore a corrupted stored value instead of trusting it', () => {
	const store = new MapStore();
	store.data.set('mailcfg.confirmedDestinations', JSON.stringify({ 'mail.example.invalid:993|${secret:PW}': true }));
	const imap = destination({});
	assert.deepEqual(new TargetConfirmations(store).unconfirmed([imap]), [imap]);
});
