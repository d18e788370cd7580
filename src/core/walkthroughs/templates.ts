import type { Localized } from '../i18n';
import type { MailAccountsFile } from '../config/model';

/** A starting point for "Mail: New Mail Account Config…": a whole config file with placeholders, never secrets. */
export interface ConfigTemplate {
	id: string;
	label: Localized;
	detail: Localized;
	/** File name stem; the command appends `.mailaccounts.json` (and a number when the name is taken). */
	fileStem: string;
	/** The walkthrough that explains how to fill the placeholders in. */
	guide: string;
	content: MailAccountsFile;
}

const PLACEHOLDER_GUID = '00000000-0000-0000-0000-000000000000';

export const CONFIG_TEMPLATES: readonly ConfigTemplate[] = [
	{
		id: 'm365-oauth2-import',
		label: {
			en: 'Microsoft 365: import with OAuth2 (app-only)',
			de: 'Microsoft 365: Import mit OAuth2 (als Anwendung)',
		},
		detail: {
			en: 'A document or ERP importer reads a mailbox with its own app registration; no user password.',
			de: 'Ein Dokumenten- oder ERP-Import liest ein Postfach mit eigener App-Registrierung; kein Benutzerkennwort.',
		},
		fileStem: 'm365-import',
		guide: 'm365-oauth2-app-only',
		content: {
			accounts: [
				{
					id: 'm365-import',
					displayName: 'Microsoft 365 import',
					email: 'import@contoso.com',
					provider: 'microsoft365',
					mailbox: { type: 'shared' },
					auth: {
						method: 'oauth2',
						user: 'import@contoso.com',
						oauth2: {
							flow: 'client-credentials',
							tenant: PLACEHOLDER_GUID,
							clientId: PLACEHOLDER_GUID,
							clientSecret: '${secret:m365-import-client-secret}',
							scopes: ['https://outlook.office365.com/.default'],
						},
					},
					imap: {
						host: 'outlook.office365.com',
						port: 993,
						security: 'tls',
						folder: 'INBOX',
						afterImport: { action: 'move', target: 'Archive' },
					},
				},
			],
		},
	},
	{
		id: 'm365-smtp-device',
		label: { en: 'Microsoft 365: SMTP for a device', de: 'Microsoft 365: SMTP für ein Gerät' },
		detail: {
			en: 'A printer, scanner or router sends through smtp.office365.com with an app password.',
			de: 'Ein Drucker, Scanner oder Router sendet über smtp.office365.com mit einem App-Kennwort.',
		},
		fileStem: 'scan-to-mail',
		guide: 'smtp-device-app-password',
		content: {
			accounts: [
				{
					id: 'scan-to-mail',
					displayName: 'Scan-to-mail device',
					email: 'scanner@contoso.com',
					provider: 'microsoft365',
					auth: {
						method: 'app-password',
						user: 'scanner@contoso.com',
						password: '${secret:scan-to-mail-app-password}',
					},
					smtp: { host: 'smtp.office365.com', port: 587, security: 'starttls' },
				},
			],
		},
	},
	{
		id: 'gmail-app-password',
		label: { en: 'Gmail: app password', de: 'Gmail: App-Passwort' },
		detail: {
			en: 'IMAP and SMTP for a Gmail account with 2-Step Verification and an app password.',
			de: 'IMAP und SMTP für ein Gmail-Konto mit Bestätigung in zwei Schritten und App-Passwort.',
		},
		fileStem: 'gmail',
		guide: 'gmail-app-password',
		content: {
			accounts: [
				{
					id: 'gmail',
					displayName: 'Gmail',
					email: 'someone@gmail.com',
					provider: 'gmail',
					auth: { method: 'app-password', user: 'someone@gmail.com', password: '${secret:gmail-app-password}' },
					imap: { host: 'imap.gmail.com', port: 993, security: 'tls', folder: 'INBOX' },
					smtp: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
				},
			],
		},
	},
	{
		id: 'generic',
		label: { en: 'Any provider: IMAP and SMTP', de: 'Beliebiger Anbieter: IMAP und SMTP' },
		detail: {
			en: 'Host, port and security to fill in, password kept in secret storage.',
			de: 'Host, Port und Verschlüsselung zum Ausfüllen, Kennwort im Geheimnisspeicher.',
		},
		fileStem: 'mail',
		guide: 'mail-adapter-setup',
		content: {
			accounts: [
				{
					id: 'mail',
					displayName: 'Mail account',
					email: 'user@example.com',
					provider: 'generic',
					auth: { method: 'password', user: 'user@example.com', password: '${secret:mail-password}' },
					imap: {
						host: 'imap.example.com',
						port: 993,
						security: 'tls',
						folder: 'INBOX',
						afterImport: { action: 'delete', delayDays: 2 },
					},
					smtp: { host: 'smtp.example.com', port: 587, security: 'starttls' },
				},
			],
		},
	},
];

/** The file text of a template: tab-indented JSON with a final newline. */
export function renderTemplate(template: ConfigTemplate): string {
	return `${JSON.stringify(template.content, null, '\t')}\n`;
}
