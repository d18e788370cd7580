/**
 * Where every fact comes from (see registry.ts). `date` is when the source was published or last updated as far as we
 * know; `kind` says how much weight it carries: `primary` is the vendor's own documentation, blog or message center,
 * `secondary` a third-party article, GitHub thread or press summary (a field report, not the vendor's word).
 */
export const SOURCES = {
	'exo-basic-auth-deprecation': {
		url: 'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/deprecation-of-basic-authentication-exchange-online',
		title: 'Microsoft Learn: Deprecation of Basic authentication in Exchange Online',
		date: '2026-07-12',
		kind: 'primary',
	},
	'exo-basic-auth-start-here': {
		url: 'https://techcommunity.microsoft.com/t5/exchange-team-blog/exchange-online-email-applications-stopped-signing-in-or-keep/ba-p/3641943',
		title: 'Exchange Team Blog: email applications stopped signing in? Start here.',
		date: '2023-01-01',
		kind: 'primary',
	},
	'exo-smtp-auth-timeline': {
		url: 'https://techcommunity.microsoft.com/blog/exchange/updated-exchange-online-smtp-auth-basic-authentication-deprecation-timeline/4489835',
		title: 'Exchange Team Blog: Updated Exchange Online SMTP AUTH Basic Authentication Deprecation Timeline',
		date: '2026-01-27',
		kind: 'primary',
	},
	'exo-smtp-auth-settings': {
		url: 'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission',
		title: 'Microsoft Learn: Enable or disable authenticated client SMTP submission (SMTP AUTH) in Exchange Online',
		date: '2021-07-01',
		kind: 'primary',
	},
	'exo-oauth': {
		url: 'https://learn.microsoft.com/en-us/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth',
		title: 'Microsoft Learn: Authenticate an IMAP, POP or SMTP connection using OAuth',
		date: '2025-09-07',
		kind: 'primary',
	},
	'exo-devices': {
		url: 'https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/fix-issues-with-printers-scanners-and-lob-applications-that-send-email-using-off',
		title: 'Microsoft Learn: Fix issues with printers, scanners, and LOB applications that send email',
		date: '2021-07-01',
		kind: 'primary',
	},
	'exo-imap-settings': {
		url: 'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/pop3-and-imap4/pop3-and-imap4',
		title: 'Microsoft Learn: POP3 and IMAP4 in Exchange Online',
		date: '2021-07-01',
		kind: 'primary',
	},
	'exo-legacy-tls': {
		url: 'https://techcommunity.microsoft.com/t5/exchange-team-blog/deprecating-legacy-tls-and-endpoints-for-pop-and-imap-in/ba-p/4515201',
		title: 'Exchange Team Blog: Deprecating Legacy TLS and Endpoints for POP and IMAP in Exchange Online',
		date: '2026-04-27',
		kind: 'primary',
	},
	'exo-mail-flow-rules': {
		url: 'https://learn.microsoft.com/en-us/exchange/security-and-compliance/mail-flow-rules/mail-flow-rules',
		title:
			'Microsoft Learn: Mail flow rules (transport rules) in Exchange Online; the read-receipt rule follows vendor admin guides',
		date: '2026-11-23',
		kind: 'primary',
	},
	'entra-app-passwords': {
		url: 'https://learn.microsoft.com/en-us/entra/identity/authentication/howto-mfa-app-passwords',
		title:
			'Microsoft Learn: Enforce Microsoft Entra multifactor authentication with legacy applications using app passwords',
		date: '2026-04-06',
		kind: 'primary',
	},
	'entra-security-defaults': {
		url: 'https://learn.microsoft.com/en-us/entra/fundamentals/security-defaults',
		title: 'Microsoft Learn: Security defaults in Microsoft Entra ID',
		date: '2024-04-15',
		kind: 'primary',
	},
	'outlook-com-settings': {
		url: 'https://support.microsoft.com/en-us/office/pop-imap-and-smtp-settings-for-outlook-com-d088b986-291d-42b8-9564-9c414e2aa040',
		title: 'Microsoft Support: POP, IMAP, and SMTP settings for Outlook.com',
		date: '2024-06-11',
		kind: 'primary',
	},
	'outlook-com-modern-auth': {
		url: 'https://support.microsoft.com/en-us/office/modern-authentication-methods-now-needed-to-continue-syncing-outlook-email-in-non-microsoft-email-apps-c5d65390-9676-4763-b41f-d7986499a90d',
		title: 'Microsoft Support: Modern authentication methods now needed to continue syncing Outlook email',
		date: '2024-06-11',
		kind: 'primary',
	},
	'google-lsa-consumer': {
		url: 'https://support.google.com/accounts/answer/6010255',
		title: 'Google Account Help: Less secure apps & your Google Account',
		date: '2022-05-30',
		kind: 'primary',
	},
	'google-lsa-workspace': {
		url: 'https://support.google.com/a/answer/14114704',
		title: 'Google Workspace Admin Help: Transition from less secure apps to OAuth',
		date: '2025-03-14',
		kind: 'primary',
	},
	'google-app-passwords': {
		url: 'https://support.google.com/accounts/answer/185833',
		title: 'Google Account Help: Sign in with app passwords',
		date: '2026-11-23',
		kind: 'primary',
	},
	'google-xoauth2': {
		url: 'https://developers.google.com/workspace/gmail/imap/xoauth2-protocol',
		title: 'Google Developers: OAuth 2.0 Mechanism (XOAUTH2)',
		date: '2026-11-23',
		kind: 'primary',
	},
	'google-imap-smtp': {
		// Read on 2026-12-04 through Google's own mirror of the same path (developers.google.cn): its table lists
		// smtp.gmail.com 465 implicit SSL/TLS and 587 STARTTLS, imap.gmail.com 993.
		url: 'https://developers.google.com/workspace/gmail/imap/imap-smtp',
		title: 'Google for Developers: IMAP, POP, and SMTP (smtp.gmail.com on 465, or 587 with STARTTLS)',
		date: '2026-12-04',
		kind: 'primary',
	},
	'yahoo-imap-settings': {
		url: 'https://help.yahoo.com/kb/SLN4075.html',
		title: 'Yahoo Help: IMAP server settings for Yahoo Mail (smtp.mail.yahoo.com on 465 or 587)',
		date: '2026-12-04',
		kind: 'primary',
		unverified: 'written from memory; not found in the search index (third-party pages give the same ports)',
	},
	ispdb: {
		url: 'https://github.com/thunderbird/autoconfig',
		title: 'Thunderbird ISPDB (autoconfig), MPL-2.0',
		date: '2026-03-12',
		kind: 'primary',
	},
	'apple-mail-settings': {
		url: 'https://support.apple.com/HT202304',
		title: 'Apple Support: iCloud Mail server settings for other email client apps',
		date: '2025-04-01',
		kind: 'primary',
	},
	'yahoo-app-passwords': {
		url: 'https://help.yahoo.com/kb/generate-manage-rd-party-passwords-sln15241.html',
		title: 'Yahoo Help: Generate and manage third-party app passwords',
		date: '2025-09-01',
		kind: 'primary',
	},
	'gmx-app-passwords': {
		url: 'https://hilfe.gmx.net/sicherheit/2fa/anwendungsspezifisches-passwort.html',
		title: 'GMX Hilfe: Anwendungsspezifisches Passwort',
		date: '2024-02-01',
		kind: 'primary',
	},
	'webde-2fa': {
		url: 'https://web.de/email/sicherheit/zwei-faktor-authentifizierung/',
		title: 'WEB.DE: Zwei-Faktor-Authentifizierung',
		date: '2024-02-01',
		kind: 'primary',
	},
	'ionos-2fa': {
		url: 'https://www.ionos.com/help/email/using-webmail/email-activate-and-configure-two-step-verification',
		title: 'IONOS Help: Activate and configure two-step verification',
		date: '2024-02-01',
		kind: 'primary',
	},
	'ionos-servers': {
		url: 'https://www.ionos.co.uk/help/email/glossary-email-terms-explained/outgoing-mail-server/',
		title: 'IONOS Help: Outgoing mail server (each country site names the hosts under its own domain)',
		date: '2026-11-23',
		kind: 'primary',
	},
	'fastmail-servers': {
		url: 'https://www.fastmail.com/help/technical/servernamesandports.html',
		title: 'Fastmail Help: Server names and ports',
		date: '2025-01-01',
		kind: 'primary',
	},
	'mailbox-org-settings': {
		url: 'https://kb.mailbox.org/en/private/e-mail/e-mail-configuration',
		title: 'mailbox.org Knowledge Base: E-mail configuration',
		date: '2026-01-01',
		kind: 'primary',
	},
	'zoho-app-passwords': {
		url: 'https://help.zoho.com/portal/en/kb/solo/communication/settings/articles/how-to-generate-app-specific-password',
		title: 'Zoho Help: How to generate an app-specific password',
		date: '2025-10-01',
		kind: 'primary',
	},
	'hosteurope-faq': {
		url: 'https://faq.hosteurope.de/',
		title: 'Host Europe FAQ (no first-party server table found)',
		date: '2026-11-23',
		kind: 'primary',
	},

	'exo-legacy-tls-smtp': {
		url: 'https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/opt-in-exchange-online-endpoint-for-legacy-tls-using-smtp-auth',
		title: 'Microsoft Learn: Opt in to the Exchange Online endpoint for legacy TLS clients using SMTP AUTH',
		date: '2026-04-27',
		kind: 'primary',
	},
	'exo-legacy-tls-pop-imap': {
		url: 'https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/opt-in-exchange-online-endpoint-for-legacy-tls-using-pop3-or-imap4',
		title: 'Microsoft Learn: Opt in to the Exchange Online endpoint for legacy TLS clients using POP3 or IMAP4',
		date: '2026-04-27',
		kind: 'primary',
	},
	mc786329: {
		url: 'https://mc.merill.net/message/MC786329',
		title: 'Microsoft 365 Message Center MC786329: Basic auth for Client Submission (SMTP AUTH), mirror',
		date: '2026-01-27',
		kind: 'primary',
	},
	'exo-devices-send-mail': {
		url: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365',
		title: 'Microsoft Learn: How to set up a multifunction device or application to send email using Microsoft 365',
		date: '2026-11-23',
		kind: 'primary',
	},
	'cis-m365-benchmark': {
		url: 'https://www.cisecurity.org/benchmark/microsoft_365',
		title: 'CIS Microsoft 365 Foundations Benchmark v4.0.0 (EAC path of the SMTP AUTH organization switch)',
		date: '2025-01-01',
		kind: 'secondary',
	},
	'entra-error-codes': {
		url: 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes',
		title: 'Microsoft Learn: Microsoft Entra authentication and authorization error codes',
		date: '2024-04-24',
		kind: 'primary',
	},
	'graph-docs-14323': {
		url: 'https://github.com/microsoftgraph/microsoft-graph-docs/issues/14323',
		title: 'microsoft-graph-docs#14323: client credentials with a delegated scope fails with AADSTS1002012',
		date: '2026-12-03',
		kind: 'secondary',
	},
	'azure-docs-47294': {
		url: 'https://github.com/MicrosoftDocs/azure-docs/issues/47294',
		title: 'azure-docs#47294 (2020): the shape of Microsoft app passwords, 16 lowercase letters, as users report it',
		date: '2020-02-01',
		kind: 'secondary',
	},
	'exo-shared-mailbox-block-sign-in': {
		url: 'https://learn.microsoft.com/microsoft-365/lighthouse/m365-lighthouse-block-signin-shared-mailboxes',
		title: 'Microsoft Learn: Block sign-in for shared mailbox accounts',
		date: '2026-12-03',
		kind: 'primary',
	},
	'exo-hve': {
		url: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/high-volume-mails-m365',
		title: 'Microsoft Learn: Manage High Volume Email for Microsoft 365',
		date: '2026-12-03',
		kind: 'primary',
	},
	'acs-email': {
		url: 'https://learn.microsoft.com/azure/communication-services/concepts/email/email-overview',
		title: 'Microsoft Learn: Azure Communication Services Email overview',
		date: '2026-12-03',
		kind: 'primary',
		unverified: 'written from memory; not found in the search index',
	},
	'exo-reject-direct-send': {
		url: 'https://techcommunity.microsoft.com/blog/exchange/introducing-more-control-over-direct-send-in-exchange-online/4408790',
		title: 'Exchange Team Blog: Introducing more control over Direct Send in Exchange Online (RejectDirectSend)',
		date: '2025-08-12',
		kind: 'primary',
	},
	'exo-smtp-auth-clients-report': {
		url: 'https://learn.microsoft.com/exchange/monitoring/mail-flow-reports/mfr-smtp-auth-clients-report',
		title: 'Microsoft Learn: SMTP AUTH Clients report in the new Exchange admin center in Exchange Online',
		date: '2024-10-18',
		kind: 'primary',
	},
	'exo-ews-allow-list': {
		url: 'https://petri.com/exchange-online-ews-allow-list-retirement/',
		title:
			'Petri: Exchange Online EWS allow list (EWSEnabled with the EWSAllowedAppIDs allow list) ahead of the October 2026 block, quoting the Exchange team',
		date: '2026-06-01',
		kind: 'secondary',
	},
	'exo-ews-retirement': {
		url: 'https://particlenews.net/story/microsoft-sets-phaseout-of-exchange-online-ews-blocking-in-october-2026-and-ending-april-2027',
		title:
			'Press summary of the Exchange Team Blog and message-center posts: EWS in Exchange Online blocked from October 2026, off in April 2027',
		date: '2026-02-01',
		kind: 'secondary',
	},
	'exo-rbac-applications': {
		url: 'https://learn.microsoft.com/exchange/permissions-exo/application-rbac',
		title: 'Microsoft Learn: Role Based Access Control for Applications in Exchange Online',
		date: '2026-12-03',
		kind: 'primary',
	},
	'exo-smtp-app-rbac': {
		url: 'https://learn.microsoft.com/exchange/client-developer/legacy-protocols/smtp-app-rbac-onboarding',
		title: 'Microsoft Learn: SMTP Onboarding to App RBAC (role "Application SMTP.SendAsApp" with a management scope)',
		date: '2025-10-17',
		kind: 'primary',
	},
	'graph-application-access-policy': {
		url: 'https://learn.microsoft.com/powershell/module/exchange/new-applicationaccesspolicy',
		title:
			'Microsoft Learn: New-ApplicationAccessPolicy (Graph, EWS and Outlook REST only; replaced by RBAC for Applications)',
		date: '2026-12-03',
		kind: 'primary',
	},
	'entra-admin-consent': {
		url: 'https://learn.microsoft.com/entra/identity/enterprise-apps/grant-admin-consent',
		title: 'Microsoft Learn: Grant tenant-wide admin consent to an application',
		date: '2026-12-03',
		kind: 'primary',
	},
	'entra-tap': {
		url: 'https://learn.microsoft.com/powershell/module/microsoft.graph.identity.signins/new-mguserauthenticationtemporaryaccesspassmethod',
		title: 'Microsoft Learn: New-MgUserAuthenticationTemporaryAccessPassMethod (create a Temporary Access Pass)',
		date: '2026-12-03',
		kind: 'primary',
	},
	'entra-revoke-sessions': {
		url: 'https://learn.microsoft.com/powershell/module/microsoft.graph.users.actions/revoke-mgusersigninsession',
		title: 'Microsoft Learn: Revoke-MgUserSignInSession (invalidates refresh tokens and browser session cookies)',
		date: '2026-12-03',
		kind: 'primary',
	},
	'entra-user-auth-settings': {
		url: 'https://learn.microsoft.com/entra/identity/authentication/howto-mfa-userdevicesettings',
		title:
			'Microsoft Learn: Manage user authentication methods settings (require re-registration, delete existing app passwords)',
		date: '2026-12-03',
		kind: 'primary',
	},
	'entra-legacy-mfa-policies': {
		url: 'https://learn.microsoft.com/entra/identity/authentication/concept-authentication-methods-manage',
		title: 'Microsoft Learn: Manage authentication methods (retirement of the legacy MFA and SSPR policies)',
		date: '2023-09-27',
		kind: 'primary',
	},
} as const satisfies Record<string, Source>;

/** A published page a fact rests on. */
export interface Source {
	url: string;
	title: string;
	/** Published or last updated (YYYY-MM-DD), as far as known. */
	date: string;
	kind: 'primary' | 'secondary';
	/** Why the URL could not be confirmed: written from memory and not found when the registry was checked. */
	unverified?: string;
}

export type SourceId = keyof typeof SOURCES;
