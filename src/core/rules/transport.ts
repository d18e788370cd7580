import type { SecurityMode } from '../config/model';
import { documentedEndpoints } from '../providers/detect';
import { isLoopback } from './context';
import { PORT_MODES, STANDARD_PORTS, isDocumented, portSecurityConflict } from './ports';
import type { AccountRule, FixSpec } from './types';

const T = {
	fixSecurity: { en: 'Change security to "{security}"', de: 'Sicherheit auf „{security}“ ändern' },
	fixPort: { en: 'Change port to {port}', de: 'Port auf {port} ändern' },
	fixBoth: { en: 'Use port {port} with "{security}"', de: 'Port {port} mit „{security}“ verwenden' },
} as const;

export const portSecurityMismatch: AccountRule = {
	id: 'port-security-mismatch',
	severity: 'error',
	scope: 'account',
	title: { en: 'TLS mode does not fit the port', de: 'TLS-Modus passt nicht zum Port' },
	check(account, file, report) {
		for (const server of account.servers) {
			const { port, security, protocol, host } = server;
			if (port === undefined || security === undefined || !portSecurityConflict(port, security)) continue;
			const portMode = PORT_MODES[port] as 'tls' | 'starttls';
			const securityNode = account.nodeAt([protocol, 'security']);
			const portNode = account.nodeAt([protocol, 'port']);
			const candidates: { port: number; security: SecurityMode; spec: FixSpec }[] = [
				{
					port,
					security: portMode,
					spec: {
						title: T.fixSecurity,
						args: { security: portMode },
						edits: [securityNode && file.editor.replaceValue(securityNode, portMode)],
					},
				},
			];
			if (security === 'tls' || security === 'starttls') {
				const standard = STANDARD_PORTS[protocol][security];
				candidates.push({
					port: standard,
					security,
					spec: {
						title: T.fixPort,
						args: { port: standard },
						edits: [portNode && file.editor.replaceValue(portNode, standard)],
					},
				});
			}
			// At a provider that documents its endpoints, a fix that lands anywhere else would only trade this error for
			// provider-endpoint-mismatch: offer the documented combinations only, the first of them preferred.
			const documented = host ? documentedEndpoints(host, protocol) : [];
			if (documented.length > 0) {
				const fitting = candidates.filter((c) => isDocumented(host, protocol, c.port, c.security));
				candidates.splice(0, candidates.length, ...fitting);
				if (fitting.length === 0) {
					const endpoint = documented[0]!;
					candidates.push({
						port: endpoint.port,
						security: endpoint.security,
						spec: {
							title: T.fixBoth,
							args: { port: endpoint.port, security: endpoint.security },
							edits: [
								portNode && file.editor.replaceValue(portNode, endpoint.port),
								securityNode && file.editor.replaceValue(securityNode, endpoint.security),
							],
						},
					});
				}
			}
			// Preferred (and applied by "fix all") only when it lands on what the provider documents.
			const preferred = candidates.find((c) => isDocumented(host, protocol, c.port, c.security));
			report({
				at: [securityNode, portNode],
				message:
					portMode === 'tls'
						? {
								en: 'Port {port} expects implicit TLS from the first byte, but security is "{security}": the connection will hang or fail. Use "tls", or the STARTTLS port.',
								de: 'Port {port} erwartet implizites TLS ab dem ersten Byte, aber die Sicherheit ist „{security}“: Die Verbindung hängt oder scheitert. „tls“ verwenden oder den STARTTLS-Port.',
							}
						: {
								en: 'Port {port} starts in plain text and upgrades with STARTTLS, but security is "tls": the TLS handshake will fail ("wrong version number"). Use "starttls", or the implicit-TLS port.',
								de: 'Port {port} beginnt im Klartext und wechselt per STARTTLS, aber die Sicherheit ist „tls“: Der TLS-Handshake scheitert („wrong version number“). „starttls“ verwenden oder den Port für implizites TLS.',
							},
				args: { port, security },
				fixes: candidates.map((c) => {
					// Assigned rather than spread into a copy: V8 clones spread objects through a slow runtime path.
					c.spec.isPreferred = c === preferred;
					return c.spec;
				}),
			});
		}
	},
};

export const cleartextTransport: AccountRule = {
	id: 'cleartext-transport',
	severity: 'error',
	scope: 'account',
	title: { en: 'Unencrypted connection to a remote host', de: 'Unverschlüsselte Verbindung zu einem entfernten Host' },
	check(account, file, report) {
		const withCredentials = account.get(['auth']) !== undefined;
		for (const server of account.servers) {
			if (server.security !== 'none' || !server.host || isLoopback(server.host)) continue;
			const securityNode = account.nodeAt([server.protocol, 'security']);
			const portNode = account.nodeAt([server.protocol, 'port']);
			const target = server.protocol === 'imap' ? { port: 993, security: 'tls' } : { port: 587, security: 'starttls' };
			report({
				at: [securityNode],
				severity: withCredentials ? 'error' : 'warning',
				message: withCredentials
					? {
							en: '"{protocol}" to {host} is unencrypted: the login and every message cross the network in clear text. Use "tls" or "starttls".',
							de: '„{protocol}“ zu {host} ist unverschlüsselt: Anmeldung und jede Nachricht gehen im Klartext übers Netz. „tls“ oder „starttls“ verwenden.',
						}
					: {
							en: '"{protocol}" to {host} is unencrypted: messages cross the network in clear text. Use "tls" or "starttls".',
							de: '„{protocol}“ zu {host} ist unverschlüsselt: Nachrichten gehen im Klartext übers Netz. „tls“ oder „starttls“ verwenden.',
						},
				args: { protocol: server.protocol, host: server.host },
				fixes: [
					{
						title: T.fixBoth,
						args: target,
						edits: [
							securityNode && file.editor.replaceValue(securityNode, target.security),
							portNode && file.editor.replaceValue(portNode, target.port),
						],
					},
				],
			});
		}
	},
};

export const submissionPort25: AccountRule = {
	id: 'submission-port-25',
	severity: 'warning',
	scope: 'account',
	title: { en: 'SMTP on port 25', de: 'SMTP auf Port 25' },
	check(account, file, report) {
		const smtp = account.servers.find((s) => s.protocol === 'smtp');
		// A relay on the same machine is not reached through any network that could block port 25.
		if (smtp?.port !== 25 || (smtp.host && isLoopback(smtp.host))) return;
		const portNode = account.nodeAt(['smtp', 'port']);
		const securityNode = account.nodeAt(['smtp', 'security']);
		const smtpNode = account.nodeAt(['smtp']);
		report({
			at: [portNode],
			message: {
				en: 'Port 25 is for mail between servers; many networks and cloud hosts block it outbound. Programs and devices should submit mail on 587 with STARTTLS (or 465 with TLS).',
				de: 'Port 25 ist für Mail zwischen Servern; viele Netze und Cloud-Hoster sperren ihn ausgehend. Programme und Geräte sollten Mail über 587 mit STARTTLS (oder 465 mit TLS) einliefern.',
			},
			fixes: [
				{
					title: T.fixBoth,
					args: { port: 587, security: 'starttls' },
					edits: [
						portNode && file.editor.replaceValue(portNode, 587),
						securityNode
							? file.editor.replaceValue(securityNode, 'starttls')
							: smtpNode && file.editor.insertProperty(smtpNode, 'security', 'starttls'),
					],
					isPreferred: isDocumented(smtp.host, 'smtp', 587, 'starttls'),
				},
			],
		});
	},
};
