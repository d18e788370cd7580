/**
 * Messages between the hosts (extension) of the mailcfg panels and their webviews: the walkthrough panel and the
 * explanation panel. The webviews are untrusted: the hosts check every message with {@link parseWebviewMessage} or
 * {@link parseExplainWebviewMessage} and ignore anything that does not fit exactly. Data reaches a webview only
 * through these messages, never through the HTML shell. This file has no runtime dependencies so that both the Node
 * bundle and the browser bundles can include it.
 */

export type WireLang = 'en' | 'de';
export type VerifyProtocolView = 'imap' | 'smtp' | 'oauth2' | 'any';

/** Every label the webview shows besides guide content; the texts live in core (walkthroughs/ui-strings.ts). */
export const UI_KEYS = [
	'panelTitle',
	'searchPlaceholder',
	'noMatches',
	'backToList',
	'currentStatus',
	'asOf',
	'modernAlternative',
	'where',
	'commands',
	'settings',
	'warning',
	'links',
	'related',
	'copy',
	'copied',
	'markDone',
	'verify',
	'verifying',
	'verified',
	'verifyFailed',
	'verifyNotTested',
	'verifyNoAccount',
	'verifyCancelled',
	'verifyTimeout',
	'progress',
	'account',
	'noAccount',
	'language',
] as const;
export type UiKey = (typeof UI_KEYS)[number];
export type UiStrings = Readonly<Record<UiKey, string>>;

/** A guide as the webview renders it: already in one language, plain strings only. */
export interface GuideView {
	id: string;
	title: string;
	summary: string;
	provider: string;
	status?: { asOf: string; text: string; modernAlternative?: { id: string; title: string } };
	steps: StepView[];
}

export interface StepView {
	id: string;
	title: string;
	body: string[];
	uiPath?: string[];
	commands?: { shell: string; code: string }[];
	settings?: { label: string; value: string }[];
	warnings?: string[];
	links?: { url: string; label: string }[];
	/** Deep links to other guides or steps, with the title to show. */
	related?: { guide: string; step?: string; title: string }[];
	verify?: VerifyProtocolView;
}

export interface Focus {
	guide: string;
	step?: string;
}

export const VERIFY_OUTCOMES = ['passed', 'failed', 'notTested', 'noAccount', 'cancelled', 'timeout'] as const;
export type VerifyOutcome = (typeof VERIFY_OUTCOMES)[number];

/** Host → webview. */
export type HostToWebview =
	| {
			type: 'init';
			lang: WireLang;
			ui: UiStrings;
			guides: GuideView[];
			/** The account the checklist and the Verify buttons belong to, when the panel was opened for one. */
			account?: { id: string; label: string };
			/** Ticked step ids per guide id for that account. */
			checked: Record<string, string[]>;
			focus?: Focus;
	  }
	| { type: 'focus'; guide: string; step?: string }
	| { type: 'checked'; guide: string; steps: string[] }
	| {
			type: 'verifyResult';
			requestId: string;
			guide: string;
			step: string;
			outcome: VerifyOutcome;
			/** One line per failed check, already localized and redacted. */
			details: string[];
	  };

/** Webview → host. Intents only: the host maps each to its own handler and never runs a command or URL it is sent. */
export type WebviewToHost =
	| { type: 'ready' }
	| { type: 'setLang'; lang: WireLang }
	| { type: 'toggleStep'; guide: string; step: string; done: boolean }
	| { type: 'verify'; requestId: string; guide: string; step: string }
	| { type: 'copyCommand'; guide: string; step: string; index: number }
	| { type: 'openLink'; url: string };

/** How long the host lets a Verify request run before answering `timeout`; the webview waits a little longer. */
export const VERIFY_TIMEOUT_MS = 120_000;
export const WEBVIEW_REQUEST_GRACE_MS = 5_000;

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_URL_LENGTH = 2048;

type Shape = Record<string, (value: unknown) => boolean>;

