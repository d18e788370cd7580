import type { Localized } from '../../i18n';
import { FACTS_CHECKED } from '../../facts/registry';
import { SOURCES, type SourceId } from '../../facts/sources';
import type { GuideLink, GuideSetting } from '../types';

/** The day the "current status" notes were last checked against the vendors' announcements (the facts registry's). */
export const STATUS_AS_OF = FACTS_CHECKED;

/** A link to a page of the facts registry, so its URL lives in one place. */
export function sourceLink(id: SourceId, label: Localized): GuideLink {
	return { url: SOURCES[id].url, label };
}

/** Links used by more than one guide; each URL lives here once. */
export const LINKS = {
	smtpAuthToggle: {
		url: 'https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission',
		label: {
			en: 'Microsoft Learn: enable or disable SMTP AUTH in Exchange Online',
			de: 'Microsoft Learn: SMTP AUTH in Exchange Online ein- oder ausschalten',
		},
	},
	smtpBasicTimeline: {
		url: 'https://techcommunity.microsoft.com/blog/exchange/updated-exchange-online-smtp-auth-basic-authentication-deprecation-timeline/4489835',
		label: {
			en: 'Exchange Team Blog: SMTP AUTH basic authentication timeline (January 2026)',
			de: 'Exchange Team Blog: Zeitplan für SMTP AUTH mit Standardauthentifizierung (Januar 2026)',
		},
	},
	oauthImapSmtp: {
		url: 'https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth',
		label: {
			en: 'Microsoft Learn: authenticate IMAP, POP and SMTP with OAuth',
			de: 'Microsoft Learn: IMAP, POP und SMTP mit OAuth authentifizieren',
		},
	},
	appPasswordsEntra: {
		url: 'https://learn.microsoft.com/entra/identity/authentication/howto-mfa-app-passwords',
		label: {
			en: 'Microsoft Learn: app passwords for legacy applications',
			de: 'Microsoft Learn: App-Kennwörter für ältere Anwendungen',
		},
	},
	securityDefaults: {
		url: 'https://learn.microsoft.com/entra/fundamentals/security-defaults',
		label: { en: 'Microsoft Learn: security defaults', de: 'Microsoft Learn: Sicherheitsstandards' },
	},
	perUserMfa: {
		url: 'https://learn.microsoft.com/entra/identity/authentication/howto-mfa-userstates',
		label: {
			en: 'Microsoft Learn: per-user MFA states',
			de: 'Microsoft Learn: MFA-Status pro Benutzer',
		},
	},
	securityInfo: {
		url: 'https://mysignins.microsoft.com/security-info',
		label: { en: 'My Sign-Ins: Security info', de: 'Meine Anmeldungen: Sicherheitsinformationen' },
	},
	entraAdmin: {
		url: 'https://entra.microsoft.com/',
		label: { en: 'Microsoft Entra admin center', de: 'Microsoft Entra Admin Center' },
	},
	m365Admin: {
		url: 'https://admin.microsoft.com/',
		label: { en: 'Microsoft 365 admin center', de: 'Microsoft 365 Admin Center' },
	},
	exchangeAdmin: {
		url: 'https://admin.exchange.microsoft.com/',
		label: { en: 'Exchange admin center', de: 'Exchange Admin Center' },
	},
	sharedMailboxes: {
		url: 'https://learn.microsoft.com/exchange/collaboration-exo/shared-mailboxes',
		label: { en: 'Microsoft Learn: shared mailboxes', de: 'Microsoft Learn: Freigegebene Postfächer' },
	},
	devicesSendMail: {
		url: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365',
		label: {
			en: 'Microsoft Learn: let devices and applications send mail through Microsoft 365',
			de: 'Microsoft Learn: Geräte und Anwendungen über Microsoft 365 senden lassen',
		},
	},
	googleAppPasswords: {
		url: 'https://support.google.com/accounts/answer/185833',
		label: { en: 'Google help: sign in with app passwords', de: 'Google-Hilfe: Mit App-Passwörtern anmelden' },
	},
	googleLsaTransition: {
		url: 'https://support.google.com/a/answer/14114704',
		label: {
			en: 'Google Workspace help: from less secure apps to OAuth',
			de: 'Google Workspace-Hilfe: Von weniger sicheren Apps zu OAuth',
		},
	},
	googleXoauth2: {
		url: 'https://developers.google.com/workspace/gmail/imap/xoauth2-protocol',
		label: { en: 'Google developers: the XOAUTH2 mechanism', de: 'Google Developers: das XOAUTH2-Verfahren' },
	},
} as const satisfies Record<string, GuideLink>;

/** Microsoft 365 endpoints (mail-facts §1.6): the same for app-only, delegated and device setups. */
export const M365_SETTINGS = {
	imapHost: {
		label: { en: 'IMAP server', de: 'IMAP-Server' },
		value: 'outlook.office365.com',
	},
	imapPort: { label: { en: 'IMAP port and security', de: 'IMAP-Port und Verschlüsselung' }, value: '993, TLS' },
	smtpHost: { label: { en: 'SMTP server', de: 'SMTP-Server' }, value: 'smtp.office365.com' },
	smtpPort: {
		label: { en: 'SMTP port and security', de: 'SMTP-Port und Verschlüsselung' },
		value: '587, STARTTLS',
	},
} as const satisfies Record<string, GuideSetting>;
