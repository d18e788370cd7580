import type { Guide } from '../types';
import { LINKS, STATUS_AS_OF } from './common';

export const gmailAppPassword: Guide = {
	id: 'gmail-app-password',
	provider: 'gmail',
	title: { en: 'Gmail with an app password', de: 'Gmail mit App-Passwort' },
	summary: {
		en: 'Turn on 2-Step Verification, create a 16-character app password for the adapter and use it for IMAP and SMTP instead of the account password.',
		de: 'Die Bestätigung in zwei Schritten einschalten, ein App-Passwort mit 16 Zeichen für den Adapter erstellen und es statt des Kontopassworts für IMAP und SMTP verwenden.',
	},
	currentStatus: {
		asOf: STATUS_AS_OF,
		text: {
			en: 'Google has refused account passwords for IMAP and SMTP ("less secure apps") for personal accounts {since:google-lsa-consumer-off} and for Google Workspace {since:google-lsa-workspace-off}. App passwords are the one remaining exception, and Google discourages them. OAuth2 is the lasting path.',
			de: 'Google nimmt Kontopasswörter für IMAP und SMTP („weniger sichere Apps“) bei privaten Konten {since:google-lsa-consumer-off} und bei Google Workspace {since:google-lsa-workspace-off} nicht mehr an. App-Passwörter sind die einzige verbliebene Ausnahme, und Google rät von ihnen ab. OAuth2 ist der dauerhafte Weg.',
		},
		modernAlternative: 'gmail-oauth2',
	},
	steps: [
		{
			id: 'enable-2sv',
			title: { en: 'Turn on 2-Step Verification', de: 'Bestätigung in zwei Schritten einschalten' },
			body: [
				{
					en: 'App passwords exist only for accounts with 2-Step Verification. They are not offered when the account uses security keys only, is in the Advanced Protection Program, or is a work account whose administrator does not allow them.',
					de: 'App-Passwörter gibt es nur für Konten mit Bestätigung in zwei Schritten. Sie fehlen, wenn das Konto nur Sicherheitsschlüssel verwendet, im Erweiterten Sicherheitsprogramm ist oder ein Arbeitskonto ist, dessen Administrator sie nicht erlaubt.',
				},
			],
			uiPath: [
				{ en: 'Google Account', de: 'Google-Konto' },
				{ en: 'Security', de: 'Sicherheit' },
				{ en: '2-Step Verification', de: 'Bestätigung in zwei Schritten' },
			],
			links: [
				{
					url: 'https://myaccount.google.com/security',
					label: { en: 'Google Account: Security', de: 'Google-Konto: Sicherheit' },
				},
			],
		},
		{
			id: 'create',
			title: { en: 'Create the app password', de: 'Das App-Passwort erstellen' },
			body: [
				{
					en: 'Open the app passwords page, enter a name that says where it is used (for example "DMS import") and create it. Google shows 16 letters in groups of four, once. Store them with "{command:storeSecret}"; the spaces do not matter.',
					de: 'Öffnen Sie die Seite „App-Passwörter“, geben Sie einen Namen ein, der sagt, wo es verwendet wird (etwa „DMS-Import“), und erstellen Sie es. Google zeigt 16 Buchstaben in Vierergruppen, einmal. Speichern Sie sie mit „{command:storeSecret}“; die Leerzeichen spielen keine Rolle.',
				},
			],
			links: [
				{
					url: 'https://myaccount.google.com/apppasswords',
					label: { en: 'Google Account: App passwords', de: 'Google-Konto: App-Passwörter' },
				},
				LINKS.googleAppPasswords,
			],
			warnings: [
				{
					en: 'Changing the Google account password revokes all app passwords; the adapter then fails with "Username and Password not accepted" until you create a new one.',
					de: 'Eine Änderung des Google-Kontopassworts widerruft alle App-Passwörter; der Adapter scheitert dann mit „Username and Password not accepted“, bis Sie ein neues erstellen.',
				},
			],
		},
		{
			id: 'configure',
			title: { en: 'Fill in the config', de: 'Die Konfiguration ausfüllen' },
			body: [
				{
					en: 'Set auth.method to "app-password", auth.user to the full address and auth.password to the secret reference. IMAP is always available for Gmail accounts; in Google Workspace an administrator can still switch IMAP off for users.',
					de: 'Setzen Sie auth.method auf „app-password“, auth.user auf die vollständige Adresse und auth.password auf den Geheimnisverweis. IMAP ist bei Gmail-Konten immer verfügbar; in Google Workspace kann ein Administrator IMAP für Benutzer weiterhin abschalten.',
				},
			],
			settings: [
				{ label: { en: 'IMAP server', de: 'IMAP-Server' }, value: 'imap.gmail.com' },
				{ label: { en: 'IMAP port and security', de: 'IMAP-Port und Verschlüsselung' }, value: '993, TLS' },
				{ label: { en: 'SMTP server', de: 'SMTP-Server' }, value: 'smtp.gmail.com' },
				{
					label: { en: 'SMTP port and security', de: 'SMTP-Port und Verschlüsselung' },
					value: '465, TLS / 587, STARTTLS',
				},
			],
		},
		{
			id: 'test',
			title: { en: 'Test', de: 'Testen' },
			body: [
				{
					en: '"Application-specific password required" means the account password was used instead of the app password. "Please log in via your web browser" means Google held the sign-in as suspicious: confirm it in the browser, then test again.',
					de: '„Application-specific password required“ heißt: Statt des App-Passworts wurde das Kontopasswort verwendet. „Please log in via your web browser“ heißt: Google hat die Anmeldung als verdächtig angehalten; bestätigen Sie sie im Browser und testen Sie erneut.',
				},
			],
			verify: { protocol: 'any' },
			links: [LINKS.googleLsaTransition],
		},
	],
};
