import type { Guide } from '../types';
import { LINKS, STATUS_AS_OF } from './common';

export const m365AllowAppPasswords: Guide = {
	id: 'm365-allow-app-passwords',
	provider: 'microsoft365',
	title: { en: 'Allow app passwords in the tenant', de: 'App-Kennwörter im Mandanten zulassen' },
	summary: {
		en: 'The three tenant conditions for app passwords (security defaults off, per-user MFA on for the user, app passwords allowed), why each one weakens something, and that the changes take hours to apply.',
		de: 'Die drei Bedingungen im Mandanten für App-Kennwörter (Sicherheitsstandards aus, MFA pro Benutzer für den Benutzer an, App-Kennwörter erlaubt), was jede davon schwächt, und dass die Änderungen Stunden brauchen.',
	},
	currentStatus: {
		asOf: STATUS_AS_OF,
		text: {
			en: 'This is the path older vendor guides describe, and most of it is outdated. App passwords no longer work for IMAP or POP on Exchange Online, and Basic authentication for SMTP AUTH is off by default for existing tenants {since:exo-smtp-basic-default-off}. Turning off security defaults removes protection for every user of the tenant. Prefer OAuth2, which needs none of these changes.',
			de: 'Diesen Weg beschreiben ältere Herstelleranleitungen, und er ist größtenteils überholt. App-Kennwörter funktionieren in Exchange Online nicht mehr für IMAP oder POP, und die Standardauthentifizierung für SMTP AUTH ist für bestehende Mandanten {since:exo-smtp-basic-default-off} standardmäßig aus. Wer die Sicherheitsstandards ausschaltet, nimmt allen Benutzern des Mandanten Schutz. Besser OAuth2 verwenden: Es braucht keine dieser Änderungen.',
		},
		modernAlternative: 'm365-oauth2-app-only',
	},
	steps: [
		{
			id: 'security-defaults-off',
			title: {
				en: 'Turn off security defaults (only if you must)',
				de: 'Sicherheitsstandards abschalten (nur wenn nötig)',
			},
			body: [
				{
					en: 'Security defaults block every sign-in through older mail protocols, and they cannot be combined with per-user MFA app passwords. In the tenant properties, open "Manage security defaults" and set them to disabled. Entra asks for a reason; record which application needs it.',
					de: 'Die Sicherheitsstandards sperren jede Anmeldung über ältere Mailprotokolle und vertragen sich nicht mit App-Kennwörtern der MFA pro Benutzer. Öffnen Sie in den Mandanteneigenschaften „Sicherheitsstandards verwalten“ und deaktivieren Sie sie. Entra fragt nach einem Grund; halten Sie fest, welche Anwendung das erfordert.',
				},
			],
			uiPath: [
				{ en: 'Microsoft Entra admin center', de: 'Microsoft Entra Admin Center' },
				{ en: 'Identity', de: 'Identität' },
				{ en: 'Overview', de: 'Übersicht' },
				{ en: 'Properties', de: 'Eigenschaften' },
				{ en: 'Manage security defaults', de: 'Sicherheitsstandards verwalten' },
			],
			warnings: [
				{
					en: 'Without security defaults, no user is required to use MFA any more unless per-user MFA or Conditional Access takes over. Enforce per-user MFA for every account (next step), not only for the mailbox user.',
					de: 'Ohne Sicherheitsstandards muss kein Benutzer mehr MFA verwenden, solange nicht MFA pro Benutzer oder bedingter Zugriff übernimmt. Erzwingen Sie MFA pro Benutzer für alle Konten (nächster Schritt), nicht nur für den Postfachbenutzer.',
				},
			],
			links: [LINKS.securityDefaults],
		},
		{
			id: 'enforce-per-user-mfa',
			title: {
				en: 'Enforce per-user MFA for the mailbox user',
				de: 'MFA pro Benutzer für den Postfachbenutzer erzwingen',
			},
			body: [
				{
					en: 'Open the per-user MFA list, tick the user and choose "Enable MFA", confirm, then tick the user again and choose "Enforce MFA". The status column then reads "Enabled" or "Enforced"; both allow app passwords, and "Enabled" turns into "Enforced" by itself once the user has registered a second factor. "Disabled" means no app passwords, even if the user already signs in with a second factor through security defaults or Conditional Access.',
					de: 'Öffnen Sie die Liste „MFA pro Benutzer“, markieren Sie den Benutzer und wählen Sie „MFA aktivieren“, bestätigen Sie, markieren Sie den Benutzer erneut und wählen Sie „MFA erzwingen“. In der Statusspalte steht dann „Aktiviert“ oder „Erzwungen“; beides erlaubt App-Kennwörter, und „Aktiviert“ wird von selbst zu „Erzwungen“, sobald der Benutzer einen zweiten Faktor registriert hat. „Deaktiviert“ heißt: keine App-Kennwörter, auch wenn der Benutzer sich über Sicherheitsstandards oder bedingten Zugriff schon mit zweitem Faktor anmeldet.',
				},
			],
			uiPath: [
				{ en: 'Microsoft Entra admin center', de: 'Microsoft Entra Admin Center' },
				{ en: 'Users', de: 'Benutzer' },
				{ en: 'All users', de: 'Alle Benutzer' },
				{ en: 'Per-user MFA', de: 'MFA pro Benutzer' },
			],
			links: [LINKS.perUserMfa],
			related: ['m365-check-mfa#read-status'],
		},
		{
			id: 'allow-app-passwords',
			title: { en: 'Allow users to create app passwords', de: 'Benutzern das Erstellen von App-Kennwörtern erlauben' },
			body: [
				{
					en: 'On the per-user MFA page, open the service settings and tick "Allow users to create app passwords to sign in to non-browser apps". By default users cannot create them. The role needed is at least Authentication Policy Administrator.',
					de: 'Öffnen Sie auf der Seite „MFA pro Benutzer“ die Diensteinstellungen und setzen Sie den Haken bei „Benutzern das Erstellen von App-Kennwörtern zum Anmelden bei Nicht-Browser-Apps gestatten“. Standardmäßig dürfen Benutzer keine anlegen. Nötig ist mindestens die Rolle „Administrator für Authentifizierungsrichtlinien“.',
				},
			],
			uiPath: [
				{ en: 'Per-user MFA', de: 'MFA pro Benutzer' },
				{ en: 'Service settings', de: 'Diensteinstellungen' },
				{ en: 'App passwords', de: 'App-Kennwörter' },
			],
			links: [LINKS.appPasswordsEntra],
		},
		{
			id: 'check-blocking-policies',
			title: {
				en: 'Check what else can block basic authentication',
				de: 'Prüfen, was die Standardauthentifizierung sonst noch sperrt',
			},
			body: [
				{
					en: 'An Exchange authentication policy with AllowBasicAuthSmtp set to false, or a Conditional Access policy that blocks legacy authentication, wins over everything above. List the authentication policies and see which one applies to the user.',
					de: 'Eine Exchange-Authentifizierungsrichtlinie mit AllowBasicAuthSmtp auf false oder eine Richtlinie für bedingten Zugriff, die Legacyauthentifizierung sperrt, hat Vorrang vor allem oben. Lassen Sie sich die Authentifizierungsrichtlinien anzeigen und prüfen Sie, welche für den Benutzer gilt.',
				},
			],
			commands: [
				{ shell: 'powershell', code: 'Connect-ExchangeOnline' },
				{ shell: 'powershell', code: 'Get-AuthenticationPolicy | Format-Table Name,AllowBasicAuthSmtp' },
				{ shell: 'powershell', code: 'Get-User -Identity <USER> | Format-List AuthenticationPolicy' },
			],
		},
		{
			id: 'wait-and-test',
			title: { en: 'Wait, then test', de: 'Warten, dann testen' },
			body: [
				{
					en: 'Tenant changes reach the mail servers with a delay; a few hours are normal. A test that fails right after the change says little. Create the app password, enter it in the config and run the connection test again later.',
					de: 'Änderungen am Mandanten erreichen die Mailserver verzögert; einige Stunden sind normal. Ein Test, der direkt nach der Änderung scheitert, sagt wenig aus. Legen Sie das App-Kennwort an, tragen Sie es in die Konfiguration ein und wiederholen Sie den Verbindungstest später.',
				},
			],
			related: ['m365-create-app-password'],
			verify: { protocol: 'smtp' },
		},
	],
};
