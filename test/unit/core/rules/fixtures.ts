// Realistic accounts the rule tests start from; each case changes only what its rule is about.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined };

/** Deep merge for plain objects; `undefined` in the patch removes the property, arrays are replaced. */
export function patch<T extends Json>(base: T, changes: { [key: string]: Json | undefined }): T {
	const result: { [key: string]: Json | undefined } = { ...(base as object) };
	for (const [key, value] of Object.entries(changes)) {
		const current = result[key];
		if (value === undefined) delete result[key];
		else if (isObject(value) && isObject(current)) result[key] = patch(current, value);
		else result[key] = value;
	}
	return result as T;
}

function isObject(value: unknown): value is { [key: string]: Json | undefined } {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Microsoft 365 app-only import: the shape the docs recommend; clean apart from nothing. */
export const M365_APP_ONLY = {
	id: 'dms-import',
	email: 'import@contoso.com',
	auth: {
		method: 'oauth2',
		user: 'import@contoso.com',
		oauth2: {
			flow: 'client-credentials',
			tenant: 'contoso.onmicrosoft.com',
			clientId: '6f1c2a9e-3b7d-4e2a-9c1f-0d5e8b7a6c43',
			clientSecret: '${secret:DMS_IMPORT_CLIENT_SECRET}',
			scopes: ['https://outlook.office365.com/.default'],
		},
	},
	imap: { host: 'outlook.office365.com', port: 993, security: 'tls', folder: 'INBOX' },
};

/** A multifunction printer sending through Exchange Online with an app password. */
export const M365_PRINTER = {
	id: 'scanner',
	email: 'scanner@contoso.com',
	auth: { method: 'app-password', user: 'scanner@contoso.com', password: '${secret:SCANNER_PASSWORD}' },
	smtp: { host: 'smtp.office365.com', port: 587, security: 'starttls', from: 'scanner@contoso.com' },
};

export const GMAIL = {
	id: 'gmail',
	email: 'office.mueller@gmail.com',
	auth: { method: 'app-password', user: 'office.mueller@gmail.com', password: '${secret:GMAIL_APP_PASSWORD}' },
	imap: { host: 'imap.gmail.com', port: 993, security: 'tls' },
	smtp: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
};

export const GMX = {
	id: 'gmx',
	email: 'praxis.schmidt@gmx.de',
	auth: { method: 'password', user: 'praxis.schmidt@gmx.de', password: '${env:GMX_PASSWORD}' },
	imap: { host: 'imap.gmx.net', port: 993, security: 'tls' },
	smtp: { host: 'mail.gmx.net', port: 587, security: 'starttls' },
};

/** A self-hosted server the provider table knows nothing about. */
export const GENERIC = {
	id: 'erp',
	email: 'erp@mueller-bau.de',
	auth: { method: 'password', user: 'erp@mueller-bau.de', password: '${secret:ERP_PASSWORD}' },
	imap: { host: 'mail.mueller-bau.de', port: 993, security: 'tls' },
	smtp: { host: 'mail.mueller-bau.de', port: 587, security: 'starttls' },
};