const isId = (v: unknown): boolean => typeof v === 'string' && ID.test(v);
const isLangValue = (v: unknown): boolean => v === 'en' || v === 'de';

const WEBVIEW_SHAPES: Record<WebviewToHost['type'], Shape> = {
	ready: {},
	setLang: { lang: isLangValue },
	toggleStep: { guide: isId, step: isId, done: (v) => typeof v === 'boolean' },
	verify: { requestId: (v) => typeof v === 'string' && REQUEST_ID.test(v), guide: isId, step: isId },
	copyCommand: {
		guide: isId,
		step: isId,
		index: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 100,
	},
	openLink: { url: (v) => typeof v === 'string' && v.length <= MAX_URL_LENGTH },
};

function hasOwn(object: object, key: string): boolean {
	return Object.prototype.hasOwnProperty.call(object, key);
}

/** The message when its `type` is one of `shapes` and it has exactly that shape's fields, each passing its check. */
function parseExact<M extends { type: string }>(message: unknown, shapes: Record<M['type'], Shape>): M | undefined {
	if (typeof message !== 'object' || message === null || Array.isArray(message)) return undefined;
	const record = message as Record<string, unknown>;
	const type = record.type;
	if (typeof type !== 'string' || !hasOwn(shapes, type)) return undefined;
	const shape = shapes[type as M['type']];
	const keys = Object.keys(record);
	if (keys.length !== Object.keys(shape).length + 1) return undefined;
	for (const [key, check] of Object.entries(shape)) {
		if (!hasOwn(record, key) || !check(record[key])) return undefined;
	}
	return record as unknown as M;
}

/**
 * Returns the message when it is exactly one of {@link WebviewToHost} (known `type`, every field present with the
 * right type, no extra fields), otherwise undefined.
 */
export function parseWebviewMessage(message: unknown): WebviewToHost | undefined {
	return parseExact<WebviewToHost>(message, WEBVIEW_SHAPES);
}

const isStringArray = (v: unknown): boolean => Array.isArray(v) && v.every((s) => typeof s === 'string');

/**
 * The webview's check of what the host sends. The host is trusted, so this guards against version skew and
 * foreign `message` events rather than attacks: known type and the fields the renderer relies on.
 */
export function parseHostMessage(message: unknown): HostToWebview | undefined {
	if (typeof message !== 'object' || message === null || Array.isArray(message)) return undefined;
	const m = message as Record<string, unknown>;
	switch (m.type) {
		case 'init': {
			const ok =
				isLangValue(m.lang) &&
				typeof m.ui === 'object' &&
				m.ui !== null &&
				UI_KEYS.every((k) => typeof (m.ui as Record<string, unknown>)[k] === 'string') &&
				Array.isArray(m.guides) &&
				m.guides.every(
					(g: unknown) =>
						typeof g === 'object' && g !== null && isId((g as GuideView).id) && Array.isArray((g as GuideView).steps),
				) &&
				typeof m.checked === 'object' &&
				m.checked !== null &&
				Object.values(m.checked).every(isStringArray);
			return ok ? (m as unknown as HostToWebview) : undefined;
		}
		case 'focus':
			return isId(m.guide) && (m.step === undefined || isId(m.step)) ? (m as unknown as HostToWebview) : undefined;
		case 'checked':
			return isId(m.guide) && isStringArray(m.steps) ? (m as unknown as HostToWebview) : undefined;
		case 'verifyResult':
			return typeof m.requestId === 'string' &&
				isId(m.guide) &&
				isId(m.step) &&
				(VERIFY_OUTCOMES as readonly unknown[]).includes(m.outcome) &&
				isStringArray(m.details)
				? (m as unknown as HostToWebview)
				: undefined;
		default:
			return undefined;
	}
}

// ---- explanation panel ("Mail: Explain Error…") -----------------------------------------------------------------

