import type { SecurityMode } from '../config/model';
import { documentedEndpoints } from '../providers/detect';
import type { MailProtocol } from '../providers/types';

/** What a well-known port speaks: implicit TLS from the first byte, or plaintext that upgrades with STARTTLS. */
export const PORT_MODES: Readonly<Record<number, 'tls' | 'starttls'>> = {
	993: 'tls',
	995: 'tls',
	465: 'tls',
	143: 'starttls',
	110: 'starttls',
	587: 'starttls',
	25: 'starttls',
};

/** The registered port for each protocol and TLS mode (RFC 8314 for implicit TLS, RFC 6409 for submission). */
export const STANDARD_PORTS: Readonly<Record<MailProtocol, Readonly<Record<'tls' | 'starttls', number>>>> = {
	imap: { tls: 993, starttls: 143 },
	smtp: { tls: 465, starttls: 587 },
};

/** True when the security mode cannot work on that well-known port (TLS on 587, STARTTLS on 993...). */
export function portSecurityConflict(port: number, security: string): boolean {
	const mode = PORT_MODES[port];
	if (!mode) return false;
	return mode === 'tls' ? security === 'starttls' || security === 'none' : security === 'tls';
}

/** True when the host has documented endpoints and this combination is one of them. */
export function isDocumented(
	host: string | undefined,
	protocol: MailProtocol,
	port: number,
	security: SecurityMode,
): boolean {
	return !!host && documentedEndpoints(host, protocol).some((e) => e.port === port && e.security === security);
}
