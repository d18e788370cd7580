import type { Guide } from '../types';
import { LINKS, M365_SETTINGS, sourceLink } from './common';

const entra = { en: 'Microsoft Entra admin center', de: 'Microsoft Entra Admin Center' };
const appRegistrations = { en: 'App registrations', de: 'App-Registrierungen' };

export const m365Oauth2AppOnly: Guide = {
	id: 'm365-oauth2-app-only',
	provider: 'microsoft365',
	title: {
		en: 'OAuth2 app-only access for an import mailbox',
		de: 'OAuth2 mit Nur-App-Zugriff für ein Importpostfach',
	},
	summary: {
		en: 'Register an application, give it IMAP.AccessAsApp and SMTP.SendAsApp with admin consent, register its service principal in Exchange and grant it the mailbox. No user password, no MFA exception, no app password.',
		de: 'Eine Anwendung registrieren, ihr IMAP.AccessAsApp und SMTP.SendAsApp mit Administratorzustimmung geben, ihren Dienstprinzipal in Exchange registrieren und ihr das Postfach freigeben. Kein Benutzerkennwort, keine MFA-Ausnahme, kein App-Kennwort.',
	},
	steps: [
		{
			id: 'register-app',
			title: { en: 'Register the application', de: 'Die Anwendung registrieren' },
			body: [
				{
					en: 'Create a new registration with a name that says what it is for (for example "DMS mail import"), single tenant, no redirect URI. On the overview page, note the Application (client) ID and the Directory (tenant) ID: both go into the config.',
					de: 'Legen Sie eine neue Registrierung mit einem sprechenden Namen an (etwa „DMS-Mailimport“), nur dieser Mandant, ohne Umleitungs-URI. Notieren Sie auf der Übersichtsseite die Anwendungs-ID (Client) und die Verzeichnis-ID (Mandant): Beide kommen in die Konfiguration.',
				},
			],
			uiPath: [
				entra,
				{ en: 'Identity', de: 'Identität' },
				{ en: 'Applications', de: 'Anwendungen' },
				appRegistrations,
				{ en: 'New registration', de: 'Neue Registrierung' },
			],
			links: [LINKS.entraAdmin],
		},
		{
			id: 'add-permissions',
			title: { en: 'Add the Exchange application permissions', de: 'Die Exchange-Anwendungsberechtigungen hinzufügen' },
			body: [
				{
					en: 'Under API permissions add a permission from "APIs my organization uses", search for "Office 365 Exchange Online", choose "Application permissions" and tick IMAP.AccessAsApp for reading and SMTP.SendAsApp for sending. The Microsoft Graph permissions with similar names do not work for IMAP or SMTP.',
					de: 'Fügen Sie unter „API-Berechtigungen“ eine Berechtigung aus „Von meiner Organisation verwendete APIs“ hinzu, suchen Sie „Office 365 Exchange Online“, wählen Sie „Anwendungsberechtigungen“ und setzen Sie IMAP.AccessAsApp zum Lesen und SMTP.SendAsApp zum Senden. Die ähnlich benannten Microsoft-Graph-Berechtigungen funktionieren für IMAP und SMTP nicht.',
				},
			],
			uiPath: [
				appRegistrations,
				{ en: '(your app)', de: '(Ihre App)' },
				{ en: 'API permissions', de: 'API-Berechtigungen' },
				{ en: 'Add a permission', de: 'Berechtigung hinzufügen' },
				{ en: 'APIs my organization uses', de: 'Von meiner Organisation verwendete APIs' },
				{ en: 'Office 365 Exchange Online', de: 'Office 365 Exchange Online' },
				{ en: 'Application permissions', de: 'Anwendungsberechtigungen' },
			],
		},
		{
			id: 'admin-consent',
			title: { en: 'Grant admin consent', de: 'Administratorzustimmung erteilen' },
			body: [
				{
					en: 'Application permissions do nothing until an administrator consents. Choose "Grant admin consent for <tenant>" on the API permissions page; the status column turns green.',
					de: 'Anwendungsberechtigungen wirken erst nach der Zustimmung eines Administrators. Wählen Sie auf der Seite „API-Berechtigungen“ „Administratorzustimmung für <Mandant> erteilen“; die Statusspalte wird grün.',
				},
			],
		},
		{
			id: 'client-secret',
			title: {
				en: 'Create a client secret or upload a certificate',
				de: 'Einen geheimen Clientschlüssel erstellen oder ein Zertifikat hochladen',
			},
			body: [
				{
					en: 'Under "Certificates & secrets" create a new client secret with an expiry that fits your maintenance cycle. Its value is shown only now: store it with "{command:storeSecret}" and reference it as ${secret:NAME}. A certificate is the stronger choice for servers; the config then names the thumbprint and the private key file.',
					de: 'Erstellen Sie unter „Zertifikate & Geheimnisse“ einen neuen geheimen Clientschlüssel mit einer Laufzeit, die zu Ihrem Wartungsrhythmus passt. Der Wert wird nur jetzt angezeigt: Speichern Sie ihn mit „{command:storeSecret}“ und verweisen Sie per ${secret:NAME} darauf. Für Server ist ein Zertifikat die stärkere Wahl; die Konfiguration nennt dann Fingerabdruck und Datei des privaten Schlüssels.',
				},
			],
			uiPath: [
				appRegistrations,
				{ en: '(your app)', de: '(Ihre App)' },
				{ en: 'Certificates & secrets', de: 'Zertifikate & Geheimnisse' },
				{ en: 'New client secret', de: 'Neuer geheimer Clientschlüssel' },
			],
			warnings: [
				{
					en: 'Put a reminder in the calendar before the secret expires; an expired secret stops the import without warning.',
					de: 'Legen Sie sich vor Ablauf des Geheimnisses eine Erinnerung an; ein abgelaufenes Geheimnis stoppt den Import ohne Vorwarnung.',
				},
			],
			verify: { protocol: 'oauth2' },
		},
		{
			id: 'service-principal',
			title: { en: 'Register the service principal in Exchange', de: 'Den Dienstprinzipal in Exchange registrieren' },
			body: [
				{
					en: 'Exchange needs to know the application before it can be given a mailbox. Use the Object ID from "Enterprise applications" (not the one on the app registration page; the wrong one makes every login fail).',
					de: 'Exchange muss die Anwendung kennen, bevor sie ein Postfach erhalten kann. Verwenden Sie die Objekt-ID aus „Unternehmensanwendungen“ (nicht die von der Seite der App-Registrierung; die falsche lässt jede Anmeldung scheitern).',
				},
			],
			uiPath: [
				entra,
				{ en: 'Identity', de: 'Identität' },
				{ en: 'Applications', de: 'Anwendungen' },
				{ en: 'Enterprise applications', de: 'Unternehmensanwendungen' },
				{ en: '(your app)', de: '(Ihre App)' },
				{ en: 'Object ID', de: 'Objekt-ID' },
			],
			commands: [
				{ shell: 'powershell', code: 'Connect-ExchangeOnline -Organization <TENANT_ID>' },
				{
					shell: 'powershell',
					code: 'New-ServicePrincipal -AppId <APPLICATION_ID> -ObjectId <ENTERPRISE_APP_OBJECT_ID>',
				},
				{ shell: 'powershell', code: 'Get-ServicePrincipal | Format-List DisplayName,AppId,ObjectId' },
			],
		},
		{
			id: 'mailbox-permission',
			title: { en: 'Grant the application the mailbox', de: 'Der Anwendung das Postfach freigeben' },
			body: [
				{
					en: 'FullAccess on the mailbox lets the application read it over IMAP. To send with a From address other than the mailbox, grant Send As on that address too.',
					de: 'Vollzugriff auf das Postfach erlaubt der Anwendung, es per IMAP zu lesen. Soll sie mit einer anderen Absenderadresse senden, geben Sie ihr zusätzlich „Senden als“ für diese Adresse.',
				},
			],
			commands: [
				{
					shell: 'powershell',
					code: 'Add-MailboxPermission -Identity <MAILBOX> -User <SERVICE_PRINCIPAL_ID> -AccessRights FullAccess',
				},
				{
					shell: 'powershell',
					code: 'Add-RecipientPermission -Identity <MAILBOX> -Trustee <SERVICE_PRINCIPAL_ID> -AccessRights SendAs',
				},
			],
			warnings: [
				{
					en: 'Without a scope, an application with these permissions can be granted any mailbox. Grant only the mailboxes it imports from.',
					de: 'Eine Anwendung mit diesen Berechtigungen kann jedes Postfach freigegeben bekommen. Geben Sie nur die Postfächer frei, aus denen sie importiert.',
				},
			],
			related: ['m365-send-as'],
		},
		{
			id: 'limit-mailboxes',
			title: {
				en: 'Limit the application to the mailboxes it needs',
				de: 'Die Anwendung auf die nötigen Postfächer beschränken',
			},
			body: [
				{
					en: 'Over IMAP the application reaches only the mailboxes whose Full Access you granted in the previous step. For sending, RBAC for Applications can replace the SMTP.SendAsApp permission: put the mailboxes the app may send as into a group, make a management scope of it and assign the role "Application SMTP.SendAsApp" to the service principal within that scope (then leave SMTP.SendAsApp out of the app registration).',
					de: 'Per IMAP erreicht die Anwendung nur die Postfächer, für die Sie im vorigen Schritt Vollzugriff erteilt haben. Für das Senden kann RBAC für Anwendungen die Berechtigung SMTP.SendAsApp ersetzen: Nehmen Sie die Postfächer, als die die App senden darf, in eine Gruppe auf, machen Sie daraus einen Verwaltungsbereich und weisen Sie dem Dienstprinzipal die Rolle „Application SMTP.SendAsApp“ in diesem Verwaltungsbereich zu (tragen Sie SMTP.SendAsApp dann nicht in der App-Registrierung ein).',
				},
				{
					en: 'If the same application also has Microsoft Graph or EWS application permissions such as Mail.Read, those reach every mailbox of the tenant until an RBAC for Applications assignment with a scope replaces them; the older application access policies (New-ApplicationAccessPolicy) should not be used for new setups.',
					de: 'Hat dieselbe Anwendung auch Anwendungsberechtigungen für Microsoft Graph oder EWS wie Mail.Read, erreichen diese jedes Postfach des Mandanten, bis eine Zuweisung von RBAC für Anwendungen mit Verwaltungsbereich sie ersetzt; die älteren Anwendungszugriffsrichtlinien (New-ApplicationAccessPolicy) sollten für neue Einrichtungen nicht mehr verwendet werden.',
				},
			],
			commands: [
				{
					shell: 'powershell',
					code: "New-ManagementScope -Name '<SCOPE_NAME>' -RecipientRestrictionFilter \"MemberOfGroup -eq '<GROUP_DISTINGUISHED_NAME>'\"",
				},
				{
					shell: 'powershell',
					code: "New-ManagementRoleAssignment -Name '<ASSIGNMENT_NAME>' -Role 'Application SMTP.SendAsApp' -App <SERVICE_PRINCIPAL_ID> -CustomResourceScope '<SCOPE_NAME>'",
				},
			],
			links: [
				sourceLink('exo-smtp-app-rbac', {
					en: 'Microsoft Learn: SMTP onboarding to RBAC for Applications',
					de: 'Microsoft Learn: SMTP mit RBAC für Anwendungen einrichten',
				}),
				sourceLink('exo-rbac-applications', {
					en: 'Microsoft Learn: RBAC for Applications in Exchange Online',
					de: 'Microsoft Learn: RBAC für Anwendungen in Exchange Online',
				}),
			],
		},
		{
			id: 'smtp-auth',
			title: {
				en: 'Keep SMTP AUTH on for the mailbox (sending only)',
				de: 'SMTP AUTH am Postfach eingeschaltet lassen (nur zum Senden)',
			},
			body: [
				{
					en: 'OAuth2 over SMTP is still SMTP AUTH. If the organization has it off, enable it for this mailbox, or sending fails with 5.7.139 even with a valid token.',
					de: 'OAuth2 über SMTP ist weiterhin SMTP AUTH. Ist es für die Organisation aus, schalten Sie es für dieses Postfach ein, sonst scheitert das Senden trotz gültigem Token mit 5.7.139.',
				},
			],
			related: ['m365-enable-smtp-auth#enable-mailbox'],
		},
		{
			id: 'configure',
			title: { en: 'Fill in the config', de: 'Die Konfiguration ausfüllen' },
			body: [
				{
					en: 'Set auth.method to "oauth2" with flow "client-credentials", the tenant ID (not "common"), the client ID and the secret reference. auth.user is the mailbox address. The token scope is https://outlook.office365.com/.default.',
					de: 'Setzen Sie auth.method auf „oauth2“ mit flow „client-credentials“, der Mandanten-ID (nicht „common“), der Client-ID und dem Geheimnisverweis. auth.user ist die Postfachadresse. Der Token-Scope ist https://outlook.office365.com/.default.',
				},
			],
			settings: [
				M365_SETTINGS.imapHost,
				M365_SETTINGS.imapPort,
				M365_SETTINGS.smtpHost,
				M365_SETTINGS.smtpPort,
				{ label: { en: 'Scope', de: 'Scope' }, value: 'https://outlook.office365.com/.default' },
				{ label: { en: 'OAuth2 flow', de: 'OAuth2-Ablauf' }, value: 'client-credentials' },
			],
			links: [LINKS.oauthImapSmtp],
		},
		{
			id: 'test',
			title: { en: 'Test token, IMAP and SMTP', de: 'Token, IMAP und SMTP testen' },
			body: [
				{
					en: 'Run the connection test. Permissions and the service principal can take up to an hour to reach Exchange; "AUTHENTICATE failed" right after the setup usually means waiting, not a mistake.',
					de: 'Starten Sie den Verbindungstest. Berechtigungen und Dienstprinzipal können bis zu einer Stunde brauchen, bis Exchange sie kennt; „AUTHENTICATE failed“ direkt nach der Einrichtung heißt meist warten, nicht Fehler.',
				},
			],
			verify: { protocol: 'any' },
		},
	],
};
