/**
 * Orders the servers all steps found, best first, and merges duplicates (the first source that named a server
 * keeps it). The keys, in order:
 * 1. verified before unverified (plain-HTTP autoconfig is never preferred);
 * 2. TLS (implicit or STARTTLS) before plain and before combinations that cannot work (TLS on 587) or that the
 *    provider does not serve; SMTP submission ports before port 25;
 * 3. by source: provider data of the domain, the domain's autoconfig, its SRV records, then what the MX implies
 *    (the domain's own publications describe it; an MX only hints at a provider, and a hybrid domain's mail host
 *    may not be where its MX points);
 * 4. the provider's documented endpoints first;
 * 5. the order within the source (host by host), then implicit TLS before STARTTLS (RFC 8314).
 */
import { documentedEndpoints } from '../providers/detect';
import { portSecurityConflict } from '../rules/ports';
import type { ServerCandidate, SourceKind } from './types';

const SOURCE_ORDER: Readonly<Record<SourceKind, number>> = { data: 0, autoconfig: 1, srv: 2, mx: 3, tenant: 4 };
const SECURITY_ORDER = { tls: 0, starttls: 1, none: 2 } as const;

/**
 * Whether an account may use this server without `mailcfg check` reporting an error: encrypted, a mode its port
 * can speak, and for a host a provider documents, one of the documented combinations.
 */
export function suitsAccount(s: ServerCandidate): boolean {
	if (s.security === 'none' || portSecurityConflict(s.port, s.security)) return false;
	const documented = documentedEndpoints(s.host, s.protocol);
	return documented.length === 0 || documented.some((e) => e.port === s.port && e.security === s.security);
}

function transportKey(s: ServerCandidate): number {
	if (!suitsAccount(s)) return 2;
	return s.protocol === 'smtp' && s.port === 25 ? 1 : 0;
}

function compare(a: ServerCandidate, b: ServerCandidate): number {
	return (
		Number(!a.verified) - Number(!b.verified) ||
		transportKey(a) - transportKey(b) ||
		SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source] ||
		Number(!a.documented) - Number(!b.documented) ||
		a.rank - b.rank ||
		SECURITY_ORDER[a.security] - SECURITY_ORDER[b.security]
	);
}

const same = (a: ServerCandidate, b: ServerCandidate): boolean =>
	a.protocol === b.protocol && a.host === b.host && a.port === b.port && a.security === b.security;

/** Candidates in step order in, ranked and de-duplicated out (a verified twin replaces an unverified one). */
export function rankServers(candidates: readonly ServerCandidate[]): ServerCandidate[] {
	const sorted = [...candidates].sort(compare);
	return sorted.filter((candidate, i) => sorted.findIndex((other) => same(other, candidate)) === i);
}
