import { type Lang, type Localized, withCommandTitles } from '../i18n';
import {
	AFTER_IMPORT_ACTIONS,
	AUTH_METHODS,
	OAUTH2_FLOWS,
	PROVIDER_IDS,
	SECURITY_MODES,
	TLS_VERSIONS,
	type AfterImportAction,
	type AuthMethod,
	type OAuth2Flow,
	type ProviderId,
	type SecurityMode,
	type TlsVersion,
} from './model';
import { accountSnippets, fileSnippets } from './account-templates';

/**
 * The one source of `schemas/mail-account.schema.json` (English) and `schemas/mail-account.schema.de.json`
 * (German). VS Code can't localize schema text, so `scripts/gen-schema.ts` renders one file per language and the
 * client serves the one matching the display language; core validates with the same object.
 * Texts are markdown; the plain `description` is derived from it.
 */

export { SCHEMA_FILE_NAMES } from './schema-files';

export type JsonSchema = { [key: string]: unknown };

const PROVIDER_TEXTS: Readonly<Record<ProviderId, Localized>> = {
	microsoft365: {
		en: 'Microsoft 365 / Exchange Online (work or school account).',
		de: 'Microsoft 365 / Exchange Online (Geschäfts- oder Schulkonto).',
	},
	'outlook-com': {
		en: 'Outlook.com, Hotmail, Live, MSN (personal Microsoft account): OAuth2 only.',
		de: 'Outlook.com, Hotmail, Live, MSN (privates Microsoft-Konto): nur OAuth2.',
	},
	gmail: { en: 'Gmail (personal Google account).', de: 'Gmail (privates Google-Konto).' },
	'google-workspace': { en: 'Google Workspace (company domain).', de: 'Google Workspace (Firmendomain).' },
	icloud: {
		en: 'iCloud Mail: needs an app-specific password.',
		de: 'iCloud Mail: braucht ein app-spezifisches Passwort.',
	},
	yahoo: { en: 'Yahoo Mail: needs an app password.', de: 'Yahoo Mail: braucht ein App-Passwort.' },
	aol: { en: 'AOL Mail.', de: 'AOL Mail.' },
	gmx: {
		en: 'GMX: switch on POP3/IMAP once in the settings.',
		de: 'GMX: POP3/IMAP einmal in den Einstellungen einschalten.',
	},
	'web-de': {
		en: 'WEB.DE: switch on POP3/IMAP once in the settings.',
		de: 'WEB.DE: POP3/IMAP einmal in den Einstellungen einschalten.',
	},
	't-online': {
		en: 'Telekom t-online.de: uses the separate password for email programs.',
		de: 'Telekom t-online.de: nutzt das eigene Passwort für E-Mail-Programme.',
	},
	ionos: { en: 'IONOS (1&1).', de: 'IONOS (1&1).' },
	strato: { en: 'Strato.', de: 'Strato.' },
	posteo: { en: 'Posteo.', de: 'Posteo.' },
	'mailbox-org': { en: 'mailbox.org.', de: 'mailbox.org.' },
	zoho: { en: 'Zoho Mail: IMAP access must be enabled.', de: 'Zoho Mail: IMAP-Zugriff muss aktiviert sein.' },
	fastmail: { en: 'Fastmail: needs an app password.', de: 'Fastmail: braucht ein App-Passwort.' },
	hosteurope: { en: 'Host Europe.', de: 'Host Europe.' },
	generic: {
		en: 'Any other server: no provider-specific checks.',
		de: 'Jeder andere Server: keine anbieterspezifischen Prüfungen.',
	},
};

const METHOD_TEXTS: Readonly<Record<AuthMethod, Localized>> = {
	password: {
		en: 'The account password (Basic auth). Gone for Exchange Online IMAP, Outlook.com and Google.',
		de: 'Das Kontokennwort (Standardauthentifizierung). Für IMAP in Exchange Online, bei Outlook.com und Google nicht mehr möglich.',
	},
	'app-password': {
		en: 'A generated app password (for accounts with two-factor authentication). Still Basic auth on the wire.',
		de: 'Ein erzeugtes App-Kennwort (für Konten mit Zwei-Faktor-Authentifizierung). Technisch weiterhin Standardauthentifizierung.',
	},
	oauth2: {
		en: 'OAuth2 access token (SASL XOAUTH2 / OAUTHBEARER): configure `oauth2`.',
		de: 'OAuth2-Zugriffstoken (SASL XOAUTH2 / OAUTHBEARER): `oauth2` konfigurieren.',
	},
};

