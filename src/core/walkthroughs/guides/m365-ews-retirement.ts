import type { Guide } from '../types';
import { LINKS, STATUS_AS_OF } from './common';

/**
 * For adapters that offer EWS as an alternative to IMAP (mail-facts §8.7): EWS in Exchange Online is blocked unless
 * allow-listed and then switched off for good; the way forward is IMAP with OAuth2 or Microsoft Graph.
 */
export const m365EwsRetirement: Guide = {
	id: 'm365-ews-retirement',
	provider: 'microsoft365',
	title: {
		en: 'EWS in Exchange Online: move the adapter to IMAP with OAuth2',
		de: 'EWS in Exchange Online: den Adapter auf IMAP mit OAuth2 umstellen',
	},
	summary: {
		en: 'Find out whether an adapter still talks EWS, move it to IMAP with OAuth2 (or to Microsoft Graph), and what the allow list buys until EWS is switched off.',
		de: 'Herausfinden, ob ein Adapter noch EWS spricht, ihn auf IMAP mit OAuth2 (oder Microsoft Graph) umstellen, und was die Zulassungsliste bis zur Abschaltung von EWS bringt.',
	},
	currentStatus: {
		asOf: STATUS_AS_OF,
		text: {
			milestone: 'exo-ews-off',
			before: {
				en: 'EWS in Exchange Online has been blocked {since:exo-ews-blocked} in tenants that did not allow it, and only applications on the tenant’s allow list still get through. Microsoft switches EWS off for good {on:exo-ews-off} ({relative:exo-ews-off}), without exceptions. On-premises Exchange is not affected.',
				de: 'EWS in Exchange Online ist {since:exo-ews-blocked} in Mandanten gesperrt, die es nicht erlaubt haben, und nur Anwendungen auf der Zulassungsliste des Mandanten kommen noch durch. Microsoft schaltet EWS {on:exo-ews-off} ({relative:exo-ews-off}) endgültig ab, ohne Ausnahmen. Lokales Exchange (Exchange Server) ist nicht betroffen.',
			},
			after: {
				en: 'EWS in Exchange Online has been switched off for good {since:exo-ews-off}, without exceptions; an adapter that still uses it fails. Use IMAP with OAuth2 or Microsoft Graph. On-premises Exchange is not affected.',
				de: 'EWS in Exchange Online ist {since:exo-ews-off} endgültig abgeschaltet, ohne Ausnahmen; ein Adapter, der es noch nutzt, scheitert. Verwenden Sie IMAP mit OAuth2 oder Microsoft Graph. Lokales Exchange (Exchange Server) ist nicht betroffen.',
			},
		},
		modernAlternative: 'm365-oauth2-app-only',
	},
	steps: [
		{
			id: 'find-ews',
			title: { en: 'Find out whether the adapter uses EWS', de: 'Herausfinden, ob der Adapter EWS nutzt' },
			body: [
				{
					en: 'Look in the adapter’s settings for "EWS", "Exchange Web Services", "Exchange (Autodiscover)" or the address https://outlook.office365.com/EWS/Exchange.asmx. Document management, ticket and archive tools often offer EWS and IMAP side by side; a mailcfg config describes the IMAP and SMTP way, so the adapter has to be set to that one.',
					de: 'Suchen Sie in den Einstellungen des Adapters nach „EWS“, „Exchange Web Services“, „Exchange (Autodiscover)“ oder der Adresse https://outlook.office365.com/EWS/Exchange.asmx. Dokumentenmanagement-, Ticket- und Archivprogramme bieten EWS und IMAP oft nebeneinander an; eine mailcfg-Konfiguration beschreibt den Weg über IMAP und SMTP, stellen Sie den Adapter also auf diesen um.',
				},
			],
		},
		{
			id: 'check-tenant',
			title: { en: 'Read the tenant’s EWS setting', de: 'Die EWS-Einstellung des Mandanten lesen' },
			body: [
				{
					en: 'EwsEnabled on the organization decides: unset tenants were switched to blocked {on:exo-ews-blocked}. Where an admin set it to True, only applications whose AppID is on the allow list (EWSAllowedAppIDs) may still call EWS, and only until EWS ends {on:exo-ews-off}.',
					de: 'EwsEnabled an der Organisation entscheidet: Mandanten ohne Wert wurden {on:exo-ews-blocked} auf „gesperrt“ umgestellt. Wo ein Administrator True gesetzt hat, dürfen nur Anwendungen, deren AppID auf der Zulassungsliste (EWSAllowedAppIDs) steht, EWS noch aufrufen, und nur bis EWS {on:exo-ews-off} endet.',
				},
			],
			commands: [{ shell: 'powershell', code: 'Get-OrganizationConfig | Format-List EwsEnabled' }],
			warnings: [
				{
					en: 'An allow-list entry only buys time: it stops working when EWS is switched off, with no exceptions.',
					de: 'Ein Eintrag in der Zulassungsliste verschafft nur Zeit: Er wirkt nicht mehr, sobald EWS abgeschaltet ist, ohne Ausnahmen.',
				},
			],
		},
		{
			id: 'move-to-imap',
			title: { en: 'Switch the adapter to IMAP with OAuth2', de: 'Den Adapter auf IMAP mit OAuth2 umstellen' },
			body: [
				{
					en: 'An unattended import signs in app-only, with IMAP.AccessAsApp and Full Access to the mailbox; a tool a person signs in to uses a delegated sign-in. A password does not work for IMAP in Exchange Online. Tools that only speak EWS need an update to Microsoft Graph from their vendor.',
					de: 'Ein unbeaufsichtigter Import meldet sich mit Nur-App-Zugriff an, mit IMAP.AccessAsApp und Vollzugriff auf das Postfach; ein Programm, bei dem sich eine Person anmeldet, nutzt eine delegierte Anmeldung. Ein Kennwort funktioniert für IMAP in Exchange Online nicht. Programme, die nur EWS sprechen, brauchen vom Hersteller ein Update auf Microsoft Graph.',
				},
			],
			settings: [
				{ label: { en: 'IMAP server', de: 'IMAP-Server' }, value: 'outlook.office365.com' },
				{ label: { en: 'IMAP port and security', de: 'IMAP-Port und Verschlüsselung' }, value: '993, TLS' },
			],
			links: [LINKS.oauthImapSmtp],
			related: ['m365-oauth2-app-only', 'm365-oauth2-delegated'],
			verify: { protocol: 'imap' },
		},
	],
};
