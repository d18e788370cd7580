import type { Guide } from '../types';
import { LINKS, M365_SETTINGS } from './common';

const appRegistrations = { en: 'App registrations', de: 'App-Registrierungen' };

export const m365Oauth2Delegated: Guide = {
	id: 'm365-oauth2-delegated',
	provider: 'microsoft365',
	title: { en: 'OAuth2 sign-in as a user (delegated)', de: 'OAuth2-Anmeldung als Benutzer (delegiert)' },
	summary: {
		en: "Let a person sign in once, in the browser or with a device code, so the adapter reads a user or shared mailbox with that person's rights and refreshes the token on its own.",
		de: 'Eine Person meldet sich einmal an, im Browser oder mit einem Gerätecode; der Adapter liest dann ein Benutzer- oder freigegebenes Postfach mit deren Rechten und erneuert das Token selbst.',
	},
	steps: [
		{
			id: 'register-app',
			title: { en: 'Register a public client application', de: 'Eine öffentliche Clientanwendung registrieren' },
			body: [
				{
					en: 'Create a registration. Under Authentication add the platform "Mobile and desktop applications" with the redirect URI http://localhost, and set "Allow public client flows" to Yes; the device code flow needs it.',
					de: 'Legen Sie eine Registrierung an. Fügen Sie unter „Authentifizierung“ die Plattform „Mobile und Desktopanwendungen“ mit der Umleitungs-URI http://localhost hinzu und setzen Sie „Öffentliche Clientflows zulassen“ auf Ja; der Gerätecode-Ablauf braucht das.',
				},
			],
			uiPath: [
				{ en: 'Microsoft Entra admin center', de: 'Microsoft Entra Admin Center' },
				{ en: 'Identity', de: 'Identität' },
				{ en: 'Applications', de: 'Anwendungen' },
				appRegistrations,
				{ en: '(your app)', de: '(Ihre App)' },
				{ en: 'Authentication', de: 'Authentifizierung' },
			],
			links: [LINKS.entraAdmin],
		},
		{
			id: 'add-permissions',
			title: { en: 'Add the delegated mail permissions', de: 'Die delegierten Mailberechtigungen hinzufügen' },
			body: [
				{
					en: 'Add the delegated permissions IMAP.AccessAsUser.All and SMTP.Send, plus offline_access for refresh tokens. The portal lists them under Microsoft Graph, but the scopes the config asks for must use the Exchange resource, as shown below.',
					de: 'Fügen Sie die delegierten Berechtigungen IMAP.AccessAsUser.All und SMTP.Send hinzu, dazu offline_access für Aktualisierungstoken. Das Portal listet sie unter Microsoft Graph, die Scopes in der Konfiguration müssen aber die Exchange-Ressource nennen, wie unten gezeigt.',
				},
			],
			settings: [
				{ label: { en: 'IMAP scope', de: 'IMAP-Scope' }, value: 'https://outlook.office.com/IMAP.AccessAsUser.All' },
				{ label: { en: 'SMTP scope', de: 'SMTP-Scope' }, value: 'https://outlook.office.com/SMTP.Send' },
				{ label: { en: 'Refresh tokens', de: 'Aktualisierungstoken' }, value: 'offline_access' },
			],
			warnings: [
				{
					en: 'Do not mix scopes of two resources (for example Graph and Exchange) in one token request; Entra refuses it.',
					de: 'Mischen Sie in einer Tokenanforderung keine Scopes zweier Ressourcen (etwa Graph und Exchange); Entra lehnt das ab.',
				},
			],
		},
		{
			id: 'configure',
			title: { en: 'Fill in the config', de: 'Die Konfiguration ausfüllen' },
			body: [
				{
					en: 'Set auth.method to "oauth2" with flow "device-code" (works over remote connections too) or "authorization-code" (opens a browser on this machine), the tenant ID and the client ID. No client secret: the app is a public client.',
					de: 'Setzen Sie auth.method auf „oauth2“ mit flow „device-code“ (funktioniert auch über Remoteverbindungen) oder „authorization-code“ (öffnet einen Browser auf diesem Rechner), dazu Mandanten-ID und Client-ID. Kein geheimer Clientschlüssel: Die App ist ein öffentlicher Client.',
				},
			],
			settings: [M365_SETTINGS.imapHost, M365_SETTINGS.imapPort, M365_SETTINGS.smtpHost, M365_SETTINGS.smtpPort],
			links: [LINKS.oauthImapSmtp],
		},
		{
			id: 'sign-in',
			title: { en: 'Sign in once', de: 'Einmal anmelden' },
			body: [
				{
					en: 'Run "{command:signIn}". With the device code flow, open the shown address on any device, enter the code and sign in as the user, including the second factor. The refresh token is kept in VS Code\'s secret storage, never in the config.',
					de: 'Führen Sie „{command:signIn}“ aus. Beim Gerätecode-Ablauf öffnen Sie die angezeigte Adresse auf einem beliebigen Gerät, geben den Code ein und melden sich als Benutzer an, samt zweitem Faktor. Das Aktualisierungstoken liegt im Geheimnisspeicher von VS Code, nie in der Konfiguration.',
				},
			],
		},
		{
			id: 'shared-mailbox',
			title: { en: 'Reading a shared mailbox', de: 'Ein freigegebenes Postfach lesen' },
			body: [
				{
					en: 'Sign in as a user who has FullAccess on the shared mailbox and set auth.user to the shared mailbox address: for IMAP the token of the user opens the shared mailbox. For SMTP, the login must be the signed-in user and the shared address goes into smtp.from, which needs Send As.',
					de: 'Melden Sie sich als Benutzer mit Vollzugriff auf das freigegebene Postfach an und setzen Sie auth.user auf die Adresse des freigegebenen Postfachs: Bei IMAP öffnet das Token des Benutzers das freigegebene Postfach. Bei SMTP muss die Anmeldung der angemeldete Benutzer sein, und die freigegebene Adresse kommt in smtp.from, was „Senden als“ erfordert.',
				},
			],
			related: ['m365-shared-mailbox', 'm365-send-as'],
		},
		{
			id: 'test',
			title: { en: 'Test', de: 'Testen' },
			body: [
				{
					en: 'Run the connection test. After a password reset, an MFA reset or revoked sessions the refresh token stops working: sign in again.',
					de: 'Starten Sie den Verbindungstest. Nach einem Kennwort-Reset, einem MFA-Reset oder widerrufenen Sitzungen ist das Aktualisierungstoken ungültig: erneut anmelden.',
				},
			],
			verify: { protocol: 'any' },
			related: ['m365-mfa-reset-and-sessions#revoke-sessions'],
		},
	],
};
