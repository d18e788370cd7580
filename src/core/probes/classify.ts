/**
 * Maps what can go wrong in a probe (Node socket/TLS/DNS errors, imapflow and nodemailer errors, our own checks) to
 * one ProbeErrorCode, a redactable server reply and an optional hint. Library error shapes end here: nothing past
 * this module sees them (shapes: mail-facts §5.3, imapflow 2.10.2, nodemailer 10.6.0).
 */
import { type Lang, type Localized, tr } from '../i18n';
import { LINE_LIMITS } from './limits';
import { PROBE_ERRORS, type ProbeError, type ProbeErrorCode, type StageName } from './result';

/** A hint sentence that follows the code's own message, with its placeholders. */
export interface Hint {
	text: Localized;
	args?: Record<string, string | number>;
}

/** A classified failure; probes throw it, the stage runner records it. */
export class ProbeFailure extends Error {
	readonly code: ProbeErrorCode;
	readonly serverResponse: string | undefined;
	readonly hint: Hint | undefined;
	/** Facts gathered before the failure (a certificate that was then rejected), shown on the failed stage. */
	readonly facts: Record<string, string | number | boolean | string[]> | undefined;
	readonly detail: string | undefined;
	/** A message already worded for the user, which replaces the code's sentence (the OAuth2 check's own texts). */
	readonly worded: string | undefined;
	/** The library's (or Node's) error text, shown as the reply when the server itself said nothing. */
	readonly libraryText: string | undefined;

	constructor(
		code: ProbeErrorCode,
		options: {
			serverResponse?: string | undefined;
			hint?: Hint | undefined;
			facts?: Record<string, string | number | boolean | string[]> | undefined;
			detail?: string | undefined;
			worded?: string | undefined;
			libraryText?: string | undefined;
		} = {},
	) {
		super(code);
		this.name = 'ProbeFailure';
		this.code = code;
		this.serverResponse = options.serverResponse;
		this.hint = options.hint;
		this.facts = options.facts;
		this.detail = options.detail;
		this.worded = options.worded;
		this.libraryText = options.libraryText;
	}

	/** A failure from an error already mapped and worded in the user's language. */
	static of(error: ProbeError): ProbeFailure {
		return new ProbeFailure(error.code, { worded: error.message, serverResponse: error.serverResponse });
	}

	/**
	 * The same failure with the words it is shown with when it quotes no reply of its own: what the server said
	 * during the failed stage, else the library's error text.
	 */
	withServerWords(said: string | undefined): ProbeFailure {
		const serverResponse = this.serverResponse ?? said ?? this.libraryText;
		// a server that hangs up saying it limits logins or connections (`* BYE … too many login attempts`) throttles
		const code =
			this.code === 'CONNECTION_CLOSED' && said !== undefined && THROTTLE_TEXT.test(said) ? 'THROTTLED' : this.code;
		if (serverResponse === this.serverResponse && code === this.code) return this;
		return new ProbeFailure(code, { ...this, serverResponse });
	}

	/** Our message in the user's language: the code's sentence plus the hint. */
	localizedMessage(lang: Lang): string {
		if (this.worded !== undefined) return this.worded;
		const base = PROBE_ERRORS[this.code][lang];
		return this.hint ? `${base} ${tr(this.hint.text, lang, this.hint.args)}` : base;
	}
}

