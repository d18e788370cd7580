/**
 * Step 1 (and the lookup behind step 3): what the bundled provider data says about a mail domain. Our own table
 * (src/core/providers/known.ts) names the provider and its documented endpoints; Thunderbird's ISPDB adds the
 * domain's own server list where it has one. Offline and synchronous.
 */
import type { SecurityMode } from '../config/model';
import { FACTS } from '../facts/registry';
import { providerForDomain } from '../providers/detect';
import { type IspdbProvider, ispdbForDomain } from '../providers/ispdb';
import { providerById } from '../providers/known';
import type { MailProtocol, ProviderInfo } from '../providers/types';
import type { DiscoveredProvider, EnableAdvice } from './types';

export interface DataServer {
	protocol: MailProtocol;
	host: string;
	port: number;
	security: SecurityMode;
	documented: boolean;
}

export interface ProviderData {
	provider: DiscoveredProvider;
	servers: DataServer[];
	/** `known`: our table; `ispdb`: Thunderbird's ISPDB; `both`. */
	from: 'known' | 'ispdb' | 'both';
	/** The step before the first sign-in; `source` is the data step's and discovery sets the step that used it. */
	enable?: Omit<EnableAdvice, 'source'>;
}

/** Tenant domains (`contoso.onmicrosoft.com`) sit below the domain our table lists for their provider. */
const SUBDOMAIN_PROVIDERS: readonly { suffix: string; provider: ProviderInfo['id'] }[] = [
	{ suffix: '.onmicrosoft.com', provider: 'microsoft365' },
];

function knownProvider(domain: string): ProviderInfo | undefined {
	const exact = providerForDomain(domain);
	if (exact) return exact;
	const sub = SUBDOMAIN_PROVIDERS.find((s) => domain.endsWith(s.suffix));
	return sub ? providerById(sub.provider) : undefined;
}

/** SMTP on port 25 in our table is relay or direct send (Microsoft 365 devices), not a client's submission port. */
const isSubmission = (protocol: MailProtocol, port: number): boolean => protocol === 'imap' || port !== 25;

/** Endpoints of a provider of ours on its first (main) host per protocol: the ones a new account should use. */
export function mainEndpoints(provider: ProviderInfo): DataServer[] {
	return (['imap', 'smtp'] as const).flatMap((protocol) => {
		const mine = provider.endpoints.filter((e) => e.protocol === protocol && isSubmission(protocol, e.port));
		const host = mine[0]?.host;
		return mine
			.filter((e) => e.host === host)
			.map((e) => ({ protocol, host: e.host, port: e.port, security: e.security, documented: true }));
	});
}

export function asDiscovered(provider: ProviderInfo): DiscoveredProvider {
	return { id: provider.id, name: provider.name, known: true };
}

/**
 * Our table's access fact for its providers (ISPDB's `<enable>` is ignored for them: it can be stale, as Gmail's
 * "enable IMAP" is); ISPDB's step for the others.
 */
function enableFrom(known: ProviderInfo | undefined, ispdb: IspdbProvider | undefined): ProviderData['enable'] {
	if (known) {
		return known.access
			? { url: known.access.url, text: FACTS[known.access.fact].statement, origin: `mailcfg fact ${known.access.fact}` }
			: undefined;
	}
	return ispdb?.enable
		? { url: ispdb.enable.url, text: ispdb.enable.instruction, origin: `ISPDB ${ispdb.id}` }
		: undefined;
}

/** The bundled data for a mail domain, or undefined when neither table knows it. */
export function providerData(domain: string): ProviderData | undefined {
	const known = knownProvider(domain);
	const ispdb = ispdbForDomain(domain);
	const enable = enableFrom(known, ispdb);
	if (!ispdb)
		return known
			? { provider: asDiscovered(known), servers: mainEndpoints(known), from: 'known', ...(enable ? { enable } : {}) }
			: undefined;
	const documented = (protocol: MailProtocol, host: string, port: number, security: SecurityMode): boolean =>
		known?.endpoints.some(
			(e) => e.protocol === protocol && e.host === host && e.port === port && e.security === security,
		) ?? false;
	const servers: DataServer[] = [];
	const add = (protocol: MailProtocol, host: string, port: number, security: SecurityMode): void => {
		if (servers.some((s) => s.protocol === protocol && s.host === host && s.port === port && s.security === security)) {
			return;
		}
		servers.push({ protocol, host, port, security, documented: documented(protocol, host, port, security) });
	};
	for (const protocol of ['imap', 'smtp'] as const) {
		// ISPDB's port 25 entries are what some ISPs give their customers; ranking puts them last.
		for (const [host, port, security] of ispdb[protocol]) add(protocol, host, port, security);
		// Our table may document more ports on the same hosts (smtp.gmail.com:587 next to ISPDB's 465).
		const hosts = new Set(ispdb[protocol].map(([host]) => host));
		for (const e of known?.endpoints ?? []) {
			if (e.protocol === protocol && hosts.has(e.host) && isSubmission(protocol, e.port)) {
				add(protocol, e.host, e.port, e.security);
			}
		}
	}
	return {
		provider: known ? asDiscovered(known) : { id: ispdb.id, name: ispdb.name, known: false },
		servers,
		from: known ? 'both' : 'ispdb',
		...(enable ? { enable } : {}),
	};
}
