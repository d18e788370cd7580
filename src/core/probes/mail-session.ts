/**
 * What the IMAP and SMTP probes share: the run around a check (with its budget), the opening of the connection
 * (dns → tcp → tls | greeting, with the TLS-mode diagnosis), the STARTTLS upgrade, and the hand-over of that same
 * connection to the login library, so a check opens one connection per protocol.
 */
import type { Account, SecurityMode } from '../config/model';
import { HINTS, ProbeFailure } from './classify';
import type { Credentials, ProbeContext, ProbeTimeouts } from './context';
import { Redactor } from './redact';
import type { ProbeCheck, StageName } from './result';
import { ProbeRun, type ProgressListener, type StageOutcome } from './stage-runner';
import { WELL_KNOWN_PORTS, configError, effectiveTimeouts, endpointOf, loginUser, stageTimeout } from './target';
import { LINE_LIMITS } from './limits';
import { type Endpoint, LineChannel, resolveStage, speaksTls, tcpStage, tlsHandshake } from './wire';

export type MailProtocol = 'imap' | 'smtp';

/** What the auth stage logs in with: the resolved password, or an OAuth2 access token (XOAUTH2/OAUTHBEARER). */
export interface MailLogin extends Credentials {
	accessToken?: string;
}

export interface ProbeHooks {
	onProgress?: ProgressListener;
	/** Shared by the checks of one account so every secret the account uses is masked in each. */
	redactor?: Redactor;
}

/** The signature of a mail probe (IMAP, SMTP). */
export type MailProbe = (
	account: Account,
	login: MailLogin,
	ctx: ProbeContext,
	hooks?: ProbeHooks,
) => Promise<ProbeCheck>;

/** Where and as whom a mail probe connects, read from the account before any stage runs. */
export interface MailTarget {
	endpoint: Endpoint;
	user: string;
	timeouts: Required<ProbeTimeouts>;
}

/** How long a polite goodbye (LOGOUT, QUIT) may take before the connection is simply closed. */
export const GOODBYE_MS = 2000;

/**
 * Runs a mail check: `body` runs the stages; whatever it throws becomes the check's failure. Never throws. `plan`
 * names the stages the check runs for a TLS mode: the sum of their timeouts is the check's budget, which no stage
 * outlives.
 */
export async function runMailCheck(
	protocol: MailProtocol,
	account: Account,
	login: MailLogin,
	ctx: ProbeContext,
	hooks: ProbeHooks,
	plan: (security: SecurityMode) => StageName[],
	body: (run: ProbeRun, target: MailTarget) => Promise<void>,
): Promise<ProbeCheck> {
	const redactor = hooks.redactor ?? new Redactor([login.password, login.accessToken, login.clientSecret]);
	const timeouts = effectiveTimeouts(account, ctx);
	let target: MailTarget | undefined;
	let problem: unknown;
	try {
		target = { endpoint: endpointOf(account, protocol), user: loginUser(account), timeouts };
	} catch (error) {
		problem = error;
	}
	const budgetMs = target
		? plan(target.endpoint.security).reduce((sum, stage) => sum + stageTimeout(stage, timeouts), 0)
		: undefined;
	const run = new ProbeRun(protocol, ctx, {
		redactor,
		onProgress: hooks.onProgress,
		accountId: account.id,
		budgetMs,
	});
	try {
		if (!target) throw problem;
		await body(run, target);
	} catch (error) {
		run.fail(error);
	}
	return run.result();
}

/**
 * dns → tcp → tls (implicit TLS only) → greeting. `greet` judges the greeting from its first line (reading more
 * when the protocol has multi-line greetings). The greeting stage stays within its own timeout: when half of it
 * passed without a single byte, a TLS handshake on a second connection asks whether the port speaks implicit TLS
 * (the config speaks plain text to it), while the wait for the greeting goes on.
 */
export async function openSession<T>(
	run: ProbeRun,
	protocol: MailProtocol,
	target: MailTarget,
	greet: (channel: LineChannel, first: string) => Promise<StageOutcome<T>>,
): Promise<{ channel: LineChannel; greeting: T }> {
	const { endpoint, timeouts } = target;
	const dnsMs = stageTimeout('dns', timeouts);
	const dnsServers = run.ctx.dnsServers;
	const addresses = await run.stage('dns', dnsMs, (signal) =>
		resolveStage(endpoint, signal, dnsServers?.length ? { servers: dnsServers, timeoutMs: dnsMs } : undefined),
	);
	let socket = await run.stage('tcp', stageTimeout('tcp', timeouts), () => tcpStage(run, addresses, endpoint.port));
	if (endpoint.security === 'tls') {
		const raw = socket;
		socket = await run.stage('tls', stageTimeout('tls', timeouts), () =>
			withModeHint(protocol, tlsHandshake(run, raw, endpoint)),
		);
	}
	const channel = new LineChannel(run, socket, LINE_LIMITS[protocol]);
	const greetingMs = stageTimeout('greeting', timeouts);
	const greeting = await run.stage('greeting', greetingMs, async () => {
		const first = await firstLine(run, protocol, channel, endpoint, addresses[0] as string, greetingMs);
		return greet(channel, first);
	});
	return { channel, greeting };
}

