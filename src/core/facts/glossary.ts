import type { Lang } from '../i18n';

/**
 * Whose words a text uses. Microsoft's and Google's German UIs name the same thing differently ("App-Kennwort" at
 * Microsoft, "App-Passwort" at Google), so a term can depend on the provider a text is about. `generic` texts (no
 * provider, or one that comes in as `{provider}`) follow Microsoft's wording where the vendors differ, except for
 * "Kennwort"/"Passwort", which such a text may choose but not mix; `mixed` texts name providers of both kinds.
 */
export type TermScope = 'microsoft' | 'google' | 'other' | 'generic' | 'mixed';

export interface GlossaryEntry {
	/** The English term, as the texts write it (US spelling). */
	en: string;
	/** The one German term (per scope where the vendors differ), as the vendor's German UI shows it. */
	de: string;
	/** Where the German term comes from: the vendor UI or documentation it follows. */
	basis: string;
	/** Variants that must not appear in German texts of the scopes listed (all scopes when `scopes` is absent). */
	wrong: readonly RegExp[];
	scopes?: readonly TermScope[];
}

const KENNWORT = /[Kk]ennw[oö]rt/;
const PASSWORT = /[Pp]assw[oö]rt/;
/** Where a term follows Microsoft's German UI although another vendor's differs. */
/** Where a term follows Microsoft's German UI although another vendor's differs. */
const MICROSOFT_WORDING: readonly TermScope[] = ['microsoft', 'generic'];
const OTHER_PROVIDERS: readonly TermScope[] = ['google', 'other'];

/**
 * English term → the single German term (mail-facts §8.13: Microsoft 365 and Entra German UI; Google's own German UI
 * for Google). A unit test scans every user-facing German string for the `wrong` variants; quoted English server
 * replies, code, commands and URLs are left out of the scan (see `scannableText`).
 */