export const HINTS = {
	tlsOnPlainPort: {
		en: 'The server answered in plain text while the probe expected TLS: this port wants STARTTLS (security "starttls"), or use the implicit-TLS port ({tlsPort}).',
		de: 'Der Server hat im Klartext geantwortet, obwohl TLS erwartet wurde: Dieser Port erwartet STARTTLS (security "starttls"); alternativ den Port für implizites TLS ({tlsPort}) verwenden.',
	},
	plainOnTlsPort: {
		en: 'No greeting arrived, but the port completes a TLS handshake: it expects implicit TLS (security "tls"), or use the STARTTLS port ({plainPort}).',
		de: 'Es kam keine Begrüßung, aber der Port beherrscht einen TLS-Handshake: Er erwartet implizites TLS (security "tls"); alternativ den STARTTLS-Port ({plainPort}) verwenden.',
	},
	certExpired: {
		en: 'The certificate expired on {date}.',
		de: 'Das Zertifikat ist am {date} abgelaufen.',
	},
	certNotYetValid: {
		en: 'The certificate is valid only from {date} (check the clock).',
		de: 'Das Zertifikat gilt erst ab {date} (Uhrzeit prüfen).',
	},
	certSelfSigned: {
		en: 'The certificate is self-signed. Trust its CA explicitly (CLI: --ca FILE) instead of turning verification off.',
		de: 'Das Zertifikat ist selbstsigniert. Vertrauen Sie seiner CA ausdrücklich (CLI: --ca DATEI), statt die Prüfung abzuschalten.',
	},
	certUntrusted: {
		en: 'The chain does not lead to a trusted CA ({reason}): the server may omit an intermediate certificate, or a private CA signed it (CLI: --ca FILE).',
		de: 'Die Kette führt zu keiner vertrauenswürdigen CA ({reason}): Der Server liefert eventuell ein Zwischenzertifikat nicht mit, oder eine private CA hat signiert (CLI: --ca DATEI).',
	},
	certHostname: {
		en: 'The certificate is for {names}, not for {host}.',
		de: 'Das Zertifikat gilt für {names}, nicht für {host}.',
	},
	timeout: {
		en: 'Stage "{stage}" got no answer within {ms} ms.',
		de: 'Schritt "{stage}" bekam innerhalb von {ms} ms keine Antwort.',
	},
	noRoute: {
		en: 'The network has no route to this host ({reason}).',
		de: 'Das Netzwerk hat keine Route zu diesem Host ({reason}).',
	},
	loginDisabled: {
		en: 'The server forbids LOGIN on this connection (LOGINDISABLED) and offers no SASL mechanism: use STARTTLS or implicit TLS.',
		de: 'Der Server verbietet LOGIN auf dieser Verbindung (LOGINDISABLED) und bietet kein SASL-Verfahren an: STARTTLS oder implizites TLS verwenden.',
	},
	// Not `"{method}": {needed}`: the redactor masks `password": <value>` (a JSON credential), so the first mechanism
	// of the password method would show as ***.
	mechanisms: {
		en: 'Offered: {offered}. The auth method "{method}" needs {needed}.',
		de: 'Angeboten: {offered}. Die Anmeldemethode "{method}" braucht {needed}.',
	},
	noAuthAdvertised: {
		en: 'The server does not announce AUTH on this connection{afterTls}, so no login is possible.',
		de: 'Der Server kündigt auf dieser Verbindung{afterTls} kein AUTH an, eine Anmeldung ist so nicht möglich.',
	},
	lineTooLong: {
		en: 'A reply line is longer than the {limit} bytes the probe accepts (RFC 5321: 512 for SMTP; IMAP servers stay within 8192).',
		de: 'Eine Antwortzeile ist länger als die {limit} Bytes, die der Test annimmt (RFC 5321: 512 für SMTP; IMAP-Server bleiben unter 8192).',
	},
	replyTooLong: {
		en: 'The reply does not end: more than {maxReplyLines} lines or {maxReplyOctets} bytes.',
		de: 'Die Antwort endet nicht: mehr als {maxReplyLines} Zeilen oder {maxReplyOctets} Bytes.',
	},
	greetingRefused: {
		en: 'The server refused the session in its greeting.',
		de: 'Der Server hat die Sitzung schon in der Begrüßung abgelehnt.',
	},
} as const satisfies Record<string, Localized>;

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NODATA', 'EAI_NONAME', 'EAI_FAIL', 'EDNS']);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT', 'ETIMEOUT']);
const CLOSED_CODES = new Set([
	'ECONNRESET',
	'EPIPE',
	'ECONNABORTED',
	'EConnectionClosed',
	'NoConnection',
	'ClosedAfterConnectText',
	'ClosedAfterConnectTLS',
	'ECONNECTION',
	'ERR_SOCKET_CLOSED',
]);
const NO_ROUTE_CODES = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'ENETDOWN', 'EHOSTDOWN']);
/** OpenSSL verification results (X509_V_ERR_* names as Node reports them) and Node's hostname check. */
export const CERT_CODES = new Set([
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_GET_ISSUER_CERT',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'CERT_HAS_EXPIRED',
	'CERT_NOT_YET_VALID',
	'CERT_UNTRUSTED',
	'CERT_REJECTED',
	'CERT_SIGNATURE_FAILURE',
	'CERT_REVOKED',
	'INVALID_CA',
	'INVALID_PURPOSE',
	'HOSTNAME_MISMATCH',
	'ERR_TLS_CERT_ALTNAME_INVALID',
]);
/** What OpenSSL says when the peer's first bytes are not a TLS record: the peer speaks plain text. */
const TLS_PLAINTEXT_PEER =
	/wrong version number|packet length too long|unknown protocol|http request|record layer failure/i;

