/**
 * Maps msal-node errors and network failures of the OAuth2 probe to the probe error registry. msal v7 does not
 * re-export msal-common's classes, so errors are recognised by their `errorCode` strings, never by `instanceof`.
 */
import { tr, type Lang, type Localized } from '../i18n';
import type { ProbeError, ProbeErrorCode } from './result';
import { OAUTH2_TEXTS } from './oauth2-texts';
import { maskAll, secretForms } from './redact';

interface MsalLikeError {
	name?: string;
	errorCode?: string;
	errorMessage?: string;
	subError?: string;
	status?: number;
}

const MAX_SERVER_RESPONSE = 1200;

/** Node/undici failure codes, as they surface in msal's `network_error` text or on our own client's errors. */
const NETWORK_CAUSES: [RegExp, ProbeErrorCode][] = [
	[/ENOTFOUND|EAI_AGAIN/, 'DNS_NOT_FOUND'],
	[/ECONNREFUSED/, 'CONNECTION_REFUSED'],
	[/ECONNRESET|socket hang up|EPIPE/i, 'CONNECTION_CLOSED'],
	[/ETIMEDOUT|timed? ?out/i, 'TIMEOUT'],
	[
		/CERT_|certificate|self[- ]signed|UNABLE_TO_VERIFY|ERR_TLS_CERT_ALTNAME_INVALID|unable to get local issuer/i,
		'TLS_CERT_INVALID',
	],
	[/EPROTO|wrong version number|SSL routines/i, 'TLS_NEGOTIATION'],
];

/** Removes every known secret value, in every encoding, from text that came from a server or library. */
export function scrub(text: string, secrets: readonly (string | undefined)[]): string {
	const forms = secrets.flatMap((secret) => (secret && secret.length >= 4 ? secretForms(secret) : []));
	// Bearer tokens and JWT-shaped strings never belong in a report, whoever echoed them.
	return maskAll(text, forms)
		.replace(/\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, '***')
		.replace(/(Bearer\s+)\S+/gi, '$1***')
		.slice(0, MAX_SERVER_RESPONSE);
}

/** Classifies a failure below HTTP (DNS, TCP, TLS) from an error's code and message. */
export function networkFailure(error: unknown): { code: ProbeErrorCode; cause: string } | undefined {
	const text = errorText(error);
	for (const [pattern, code] of NETWORK_CAUSES) {
		if (pattern.test(text)) return { code, cause: firstLine(text) };
	}
	return undefined;
}

/** How a report quotes an OAuth2 error: `code: description`, or whichever of the two the server sent. */
export function quoteOAuthError(code: string, description: string): string {
	return [code, description.trim()].filter(Boolean).join(': ');
}

/** The distinct AADSTS codes an Entra error description names, in order. */
export function aadstsCodes(description: string): string[] {
	return [...new Set(description.match(/AADSTS\d+/g) ?? [])];
}

