import type { SecurityMode } from '../config/model';
import type { MailProtocol, ProviderEnable } from './types';
import table from './generated/ispdb.json';

/** `[host, port, security]`; hosts may contain ISPDB placeholders such as `%EMAILDOMAIN%`. */
export type IspdbServer = [host: string, port: number, security: SecurityMode];

export interface IspdbProvider {
	id: string;
	name: string;
	domains: string[];
	imap: IspdbServer[];
	smtp: IspdbServer[];
	/** What the provider asks to be done once before a mail program may connect. */
	enable?: ProviderEnable;
}

/** The generated table (scripts/gen-providers.ts); derived from Thunderbird's ISPDB, MPL-2.0. */
export interface IspdbTable {
	source: { repo: string; commit: string; date: string };
	providers: IspdbProvider[];
}

export const ISPDB = table as IspdbTable;

let byDomain: Map<string, IspdbProvider> | undefined;
// Built while the module loads, unlike byDomain: every check of a server asks for its host (documentedEndpoints).
const byHost = new Map<string, { protocol: MailProtocol; port: number; security: SecurityMode }[]>();
for (const provider of ISPDB.providers) {
	for (const protocol of ['imap', 'smtp'] as const) {
		for (const [h, port, security] of provider[protocol]) {
			if (h.includes('%')) continue;
			const list = byHost.get(h) ?? [];
			list.push({ protocol, port, security });
			byHost.set(h, list);
		}
	}
}

/** ISPDB presets for an email domain, with placeholders filled in. */
export function ispdbForDomain(domain: string): IspdbProvider | undefined {
	byDomain ??= new Map(ISPDB.providers.flatMap((p) => p.domains.map((d) => [d, p] as const)));
	const provider = byDomain.get(domain.toLowerCase());
	if (!provider) return undefined;
	const fill = (servers: IspdbServer[]): IspdbServer[] =>
		servers.map(([host, port, security]) => [host.replace(/%EMAILDOMAIN%/g, domain.toLowerCase()), port, security]);
	return { ...provider, imap: fill(provider.imap), smtp: fill(provider.smtp) };
}

/** Every port/security combination ISPDB lists for a host (placeholder hosts excluded). */
export function ispdbEndpointsForHost(
	host: string,
): readonly { protocol: MailProtocol; port: number; security: SecurityMode }[] {
	return byHost.get(host.toLowerCase()) ?? [];
}
