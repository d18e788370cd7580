import { ISPDB } from './ispdb';
import { KNOWN_PROVIDERS } from './known';
import type { MailProtocol } from './types';

let knownHosts: Set<string> | undefined;

/** Hosts from our provider table and ISPDB (without placeholder hosts). */
export function allKnownHosts(): ReadonlySet<string> {
	if (!knownHosts) {
		knownHosts = new Set(KNOWN_PROVIDERS.flatMap((p) => p.endpoints.map((e) => e.host)));
		for (const p of ISPDB.providers) {
			for (const [host] of [...p.imap, ...p.smtp]) if (!host.includes('%')) knownHosts.add(host);
		}
	}
	return knownHosts;
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transposition), so `office356` is one edit from
 * `office365`. Stops early once the distance must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	let prev2: number[] = [];
	let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		let rowMin = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let value = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				value = Math.min(value, (prev2[j - 2] ?? 0) + 1);
			}
			row.push(value);
			rowMin = Math.min(rowMin, value);
		}
		if (rowMin > max) return max + 1;
		prev2 = prev;
		prev = row;
	}
	return prev[b.length] ?? max + 1;
}

const COUNTRY_TLD = /^[a-z]{2}$/;

/**
 * Same name under another country code (imap.ionos.fr next to imap.ionos.de): providers run such variants per
 * country, so a short edit distance there is no sign of a typo.
 */
function isCountryVariant(host: string, candidate: string): boolean {
	const a = host.lastIndexOf('.');
	const b = candidate.lastIndexOf('.');
	return (
		a > 0 &&
		host.slice(0, a) === candidate.slice(0, b) &&
		COUNTRY_TLD.test(host.slice(a + 1)) &&
		COUNTRY_TLD.test(candidate.slice(b + 1))
	);
}

/** `smtp2.strato.de` next to `smtp.strato.de`: numbered siblings are real hosts far more often than slips. */
function isNumberedSibling(host: string, candidate: string): boolean {
	return host.length !== candidate.length && host.replace(/\d/g, '') === candidate.replace(/\d/g, '');
}

/** A host one of the account's provider serves, with the protocol it serves. */
export interface ProviderHost {
	host: string;
	protocol: MailProtocol;
}

/** The domains below a host, from its parent up to two labels: `smtp.mail.yahoo.com` → mail.yahoo.com, yahoo.com. */
function parentDomains(host: string): string[] {
	const labels = host.split('.');
	const parents: string[] = [];
	for (let i = 1; labels.length - i >= 2; i++) parents.push(labels.slice(i).join('.'));
	return parents;
}

interface HostGroup {
	hosts: ProviderHost[];
}

let providerIndex: { byDomain: Map<string, HostGroup[]>; byParent: Map<string, HostGroup[]> } | undefined;

/**
 * Every provider (our table and ISPDB) as a group of hosts, found by its mail domains and by its hosts' own
 * parent domains (an @mail.ru address belongs to imap.mail.ru even where ISPDB lists the domain differently).
 * Placeholder hosts (`mail.%EMAILDOMAIN%`) stay templates here and are filled per address.
 */
function providerGroups(): NonNullable<typeof providerIndex> {
	if (providerIndex) return providerIndex;
	const byDomain = new Map<string, HostGroup[]>();
	const byParent = new Map<string, HostGroup[]>();
	const add = (map: Map<string, HostGroup[]>, key: string, group: HostGroup): void => {
		const list = map.get(key) ?? [];
		if (!list.includes(group)) list.push(group);
		map.set(key, list);
	};
	const register = (domains: readonly string[], hosts: ProviderHost[]): void => {
		const group = { hosts };
		for (const domain of domains) add(byDomain, domain, group);
		for (const { host } of hosts) {
			if (host.includes('%')) continue;
			for (const parent of parentDomains(host)) add(byDomain, parent, group);
			const parent = parentDomains(host)[0];
			// Stryker disable next-line ConditionalExpression: equivalent, a two-label host has no parent and likelyHostTypo never looks one up
			if (parent) add(byParent, parent, group);
		}
	};
	for (const p of KNOWN_PROVIDERS)
		register(
			p.domains,
			p.endpoints.map(({ host, protocol }) => ({ host, protocol })),
		);
	for (const p of ISPDB.providers) {
		register(p.domains, [
			...p.imap.map(([host]) => ({ host, protocol: 'imap' as const })),
			...p.smtp.map(([host]) => ({ host, protocol: 'smtp' as const })),
		]);
	}
	providerIndex = { byDomain, byParent };
	return providerIndex;
}

