/**
 * The mail-account config format: the product's contract. `schemas/mail-account.schema.json` is its
 * machine-readable twin; keep both in step (a unit test compares the enums).
 */

export const PROVIDER_IDS = [
	'microsoft365',
	'outlook-com',
	'gmail',
	'google-workspace',
	'icloud',
	'yahoo',
	'aol',
	'gmx',
	'web-de',
	't-online',
	'ionos',
	'strato',
	'posteo',
	'mailbox-org',
	'zoho',
	'fastmail',
	'hosteurope',
	'generic',
] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export const AUTH_METHODS = ['password', 'app-password', 'oauth2'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

export const OAUTH2_FLOWS = ['client-credentials', 'device-code', 'authorization-code'] as const;
export type OAuth2Flow = (typeof OAUTH2_FLOWS)[number];

export const SECURITY_MODES = ['tls', 'starttls', 'none'] as const;
export type SecurityMode = (typeof SECURITY_MODES)[number];

export const AFTER_IMPORT_ACTIONS = ['keep', 'mark-read', 'move', 'delete'] as const;
export type AfterImportAction = (typeof AFTER_IMPORT_ACTIONS)[number];

export const TLS_VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;
export type TlsVersion = (typeof TLS_VERSIONS)[number];

export interface TlsOptions {
	rejectUnauthorized?: boolean;
	minVersion?: TlsVersion;
	servername?: string;
}

export interface OAuth2Config {
	flow: OAuth2Flow;
	tenant?: string;
	clientId: string;
	clientSecret?: string;
	certificate?: { thumbprint: string; privateKeyFile: string };
	authority?: string;
	scopes?: string[];
}

export interface AuthConfig {
	method: AuthMethod;
	user: string;
	password?: string;
	oauth2?: OAuth2Config;
}

export interface ImapConfig {
	host: string;
	port: number;
	security: SecurityMode;
	folder?: string;
	includeSubfolders?: boolean;
	afterImport?: { action: AfterImportAction; target?: string; delayDays?: number };
	tls?: TlsOptions;
}

export interface SmtpConfig {
	host: string;
	port: number;
	security: SecurityMode;
	from?: string;
	sendAs?: string[];
	tls?: TlsOptions;
}

/** Per-account probe timeouts in milliseconds (defaults: connect 10 s, greeting 10 s, each later stage 20 s). */
export interface TimeoutConfig {
	connect?: number;
	greeting?: number;
	stage?: number;
}

export interface Account {
	id: string;
	displayName?: string;
	email: string;
	provider?: ProviderId;
	mailbox?: { type: 'user' | 'shared' };
	auth: AuthConfig;
	imap?: ImapConfig;
	smtp?: SmtpConfig;
	timeouts?: TimeoutConfig;
}

export interface MailAccountsFile {
	$schema?: string;
	accounts: Account[];
}

/** `${secret:NAME}` (stored outside the file) or `${env:NAME}`. */
export type SecretRef = { kind: 'secret' | 'env'; name: string };

const SECRET_REF = /^\$\{(secret|env):([A-Za-z_][A-Za-z0-9_.-]*)\}$/;

/** Parses a secret reference; a literal value (a plaintext secret) returns undefined. */
export function parseSecretRef(value: string): SecretRef | undefined {
	const match = SECRET_REF.exec(value.trim());
	return match ? { kind: match[1] as SecretRef['kind'], name: match[2] as string } : undefined;
}

/** Secret names derived from the account id (rule fixes and templates propose the same): `dms-import` → `DMS_IMPORT_PASSWORD`. */
export function secretName(accountId: string | undefined, suffix: string): string {
	const base = (accountId ?? 'ACCOUNT')
		.toUpperCase()
		.replace(/[^A-Z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '');
	return `${base || 'ACCOUNT'}_${suffix}`;
}
