import { performance } from 'node:perf_hooks';
import type { Lang } from '../i18n';
import { HINTS, ProbeFailure, classifyError } from './classify';
import type { ProbeContext } from './context';
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
}

interface Disposable {
	destroy(): void;
}

/**
 * Runs the stages of one check: times each, bounds it with its timeout, cancels on the AbortSignal (destroying
 * every socket the check owns at once), classifies failures and builds the ProbeCheck. No timer outlives a stage.
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
				// Stage budgets are sums of timeouts and may pass what a timer holds.
				timer = setTimeout(() => stop(this.failures.timeout(name, timeoutMs)), Math.min(timeoutMs, MAX_TIMER_MS));
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
			const failure = classifyError(error, name);
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
		this.failure = { error: error instanceof ProbeFailure ? error : classifyError(error, 'auth') };
	}

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
			check.error = { code: error.code, message: this.redactor.text(error.localizedMessage(this.lang)) };
			if (error.serverResponse) check.error.serverResponse = this.redactor.text(error.serverResponse);
		}
		return check;
	}

	private record(result: {
		name: StageName;
		ok: boolean;
		ms: number;
		detail?: string | undefined;
		facts?: StageResult['facts'];
	}) {
		const stage: StageResult = { name: result.name, ok: result.ok, ms: result.ms };
		if (result.detail) stage.detail = this.redactor.text(result.detail);
		if (result.facts && Object.keys(result.facts).length) stage.facts = result.facts;
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
