/**
 * Runs tasks with at most `limit` in flight (`mailcfg.probe.concurrency`), in input order of start. Once the
 * signal aborts, tasks not started yet are never started; their result is `undefined`.
 */
export async function runBounded<T, R>(
	items: readonly T[],
	limit: number,
	task: (item: T, index: number) => Promise<R>,
	signal?: AbortSignal,
): Promise<(R | undefined)[]> {
	const results: (R | undefined)[] = new Array<R | undefined>(items.length).fill(undefined);
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < items.length && !signal?.aborted) {
			const index = next++;
			results[index] = await task(items[index] as T, index);
		}
	};
	const width = Math.max(1, Math.min(Math.floor(limit) || 1, items.length));
	await Promise.all(Array.from({ length: width }, worker));
	return results;
}
