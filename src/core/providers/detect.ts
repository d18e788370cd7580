import { PROVIDER_IDS, type ProviderId, type SecurityMode } from '../config/model';
import { ispdbEndpointsForHost } from './ispdb';
import { KNOWN_PROVIDERS, providerById } from './known';
import type { SourceId } from '../facts/sources';
import type { MailProtocol, ProviderInfo } from './types';

export type DetectedBy = 'config' | 'email' | 'host';

export interface DetectedProvider {
	provider: ProviderInfo;
	by: DetectedBy;
}

const byDomain = new Map<string, ProviderInfo>(KNOWN_PROVIDERS.flatMap((p) => p.domains.map((d) => [d, p] as const)));

const byHost = new Map<string, ProviderInfo[]>();
for (const provider of KNOWN_PROVIDERS) {
	for (const { host } of provider.endpoints) {
		const list = byHost.get(host) ?? [];
		if (!list.includes(provider)) list.push(provider);
		byHost.set(host, list);
	}
}

/** The provider of our table whose email domains include `domain` (gmx.de → GMX). */
export function providerForDomain(domain: string): ProviderInfo | undefined {
	return byDomain.get(domain.trim().toLowerCase());
}

/** Known providers that document this host, in table order. */
export function providersForHost(host: string): readonly ProviderInfo[] {
	return byHost.get(host.trim().toLowerCase()) ?? [];
}

export function emailDomain(email: string): string | undefined {
	const at = email.lastIndexOf('@');
	return at > 0 && at < email.length - 1
		? email
				.slice(at + 1)
				.trim()
				.toLowerCase()
		: undefined;
}

function isProviderId(value: unknown): value is ProviderId {
	return typeof value === 'string' && (PROVIDER_IDS as readonly string[]).includes(value);
}

/**
 * The provider of an account: the configured `provider` wins; otherwise the email domain (so an @outlook.com
 * address on outlook.office365.com is Outlook.com, not Microsoft 365); otherwise the first host that a known
 * provider documents. `generic` or an unknown value means "no provider knowledge".
 */
export function detectProvider(input: {
	provider?: unknown;
	email?: unknown;
	hosts: readonly (string | undefined)[];
}): DetectedProvider | undefined {
	if (isProviderId(input.provider)) {
		const provider = providerById(input.provider);
		return provider ? { provider, by: 'config' } : undefined;
	}
	if (input.provider !== undefined) return undefined;
	const domain = typeof input.email === 'string' ? emailDomain(input.email) : undefined;
	const fromDomain = domain ? byDomain.get(domain) : undefined;
	if (fromDomain) return { provider: fromDomain, by: 'email' };
	for (const host of input.hosts) {
		const first = host ? providersForHost(host)[0] : undefined;
		if (first) return { provider: first, by: 'host' };
	}
	return undefined;
}

/**
 * The provider that runs a given server: the account's provider when it documents the host, else the first
 * provider that does. Undefined for hosts no known provider documents (custom servers).
 */
export function providerForEndpoint(host: string, account: ProviderInfo | undefined): ProviderInfo | undefined {
	const candidates = providersForHost(host);
	return candidates.find((p) => p.id === account?.id) ?? candidates[0];
}

export interface DocumentedEndpoint {
	port: number;
	security: SecurityMode;
	source: SourceId;
}

/** Per protocol, by host: no key string is joined per lookup (every server of every account looks up its host). */
const documentedCache = new Map<MailProtocol, Map<string, readonly DocumentedEndpoint[]>>();

/** Port/security combinations documented for a host and protocol: our own table first, then ISPDB. */
export function documentedEndpoints(host: string, protocol: MailProtocol): readonly DocumentedEndpoint[] {
	const h = host.trim().toLowerCase();
	let cache = documentedCache.get(protocol);
	if (!cache) documentedCache.set(protocol, (cache = new Map()));
	const cached = cache.get(h);
	if (cached) return cached;
	const result: DocumentedEndpoint[] = [];
	const add = (port: number, security: SecurityMode, source: SourceId): void => {
		if (!result.some((e) => e.port === port && e.security === security)) result.push({ port, security, source });
	};
	for (const provider of KNOWN_PROVIDERS) {
		for (const e of provider.endpoints) if (e.host === h && e.protocol === protocol) add(e.port, e.security, e.source);
	}
	for (const e of ispdbEndpointsForHost(h)) if (e.protocol === protocol) add(e.port, e.security, 'ispdb');
	// Bounded: only hosts someone typed into a config end up here, and unknown ones share the empty result.
	// Stryker disable next-line LogicalOperator,ConditionalExpression,EqualityOperator: equivalent, a cache; whether a result is kept, the same endpoints are returned
	if (result.length > 0 || cache.size < 10_000) cache.set(h, result);
	return result;
}
