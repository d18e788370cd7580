/**
 * Where the editor offers discovery: an account with an `email` whose servers are missing or suspicious ("Fill in
 * server settings for contoso.de"), and an app-only OAuth2 account without a tenant ("Look up the tenant ID of
 * contoso.de"). Pure and offline: it only reads the text and the findings; the lookups run when the user picks
 * the action.
 */
import type { Finding } from '../config/findings';
import type { ParsedConfig } from '../config/parse';
import type { Localized } from '../i18n';
import { parseMailAddress } from './address';

/** Findings that say a server entry is wrong (more than a style issue). */
export const SUSPICIOUS_SERVER_CODES: ReadonlySet<string> = new Set([
	'provider-endpoint-mismatch',
	'host-typo',
	'port-security-mismatch',
	'cleartext-transport',
]);

/** Hosts a template or an example leaves behind (RFC 2606 names). */
const PLACEHOLDER_HOST = /(^|\.)(example\.(com|org|net)|example|invalid|localhost)$/i;

export const TARGET_TEXTS = {
	fillServers: { en: 'Fill in server settings for {domain}', de: 'Servereinstellungen für {domain} eintragen' },
	lookupTenant: { en: 'Look up the tenant ID of {domain}', de: 'Mandanten-ID von {domain} nachschlagen' },
} satisfies Record<string, Localized>;

export interface AccountTarget {
	index: number;
	accountId?: string;
	email: string;
	domain: string;
}

export interface DiscoveryTargets {
	/** The account under the cursor when its servers should be filled in. */
	fillServers?: AccountTarget & { findings: Finding[] };
	/** `oauth2-tenant-required` findings in range, each with its account. */
	lookupTenant: (AccountTarget & { finding: Finding })[];
}

function record(value: unknown): Record<string, unknown> | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: undefined;
}

function target(parsed: ParsedConfig, index: number): AccountTarget | undefined {
	const value = record(parsed.accounts[index]?.value);
	const address = typeof value?.email === 'string' ? parseMailAddress(value.email) : undefined;
	if (!value || !address) return undefined;
	return {
		index,
		...(typeof value.id === 'string' ? { accountId: value.id } : {}),
		email: address.email,
		domain: address.domain,
	};
}

function serversMissing(value: Record<string, unknown>): boolean {
	const sections = (['imap', 'smtp'] as const).map((p) => record(value[p]));
	if (sections.every((s) => s === undefined)) return true;
	return sections.some(
		(s) =>
			s !== undefined && (typeof s.host !== 'string' || s.host.trim() === '' || PLACEHOLDER_HOST.test(s.host.trim())),
	);
}

/** What to offer for the cursor range `[start, end]` (offsets) in a parsed config with its findings. */
export function discoveryTargets(
	parsed: ParsedConfig,
	findings: readonly Finding[],
	start: number,
	end: number,
	offsetOf: (finding: Finding) => { start: number; end: number },
): DiscoveryTargets {
	const result: DiscoveryTargets = { lookupTenant: [] };
	const account = parsed.accounts.find((a) => a.node.offset <= end && start <= a.node.offset + a.node.length);
	const value = record(account?.value);
	const here = account && value ? target(parsed, account.index) : undefined;
	if (here && value) {
		const suspicious = findings.filter(
			(f) => SUSPICIOUS_SERVER_CODES.has(f.code) && f.accountId !== undefined && f.accountId === here.accountId,
		);
		if (serversMissing(value) || suspicious.length > 0) result.fillServers = { ...here, findings: suspicious };
	}
	for (const finding of findings) {
		if (finding.code !== 'oauth2-tenant-required') continue;
		const at = offsetOf(finding);
		if (at.start > end || start > at.end) continue;
		const owner = parsed.accounts.find((a) => a.node.offset <= at.start && at.end <= a.node.offset + a.node.length);
		const t = owner ? target(parsed, owner.index) : undefined;
		if (t) result.lookupTenant.push({ ...t, finding });
	}
	return result;
}
