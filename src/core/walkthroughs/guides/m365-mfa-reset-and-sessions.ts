import type { Guide } from '../types';
import { LINKS, sourceLink } from './common';

const entra = { en: 'Microsoft Entra admin center', de: 'Microsoft Entra Admin Center' };
const allUsers = [
	entra,
	{ en: 'Users', de: 'Benutzer' },
	{ en: 'All users', de: 'Alle Benutzer' },
	{ en: '(user)', de: '(Benutzer)' },
];

export const m365MfaResetAndSessions: Guide = {
	id: 'm365-mfa-reset-and-sessions',
	provider: 'microsoft365',
	title: { en: 'Reset MFA and sign out everywhere', de: 'MFA zurücksetzen und überall abmelden' },
	summary: {
		en: 'Help a user whose phone is lost or whose Authenticator shows no prompt (re-registration with a Temporary Access Pass), handle two people on one account, end every session and delete app passwords when misuse is suspected, then bring the adapter back.',
		de: 'Einem Benutzer helfen, dessen Telefon verloren ist oder dessen Authenticator keine Anfrage zeigt (neue Registrierung mit temporärem Zugriffspass), zwei Personen an einem Konto regeln, bei Verdacht auf Missbrauch alle Sitzungen beenden und App-Kennwörter löschen, und danach den Adapter wieder anbinden.',
	},
	steps: [
		{
			id: 'reset-mfa',
			title: {
				en: 'Reset MFA after a lost or replaced phone',
				de: 'MFA nach verlorenem oder neuem Telefon zurücksetzen',
			},
			body: [
				{
					en: 'As an administrator, open the user\'s authentication methods, delete the methods that belong to the old phone and choose "Require re-register multifactor authentication". At the next sign-in the user sets up the Authenticator again.',
					de: 'Öffnen Sie als Administrator die Authentifizierungsmethoden des Benutzers, löschen Sie die Methoden des alten Telefons und wählen Sie „Erneute Registrierung für mehrstufige Authentifizierung anfordern“. Bei der nächsten Anmeldung richtet der Benutzer den Authenticator neu ein.',
				},
			],
			uiPath: [...allUsers, { en: 'Authentication methods', de: 'Authentifizierungsmethoden' }],
			links: [LINKS.entraAdmin],
		},
		{
			id: 'temporary-access-pass',
			title: {
				en: 'Let the user re-register with a Temporary Access Pass',
				de: 'Neu registrieren mit einem temporären Zugriffspass',
			},
			body: [
				{
					en: 'Without any working method the user cannot sign in to set up a new one. Create a Temporary Access Pass for the user (it must be allowed in the Authentication methods policy): a time-limited code, usable once if you choose, that the user enters instead of the password and second factor, then registers the Authenticator on Security info. Hand it over on a second channel, never by mail to the locked mailbox.',
					de: 'Ohne funktionierende Methode kann sich der Benutzer nicht anmelden, um eine neue einzurichten. Erstellen Sie für ihn einen temporären Zugriffspass (er muss in der Richtlinie „Authentifizierungsmethoden“ erlaubt sein): einen befristet gültigen Code, auf Wunsch nur einmal verwendbar, den der Benutzer statt Kennwort und zweitem Faktor eingibt, um danach unter „Sicherheitsinformationen“ den Authenticator zu registrieren. Übergeben Sie ihn auf einem zweiten Weg, nie per Mail an das gesperrte Postfach.',
				},
			],
			uiPath: [
				...allUsers,
				{ en: 'Authentication methods', de: 'Authentifizierungsmethoden' },
				{ en: 'Add authentication method', de: 'Authentifizierungsmethode hinzufügen' },
				{ en: 'Temporary Access Pass', de: 'Temporärer Zugriffspass' },
			],
			commands: [
				{ shell: 'powershell', code: 'Connect-MgGraph -Scopes UserAuthenticationMethod.ReadWrite.All' },
				{
					shell: 'powershell',
					code: 'New-MgUserAuthenticationTemporaryAccessPassMethod -UserId <USER> -LifetimeInMinutes 60 -IsUsableOnce',
				},
			],
			links: [
				sourceLink('entra-tap', {
					en: 'Microsoft Learn: create a Temporary Access Pass',
					de: 'Microsoft Learn: einen temporären Zugriffspass erstellen',
				}),
				LINKS.securityInfo,
			],
		},
		{
			id: 'second-person',
			title: { en: 'Two people on one account', de: 'Zwei Personen an einem Konto' },
			body: [
				{
					en: 'If MFA is already set up, the account holder adds another Microsoft Authenticator registration on Security info and lets the second person scan the QR code. If MFA is not set up yet, both can scan the QR code shown during the first setup.',
					de: 'Ist MFA schon eingerichtet, fügt der Kontoinhaber unter „Sicherheitsinformationen“ eine weitere Microsoft-Authenticator-Registrierung hinzu und lässt die zweite Person den QR-Code scannen. Ist MFA noch nicht eingerichtet, können beide den QR-Code der Ersteinrichtung scannen.',
				},
			],
			uiPath: [
				{ en: 'My Account', de: 'Mein Konto' },
				{ en: 'Security info', de: 'Sicherheitsinformationen' },
				{ en: 'Add sign-in method', de: 'Anmeldemethode hinzufügen' },
				{ en: 'Microsoft Authenticator', de: 'Microsoft Authenticator' },
			],
			warnings: [
				{
					en: 'Shared credentials hide who did what. A shared mailbox with one member per person is the cleaner solution.',
					de: 'Geteilte Zugangsdaten verschleiern, wer was getan hat. Ein freigegebenes Postfach mit einem Mitglied pro Person ist die sauberere Lösung.',
				},
			],
			links: [LINKS.securityInfo],
			related: ['m365-shared-mailbox'],
		},
		{
			id: 'sign-out-everywhere',
			title: { en: 'Sign out everywhere (as the user)', de: 'Überall abmelden (als Benutzer)' },
			body: [
				{
					en: 'When misuse is suspected, or parallel sign-ins on other devices get in the way, the user can end all sessions with "Sign out everywhere" on My Account.',
					de: 'Bei Verdacht auf Missbrauch oder wenn parallele Anmeldungen auf anderen Geräten stören, kann der Benutzer mit „Überall abmelden“ unter „Mein Konto“ alle Sitzungen beenden.',
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
			id: 'revoke-sessions',
			title: { en: 'Revoke sessions (as an administrator)', de: 'Sitzungen widerrufen (als Administrator)' },
			body: [
				{
					en: 'If the user cannot sign in any more, an administrator revokes all sessions of the account. If the administrator account itself is affected, let another administrator do it.',
					de: 'Kann sich der Benutzer nicht mehr anmelden, widerruft ein Administrator alle Sitzungen des Kontos. Ist das Administratorkonto selbst betroffen, übernimmt ein anderer Administrator.',
				},
			],
			uiPath: [...allUsers, { en: 'Revoke sessions', de: 'Sitzungen widerrufen' }],
			commands: [
				{ shell: 'powershell', code: 'Connect-MgGraph -Scopes User.RevokeSessions.All' },
				{ shell: 'powershell', code: 'Revoke-MgUserSignInSession -UserId <USER>' },
			],
			links: [
				sourceLink('entra-revoke-sessions', {
					en: 'Microsoft Learn: Revoke-MgUserSignInSession',
					de: 'Microsoft Learn: Revoke-MgUserSignInSession',
				}),
			],
		},
		{
			id: 'delete-app-passwords',
			title: { en: 'Delete the app passwords too', de: 'Auch die App-Kennwörter löschen' },
			body: [
				{
					en: 'Revoking sessions ends refresh tokens and browser sessions, but an app password is checked anew at every SMTP AUTH login with Basic authentication: a device or attacker holding one keeps sending. Delete the user\'s app passwords: the user removes them on Security info, or an administrator opens the per-user MFA page, selects the user, chooses "Manage user settings" and "Delete all existing app passwords generated by the selected users". Then give each device that still needs one a new app password, or better one of the ways without a password.',
					de: 'Das Widerrufen der Sitzungen beendet Aktualisierungstoken und Browsersitzungen, aber ein App-Kennwort wird bei jeder Anmeldung per SMTP AUTH mit Standardauthentifizierung neu geprüft: Ein Gerät oder Angreifer, der eines kennt, sendet weiter. Löschen Sie die App-Kennwörter des Benutzers: Der Benutzer entfernt sie unter „Sicherheitsinformationen“, oder ein Administrator öffnet die Seite für MFA pro Benutzer, wählt den Benutzer, dann „Benutzereinstellungen verwalten“ und „Alle vorhandenen App-Kennwörter löschen, die von den ausgewählten Benutzern generiert wurden“. Geben Sie danach jedem Gerät, das noch eines braucht, ein neues App-Kennwort, oder besser einen der Wege ohne Kennwort.',
				},
			],
			uiPath: [
				{ en: 'My Account', de: 'Mein Konto' },
				{ en: 'Security info', de: 'Sicherheitsinformationen' },
				{ en: 'App password', de: 'App-Kennwort' },
				{ en: 'Delete', de: 'Löschen' },
			],
			links: [
				LINKS.securityInfo,
				sourceLink('entra-user-auth-settings', {
					en: 'Microsoft Learn: delete a user’s existing app passwords',
					de: 'Microsoft Learn: vorhandene App-Kennwörter eines Benutzers löschen',
				}),
			],
			related: ['m365-smtp-after-basic-auth'],
		},
		{
			id: 'reconnect-adapter',
			title: { en: 'Bring the adapter back', de: 'Den Adapter wieder anbinden' },
			body: [
				{
					en: 'Revoking sessions also ends delegated OAuth2 refresh tokens: sign in again with "{command:signIn}". App-only OAuth2 is not tied to a user and keeps working. App passwords survive a password reset and a session revocation; delete them (previous step) if they may be compromised.',
					de: 'Das Widerrufen der Sitzungen beendet auch delegierte OAuth2-Aktualisierungstoken: Melden Sie sich mit „{command:signIn}“ erneut an. OAuth2 mit Nur-App-Zugriff hängt an keinem Benutzer und läuft weiter. App-Kennwörter überstehen ein Zurücksetzen des Kennworts und das Widerrufen der Sitzungen; löschen Sie sie (voriger Schritt), wenn sie kompromittiert sein könnten.',
				},
			],
			verify: { protocol: 'any' },
			related: ['m365-oauth2-delegated#sign-in'],
		},
	],
};