const FLOW_TEXTS: Readonly<Record<OAuth2Flow, Localized>> = {
	'client-credentials': {
		en: 'App-only (daemon/service): the app signs in with its secret or certificate; needs a tenant and `https://outlook.office365.com/.default`.',
		de: 'Nur-App (Dienst): Die App meldet sich mit Geheimnis oder Zertifikat an; braucht einen Mandanten und `https://outlook.office365.com/.default`.',
	},
	'device-code': {
		en: 'A user signs in once on another device with a short code (works over SSH and remote sessions).',
		de: 'Ein Benutzer meldet sich einmal auf einem anderen Gerät mit einem kurzen Code an (geht auch über SSH und Remote-Sitzungen).',
	},
	'authorization-code': {
		en: 'A user signs in in the browser; the token is refreshed afterwards.',
		de: 'Ein Benutzer meldet sich im Browser an; danach wird das Token erneuert.',
	},
};

const SECURITY_TEXTS: Readonly<Record<SecurityMode, Localized>> = {
	tls: {
		en: 'Implicit TLS from the first byte (IMAP 993, SMTP 465).',
		de: 'Implizites TLS ab dem ersten Byte (IMAP 993, SMTP 465).',
	},
	starttls: {
		en: 'Plain connection upgraded with STARTTLS, required (IMAP 143, SMTP 587).',
		de: 'Klartextverbindung, die per STARTTLS verschlüsselt wird, verpflichtend (IMAP 143, SMTP 587).',
	},
	none: {
		en: 'No encryption: passwords and mail travel in clear text. Only for local test servers.',
		de: 'Keine Verschlüsselung: Kennwörter und Mails gehen im Klartext. Nur für lokale Testserver.',
	},
};

const ACTION_TEXTS: Readonly<Record<AfterImportAction, Localized>> = {
	keep: { en: 'Leave the message unchanged.', de: 'Nachricht unverändert lassen.' },
	'mark-read': { en: 'Mark the message as read.', de: 'Nachricht als gelesen markieren.' },
	move: { en: 'Move the message to `target`.', de: 'Nachricht nach `target` verschieben.' },
	delete: {
		en: 'Delete the message, after `delayDays` days (2 recommended).',
		de: 'Nachricht löschen, nach `delayDays` Tagen (2 empfohlen).',
	},
};

const TLS_VERSION_TEXTS: Readonly<Record<TlsVersion, Localized>> = {
	TLSv1: {
		en: 'TLS 1.0: deprecated, refused by most providers.',
		de: 'TLS 1.0: veraltet, von den meisten Anbietern abgelehnt.',
	},
	'TLSv1.1': {
		en: 'TLS 1.1: deprecated, refused by most providers.',
		de: 'TLS 1.1: veraltet, von den meisten Anbietern abgelehnt.',
	},
	'TLSv1.2': { en: 'TLS 1.2 (default).', de: 'TLS 1.2 (Standard).' },
	'TLSv1.3': { en: 'TLS 1.3 only.', de: 'Nur TLS 1.3.' },
};

const SECRET_REF: Localized = {
	en: 'Prefer a reference over the literal value: `${secret:NAME}` (kept in the editor\'s or the system\'s secret store, see "{command:storeSecret}") or `${env:NAME}` (an environment variable).',
	de: 'Besser eine Referenz statt des Klartextwerts: `${secret:NAME}` (im Geheimnisspeicher des Editors bzw. Systems, siehe „{command:storeSecret}“) oder `${env:NAME}` (eine Umgebungsvariable).',
};