export const GLOSSARY: readonly GlossaryEntry[] = [
	{
		en: 'Basic authentication',
		de: 'Standardauthentifizierung',
		basis: 'Microsoft 365 / Exchange German UI and Learn',
		wrong: [
			/Basic[- ]Auth(?![a-z])/,
			/Basic-Authentifizierung/,
			/Basis-?[Aa]uthentifizierung/,
			/[Ee]infache[nrs]? Authentifizierung/,
			/Basic-SMTP/,
			/(?<!„)\bBasic\b(?!“| authentication)/,
		],
	},
	{
		en: 'modern authentication',
		de: 'moderne Authentifizierung',
		basis: 'Microsoft 365 German UI',
		wrong: [/Modern[- ]Auth/],
	},
	{
		en: 'app-only (access without a user)',
		de: 'Nur-App (Nur-App-Zugriff, Nur-App-Anmeldung)',
		basis: 'Microsoft Learn German: "Nur-App-Authentifizierung"',
		wrong: [
			/\bApp-only\b/i,
			/(?<!-)\b[Nn]ur (?:mit )?(?:der )?App\b(?!-)/,
			/\bals Anwendung\b/,
			/(?<!Nur-)\bApp-Zugriff/,
			/\breine[nrs]? App\b/,
		],
	},
	{
		en: 'client secret',
		de: 'geheimer Clientschlüssel (Google: Clientschlüssel)',
		basis: 'Entra German UI "Neuer geheimer Clientschlüssel"; Google Cloud Console German "Clientschlüssel"',
		wrong: [/Client-?[Gg]eheimnis/, /Client[- ]Secret/i, /geheime[nrms]? Schlüssel/],
	},
	{
		en: 'secret storage',
		de: 'Geheimnisspeicher',
		basis: 'VS Code German UI',
		wrong: [/Secret-Speicher/i, /Secret Storage/i],
	},
	{
		en: 'client secret (Microsoft)',
		de: 'geheimer Clientschlüssel',
		basis: 'Entra German UI "Zertifikate & Geheimnisse > Neuer geheimer Clientschlüssel"',
		wrong: [/(?<!geheime[nrms]? )Clientschlüssel/],
		scopes: MICROSOFT_WORDING,
	},
	{
		en: 'client credentials',
		de: 'Clientanmeldeinformationen',
		basis: 'Microsoft Learn German "Flow für Clientanmeldeinformationen"',
		wrong: [/Client[- ]Credentials/],
	},
	{
		en: 'password, app password (Microsoft)',
		de: 'Kennwort, App-Kennwort',
		basis: 'Microsoft 365 and Entra German UI "App-Kennwort"',
		wrong: [PASSWORT],
		scopes: ['microsoft'],
	},
	{
		en: 'password, app password (Google and other providers)',
		de: 'Passwort, App-Passwort',
		basis: 'Google Account German UI "App-Passwörter"; GMX, WEB.DE, Apple, Yahoo "Passwort"',
		wrong: [KENNWORT],
		scopes: OTHER_PROVIDERS,
	},
	{
		en: 'tenant',
		de: 'Mandant',
		basis: 'Microsoft 365 and Entra German UI "Mandanten-ID"',
		wrong: [/\bTenants?\b/, /Tenant-ID/],
	},
	{
		en: 'security defaults',
		de: 'Sicherheitsstandards',
		basis: 'Entra German UI',
		wrong: [/Sicherheitsvoreinstellung/, /Sicherheitsstandardwerte/, /Security[- ]Defaults/i],
	},
	{
		en: 'per-user MFA',
		de: 'MFA pro Benutzer',
		basis: 'Microsoft 365 German UI',
		wrong: [/benutzerbezogene[nrs]? MFA/, /Per-User-MFA/i, /MFA pro Nutzer/],
	},
	{
		en: 'service principal',
		de: 'Dienstprinzipal',
		basis: 'Entra German UI',
		wrong: [/Service[- ]Principal/i, /Dienstprinzipal-Objekt/],
	},
	{
		en: 'admin consent',
		de: 'Administratorzustimmung',
		basis: 'Entra German UI "Administratorzustimmung für <Mandant> erteilen"',
		wrong: [/Admin-?[Zz]ustimmung/, /Administrator-Zustimmung/, /Admin[- ]Consent/i],
	},
	{
		en: 'Conditional Access',
		de: 'bedingter Zugriff',
		basis: 'Entra German UI',
		wrong: [/Conditional Access/i],
	},
	{
		en: 'shared mailbox',
		de: 'freigegebenes Postfach',
		basis: 'Microsoft 365 German UI',
		wrong: [/geteilte[nmrs]? Postfach/, /gemeinsame[nmrs]? Postfach/, /Shared[- ]Mailbox/i],
	},
	{
		en: 'Send As',
		de: 'Senden als',
		basis: 'Microsoft 365 German UI',
		wrong: [/\bSend[- ]As\b/, /Senden-als-/, /SendAs-Recht/],
	},
	{
		en: 'Full Access',
		de: 'Vollzugriff',
		basis: 'Microsoft 365 German UI',
		wrong: [/Vollständige[nmr]? Zugriff/, /\bFull ?Access\b/],
	},
	{
		en: 'mail flow rule',
		de: 'Nachrichtenflussregel (Transportregel)',
		basis: 'Exchange admin center German UI',
		wrong: [/E-Mail-Flussregel/, /Mailflussregel/, /Mail-Flow-Regel/i],
	},
	{
		en: 'block sign-in',
		de: 'Anmeldung blockieren',
		basis: 'Microsoft 365 German UI',
		wrong: [/Anmeldung (?:zu )?sperren/],
	},
	{
		en: 'Temporary Access Pass',
		de: 'Temporärer Zugriffspass',
		basis: 'Entra German UI and Microsoft Learn German ("temporärer Zugriffspass")',
		wrong: [/[Bb]efristete[rnm]? Zugriffspass/, /Temporary Access Pass/],
	},
	{
		en: 'security info',
		de: 'Sicherheitsinformationen',
		basis: 'My Sign-Ins German UI',
		wrong: [/Sicherheitsinfo\b/],
	},
	{
		en: 'domain',
		de: 'Domäne (Google: Domain)',
		basis: 'Microsoft 365 German UI "Domänen"; Google German UI "Domain"',
		wrong: [/(?<![\w-])Domains?\b/, /-Domain\b/],
		scopes: MICROSOFT_WORDING,
	},
	{
		en: 'allow list',
		de: 'Zulassungsliste',
		basis: 'Microsoft 365 German UI',
		wrong: [/Positivliste/, /Whitelist/i, /Allowlist/i],
	},
	{
		en: 'token (plural)',
		de: 'Token (Plural: Token)',
		basis: 'Microsoft Learn German',
		wrong: [/[Tt]okens\b/],
	},
	{
		en: 'transcript (of a connection test)',
		de: 'Mitschnitt',
		basis: 'our own: "Protokoll" is the extension log (Show Log)',
		wrong: [/geschwärzte[nsm]? Protokoll/, /Protokoll \(geschwärzt\)/, /SMTP-Protokoll nach/],
	},
	{
		en: 'confidence (of an explanation match)',
		de: 'Treffersicherheit',
		basis: 'our own: "Sicherheit" alone reads as "security"',
		wrong: [/(?<![\wäöüÄÖÜß-])Sicherheit:? *(?:\{\w+\}|\d+) ?%/],
	},
	{
		en: 'two-step verification / two-factor authentication',
		de: 'Bestätigung in zwei Schritten (Google), mehrstufige Authentifizierung (MFA, Microsoft)',
		basis: 'Google Account German UI; Microsoft Learn German',
		wrong: [/Zwei-Faktor-Anmeldung/, /2-Faktor/],
	},
	{
		en: 'login (noun)',
		de: 'Anmeldung, Anmeldename',
		basis: 'Microsoft and Google German UI',
		wrong: [/(?<![\w-])Login(?![\w-])/],
	},
	{
		en: 'scope (OAuth2)',
		de: 'Scope (a management scope is a Verwaltungsbereich)',
		basis:
			'the config field `scopes` and Google Cloud Console German; "Bereich" alone is ambiguous next to Verwaltungsbereich',
		wrong: [/(?<![\w-])Bereich(?:e|en|s)?(?![\w-])/, /-Bereiche/],
	},
	{
		en: 'authority (OAuth2)',
		de: 'Autorität',
		basis: 'Microsoft Learn German (MSAL)',
		wrong: [/Authority/],
	},
	{
		en: 'mail program',
		de: 'E-Mail-Programm',
		basis: 'GMX, WEB.DE and Telekom German UI "E-Mail-Programme"',
		wrong: [/(?<![\w-])Mailprogramm/],
	},
	{
		en: 'token request',
		de: 'Tokenanfrage',
		basis: 'one spelling',
		wrong: [/Token-Anfrage/],
	},
	{
		en: 'credential (Basic authentication)',
		de: 'Zugangsdaten',
		basis: '"Zugangsdatum" reads as "access date"',
		wrong: [/Zugangsdatum/],
	},
	{
		en: 'admin (a person)',
		de: 'Administrator',
		basis: 'Microsoft and Google German UI; "Admin" stays only in product names (Admin Center, Admin-Konsole)',
		wrong: [/(?<![\w-])Admins?(?![\w-]| Center)/],
	},
	{
		en: 'legacy authentication',
		de: 'Legacyauthentifizierung',
		basis: 'Entra German UI (Conditional Access "Legacyauthentifizierung blockieren")',
		wrong: [/Legacy-Authentifizierung/],
	},
	{
		en: 'Microsoft 365 / Exchange Online in compounds',
		de: 'Microsoft 365-Postfach, Exchange Online-Postfach',
		basis: 'Microsoft’s own German spelling of its product names in compounds',
		wrong: [/Microsoft-365-/, /Exchange-Online-/],
	},
	{
		en: 'Direct Send',
		de: 'Direct Send',
		basis: 'Exchange Online German UI keeps the feature name ("Reject Direct Send")',
		wrong: [/Direktversand/, /[Dd]irektes Senden/],
	},
];

