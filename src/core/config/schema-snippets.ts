import type { Lang, Localized } from '../i18n';

/**
 * The account templates offered as `defaultSnippets`. Bodies are VS Code snippet values: `${1:x}` placeholders,
 * `${1|a,b|}` choices, and strings starting with `^` inserted raw (used for `${secret:...}` references, whose `$`
 * must be escaped so the snippet engine keeps it literal).
 */
interface Template {
	label: Localized;
	description: Localized;
	body: Record<string, unknown>;
}

/** A literal `${secret:NAME}` reference inside a snippet body. */
function secretRef(name: string): string {
	return `^${JSON.stringify(`\${secret:${name}}`).replace(/\$/g, '\\$')}`;
}

const TEMPLATES: readonly Template[] = [
	{
		label: { en: 'Microsoft 365: import with OAuth2 (app-only)', de: 'Microsoft 365: Import mit OAuth2 (App-only)' },
		description: {
			en: 'IMAP import from an Exchange Online mailbox with an Entra app (client credentials, IMAP.AccessAsApp). No user password involved.',
			de: 'IMAP-Import aus einem Exchange-Online-Postfach mit einer Entra-App (Client Credentials, IMAP.AccessAsApp). Ohne Benutzerkennwort.',
		},
		body: {
			id: '${1:dms-import}',
			displayName: '${2:DMS import}',
			email: '${3:import@contoso.com}',
			provider: 'microsoft365',
			auth: {
				method: 'oauth2',
				user: '${3:import@contoso.com}',
				oauth2: {
					flow: 'client-credentials',
					tenant: '${4:contoso.onmicrosoft.com}',
					clientId: '${5:00000000-0000-0000-0000-000000000000}',
					clientSecret: secretRef('DMS_IMPORT_CLIENT_SECRET'),
					scopes: ['https://outlook.office365.com/.default'],
				},
			},
			imap: {
				host: 'outlook.office365.com',
				port: 993,
				security: 'tls',
				folder: '${6:INBOX}',
				afterImport: { action: 'move', target: '${7:Imported}' },
			},
		},
	},
	{
		label: { en: 'Microsoft 365: shared mailbox', de: 'Microsoft 365: freigegebenes Postfach' },
		description: {
			en: 'Import from a shared mailbox: the Entra app needs FullAccess on it; the shared mailbox address is the login.',
			de: 'Import aus einem freigegebenen Postfach: Die Entra-App braucht FullAccess darauf; die Adresse des Postfachs ist der Login.',
		},
		body: {
			id: '${1:invoices}',
			displayName: '${2:Invoices (shared mailbox)}',
			email: '${3:invoices@contoso.com}',
			provider: 'microsoft365',
			mailbox: { type: 'shared' },
			auth: {
				method: 'oauth2',
				user: '${3:invoices@contoso.com}',
				oauth2: {
					flow: 'client-credentials',
					tenant: '${4:contoso.onmicrosoft.com}',
					clientId: '${5:00000000-0000-0000-0000-000000000000}',
					clientSecret: secretRef('INVOICES_CLIENT_SECRET'),
					scopes: ['https://outlook.office365.com/.default'],
				},
			},
			imap: {
				host: 'outlook.office365.com',
				port: 993,
				security: 'tls',
				folder: 'INBOX',
				afterImport: { action: 'delete', delayDays: 2 },
			},
		},
	},
	{
		label: { en: 'Microsoft 365: SMTP for a printer or device', de: 'Microsoft 365: SMTP für Drucker oder Gerät' },
		description: {
			en: 'Scan-to-mail over smtp.office365.com:587 with STARTTLS and an app password. Password SMTP AUTH goes default-off at the end of December 2026: plan OAuth2 or another relay.',
			de: 'Scan-to-Mail über smtp.office365.com:587 mit STARTTLS und App-Kennwort. Kennwort-SMTP-AUTH wird Ende Dezember 2026 standardmäßig abgeschaltet: OAuth2 oder ein anderes Relay einplanen.',
		},
		body: {
			id: '${1:scanner}',
			displayName: '${2:Scanner 2nd floor}',
			email: '${3:scanner@contoso.com}',
			provider: 'microsoft365',
			auth: { method: 'app-password', user: '${3:scanner@contoso.com}', password: secretRef('SCANNER_PASSWORD') },
			smtp: { host: 'smtp.office365.com', port: 587, security: 'starttls', from: '${3:scanner@contoso.com}' },
		},
	},
	{
		label: { en: 'Gmail with an app password', de: 'Gmail mit App-Passwort' },
		description: {
			en: 'Gmail over IMAP and SMTP with a 16-letter app password (needs 2-Step Verification).',
			de: 'Gmail über IMAP und SMTP mit einem 16-stelligen App-Passwort (braucht die Bestätigung in zwei Schritten).',
		},
		body: {
			id: '${1:gmail}',
			email: '${2:someone@gmail.com}',
			provider: 'gmail',
			auth: { method: 'app-password', user: '${2:someone@gmail.com}', password: secretRef('GMAIL_APP_PASSWORD') },
			imap: { host: 'imap.gmail.com', port: 993, security: 'tls', folder: 'INBOX' },
			smtp: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
		},
	},
	{
		label: { en: 'Google Workspace with OAuth2', de: 'Google Workspace mit OAuth2' },
		description: {
			en: 'Google Workspace mailbox with an OAuth2 client (scope https://mail.google.com/).',
			de: 'Google-Workspace-Postfach mit einem OAuth2-Client (Scope https://mail.google.com/).',
		},
		body: {
			id: '${1:workspace}',
			email: '${2:office@example.com}',
			provider: 'google-workspace',
			auth: {
				method: 'oauth2',
				user: '${2:office@example.com}',
				oauth2: {
					flow: 'authorization-code',
					clientId: '${3:1234567890-abc.apps.googleusercontent.com}',
					clientSecret: secretRef('WORKSPACE_CLIENT_SECRET'),
					scopes: ['https://mail.google.com/'],
				},
			},
			imap: { host: 'imap.gmail.com', port: 993, security: 'tls', folder: 'INBOX' },
			smtp: { host: 'smtp.gmail.com', port: 587, security: 'starttls' },
		},
	},
	{
		label: { en: 'GMX / WEB.DE', de: 'GMX / WEB.DE' },
		description: {
			en: 'GMX or WEB.DE mailbox. Switch on POP3/IMAP access once in the web settings first.',
			de: 'GMX- oder WEB.DE-Postfach. Vorher einmal den Zugriff per POP3/IMAP in den Web-Einstellungen einschalten.',
		},
		body: {
			id: '${1:gmx}',
			email: '${2:someone@gmx.de}',
			provider: '${3|gmx,web-de|}',
			auth: { method: 'password', user: '${2:someone@gmx.de}', password: secretRef('GMX_PASSWORD') },
			imap: { host: '${4|imap.gmx.net,imap.web.de|}', port: 993, security: 'tls', folder: 'INBOX' },
			smtp: { host: '${5|mail.gmx.net,smtp.web.de|}', port: 587, security: 'starttls' },
		},
	},
	{
		label: { en: 'Generic IMAP + SMTP', de: 'Allgemein: IMAP + SMTP' },
		description: {
			en: 'Any provider: IMAP on 993 with TLS, SMTP submission on 587 with STARTTLS.',
			de: 'Beliebiger Anbieter: IMAP auf 993 mit TLS, SMTP-Einlieferung auf 587 mit STARTTLS.',
		},
		body: {
			id: '${1:mail}',
			email: '${2:office@example.com}',
			provider: 'generic',
			auth: { method: 'password', user: '${2:office@example.com}', password: secretRef('MAIL_PASSWORD') },
			imap: { host: '${3:imap.example.com}', port: 993, security: 'tls', folder: 'INBOX' },
			smtp: { host: '${4:smtp.example.com}', port: 587, security: 'starttls' },
		},
	},
];

export function accountSnippets(lang: Lang): { label: string; description: string; body: Record<string, unknown> }[] {
	return TEMPLATES.map((t) => ({ label: t.label[lang], description: t.description[lang], body: t.body }));
}
