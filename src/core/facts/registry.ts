import type { Localized } from '../i18n';
import type { SourceId } from './sources';

/**
 * How a fact is known. `sourced`: a vendor page or announcement says it. `field-report`: users report it and no
 * vendor page states it. `heuristic`: our own inference from the sourced facts; texts that use one say so.
 */
export type FactBasis = 'sourced' | 'field-report' | 'heuristic';

export interface Fact {
	statement: Localized;
	source: SourceId;
	/** The day the statement was last compared with its source (YYYY-MM-DD). */
	checked: string;
	basis: FactBasis;
	/** Reply and error codes whose meaning this fact states, as texts cite them (`AADSTS50076`, `535 5.7.139`). */
	codes?: readonly string[];
}

/**
 * How precisely the vendor named a date. `day`: an exact day. `month-end`: "end of <month>" (the date is the last
 * day; texts never name that day as the vendor's). `half-year`: "second half of <year>" (the date is the last day).
 */
export type Precision = 'day' | 'month-end' | 'half-year';

export interface Milestone {
	/** The day the change applies; for a vague date, the last day it may fall on. */
	date: string;
	/** First day of the window in which the change is happening ("around"); defaults to `date`. */
	from?: string;
	precision: Precision;
	fact: FactId;
}

/** The day the whole registry was last compared with its sources. */
export const FACTS_CHECKED = '2026-12-03';
const CHECKED = FACTS_CHECKED;