type ErrorLike = Record<string, unknown> & { message?: unknown };

function asRecord(error: unknown): ErrorLike {
	return typeof error === 'object' && error !== null ? (error as ErrorLike) : { message: String(error) };
}

function str(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** imapflow puts the tagged line in `response` (`2 NO [..] text`); the tag is noise to a user. */
function untag(response: string): string {
	return response.replace(/^[A-Za-z0-9.]+ (?=(?:OK|NO|BAD)\b)/, '');
}

/** `{throttled text}` in Exchange's IMAP and SMTP replies and in common rate-limit replies. */
const THROTTLE_TEXT =
	/throttl|too many (?:connections|login|concurrent)|rate limit|thread limit exceeded|4\.7\.0 .*try again later|try again later/i;

/**
 * Classifies anything thrown during a stage. `stage` decides between codes a library uses for several steps. The
 * library's own error text is kept, to be shown when the server said nothing (contained like any reply), so no
 * failure loses what went wrong.
 */
export function classifyError(error: unknown, stage: StageName): ProbeFailure {
	if (error instanceof ProbeFailure) return error;
	const failure = classifyForeign(error, stage);
	const libraryText = str(asRecord(error).message);
	return libraryText && failure.code !== 'CANCELLED'
		? new ProbeFailure(failure.code, { ...failure, libraryText })
		: failure;
}

function classifyForeign(error: unknown, stage: StageName): ProbeFailure {
	const e = asRecord(error);
	const message = str(e.message) ?? '';
	const code = str(e.code);
	const originalCode = str(e.originalCode);
	const systemCode = originalCode ?? code;
	const response = str(e.response) ?? nestedImapReply(e.response);
	const serverResponse = response ? untag(response) : undefined;

	if (e.name === 'AbortError' || code === 'ABORT_ERR') return new ProbeFailure('CANCELLED');

	// imapflow
	if (code === 'NotFound') return new ProbeFailure('FOLDER_NOT_FOUND', { serverResponse });
	if (code === 'LineTooLarge' || code === 'ResponseTooLarge') {
		return new ProbeFailure('PROTOCOL', {
			serverResponse,
			hint: { text: HINTS.lineTooLong, args: { limit: LINE_LIMITS.imap.maxLine } },
		});
	}
	if (e.tlsFailed === true) return new ProbeFailure('STARTTLS_UNAVAILABLE');
	if (code === 'ETHROTTLE' || (serverResponse && THROTTLE_TEXT.test(serverResponse))) {
		return new ProbeFailure('THROTTLED', { serverResponse });
	}
	if (e.authenticationFailed === true) {
		if (/login is disabled/i.test(message))
			return new ProbeFailure('AUTH_MECHANISM_UNSUPPORTED', { hint: { text: HINTS.loginDisabled } });
		if (/unsupported authentication mechanism/i.test(message)) return new ProbeFailure('AUTH_MECHANISM_UNSUPPORTED');
		const bare = serverResponse && !/^(?:OK|NO|BAD)\b/.test(serverResponse) ? `BAD ${serverResponse}` : serverResponse;
		return new ProbeFailure('AUTH_FAILED', { serverResponse: bare });
	}

	// nodemailer
	if (code === 'EAUTH') {
		const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
		// 503/504: AUTH not enabled / mechanism not recognized; 538/530 before TLS: not allowed on this connection
		if (responseCode === 503 || responseCode === 504) {
			return new ProbeFailure('AUTH_MECHANISM_UNSUPPORTED', { serverResponse });
		}
		return new ProbeFailure('AUTH_FAILED', { serverResponse });
	}
	if (code === 'ENOAUTH') return new ProbeFailure('CONFIG');
	if (code === 'EOAUTH2') return new ProbeFailure('AUTH_FAILED', { serverResponse });
	if (code === 'ETLS') {
		const refused = serverResponse !== undefined || /STARTTLS/i.test(message);
		return new ProbeFailure(refused ? 'STARTTLS_UNAVAILABLE' : 'TLS_NEGOTIATION', { serverResponse });
	}
	if (code === 'EENVELOPE' || code === 'EMESSAGE') return new ProbeFailure('SEND_FAILED', { serverResponse });
	if (code === 'EPROTOCOL') return new ProbeFailure('PROTOCOL', { serverResponse });

	// Node system, DNS and TLS errors (nodemailer keeps Node's code in originalCode)
	if (systemCode && DNS_CODES.has(systemCode)) return new ProbeFailure('DNS_NOT_FOUND');
	if (systemCode === 'ECONNREFUSED') return new ProbeFailure('CONNECTION_REFUSED');
	if (systemCode && NO_ROUTE_CODES.has(systemCode)) {
		return new ProbeFailure('CONNECTION_REFUSED', { hint: { text: HINTS.noRoute, args: { reason: systemCode } } });
	}
	if (systemCode && CERT_CODES.has(systemCode)) return new ProbeFailure('TLS_CERT_INVALID', { detail: systemCode });
	if (systemCode === 'ERR_SSL_WRONG_VERSION_NUMBER' || TLS_PLAINTEXT_PEER.test(message)) {
		return new ProbeFailure('TLS_MODE_MISMATCH');
	}
	if ((systemCode && TIMEOUT_CODES.has(systemCode)) || str(e.timeoutType)) return new ProbeFailure('TIMEOUT');
	if (systemCode && CLOSED_CODES.has(systemCode)) return new ProbeFailure('CONNECTION_CLOSED', { serverResponse });
	if (systemCode?.startsWith('ERR_SSL_') || systemCode?.startsWith('ERR_TLS_') || e.library === 'SSL routines') {
		return new ProbeFailure('TLS_NEGOTIATION', { detail: systemCode });
	}
	if (/connection closed|socket closed|unexpected(?:ly)? (?:close|end)|socket hang up/i.test(message)) {
		return new ProbeFailure('CONNECTION_CLOSED', { serverResponse });
	}

	// A server reply we did not anticipate at this stage
	if (serverResponse) {
		if (stage === 'folder' && isMissingFolderReply(serverResponse, message)) {
			return new ProbeFailure('FOLDER_NOT_FOUND', { serverResponse });
		}
		return new ProbeFailure(stage === 'send' ? 'SEND_FAILED' : 'PROTOCOL', { serverResponse });
	}
	if (stage === 'folder' && isMissingFolderReply('', message)) return new ProbeFailure('FOLDER_NOT_FOUND');
	return new ProbeFailure('UNKNOWN');
}

/** imapflow's NotFound wraps the failed command's error in `response`: rebuild `NO [CODE] text` from it. */
function nestedImapReply(value: unknown): string | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const inner = value as Record<string, unknown>;
	const text = str(inner.responseText);
	if (!text) return undefined;
	const code = str(inner.serverResponseCode);
	return [str(inner.responseStatus), code ? `[${code}]` : undefined, text].filter(Boolean).join(' ');
}

/** IMAP replies for a missing mailbox: RFC 5530 NONEXISTENT, Dovecot, Exchange, Gmail, Cyrus wordings. */
export function isMissingFolderReply(reply: string, message = ''): boolean {
	return /\[NONEXISTENT\]|\[TRYCREATE\]|doesn't exist|does not exist|not exist|unknown mailbox|no such (?:mailbox|folder)|mailbox not found|folder not found|mailbox is not selectable|invalid mailbox name/i.test(
		`${reply} ${message}`,
	);
}