const T = {
	root: {
		en: 'Mail accounts of a mail adapter (IMAP import, SMTP sending), checked by mailcfg.',
		de: 'E-Mail-Konten eines Mail-Adapters (IMAP-Import, SMTP-Versand), geprüft von mailcfg.',
	},
	$schema: {
		en: 'Schema of this file. Any path or URL ending in `mail-account.schema.json` turns on mailcfg for JSON files with other names.',
		de: 'Schema dieser Datei. Jeder Pfad oder jede URL, die auf `mail-account.schema.json` endet, aktiviert mailcfg auch für JSON-Dateien mit anderem Namen.',
	},
	accounts: { en: 'The mail accounts (at least one).', de: 'Die E-Mail-Konten (mindestens eines).' },
	account: {
		en: 'One mailbox: who signs in how, and the IMAP and/or SMTP server.',
		de: 'Ein Postfach: wer sich wie anmeldet und der IMAP- und/oder SMTP-Server.',
	},
	id: {
		en: 'Unique id of the account in this file: lowercase letters, digits and hyphens. Used by `mailcfg test --account` and in secret names.',
		de: 'Eindeutige Kennung des Kontos in dieser Datei: Kleinbuchstaben, Ziffern und Bindestriche. Wird von `mailcfg test --account` und in Geheimnisnamen verwendet.',
	},
	idPattern: {
		en: 'Use lowercase letters, digits and hyphens, starting with a letter or digit (e.g. dms-import).',
		de: 'Kleinbuchstaben, Ziffern und Bindestriche verwenden, am Anfang ein Buchstabe oder eine Ziffer (z. B. dms-import).',
	},
	displayName: { en: 'Name shown in reports.', de: 'Anzeigename in Berichten.' },
	email: { en: 'Email address of the mailbox.', de: 'E-Mail-Adresse des Postfachs.' },
	emailPattern: {
		en: 'Enter an email address such as name@example.com.',
		de: 'Eine E-Mail-Adresse wie name@example.com eingeben.',
	},
	provider: {
		en: 'Mail provider. Detected from the hosts and the email domain when absent; enables provider-specific checks.',
		de: 'E-Mail-Anbieter. Ohne Angabe aus Hosts und E-Mail-Domäne erkannt; schaltet anbieterspezifische Prüfungen ein.',
	},
	mailbox: { en: 'Kind of mailbox.', de: 'Art des Postfachs.' },
	mailboxType: {
		en: '`user` (default) or `shared` (a Microsoft 365 shared mailbox: no own sign-in; use OAuth2 with delegated or app access).',
		de: '`user` (Standard) oder `shared` (freigegebenes Postfach in Microsoft 365: keine eigene Anmeldung; OAuth2 mit delegiertem oder Nur-App-Zugriff verwenden).',
	},
	mailboxUser: { en: 'A normal user mailbox.', de: 'Ein normales Benutzerpostfach.' },
	mailboxShared: {
		en: 'A shared mailbox: accessed by a delegate or an app.',
		de: 'Ein freigegebenes Postfach: Zugriff über einen Stellvertreter oder eine App.',
	},
	auth: { en: 'How the account signs in.', de: 'Wie sich das Konto anmeldet.' },
	method: { en: 'Sign-in method.', de: 'Anmeldeverfahren.' },
	user: {
		en: 'Login name, usually the full email address (for a shared mailbox with OAuth2: the shared mailbox address).',
		de: 'Anmeldename, meist die volle E-Mail-Adresse (bei einem freigegebenen Postfach mit OAuth2: dessen Adresse).',
	},
	password: {
		en: 'Password or app password for `password` / `app-password`.',
		de: 'Kennwort oder App-Kennwort für `password` / `app-password`.',
	},
	oauth2: {
		en: 'OAuth2 settings (required for method `oauth2`).',
		de: 'OAuth2-Einstellungen (Pflicht bei Methode `oauth2`).',
	},
	flow: { en: 'How the token is obtained.', de: 'Wie das Token bezogen wird.' },
	tenant: {
		en: 'Entra tenant: ID (GUID) or a verified domain such as `contoso.onmicrosoft.com`. Required for `client-credentials`; `common`/`organizations`/`consumers` are not a tenant.',
		de: 'Entra-Mandant: ID (GUID) oder verifizierte Domäne wie `contoso.onmicrosoft.com`. Pflicht für `client-credentials`; `common`/`organizations`/`consumers` sind kein Mandant.',
	},
	clientId: {
		en: 'Application (client) ID of the app registration.',
		de: 'Anwendungs-ID (Client-ID) der App-Registrierung.',
	},
	clientSecret: {
		en: 'Client secret **value** (not its ID) for confidential flows.',
		de: '**Wert** des geheimen Clientschlüssels (nicht seine ID) für vertrauliche Flows.',
	},
	certificate: {
		en: 'Certificate credential instead of a client secret.',
		de: 'Zertifikat als Anmeldeinformation statt eines geheimen Clientschlüssels.',
	},
	thumbprint: {
		en: 'Certificate thumbprint (hex) as shown in the app registration.',
		de: 'Fingerabdruck des Zertifikats (hex), wie in der App-Registrierung angezeigt.',
	},
	thumbprintPattern: {
		en: 'A thumbprint is 40 (SHA-1) or 64 (SHA-256) hexadecimal characters.',
		de: 'Ein Fingerabdruck hat 40 (SHA-1) oder 64 (SHA-256) Hexadezimalzeichen.',
	},
	privateKeyFile: {
		en: 'Path of the PEM private key file (relative to this file).',
		de: 'Pfad der PEM-Datei mit dem privaten Schlüssel (relativ zu dieser Datei).',
	},
	authority: {
		en: "Authority URL, e.g. `https://login.microsoftonline.com/<tenant>`. Defaults to the provider's.",
		de: 'URL der Autorität, z. B. `https://login.microsoftonline.com/<tenant>`. Standard: die des Anbieters.',
	},
	authorityPattern: { en: 'The authority must be an https URL.', de: 'Die Autorität muss eine https-URL sein.' },
	scopes: {
		en: 'Scopes to request. Microsoft app-only: `https://outlook.office365.com/.default`; delegated: `https://outlook.office365.com/IMAP.AccessAsUser.All`, `.../SMTP.Send`, `offline_access`. Google: `https://mail.google.com/`.',
		de: 'Anzufordernde Scopes. Microsoft Nur-App: `https://outlook.office365.com/.default`; delegiert: `https://outlook.office365.com/IMAP.AccessAsUser.All`, `.../SMTP.Send`, `offline_access`. Google: `https://mail.google.com/`.',
	},
	imap: { en: 'IMAP server for importing mail.', de: 'IMAP-Server für den Mail-Import.' },
	smtp: { en: 'SMTP server for sending mail (submission).', de: 'SMTP-Server für den Versand (Einlieferung).' },
	host: {
		en: 'Host name or IP address, without scheme or port.',
		de: 'Hostname oder IP-Adresse, ohne Schema und Port.',
	},
	hostPattern: {
		en: 'Enter only the host name (no spaces, no `imaps://`, no path).',
		de: 'Nur den Hostnamen eingeben (keine Leerzeichen, kein `imaps://`, kein Pfad).',
	},
	imapPort: {
		en: 'IMAP port: 993 with `tls`, 143 with `starttls`.',
		de: 'IMAP-Port: 993 mit `tls`, 143 mit `starttls`.',
	},
	smtpPort: {
		en: 'SMTP port: 465 with `tls`, 587 with `starttls`. Port 25 is for server-to-server mail.',
		de: 'SMTP-Port: 465 mit `tls`, 587 mit `starttls`. Port 25 ist für Mail zwischen Servern.',
	},
	security: { en: 'Transport security; must fit the port.', de: 'Transportverschlüsselung; muss zum Port passen.' },
	folder: { en: 'Folder to import from.', de: 'Ordner, aus dem importiert wird.' },
	includeSubfolders: { en: 'Also import from subfolders.', de: 'Auch aus Unterordnern importieren.' },
	afterImport: {
		en: 'What happens to a message after it was imported.',
		de: 'Was nach dem Import mit einer Nachricht geschieht.',
	},
	action: { en: 'Action after import.', de: 'Aktion nach dem Import.' },
	target: { en: 'Target folder for `move`.', de: 'Zielordner für `move`.' },
	delayDays: {
		en: 'Days to wait before `delete` (2 recommended, so a failed import can be repeated).',
		de: 'Tage Wartezeit vor `delete` (2 empfohlen, damit ein fehlgeschlagener Import wiederholt werden kann).',
	},
	tls: { en: 'TLS options.', de: 'TLS-Optionen.' },
	rejectUnauthorized: {
		en: "Verify the server certificate (default `true`). `false` accepts any certificate, including an attacker's.",
		de: 'Serverzertifikat prüfen (Standard `true`). `false` akzeptiert jedes Zertifikat, auch das eines Angreifers.',
	},
	minVersion: { en: 'Oldest TLS version to accept.', de: 'Älteste akzeptierte TLS-Version.' },
	servername: {
		en: 'Name for SNI and certificate checks when `host` is an IP address or alias.',
		de: 'Name für SNI und Zertifikatsprüfung, wenn `host` eine IP-Adresse oder ein Alias ist.',
	},
	from: {
		en: 'Sender address; must be the login or listed in `sendAs` (Send As permission).',
		de: 'Absenderadresse; muss der Anmeldename sein oder in `sendAs` stehen (Berechtigung „Senden als“).',
	},
	sendAs: {
		en: 'Addresses the login may send as (Send As granted by the admin).',
		de: 'Adressen, als die das angemeldete Konto senden darf (vom Administrator erteilte Berechtigung „Senden als“).',
	},
	timeouts: {
		en: 'Connection test timeouts in milliseconds (override the `mailcfg.probe.*` settings).',
		de: 'Zeitlimits der Verbindungstests in Millisekunden (überschreiben die Einstellungen `mailcfg.probe.*`).',
	},
	connect: {
		en: 'TCP (and TLS) connect timeout in ms.',
		de: 'Zeitlimit für den Verbindungsaufbau (TCP und TLS) in ms.',
	},
	greeting: { en: 'Timeout for the server greeting in ms.', de: 'Zeitlimit für die Begrüßung des Servers in ms.' },
	stage: { en: 'Timeout for each later test stage in ms.', de: 'Zeitlimit für jede weitere Teststufe in ms.' },
} as const satisfies Record<string, Localized>;

