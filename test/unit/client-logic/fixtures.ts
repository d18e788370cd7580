/** A realistic two-account config (JSONC, comments and a trailing comma) as admins write them. */
export const TWO_ACCOUNTS = `{
	"$schema": "../schemas/mail-account.schema.json",
	// DMS import from the shared invoices mailbox
	"accounts": [
		{
			"id": "invoices",
			"email": "rechnungen@contoso.de",
			"provider": "microsoft365",
			"auth": {
				"method": "oauth2",
				"user": "rechnungen@contoso.de",
				"oauth2": { "flow": "client-credentials", "tenant": "contoso.onmicrosoft.com", "clientId": "0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9", "clientSecret": "\${secret:INVOICES_CLIENT_SECRET}" }
			},
			"imap": { "host": "outlook.office365.com", "port": 993, "security": "tls", "folder": "INBOX/Import" },
			"timeouts": { "connect": 5000 },
		},
		{
			"id": "scanner",
			"email": "scanner@example.org",
			"provider": "gmx",
			"auth": { "method": "password", "user": "scanner@example.org", "password": "\${secret:SCANNER_PASSWORD}" },
			"smtp": { "host": "mail.gmx.net", "port": 587, "security": "starttls" }
		}
	]
}
`;