/** The labels of the explanation page: the keys of core's EXPLAIN_LABELS plus the heading of the explained input. */
export const EXPLAIN_UI_KEYS = [
	'heading',
	'cause',
	'question',
	'fix',
	'walkthrough',
	'openWalkthrough',
	'rawLine',
	'line',
	'sources',
	'confidence',
	'noMatch',
	'input',
] as const;
export type ExplainUiKey = (typeof EXPLAIN_UI_KEYS)[number];
export type ExplainUiStrings = Readonly<Record<ExplainUiKey, string>>;

/** One explained cause as the page renders it (the wire copy of core's `Explanation`, already in one language). */
export interface ExplanationView {
	id: string;
	title: string;
	cause: string;
	fix: string[];
	/** `guide-id` or `guide-id#step-id`; the page only shows it and asks the host to open it by match index. */
	walkthrough?: string;
	confidence: number;
	/** The check that tells this cause apart from the other candidates of an ambiguous line. */
	question?: string;
	sources: string[];
	matchedText: string;
	line?: number;
}

/** Explanation host → webview: everything the page shows, already localized. */
export interface ExplainHostToWebview {
	type: 'show';
	lang: WireLang;
	ui: ExplainUiStrings;
	/** The text the user asked about, shown back as plain text. */
	input: string;
	matches: ExplanationView[];
}

/**
 * Explanation webview → host. Intents by index into the `matches` (and a match's `sources`) the host sent last; the
 * host resolves them against its own copy and never opens a URL or walkthrough id the page names.
 */
export type ExplainWebviewToHost =
	| { type: 'ready' }
	| { type: 'openWalkthrough'; index: number }
	| { type: 'openSource'; index: number; source: number };

/** The page never shows more than this many matches or sources per match; larger indexes are refused outright. */
const MAX_EXPLAIN_INDEX = 100;
const isIndex = (v: unknown): boolean =>
	typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < MAX_EXPLAIN_INDEX;

const EXPLAIN_WEBVIEW_SHAPES: Record<ExplainWebviewToHost['type'], Shape> = {
	ready: {},
	openWalkthrough: { index: isIndex },
	openSource: { index: isIndex, source: isIndex },
};

/** Host side: the message when it is exactly one of {@link ExplainWebviewToHost}, otherwise undefined. */
export function parseExplainWebviewMessage(message: unknown): ExplainWebviewToHost | undefined {
	return parseExact<ExplainWebviewToHost>(message, EXPLAIN_WEBVIEW_SHAPES);
}

function isExplanationView(value: unknown): boolean {
	if (typeof value !== 'object' || value === null) return false;
	const v = value as Record<string, unknown>;
	return (
		typeof v.id === 'string' &&
		typeof v.title === 'string' &&
		typeof v.cause === 'string' &&
		isStringArray(v.fix) &&
		(v.walkthrough === undefined || typeof v.walkthrough === 'string') &&
		typeof v.confidence === 'number' &&
		(v.question === undefined || typeof v.question === 'string') &&
		isStringArray(v.sources) &&
		typeof v.matchedText === 'string' &&
		(v.line === undefined || (typeof v.line === 'number' && Number.isInteger(v.line)))
	);
}

/** Webview side: the `show` message when it carries every label and well-formed matches (version skew, foreign events). */
export function parseExplainHostMessage(message: unknown): ExplainHostToWebview | undefined {
	if (typeof message !== 'object' || message === null || Array.isArray(message)) return undefined;
	const m = message as Record<string, unknown>;
	const ok =
		m.type === 'show' &&
		isLangValue(m.lang) &&
		typeof m.ui === 'object' &&
		m.ui !== null &&
		EXPLAIN_UI_KEYS.every((k) => typeof (m.ui as Record<string, unknown>)[k] === 'string') &&
		typeof m.input === 'string' &&
		Array.isArray(m.matches) &&
		m.matches.every(isExplanationView);
	return ok ? (m as unknown as ExplainHostToWebview) : undefined;
}
