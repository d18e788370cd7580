import type { Account, SecurityMode } from '../config/model';
import type { Lang, Localized } from '../i18n';
import type { MailProtocol } from '../providers/types';

/** The discovery steps, in the order they are tried (and the `kind` of a source in `mailcfg discover --format json`). */
export const SOURCE_KINDS = ['data', 'autoconfig', 'mx', 'srv', 'tenant'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** One server a step found. `verified` is false only for settings fetched over plain HTTP. */
export interface ServerCandidate {
	protocol: MailProtocol;
	host: string;
	port: number;
	security: SecurityMode;
	source: SourceKind;
	/** Where exactly the value came from: a URL, a DNS record, a table entry (untrusted parts already cleaned). */
	origin: string;
	verified: boolean;
	/** The provider's own server table (src/core/providers/known.ts) documents this endpoint. */
	documented: boolean;
	/** Login name the source names (autoconfig `<username>` with its placeholders filled in). */
	username?: string;
	/** The provider this server belongs to, as far as the source tells. */
	provider?: DiscoveredProvider;
	/** Order within its source (SRV priority/weight, order in the file): lower first. */
	rank: number;
}

/** A provider as discovery names it: one of ours (`microsoft365`), an ISPDB id (`gmx.net`) or an autoconfig id. */
export interface DiscoveredProvider {
	id: string;
	name: string;
	/** Set when the provider is one of our own table's, so the account can carry `provider` and rules apply. */
	known: boolean;
}

/** `found`: it contributed; `none`: it answered with nothing usable; `failed`: error or timeout; `skipped`: not run. */
export type StepStatus = 'found' | 'none' | 'failed' | 'skipped';

export interface StepReport {
	kind: SourceKind;
	status: StepStatus;
	detail: Localized;
}

export interface TenantInfo {
	id: string;
	domain: string;
}

/** Why the recommended sign-in method was chosen (shown beside the account). */
export interface AuthAdvice {
	method: Account['auth']['method'];
	flow?: 'client-credentials' | 'device-code';
	reason: Localized;
}

/**
 * What must be done once, in the provider's own settings, before a mail program can sign in ("allow IMAP access"),
 * as the source of the recommended servers says it.
 */
export interface EnableAdvice {
	/** The provider's page for it. */
	url: string;
	/** Our sourced statement for a provider of our table; otherwise the provider's own instruction, quoted. */
	text: Partial<Record<Lang, string>>;
	source: SourceKind;
	/** `mailcfg fact <id>`, `ISPDB <id>`, or the autoconfig file's URL. */
	origin: string;
}

export interface DiscoveryResult {
	email: string;
	domain: string;
	provider: DiscoveredProvider | null;
	steps: StepReport[];
	/** Best first. */
	imap: ServerCandidate[];
	smtp: ServerCandidate[];
	tenant: TenantInfo | null;
	auth: AuthAdvice | null;
	/** Null when the source of the best server names no such step. */
	enable: EnableAdvice | null;
	/** Null when no server was found. */
	account: Account | null;
}
