import type { Guide } from '../types';
import { LINKS, M365_SETTINGS, STATUS_AS_OF } from './common';

const adminCenter = { en: 'Microsoft 365 admin center', de: 'Microsoft 365 Admin Center' };

export const m365SharedMailbox: Guide = {
	id: 'm365-shared-mailbox',
	provider: 'microsoft365',
	title: {
		en: 'A shared mailbox for a project or an import',
		de: 'Ein freigegebenes Postfach für ein Projekt oder einen Import',
	},
	summary: {
		en: 'Create a shared mailbox (no license up to 50 GB) and choose one of the two ways an adapter gets in: OAuth2 through a user or an application with access, or the older route of enabling sign-in with a password.',
		de: 'Ein freigegebenes Postfach anlegen (ohne Lizenz bis 50 GB) und einen der zwei Wege wählen, auf denen ein Adapter hineinkommt: OAuth2 über einen Benutzer oder eine Anwendung mit Zugriff, oder der ältere Weg, die Anmeldung mit Kennwort freizuschalten.',
	},
	currentStatus: {
		asOf: STATUS_AS_OF,
		text: {
			en: 'Older guides give the shared mailbox a password through "Reset password" and use it for IMAP and SMTP. IMAP with a password no longer works on Exchange Online, and SMTP with a password goes default-off at the end of December 2026. Use OAuth2; the password route remains only for devices that can send nothing else.',
			de: 'Ältere Anleitungen geben dem freigegebenen Postfach über „Kennwort zurücksetzen“ ein Kennwort und nutzen es für IMAP und SMTP. IMAP mit Kennwort funktioniert in Exchange Online nicht mehr, und SMTP mit Kennwort ist ab Ende Dezember 2026 standardmäßig aus. Verwenden Sie OAuth2; der Kennwortweg bleibt nur für Geräte, die nichts anderes senden können.',
		},
		modernAlternative: 'm365-oauth2-app-only',
	},
	steps: [
		{
			id: 'create',
			title: { en: 'Create the shared mailbox', de: 'Das freigegebene Postfach anlegen' },
			body: [
				{
					en: 'Choose "Add a shared mailbox", enter a display name (for example the project name) and the address, and save. Creation takes a few minutes before the mailbox can be opened.',
					de: 'Wählen Sie „Freigegebenes Postfach hinzufügen“, geben Sie einen Anzeigenamen (etwa den Projektnamen) und die Adresse ein und speichern Sie. Nach dem Anlegen dauert es einige Minuten, bis sich das Postfach öffnen lässt.',
				},
			],
			uiPath: [
				adminCenter,
				{ en: 'Teams & groups', de: 'Teams & Gruppen' },
				{ en: 'Shared mailboxes', de: 'Freigegebene Postfächer' },
				{ en: 'Add a shared mailbox', de: 'Freigegebenes Postfach hinzufügen' },
			],
			links: [LINKS.m365Admin, LINKS.sharedMailboxes],
		},
		{
			id: 'limits',
			title: { en: 'Know the limits', de: 'Die Grenzen kennen' },
			body: [
				{
					en: 'A shared mailbox needs no license while it stays under 50 GB and has no archive. Only licensed users can be given access. An import that copies mail but never deletes it will reach the limit sooner or later.',
					de: 'Ein freigegebenes Postfach braucht keine Lizenz, solange es unter 50 GB bleibt und kein Archiv hat. Zugriff können nur lizenzierte Benutzer erhalten. Ein Import, der Mails kopiert, aber nie löscht, erreicht die Grenze früher oder später.',
				},
			],
			related: ['m365-import-folder-rule#size-risk'],
		},
		{
			id: 'add-members',
			title: { en: 'Give people access', de: 'Personen Zugriff geben' },
			body: [
				{
					en: 'Add the users who work with the mailbox as members (FullAccess). A member can then open it in Outlook and, with OAuth2, sign in for the adapter on its behalf.',
					de: 'Fügen Sie die Benutzer, die mit dem Postfach arbeiten, als Mitglieder hinzu (FullAccess). Ein Mitglied kann es dann in Outlook öffnen und sich mit OAuth2 stellvertretend für den Adapter anmelden.',
				},
			],
			commands: [
				{
					shell: 'powershell',
					code: 'Add-MailboxPermission -Identity <SHARED_MAILBOX> -User <USER> -AccessRights FullAccess',
				},
			],
		},
		{
			id: 'oauth2-access',
			title: { en: 'Way 1 (recommended): OAuth2', de: 'Weg 1 (empfohlen): OAuth2' },
			body: [
				{
					en: 'Either an application reads the mailbox with its own permission (app-only, best for servers), or a member signs in once and the adapter uses that person\'s token (delegated). In both cases the shared mailbox keeps sign-in blocked and has no password at all. Set mailbox.type to "shared" in the config.',
					de: 'Entweder liest eine Anwendung das Postfach mit eigener Berechtigung (nur App, am besten für Server), oder ein Mitglied meldet sich einmal an und der Adapter nutzt dessen Token (delegiert). In beiden Fällen bleibt die Anmeldung am freigegebenen Postfach gesperrt und es hat gar kein Kennwort. Setzen Sie mailbox.type in der Konfiguration auf „shared“.',
				},
			],
			related: ['m365-oauth2-app-only#mailbox-permission', 'm365-oauth2-delegated#shared-mailbox'],
		},
		{
			id: 'password-access',
			title: {
				en: 'Way 2 (legacy): enable sign-in with a password',
				de: 'Weg 2 (veraltet): Anmeldung mit Kennwort freischalten',
			},
			body: [
				{
					en: 'In the list of active users the shared mailbox appears as a user. Choose "Reset password", let Microsoft generate one or type your own, and do not tick "Require this user to change their password when they first sign in": an adapter cannot change it. Unblock sign-in for the account.',
					de: 'In der Liste der aktiven Benutzer erscheint das freigegebene Postfach als Benutzer. Wählen Sie „Kennwort zurücksetzen“, lassen Sie eines erzeugen oder geben Sie ein eigenes ein, und setzen Sie keinen Haken bei „Benutzer muss Kennwort bei der ersten Anmeldung ändern“: Ein Adapter kann es nicht ändern. Heben Sie die Anmeldesperre des Kontos auf.',
				},
			],
			uiPath: [
				adminCenter,
				{ en: 'Users', de: 'Benutzer' },
				{ en: 'Active users', de: 'Aktive Benutzer' },
				{ en: '(shared mailbox)', de: '(freigegebenes Postfach)' },
				{ en: 'Reset password', de: 'Kennwort zurücksetzen' },
			],
			warnings: [
				{
					en: 'A shared mailbox with a password is an account anyone can try to sign in to, usually without MFA. It works only for SMTP with basic authentication, which is going away. Prefer way 1.',
					de: 'Ein freigegebenes Postfach mit Kennwort ist ein Konto, an dem jeder eine Anmeldung versuchen kann, meist ohne MFA. Es funktioniert nur noch für SMTP mit Basic-Authentifizierung, und die läuft aus. Besser Weg 1.',
				},
			],
			related: ['m365-enable-smtp-auth'],
		},
		{
			id: 'configure',
			title: { en: 'Configure and test', de: 'Konfigurieren und testen' },
			body: [
				{
					en: 'Use the Microsoft 365 endpoints below, then run the connection test.',
					de: 'Verwenden Sie die Microsoft-365-Endpunkte unten und starten Sie dann den Verbindungstest.',
				},
			],
			settings: [M365_SETTINGS.imapHost, M365_SETTINGS.imapPort, M365_SETTINGS.smtpHost, M365_SETTINGS.smtpPort],
			verify: { protocol: 'any' },
		},
	],
};
