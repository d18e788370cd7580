import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { runBounded } from '../../../src/client/probe-pool';

test('runBounded never runs more than the limit at once and keeps result order', async () => {
	for (const limit of [1, 2, 4, 32]) {
		let running = 0;
		let peak = 0;
		const items = [30, 5, 20, 1, 15, 10, 2, 8];
		const results = await runBounded(items, limit, async (ms, i) => {
			running++;
			peak = Math.max(peak, running);
			await delay(ms);
			running--;
			return `${i}:${ms}`;
		});
		assert.deepEqual(
			results,
			items.map((ms, i) => `${i}:${ms}`),
		);
		assert.equal(peak, Math.min(limit, items.length), `limit ${limit}`);
	}
});

test('runBounded starts nothing new after the signal aborts', async () => {
	const controller = new AbortController();
	const started: number[] = [];
	const results = await runBounded(
		[0, 1, 2, 3, 4, 5],
		2,
		async (n) => {
			started.push(n);
			if (n === 1) controller.abort();
			await delay(5);
			return n;
		},
		controller.signal,
	);
	assert.deepEqual(started, [0, 1]);
	assert.deepEqual(results, [0, 1, undefined, undefined, undefined, undefined]);
});

test('runBounded treats a nonsense limit as 1 and an empty list as done', async () => {
	let running = 0;
	let peak = 0;
	await runBounded([1, 2, 3], 0, async () => {
		running++;
		peak = Math.max(peak, running);
		await delay(1);
		running--;
	});
	assert.equal(peak, 1);
	assert.deepEqual(await runBounded([], 4, () => Promise.resolve(1)), []);
});
