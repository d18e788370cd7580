import type { Guide } from '../types';
import { LINKS, STATUS_AS_OF } from './common';

export const m365CreateAppPassword: Guide = {
	id: 'm365-create-app-password',
	provider: 'microsoft365',
	title: { en: 'Create a Microsoft 365 app password', de: 'Ein Microsoft 365-App-Kennwort erstellen' },
	summary: {
		en: 'As the mailbox user, create an app password named after the application, copy it while it is shown and store it as a secret of the config.',
		de: 'Als Postfachbenutzer ein App-Kennwort mit dem Namen der Anwendung erstellen, es kopieren, solange es angezeigt wird, und es als Geheimnis der Konfiguration hinterlegen.',
	},
	currentStatus: {
		asOf: STATUS_AS_OF,
		text: {
			milestone: 'exo-smtp-basic-default-off',
			before: {
				en: 'An app password is a Basic-authentication credential. Exchange Online rejects it for IMAP and POP (Basic authentication ended there in 2022), so it can only help with sending over SMTP AUTH, and only while Basic authentication is allowed there. For existing tenants Microsoft turns that off by default {on:exo-smtp-basic-default-off}. Use OAuth2 for anything new.',
				de: 'Ein App-Kennwort gehört zu den Zugangsdaten der Standardauthentifizierung. Exchange Online lehnt es für IMAP und POP ab (dort endete die Standardauthentifizierung 2022); es hilft also nur noch beim Senden über SMTP AUTH, und nur solange die Standardauthentifizierung dort erlaubt ist. Für bestehende Mandanten schaltet Microsoft sie {on:exo-smtp-basic-default-off} standardmäßig ab. Für alles Neue OAuth2 verwenden.',
			},
			after: {
				en: 'An app password is a Basic-authentication credential. Exchange Online rejects it for IMAP and POP (Basic authentication ended there in 2022), and for SMTP AUTH Basic authentication has been off by default for existing tenants {since:exo-smtp-basic-default-off}: an app password works only where an admin turned it back on. Use OAuth2 for anything new.',
				de: 'Ein App-Kennwort gehört zu den Zugangsdaten der Standardauthentifizierung. Exchange Online lehnt es für IMAP und POP ab (dort endete die Standardauthentifizierung 2022), und für SMTP AUTH ist die Standardauthentifizierung in bestehenden Mandanten {since:exo-smtp-basic-default-off} standardmäßig aus: Ein App-Kennwort funktioniert nur, wo ein Administrator sie wieder eingeschaltet hat. Für alles Neue OAuth2 verwenden.',
			},
		},
		modernAlternative: 'm365-oauth2-app-only',
	},
	steps: [
		{
			id: 'sign-in-as-user',
			title: { en: 'Sign in as the mailbox user', de: 'Als Postfachbenutzer anmelden' },
			body: [
				{
					en: 'App passwords belong to a user, so the user of the mailbox creates them, not the admin. Use a private browser window so that no other account is signed in, open My Account and confirm the sign-in with the second factor (for example the Microsoft Authenticator app).',
					de: 'App-Kennwörter gehören zu einem Benutzer; deshalb legt sie der Benutzer des Postfachs an, nicht der Administrator. Verwenden Sie ein privates Browserfenster, damit kein anderes Konto angemeldet ist, öffnen Sie „Mein Konto“ und bestätigen Sie die Anmeldung mit dem zweiten Faktor (zum Beispiel mit der Microsoft Authenticator-App).',
				},
			],
			links: [
				{
					url: 'https://myaccount.microsoft.com/',
					label: { en: 'My Account (Microsoft)', de: 'Mein Konto (Microsoft)' },
				},
			],
		},
		{
			id: 'add-method',
			title: { en: 'Add the sign-in method "App password"', de: 'Die Anmeldemethode „App-Kennwort“ hinzufügen' },
			body: [
				{
					en: 'On Security info choose "Add sign-in method" and pick "App password". If the choice is missing, the tenant does not allow app passwords for this user: either per-user MFA is off for the user (status "Disabled", which is also what users see whose MFA comes only from security defaults or Conditional Access), or app passwords are not allowed in the tenant. Per-user MFA "Enabled" or "Enforced" are both enough.',
					de: 'Wählen Sie unter „Sicherheitsinformationen“ die Aktion „Anmeldemethode hinzufügen“ und dann „App-Kennwort“. Fehlt die Auswahl, erlaubt der Mandant diesem Benutzer keine App-Kennwörter: Entweder ist MFA pro Benutzer für ihn aus (Status „Deaktiviert“, so erscheinen auch Benutzer, deren MFA nur aus Sicherheitsstandards oder bedingtem Zugriff stammt), oder App-Kennwörter sind im Mandanten nicht zugelassen. MFA pro Benutzer mit „Aktiviert“ oder „Erzwungen“ genügt beides.',
				},
			],
			uiPath: [
				{ en: 'My Account', de: 'Mein Konto' },
				{ en: 'Security info', de: 'Sicherheitsinformationen' },
				{ en: 'Add sign-in method', de: 'Anmeldemethode hinzufügen' },
				{ en: 'App password', de: 'App-Kennwort' },
			],
			links: [LINKS.securityInfo],
			related: ['m365-allow-app-passwords'],
		},
		{
			id: 'name-it',
			title: { en: 'Name it after the application', de: 'Nach der Anwendung benennen' },
			body: [
				{
					en: 'Give the password the name of the program or device that will use it, for example "DMS import" or "Printer 2nd floor". One app password per application lets you revoke a single one later without breaking the others. A user can have at most 40.',
					de: 'Geben Sie dem Kennwort den Namen des Programms oder Geräts, das es verwendet, etwa „DMS-Import“ oder „Drucker 2. OG“. Ein App-Kennwort pro Anwendung erlaubt es, später genau eines zu widerrufen, ohne die anderen zu stören. Ein Benutzer kann höchstens 40 haben.',
				},
			],
		},
		{
			id: 'copy-once',
			title: { en: 'Copy it now: it is shown only once', de: 'Jetzt kopieren: es wird nur einmal angezeigt' },
			body: [
				{
					en: 'Microsoft shows the generated password a single time. Copy it with the button next to it and store it right away with "{command:storeSecret}", so the config refers to it as ${secret:NAME} instead of containing it.',
					de: 'Microsoft zeigt das erzeugte Kennwort genau einmal an. Kopieren Sie es mit der Schaltfläche daneben und speichern Sie es sofort mit „{command:storeSecret}“, damit die Konfiguration nur per ${secret:NAME} darauf verweist, statt es zu enthalten.',
				},
			],
			warnings: [
				{
					en: "Resetting the user's password does not revoke app passwords. Delete an app password on Security info when the application is retired.",
					de: 'Ein Zurücksetzen des Benutzerkennworts widerruft App-Kennwörter nicht. Löschen Sie ein App-Kennwort unter „Sicherheitsinformationen“, wenn die Anwendung außer Betrieb geht.',
				},
			],
		},
		{
			id: 'use-for-smtp',
			title: { en: 'Use it for SMTP and test', de: 'Für SMTP verwenden und testen' },
			body: [
				{
					en: 'Set auth.method to "app-password", auth.user to the full mail address and auth.password to the secret reference. Then run the connection test. Expect IMAP against outlook.office365.com to fail with "AUTHENTICATE failed": that is not a wrong password, Exchange Online accepts only OAuth2 there.',
					de: 'Setzen Sie auth.method auf „app-password“, auth.user auf die vollständige Mailadresse und auth.password auf den Geheimnisverweis. Starten Sie dann den Verbindungstest. Dass IMAP gegen outlook.office365.com mit „AUTHENTICATE failed“ scheitert, ist zu erwarten: Das ist kein falsches Kennwort, Exchange Online nimmt dort nur OAuth2 an.',
				},
			],
			verify: { protocol: 'smtp' },
			related: ['m365-enable-smtp-auth', 'm365-oauth2-app-only'],
		},
	],
};
