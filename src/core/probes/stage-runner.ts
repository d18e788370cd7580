import { performance } from 'node:perf_hooks';
import type { Lang } from '../i18n';
import { HINTS, ProbeFailure, classifyError } from './classify';
import type { ProbeContext } from './context';
import { containCheck, containFacts, containText } from './contain';
import type { Redactor } from './redact';
import type { ProbeCheck, Protocol, StageName, StageResult } from './result';
import { MAX_TIMER_MS } from './target';
import { Transcript } from './transcript';

/** A stage-level progress event for UIs (progress notifications, live report trees). */
export interface ProbeProgress {
	accountId?: string;
	protocol: Protocol;
	stage: StageName;
	state: 'start' | 'done';
	/** Present when `state` is `done`. */
	result?: StageResult;
}

export type ProgressListener = (event: ProbeProgress) => void;

/** What a stage body returns besides its value: the readable line and the facts behind it. */
export interface StageOutcome<T> {
	value: T;
	detail?: string | undefined;
	facts?: StageResult['facts'] | undefined;
}

/** The failures a stage ends with when its timeout passes or the check is cancelled. */
export interface StageFailures {
	timeout(stage: StageName, ms: number): ProbeFailure;
	cancelled(): ProbeFailure;
}

const DEFAULT_FAILURES: StageFailures = {
	timeout: (stage, ms) => new ProbeFailure('TIMEOUT', { hint: { text: HINTS.timeout, args: { stage, ms } } }),
	cancelled: () => new ProbeFailure('CANCELLED'),
};

export interface ProbeRunOptions {
	/** Masks every secret of the check in details, messages, server replies and the transcript. */
	redactor: Redactor;
	onProgress?: ProgressListener | undefined;
	accountId?: string | undefined;
	/** A protocol's own wording for timeouts and cancellation (the OAuth2 check words them for the sign-in). */
	failures?: Partial<StageFailures>;
	/**
	 * The whole check's bound: the sum of the timeouts of the stages it may run. No stage outlives it, whatever the
	 * stage's own timeout, so the check ends within it (plus the time to record the failure).
	 */
	budgetMs?: number | undefined;
}

interface Disposable {
	destroy(): void;
}

/**
 * Runs the stages of one check: times each, bounds it with its timeout and the check's budget (a hard timer: lines
 * a server keeps sending do not extend it), cancels on the AbortSignal (destroying every socket the check owns at
 * once), classifies failures and builds the ProbeCheck. No timer outlives a stage. A failure without a reply of its
 * own carries what the server said during the failed stage.
 */
export class ProbeRun {
	readonly stages: StageResult[] = [];
	readonly transcript: Transcript;
	private failure: { stage?: StageName; error: ProbeFailure } | undefined;
	private readonly resources = new Set<Disposable>();

	readonly redactor: Redactor;
	private readonly onProgress: ProgressListener | undefined;
	private readonly accountId: string | undefined;
	private readonly failures: StageFailures;
	private readonly deadline: number;

	constructor(
		readonly protocol: Protocol,
		readonly ctx: ProbeContext,
		options: ProbeRunOptions,
	) {
		this.redactor = options.redactor;
		this.onProgress = options.onProgress;
		this.accountId = options.accountId;
		this.failures = { ...DEFAULT_FAILURES, ...options.failures };
		this.transcript = new Transcript(options.redactor);
		this.deadline = performance.now() + Math.min(options.budgetMs ?? MAX_TIMER_MS, MAX_TIMER_MS);
	}

	/**
	 * Where a login library reads the socket, the lines it has not finished (an SMTP multi-line reply that never
	 * ends) are not in the transcript; the library stages set this to see the socket's last bytes.
	 */
	witness: (() => string[]) | undefined;

	/** What the server said since `mark`: its transcript lines, else the last lines it sent to the library. */
	private saidSince(mark: number): string | undefined {
		const lines = this.transcript.serverLinesSince(mark);
		const said = lines.length ? lines : (this.witness?.() ?? []);
		return said.length ? said.join('\n') : undefined;
	}

	/** What is left of the check's budget, in ms. */
	remainingMs(): number {
		return Math.max(0, Math.round(this.deadline - performance.now()));
	}

	get lang(): Lang {
		return this.ctx.lang;
	}

