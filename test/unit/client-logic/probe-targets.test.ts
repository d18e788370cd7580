import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type KeyValueStore, TargetConfirmations, targetKey, targetsOf } from '../../../src/client/probe-targets';
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

test('targetsOf lists the authority, IMAP and SMTP endpoints an account would contact', () => {
	const [invoices, scanner] = listAccounts(TWO_ACCOUNTS);
	assert.deepEqual(targetsOf(invoices?.value), [
		{ protocol: 'oauth2', host: 'login.microsoftonline.com', port: 443 },
		{ protocol: 'imap', host: 'outlook.office365.com', port: 993 },
	]);
	assert.deepEqual(targetsOf(scanner?.value), [{ protocol: 'smtp', host: 'mail.gmx.net', port: 587 }]);
});

test('targetsOf takes a custom authority, normalises host case and ignores incomplete endpoints', () => {
	const cases: [unknown, string[]][] = [
		[
			{ auth: { method: 'oauth2', oauth2: { authority: 'https://idp.example.test:8443/tenant' } } },
			['idp.example.test:8443'],
		],
		[{ auth: { method: 'oauth2', oauth2: { authority: 'not a url' } } }, []],
		[{ imap: { host: ' IMAP.Example.COM ', port: 143 } }, ['imap.example.com:143']],
		[{ imap: { host: 'x' }, smtp: { host: '', port: 25 } }, []],
		[{ auth: { method: 'password' }, smtp: { host: 'smtp.office365.com', port: 587 } }, ['smtp.office365.com:587']],
		[null, []],
		['text', []],
	];
	for (const [account, expected] of cases) {
		assert.deepEqual(targetsOf(account).map(targetKey), expected, JSON.stringify(account));
	}
});

test('confirmations: new targets are asked once, confirmed ones are remembered in the store', async () => {
	const store = new MapStore();
	const confirmations = new TargetConfirmations(store);
	const imap = { protocol: 'imap', host: 'mail.example.com', port: 993 } as const;
	const smtp = { protocol: 'smtp', host: 'mail.example.com', port: 587 } as const;
	const sameHostPort = { protocol: 'smtp', host: 'mail.example.com', port: 993 } as const;

	assert.deepEqual(confirmations.unconfirmed([imap, smtp, sameHostPort]), [imap, smtp]);
	await confirmations.confirm([imap]);
	assert.deepEqual(confirmations.unconfirmed([imap, smtp]), [smtp]);
	// A fresh instance over the same store (a reload) still knows the confirmation.
	assert.deepEqual(new TargetConfirmations(store).unconfirmed([imap, smtp, sameHostPort]), [smtp]);
	await confirmations.confirm([smtp, imap]);
	assert.deepEqual(confirmations.unconfirmed([imap, smtp]), []);
	assert.deepEqual(store.get('mailcfg.confirmedTargets'), ['mail.example.com:587', 'mail.example.com:993']);
	// Another workspace (another store) asks again.
	assert.deepEqual(new TargetConfirmations(new MapStore()).unconfirmed([imap]), [imap]);
});

test('confirmations ignore a corrupted stored value instead of trusting it', () => {
	const store = new MapStore();
	store.data.set('mailcfg.confirmedTargets', JSON.stringify({ 'mail.example.com:993': true }));
	const target = { protocol: 'imap', host: 'mail.example.com', port: 993 } as const;
	assert.deepEqual(new TargetConfirmations(store).unconfirmed([target]), [target]);
});
