import type { Localized } from '../i18n';

export const PROTOCOLS = ['imap', 'smtp', 'oauth2'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

/** Stage names, in the order they can occur; a probe runs the subset that fits its protocol and TLS mode. */
export const STAGE_NAMES = [
	'authority',
	'token',
	'claims',
	'dns',
	'tcp',
	'tls',
	'greeting',
	'ehlo',
	'starttls',
	'capabilities',
	'auth',
	'folder',
	'send',
] as const;
export type StageName = (typeof STAGE_NAMES)[number];

/**
 * The one registry of probe error codes (nodemailer errors.js style). Library error shapes are mapped to these
 * in classify code and never reach the user raw.
 */
export const PROBE_ERRORS = {
	DNS_NOT_FOUND: { en: 'The host name does not resolve.', de: 'Der Hostname lässt sich nicht auflösen.' },
	CONNECTION_REFUSED: {
		en: 'Nothing accepts connections on this host and port.',
		de: 'Auf diesem Host und Port nimmt niemand Verbindungen an.',
	},
	CONNECTION_CLOSED: {
		en: 'The server closed the connection unexpectedly.',
		de: 'Der Server hat die Verbindung unerwartet geschlossen.',
	},
	TIMEOUT: { en: 'The server did not answer in time.', de: 'Der Server hat nicht rechtzeitig geantwortet.' },
	TLS_MODE_MISMATCH: {
		en: 'The TLS mode does not fit the port (implicit TLS against a STARTTLS/plain port or the reverse).',
		de: 'Der TLS-Modus passt nicht zum Port (implizites TLS gegen einen STARTTLS-/Klartext-Port oder umgekehrt).',
	},
	TLS_CERT_INVALID: { en: 'The server certificate is not trusted.', de: 'Dem Serverzertifikat wird nicht vertraut.' },
	TLS_NEGOTIATION: { en: 'The TLS handshake failed.', de: 'Der TLS-Handshake ist fehlgeschlagen.' },
	STARTTLS_UNAVAILABLE: { en: 'The server does not offer STARTTLS.', de: 'Der Server bietet kein STARTTLS an.' },
	AUTH_MECHANISM_UNSUPPORTED: {
		en: 'The server offers no authentication mechanism that fits the configured method.',
		de: 'Der Server bietet kein Anmeldeverfahren an, das zur konfigurierten Methode passt.',
	},
	AUTH_FAILED: { en: 'The server rejected the login.', de: 'Der Server hat die Anmeldung abgelehnt.' },
	OAUTH_TOKEN: { en: 'No access token could be obtained.', de: 'Es konnte kein Zugriffstoken bezogen werden.' },
	OAUTH_CLAIMS: {
		en: 'The access token does not carry what the protocol needs (audience, tenant, expiry or permissions).',
		de: 'Das Zugriffstoken enthält nicht, was das Protokoll braucht (Audience, Mandant, Ablauf oder Berechtigungen).',
	},
	FOLDER_NOT_FOUND: { en: 'The import folder does not exist.', de: 'Der Importordner existiert nicht.' },
	FOLDER_REFUSED: {
		en: 'The server refused to report on the import folder (its reply says why: name, permissions or state).',
		de: 'Der Server hat die Auskunft über den Importordner verweigert (seine Antwort nennt den Grund: Name, Rechte oder Zustand).',
	},
	THROTTLED: {
		en: 'The server is limiting connections or requests.',
		de: 'Der Server begrenzt Verbindungen oder Anfragen.',
	},
	SEND_FAILED: { en: 'The test mail was not accepted.', de: 'Die Testmail wurde nicht angenommen.' },
	PROTOCOL: { en: 'The server answered in an unexpected way.', de: 'Der Server hat unerwartet geantwortet.' },
	CONFIG: {
		en: 'The account configuration is incomplete for this test.',
		de: 'Die Kontokonfiguration reicht für diesen Test nicht aus.',
	},
	CANCELLED: { en: 'The test was canceled.', de: 'Der Test wurde abgebrochen.' },
	UNKNOWN: { en: 'The test failed for an unknown reason.', de: 'Der Test ist aus unbekanntem Grund fehlgeschlagen.' },
} as const satisfies Record<string, Localized>;
export type ProbeErrorCode = keyof typeof PROBE_ERRORS;

export interface StageResult {
	name: StageName;
	ok: boolean;
	ms: number;
	/** One readable line: "TLSv1.3 TLS_AES_256_GCM_SHA384", "42 messages", "AUTH PLAIN LOGIN XOAUTH2". */
	detail?: string;
	/** Structured facts behind `detail` for report views (certificate subject, SANs, capabilities...). Never secrets. */
	facts?: Record<string, string | number | boolean | string[]>;
}

export interface ProbeError {
	code: ProbeErrorCode;
	/** Our own message in the requested language; never a library's raw error text. */
	message: string;
	/** The server's own reply line(s), verbatim but redacted, when the server said something. */
	serverResponse?: string;
}

/** One protocol check of one account: the `checks[]` element of `mailcfg test --format json`. */
export interface ProbeCheck {
	protocol: Protocol;
	ok: boolean;
	failedStage?: StageName;
	error?: ProbeError;
	stages: StageResult[];
	/** Redacted protocol exchange, one line per entry, prefixed `C:` / `S:` / `*` (note). */
	transcript: string[];
}

export interface AccountReport {
	id: string;
	checks: ProbeCheck[];
}