/** English spellings that are not US English (VS Code's). */
export const WRONG_ENGLISH: readonly RegExp[] = [
	/\blicence/i,
	/\borganis(?:ation|e|ed|ing)/i,
	/\bauthoris/i,
	/\bbehaviour/i,
	/\bcolour/i,
	/\bcentre\b/i,
	/\bcatalogue/i,
	/\bcancelled\b/i,
	/\brecognis/i,
	/\bminimis/i,
	/\bcustomis/i,
];

const MICROSOFT =
	/Microsoft|Entra|Exchange|Outlook|Office ?365|office365|Hotmail|AADSTS|Mandant|Sicherheitsstandards|MFA pro Benutzer/;
const GOOGLE = /Google|Gmail/;
const OTHERS =
	/GMX|WEB\.DE|IONOS|1&1|mailbox\.org|Zoho|Yahoo|iCloud|Apple|Fastmail|Posteo|T-Online|t-online|Telekom|Strato|AOL|Host Europe/;

/** The scope a text is written for, from the providers it names; `inherited` is its guide's when it names none. */
export function scopeOf(text: string, inherited?: TermScope): TermScope {
	const microsoft = MICROSOFT.test(text);
	const others = GOOGLE.test(text) || OTHERS.test(text);
	if (microsoft && others) return 'mixed';
	if (microsoft) return 'microsoft';
	if (GOOGLE.test(text)) return 'google';
	if (others) return 'other';
	return inherited ?? 'generic';
}

