import type { AuthMethod, ProviderId, SecurityMode } from '../config/model';
import { SOURCES, type SourceId } from '../facts/sources';
import type { AuthPolicy, Endpoint, MailProtocol, ProviderInfo } from './types';

const PASSWORDS: readonly AuthMethod[] = ['password', 'app-password'];

function ep(protocol: MailProtocol, host: string, port: number, security: SecurityMode, source: SourceId): Endpoint {
	return { protocol, host, port, security, source };
}

/** The usual pair of SMTP submission endpoints (465 implicit TLS and 587 STARTTLS) on one host. */
function smtpBoth(host: string, source: SourceId): Endpoint[] {
	return [ep('smtp', host, 465, 'tls', source), ep('smtp', host, 587, 'starttls', source)];
}

/** ISPDB lists smtp.gmail.com on 465 only; Google documents 587 with STARTTLS as well. */
const GMAIL_SMTP: Endpoint[] = [
	ep('smtp', 'smtp.gmail.com', 465, 'tls', 'ispdb'),
	ep('smtp', 'smtp.gmail.com', 587, 'starttls', 'google-imap-smtp'),
];

/** IONOS serves the same mail system under each country site's domain (imap.ionos.fr, smtp.ionos.co.uk, ...). */
const IONOS_COUNTRY_DOMAINS = ['ionos.co.uk', 'ionos.fr', 'ionos.es', 'ionos.it', 'ionos.ca', 'ionos.mx'];

const MICROSOFT_OAUTH2 = {
	appOnlyScope: 'https://outlook.office365.com/.default',
	delegatedScopes: {
		imap: 'https://outlook.office365.com/IMAP.AccessAsUser.All',
		smtp: 'https://outlook.office365.com/SMTP.Send',
	},
	refreshScope: 'offline_access',
	mailResources: ['outlook.office365.com', 'outlook.office.com', 'ps.outlook.com'],
	wrongResources: ['graph.microsoft.com'],
	multiTenantAliases: ['common', 'organizations', 'consumers'],
	source: 'exo-oauth',
} as const;

const EXO_IMAP_BASIC: AuthPolicy = {
	rule: 'exo-imap-basic-auth',
	protocols: ['imap'],
	methods: PASSWORDS,
	status: 'removed',
	milestone: 'exo-basic-auth-removed',
	walkthrough: 'm365-oauth2-app-only',
};

/**
 * Known providers. Order matters where two share a host: the first one wins when only the host is known
 * (outlook.office365.com is Microsoft 365 unless the address is an Outlook.com one; Google hosts are Workspace
 * unless the address is @gmail.com).
 */
