/**
 * Turns an account (as parsed from a file, so possibly incomplete) into what a probe needs: endpoint, timeouts and
 * login. Problems become CONFIG failures naming the property, so a half-written config gets a clear answer.
 */
import { SECURITY_MODES, TLS_VERSIONS, type Account, type SecurityMode, type TlsVersion } from '../config/model';
import type { Localized } from '../i18n';
import { ProbeFailure } from './classify';
import { DEFAULT_TIMEOUTS, type ProbeContext, type ProbeTimeouts } from './context';
import type { StageName } from './result';
import type { Endpoint } from './wire';

const CONFIG_FIELD: Localized = {
	en: '"{path}" is missing or invalid ({expected}).',
	de: '"{path}" fehlt oder ist ungültig ({expected}).',
};

/** The well-known ports of each protocol, for hints ("use 993 for implicit TLS"). */
export const WELL_KNOWN_PORTS = { imap: { tls: 993, plain: 143 }, smtp: { tls: 465, plain: 587 } } as const;

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function configError(path: string, expected: string): ProbeFailure {
	return new ProbeFailure('CONFIG', { hint: { text: CONFIG_FIELD, args: { path, expected } } });
}

/** Host names and user names travel into protocol lines: control characters would inject commands. */
function cleanString(value: unknown): string | undefined {
	if (typeof value !== 'string' || value === '' || /\s/.test(value)) return undefined;
	return [...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f) ? undefined : value;
}

export function endpointOf(account: Account, protocol: 'imap' | 'smtp'): Endpoint {
	const section: unknown = account[protocol];
	if (!isRecord(section)) throw configError(protocol, 'object');
	const host = cleanString(section.host);
	if (!host) throw configError(`${protocol}.host`, 'host name');
	const port = section.port;
	if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
		throw configError(`${protocol}.port`, '1-65535');
	}
	const security = section.security ?? (port === WELL_KNOWN_PORTS[protocol].tls ? 'tls' : 'starttls');
	if (!SECURITY_MODES.includes(security as SecurityMode))
		throw configError(`${protocol}.security`, SECURITY_MODES.join('|'));
	const tlsOptions = isRecord(section.tls) ? section.tls : {};
	const endpoint: Endpoint = {
		host,
		port,
		security: security as SecurityMode,
		rejectUnauthorized: tlsOptions.rejectUnauthorized !== false,
	};
	if (TLS_VERSIONS.includes(tlsOptions.minVersion as TlsVersion))
		endpoint.minVersion = tlsOptions.minVersion as TlsVersion;
	const servername = cleanString(tlsOptions.servername);
	if (servername) endpoint.servername = servername;
	return endpoint;
}

/** The user to log in as: `auth.user`, else the account's email. */
export function loginUser(account: Account): string {
	const auth: unknown = account.auth;
	const user = cleanString(isRecord(auth) ? auth.user : undefined) ?? cleanString(account.email);
	if (!user) throw configError('auth.user', 'user name');
	return user;
}

/**
 * The longest delay a Node timer holds; a larger one fires after 1 ms (TimeoutOverflowWarning), so a generous
 * timeout would turn into an instant TIMEOUT.
 */
export const MAX_TIMER_MS = 2_147_483_647;

/**
 * Account `timeouts` override the context's (settings or CLI), which override the defaults. The account's `stage`
 * also bounds the interactive sign-in: a user who set it chose that limit for every later stage.
 */
export function effectiveTimeouts(account: Account, ctx: ProbeContext): Required<ProbeTimeouts> {
	const own: unknown = account.timeouts;
	const pick = (value: unknown, fallback: number) =>
		Math.min(typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback, MAX_TIMER_MS);
	const mine = isRecord(own) ? own : {};
	return {
		connectMs: pick(mine.connect, ctx.timeouts.connectMs),
		greetingMs: pick(mine.greeting, ctx.timeouts.greetingMs),
		stageMs: pick(mine.stage, ctx.timeouts.stageMs),
		signInMs: pick(mine.stage, ctx.timeouts.signInMs ?? DEFAULT_TIMEOUTS.signInMs),
	};
}

/**
 * The timeout of one stage: dns, tcp and tls take the connect timeout, the greeting its own, every later stage the
 * stage timeout (sending a test mail two: MAIL, RCPT, DATA and the message). The one place that says it, for the
 * stages and for the check's budget (their sum).
 */
export function stageTimeout(stage: StageName, timeouts: ProbeTimeouts): number {
	switch (stage) {
		case 'dns':
		case 'tcp':
		case 'tls':
			return timeouts.connectMs;
		case 'greeting':
			return timeouts.greetingMs;
		case 'send':
			return Math.min(timeouts.stageMs * 2, MAX_TIMER_MS);
		default:
			return timeouts.stageMs;
	}
}

/** The IMAP folder the adapter imports from; INBOX when the config names none. */
export function importFolder(account: Account): string {
	const imap: unknown = account.imap;
	const folder = isRecord(imap) ? imap.folder : undefined;
	return typeof folder === 'string' && folder.trim() !== '' && !/[\r\n\0]/.test(folder) ? folder : 'INBOX';
}
