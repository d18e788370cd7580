/**
 * Step 3: what a domain's MX records say about its mail provider. Microsoft 365 and Google Workspace host custom
 * domains, so only their MX names give them away; for any other MX host the bundled data of the host's parent
 * domains is asked, as Thunderbird does with the MX host's base domain (mx01.emig.gmx.net → gmx.net).
 */
import { providerById } from '../providers/known';
import type { ProviderInfo } from '../providers/types';
import { type ProviderData, asDiscovered, mainEndpoints, providerData } from './bundled';
import type { MxRecord } from './net';
import { hostName } from './untrusted';

/** MX host patterns of hosted services whose customers bring their own domain. */
const MX_PATTERNS: readonly { pattern: RegExp; provider: ProviderInfo['id'] }[] = [
	// Exchange Online Protection; *.mx.microsoft is its DNSSEC-capable successor name.
	{ pattern: /\.mail\.protection\.outlook\.com$/, provider: 'microsoft365' },
	{ pattern: /\.mx\.microsoft$/, provider: 'microsoft365' },
	{ pattern: /(^|\.)aspmx\.l\.google\.com$/, provider: 'google-workspace' },
	{ pattern: /^smtp\.google\.com$/, provider: 'google-workspace' },
	{ pattern: /(^|\.)googlemail\.com$/, provider: 'google-workspace' },
];

/** At most this many MX hosts are looked at: real domains have a handful. */
const MAX_MX = 10;

export interface MxFinding {
	/** The MX host that told us. */
	exchange: string;
	/** `pattern`: a hosted-service MX name; `data`: provider data of the MX host's parent domain `domain`. */
	by: 'pattern' | 'data';
	domain?: string;
	data: ProviderData;
}

/** MX hosts by preference, cleaned; the null MX ("." per RFC 7505: no mail) and malformed names dropped. */
export function mxHosts(records: readonly MxRecord[]): string[] {
	return [...records]
		.filter((r) => Number.isInteger(r.priority))
		.sort((a, b) => a.priority - b.priority)
		.slice(0, MAX_MX)
		.map((r) => hostName(r.exchange))
		.filter((h): h is string => h !== undefined)
		.filter((h, i, all) => all.indexOf(h) === i);
}

function byPattern(host: string): ProviderData | undefined {
	const match = MX_PATTERNS.find((p) => p.pattern.test(host));
	const provider = match ? providerById(match.provider) : undefined;
	return provider ? { provider: asDiscovered(provider), servers: mainEndpoints(provider), from: 'known' } : undefined;
}

/** Parent domains of a host, nearest first, down to two labels (mx01.emig.gmx.net → emig.gmx.net, gmx.net). */
function parents(host: string): string[] {
	const labels = host.split('.');
	const result: string[] = [];
	for (let i = 1; labels.length - i >= 2; i++) result.push(labels.slice(i).join('.'));
	return result;
}

/** The first MX host (by preference) that names a provider; `ownDomain` is skipped: step 1 already asked it. */
export function providerFromMx(hosts: readonly string[], ownDomain: string): MxFinding | undefined {
	for (const exchange of hosts) {
		const data = byPattern(exchange);
		if (data) return { exchange, by: 'pattern', data };
	}
	for (const exchange of hosts) {
		for (const domain of parents(exchange)) {
			if (domain === ownDomain) continue;
			const found = providerData(domain);
			if (found) return { exchange, by: 'data', domain, data: found };
		}
	}
	return undefined;
}
