import { documentedEndpoints, providersForHost } from '../providers/detect';
import { likelyHostTypo } from '../providers/hosts';
import { portSecurityConflict } from './ports';
import type { AccountRule } from './types';

export const providerEndpointMismatch: AccountRule = {
	id: 'provider-endpoint-mismatch',
	severity: 'error',
	scope: 'account',
	title: {
		en: 'Port or security the provider does not serve',
		de: 'Port oder Sicherheit, die der Anbieter nicht anbietet',
	},
	check(account, file, report) {
		for (const server of account.servers) {
			const { host, port, security, protocol } = server;
			if (!host || port === undefined || !security) continue;
			// A TLS mode that can't work on the port is port-security-mismatch's finding.
			if (portSecurityConflict(port, security)) continue;
			// The account's own provider names the finding (Gmail for an @gmail.com address on smtp.gmail.com, not the
			// first provider of the table that shares the host).
			const provider = server.provider?.endpointsVerified
				? server.provider
				: providersForHost(host).find((p) => p.endpointsVerified);
			if (!provider) continue;
			const documented = documentedEndpoints(host, protocol);
			if (documented.length === 0 || documented.some((e) => e.port === port && e.security === security)) continue;
			const portNode = account.nodeAt([protocol, 'port']);
			const securityNode = account.nodeAt([protocol, 'security']);
			const ordered = [
				...documented.filter((e) => e.security === security),
				...documented.filter((e) => e.security !== security),
			];
			report({
				at: [portNode],
				message: {
					en: '{provider} does not serve {protocol} on {host}:{port} with "{security}". Documented: {documented}.',
					de: '{provider} bietet {protocol} auf {host}:{port} mit „{security}“ nicht an. Dokumentiert: {documented}.',
				},
				args: {
					provider: provider.name,
					protocol: protocol.toUpperCase(),
					host,
					port,
					security,
					documented: documented.map((e) => `${e.port} ${e.security}`).join(', '),
				},
				fixes: ordered.map((e, i) => ({
					title: { en: 'Use port {port} with "{security}"', de: 'Port {port} mit „{security}“ verwenden' },
					args: { port: e.port, security: e.security },
					edits: [
						portNode && file.editor.replaceValue(portNode, e.port),
						e.security !== security && securityNode ? file.editor.replaceValue(securityNode, e.security) : undefined,
					],
					isPreferred: i === 0,
				})),
			});
		}
	},
};

export const hostTypo: AccountRule = {
	id: 'host-typo',
	severity: 'warning',
	scope: 'account',
	title: { en: 'Host looks like a typo', de: 'Host sieht nach Tippfehler aus' },
	check(account, file, report) {
		for (const server of account.servers) {
			if (!server.host) continue;
			const email = account.str(['email']) ?? account.str(['auth', 'user']);
			// Two literals rather than a spread of a conditional one, which V8 copies slowly (about 2 µs per call).
			const { protocol } = server;
			const intended = likelyHostTypo(server.host, email?.includes('@') ? { email, protocol } : { protocol });
			if (!intended) continue;
			const node = account.nodeAt([server.protocol, 'host']);
			report({
				at: [node],
				message: {
					en: '"{host}" is not a known mail server, but {intended} is. Typo?',
					de: '„{host}“ ist kein bekannter Mailserver, {intended} aber schon. Tippfehler?',
				},
				args: { host: server.host, intended },
				fixes: [
					{
						title: { en: 'Change to {intended}', de: 'In {intended} ändern' },
						args: { intended },
						edits: [node && file.editor.replaceValue(node, intended)],
						isPreferred: true,
					},
				],
			});
		}
	},
};
