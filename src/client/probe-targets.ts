/**
 * The hosts a connection test would send an account's credentials to, and the memory of which ones the user
 * has confirmed. A config file can aim stored secrets at any host, so each new host:port is confirmed once.
 */
import { MICROSOFT_LOGIN } from '../core/probes/oauth2-plan';

/** Where a probe connects with credentials. */
export interface ProbeTarget {
	protocol: 'imap' | 'smtp' | 'oauth2';
	host: string;
	port: number;
}

/** The subset of VS Code's `Memento` (workspaceState) the store needs. */
export interface KeyValueStore {
	get<T>(key: string): T | undefined;
	update(key: string, value: unknown): PromiseLike<void>;
}

const STORE_KEY = 'mailcfg.confirmedTargets';
/** The authority host when a config names none; the tenant only changes the path. */
const DEFAULT_AUTHORITY_HOST = new URL(MICROSOFT_LOGIN).hostname;

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function endpoint(protocol: 'imap' | 'smtp', value: unknown): ProbeTarget | undefined {
	if (!isRecord(value) || typeof value.host !== 'string' || value.host.trim() === '') return undefined;
	if (typeof value.port !== 'number') return undefined;
	return { protocol, host: value.host.trim().toLowerCase(), port: value.port };
}

function authorityTarget(oauth2: unknown): ProbeTarget | undefined {
	if (!isRecord(oauth2)) return undefined;
	if (typeof oauth2.authority !== 'string') return { protocol: 'oauth2', host: DEFAULT_AUTHORITY_HOST, port: 443 };
	try {
		const url = new URL(oauth2.authority);
		return { protocol: 'oauth2', host: url.hostname.toLowerCase(), port: url.port ? Number(url.port) : 443 };
	} catch {
		// An unparsable authority fails in the OAuth2 probe with a CONFIG error before anything connects.
		return undefined;
	}
}

/**
 * Every target an account's test would contact with its credentials: the OAuth2 authority (client secret,
 * sign-in), the IMAP and the SMTP server.
 */
export function targetsOf(account: unknown): ProbeTarget[] {
	if (!isRecord(account)) return [];
	const auth = isRecord(account.auth) ? account.auth : {};
	const targets = [
		auth.method === 'oauth2' ? authorityTarget(auth.oauth2) : undefined,
		endpoint('imap', account.imap),
		endpoint('smtp', account.smtp),
	];
	return targets.filter((t): t is ProbeTarget => t !== undefined);
}

export function targetKey(target: ProbeTarget): string {
	return `${target.host}:${target.port}`;
}

/** Confirmed `host:port` keys, kept in workspaceState so another workspace asks again. */
export class TargetConfirmations {
	constructor(private readonly store: KeyValueStore) {}

	private confirmed(): string[] {
		const value = this.store.get<unknown>(STORE_KEY);
		return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
	}

	/** The targets not confirmed yet, without duplicates (IMAP and SMTP on one host:port ask once). */
	unconfirmed(targets: readonly ProbeTarget[]): ProbeTarget[] {
		const known = new Set(this.confirmed());
		const result: ProbeTarget[] = [];
		for (const target of targets) {
			const key = targetKey(target);
			if (known.has(key)) continue;
			known.add(key);
			result.push(target);
		}
		return result;
	}

	async confirm(targets: readonly ProbeTarget[]): Promise<void> {
		const all = new Set([...this.confirmed(), ...targets.map(targetKey)]);
		await this.store.update(STORE_KEY, [...all].sort());
	}
}
