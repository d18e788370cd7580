import { localizedFor, type Text } from '../facts/text';
import type { Localized } from '../i18n';
import type { FactId } from '../facts/registry';
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

/** The sentence for each fact a provider's `tlsMinimum` entry names. */
const REFUSAL_TEXTS: Partial<Record<FactId, Text>> = {
	'exo-pop-imap-legacy-tls-retirement': {
		milestone: 'exo-pop-imap-legacy-tls-retirement',
		before: {
			en: '{provider} retires TLS below 1.2 for IMAP and POP, together with imap-legacy.office365.com, in a rollout that ends {on:exo-pop-imap-legacy-tls-retirement} (MC1293480).',
			de: '{provider} beendet TLS unter 1.2 für IMAP und POP samt imap-legacy.office365.com in einer Einführung, die {on:exo-pop-imap-legacy-tls-retirement} abgeschlossen ist (MC1293480).',
		},
		after: {
			en: '{provider} has refused TLS below 1.2 for IMAP and POP {since:exo-pop-imap-legacy-tls-retirement}; imap-legacy.office365.com is retired too (MC1293480).',
			de: '{provider} lehnt TLS unter 1.2 für IMAP und POP {since:exo-pop-imap-legacy-tls-retirement} ab; auch imap-legacy.office365.com ist abgeschaltet (MC1293480).',
		},
	},
	'exo-smtp-legacy-tls': {
		en: '{provider} has refused TLS below 1.2 on smtp.office365.com since 2022 (421 4.7.66); only smtp-legacy.office365.com still accepts it, after an admin opts in with Set-TransportConfig -AllowLegacyTLSClients $true.',
		de: '{provider} lehnt TLS unter 1.2 auf smtp.office365.com seit 2022 ab (421 4.7.66); nur smtp-legacy.office365.com nimmt es noch an, nachdem ein Administrator es mit Set-TransportConfig -AllowLegacyTLSClients $true zugelassen hat.',
	},
};

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
			const minimum = server.provider?.tlsMinimum?.find((m) => m.protocol === server.protocol);
			const refusal = minimum && REFUSAL_TEXTS[minimum.fact];
			const generic: Localized = {
				en: '{version} is deprecated and insecure; current servers and Node.js expect TLS 1.2 or newer. Use TLSv1.2.',
				de: '{version} ist veraltet und unsicher; aktuelle Server und Node.js erwarten TLS 1.2 oder neuer. TLSv1.2 verwenden.',
			};
			const specific = refusal && localizedFor(refusal, file.now);
			report({
				at: [node],
				message: specific
					? {
							en: `{version} is deprecated and insecure. ${specific.en} Use TLSv1.2.`,
							de: `{version} ist veraltet und unsicher. ${specific.de} TLSv1.2 verwenden.`,
						}
					: generic,
				args: { version, provider: server.provider?.name ?? '' },
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
