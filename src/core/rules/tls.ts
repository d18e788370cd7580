import { formatDay } from './dates';
import type { AccountRule } from './types';

export const tlsVerificationDisabled: AccountRule = {
	id: 'tls-verification-disabled',
	severity: 'warning',
	scope: 'account',
	title: { en: 'Certificate verification switched off', de: 'Zertifikatsprüfung abgeschaltet' },
	check(account, file, report) {
		for (const server of account.servers) {
			if (account.get([server.protocol, 'tls', 'rejectUnauthorized']) !== false) continue;
			const node = account.nodeAt([server.protocol, 'tls', 'rejectUnauthorized']);
			report({
				at: [node],
				message: {
					en: 'Certificate checks are off for {protocol}: anyone on the network path can pose as {host} and read the password. If the certificate names another host, set "tls.servername" instead; for a private CA, trust that CA.',
					de: 'Die Zertifikatsprüfung ist für {protocol} aus: Jeder auf dem Netzweg kann sich als {host} ausgeben und das Kennwort mitlesen. Nennt das Zertifikat einen anderen Host, besser „tls.servername“ setzen; bei einer eigenen CA dieser CA vertrauen.',
				},
				args: { protocol: server.protocol.toUpperCase(), host: server.host ?? '?' },
				fixes: [
					{
						title: { en: 'Verify the certificate again', de: 'Zertifikat wieder prüfen' },
						edits: [node && file.editor.replaceValue(node, true)],
					},
				],
			});
		}
	},
};

const LEGACY_TLS = new Set(['TLSv1', 'TLSv1.1']);

export const tlsLegacyVersion: AccountRule = {
	id: 'tls-legacy-version',
	severity: 'warning',
	scope: 'account',
	title: { en: 'TLS older than 1.2 allowed', de: 'TLS älter als 1.2 erlaubt' },
	check(account, file, report) {
		for (const server of account.servers) {
			const version = account.str([server.protocol, 'tls', 'minVersion']);
			if (!version || !LEGACY_TLS.has(version)) continue;
			const node = account.nodeAt([server.protocol, 'tls', 'minVersion']);
			const minimum = server.provider?.tlsMinimum;
			report({
				at: [node],
				message: minimum
					? {
							en: '{version} is deprecated and insecure. {provider} refuses TLS below 1.2 (rollout from {date}). Use TLSv1.2.',
							de: '{version} ist veraltet und unsicher. {provider} lehnt TLS unter 1.2 ab (Einführung ab {date}). TLSv1.2 verwenden.',
						}
					: {
							en: '{version} is deprecated and insecure; current servers and Node.js expect TLS 1.2 or newer. Use TLSv1.2.',
							de: '{version} ist veraltet und unsicher; aktuelle Server und Node.js erwarten TLS 1.2 oder neuer. TLSv1.2 verwenden.',
						},
				args: {
					version,
					provider: server.provider?.name ?? '',
					date: minimum ? formatDay(minimum.effective, file.lang) : '',
				},
				fixes: [
					{
						title: { en: 'Require TLSv1.2 or newer', de: 'Mindestens TLSv1.2 verlangen' },
						edits: [node && file.editor.replaceValue(node, 'TLSv1.2')],
						isPreferred: true,
					},
				],
			});
		}
	},
};