export const KNOWN_PROVIDERS: readonly ProviderInfo[] = [
	{
		id: 'microsoft365',
		name: 'Microsoft 365 / Exchange Online',
		domains: ['onmicrosoft.com'],
		endpoints: [
			ep('imap', 'outlook.office365.com', 993, 'tls', 'exo-imap-settings'),
			ep('smtp', 'smtp.office365.com', 587, 'starttls', 'exo-imap-settings'),
			ep('smtp', 'smtp.office365.com', 25, 'starttls', 'exo-devices'),
			ep('smtp', 'smtp-legacy.office365.com', 587, 'starttls', 'exo-legacy-tls-smtp'),
			ep('imap', 'imap-legacy.office365.com', 993, 'tls', 'exo-legacy-tls-pop-imap'),
		],
		endpointsVerified: true,
		authPolicies: [
			EXO_IMAP_BASIC,
			{
				rule: 'exo-smtp-basic-auth-retirement',
				protocols: ['smtp'],
				methods: PASSWORDS,
				status: 'default-off',
				milestone: 'exo-smtp-basic-default-off',
				walkthrough: 'm365-smtp-after-basic-auth',
			},
		],
		appPassword: {
			required: false,
			format: {
				pattern: /^[a-z]{16}$/,
				shape: { en: '16 lowercase letters', de: '16 Kleinbuchstaben' },
				fact: 'ms-app-password-shape',
				source: 'azure-docs-47294',
			},
			prerequisites: {
				en: 'App passwords exist only for users with per-user (legacy) MFA, after an admin allowed them ("Allow users to create app passwords"); security defaults or Conditional Access MFA hide the option. An app password is a Basic-auth credential: it no longer works for IMAP and only works for SMTP AUTH while Basic SMTP AUTH is allowed for the mailbox.',
				de: 'App-Kennwörter gibt es nur für Benutzer mit MFA pro Benutzer (Legacy), nachdem ein Administrator sie erlaubt hat („Benutzern das Erstellen von App-Kennwörtern erlauben“); Sicherheitsstandards oder MFA per bedingtem Zugriff blenden die Option aus. Ein App-Kennwort gehört zu den Zugangsdaten der Standardauthentifizierung: Für IMAP funktioniert es nicht mehr, für SMTP AUTH nur, solange die Standardauthentifizierung für das Postfach erlaubt ist.',
			},
			walkthrough: 'm365-allow-app-passwords',
		},
		oauth2: MICROSOFT_OAUTH2,
		sharedMailboxPasswordLogin: { supported: false, source: 'exo-oauth', walkthrough: 'm365-shared-mailbox' },
		readReceiptsOnDelete: { source: 'exo-mail-flow-rules', walkthrough: 'm365-disable-read-receipts' },
		sendAsWalkthrough: 'm365-send-as',
		tlsMinimum: [
			{
				protocol: 'imap',
				fact: 'exo-pop-imap-legacy-tls-retirement',
				milestone: 'exo-pop-imap-legacy-tls-retirement',
			},
			{ protocol: 'smtp', fact: 'exo-smtp-legacy-tls' },
		],
	},
	{
		id: 'outlook-com',
		name: 'Outlook.com / Hotmail',
		domains: [
			'outlook.com',
			'hotmail.com',
			'live.com',
			'msn.com',
			'windowslive.com',
			'outlook.de',
			'hotmail.de',
			'live.de',
			'outlook.at',
			'outlook.fr',
			'hotmail.fr',
			'hotmail.co.uk',
			'live.co.uk',
			'outlook.it',
			'outlook.es',
		],
		endpoints: [
			ep('imap', 'outlook.office365.com', 993, 'tls', 'outlook-com-settings'),
			ep('smtp', 'smtp-mail.outlook.com', 587, 'starttls', 'outlook-com-settings'),
			ep('smtp', 'smtp.office365.com', 587, 'starttls', 'ispdb'),
		],
		endpointsVerified: true,
		authPolicies: [
			{
				rule: 'outlook-consumer-basic-auth',
				protocols: ['imap', 'smtp'],
				methods: PASSWORDS,
				status: 'removed',
				milestone: 'outlook-com-basic-off',
				walkthrough: 'm365-oauth2-delegated',
			},
		],
		oauth2: MICROSOFT_OAUTH2,
		access: {
			fact: 'outlook-com-imap-access',
			url: SOURCES['outlook-com-settings'].url,
		},
	},
	{
		id: 'google-workspace',
		name: 'Google Workspace',
		domains: [],
		endpoints: [
			ep('imap', 'imap.gmail.com', 993, 'tls', 'ispdb'),
			...GMAIL_SMTP,
			...smtpBoth('smtp-relay.gmail.com', 'google-lsa-workspace'),
		],
		endpointsVerified: true,
		authPolicies: [
			{
				rule: 'google-password-auth',
				protocols: ['imap', 'smtp'],
				methods: ['password'],
				status: 'removed',
				milestone: 'google-lsa-workspace-off',
				walkthrough: 'gmail-oauth2',
			},
		],
		appPassword: {
			required: false,
			format: {
				pattern: /^[a-z]{16}$/,
				shape: {
					en: '16 letters (shown in four groups of four)',
					de: '16 Buchstaben (in vier Vierergruppen angezeigt)',
				},
				fact: 'google-app-password-shape',
				source: 'google-app-passwords',
			},
		},
	},
	{
		id: 'gmail',
		name: 'Gmail',
		domains: ['gmail.com', 'googlemail.com'],
		endpoints: [ep('imap', 'imap.gmail.com', 993, 'tls', 'ispdb'), ...GMAIL_SMTP],
		endpointsVerified: true,
		authPolicies: [
			{
				rule: 'google-password-auth',
				protocols: ['imap', 'smtp'],
				methods: ['password'],
				status: 'removed',
				milestone: 'google-lsa-consumer-off',
				walkthrough: 'gmail-app-password',
			},
		],
		appPassword: {
			required: false,
			format: {
				pattern: /^[a-z]{16}$/,
				shape: {
					en: '16 letters (shown in four groups of four)',
					de: '16 Buchstaben (in vier Vierergruppen angezeigt)',
				},
				fact: 'google-app-password-shape',
				source: 'google-app-passwords',
			},
		},
	},
	{
		id: 'icloud',
		name: 'iCloud Mail',
		domains: ['icloud.com', 'me.com', 'mac.com'],
		endpoints: [
			ep('imap', 'imap.mail.me.com', 993, 'tls', 'apple-mail-settings'),
			ep('smtp', 'smtp.mail.me.com', 587, 'starttls', 'apple-mail-settings'),
		],
		endpointsVerified: true,
		authPolicies: [],
		appPassword: {
			required: true,
			format: {
				pattern: /^[a-z]{4}-[a-z]{4}-[a-z]{4}-[a-z]{4}$/,
				shape: {
					en: 'four groups of four letters (xxxx-xxxx-xxxx-xxxx)',
					de: 'vier Vierergruppen aus Buchstaben (xxxx-xxxx-xxxx-xxxx)',
				},
				source: 'apple-mail-settings',
			},
		},
	},
	{
		id: 'yahoo',
		name: 'Yahoo Mail',
		domains: ['yahoo.com', 'yahoo.de', 'yahoo.co.uk', 'ymail.com', 'rocketmail.com'],
		endpoints: [
			ep('imap', 'imap.mail.yahoo.com', 993, 'tls', 'ispdb'),
			// ISPDB lists only 465; Yahoo's own help names 587 too.
			ep('smtp', 'smtp.mail.yahoo.com', 465, 'tls', 'ispdb'),
			ep('smtp', 'smtp.mail.yahoo.com', 587, 'starttls', 'yahoo-imap-settings'),
		],
		endpointsVerified: true,
		authPolicies: [],
		appPassword: {
			required: true,
			format: {
				pattern: /^[a-z]{16}$/,
				shape: { en: '16 letters', de: '16 Buchstaben' },
				source: 'yahoo-app-passwords',
			},
		},
	},
	{
		id: 'aol',
		name: 'AOL Mail',
		domains: ['aol.com', 'aol.de'],
		endpoints: [ep('imap', 'imap.aol.com', 993, 'tls', 'ispdb'), ep('smtp', 'smtp.aol.com', 465, 'tls', 'ispdb')],
		endpointsVerified: false,
		authPolicies: [],
	},
	{
		id: 'gmx',
		name: 'GMX',
		domains: ['gmx.net', 'gmx.de', 'gmx.at', 'gmx.ch', 'gmx.eu', 'gmx.com'],
		endpoints: [
			ep('imap', 'imap.gmx.net', 993, 'tls', 'ispdb'),
			ep('imap', 'imap.gmx.net', 143, 'starttls', 'ispdb'),
			...smtpBoth('mail.gmx.net', 'ispdb'),
			ep('imap', 'imap.gmx.com', 993, 'tls', 'ispdb'),
			...smtpBoth('mail.gmx.com', 'ispdb'),
		],
		endpointsVerified: true,
		authPolicies: [],
		access: { fact: 'gmx-imap-access', url: 'https://hilfe.gmx.net/pop-imap/einschalten.html' },
	},
	{
		id: 'web-de',
		name: 'WEB.DE',
		domains: ['web.de'],
		endpoints: [
			ep('imap', 'imap.web.de', 993, 'tls', 'ispdb'),
			ep('imap', 'imap.web.de', 143, 'starttls', 'ispdb'),
			...smtpBoth('smtp.web.de', 'ispdb'),
		],
		endpointsVerified: true,
		authPolicies: [],
		access: { fact: 'webde-imap-access', url: 'https://hilfe.web.de/pop-imap/einschalten.html' },
	},
	{
		id: 't-online',
		name: 'Telekom (t-online.de)',
		domains: ['t-online.de', 'magenta.de'],
		endpoints: [
			ep('imap', 'secureimap.t-online.de', 993, 'tls', 'ispdb'),
			...smtpBoth('securesmtp.t-online.de', 'ispdb'),
		],
		endpointsVerified: true,
		authPolicies: [],
		access: {
			fact: 't-online-email-password',
			url: 'https://www.telekom.de/hilfe/apps-dienste/e-mail/programme/passwort-verwalten',
		},
	},
	{
		id: 'ionos',
		name: 'IONOS (1&1)',
		domains: ['online.de', 'onlinehome.de'],
		endpoints: [
			// ISPDB's 1und1 entry names only the 1und1.de hosts; IONOS names these under each site's own domain.
			ep('imap', 'imap.ionos.de', 993, 'tls', 'ionos-servers'),
			...smtpBoth('smtp.ionos.de', 'ionos-servers'),
			ep('imap', 'imap.ionos.com', 993, 'tls', 'ionos-servers'),
			...smtpBoth('smtp.ionos.com', 'ionos-servers'),
			ep('imap', 'imap.1und1.de', 993, 'tls', 'ispdb'),
			...smtpBoth('smtp.1und1.de', 'ispdb'),
			...IONOS_COUNTRY_DOMAINS.flatMap((domain) => [
				ep('imap', `imap.${domain}`, 993, 'tls', 'ionos-servers'),
				...smtpBoth(`smtp.${domain}`, 'ionos-servers'),
			]),
		],
		endpointsVerified: true,
		authPolicies: [],
	},
	{
		id: 'strato',
		name: 'Strato',
		domains: [],
		endpoints: [ep('imap', 'imap.strato.de', 993, 'tls', 'ispdb'), ...smtpBoth('smtp.strato.de', 'ispdb')],
		endpointsVerified: true,
		authPolicies: [],
	},
	{
		id: 'posteo',
		name: 'Posteo',
		domains: ['posteo.de', 'posteo.net', 'posteo.eu'],
		endpoints: [
			ep('imap', 'posteo.de', 993, 'tls', 'ispdb'),
			ep('imap', 'posteo.de', 143, 'starttls', 'ispdb'),
			...smtpBoth('posteo.de', 'ispdb'),
		],
		endpointsVerified: true,
		authPolicies: [],
	},
	{
		id: 'mailbox-org',
		name: 'mailbox.org',
		domains: ['mailbox.org'],
		endpoints: [
			ep('imap', 'imap.mailbox.org', 993, 'tls', 'mailbox-org-settings'),
			...smtpBoth('smtp.mailbox.org', 'mailbox-org-settings'),
		],
		endpointsVerified: false,
		authPolicies: [],
	},
	{
		id: 'zoho',
		name: 'Zoho Mail',
		domains: ['zoho.com', 'zohomail.com', 'zoho.eu', 'zohomail.eu'],
		endpoints: [
			ep('imap', 'imap.zoho.com', 993, 'tls', 'ispdb'),
			...smtpBoth('smtp.zoho.com', 'ispdb'),
			ep('imap', 'imap.zoho.eu', 993, 'tls', 'ispdb'),
			...smtpBoth('smtp.zoho.eu', 'ispdb'),
			ep('imap', 'imappro.zoho.com', 993, 'tls', 'zoho-app-passwords'),
			...smtpBoth('smtppro.zoho.com', 'zoho-app-passwords'),
		],
		endpointsVerified: true,
		authPolicies: [],
	},
	{
		id: 'fastmail',
		name: 'Fastmail',
		domains: ['fastmail.com', 'fastmail.fm'],
		endpoints: [
			ep('imap', 'imap.fastmail.com', 993, 'tls', 'fastmail-servers'),
			...smtpBoth('smtp.fastmail.com', 'fastmail-servers'),
		],
		endpointsVerified: true,
		authPolicies: [],
		appPassword: {
			required: true,
		},
	},
	{
		id: 'hosteurope',
		name: 'Host Europe',
		domains: [],
		endpoints: [
			ep('imap', 'imap.hosteurope.de', 993, 'tls', 'hosteurope-faq'),
			...smtpBoth('smtp.hosteurope.de', 'hosteurope-faq'),
		],
		endpointsVerified: false,
		authPolicies: [],
	},
];

const BY_ID = new Map<ProviderId, ProviderInfo>(KNOWN_PROVIDERS.map((p) => [p.id, p]));

export function providerById(id: ProviderId): ProviderInfo | undefined {
	return BY_ID.get(id);
}