async function firstLine(
	run: ProbeRun,
	protocol: MailProtocol,
	channel: LineChannel,
	endpoint: Endpoint,
	address: string,
	greetingMs: number,
): Promise<string> {
	const sniffAfter = Math.floor(greetingMs / 2);
	const early = await channel.readLineWithin(sniffAfter);
	if (early !== undefined) return early;
	const rest = channel.readLine();
	if (endpoint.security === 'tls' || channel.firstByte !== undefined) return rest;
	rest.catch(() => undefined);
	const implicitTls = await Promise.race([
		rest.then(() => false),
		speaksTls(run, address, endpoint.port, greetingMs - sniffAfter),
	]);
	if (implicitTls) {
		throw new ProbeFailure('TLS_MODE_MISMATCH', {
			hint: { text: HINTS.plainOnTlsPort, args: { plainPort: WELL_KNOWN_PORTS[protocol].plain } },
		});
	}
	return rest;
}

/** A plain-text answer to implicit TLS means the port wants STARTTLS: say which port speaks implicit TLS. */
async function withModeHint<T>(protocol: MailProtocol, handshake: Promise<T>): Promise<T> {
	try {
		return await handshake;
	} catch (error) {
		if (error instanceof ProbeFailure && error.code === 'TLS_MODE_MISMATCH' && !error.hint) {
			throw new ProbeFailure('TLS_MODE_MISMATCH', {
				hint: { text: HINTS.tlsOnPlainPort, args: { tlsPort: WELL_KNOWN_PORTS[protocol].tls } },
			});
		}
		throw error;
	}
}

/**
 * The TLS upgrade once the server accepted STARTTLS: stop reading plain text, hand the socket to TLS and keep what
 * the server announced before TLS (`before`) among the stage's facts.
 */
export async function upgradeChannel(
	run: ProbeRun,
	channel: LineChannel,
	endpoint: Endpoint,
	before: Record<string, string[]>,
): Promise<StageOutcome<LineChannel>> {
	channel.detach();
	const upgraded = await tlsHandshake(run, channel.socket, endpoint);
	return {
		value: new LineChannel(run, upgraded.value, channel.limits),
		detail: upgraded.detail,
		facts: { ...upgraded.facts, ...before },
	};
}

/**
 * Whether the account logs in with a token, after checking the credential it needs is there: a missing token is
 * the oauth2 check's failure, a missing password a gap in the config.
 */
export function loginMethod(account: Account, login: MailLogin): { method: string; oauth: boolean } {
	const method = account.auth?.method ?? 'password';
	const oauth = method === 'oauth2';
	if (oauth && !login.accessToken) throw new ProbeFailure('OAUTH_TOKEN');
	if (!oauth && login.password === undefined) throw configError('auth.password', 'secret');
	return { method, oauth };
}

/**
 * A polite goodbye (LOGOUT, QUIT through the library) that costs at most one round trip and never more than
 * GOODBYE_MS or what is left of the check's budget; the check's sockets close right after.
 */
export async function goodbye(run: ProbeRun, farewell: Promise<unknown>): Promise<void> {
	let timer: NodeJS.Timeout | undefined;
	try {
		await Promise.race([
			farewell,
			new Promise<void>((resolve) => {
				timer = setTimeout(resolve, Math.min(GOODBYE_MS, run.remainingMs()));
			}),
		]);
	} catch {
		// the check already has its verdict
	} finally {
		clearTimeout(timer);
	}
}

/** The library's bunyan-style log lines that belong in the transcript, fed in by each probe's logger. */
export interface TranscriptFeed {
	client(line: string): void;
	server(line: string): void;
}

/**
 * A feed that skips the first `replayed` server lines: the greeting the probe read itself and handed back to the
 * library with the socket is already in the transcript.
 */
export function libraryFeed(run: ProbeRun, replayed: number, onServer?: (line: string) => void): TranscriptFeed {
	let skip = replayed;
	return {
		client: (line) => run.transcript.client(line),
		server: (line) => {
			if (skip > 0) {
				skip--;
				return;
			}
			run.transcript.server(line);
			onServer?.(line);
		},
	};
}