/** Every claim a user reads, with its source; texts refer to these by id (docs/facts.md lists them). */
export const FACTS = {
	'exo-basic-auth-removed': {
		statement: {
			en: 'Exchange Online turned Basic authentication off for IMAP, POP, EWS, EAS, MAPI/RPC, OAB and Remote PowerShell, starting 1 October 2022; since 2023 nobody, Microsoft support included, can turn it back on. App passwords are Basic credentials and stopped working there too. SMTP AUTH was excluded.',
			de: 'Exchange Online hat die Standardauthentifizierung für IMAP, POP, EWS, EAS, MAPI/RPC, OAB und Remote-PowerShell ab dem 1. Oktober 2022 abgeschaltet; seit 2023 kann niemand sie wieder einschalten, auch der Microsoft-Support nicht. App-Kennwörter sind Zugangsdaten der Standardauthentifizierung und funktionieren dort ebenfalls nicht mehr. SMTP AUTH war ausgenommen.',
		},
		source: 'exo-basic-auth-deprecation',
		checked: CHECKED,
		basis: 'sourced',
	},
	'exo-smtp-basic-plan': {
		statement: {
			en: "Microsoft's timeline of 27 January 2026 for Basic authentication with SMTP AUTH: no change until December 2026; disabled by default for existing tenants at the end of December 2026, admins can still turn it back on; unavailable by default in tenants created after December 2026; the final removal date is to be announced in the second half of 2027. It replaces the earlier plans (September 2025, then March to April 2026).",
			de: 'Microsofts Zeitplan vom 27. Januar 2026 für die Standardauthentifizierung mit SMTP AUTH: keine Änderung bis Dezember 2026; Ende Dezember 2026 für bestehende Mandanten standardmäßig deaktiviert, Administratoren können sie wieder einschalten; in Mandanten, die nach Dezember 2026 angelegt werden, standardmäßig nicht verfügbar; das endgültige Abschaltdatum wird in der zweiten Jahreshälfte 2027 angekündigt. Er ersetzt die früheren Pläne (September 2025, dann März bis April 2026).',
		},
		source: 'exo-smtp-auth-timeline',
		checked: CHECKED,
		basis: 'sourced',
	},
	'exo-smtp-basic-default-off': {
		statement: {
			en: 'At the end of December 2026 Exchange Online disables Basic authentication for SMTP AUTH by default in existing tenants (passwords and app passwords alike); an admin can still turn it back on. Microsoft has not said which setting the change flips; mailcfg computes with the last day of December.',
			de: 'Ende Dezember 2026 deaktiviert Exchange Online die Standardauthentifizierung für SMTP AUTH in bestehenden Mandanten standardmäßig (Kennwörter wie App-Kennwörter); ein Administrator kann sie wieder einschalten. Microsoft hat nicht gesagt, welche Einstellung dabei umgestellt wird; mailcfg rechnet mit dem letzten Dezembertag.',
		},
		source: 'exo-smtp-auth-timeline',
		checked: CHECKED,
		basis: 'sourced',
	},
	'exo-smtp-basic-final-removal': {
		statement: {
			en: 'Microsoft will announce the date on which Basic authentication for SMTP AUTH is removed for good in the second half of 2027.',
			de: 'Microsoft kündigt das Datum, an dem die Standardauthentifizierung für SMTP AUTH endgültig entfällt, in der zweiten Jahreshälfte 2027 an.',
		},
		source: 'exo-smtp-auth-timeline',
		checked: CHECKED,
		basis: 'sourced',
	},
	'exo-smtp-basic-rejected-reply': {
		statement: {
			en: 'Where Basic authentication for SMTP AUTH is rejected, Exchange Online answers 550 5.7.30 "Basic authentication is not supported for Client Submission".',
			de: 'Wo die Standardauthentifizierung für SMTP AUTH abgelehnt wird, antwortet Exchange Online mit 550 5.7.30 „Basic authentication is not supported for Client Submission“.',
		},
		source: 'exo-basic-auth-start-here',
		checked: CHECKED,
		basis: 'sourced',
		codes: ['550 5.7.30', '5.7.30'],
	},
	'exo-smtp-auth-switches': {
		statement: {
			en: 'SMTP AUTH has an organization switch (Set-TransportConfig -SmtpClientAuthenticationDisabled, or in the Exchange admin center: Settings > Mail flow > "Turn off SMTP AUTH protocol for your organization") and a mailbox switch (Set-CASMailbox -SmtpClientAuthenticationDisabled, or Microsoft 365 admin center: Users > Active users > user > Mail > Manage email apps > "Authenticated SMTP"); the mailbox switch wins. Both are needed with OAuth2 as well.',
			de: 'SMTP AUTH hat einen Schalter für die Organisation (Set-TransportConfig -SmtpClientAuthenticationDisabled, oder im Exchange Admin Center: Einstellungen > Nachrichtenfluss > „SMTP AUTH-Protokoll für Ihre Organisation deaktivieren“) und einen pro Postfach (Set-CASMailbox -SmtpClientAuthenticationDisabled, oder Microsoft 365 Admin Center: Benutzer > Aktive Benutzer > Benutzer > E-Mail > E-Mail-Apps verwalten > „Authentifiziertes SMTP“); der Schalter am Postfach hat Vorrang. Beide braucht es auch mit OAuth2.',
		},
		source: 'exo-smtp-auth-settings',
		checked: CHECKED,
		basis: 'sourced',
	},
	'exo-smtp-auth-org-switch-eac': {
		statement: {
			en: 'The organization-wide SMTP AUTH switch is also in the Exchange admin center (Settings > Mail flow), not only in PowerShell.',
			de: 'Der organisationsweite Schalter für SMTP AUTH steht auch im Exchange Admin Center (Einstellungen > Nachrichtenfluss), nicht nur in PowerShell.',
		},
		source: 'cis-m365-benchmark',
		checked: CHECKED,
		basis: 'field-report',
	},
	'exo-smtp-auth-disabled-reply': {
		statement: {
			en: '535 5.7.139 "Authentication unsuccessful" names why: "SmtpClientAuthentication is disabled for the Tenant/Mailbox" (a switch is off), "basic authentication is disabled" (a policy or security defaults refuse Basic authentication), "the user credentials were incorrect".',
			de: '535 5.7.139 „Authentication unsuccessful“ nennt den Grund: „SmtpClientAuthentication is disabled for the Tenant/Mailbox“ (ein Schalter ist aus), „basic authentication is disabled“ (eine Richtlinie oder die Sicherheitsstandards lehnen die Standardauthentifizierung ab), „the user credentials were incorrect“.',
		},
		source: 'exo-smtp-auth-settings',
		checked: CHECKED,
		basis: 'sourced',
		codes: ['535 5.7.139', '5.7.139', '535'],
	},
	'exo-security-defaults-smtp': {
		statement: {
			en: 'With security defaults on, SMTP AUTH is already disabled; Microsoft says to turn security defaults off to use it. Microsoft does not say whether an OAuth2 login over SMTP AUTH is affected.',
			de: 'Mit aktiven Sicherheitsstandards ist SMTP AUTH bereits deaktiviert; laut Microsoft müssen die Sicherheitsstandards ausgeschaltet werden, um es zu nutzen. Ob eine OAuth2-Anmeldung über SMTP AUTH betroffen ist, sagt Microsoft nicht.',
		},
		source: 'exo-devices-send-mail',
		checked: CHECKED,
		basis: 'sourced',
	},
	'exo-smtp-alternatives': {
		statement: {
			en: 'For devices and applications that cannot use OAuth2, Microsoft names High Volume Email for Microsoft 365, Azure Communication Services Email, an Exchange Online connector (SMTP relay from a static IP address, or Direct Send to the MX endpoint) and third-party relays.',
			de: 'Für Geräte und Anwendungen, die kein OAuth2 können, nennt Microsoft High Volume Email für Microsoft 365, Azure Communication Services Email, einen Exchange Online-Connector (SMTP-Relay von einer statischen IP-Adresse oder Direct Send an den MX-Endpunkt) und Relays von Drittanbietern.',
		},
		source: 'mc786329',
		checked: CHECKED,
		basis: 'sourced',
	},
	'exo-reject-direct-send': {
		statement: {
			en: 'With Set-OrganizationConfig -RejectDirectSend $true, Exchange Online rejects anonymous mail from the own domain that matches no inbound connector, so Direct Send from a device then needs a connector.',
			de: 'Mit Set-OrganizationConfig -RejectDirectSend $true weist Exchange Online anonyme Mails von der eigenen Domäne ab, die zu keinem eingehenden Connector passen; Direct Send von einem Gerät braucht dann einen Connector.',
		},
		source: 'exo-reject-direct-send',
		checked: CHECKED,
		basis: 'sourced',
	},
	'exo-smtp-auth-clients-report': {
		statement: {
			en: 'The SMTP AUTH clients submission report in the Exchange admin center (Reports > Mail flow) lists who sends with SMTP AUTH; its "Authentication Protocol" column tells Basic from OAuth.',
			de: 'Der Bericht über SMTP AUTH-Clients im Exchange Admin Center (Berichte > Nachrichtenfluss) zeigt, wer mit SMTP AUTH sendet; die Spalte „Authentifizierungsprotokoll“ unterscheidet Standardauthentifizierung („Basic“) und OAuth.',
		},
		source: 'exo-smtp-auth-clients-report',
		checked: CHECKED,
		basis: 'sourced',
	},
	'exo-smtp-legacy-tls': {
		statement: {
			en: 'smtp.office365.com has refused TLS 1.0 and 1.1 since 2022 with 421 4.7.66 "TLS 1.0 and 1.1 are not supported"; smtp-legacy.office365.com still accepts them after Set-TransportConfig -AllowLegacyTLSClients $true.',
			de: 'smtp.office365.com lehnt TLS 1.0 und 1.1 seit 2022 mit 421 4.7.66 „TLS 1.0 and 1.1 are not supported“ ab; smtp-legacy.office365.com nimmt sie nach Set-TransportConfig -AllowLegacyTLSClients $true weiterhin an.',
		},
		source: 'exo-legacy-tls-smtp',
		checked: CHECKED,
		basis: 'sourced',
		codes: ['421 4.7.66', '4.7.66', '421'],
	},
	'exo-pop-imap-legacy-tls-retirement': {
		statement: {
			en: 'MC1293480: Exchange Online retires TLS 1.0/1.1 for POP and IMAP, including the endpoints imap-legacy.office365.com and pop-legacy.office365.com, rolled out from July to the end of December 2026. It does not concern SMTP.',
			de: 'MC1293480: Exchange Online beendet TLS 1.0/1.1 für POP und IMAP, samt den Endpunkten imap-legacy.office365.com und pop-legacy.office365.com, eingeführt von Juli bis Ende Dezember 2026. SMTP betrifft das nicht.',
		},
		source: 'exo-legacy-tls',
		checked: CHECKED,
		basis: 'sourced',
	},
	'exo-ews-blocked': {
		statement: {
			en: 'EWS in Exchange Online: tenants whose EWSEnabled is unset are switched to blocked on 1 October 2026; only apps on an admin-maintained AppID allow list (EWSEnabled = True with EWSAllowedAppIDs) keep working. On-premises Exchange is not affected.',
			de: 'EWS in Exchange Online: Mandanten ohne gesetztes EWSEnabled werden am 1. Oktober 2026 auf „gesperrt“ umgestellt; nur Apps auf einer von Administratoren gepflegten AppID-Zulassungsliste (EWSEnabled = True mit EWSAllowedAppIDs) funktionieren weiter. Lokales Exchange (Exchange Server) ist nicht betroffen.',
		},
		source: 'exo-ews-retirement',
		checked: CHECKED,
		basis: 'field-report',
	},
	'exo-ews-off': {
		statement: {
			en: 'EWS in Exchange Online is switched off for good on 1 April 2027, without exceptions; use Microsoft Graph or IMAP with OAuth2 instead.',
			de: 'EWS in Exchange Online wird am 1. April 2027 endgültig abgeschaltet, ohne Ausnahmen; stattdessen Microsoft Graph oder IMAP mit OAuth2 verwenden.',
		},
		source: 'exo-ews-retirement',
		checked: CHECKED,
		basis: 'field-report',
	},
	'exo-app-rbac': {
		statement: {
			en: 'RBAC for Applications limits what an app may do without a user to the mailboxes in a management scope (New-ManagementScope plus New-ManagementRoleAssignment -App for the app’s service principal); it replaces application access policies.',
			de: 'RBAC für Anwendungen beschränkt, was eine App ohne Benutzer darf, auf die Postfächer eines Verwaltungsbereichs (New-ManagementScope plus New-ManagementRoleAssignment -App für den Dienstprinzipal der App); es ersetzt die Anwendungszugriffsrichtlinien.',
		},
		source: 'exo-rbac-applications',
		checked: CHECKED,
		basis: 'sourced',
	},
	'exo-smtp-app-rbac': {
		statement: {
			en: 'For SMTP with an app-only token, the role "Application SMTP.SendAsApp" with a management scope grants sending as the mailboxes in the scope, without mailbox permissions and without SMTP.SendAsApp in the app registration. IMAP with an app-only token reaches only the mailboxes the service principal was given Full Access to.',
			de: 'Für SMTP mit einem Nur-App-Token erlaubt die Rolle „Application SMTP.SendAsApp“ mit einem Verwaltungsbereich das Senden als die Postfächer dieses Verwaltungsbereichs, ohne Postfachberechtigungen und ohne SMTP.SendAsApp in der App-Registrierung. IMAP mit einem Nur-App-Token erreicht nur die Postfächer, auf die der Dienstprinzipal Vollzugriff erhalten hat.',
		},
		source: 'exo-smtp-app-rbac',
		checked: CHECKED,
		basis: 'sourced',
	},
	'exo-app-access-policy': {
		statement: {
			en: 'Application access policies (New-ApplicationAccessPolicy) limit an app that uses Microsoft Graph, EWS or Outlook REST to the members of a mail-enabled security group; Microsoft says not to create new ones and to use RBAC for Applications.',
			de: 'Anwendungszugriffsrichtlinien (New-ApplicationAccessPolicy) beschränken eine App, die Microsoft Graph, EWS oder Outlook REST nutzt, auf die Mitglieder einer E-Mail-aktivierten Sicherheitsgruppe; Microsoft rät, keine neuen anzulegen und RBAC für Anwendungen zu verwenden.',
		},
		source: 'graph-application-access-policy',
		checked: CHECKED,
		basis: 'sourced',
	},
	'entra-admin-consent': {
		statement: {
			en: "An administrator grants consent for the whole tenant to a vendor's multi-tenant app: Enterprise applications > (app) > Security > Permissions > Grant admin consent once the app is in the tenant, or the URL https://login.microsoftonline.com/<tenant>/adminconsent?client_id=<client ID>. Microsoft warns that this can give the publisher access to all mailboxes, so review the requested permissions first.",
			de: 'Ein Administrator erteilt die Zustimmung für den ganzen Mandanten zur mehrinstanzenfähigen App eines Anbieters: Unternehmensanwendungen > (App) > Sicherheit > Berechtigungen > Administratorzustimmung erteilen, sobald die App im Mandanten ist, oder über die URL https://login.microsoftonline.com/<Mandant>/adminconsent?client_id=<Client-ID>. Microsoft warnt, dass das dem Herausgeber Zugriff auf alle Postfächer geben kann; die angeforderten Berechtigungen also vorher prüfen.',
		},
		source: 'entra-admin-consent',
		checked: CHECKED,
		basis: 'sourced',
	},
	'ms-app-password-basic': {
		statement: {
			en: 'A Microsoft (Entra) app password is a Basic-authentication credential: it does not work for IMAP or POP on Exchange Online, and works for SMTP AUTH only while Basic authentication is allowed for the mailbox. App passwords exist only with per-user MFA and after an admin allowed them.',
			de: 'Ein App-Kennwort von Microsoft (Entra) gehört zu den Zugangsdaten der Standardauthentifizierung: Für IMAP und POP in Exchange Online funktioniert es nicht, für SMTP AUTH nur, solange die Standardauthentifizierung für das Postfach erlaubt ist. App-Kennwörter gibt es nur mit MFA pro Benutzer und nachdem ein Administrator sie erlaubt hat.',
		},
		source: 'entra-app-passwords',
		checked: CHECKED,
		basis: 'sourced',
	},
	'ms-app-password-shape': {
		statement: {
			en: 'Microsoft app passwords consist of 16 lowercase letters, as users report; no Microsoft page states the format, so a check on it is a heuristic.',
			de: 'App-Kennwörter von Microsoft bestehen aus 16 Kleinbuchstaben, wie Benutzer berichten; keine Microsoft-Seite nennt das Format, eine Prüfung darauf ist also eine Heuristik.',
		},
		source: 'azure-docs-47294',
		checked: CHECKED,
		basis: 'field-report',
	},
	'google-app-password-shape': {
		statement: {
			en: 'Google shows a new app password once, as 16 characters in four groups of four; the spaces are not part of it.',
			de: 'Google zeigt ein neues App-Passwort einmal an, als 16 Zeichen in vier Vierergruppen; die Leerzeichen gehören nicht dazu.',
		},
		source: 'google-app-passwords',
		checked: CHECKED,
		basis: 'sourced',
	},
	'exo-shared-mailbox-sign-in': {
		statement: {
			en: "Microsoft says to block sign-in for a shared mailbox's account and keep it blocked; signing in to an unlicensed shared mailbox directly is outside the license terms. The supported route is OAuth2: an app with Full Access, or a licensed delegate.",
			de: 'Microsoft empfiehlt, die Anmeldung für das Konto eines freigegebenen Postfachs zu blockieren und blockiert zu lassen; eine direkte Anmeldung an einem unlizenzierten freigegebenen Postfach ist von den Lizenzbedingungen nicht gedeckt. Der unterstützte Weg ist OAuth2: eine App mit Vollzugriff oder ein lizenzierter Stellvertreter.',
		},
		source: 'exo-shared-mailbox-block-sign-in',
		checked: CHECKED,
		basis: 'sourced',
	},
	'exo-read-receipts': {
		statement: {
			en: 'Whether Exchange Online sends a read receipt depends on the mailbox owner’s Outlook on the web setting (Settings > Mail > Message handling > Read receipts); a message deleted unread can produce a "not read" notice. An importer that marks messages read, moves or deletes them can trigger both; a mail flow rule on the message type "read receipt" stops them for everyone.',
			de: 'Ob Exchange Online eine Lesebestätigung sendet, entscheidet die Einstellung des Postfachinhabers in Outlook im Web (Einstellungen > E-Mail > Nachrichtenbehandlung > Lesebestätigungen); eine ungelesen gelöschte Nachricht kann eine „nicht gelesen“-Benachrichtigung auslösen. Ein Importprogramm, das Nachrichten als gelesen markiert, verschiebt oder löscht, kann beides auslösen; eine Nachrichtenflussregel auf den Nachrichtentyp „Lesebestätigung“ stoppt sie für alle.',
		},
		source: 'exo-mail-flow-rules',
		checked: CHECKED,
		basis: 'field-report',
	},
	'entra-tap': {
		statement: {
			en: 'After an MFA reset, a Temporary Access Pass (a time-limited code an administrator creates, optionally usable once) lets the user sign in and register new sign-in methods without the old ones.',
			de: 'Nach dem Zurücksetzen von MFA kann sich der Benutzer mit einem temporären Zugriffspass (einem befristet gültigen Code, den ein Administrator erstellt, auf Wunsch nur einmal verwendbar) anmelden und neue Anmeldemethoden ohne die alten registrieren.',
		},
		source: 'entra-tap',
		checked: CHECKED,
		basis: 'sourced',
	},
	'entra-revoke-keeps-app-passwords': {
		statement: {
			en: 'Revoking sessions (Revoke-MgUserSignInSession) ends refresh tokens but does not stop Basic SMTP AUTH with an app password; delete the app passwords as well.',
			de: 'Das Widerrufen der Sitzungen (Revoke-MgUserSignInSession) beendet Aktualisierungstoken, stoppt aber kein SMTP AUTH mit Standardauthentifizierung und App-Kennwort; die App-Kennwörter zusätzlich löschen.',
		},
		source: 'entra-revoke-sessions',
		checked: CHECKED,
		basis: 'sourced',
	},
	'entra-delete-app-passwords': {
		statement: {
			en: 'An administrator deletes all app passwords of a user on the per-user MFA page (Manage user settings > "Delete all existing app passwords generated by the selected users"); apps that used them stop working until a new app password is created.',
			de: 'Ein Administrator löscht alle App-Kennwörter eines Benutzers auf der Seite für MFA pro Benutzer (Benutzereinstellungen verwalten > „Alle vorhandenen App-Kennwörter löschen, die von den ausgewählten Benutzern generiert wurden“); Apps, die sie verwendet haben, funktionieren erst mit einem neuen App-Kennwort wieder.',
		},
		source: 'entra-user-auth-settings',
		checked: CHECKED,
		basis: 'sourced',
	},
	'entra-legacy-mfa-policies-retired': {
		statement: {
			en: 'The legacy MFA and SSPR policy settings were retired on 30 September 2025; sign-in methods are managed in the Authentication methods policy.',
			de: 'Die alten MFA- und SSPR-Richtlinieneinstellungen wurden am 30. September 2025 eingestellt; Anmeldemethoden werden in der Richtlinie „Authentifizierungsmethoden“ verwaltet.',
		},
		source: 'entra-legacy-mfa-policies',
		checked: CHECKED,
		basis: 'sourced',
	},
	'outlook-com-basic-off': {
		statement: {
			en: 'Outlook.com accounts accept only modern authentication (OAuth2) in mail apps since 16 September 2024; passwords and app passwords no longer work for IMAP, POP and SMTP.',
			de: 'Outlook.com-Konten nehmen in Mail-Apps seit dem 16. September 2024 nur noch moderne Authentifizierung (OAuth2) an; Kennwörter und App-Kennwörter funktionieren für IMAP, POP und SMTP nicht mehr.',
		},
		source: 'outlook-com-modern-auth',
		checked: CHECKED,
		basis: 'sourced',
	},
	'outlook-com-imap-access': {
		statement: {
			en: 'Outlook.com has POP and IMAP access switched off by default; it is switched on in the Outlook.com settings under Mail > Forwarding and IMAP ("Let devices and apps use IMAP/POP").',
			de: 'Bei Outlook.com ist der Zugriff per POP und IMAP standardmäßig ausgeschaltet; er wird in den Outlook.com-Einstellungen unter „Mail“ > „Forwarding and IMAP“ („Let devices and apps use IMAP/POP“) eingeschaltet (Bezeichnungen der englischen Oberfläche).',
		},
		source: 'outlook-com-settings',
		checked: CHECKED,
		basis: 'sourced',
	},
	'gmx-imap-access': {
		statement: {
			en: 'GMX lets mail programs connect over POP3 and IMAP only after that access has been allowed once in the e-mail settings of the account.',
			de: 'GMX lässt E-Mail-Programme erst per POP3 und IMAP zu, wenn dieser Zugriff einmal in den E-Mail-Einstellungen des Kontos erlaubt wurde.',
		},
		source: 'ispdb',
		checked: CHECKED,
		basis: 'sourced',
	},
	'webde-imap-access': {
		statement: {
			en: 'WEB.DE lets mail programs connect over POP3 and IMAP only after that access has been allowed once in the e-mail settings of the account.',
			de: 'WEB.DE lässt E-Mail-Programme erst per POP3 und IMAP zu, wenn dieser Zugriff einmal in den E-Mail-Einstellungen des Kontos erlaubt wurde.',
		},
		source: 'ispdb',
		checked: CHECKED,
		basis: 'sourced',
	},
	't-online-email-password': {
		statement: {
			en: 'Telekom (t-online.de) mail programs sign in with a separate e-mail password that has to be set up for them; the password of the Telekom website and webmail does not work there.',
			de: 'E-Mail-Programme melden sich bei der Telekom (t-online.de) mit einem eigenen E-Mail-Passwort an, das dafür eingerichtet werden muss; das Passwort der Telekom-Website und des Webmailers funktioniert dort nicht.',
		},
		source: 'ispdb',
		checked: CHECKED,
		basis: 'sourced',
	},
	'google-lsa-consumer-off': {
		statement: {
			en: 'Google stopped accepting the account password from "less secure apps" for personal Google accounts on 30 May 2022; app passwords (with 2-Step Verification) and OAuth2 still work.',
			de: 'Google nimmt das Kontopasswort von „weniger sicheren Apps“ bei privaten Google-Konten seit dem 30. Mai 2022 nicht mehr an; App-Passwörter (mit Bestätigung in zwei Schritten) und OAuth2 funktionieren weiter.',
		},
		source: 'google-lsa-consumer',
		checked: CHECKED,
		basis: 'sourced',
	},
	'google-lsa-workspace-off': {
		statement: {
			en: 'Google Workspace stopped accepting account passwords for IMAP, POP and SMTP on 14 March 2025, with the exception of app passwords.',
			de: 'Google Workspace nimmt seit dem 14. März 2025 keine Kontopasswörter mehr für IMAP, POP und SMTP an, App-Passwörter ausgenommen.',
		},
		source: 'google-lsa-workspace',
		checked: CHECKED,
		basis: 'sourced',
	},
	'aadsts-1002012': {
		statement: {
			en: 'AADSTS1002012: the client-credentials request named a scope without the "/.default" suffix (a delegated scope). Older replies used AADSTS70011 for the same mistake.',
			de: 'AADSTS1002012: Die Anfrage mit Clientanmeldeinformationen nannte einen Scope ohne die Endung „/.default“ (einen delegierten Scope). Ältere Antworten nutzten für denselben Fehler AADSTS70011.',
		},
		source: 'graph-docs-14323',
		checked: CHECKED,
		basis: 'field-report',
		codes: ['AADSTS1002012', 'AADSTS70011'],
	},
	'aadsts-tenant-required': {
		statement: {
			en: 'AADSTS9001023 and AADSTS50059: the client-credentials request went to "common" or "organizations" or named no tenant; app-only tokens need one tenant.',
			de: 'AADSTS9001023 und AADSTS50059: Die Anfrage mit Clientanmeldeinformationen ging an „common“ oder „organizations“ oder nannte keinen Mandanten; Nur-App-Token brauchen genau einen Mandanten.',
		},
		source: 'entra-error-codes',
		checked: CHECKED,
		basis: 'sourced',
		codes: ['AADSTS9001023', 'AADSTS50059'],
	},
	'aadsts-50076': {
		statement: {
			en: 'AADSTS50076: multi-factor authentication is required for this sign-in (for example by Conditional Access), so a flow without user interaction cannot get a token.',
			de: 'AADSTS50076: Für diese Anmeldung ist mehrstufige Authentifizierung erforderlich (etwa durch bedingten Zugriff); ein Ablauf ohne Benutzerinteraktion bekommt daher kein Token.',
		},
		source: 'entra-error-codes',
		checked: CHECKED,
		basis: 'sourced',
		codes: ['AADSTS50076'],
	},
	'aadsts-public-client': {
		statement: {
			en: 'AADSTS7000218: the request needs a client secret or assertion because the app is not a public client; AADSTS700025: a secret was sent for a public client.',
			de: 'AADSTS7000218: Die Anfrage braucht einen geheimen Clientschlüssel oder eine Assertion, weil die App kein öffentlicher Client ist; AADSTS700025: Für einen öffentlichen Client wurde ein Schlüssel gesendet.',
		},
		source: 'entra-error-codes',
		checked: CHECKED,
		basis: 'sourced',
		codes: ['AADSTS7000218', 'AADSTS700025'],
	},
	'aadsts-device-code-polling': {
		statement: {
			en: 'AADSTS70016 (authorization_pending): the device-code sign-in is not finished yet, keep polling; AADSTS70019 and AADSTS70020 (expired_token, code_expired): the code expired before anyone used it.',
			de: 'AADSTS70016 (authorization_pending): Die Anmeldung per Gerätecode ist noch nicht abgeschlossen, weiter abfragen; AADSTS70019 und AADSTS70020 (expired_token, code_expired): Der Code ist abgelaufen, bevor ihn jemand verwendet hat.',
		},
		source: 'entra-error-codes',
		checked: CHECKED,
		basis: 'sourced',
		codes: ['AADSTS70016', 'AADSTS70019', 'AADSTS70020'],
	},
	'exo-send-as-denied': {
		statement: {
			en: 'Exchange Online refuses a sender address the mailbox may not use with 550 5.7.60 (SMTP; Client not authenticated to send as this sender) or 554 5.2.0 (STOREDRV.Submission.Exception:SendAsDeniedException); the fix is Send As or Send on Behalf for that address.',
			de: 'Exchange Online lehnt eine Absenderadresse, die das Postfach nicht verwenden darf, mit 550 5.7.60 (SMTP; Client not authenticated to send as this sender) oder 554 5.2.0 (STOREDRV.Submission.Exception:SendAsDeniedException) ab; Abhilfe schafft „Senden als“ oder „Senden im Auftrag von“ für diese Adresse.',
		},
		source: 'exo-devices',
		checked: CHECKED,
		basis: 'sourced',
		codes: ['550 5.7.60', '5.7.60', '554 5.2.0', '5.2.0', '550', '554'],
	},
	'smtp-auth-required-reply': {
		statement: {
			en: '530 5.7.57 "Client not authenticated to send mail": the client sent MAIL FROM without logging in, often because it never started TLS and so never saw AUTH.',
			de: '530 5.7.57 „Client not authenticated to send mail“: Der Client hat MAIL FROM ohne Anmeldung gesendet, oft weil er nie TLS gestartet und deshalb AUTH nie gesehen hat.',
		},
		source: 'exo-devices',
		checked: CHECKED,
		basis: 'sourced',
		codes: ['530 5.7.57', '5.7.57', '530'],
	},
	'exo-oauth-endpoints': {
		statement: {
			en: 'Exchange Online IMAP is outlook.office365.com:993 with TLS and SMTP AUTH is smtp.office365.com:587 with STARTTLS; OAuth2 scopes are https://outlook.office365.com/IMAP.AccessAsUser.All and SMTP.Send (delegated) or https://outlook.office365.com/.default (app-only).',
			de: 'IMAP in Exchange Online ist outlook.office365.com:993 mit TLS, SMTP AUTH ist smtp.office365.com:587 mit STARTTLS; die OAuth2-Scopes sind https://outlook.office365.com/IMAP.AccessAsUser.All und SMTP.Send (delegiert) bzw. https://outlook.office365.com/.default (Nur-App).',
		},
		source: 'exo-oauth',
		checked: CHECKED,
		basis: 'sourced',
	},
} as const satisfies Record<string, Fact>;