/**
 * Hosts of the provider(s) an email domain belongs to (our table, ISPDB domains, or the domain of a provider's
 * own hosts), with ISPDB placeholders filled for this domain.
 */
export function providerHostsForDomain(domain: string): ProviderHost[] {
	const d = domain.trim().toLowerCase();
	const groups = providerGroups().byDomain.get(d) ?? [];
	return groups.flatMap((g) =>
		g.hosts.map(({ host, protocol }) => ({ host: host.replace(/%EMAILDOMAIN%/g, d), protocol })),
	);
}

/**
 * Whether `typed` is `intended` with exactly one letter slip: a letter replaced, dropped, doubled, or two
 * neighbours swapped. Digits and dots count only as swap partners: `smtp2` next to `smtp`, or `imap1` next to
 * `imap2`, are real sibling hosts far more often than slips.
 */
export function isOneLetterSlip(typed: string, intended: string): boolean {
	const isLetter = (c: string | undefined): boolean => c !== undefined && c >= 'a' && c <= 'z';
	if (typed.length === intended.length) {
		const diff: number[] = [];
		for (let i = 0; i < typed.length && diff.length <= 2; i++) if (typed[i] !== intended[i]) diff.push(i);
		if (diff.length === 1) {
			const i = diff[0] as number;
			return isLetter(intended[i]) && isLetter(typed[i]);
		}
		if (diff.length !== 2) return false;
		const [i, j] = diff as [number, number];
		return j === i + 1 && typed[i] === intended[j] && typed[j] === intended[i];
	}
	const [long, short, dropped] =
		typed.length === intended.length + 1 ? [typed, intended, false] : [intended, typed, true];
	if (long.length !== short.length + 1) return false;
	let i = 0;
	while (i < short.length && long[i] === short[i]) i++;
	if (long.slice(i + 1) !== short.slice(i)) return false;
	const extra = long[i];
	// A dropped letter may be any letter; an added one only a doubled neighbour.
	return isLetter(extra) && (dropped || extra === long[i - 1] || extra === long[i + 1]);
}

/** The closest slip among `candidates`, preferring a host of the same protocol. */
function slipAmong(
	h: string,
	candidates: readonly ProviderHost[],
	protocol: MailProtocol | undefined,
): string | undefined {
	const slips = candidates.filter((c) => isOneLetterSlip(h, c.host));
	return (slips.find((c) => c.protocol === protocol) ?? slips[0])?.host;
}

export interface HostTypoContext {
	/** The account's address (`email`, else an address-shaped `auth.user`): names the provider it belongs to. */
	email?: string;
	protocol?: MailProtocol;
}

/**
 * The provider host a mistyped host most likely meant. A host that any provider serves (our table or ISPDB, every
 * country variant listed there, or the account's own provider) is never a typo. Candidates, most specific first:
 * 1. the hosts of the provider the account's mail domain belongs to (one letter slip);
 * 2. the hosts of a provider whose hosts share the typed host's parent domain (`imapp.strato.de`; one slip);
 * 3. the hosts of our own provider table, within one edit for short names and two for longer ones.
 * ISPDB's long tail is never compared against unrelated accounts' hosts, because real hosts of small providers
 * (mail.example.de) would turn into false alarms.
 */
export function likelyHostTypo(host: string, ctx: HostTypoContext = {}): string | undefined {
	const h = host.trim().toLowerCase();
	if (h.length < 6 || allKnownHosts().has(h)) return undefined;
	const at = ctx.email?.lastIndexOf('@') ?? -1;
	const own = at > 0 && ctx.email ? providerHostsForDomain(ctx.email.slice(at + 1)) : [];
	if (own.some((c) => c.host === h)) return undefined;
	const fromOwn = slipAmong(h, own, ctx.protocol);
	if (fromOwn) return fromOwn;
	const parent = parentDomains(h)[0];
	const siblings = parent ? (providerGroups().byParent.get(parent) ?? []).flatMap((g) => g.hosts) : [];
	const fromSiblings = slipAmong(h, siblings, ctx.protocol);
	if (fromSiblings) return fromSiblings;
	const max = h.length >= 12 ? 2 : 1;
	let best: { host: string; distance: number } | undefined;
	for (const provider of KNOWN_PROVIDERS) {
		for (const { host: candidate } of provider.endpoints) {
			if (isCountryVariant(h, candidate) || isNumberedSibling(h, candidate)) continue;
			const distance = editDistance(h, candidate, max);
			if (distance > 0 && distance <= max && (!best || distance < best.distance)) best = { host: candidate, distance };
		}
	}
	return best?.host;
}
