import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseOpenArgs } from '../../../src/client/walkthrough-args';
import { ChecklistStore, type MementoLike } from '../../../src/client/walkthrough-checklist';

/** An in-memory Memento: the real one is VS Code's workspace state, which needs the extension host. */
class MapMemento implements MementoLike {
	readonly data = new Map<string, unknown>();
	get<T>(key: string): T | undefined {
		return this.data.get(key) as T | undefined;
	}
	update(key: string, value: unknown): Promise<void> {
		this.data.set(key, structuredClone(value));
		return Promise.resolve();
	}
}

describe('parseOpenArgs', () => {
	const account = { uri: 'file:///w/dms.mailaccounts.json', accountId: 'dms-import' };
	const cases: [string, unknown, ReturnType<typeof parseOpenArgs>][] = [
		['no args', undefined, {}],
		['a string is ignored', 'm365-send-as', {}],
		['guide only', { guide: 'm365-send-as' }, { focus: { guide: 'm365-send-as' } }],
		[
			'guide#step as found in Finding.walkthrough',
			{ guide: 'm365-send-as#configure' },
			{ focus: { guide: 'm365-send-as', step: 'configure' } },
		],
		[
			'guide and step separately',
			{ guide: 'm365-send-as', step: 'configure' },
			{ focus: { guide: 'm365-send-as', step: 'configure' } },
		],
		[
			'with the account in context',
			{ guide: 'm365-enable-smtp-auth', step: 'test', ...account },
			{ focus: { guide: 'm365-enable-smtp-auth', step: 'test' }, account },
		],
		[
			'an account needs both uri and id',
			{ guide: 'm365-send-as', accountId: 'x' },
			{ focus: { guide: 'm365-send-as' } },
		],
		[
			'unknown step keeps the guide',
			{ guide: 'm365-send-as', step: 'nope' },
			{ focus: { guide: 'm365-send-as' }, unresolved: 'm365-send-as#nope' },
		],
		['unknown guide', { guide: 'nope' }, { unresolved: 'nope' }],
		['wrong types are ignored', { guide: 42, step: ['x'], uri: {}, accountId: null }, {}],
	];
	for (const [name, raw, expected] of cases) test(name, () => assert.deepEqual(parseOpenArgs(raw), expected));
});

describe('ChecklistStore', () => {
	const a = { uri: 'file:///w/a.mailaccounts.json', accountId: 'one' };
	const b = { uri: 'file:///w/a.mailaccounts.json', accountId: 'two' };

	test('ticks per account and guide and survives a new store over the same memento (a restart)', async () => {
		const memento = new MapMemento();
		const store = new ChecklistStore(memento);
		assert.deepEqual(await store.set(a, 'm365-send-as', 'configure', true), ['configure']);
		assert.deepEqual(await store.set(a, 'm365-send-as', 'test', true), ['configure', 'test']);
		assert.deepEqual(await store.set(b, 'm365-send-as', 'test', true), ['test']);
		const restarted = new ChecklistStore(memento);
		assert.deepEqual(restarted.forAccount(a), { 'm365-send-as': ['configure', 'test'] });
		assert.deepEqual(restarted.forAccount(b), { 'm365-send-as': ['test'] });
		assert.deepEqual(restarted.forAccount(undefined), {});
	});

	test('unticking removes only that step; ticking twice keeps one entry', async () => {
		const store = new ChecklistStore(new MapMemento());
		await store.set(a, 'g', 'x', true);
		await store.set(a, 'g', 'x', true);
		await store.set(a, 'g', 'y', true);
		assert.deepEqual(await store.set(a, 'g', 'x', false), ['y']);
	});

	test('garbage in the memento reads as empty', () => {
		const memento = new MapMemento();
		memento.data.set('mailcfg.walkthrough.checklist', 'corrupt');
		assert.deepEqual(new ChecklistStore(memento).forAccount(a), {});
	});
});
