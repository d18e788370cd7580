import type { Guide } from '../types';
import { LINKS } from './common';

const cloudConsole = { en: 'Google Cloud console', de: 'Google Cloud Console' };

export const gmailOauth2: Guide = {
	id: 'gmail-oauth2',
	provider: 'gmail',
	title: { en: 'Gmail and Google Workspace with OAuth2', de: 'Gmail und Google Workspace mit OAuth2' },
	summary: {
		en: 'Create an OAuth client in a Google Cloud project, ask for the scope https://mail.google.com/ and sign in once; for Workspace servers, domain-wide delegation reads mailboxes without a user sign-in.',
		de: 'In einem Google-Cloud-Projekt einen OAuth-Client anlegen, den Scope https://mail.google.com/ anfordern und sich einmal anmelden; für Workspace-Server liest die domainweite Delegierung Postfächer ohne Benutzeranmeldung.',
	},
	steps: [
		{
			id: 'create-project',
			title: { en: 'Create or pick a Cloud project', de: 'Ein Cloud-Projekt anlegen oder wählen' },
			body: [
				{
					en: 'Sign in to the Google Cloud console with an account of the same organization as the mailbox and create a project for the adapter.',
					de: 'Melden Sie sich in der Google Cloud Console mit einem Konto derselben Organisation wie das Postfach an und legen Sie ein Projekt für den Adapter an.',
				},
			],
			links: [{ url: 'https://console.cloud.google.com/', label: cloudConsole }],
		},
		{
			id: 'consent-screen',
			title: { en: 'Configure the consent screen', de: 'Den Zustimmungsbildschirm einrichten' },
			body: [
				{
					en: 'Choose the user type "Internal" for a Workspace organization; an "External" app stays in testing mode until Google verifies it, and in testing mode refresh tokens expire after 7 days. Add the scope https://mail.google.com/: it is the only scope that allows IMAP and SMTP, and Google treats it as restricted.',
					de: 'Wählen Sie für eine Workspace-Organisation den Nutzertyp „Intern“; eine „Externe“ App bleibt im Testmodus, bis Google sie prüft, und im Testmodus laufen Aktualisierungstoken nach 7 Tagen ab. Fügen Sie den Scope https://mail.google.com/ hinzu: Nur er erlaubt IMAP und SMTP, und Google stuft ihn als eingeschränkt ein.',
				},
			],
			uiPath: [
				cloudConsole,
				{ en: 'APIs & Services', de: 'APIs & Dienste' },
				{ en: 'OAuth consent screen', de: 'OAuth-Zustimmungsbildschirm' },
			],
		},
		{
			id: 'create-client',
			title: { en: 'Create the OAuth client', de: 'Den OAuth-Client anlegen' },
			body: [
				{
					en: 'Create credentials of the type "OAuth client ID" for a desktop app. Copy the client ID into the config and store the client secret with "{command:storeSecret}".',
					de: 'Legen Sie Anmeldedaten vom Typ „OAuth-Client-ID“ für eine Desktop-App an. Übernehmen Sie die Client-ID in die Konfiguration und speichern Sie den Clientschlüssel mit „{command:storeSecret}“.',
				},
			],
			uiPath: [
				cloudConsole,
				{ en: 'APIs & Services', de: 'APIs & Dienste' },
				{ en: 'Credentials', de: 'Anmeldedaten' },
				{ en: 'Create credentials', de: 'Anmeldedaten erstellen' },
				{ en: 'OAuth client ID', de: 'OAuth-Client-ID' },
			],
		},
		{
			id: 'configure',
			title: { en: 'Fill in the config and sign in', de: 'Die Konfiguration ausfüllen und anmelden' },
			body: [
				{
					en: 'Set auth.method to "oauth2" with flow "authorization-code", the client ID, the secret reference and the scope below, then run "{command:signIn}" and sign in as the mailbox user.',
					de: 'Setzen Sie auth.method auf „oauth2“ mit flow „authorization-code“, der Client-ID, dem Geheimnisverweis und dem Scope unten, und führen Sie dann „{command:signIn}“ aus und melden Sie sich als Postfachbenutzer an.',
				},
			],
			settings: [
				{ label: { en: 'Scope', de: 'Scope' }, value: 'https://mail.google.com/' },
				{ label: { en: 'IMAP server', de: 'IMAP-Server' }, value: 'imap.gmail.com:993, TLS' },
				{ label: { en: 'SMTP server', de: 'SMTP-Server' }, value: 'smtp.gmail.com:465, TLS' },
			],
			links: [LINKS.googleXoauth2],
		},
		{
			id: 'domain-wide-delegation',
			title: { en: 'Workspace servers: domain-wide delegation', de: 'Workspace-Server: domainweite Delegierung' },
			body: [
				{
					en: 'For an unattended import in Google Workspace, a super administrator can authorize a service account for the scope https://mail.google.com/; it then acts as any user of the domain. Treat its key like an administrator password.',
					de: 'Für einen unbeaufsichtigten Import in Google Workspace kann ein Super-Administrator ein Dienstkonto für den Scope https://mail.google.com/ freigeben; es handelt dann als beliebiger Benutzer der Domain. Behandeln Sie seinen Schlüssel wie ein Administratorpasswort.',
				},
			],
			uiPath: [
				{ en: 'Google Admin console', de: 'Google Admin-Konsole' },
				{ en: 'Security', de: 'Sicherheit' },
				{ en: 'Access and data control', de: 'Zugriffs- und Datenkontrolle' },
				{ en: 'API controls', de: 'API-Steuerung' },
				{ en: 'Domain-wide delegation', de: 'Domainweite Delegierung' },
			],
			links: [
				{
					url: 'https://admin.google.com/',
					label: { en: 'Google Admin console', de: 'Google Admin-Konsole' },
				},
			],
		},
		{
			id: 'test',
			title: { en: 'Test', de: 'Testen' },
			body: [
				{
					en: 'Run the connection test. An "Invalid credentials" reply with a valid token usually means the token lacks the mail scope or belongs to a different user than auth.user.',
					de: 'Starten Sie den Verbindungstest. Eine Antwort „Invalid credentials“ trotz gültigem Token heißt meist: Dem Token fehlt der Mail-Scope, oder es gehört zu einem anderen Benutzer als auth.user.',
				},
			],
			verify: { protocol: 'any' },
		},
	],
};
