/**
 * What the IMAP and SMTP probes share: the run around a check, the opening of the probe's own connection
 * (dns → tcp → tls | greeting, with the TLS-mode diagnosis), the STARTTLS upgrade, the hand-over to the login
 * library and the TLS options that library gets, so its connection is verified exactly like the probe's.
 */
import type { ConnectionOptions } from 'node:tls';
import type { Account } from '../config/model';
import { HINTS, ProbeFailure } from './classify';
import type { Credentials, ProbeContext, ProbeTimeouts } from './context';
import { Redactor } from './redact';
import type { ProbeCheck } from './result';
import { ProbeRun, type ProgressListener, type StageOutcome } from './stage-runner';
import { WELL_KNOWN_PORTS, configError, effectiveTimeouts, endpointOf, loginUser } from './target';
import { type Endpoint, LineChannel, goodbye, resolveStage, speaksTls, tcpStage, tlsHandshake } from './wire';
import { trustedTls } from './trust-store';

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
	timeouts: ProbeTimeouts;
}

/** How long a polite goodbye (LOGOUT, QUIT) may take before the connection is simply closed. */
export const GOODBYE_MS = 2000;

/** Runs a mail check: `body` runs the stages; whatever it throws becomes the check's failure. Never throws. */
export async function runMailCheck(
	protocol: MailProtocol,
	account: Account,
	login: MailLogin,
	ctx: ProbeContext,
	hooks: ProbeHooks,
	body: (run: ProbeRun, target: MailTarget) => Promise<void>,
): Promise<ProbeCheck> {
	const redactor = hooks.redactor ?? new Redactor([login.password, login.accessToken, login.clientSecret]);
	const run = new ProbeRun(protocol, ctx, { redactor, onProgress: hooks.onProgress, accountId: account.id });
	try {
		const target: MailTarget = {
			endpoint: endpointOf(account, protocol),
			user: loginUser(account),
			timeouts: effectiveTimeouts(account, ctx),
		};
		await body(run, target);
	} catch (error) {
		run.fail(error);
	}
	return run.result();
}

/**
 * dns → tcp → tls (implicit TLS only) → greeting on the probe's own connection. `greet` judges the greeting from its
 * first line (reading more when the protocol has multi-line greetings). When no line comes at all, a port that
 * completes a TLS handshake means the config speaks plain text to an implicit-TLS port.
 */
export async function openSession<T>(
	run: ProbeRun,
	protocol: MailProtocol,
	target: MailTarget,
	greet: (channel: LineChannel, first: string) => Promise<StageOutcome<T>>,
): Promise<{ channel: LineChannel; greeting: T }> {
	const { endpoint, timeouts } = target;
	const addresses = await run.stage('dns', timeouts.connectMs, () => resolveStage(endpoint));
	let socket = await run.stage('tcp', timeouts.connectMs, () => tcpStage(run, addresses, endpoint.port));
	if (endpoint.security === 'tls') {
		const raw = socket;
		socket = await run.stage('tls', timeouts.connectMs, () => withModeHint(protocol, tlsHandshake(run, raw, endpoint)));
	}
	const channel = new LineChannel(run, socket);
	const greeting = await run.stage('greeting', timeouts.greetingMs + timeouts.connectMs, async () => {
		const first = await channel.readLineWithin(timeouts.greetingMs);
		if (first === undefined) throw await silentPort(run, protocol, endpoint, addresses[0] as string, timeouts);
		return greet(channel, first);
	});
	return { channel, greeting };
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

async function silentPort(
	run: ProbeRun,
	protocol: MailProtocol,
	endpoint: Endpoint,
	address: string,
	timeouts: ProbeTimeouts,
): Promise<ProbeFailure> {
	if (endpoint.security !== 'tls' && (await speaksTls(run, address, endpoint.port, timeouts.connectMs))) {
		return new ProbeFailure('TLS_MODE_MISMATCH', {
			hint: { text: HINTS.plainOnTlsPort, args: { plainPort: WELL_KNOWN_PORTS[protocol].plain } },
		});
	}
	return new ProbeFailure('TIMEOUT', {
		hint: { text: HINTS.timeout, args: { stage: 'greeting', ms: timeouts.greetingMs } },
	});
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
		value: new LineChannel(run, upgraded.value),
		detail: upgraded.detail,
		facts: { ...upgraded.facts, ...before },
	};
}

/** Ends the probe's own connection politely; the login then runs through `library` on a connection of its own. */
export async function handOver(run: ProbeRun, channel: LineChannel, command: string, library: string): Promise<void> {
	await goodbye(run, channel, command, GOODBYE_MS);
	run.transcript.note(`login on a new connection (${library})`);
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

/** TLS options for the login library: the same trust, minimum version and verification as the probe's connection. */
export function libraryTls(
	endpoint: Endpoint,
	extraCa: readonly string[] | undefined,
): { tls: ConnectionOptions; servername?: string } {
	return {
		tls: {
			rejectUnauthorized: endpoint.rejectUnauthorized,
			...(endpoint.minVersion ? { minVersion: endpoint.minVersion } : {}),
			...(extraCa?.length ? trustedTls(extraCa) : {}),
		},
		...(endpoint.servername ? { servername: endpoint.servername } : {}),
	};
}
