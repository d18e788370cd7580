import type { AuthMethod, ProviderId } from '../config/model';

/**
 * What users paste is rarely the bare server reply: it comes wrapped in log prefixes, exception class names,
 * JSON or XML bodies, escaped quotes and line breaks, HTML, trace ids and timestamps. `normalizeLine` peels those
 * layers off so the matcher sees the meaningful words wherever they sit; the hints tell which provider and which
 * kind of sign-in the line itself names, for ranking when the caller gave no context.
 */
export interface NormalizedLine {
	text: string;
	provider?: ProviderId;
	auth?: AuthMethod;
}

const ENTITIES: Readonly<Record<string, string>> = {
	lt: '<',
	gt: '>',
	amp: '&',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	'#39': "'",
	'#34': '"',
};

/** Literal escapes as JSON, Python and log frameworks print them, however many times a body was re-encoded. */
const ESCAPED_BREAK = /\\+[rnt](?![a-z]{3,}[\\/])/g;
const ESCAPED_QUOTE = /\\+(["'/])/g;
const HTML_ENTITY = /&(lt|gt|amp|quot|apos|nbsp|#39|#34);/g;
const HTML_TAG = /<\/?[a-zA-Z][\w:-]*(?:\s[^<>]*)?\/?>/g;
/** Python's bytes repr: `b'5.7.8 …'`. */
const BYTES_PREFIX = /(^|[\s([{,:=])b(['"])/g;
/** `"error_description":` and `'error': ` keys of JSON bodies and Python dicts; the values stay. */
const JSON_KEY = /(["'])[\w .-]{1,40}\1\s*:/g;
const GUID = /\b[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}\b/gi;
const TRACE_LABEL = /\b(?:Trace|Correlation|Request|Client request) ?ID\s*:?/gi;
const ISO_TIME = /\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?/g;
const SYSLOG_TIME = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} \d{2}:\d{2}:\d{2}\b/g;
const CLOCK = /\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b/g;
const IPV4 = /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?\b/g;
/** `postfix/smtp[123]:`, `imapd[42]:`, `auth-worker(7520):` */
const PROCESS_PREFIX = /\b[\w.-]+(?:\/[\w.-]+)*(?:\[\d+\]|\(\d+\)):/g;
/** `javax.mail.AuthenticationFailedException:`, `smtplib.SMTPAuthenticationError`, `MsalServiceException`. */
const EXCEPTION_NAME = /\b(?:[A-Za-z_$][\w$]*\.)*[A-Z][\w$]*(?:Exception|Error)\b:?/g;
const SPACES = /\s+/g;

/** Host names in the line that tell the provider (Exchange Online's server names, Google's `gsmtp` tag...). */
const PROVIDER_HINTS: readonly [RegExp, ProviderId][] = [
	[/(?<![\w.-])(?:hotmail|live|outlook)\.com\b(?!\.)|smtp-mail\.outlook\.com|imap-mail\.outlook\.com/i, 'outlook-com'],
	[
		/\b(?:office365\.com|prod\.outlook\.com|protection\.outlook\.com|outlook\.office\.com|login\.microsoftonline\.com|onmicrosoft\.com)\b|AADSTS\d/i,
		'microsoft365',
	],
	[/\bgsmtp\b|\b(?:imap|smtp)\.gmail\.com\b|support\.google\.com\/(?:mail|accounts)/i, 'gmail'],
	[/\b(?:mail\.)?yahoo\.com\b/i, 'yahoo'],
	[/\bgmx\.(?:net|de|at|ch|com)\b/i, 'gmx'],
	[/\bweb\.de\b/i, 'web-de'],
];

const AUTH_HINTS: readonly [RegExp, AuthMethod][] = [
	[/\bXOAUTH2\b|\bOAUTHBEARER\b|\bBearer\b|\baccess[_ ]token\b/i, 'oauth2'],
	[/\bapp(?:lication)?[- ]?(?:specific )?passwords?\b/i, 'app-password'],
];

function decode(line: string): string {
	let text = line.replace(/↵/g, ' ');
	// Bodies re-encoded several times (JSON inside JSON inside a log) need the unescaping repeated. Mutants disabled:
	// the early exit only saves time (a round on text without escapes changes nothing), and a fifth or an unbounded
	// round differs only on text escaped more than four times, which no real line in the tables is.
	// Stryker disable next-line EqualityOperator,UpdateOperator
	for (let round = 0; round < 4; round++) {
		const next = text.replace(ESCAPED_BREAK, ' ').replace(ESCAPED_QUOTE, '$1');
		// Stryker disable next-line ConditionalExpression
		if (next === text) break;
		text = next;
	}
	return text.replace(HTML_ENTITY, (_, name: string) => ENTITIES[name] ?? ' ');
}

function firstHint<T>(text: string, hints: readonly [RegExp, T][]): T | undefined {
	return hints.find(([pattern]) => pattern.test(text))?.[1];
}

export function normalizeLine(raw: string): NormalizedLine {
	const decoded = decode(raw);
	const provider = firstHint(decoded, PROVIDER_HINTS);
	const auth = firstHint(decoded, AUTH_HINTS);
	const text = decoded
		.replace(HTML_TAG, ' ')
		.replace(BYTES_PREFIX, '$1$2')
		.replace(JSON_KEY, ' ')
		.replace(GUID, ' ')
		.replace(TRACE_LABEL, ' ')
		.replace(ISO_TIME, ' ')
		.replace(SYSLOG_TIME, ' ')
		.replace(CLOCK, ' ')
		.replace(IPV4, ' ')
		.replace(PROCESS_PREFIX, ' ')
		.replace(EXCEPTION_NAME, ' ')
		.replace(SPACES, ' ')
		.trim();
	return { text, ...(provider ? { provider } : {}), ...(auth ? { auth } : {}) };
}