export type FactId = keyof typeof FACTS;

/** Dated facts. Texts that depend on one render from the clock (see text.ts). */
export const MILESTONES = {
	'exo-basic-auth-removed': { date: '2022-10-01', precision: 'day', fact: 'exo-basic-auth-removed' },
	'exo-smtp-basic-plan': { date: '2026-01-27', precision: 'day', fact: 'exo-smtp-basic-plan' },
	'exo-smtp-basic-default-off': {
		date: '2026-12-31',
		from: '2026-12-21',
		precision: 'month-end',
		fact: 'exo-smtp-basic-default-off',
	},
	'exo-smtp-basic-final-removal': {
		date: '2027-12-31',
		from: '2027-07-01',
		precision: 'half-year',
		fact: 'exo-smtp-basic-final-removal',
	},
	'exo-pop-imap-legacy-tls-retirement': {
		date: '2026-12-31',
		from: '2026-07-01',
		precision: 'month-end',
		fact: 'exo-pop-imap-legacy-tls-retirement',
	},
	'exo-ews-blocked': { date: '2026-10-01', precision: 'day', fact: 'exo-ews-blocked' },
	'exo-ews-off': { date: '2027-04-01', precision: 'day', fact: 'exo-ews-off' },
	'entra-legacy-mfa-policies-retired': {
		date: '2025-09-30',
		precision: 'day',
		fact: 'entra-legacy-mfa-policies-retired',
	},
	'outlook-com-basic-off': { date: '2024-09-16', precision: 'day', fact: 'outlook-com-basic-off' },
	'google-lsa-consumer-off': { date: '2022-05-30', precision: 'day', fact: 'google-lsa-consumer-off' },
	'google-lsa-workspace-off': { date: '2025-03-14', precision: 'day', fact: 'google-lsa-workspace-off' },
} as const satisfies Record<string, Milestone>;

export type MilestoneId = keyof typeof MILESTONES;

export function milestone(id: MilestoneId): Milestone {
	return MILESTONES[id];
}
