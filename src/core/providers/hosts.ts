import { ISPDB } from './ispdb';
import { KNOWN_PROVIDERS } from './known';

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

/**
 * The provider host a mistyped host most likely meant: within one edit for short names, two for longer ones.
 * A host that any provider serves (our table or ISPDB, every country variant listed there) is never a typo.
 * Only hosts of our own provider table are candidates, because ISPDB's long tail would turn real
 * hosts (mail.example.de) into false alarms.
 */
export function likelyHostTypo(host: string): string | undefined {
	const h = host.trim().toLowerCase();
	if (h.length < 6 || allKnownHosts().has(h)) return undefined;
	const max = h.length >= 12 ? 2 : 1;
	let best: { host: string; distance: number } | undefined;
	for (const provider of KNOWN_PROVIDERS) {
		for (const { host: candidate } of provider.endpoints) {
			if (isCountryVariant(h, candidate)) continue;
			const distance = editDistance(h, candidate, max);
			if (distance > 0 && distance <= max && (!best || distance < best.distance)) best = { host: candidate, distance };
		}
	}
	return best?.host;
}