/**
 * The part of a German text the glossary applies to: quoted English (server replies such as „Basic authentication is
 * not supported“), code spans, URLs, PowerShell parameters and config paths are the vendor's or the file's words.
 */
export function scannableText(text: string): string {
	return text
		.replace(/`[^`]*`/g, ' ')
		.replace(/https?:\/\/\S+/g, ' ')
		.replace(/\$\{[^}]*\}/g, ' ')
		.replace(/\{\w+:[\w.-]+\}/g, ' ')
		.replace(/(?:^|\s)-[A-Z]\w+(?: \S+)?/g, ' ')
		.replace(/\b(?:Get|Set|New|Add|Remove|Update|Revoke|Connect|Install|Enable|Disable|Format|Where)-[A-Z]\w+/g, ' ')
		.replace(/\b[a-z]\w*(?:\.\w+)+\b/g, ' ')
		.replace(/[„“"]([^„“"]*)[“"]/g, (whole, inner: string) => (isEnglish(inner) ? ' ' : whole));
}

const ENGLISH_WORDS = /\b(?:the|is|are|not|for|and|to|of|with|was|please|your|this|required|unsuccessful|denied)\b/i;
const GERMAN_WORDS = /[äöüßÄÖÜ]|\b(?:der|die|das|und|nicht|ist|für|mit|von|ein|eine|Ihre?)\b/;

function isEnglish(text: string): boolean {
	return ENGLISH_WORDS.test(text) && !GERMAN_WORDS.test(text);
}

export interface GlossaryViolation {
	term: string;
	expected: string;
	found: string;
}

/** Wrong variants of glossary terms in one text. */
export function glossaryViolations(text: string, lang: Lang, inherited?: TermScope): GlossaryViolation[] {
	const scannable = scannableText(text);
	if (lang === 'en') {
		return WRONG_ENGLISH.flatMap((re) => {
			const found = re.exec(scannable)?.[0];
			return found ? [{ term: 'US spelling', expected: 'US English', found }] : [];
		});
	}
	const scope = scopeOf(text, inherited);
	const mixed =
		scope === 'generic' && KENNWORT.test(scannable) && PASSWORT.test(scannable)
			? [
					{
						term: 'password',
						expected: 'one of Kennwort/Passwort, as the provider says it',
						found: 'Kennwort + Passwort',
					},
				]
			: [];
	return GLOSSARY.flatMap((entry) => {
		if (entry.scopes && !entry.scopes.includes(scope)) return [];
		return entry.wrong.flatMap((re) => {
			const found = re.exec(scannable)?.[0];
			return found ? [{ term: entry.en, expected: entry.de, found }] : [];
		});
	}).concat(mixed);
}
