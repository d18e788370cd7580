/**
 * `${secret:NAME}` values are kept per workspace folder: a secret stored for one repository is not returned for
 * another, only offered (the session asks before using it). The storage is a Map with SecretStorage's contract.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type SecretStorageLike, SecretStore, UNSCOPED } from '../../../src/client/secrets';

function stores() {
	const secrets = new Map<string, string>();
	const state = new Map<string, unknown>();
	const storage = {
		get: (key: string) => Promise.resolve(secrets.get(key)),
		store: (key: string, value: string) => Promise.resolve(void secrets.set(key, value)),
		delete: (key: string) => Promise.resolve(void secrets.delete(key)),
	} satisfies SecretStorageLike;
	const memento = {
		get: <T>(key: string) => structuredClone(state.get(key)) as T | undefined,
		update: (key: string, value: unknown) => Promise.resolve(void state.set(key, structuredClone(value))),
	};
	return { store: new SecretStore(storage, memento), secrets, state };
}

const A = 'file:///work/project-a';
const B = 'file:///work/hostile-b';

test('a secret stored for one workspace folder is not returned for another, only offered', async () => {
	const { store, secrets } = stores();
	await store.store(A, 'M365_PW', 'value-a');
	assert.equal(await store.get(A, 'M365_PW'), 'value-a');
	assert.equal(await store.get(B, 'M365_PW'), undefined);
	assert.equal(await store.has(B, 'M365_PW'), false);
	assert.deepEqual(await store.otherScopes(B, 'M365_PW'), [A]);
	assert.deepEqual(await store.otherScopes(A, 'M365_PW'), []);
	assert.ok(![...secrets.keys()].includes('mailcfg.secret.M365_PW'), 'never stored unscoped');
	await store.delete(A, 'M365_PW');
	assert.deepEqual(await store.otherScopes(B, 'M365_PW'), []);
});

test('secrets from before scoping are offered to every folder, never handed out silently', async () => {
	const { store, secrets } = stores();
	secrets.set('mailcfg.secret.LEGACY', 'old');
	assert.equal(await store.get(A, 'LEGACY'), undefined);
	assert.deepEqual(await store.otherScopes(A, 'LEGACY'), [UNSCOPED]);
});

test('names such as __proto__ or constructor are plain names in the index', async () => {
	const { store } = stores();
	for (const name of ['__proto__', 'constructor', 'toString']) {
		assert.deepEqual(await store.otherScopes(A, name), [], name);
		await store.store(A, name, `v-${name}`);
		assert.deepEqual(await store.otherScopes(B, name), [A], name);
		assert.equal(await store.get(A, name), `v-${name}`);
	}
});

test('token caches are per scope, app and account', async () => {
	const { store } = stores();
	await store.tokenCache(A, 'app', 'acc').save('cache-a');
	assert.equal(await store.tokenCache(A, 'app', 'acc').load(), 'cache-a');
	assert.equal(await store.tokenCache(B, 'app', 'acc').load(), undefined);
});