/** Plain-text twin of a markdown text for clients that show `description` only. */
function plain(markdown: string): string {
	return markdown.replace(/\*\*|`/g, '');
}

export function buildSchema(lang: Lang): JsonSchema {
	const doc = (text: Localized, extra?: Localized): { description: string; markdownDescription: string } => {
		const md = withCommandTitles(extra ? `${text[lang]}\n\n${extra[lang]}` : text[lang], lang);
		return { description: plain(md), markdownDescription: md };
	};
	const enumOf = <K extends string>(values: readonly K[], texts: Readonly<Record<K, Localized>>): JsonSchema => ({
		enum: [...values],
		enumDescriptions: values.map((v) => plain(texts[v][lang])),
		markdownEnumDescriptions: values.map((v) => texts[v][lang]),
	});
	const secret = (text: Localized): JsonSchema => ({ type: 'string', minLength: 1, ...doc(text, SECRET_REF) });
	const port = (text: Localized, fallback: number): JsonSchema => ({
		type: 'integer',
		minimum: 1,
		maximum: 65535,
		default: fallback,
		...doc(text),
	});
	const timeout = (text: Localized, fallback: number): JsonSchema => ({
		type: 'integer',
		minimum: 100,
		default: fallback,
		...doc(text),
	});
	const server = (kind: 'imap' | 'smtp'): JsonSchema => ({
		type: 'object',
		...doc(kind === 'imap' ? T.imap : T.smtp),
		required: ['host', 'port', 'security'],
		additionalProperties: false,
		properties: {
			host: { $ref: '#/definitions/host' },
			port: kind === 'imap' ? port(T.imapPort, 993) : port(T.smtpPort, 587),
			security: { $ref: '#/definitions/security' },
			...(kind === 'imap'
				? {
						folder: { type: 'string', minLength: 1, default: 'INBOX', ...doc(T.folder) },
						includeSubfolders: { type: 'boolean', default: false, ...doc(T.includeSubfolders) },
						afterImport: { $ref: '#/definitions/afterImport' },
					}
				: {
						from: {
							type: 'string',
							pattern: '^(.*<)?[^\\s@<>]+@[^\\s@<>]+>?$',
							...doc(T.from),
							patternErrorMessage: T.emailPattern[lang],
						},
						sendAs: {
							type: 'array',
							uniqueItems: true,
							items: { type: 'string', pattern: '^[^\\s@]+@[^\\s@]+$', patternErrorMessage: T.emailPattern[lang] },
							...doc(T.sendAs),
						},
					}),
			tls: { $ref: '#/definitions/tls' },
		},
	});

	return {
		$schema: 'http://json-schema.org/draft-07/schema#',
		title: 'mailcfg mail accounts',
		...doc(T.root),
		// VS Code's JSON extension: comments and trailing commas are part of the format (the parser accepts them).
		allowComments: true,
		allowTrailingCommas: true,
		defaultSnippets: fileSnippets(lang),
		type: 'object',
		required: ['accounts'],
		additionalProperties: false,
		properties: {
			$schema: { type: 'string', ...doc(T.$schema) },
			accounts: { type: 'array', minItems: 1, items: { $ref: '#/definitions/account' }, ...doc(T.accounts) },
		},
		definitions: {
			account: {
				type: 'object',
				...doc(T.account),
				required: ['id', 'email', 'auth'],
				anyOf: [{ required: ['imap'] }, { required: ['smtp'] }],
				additionalProperties: false,
				defaultSnippets: accountSnippets(lang),
				properties: {
					id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', ...doc(T.id), patternErrorMessage: T.idPattern[lang] },
					displayName: { type: 'string', ...doc(T.displayName) },
					email: {
						type: 'string',
						pattern: '^[^\\s@]+@[^\\s@]+$',
						...doc(T.email),
						patternErrorMessage: T.emailPattern[lang],
					},
					provider: { type: 'string', ...enumOf(PROVIDER_IDS, PROVIDER_TEXTS), ...doc(T.provider) },
					mailbox: {
						type: 'object',
						additionalProperties: false,
						required: ['type'],
						...doc(T.mailbox),
						properties: {
							type: {
								type: 'string',
								default: 'user',
								...enumOf(['user', 'shared'] as const, { user: T.mailboxUser, shared: T.mailboxShared }),
								...doc(T.mailboxType),
							},
						},
					},
					auth: { $ref: '#/definitions/auth' },
					imap: server('imap'),
					smtp: server('smtp'),
					timeouts: {
						type: 'object',
						additionalProperties: false,
						...doc(T.timeouts),
						properties: {
							connect: timeout(T.connect, 10_000),
							greeting: timeout(T.greeting, 10_000),
							stage: timeout(T.stage, 20_000),
						},
					},
				},
			},
			auth: {
				type: 'object',
				...doc(T.auth),
				required: ['method', 'user'],
				additionalProperties: false,
				if: { properties: { method: { const: 'oauth2' } }, required: ['method'] },
				then: { required: ['oauth2'] },
				properties: {
					method: { type: 'string', ...enumOf(AUTH_METHODS, METHOD_TEXTS), ...doc(T.method) },
					user: { type: 'string', minLength: 1, ...doc(T.user) },
					password: secret(T.password),
					oauth2: { $ref: '#/definitions/oauth2' },
				},
			},
			oauth2: {
				type: 'object',
				...doc(T.oauth2),
				required: ['flow', 'clientId'],
				additionalProperties: false,
				properties: {
					flow: { type: 'string', ...enumOf(OAUTH2_FLOWS, FLOW_TEXTS), ...doc(T.flow) },
					tenant: { type: 'string', minLength: 1, ...doc(T.tenant) },
					clientId: { type: 'string', minLength: 1, ...doc(T.clientId) },
					clientSecret: secret(T.clientSecret),
					certificate: {
						type: 'object',
						required: ['thumbprint', 'privateKeyFile'],
						additionalProperties: false,
						...doc(T.certificate),
						properties: {
							thumbprint: {
								type: 'string',
								pattern: '^([0-9A-Fa-f]{40}|[0-9A-Fa-f]{64})$',
								...doc(T.thumbprint),
								patternErrorMessage: T.thumbprintPattern[lang],
							},
							privateKeyFile: { type: 'string', minLength: 1, ...doc(T.privateKeyFile) },
						},
					},
					authority: {
						type: 'string',
						pattern: '^https://',
						...doc(T.authority),
						patternErrorMessage: T.authorityPattern[lang],
					},
					scopes: { type: 'array', uniqueItems: true, items: { type: 'string', minLength: 1 }, ...doc(T.scopes) },
				},
			},
			host: { type: 'string', pattern: '^[^\\s/@]+$', ...doc(T.host), patternErrorMessage: T.hostPattern[lang] },
			security: { type: 'string', ...enumOf(SECURITY_MODES, SECURITY_TEXTS), ...doc(T.security) },
			afterImport: {
				type: 'object',
				required: ['action'],
				additionalProperties: false,
				...doc(T.afterImport),
				properties: {
					action: { type: 'string', default: 'keep', ...enumOf(AFTER_IMPORT_ACTIONS, ACTION_TEXTS), ...doc(T.action) },
					target: { type: 'string', minLength: 1, ...doc(T.target) },
					delayDays: { type: 'integer', minimum: 0, default: 2, ...doc(T.delayDays) },
				},
			},
			tls: {
				type: 'object',
				additionalProperties: false,
				...doc(T.tls),
				properties: {
					rejectUnauthorized: { type: 'boolean', default: true, ...doc(T.rejectUnauthorized) },
					minVersion: {
						type: 'string',
						default: 'TLSv1.2',
						...enumOf(TLS_VERSIONS, TLS_VERSION_TEXTS),
						...doc(T.minVersion),
					},
					servername: { type: 'string', minLength: 1, ...doc(T.servername) },
				},
			},
		},
	};
}
