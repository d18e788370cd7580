import type { Lang, Localized } from '../i18n';
import { type Account, secretName } from './model';

/** A value the user is expected to replace: a tab stop in the editor snippet, its default in a new file. */
export class Placeholder {
	constructor(
		readonly tabStop: number,
		readonly value: string,
	) {}
}

/** One of a few fixed values: a drop-down in the editor snippet, the first option in a new file. */
export class Choice {
	constructor(
		readonly tabStop: number,
		readonly options: readonly [string, ...string[]],
	) {}
}

/** A `${secret:NAME}` reference: templates never hold a secret value. */
export class SecretReference {
	constructor(readonly name: string) {}

	get reference(): string {
		return `\${secret:${this.name}}`;
	}
}

/** A config value in which any string may be a placeholder, a choice or a secret reference. */
export type Templated<T> = T extends string
	? T | Placeholder | Choice | SecretReference
	: T extends readonly (infer U)[]
		? Templated<U>[]
		: T extends object
			? { [K in keyof T]: Templated<T[K]> }
			: T;

/**
 * One account skeleton, the single source of the editor's `defaultSnippets` (schema-snippets.ts) and of the files
 * "Mail: New Mail Account Config…" writes (walkthroughs/templates.ts).
 */
export interface AccountTemplate {
	id: string;
	label: Localized;
	description: Localized;
	account: Templated<Account>;
	/**
	 * Offered by "New Mail Account Config…" too, with the walkthrough that explains how to fill the placeholders in.
	 * The file is named after the account id.
	 */
	newConfigGuide?: string;
}

const p = (tabStop: number, value: string): Placeholder => new Placeholder(tabStop, value);
const secret = (name: string): SecretReference => new SecretReference(name);

/** The client ID templates and fixes write until the user enters the app's own (flagged by a rule). */
export const PLACEHOLDER_GUID = '00000000-0000-0000-0000-000000000000';
const M365_APP_ONLY_SCOPE = 'https://outlook.office365.com/.default';

