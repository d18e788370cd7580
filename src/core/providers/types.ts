import type { AuthMethod, ProviderId, SecurityMode } from '../config/model';
import type { Lang, Localized } from '../i18n';
import type { FactId, MilestoneId } from '../facts/registry';
import type { SourceId } from '../facts/sources';

export type MailProtocol = 'imap' | 'smtp';

/** One host/port/security combination a provider documents for a protocol. */
export interface Endpoint {
	protocol: MailProtocol;
	host: string;
	port: number;
	security: SecurityMode;
	source: SourceId;
}

/**
 * A dated statement that some login methods stop (or stopped) working at a provider. The milestone (facts registry)
 * holds the day, how precisely the vendor named it, and the source; rules compare it with the injected clock, so the
 * same data reads "at the end of December 2026" before and "since the end of December 2026" after.
 */
export interface AuthPolicy {
	/** Rule that reports this policy. */
	rule: string;
	protocols: readonly MailProtocol[];
	methods: readonly AuthMethod[];
	/** `removed`: no longer works at all; `default-off`: switched off by default, an admin may switch it back on. */
	status: 'removed' | 'default-off';
	milestone: MilestoneId;
	/** Admin guide that shows the way out (walkthrough id). */
	walkthrough?: string;
}

/** What a literal app password of this provider looks like (checked after removing spaces). */
export interface AppPasswordFormat {
	pattern: RegExp;
	/** Human description of the shape, e.g. "16 letters". */
	shape: Localized;
	/** Where the shape is stated; a fact that is only a field report makes the check a hint. */
	fact?: FactId;
	source: SourceId;
}

/** A provider refuses TLS below 1.2 on a protocol: since a dated change, or (without one) for years already. */
export interface TlsMinimum {
	protocol: MailProtocol;
	fact: FactId;
	milestone?: MilestoneId;
}

export interface OAuth2Facts {
	/** Scope for the client-credentials (app-only) flow. */
	appOnlyScope: string;
	/** Delegated scopes per protocol, plus the extra scope that yields a refresh token. */
	delegatedScopes: Readonly<Record<MailProtocol, string>>;
	refreshScope?: string;
	/** Resource hosts whose tokens the mail servers accept. */
	mailResources: readonly string[];
	/** Resources whose tokens the mail servers reject (e.g. Microsoft Graph). */
	wrongResources: readonly string[];
	/** Tenant values that are not a single tenant (client credentials needs one). */
	multiTenantAliases: readonly string[];
	source: SourceId;
}

export interface ProviderInfo {
	id: ProviderId;
	name: string;
	/** Email domains that identify the provider (custom domains of business services can't be listed). */
	domains: readonly string[];
	endpoints: readonly Endpoint[];
	/** False when no first-party server table exists; endpoint checks then stay silent. */
	endpointsVerified: boolean;
	authPolicies: readonly AuthPolicy[];
	appPassword?: {
		/** The normal account password does not work for IMAP/SMTP; only an app password does. */
		required: boolean;
		/** Known shape of a generated app password; absent when the provider documents none. */
		format?: AppPasswordFormat;
		/** What must be true before an app password can even be created (shown as information). */
		prerequisites?: Localized;
		walkthrough?: string;
	};
	oauth2?: OAuth2Facts;
	/** Shared mailboxes can't sign in with a password of their own (Microsoft 365). */
	sharedMailboxPasswordLogin?: { supported: false; source: SourceId; walkthrough: string };
	/** Deleting or moving imported mail may make the server send read / not-read receipts. */
	readReceiptsOnDelete?: { source: SourceId; walkthrough: string };
	/** Admin guide for granting Send As, when the provider has one. */
	sendAsWalkthrough?: string;
	/** Protocols on which the provider refuses TLS below 1.2, and since when. */
	tlsMinimum?: readonly TlsMinimum[];
	/**
	 * What must be done once, in the provider's own settings, before a mail program can sign in: the fact that says
	 * so and the provider's page for it. For providers of this table it replaces ISPDB's `<enable>` step, which can be
	 * out of date (ISPDB still tells Gmail users to switch IMAP on).
	 */
	access?: { fact: FactId; url: string };
}

/**
 * A provider's own `<enable>` step (Thunderbird's autoconfig format, in ISPDB or a domain's autoconfig file): its page
 * and its instruction in the languages it gives them, quoted, not ours.
 */
export interface ProviderEnable {
	url: string;
	instruction: Partial<Record<Lang, string>>;
}
