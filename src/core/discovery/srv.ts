/**
 * Step 4: SRV records for mail clients (RFC 6186, with RFC 8314's implicit-TLS services). A target of "." means
 * the domain explicitly offers no such service. Within a service, records are ordered by priority, then by
 * weight (heaviest first: a deterministic stand-in for RFC 2782's weighted random pick).
 */
import type { SecurityMode } from '../config/model';
import type { MailProtocol } from '../providers/types';
import type { SrvRecord } from './net';
import { hostName, port } from './untrusted';

export interface SrvService {
	label: string;
	protocol: MailProtocol;
	security: SecurityMode;
}

/** Implicit TLS first (RFC 8314 §3.3 prefers it); `_imap`/`_submission` are used with STARTTLS. */
export const SRV_SERVICES: readonly SrvService[] = [
	{ label: '_imaps._tcp', protocol: 'imap', security: 'tls' },
	{ label: '_imap._tcp', protocol: 'imap', security: 'starttls' },
	{ label: '_submissions._tcp', protocol: 'smtp', security: 'tls' },
	{ label: '_submission._tcp', protocol: 'smtp', security: 'starttls' },
];

/** Real domains publish one or two targets per service. */
const MAX_TARGETS = 5;

export interface SrvTarget {
	service: SrvService;
	host: string;
	port: number;
	/** Order within the service. */
	rank: number;
}

export function srvTargets(service: SrvService, records: readonly SrvRecord[]): SrvTarget[] {
	const sorted = [...records].sort((a, b) => a.priority - b.priority || b.weight - a.weight);
	const result: SrvTarget[] = [];
	for (const record of sorted) {
		// RFC 2782's "." (no such service at this domain) and an empty target are no host names: skipped with them.
		const host = hostName(record.name);
		const p = port(record.port);
		if (!host || !p || result.some((r) => r.host === host && r.port === p)) continue;
		result.push({ service, host, port: p, rank: result.length });
		if (result.length === MAX_TARGETS) break;
	}
	return result;
}