export const ACCOUNT_TEMPLATES: readonly AccountTemplate[] = [
	{
		id: 'm365-oauth2-import',
		label: { en: 'Microsoft 365: import with OAuth2 (app-only)', de: 'Microsoft 365: Import mit OAuth2 (Nur-App)' },
		description: {
			en: 'A document or ERP importer reads an Exchange Online mailbox with its own Entra app (client credentials, IMAP.AccessAsApp); no user password.',
			de: 'Ein Dokumenten- oder ERP-Import liest ein Exchange Online-Postfach mit eigener Entra-App (Clientanmeldeinformationen, IMAP.AccessAsApp); kein Benutzerkennwort.',
		},
		newConfigGuide: 'm365-oauth2-app-only',
		account: {
			id: p(1, 'm365-import'),
			displayName: p(2, 'Microsoft 365 import'),
			email: p(3, 'import@contoso.com'),
			provider: 'microsoft365',
			auth: {
				method: 'oauth2',
				user: p(3, 'import@contoso.com'),
				oauth2: {
					flow: 'client-credentials',
					tenant: p(4, 'contoso.onmicrosoft.com'),
					clientId: p(5, PLACEHOLDER_GUID),
					clientSecret: secret(secretName('m365-import', 'CLIENT_SECRET')),
					scopes: [M365_APP_ONLY_SCOPE],
				},
			},
			imap: {
				host: 'outlook.office365.com',
				port: 993,
				security: 'tls',
				folder: p(6, 'INBOX'),
				afterImport: { action: 'move', target: p(7, 'Imported') },
			},
		},
	},
	{
		id: 'm365-shared-mailbox',
		label: { en: 'Microsoft 365: shared mailbox', de: 'Microsoft 365: freigegebenes Postfach' },
		description: {
			en: 'Import from a shared mailbox: the Entra app needs FullAccess on it; the shared mailbox address is the login.',
			de: 'Import aus einem freigegebenen Postfach: Die Entra-App braucht Vollzugriff darauf; die Adresse des Postfachs ist der Anmeldename.',
		},
		account: {
			id: p(1, 'invoices'),
			displayName: p(2, 'Invoices (shared mailbox)'),
			email: p(3, 'invoices@contoso.com'),
			provider: 'microsoft365',
			mailbox: { type: 'shared' },
			auth: {
				method: 'oauth2',
				user: p(3, 'invoices@contoso.com'),
				oauth2: {
					flow: 'client-credentials',
					tenant: p(4, 'contoso.onmicrosoft.com'),
					clientId: p(5, PLACEHOLDER_GUID),
					clientSecret: secret(secretName('invoices', 'CLIENT_SECRET')),
					scopes: [M365_APP_ONLY_SCOPE],
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
		id: 'm365-smtp-device',
		label: { en: 'Microsoft 365: SMTP for a device', de: 'Microsoft 365: SMTP für ein Gerät' },
		description: {
			en: 'A printer, scanner or router sends through smtp.office365.com:587 with STARTTLS and an app password. Basic authentication for SMTP AUTH is being retired: plan OAuth2 or a way to send without a password login.',
			de: 'Ein Drucker, Scanner oder Router sendet über smtp.office365.com:587 mit STARTTLS und App-Kennwort. Die Standardauthentifizierung für SMTP AUTH läuft aus: OAuth2 oder einen Versandweg ohne Kennwortanmeldung einplanen.',
		},
		newConfigGuide: 'smtp-device-app-password',
		account: {
			id: p(1, 'scan-to-mail'),
			displayName: p(2, 'Scan-to-mail device'),
			email: p(3, 'scanner@contoso.com'),
			provider: 'microsoft365',
			auth: {
				method: 'app-password',
				user: p(3, 'scanner@contoso.com'),
				password: secret(secretName('scan-to-mail', 'PASSWORD')),
			},
			smtp: { host: 'smtp.office365.com', port: 587, security: 'starttls', from: p(3, 'scanner@contoso.com') },
		},
	},
	{
		id: 'gmail-app-password',
		label: { en: 'Gmail: app password', de: 'Gmail: App-Passwort' },
		description: {
			en: 'IMAP and SMTP for a Gmail account with 2-Step Verification and a 16-letter app password.',
			de: 'IMAP und SMTP für ein Gmail-Konto mit Bestätigung in zwei Schritten und 16-stelligem App-Passwort.',
		},
		newConfigGuide: 'gmail-app-password',
		account: {
			id: p(1, 'gmail'),
			displayName: p(2, 'Gmail'),
			email: p(3, 'someone@gmail.com'),
			provider: 'gmail',
			auth: {
				method: 'app-password',
				user: p(3, 'someone@gmail.com'),
				password: secret(secretName('gmail', 'PASSWORD')),
			},
			imap: { host: 'imap.gmail.com', port: 993, security: 'tls', folder: 'INBOX' },
			smtp: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
		},
	},
	{
		id: 'google-workspace-oauth2',
		label: { en: 'Google Workspace with OAuth2', de: 'Google Workspace mit OAuth2' },
		description: {
			en: 'Google Workspace mailbox with an OAuth2 client (scope https://mail.google.com/).',
			de: 'Google-Workspace-Postfach mit einem OAuth2-Client (Scope https://mail.google.com/).',
		},
		account: {
			id: p(1, 'workspace'),
			email: p(2, 'office@example.com'),
			provider: 'google-workspace',
			auth: {
				method: 'oauth2',
				user: p(2, 'office@example.com'),
				oauth2: {
					flow: 'authorization-code',
					clientId: p(3, '1234567890-abc.apps.googleusercontent.com'),
					clientSecret: secret(secretName('workspace', 'CLIENT_SECRET')),
					scopes: ['https://mail.google.com/'],
				},
			},
			imap: { host: 'imap.gmail.com', port: 993, security: 'tls', folder: 'INBOX' },
			smtp: { host: 'smtp.gmail.com', port: 587, security: 'starttls' },
		},
	},
	{
		id: 'gmx-web-de',
		label: { en: 'GMX / WEB.DE', de: 'GMX / WEB.DE' },
		description: {
			en: 'GMX or WEB.DE mailbox. Switch on POP3/IMAP access once in the web settings first.',
			de: 'GMX- oder WEB.DE-Postfach. Vorher einmal den Zugriff per POP3/IMAP in den Web-Einstellungen einschalten.',
		},
		account: {
			id: p(1, 'gmx'),
			email: p(2, 'someone@gmx.de'),
			provider: new Choice(3, ['gmx', 'web-de']),
			auth: { method: 'password', user: p(2, 'someone@gmx.de'), password: secret(secretName('gmx', 'PASSWORD')) },
			imap: { host: new Choice(4, ['imap.gmx.net', 'imap.web.de']), port: 993, security: 'tls', folder: 'INBOX' },
			smtp: { host: new Choice(5, ['mail.gmx.net', 'smtp.web.de']), port: 587, security: 'starttls' },
		},
	},
	{
		id: 'generic',
		label: { en: 'Any provider: IMAP and SMTP', de: 'Beliebiger Anbieter: IMAP und SMTP' },
		description: {
			en: 'Any provider: IMAP on 993 with TLS, SMTP submission on 587 with STARTTLS; host names to fill in, password kept in secret storage.',
			de: 'Beliebiger Anbieter: IMAP auf 993 mit TLS, SMTP-Einlieferung auf 587 mit STARTTLS; Hostnamen zum Ausfüllen, Kennwort im Geheimnisspeicher.',
		},
		newConfigGuide: 'mail-adapter-setup',
		account: {
			id: p(1, 'mail'),
			displayName: p(2, 'Mail account'),
			email: p(3, 'user@example.com'),
			provider: 'generic',
			auth: { method: 'password', user: p(3, 'user@example.com'), password: secret(secretName('mail', 'PASSWORD')) },
			imap: {
				host: p(4, 'imap.example.com'),
				port: 993,
				security: 'tls',
				folder: 'INBOX',
				afterImport: { action: 'delete', delayDays: 2 },
			},
			smtp: { host: p(5, 'smtp.example.com'), port: 587, security: 'starttls' },
		},
	},
];

/** Replaces placeholders, choices and secret references bottom-up; objects and arrays are rebuilt. */
function expand(value: unknown, leaf: (marker: Placeholder | Choice | SecretReference | string) => unknown): unknown {
	if (value instanceof Placeholder || value instanceof Choice || value instanceof SecretReference) return leaf(value);
	if (typeof value === 'string') return leaf(value);
	if (Array.isArray(value)) return value.map((v) => expand(v, leaf));
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expand(v, leaf)]));
	}
	return value;
}