export function mapMsalError(error: unknown, lang: Lang, secrets: readonly (string | undefined)[]): ProbeError {
	const e = (error ?? {}) as MsalLikeError;
	const errorCode = typeof e.errorCode === 'string' ? e.errorCode : '';
	const errorMessage = typeof e.errorMessage === 'string' ? e.errorMessage : errorText(error);
	const aadsts = aadstsCodes(errorMessage);
	const aadstsSuffix = aadsts.length ? `, ${aadsts.join(', ')}` : '';
	const fromServer = e.name === 'ServerError' || e.name === 'InteractionRequiredAuthError' || aadsts.length > 0;

	if (fromServer) {
		const start = errorMessage.indexOf('AADSTS');
		const description = start >= 0 ? errorMessage.slice(start) : errorMessage;
		// An error without a description (a sign-in redirect's bare `error=access_denied`) is quoted by its code alone.
		const serverResponse = scrub(quoteOAuthError(errorCode || 'error', description), secrets);
		return { code: 'OAUTH_TOKEN', message: serverMessage(errorCode, e.subError, aadsts, lang), serverResponse };
	}

	switch (errorCode) {
		case 'device_code_polling_cancelled':
			return { code: 'CANCELLED', message: tr(OAUTH2_TEXTS.cancelled, lang) };
		case 'user_timeout_reached':
			// msal's own polling limit, set from the stage timeout; its error names no seconds (only its log does).
			return { code: 'TIMEOUT', message: tr(OAUTH2_TEXTS.deviceCodeTimedOut, lang) };
		case 'empty_token':
			return { code: 'OAUTH_TOKEN', message: tr(OAUTH2_TEXTS.tokenEmpty, lang) };
		case 'device_code_expired':
			return { code: 'OAUTH_TOKEN', message: tr(OAUTH2_TEXTS.deviceCodeExpired, lang) };
		case 'post_request_failed':
			// msal throws this during device-code polling for any error other than authorization_pending.
			return {
				code: 'OAUTH_TOKEN',
				message: tr(OAUTH2_TEXTS.serverRefused, lang, { error: firstLine(errorMessage), aadsts: aadstsSuffix }),
			};
	}

	const network = networkFailure(errorMessage);
	if (network || errorCode === 'network_error' || errorCode === 'endpoints_resolution_error') {
		return {
			code: network?.code ?? 'OAUTH_TOKEN',
			message: tr(OAUTH2_TEXTS.unreachable, lang, { cause: network?.cause ?? errorCode }),
		};
	}
	if (e.name === 'ClientConfigurationError') {
		return {
			code: 'CONFIG',
			message: tr(OAUTH2_TEXTS.msalConfig, lang, { cause: errorCode || firstLine(errorMessage) }),
		};
	}
	return {
		code: 'OAUTH_TOKEN',
		message: tr(OAUTH2_TEXTS.msalClient, lang, { cause: scrub(errorCode || firstLine(errorMessage), secrets) }),
	};
}

/**
 * OAuth error words (RFC 6749 §5.2) with their own explanation. A Map, because the word comes from the server: a
 * plain object would answer `constructor` or `__proto__` with Object.prototype's members.
 */
const BY_ERROR = new Map<string, Localized>([
	['invalid_client', OAUTH2_TEXTS.invalidClient],
	['unauthorized_client', OAUTH2_TEXTS.unauthorizedClient],
	['invalid_scope', OAUTH2_TEXTS.invalidScope],
	['interaction_required', OAUTH2_TEXTS.interactionRequired],
	['consent_required', OAUTH2_TEXTS.interactionRequired],
	['login_required', OAUTH2_TEXTS.interactionRequired],
]);

/** Message for an error body straight from the token or discovery endpoint (`error`, `error_description`). */
export function serverMessage(error: string, subError: string | undefined, aadsts: string[], lang: Lang): string {
	const suffix = aadsts.length ? ` (${aadsts.join(', ')})` : '';
	const text = BY_ERROR.get(error) ?? (subError === 'consent_required' ? OAUTH2_TEXTS.interactionRequired : undefined);
	if (text) return tr(text, lang, { aadsts: suffix });
	if (error === 'expired_token') return tr(OAUTH2_TEXTS.deviceCodeExpired, lang);
	const aadstsList = aadsts.length ? `, ${aadsts.join(', ')}` : '';
	return tr(OAUTH2_TEXTS.serverRefused, lang, { error: error || 'error', aadsts: aadstsList });
}

function errorText(error: unknown): string {
	if (typeof error === 'string') return error;
	if (error instanceof Error) {
		const code = (error as Error & { code?: unknown }).code;
		const cause = (error as Error & { cause?: unknown }).cause;
		return [typeof code === 'string' ? code : '', error.message, cause ? errorText(cause) : '']
			.filter(Boolean)
			.join(' ');
	}
	return String(error);
}

function firstLine(text: string): string {
	return (text.split('\n')[0] ?? '').slice(0, 200);
}
