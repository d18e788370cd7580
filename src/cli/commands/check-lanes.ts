import { Worker, parentPort, workerData } from 'node:worker_threads';
import { type Localized, tr } from '../../core/i18n';
import { type CheckSettings, type FileOutcome, type FileTask, checkFile, clockOf, reason } from './check-file';

/*
 * `mailcfg check --jobs N`: this thread and N - 1 worker threads check the files. Each lane takes the next unchecked
 * file from a shared counter, so a lane that started late (a worker starts Node and loads the check bundle first,
 * 200-300 ms on a busy machine) or got the large files takes fewer; the outcomes go back by index and are reported in
 * the order of a sequential run.
 */

/** The Int32Array over the shared buffer: the next file to take, then for each worker its state and current file. */
const NEXT = 0;
const stateAt = (worker: number): number => 1 + 2 * worker;
const currentAt = (worker: number): number => 2 + 2 * worker;
/** A worker's state: still loading, taking files, or told not to take any (the files were gone before it started). */
const PENDING = 0;
const RUNNING = 1;
const CANCELLED = 2;

/** What a worker gets; `mailcfgCheckLane` marks the check bundle's own workers. */
interface LaneData {
	mailcfgCheckLane: number;
	tasks: FileTask[];
	settings: CheckSettings;
	shared: Int32Array;
}

type LaneResult = [index: number, outcome: FileOutcome][];

const TEXTS = {
	stopped: {
		en: 'cannot check {path}: the worker thread checking it stopped ({reason})',
		de: '{path} kann nicht geprüft werden: der Worker-Thread, der die Datei prüfte, wurde beendet ({reason})',
	},
	exitCode: { en: 'exit code {code}', de: 'Exit-Code {code}' },
} satisfies Record<string, Localized>;

interface LaneEnd {
	results: LaneResult | undefined;
	error: unknown;
	code: number;
}

/**
 * Checks `tasks` in `lanes` lanes, this thread one of them; `script` is the check bundle, which a worker runs to
 * serve its lane. A worker that stops before it reported (a crash, an uncaught error, running out of memory) costs
 * one file's result: the file it was checking is reported as not checked (it may be the cause; checked again here,
 * it could stop this thread too), the other files it had taken are checked here.
 */
export async function checkInLanes(
	tasks: FileTask[],
	settings: CheckSettings,
	lanes: number,
	script: string,
): Promise<FileOutcome[]> {
	const shared = new Int32Array(new SharedArrayBuffer(4 * (1 + 2 * (lanes - 1))));
	const workers: Worker[] = [];
	const ends: Promise<LaneEnd>[] = [];
	for (let w = 0; w < lanes - 1; w++) {
		shared[currentAt(w)] = -1;
		const data: LaneData = { mailcfgCheckLane: w, tasks, settings, shared };
		const worker = new Worker(script, { workerData: data });
		workers.push(worker);
		ends.push(
			new Promise((resolve) => {
				let error: unknown;
				// The results are the worker's last act: its thread winds down (tens of milliseconds) while the report is
				// written, and the process waits for it only at its end.
				worker.on('message', (results: LaneResult) => resolve({ results, error: undefined, code: 0 }));
				worker.on('error', (thrown) => (error = thrown));
				worker.on('exit', (code) => resolve({ results: undefined, error, code }));
			}),
		);
	}

	const outcomes: (FileOutcome | undefined)[] = new Array<FileOutcome | undefined>(tasks.length);
	const now = clockOf(settings);
	for (let i = Atomics.add(shared, NEXT, 1); i < tasks.length; i = Atomics.add(shared, NEXT, 1)) {
		outcomes[i] = checkFile(tasks[i] as FileTask, settings, now);
	}
	// Every file is taken: a worker still loading would find none, so it is stopped instead of waited for.
	workers.forEach((worker, w) => {
		if (Atomics.compareExchange(shared, stateAt(w), PENDING, CANCELLED) === PENDING) void worker.terminate();
	});

	for (const [w, end] of (await Promise.all(ends)).entries()) {
		if (end.results) {
			for (const [index, outcome] of end.results) outcomes[index] = outcome;
			continue;
		}
		const lost = shared[currentAt(w)] as number;
		if (lost < 0) continue;
		const why = end.error === undefined ? tr(TEXTS.exitCode, settings.lang, { code: end.code }) : reason(end.error);
		outcomes[lost] = { problem: tr(TEXTS.stopped, settings.lang, { path: tasks[lost]?.display ?? '', reason: why }) };
	}
	return tasks.map((task, i) => outcomes[i] ?? checkFile(task, settings, now));
}

/** The worker's side: runs when the check bundle is a worker's script. */
export function serveLane(): void {
	const data = workerData as LaneData | undefined;
	if (!parentPort || typeof data?.mailcfgCheckLane !== 'number') return;
	const { mailcfgCheckLane: w, tasks, settings, shared } = data;
	if (Atomics.compareExchange(shared, stateAt(w), PENDING, RUNNING) !== PENDING) return;
	const now = clockOf(settings);
	const results: LaneResult = [];
	for (let i = Atomics.add(shared, NEXT, 1); i < tasks.length; i = Atomics.add(shared, NEXT, 1)) {
		Atomics.store(shared, currentAt(w), i);
		results.push([i, checkFile(tasks[i] as FileTask, settings, now)]);
	}
	Atomics.store(shared, currentAt(w), -1);
	parentPort.postMessage(results);
}
