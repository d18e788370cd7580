import type { Guide } from '../types';
import { LINKS, STATUS_AS_OF } from './common';

export const m365CheckMfa: Guide = {
	id: 'm365-check-mfa',
	provider: 'microsoft365',
	title: { en: 'Check whether MFA is on for a user', de: 'Prüfen, ob MFA für einen Benutzer aktiv ist' },
	summary: {
		en: 'Find out how a Microsoft 365 user signs in with a second factor, from the admin side and from the user side, before deciding between an app password and OAuth2.',
		de: 'Herausfinden, wie sich ein Microsoft 365-Benutzer mit zweitem Faktor anmeldet, aus Sicht des Administrators und des Benutzers, bevor Sie sich zwischen App-Kennwort und OAuth2 entscheiden.',
	},
	currentStatus: {
		asOf: STATUS_AS_OF,
		text: {
			en: 'The legacy MFA and SSPR policy settings were retired {on:entra-legacy-mfa-policies-retired}; sign-in methods are managed only in the Authentication methods policy now. The per-user MFA list still exists, but it shows "Disabled" for users whose MFA comes from security defaults or Conditional Access, so "Disabled" does not mean the user has no MFA. For a mail adapter the status matters less than it used to: Exchange Online accepts only OAuth2 for IMAP.',
			de: 'Die alten MFA- und SSPR-Richtlinieneinstellungen wurden {on:entra-legacy-mfa-policies-retired} eingestellt; Anmeldemethoden werden nur noch in der Richtlinie „Authentifizierungsmethoden“ verwaltet. Die Liste „MFA pro Benutzer“ gibt es weiterhin, sie zeigt aber „Deaktiviert“ für Benutzer, deren MFA aus den Sicherheitsstandards oder aus bedingtem Zugriff stammt. „Deaktiviert“ heißt also nicht, dass der Benutzer keine MFA hat. Für einen Mail-Adapter zählt der Status weniger als früher: Exchange Online nimmt für IMAP nur noch OAuth2 an.',
		},
		modernAlternative: 'm365-oauth2-app-only',
	},
	steps: [
		{
			id: 'open-user-list',
			title: { en: 'Open the per-user MFA list', de: 'Die Liste „MFA pro Benutzer“ öffnen' },
			body: [
				{
					en: 'Sign in as an administrator. In the Microsoft 365 admin center the list of active users has a "Multi-factor authentication" action above the table; it opens the per-user MFA page of Microsoft Entra. You can also go there directly in the Entra admin center.',
					de: 'Melden Sie sich als Administrator an. Im Microsoft 365 Admin Center hat die Liste der aktiven Benutzer über der Tabelle die Aktion „Mehrstufige Authentifizierung“; sie öffnet die Seite „MFA pro Benutzer“ in Microsoft Entra. Im Entra Admin Center erreichen Sie die Seite auch direkt.',
				},
			],
			uiPath: [
				{ en: 'Microsoft 365 admin center', de: 'Microsoft 365 Admin Center' },
				{ en: 'Users', de: 'Benutzer' },
				{ en: 'Active users', de: 'Aktive Benutzer' },
				{ en: 'Multi-factor authentication', de: 'Mehrstufige Authentifizierung' },
			],
			links: [LINKS.m365Admin, LINKS.entraAdmin],
		},
		{
			id: 'read-status',
			title: { en: 'Read the status column', de: 'Die Statusspalte lesen' },
			body: [
				{
					en: 'Find the mailbox user. The status column shows one of three values: "Disabled" (no per-user MFA), "Enabled" (the user is asked to register a second factor at the next sign-in) or "Enforced" (the user has registered and every sign-in asks for it).',
					de: 'Suchen Sie den Postfachbenutzer. Die Statusspalte zeigt einen von drei Werten: „Deaktiviert“ (keine MFA pro Benutzer), „Aktiviert“ (der Benutzer wird bei der nächsten Anmeldung zur Registrierung eines zweiten Faktors aufgefordert) oder „Erzwungen“ (der Benutzer hat sich registriert und muss ihn bei jeder Anmeldung angeben).',
				},
				{
					en: 'App passwords exist only for users whose per-user MFA status is "Enabled" or "Enforced"; "Enabled" turns into "Enforced" by itself once the user has registered a second factor. If the tenant uses security defaults or Conditional Access instead, the list says "Disabled" and no app password can be created.',
					de: 'App-Kennwörter gibt es nur für Benutzer, deren MFA pro Benutzer den Status „Aktiviert“ oder „Erzwungen“ hat; „Aktiviert“ wird von selbst zu „Erzwungen“, sobald der Benutzer einen zweiten Faktor registriert hat. Nutzt der Mandant stattdessen Sicherheitsstandards oder bedingten Zugriff, steht in der Liste „Deaktiviert“ und es lässt sich kein App-Kennwort anlegen.',
				},
			],
			uiPath: [
				{ en: 'Microsoft Entra admin center', de: 'Microsoft Entra Admin Center' },
				{ en: 'Users', de: 'Benutzer' },
				{ en: 'All users', de: 'Alle Benutzer' },
				{ en: 'Per-user MFA', de: 'MFA pro Benutzer' },
			],
			links: [LINKS.perUserMfa],
		},
		{
			id: 'check-tenant-policy',
			title: {
				en: 'Check security defaults and Conditional Access',
				de: 'Sicherheitsstandards und bedingten Zugriff prüfen',
			},
			body: [
				{
					en: 'Open the tenant properties and look at "Manage security defaults". When security defaults are on, every sign-in with an older mail protocol (IMAP, POP, SMTP with a password) is blocked, whatever the per-user list says. Conditional Access policies that block legacy authentication have the same effect.',
					de: 'Öffnen Sie die Mandanteneigenschaften und sehen Sie unter „Sicherheitsstandards verwalten“ nach. Sind die Sicherheitsstandards aktiv, wird jede Anmeldung über ältere Mailprotokolle (IMAP, POP, SMTP mit Kennwort) blockiert, ganz gleich, was die Liste pro Benutzer sagt. Richtlinien für bedingten Zugriff, die Legacyauthentifizierung sperren, wirken genauso.',
				},
			],
			uiPath: [
				{ en: 'Microsoft Entra admin center', de: 'Microsoft Entra Admin Center' },
				{ en: 'Identity', de: 'Identität' },
				{ en: 'Overview', de: 'Übersicht' },
				{ en: 'Properties', de: 'Eigenschaften' },
				{ en: 'Manage security defaults', de: 'Sicherheitsstandards verwalten' },
			],
			links: [LINKS.securityDefaults],
		},
		{
			id: 'check-as-user',
			title: { en: 'Check from the user side', de: 'Aus Sicht des Benutzers prüfen' },
			body: [
				{
					en: 'Signed in as the mailbox user, the Security info page lists the registered sign-in methods (Authenticator app, phone, app passwords). If it lists none, the user has not set up a second factor yet.',
					de: 'Als Postfachbenutzer angemeldet, listet die Seite „Sicherheitsinformationen“ die registrierten Anmeldemethoden auf (Authenticator-App, Telefon, App-Kennwörter). Ist die Liste leer, hat der Benutzer noch keinen zweiten Faktor eingerichtet.',
				},
			],
			uiPath: [
				{ en: 'My Account', de: 'Mein Konto' },
				{ en: 'Security info', de: 'Sicherheitsinformationen' },
			],
			links: [LINKS.securityInfo],
			related: ['m365-create-app-password', 'm365-oauth2-app-only'],
		},
	],
};
