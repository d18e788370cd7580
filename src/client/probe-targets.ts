/**
 * What the editor asks before a connection test sends credentials: per destination (host:port or authority
 * origin), which secret references and environment variables go there and whether the channel is cleartext, and
 * the memory of what the user already confirmed. A config file can aim stored secrets at any host, so a destination
 * is confirmed together with the secrets it receives: a config that starts sending another secret there asks again.
 * Cleartext to a remote host is never remembered; it is asked every time.
 */
import { formatRef } from '../core/secrets';
import { type Lang, type Localized, tr } from '../core/i18n';
import { type Destination, destinationsOf } from '../core/trust/account';

export type { Destination };
export { destinationsOf };

/** The subset of VS Code's `Memento` (workspaceState) the store needs. */
export interface KeyValueStore {
	get<T>(key: string): T | undefined;
	update(key: string, value: unknown): PromiseLike<void>;
}

const STORE_KEY = 'mailcfg.confirmedDestinations';

/** Cleartext to a host that is not this machine: the user accepts that risk per test, never once for all. */
export function isRemoteCleartext(destination: Destination): boolean {
	return destination.cleartext && !destination.loopback;
}

/** What a confirmation covers: the destination and exactly what it receives. */
export function confirmationKey(destination: Destination): string {
	const secrets = destination.secrets.map((s) => (s.ref ? formatRef(s.ref) : `literal:${s.field}`)).sort();
	return [destination.key, ...secrets, ...(destination.accessToken ? ['token'] : [])].join('|');
}

const TEXTS = {
	line: { en: '{key} ({protocol}, {channel}): {what}', de: '{key} ({protocol}, {channel}): {what}' },
	encrypted: { en: 'encrypted', de: 'verschlüsselt' },
	cleartext: {
		en: 'CLEARTEXT: anyone on the network path can read the credentials',
		de: 'KLARTEXT: Jeder auf dem Netzweg kann die Zugangsdaten mitlesen',
	},
	loopbackCleartext: { en: 'unencrypted, this machine only', de: 'unverschlüsselt, nur dieser Rechner' },
	literal: { en: 'the value written in "{field}"', de: 'der in „{field}“ eingetragene Wert' },
	token: { en: 'the access token', de: 'das Zugriffstoken' },
	nothing: { en: 'no secret', de: 'kein Geheimnis' },
} satisfies Record<string, Localized>;

const PROTOCOLS = { imap: 'IMAP', smtp: 'SMTP', oauth2: 'OAuth2' } as const;

/** One line of the confirmation: `imap.example.com:993 (IMAP, encrypted): ${secret:PW}`. */
export function describeDestination(destination: Destination, lang: Lang): string {
	const what = [
		...destination.secrets.map((s) => (s.ref ? formatRef(s.ref) : tr(TEXTS.literal, lang, { field: s.field }))),
		...(destination.accessToken ? [tr(TEXTS.token, lang)] : []),
	];
	const channel = !destination.cleartext
		? TEXTS.encrypted
		: destination.loopback
			? TEXTS.loopbackCleartext
			: TEXTS.cleartext;
	return tr(TEXTS.line, lang, {
		key: destination.key,
		protocol: PROTOCOLS[destination.protocol],
		channel: tr(channel, lang),
		what: what.length ? what.join(', ') : tr(TEXTS.nothing, lang),
	});
}

/** Confirmed destinations (with what they receive), kept in workspaceState so another workspace asks again. */
export class TargetConfirmations {
	constructor(private readonly store: KeyValueStore) {}

	private confirmed(): string[] {
		const value = this.store.get<unknown>(STORE_KEY);
		return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
	}

	/** The destinations to ask about: new ones, changed ones, and every remote cleartext one. */
	unconfirmed(destinations: readonly Destination[]): Destination[] {
		const known = new Set(this.confirmed());
		return destinations.filter((d) => isRemoteCleartext(d) || !known.has(confirmationKey(d)));
	}

	async confirm(destinations: readonly Destination[]): Promise<void> {
		const remembered = destinations.filter((d) => !isRemoteCleartext(d)).map(confirmationKey);
		await this.store.update(STORE_KEY, [...new Set([...this.confirmed(), ...remembered])].sort());
	}
}