	/** Tracks a socket or client so timeouts, cancellation and the end of the check close it. */
	own<T extends Disposable>(resource: T): T {
		this.resources.add(resource);
		return resource;
	}

	release(resource: Disposable): void {
		this.resources.delete(resource);
	}

	destroyAll(): void {
		// Newest first: a TLS socket must go before the TCP socket under it (the reverse order crashes Node 20 with
		// SIGSEGV when it happens inside the handshake callback).
		for (const resource of [...this.resources].reverse()) {
			try {
				resource.destroy();
			} catch {
				// already closed
			}
		}
		this.resources.clear();
	}

	/**
	 * Runs one stage. The body gets a signal that aborts when the stage times out or the check is cancelled, for work
	 * that is not a socket the run owns (HTTP requests, msal calls, a loopback listener).
	 */
	async stage<T>(
		name: StageName,
		timeoutMs: number,
		body: (signal: AbortSignal) => Promise<StageOutcome<T>>,
	): Promise<T> {
		const started = performance.now();
		this.onProgress?.({ ...this.who(), protocol: this.protocol, stage: name, state: 'start' });
		const controller = new AbortController();
		const mark = this.transcript.mark();
		let timer: NodeJS.Timeout | undefined;
		let onAbort: (() => void) | undefined;
		const signal = this.ctx.signal;
		try {
			if (signal?.aborted) throw this.failures.cancelled();
			const guard = new Promise<never>((_, reject) => {
				const stop = (failure: ProbeFailure) => {
					this.destroyAll();
					controller.abort(failure);
					reject(failure);
				};
				// The check's budget cuts a stage short; timeouts may pass what a timer holds.
				const bound = Math.min(timeoutMs, this.remainingMs(), MAX_TIMER_MS);
				timer = setTimeout(() => stop(this.failures.timeout(name, bound)), bound);
				onAbort = () => stop(this.failures.cancelled());
				signal?.addEventListener('abort', onAbort, { once: true });
			});
			const work = body(controller.signal);
			// When the guard wins, the body's own rejection (socket destroyed) must not surface as unhandled.
			work.catch(() => undefined);
			const outcome = await Promise.race([work, guard]);
			this.record({ name, ok: true, ms: elapsed(started), detail: outcome.detail, facts: outcome.facts });
			return outcome.value;
		} catch (error) {
			const failure = classifyError(error, name).withServerWords(this.saidSince(mark));
			this.destroyAll();
			if (!controller.signal.aborted) controller.abort(failure);
			this.record({ name, ok: false, ms: elapsed(started), detail: failure.detail, facts: failure.facts });
			this.failure ??= { stage: name, error: failure };
			throw failure;
		} finally {
			clearTimeout(timer);
			if (onAbort) signal?.removeEventListener('abort', onAbort);
		}
	}

	/** Records a failure that happened outside any stage (a bug or a config problem found up front). */
	fail(error: unknown): void {
		if (this.failure) return;
		this.failure = { error: classifyError(error, 'auth').withServerWords(undefined) };
	}

	/** The check, contained (sanitized, redacted, replies capped); the check's sockets are closed. */
	result(): ProbeCheck {
		this.destroyAll();
		const check: ProbeCheck = {
			protocol: this.protocol,
			ok: !this.failure,
			stages: this.stages,
			transcript: this.transcript.toArray(),
		};
		if (this.failure) {
			const { stage, error } = this.failure;
			if (stage) check.failedStage = stage;
			check.error = { code: error.code, message: error.localizedMessage(this.lang) };
			if (error.serverResponse) check.error.serverResponse = error.serverResponse;
		}
		return containCheck(check, this.redactor, this.lang);
	}

	private record(result: {
		name: StageName;
		ok: boolean;
		ms: number;
		detail?: string | undefined;
		facts?: StageResult['facts'];
	}) {
		const stage: StageResult = { name: result.name, ok: result.ok, ms: result.ms };
		if (result.detail) stage.detail = containText(result.detail, this.redactor);
		if (result.facts && Object.keys(result.facts).length) stage.facts = containFacts(result.facts, this.redactor);
		this.stages.push(stage);
		this.onProgress?.({ ...this.who(), protocol: this.protocol, stage: result.name, state: 'done', result: stage });
	}

	private who(): { accountId?: string } {
		return this.accountId === undefined ? {} : { accountId: this.accountId };
	}
}

function elapsed(started: number): number {
	return Math.round(performance.now() - started);
}
