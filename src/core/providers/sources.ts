/**
 * Where the provider facts come from. `date` is when the source was published or last updated as far as we know
 * (checked 2026-11-23); docs/rules.md cites the same ids.
 */
export const SOURCES = {
	'exo-basic-auth-deprecation': {
		url: 'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/deprecation-of-basic-authentication-exchange-online',
		title: 'Microsoft Learn: Deprecation of Basic authentication in Exchange Online',
		date: '2026-07-12',
	},
	'exo-basic-auth-start-here': {
		url: 'https://techcommunity.microsoft.com/t5/exchange-team-blog/exchange-online-email-applications-stopped-signing-in-or-keep/ba-p/3641943',
		title: 'Exchange Team Blog: email applications stopped signing in? Start here.',
		date: '2023-01-01',
	},
	'exo-smtp-auth-timeline': {
		url: 'https://techcommunity.microsoft.com/blog/exchange/updated-exchange-online-smtp-auth-basic-authentication-deprecation-timeline/4489835',
		title: 'Exchange Team Blog: Updated Exchange Online SMTP AUTH Basic Authentication Deprecation Timeline',
		date: '2026-01-27',
	},
	'exo-smtp-auth-settings': {
		url: 'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission',
		title: 'Microsoft Learn: Enable or disable authenticated client SMTP submission (SMTP AUTH) in Exchange Online',
		date: '2021-07-01',
	},
	'exo-oauth': {
		url: 'https://learn.microsoft.com/en-us/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth',
		title: 'Microsoft Learn: Authenticate an IMAP, POP or SMTP connection using OAuth',
		date: '2025-09-07',
	},
	'exo-devices': {
		url: 'https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/fix-issues-with-printers-scanners-and-lob-applications-that-send-email-using-off',
		title: 'Microsoft Learn: Fix issues with printers, scanners, and LOB applications that send email',
		date: '2021-07-01',
	},
	'exo-imap-settings': {
		url: 'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/pop3-and-imap4/pop3-and-imap4',
		title: 'Microsoft Learn: POP3 and IMAP4 in Exchange Online',
		date: '2021-07-01',
	},
	'exo-legacy-tls': {
		url: 'https://techcommunity.microsoft.com/t5/exchange-team-blog/deprecating-legacy-tls-and-endpoints-for-pop-and-imap-in/ba-p/4515201',
		title: 'Exchange Team Blog: Deprecating Legacy TLS and Endpoints for POP and IMAP in Exchange Online',
		date: '2026-04-27',
	},
	'exo-mail-flow-rules': {
		url: 'https://learn.microsoft.com/en-us/exchange/security-and-compliance/mail-flow-rules/mail-flow-rules',
		title:
			'Microsoft Learn: Mail flow rules (transport rules) in Exchange Online; the read-receipt rule follows vendor admin guides',
		date: '2026-11-23',
	},
	'entra-app-passwords': {
		url: 'https://learn.microsoft.com/en-us/entra/identity/authentication/howto-mfa-app-passwords',
		title:
			'Microsoft Learn: Enforce Microsoft Entra multifactor authentication with legacy applications using app passwords',
		date: '2026-04-06',
	},
	'entra-security-defaults': {
		url: 'https://learn.microsoft.com/en-us/entra/fundamentals/security-defaults',
		title: 'Microsoft Learn: Security defaults in Microsoft Entra ID',
		date: '2024-04-15',
	},
	'outlook-com-settings': {
		url: 'https://support.microsoft.com/en-us/office/pop-imap-and-smtp-settings-for-outlook-com-d088b986-291d-42b8-9564-9c414e2aa040',
		title: 'Microsoft Support: POP, IMAP, and SMTP settings for Outlook.com',
		date: '2024-06-11',
	},
	'outlook-com-modern-auth': {
		url: 'https://support.microsoft.com/en-us/office/modern-authentication-methods-now-needed-to-continue-syncing-outlook-email-in-non-microsoft-email-apps-c5d65390-9676-4763-b41f-d7986499a90d',
		title: 'Microsoft Support: Modern authentication methods now needed to continue syncing Outlook email',
		date: '2024-06-11',
	},
	'google-lsa-consumer': {
		url: 'https://support.google.com/accounts/answer/6010255',
		title: 'Google Account Help: Less secure apps & your Google Account',
		date: '2022-05-30',
	},
	'google-lsa-workspace': {
		url: 'https://support.google.com/a/answer/14114704',
		title: 'Google Workspace Admin Help: Transition from less secure apps to OAuth',
		date: '2025-03-14',
	},
	'google-app-passwords': {
		url: 'https://support.google.com/accounts/answer/185833',
		title: 'Google Account Help: Sign in with app passwords',
		date: '2026-11-23',
	},
	'google-xoauth2': {
		url: 'https://developers.google.com/workspace/gmail/imap/xoauth2-protocol',
		title: 'Google Developers: OAuth 2.0 Mechanism (XOAUTH2)',
		date: '2026-11-23',
	},
	ispdb: {
		url: 'https://github.com/thunderbird/autoconfig',
		title: 'Thunderbird ISPDB (autoconfig), MPL-2.0',
		date: '2026-03-12',
	},
	'apple-mail-settings': {
		url: 'https://support.apple.com/HT202304',
		title: 'Apple Support: iCloud Mail server settings for other email client apps',
		date: '2025-04-01',
	},
	'yahoo-app-passwords': {
		url: 'https://help.yahoo.com/kb/generate-manage-rd-party-passwords-sln15241.html',
		title: 'Yahoo Help: Generate and manage third-party app passwords',
		date: '2025-09-01',
	},
	'gmx-app-passwords': {
		url: 'https://hilfe.gmx.net/sicherheit/2fa/anwendungsspezifisches-passwort.html',
		title: 'GMX Hilfe: Anwendungsspezifisches Passwort',
		date: '2024-02-01',
	},
	'webde-2fa': {
		url: 'https://web.de/email/sicherheit/zwei-faktor-authentifizierung/',
		title: 'WEB.DE: Zwei-Faktor-Authentifizierung',
		date: '2024-02-01',
	},
	'ionos-2fa': {
		url: 'https://www.ionos.com/help/email/using-webmail/email-activate-and-configure-two-step-verification',
		title: 'IONOS Help: Activate and configure two-step verification',
		date: '2024-02-01',
	},
	'ionos-servers': {
		url: 'https://www.ionos.co.uk/help/email/glossary-email-terms-explained/outgoing-mail-server/',
		title: 'IONOS Help: Outgoing mail server (each country site names the hosts under its own domain)',
		date: '2026-11-23',
	},
	'fastmail-servers': {
		url: 'https://www.fastmail.com/help/technical/servernamesandports.html',
		title: 'Fastmail Help: Server names and ports',
		date: '2025-01-01',
	},
	'mailbox-org-settings': {
		url: 'https://kb.mailbox.org/en/private/e-mail/e-mail-configuration',
		title: 'mailbox.org Knowledge Base: E-mail configuration',
		date: '2026-01-01',
	},
	'zoho-app-passwords': {
		url: 'https://help.zoho.com/portal/en/kb/solo/communication/settings/articles/how-to-generate-app-specific-password',
		title: 'Zoho Help: How to generate an app-specific password',
		date: '2025-10-01',
	},
	'hosteurope-faq': {
		url: 'https://faq.hosteurope.de/',
		title: 'Host Europe FAQ (no first-party server table found)',
		date: '2026-11-23',
	},
} as const satisfies Record<string, { url: string; title: string; date: string }>;

export type SourceId = keyof typeof SOURCES;
