import type { Guide } from '../types';
import { LINKS, STATUS_AS_OF, sourceLink } from './common';

/**
 * For printers, scanners and applications that cannot do OAuth2: the ways to keep sending once Basic authentication
 * for SMTP AUTH is off (mail-facts §8.1, §8.3, §8.6), and what to check in the days after the change.
 */
export const m365SmtpAfterBasicAuth: Guide = {
	id: 'm365-smtp-after-basic-auth',
	provider: 'microsoft365',
	title: {
		en: 'Devices and apps without OAuth2: sending after the SMTP AUTH change',
		de: 'Geräte und Apps ohne OAuth2: Senden nach der SMTP AUTH-Umstellung',
	},
	summary: {
		en: 'Find who still sends with Basic authentication, choose a way that needs no password login (High Volume Email, Azure Communication Services Email, a connector, Direct Send, a third-party relay), and check the tenant in the days after the change.',
		de: 'Herausfinden, wer noch mit Standardauthentifizierung sendet, einen Weg ohne Kennwortanmeldung wählen (High Volume Email, Azure Communication Services Email, ein Connector, Direct Send, ein Relay eines Drittanbieters) und den Mandanten in den Tagen nach der Umstellung prüfen.',
	},
	currentStatus: {
		asOf: STATUS_AS_OF,
		text: {
			milestone: 'exo-smtp-basic-default-off',
			before: {
				en: 'Microsoft turns Basic authentication for SMTP AUTH off by default for existing tenants {on:exo-smtp-basic-default-off} ({relative:exo-smtp-basic-default-off}); admins can turn it back on for a while, and Microsoft will name the final removal date {on:exo-smtp-basic-final-removal}. A device that signs in with a password or an app password stops sending then unless it moves to one of the ways below.',
				de: 'Microsoft schaltet die Standardauthentifizierung für SMTP AUTH in bestehenden Mandanten {on:exo-smtp-basic-default-off} ({relative:exo-smtp-basic-default-off}) standardmäßig ab; Administratoren können sie eine Zeit lang wieder einschalten, und das endgültige Abschaltdatum nennt Microsoft {on:exo-smtp-basic-final-removal}. Ein Gerät, das sich mit Kennwort oder App-Kennwort anmeldet, sendet dann nicht mehr, wenn es nicht auf einen der Wege unten umzieht.',
			},
			after: {
				en: 'Basic authentication for SMTP AUTH has been off by default for existing tenants {since:exo-smtp-basic-default-off}; it works only where an admin turned it back on, and Microsoft will name the final removal date (announced for {date:exo-smtp-basic-final-removal}). Devices that sign in with a password need one of the ways below.',
				de: 'Die Standardauthentifizierung für SMTP AUTH ist in bestehenden Mandanten {since:exo-smtp-basic-default-off} standardmäßig aus; sie funktioniert nur, wo ein Administrator sie wieder eingeschaltet hat, und das endgültige Abschaltdatum nennt Microsoft noch (angekündigt für {date:exo-smtp-basic-final-removal}). Geräte, die sich mit Kennwort anmelden, brauchen einen der Wege unten.',
			},
		},
		modernAlternative: 'm365-oauth2-app-only',
	},
	steps: [
		{
			id: 'find-basic-clients',
			title: {
				en: 'Find the senders still on Basic authentication',
				de: 'Absender mit Standardauthentifizierung finden',
			},
			body: [
				{
					en: 'The Exchange admin center has an "SMTP AUTH clients submission report" under Reports > Mail flow. Its "Authentication Protocol" column tells Basic from OAuth; every account listed with Basic is a device or application to move. The PowerShell line below lists the mailboxes that have SMTP AUTH switched on explicitly.',
					de: 'Das Exchange Admin Center hat unter Berichte > Nachrichtenfluss einen Bericht über SMTP AUTH-Clientübermittlungen („SMTP AUTH clients submission report“). Seine Spalte „Authentifizierungsprotokoll“ unterscheidet Standardauthentifizierung („Basic“) und OAuth; jedes Konto, das dort mit „Basic“ steht, ist ein Gerät oder eine Anwendung, die umziehen muss. Die PowerShell-Zeile unten listet die Postfächer, für die SMTP AUTH ausdrücklich eingeschaltet ist.',
				},
			],
			commands: [
				{
					shell: 'powershell',
					code: 'Get-CASMailbox -ResultSize Unlimited | Where-Object SmtpClientAuthenticationDisabled -eq $false | Format-Table Name, PrimarySmtpAddress',
				},
			],
			links: [
				sourceLink('exo-smtp-auth-clients-report', {
					en: 'Microsoft Learn: SMTP AUTH clients submission report',
					de: 'Microsoft Learn: Bericht über SMTP AUTH-Clientübermittlungen',
				}),
			],
		},
		{
			id: 'oauth2-first',
			title: { en: 'If the device or app can do OAuth2, use it', de: 'Kann das Gerät oder die App OAuth2, das nutzen' },
			body: [
				{
					en: 'Look in the device settings or the vendor documentation for "OAuth", "Modern authentication" or "Microsoft 365 sign-in"; a firmware update often adds it. An unattended application signs in as itself (app-only); a device with a sign-in screen can use a delegated sign-in. Everything below is for the ones that cannot.',
					de: 'Suchen Sie in den Geräteeinstellungen oder der Herstellerdokumentation nach „OAuth“, „Moderne Authentifizierung“ oder „Microsoft 365-Anmeldung“; oft bringt ein Firmware-Update es mit. Eine unbeaufsichtigte Anwendung meldet sich selbst an (Nur-App); ein Gerät mit Anmeldebildschirm kann eine delegierte Anmeldung nutzen. Alles Weitere gilt für die, die es nicht können.',
				},
			],
			related: ['m365-oauth2-app-only', 'm365-oauth2-delegated'],
		},
		{
			id: 'high-volume-email',
			title: { en: 'High Volume Email for Microsoft 365', de: 'High Volume Email für Microsoft 365' },
			body: [
				{
					en: 'High Volume Email (HVE) is Microsoft’s service for bulk and device mail through Exchange Online with its own HVE accounts. Microsoft names it as a way forward for senders that cannot use OAuth2; check on its page which recipients and limits it supports before you move a device to it.',
					de: 'High Volume Email (HVE) ist Microsofts Dienst für Massen- und Gerätemails über Exchange Online mit eigenen HVE-Konten. Microsoft nennt ihn als Weg für Absender, die kein OAuth2 können; prüfen Sie vor dem Umzug eines Geräts auf seiner Seite, welche Empfänger und Grenzen er unterstützt.',
				},
			],
			links: [
				sourceLink('exo-hve', {
					en: 'Microsoft Learn: High Volume Email for Microsoft 365',
					de: 'Microsoft Learn: High Volume Email für Microsoft 365',
				}),
			],
		},
		{
			id: 'azure-communication-services',
			title: {
				en: 'Azure Communication Services Email',
				de: 'Azure Communication Services Email (Azure-Dienst)',
			},
			body: [
				{
					en: 'Azure Communication Services Email sends application mail from a verified domain, through its REST API or its own SMTP endpoint. It suits applications that send to external recipients; it is billed per message through an Azure subscription.',
					de: 'Azure Communication Services Email sendet Anwendungsmails von einer verifizierten Domäne, über seine REST-API oder einen eigenen SMTP-Endpunkt. Es passt zu Anwendungen, die an externe Empfänger senden; abgerechnet wird pro Nachricht über ein Azure-Abonnement.',
				},
			],
			links: [
				sourceLink('acs-email', {
					en: 'Microsoft Learn: Azure Communication Services Email',
					de: 'Microsoft Learn: Azure Communication Services Email (Übersicht)',
				}),
			],
		},
		{
			id: 'connector-relay',
			title: {
				en: 'SMTP relay through a connector (static IP address)',
				de: 'SMTP-Relay über einen Connector (statische IP-Adresse)',
			},
			body: [
				{
					en: 'A device or server with a static public IP address sends without a login to your domain’s MX endpoint (<domain>.mail.protection.outlook.com, port 25, STARTTLS). An inbound connector "from your organization’s email server" that recognizes that IP address (or a certificate) lets Exchange Online relay the mail, also to external recipients. The sender address must be one of your accepted domains.',
					de: 'Ein Gerät oder Server mit statischer öffentlicher IP-Adresse sendet ohne Anmeldung an den MX-Endpunkt Ihrer Domäne (<Domäne>.mail.protection.outlook.com, Port 25, STARTTLS). Ein eingehender Connector „vom E-Mail-Server Ihrer Organisation“, der diese IP-Adresse (oder ein Zertifikat) erkennt, lässt Exchange Online die Mail weiterleiten, auch an externe Empfänger. Die Absenderadresse muss zu Ihren akzeptierten Domänen gehören.',
				},
			],
			uiPath: [
				{ en: 'Exchange admin center', de: 'Exchange Admin Center' },
				{ en: 'Mail flow', de: 'Nachrichtenfluss' },
				{ en: 'Connectors', de: 'Connectors' },
				{ en: 'Add a connector', de: 'Connector hinzufügen' },
			],
			links: [LINKS.devicesSendMail],
		},
		{
			id: 'direct-send',
			title: { en: 'Direct Send and "Reject Direct Send"', de: 'Direct Send und „Reject Direct Send“' },
			body: [
				{
					en: 'With Direct Send a device delivers to the MX endpoint without a login and without a connector; it reaches only recipients in your own organization. If the tenant has RejectDirectSend set to True, Exchange Online refuses such anonymous mail from your own domain unless it matches an inbound connector: then set up the connector of the previous step.',
					de: 'Bei Direct Send stellt ein Gerät ohne Anmeldung und ohne Connector an den MX-Endpunkt zu; es erreicht nur Empfänger in Ihrer eigenen Organisation. Steht RejectDirectSend im Mandanten auf True, weist Exchange Online solche anonymen Mails von Ihrer eigenen Domäne ab, sofern sie zu keinem eingehenden Connector passen: Richten Sie dann den Connector aus dem vorigen Schritt ein.',
				},
			],
			commands: [{ shell: 'powershell', code: 'Get-OrganizationConfig | Format-List RejectDirectSend' }],
			links: [
				sourceLink('exo-reject-direct-send', {
					en: 'Exchange Team Blog: more control over Direct Send',
					de: 'Exchange Team Blog: mehr Kontrolle über Direct Send',
				}),
				LINKS.devicesSendMail,
			],
		},
		{
			id: 'third-party-relay',
			title: { en: 'A third-party relay', de: 'Ein Relay eines Drittanbieters' },
			body: [
				{
					en: 'A relay service (from your hosting provider or a mail delivery service) accepts the device’s login or IP address and delivers the mail. Add the relay to your domain’s SPF record and set up DKIM there, or recipients will treat the mail as forged.',
					de: 'Ein Relaydienst (Ihres Hosters oder eines Mailversanddienstes) nimmt die Anmeldung oder IP-Adresse des Geräts an und stellt die Mails zu. Nehmen Sie das Relay in den SPF-Eintrag Ihrer Domäne auf und richten Sie dort DKIM ein, sonst halten Empfänger die Mails für gefälscht.',
				},
			],
		},
		{
			id: 'legacy-tls',
			title: {
				en: 'Old firmware that only speaks TLS 1.0 or 1.1',
				de: 'Alte Firmware, die nur TLS 1.0 oder 1.1 spricht',
			},
			body: [
				{
					en: 'smtp.office365.com answers such devices with "421 4.7.66 TLS 1.0 and 1.1 are not supported". An admin can opt in to smtp-legacy.office365.com, which still accepts them (Set-TransportConfig -AllowLegacyTLSClients $true), but it is SMTP AUTH with a password as well and ends with Basic authentication. A firmware update or one of the ways above is the lasting fix. (The TLS retirement of MC1293480 concerns POP and IMAP, not SMTP.)',
					de: 'smtp.office365.com antwortet solchen Geräten mit „421 4.7.66 TLS 1.0 and 1.1 are not supported“. Ein Administrator kann smtp-legacy.office365.com freischalten, das sie noch annimmt (Set-TransportConfig -AllowLegacyTLSClients $true), aber auch das ist SMTP AUTH mit Kennwort und endet mit der Standardauthentifizierung. Dauerhaft helfen ein Firmware-Update oder einer der Wege oben. (Das TLS-Ende aus MC1293480 betrifft POP und IMAP, nicht SMTP.)',
				},
			],
			commands: [{ shell: 'powershell', code: 'Set-TransportConfig -AllowLegacyTLSClients $true' }],
			links: [
				sourceLink('exo-legacy-tls-smtp', {
					en: 'Microsoft Learn: endpoint for legacy TLS clients using SMTP AUTH',
					de: 'Microsoft Learn: Endpunkt für Legacy-TLS-Clients mit SMTP AUTH',
				}),
			],
		},
		{
			id: 'after-the-change',
			title: { en: 'Checklist for the days after the change', de: 'Checkliste für die Tage nach der Umstellung' },
			body: [
				{
					en: 'Read the organization switch and the mailbox switches; Microsoft has not said which setting the change flips, so check both and the authentication policies. Send a test from each device. A reply 535 5.7.139 or 550 5.7.30 means Basic authentication is refused.',
					de: 'Lesen Sie den Schalter der Organisation und die Schalter der Postfächer; Microsoft hat nicht gesagt, welche Einstellung die Umstellung ändert, prüfen Sie also beide und die Authentifizierungsrichtlinien. Senden Sie von jedem Gerät eine Testmail. Eine Antwort 535 5.7.139 oder 550 5.7.30 heißt: Die Standardauthentifizierung wird abgelehnt.',
				},
				{
					en: 'While Microsoft still allows it, an admin can turn SMTP AUTH back on for the one mailbox a device uses (Set-CASMailbox … $false) to buy time; it stops working at the final removal, so move the device in the meantime.',
					de: 'Solange Microsoft es noch erlaubt, kann ein Administrator SMTP AUTH für das eine Postfach eines Geräts wieder einschalten (Set-CASMailbox … $false), um Zeit zu gewinnen; zur endgültigen Abschaltung hört das auf, ziehen Sie das Gerät also in der Zwischenzeit um.',
				},
			],
			commands: [
				{ shell: 'powershell', code: 'Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled' },
				{
					shell: 'powershell',
					code: 'Get-CASMailbox -Identity <MAILBOX> | Format-List SmtpClientAuthenticationDisabled',
				},
				{ shell: 'powershell', code: 'Get-AuthenticationPolicy | Format-List Name, AllowBasicAuthSmtp' },
				{ shell: 'powershell', code: 'Set-CASMailbox -Identity <MAILBOX> -SmtpClientAuthenticationDisabled $false' },
			],
			links: [LINKS.smtpAuthToggle, LINKS.smtpBasicTimeline],
			related: ['m365-enable-smtp-auth#enable-mailbox'],
			verify: { protocol: 'smtp' },
		},
	],
};