/** The account as a new file holds it: each placeholder at its default, the first choice, secret references. */
export function plainAccount(template: AccountTemplate): Account {
	// The markers stand in for strings only, so replacing them yields the Account the template is typed after.
	return expand(template.account, (v) =>
		v instanceof Placeholder
			? v.value
			: v instanceof Choice
				? v.options[0]
				: v instanceof SecretReference
					? v.reference
					: v,
	) as Account;
}

/** Text that JSON writes without escapes and the snippet syntax reads literally. */
function isSimple(text: string): boolean {
	return JSON.stringify(text).length === text.length + 2 && !/[$}]/.test(text);
}

/** Escapes text for VS Code's snippet syntax, where `$`, `}` and `\` are special (in a choice: `,`, `|` and `\`). */
function snippetText(text: string, special = /[$}\\]/g): string {
	return text.replace(special, '\\$&');
}

/** The characters of a JSON string literal without its quotes: `a"b` → `a\"b`. */
function jsonInner(text: string): string {
	return JSON.stringify(text).slice(1, -1);
}

/**
 * The account as a `defaultSnippets` body. VS Code's JSON language service writes each string as JSON text (quotes
 * and escapes added) and then expands the whole as a snippet; a string starting with `^` goes in as is. So a
 * placeholder becomes `${n:default}` and a choice `${n|a,b|}`, and a string with a character that JSON or the snippet
 * syntax would escape (the `$` of a secret reference, a quote, a backslash) is written raw: JSON text escaped for the
 * snippet syntax. Plain strings stay readable in the committed schema.
 */
export function snippetBody(template: AccountTemplate): Record<string, unknown> {
	return expand(template.account, (v) => {
		if (v instanceof Placeholder) {
			const field = `\${${v.tabStop}:${snippetText(jsonInner(v.value))}}`;
			return isSimple(v.value) ? field : `^"${field}"`;
		}
		if (v instanceof Choice) {
			const options = v.options.map((o) => snippetText(jsonInner(o), /[\\,|]/g));
			const field = `\${${v.tabStop}|${options.join(',')}|}`;
			return v.options.every((o) => isSimple(o) && !/[,|]/.test(o)) ? field : `^"${field}"`;
		}
		const text = v instanceof SecretReference ? v.reference : v;
		return isSimple(text) ? text : `^${snippetText(JSON.stringify(text))}`;
	}) as Record<string, unknown>;
}

/** The schema's `defaultSnippets` for an account, in one language. */
export function accountSnippets(lang: Lang): { label: string; description: string; body: Record<string, unknown> }[] {
	return ACCOUNT_TEMPLATES.map((t) => ({
		label: t.label[lang],
		description: t.description[lang],
		body: snippetBody(t),
	}));
}

const FILE_SNIPPET_LABEL: Localized = { en: 'New file: {label}', de: 'Neue Datei: {label}' };

/** The schema's top-level `defaultSnippets`: a whole file with one account, offered in an empty config file. */
export function fileSnippets(lang: Lang): { label: string; description: string; body: Record<string, unknown> }[] {
	return accountSnippets(lang).map((s) => ({
		...s,
		label: FILE_SNIPPET_LABEL[lang].replace('{label}', s.label),
		body: { accounts: [s.body] },
	}));
}
