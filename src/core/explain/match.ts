import type { ProbeCheck } from '../probes/result';
import { renderText } from '../facts/text';
import { CATALOG } from './catalog';
import { type Calibration, type EvidenceKind, type Placement, calibrated } from './calibration';
import { type NormalizedLine, normalizeLine } from './normalize';
import { DISTINGUISHING_QUESTIONS } from './questions';
import type { CatalogEntry, ContextCondition, ExplainContext, Explanation, Rule } from './types';
import { cleanUntrusted } from '../text/untrusted';

/**
 * How much each kind of evidence says about a cause. An AADSTS number or a library error code names one cause
 * almost by itself; an SMTP basic code alone says little; the enhanced code and the reply text narrow it down.
 */
const WEIGHT = {
	smtp: 0.15,
	enhanced: 0.3,
	imapCode: 0.4,
	imapStatus: 0.1,
	aadsts: 0.85,
	oauthError: 0.45,
	errorCode: 0.6,
	text: 0.45,
} as const;
/** A context condition the caller confirmed makes the rule more likely; one the caller left open makes it a guess. */
const CONTEXT_CONFIRMED = 0.1;
const CONTEXT_GUESSED = -0.12;
/** A provider or sign-in kind the line itself names (a host, `XOAUTH2`) counts as half a confirmation. */
const CONTEXT_INFERRED = 0.05;
const CONTEXT_INFERRED_MISMATCH = -0.17;
/** Rules that only read the probe result (no server text) start here. */
const CONTEXT_ONLY_BASE = 0.3;
const MIN_CONFIDENCE = 0.2;
/** On one line, alternatives further than this below the best match are noise, not alternatives. */
const MAX_SPREAD = 0.3;
/** A runner-up this close to the best score makes the best match "contested" for the calibration. */
const CONTESTED_MARGIN = 0.1;
/** Long lines (base64 blobs, minified JSON) are cut so a pasted log cannot make matching slow. */
const MAX_LINE_LENGTH = 4000;

interface LineFeatures {
	/** The normalized line (see normalize.ts); `raw` is what was pasted, for phrases that include wrapper text. */
	text: string;
	raw: string;
	hints: Omit<NormalizedLine, 'text'>;
	smtp: Set<number>;
	enhanced: Set<string>;
	imapCodes: Set<string>;
	imapStatus: Set<string>;
	aadsts: Set<string>;
	words: Set<string>;
	codes: Set<string>;
}

// A reply code stands alone, not inside a number or an IP address; `R:535` (Indy's log prefix) still counts.
const SMTP_CODE = /(?<![\w./])([2-5][0-5]\d)(?=[ \-,:]|$)/g;
const ENHANCED_CODE = /(?<![\d.])([245]\.\d{1,3}\.\d{1,3})(?!\d|\.\d)/g;
const IMAP_CODE = /\[([A-Z][A-Z-]{2,})[\] ]/g;
// imapflow's `serverResponseCode` and node-imap's `textCode`, as a logged error object prints them.
const IMAP_CODE_FIELD = /(?:serverResponseCode|textCode)['"]?\s*[:=]\s*['"]([A-Z-]+)/g;
// Response codes that cannot be ordinary words also count without brackets: users paste `AUTHENTICATIONFAILED`
// alone, or a library's message that dropped the brackets (RFC 5530 and RFC 3501 compound codes).
const IMAP_CODE_BARE =
	/\b(AUTHENTICATIONFAILED|AUTHORIZATIONFAILED|PRIVACYREQUIRED|CONTACTADMIN|NONEXISTENT|ALREADYEXISTS|OVERQUOTA|SERVERBUG|CLIENTBUG|EXPUNGEISSUED|NOPERM|TRYCREATE|WEBALERT)\b/g;
const IMAP_STATUS = /\b(NO|BAD|BYE)\b(?=\s+[[A-Za-z])/g;
const AADSTS = /AADSTS(\d{4,7})\b/gi;
const SNAKE_WORD = /\b[a-z]+(?:_[a-z]+)+\b/g;
const UPPER_CODE = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\b/g;

function collect<T>(line: string, pattern: RegExp, map: (match: RegExpExecArray) => T | undefined): Set<T> {
	const found = new Set<T>();
	for (const match of line.matchAll(pattern)) {
		const value = map(match);
		if (value !== undefined) found.add(value);
	}
	return found;
}

function extract(raw: string): LineFeatures {
	const { text: line, ...hints } = normalizeLine(raw);
	const imapCodes = collect(line, IMAP_CODE, (m) => m[1]);
	for (const code of collect(raw, IMAP_CODE_FIELD, (m) => m[1])) imapCodes.add(code);
	for (const code of collect(line, IMAP_CODE_BARE, (m) => m[1])) imapCodes.add(code);
	return {
		text: line,
		raw,
		hints,
		smtp: collect(line, SMTP_CODE, (m) => Number(m[1])),
		enhanced: collect(line, ENHANCED_CODE, (m) => m[1]),
		imapCodes,
		imapStatus: collect(line, IMAP_STATUS, (m) => m[1]),
		aadsts: collect(line, AADSTS, (m) => m[1]),
		words: collect(line, SNAKE_WORD, (m) => m[0]),
		// Short upper-case words (NO, OK, TLS) are collected too; no rule lists a code that an ordinary word spells.
		codes: collect(line, UPPER_CODE, (m) => m[0]),
	};
}

function anyIn<T>(wanted: readonly T[] | undefined, have: Set<T>): boolean {
	return wanted === undefined || wanted.some((value) => have.has(value));
}

function hasLineCondition(rule: Rule): boolean {
	return (
		rule.smtp !== undefined ||
		rule.enhanced !== undefined ||
		rule.imapCode !== undefined ||
		rule.imapStatus !== undefined ||
		rule.aadsts !== undefined ||
		rule.oauthError !== undefined ||
		rule.errorCode !== undefined ||
		rule.text !== undefined
	);
}

const CONTEXT_KEYS = ['auth', 'provider', 'stage', 'probe'] as const satisfies readonly (keyof ContextCondition)[];

function contextValue(ctx: ExplainContext, key: (typeof CONTEXT_KEYS)[number]): string | undefined {
	return key === 'probe' ? ctx.probeCode : ctx[key];
}

/**
 * Adjustment for the rule's context conditions, or undefined when the caller's context rules the rule out.
 * `guessAllowed` is false for rules without line evidence: those may not guess at all.
 */
function contextScore(
	when: ContextCondition | undefined,
	ctx: ExplainContext,
	guessAllowed: boolean,
	hints: LineFeatures['hints'] = {},
): number | undefined {
	let score = 0;
	for (const key of CONTEXT_KEYS) {
		const wanted: readonly string[] | undefined = when?.[key];
		if (!wanted) continue;
		const actual = contextValue(ctx, key);
		const hint = key === 'provider' || key === 'auth' ? hints[key] : undefined;
		if (actual === undefined) {
			if (!guessAllowed) return undefined;
			if (hint === undefined) score += CONTEXT_GUESSED;
			else score += wanted.includes(hint) ? CONTEXT_INFERRED : CONTEXT_INFERRED_MISMATCH;
		} else if (wanted.includes(actual)) score += CONTEXT_CONFIRMED;
		else return undefined;
	}
	return score;
}

/** The kind of evidence a line rule rests on: the calibration measures how often each kind is right. */
function evidenceKind(rule: Rule): EvidenceKind {
	if (rule.aadsts || rule.errorCode) return 'identifier';
	const code = rule.smtp || rule.enhanced || rule.imapCode || rule.imapStatus || rule.oauthError;
	if (rule.text) return code ? 'code+text' : 'text';
	return 'code';
}

function scoreLineRule(rule: Rule, f: LineFeatures, ctx: ExplainContext): number | undefined {
	if (!anyIn(rule.smtp, f.smtp) || !anyIn(rule.enhanced, f.enhanced)) return undefined;
	if (!anyIn(rule.imapCode, f.imapCodes) || !anyIn(rule.imapStatus, f.imapStatus)) return undefined;
	if (!anyIn(rule.aadsts, f.aadsts) || !anyIn(rule.oauthError, f.words) || !anyIn(rule.errorCode, f.codes)) {
		return undefined;
	}
	if (rule.text && !rule.text.test(f.text) && !rule.text.test(f.raw)) return undefined;
	const context = contextScore(rule.when, ctx, true, f.hints);
	if (context === undefined) return undefined;
	let score = context + (rule.bias ?? 0);
	if (rule.smtp) score += WEIGHT.smtp;
	if (rule.enhanced) score += WEIGHT.enhanced;
	if (rule.imapCode) score += WEIGHT.imapCode;
	if (rule.imapStatus) score += WEIGHT.imapStatus;
	if (rule.aadsts) score += WEIGHT.aadsts;
	if (rule.oauthError) score += WEIGHT.oauthError;
	if (rule.errorCode) score += WEIGHT.errorCode;
	if (rule.text) score += WEIGHT.text;
	return score;
}

/**
 * Scores line rules (rules with line evidence) against one pasted line: the tests use it to demand a real line for every rule, regex
 * alternative and code of the catalog, which the ranking alone cannot show (another rule may find the same cause).
 */
export function ruleScorer(line: string, ctx: ExplainContext): (rule: Rule) => number | undefined {
	const features = extract(line);
	return (rule) => scoreLineRule(rule, features, ctx);
}

function scoreContextRule(rule: Rule, ctx: ExplainContext): number | undefined {
	const context = contextScore(rule.when, ctx, false);
	return context === undefined ? undefined : CONTEXT_ONLY_BASE + context + (rule.bias ?? 0);
}

interface CompiledEntry {
	entry: CatalogEntry;
	order: number;
	lineRules: Rule[];
	contextRules: Rule[];
}

let compiled: CompiledEntry[] | undefined;

/** Splits the catalog once, on first use, so importing this module costs nothing at extension activation. */
function compiledCatalog(): CompiledEntry[] {
	compiled ??= CATALOG.map((entry, order) => ({
		entry,
		order,
		lineRules: entry.rules.filter(hasLineCondition),
		contextRules: entry.rules.filter((rule) => !hasLineCondition(rule)),
	}));
	return compiled;
}

interface Hit {
	compiled: CompiledEntry;
	/** The rule score: evidence weights plus context; it ranks candidates but is not a probability. */
	score: number;
	kind: EvidenceKind;
	line?: number;
	text: string;
}

/** A ranked candidate before localisation: what the calibration script measures. */
export interface RankedCause {
	id: string;
	score: number;
	kind: EvidenceKind;
	placement: Placement;
}

function best(
	rules: readonly Rule[],
	score: (rule: Rule) => number | undefined,
): { score: number; rule: Rule } | undefined {
	let top: { score: number; rule: Rule } | undefined;
	for (const rule of rules) {
		const value = score(rule);
		if (value !== undefined && (top === undefined || value > top.score)) top = { score: value, rule };
	}
	return top;
}

function keepClose(hits: Hit[]): Hit[] {
	const top = Math.max(...hits.map((hit) => hit.score));
	return hits.filter((hit) => hit.score >= MIN_CONFIDENCE && hit.score >= top - MAX_SPREAD);
}

function localize(hit: Hit, confidence: number, ctx: ExplainContext): Explanation {
	const { entry } = hit.compiled;
	// `provider` comes from the config or a flag: an own-property lookup, so `constructor` or `__proto__` find nothing.
	const byProvider = entry.walkthroughByProvider;
	const walkthrough =
		(ctx.provider && byProvider && Object.hasOwn(byProvider, ctx.provider) ? byProvider[ctx.provider] : undefined) ||
		entry.walkthrough;
	const question = DISTINGUISHING_QUESTIONS[entry.id];
	const now = ctx.now ?? new Date();
	return {
		id: entry.id,
		title: renderText(entry.title, ctx.lang, now),
		cause: renderText(entry.cause, ctx.lang, now),
		fix: entry.fix.map((step) => renderText(step, ctx.lang, now)),
		...(walkthrough ? { walkthrough } : {}),
		confidence,
		...(question ? { question: question[ctx.lang] } : {}),
		sources: [...entry.sources],
		matchedText: hit.text,
		...(hit.line !== undefined ? { line: hit.line } : {}),
	};
}

/** Every cause found in `text`, best first, with the rule score and evidence kind that found it. */
function rankHits(text: string, ctx: ExplainContext): Hit[] {
	const catalog = compiledCatalog();
	const byId = new Map<string, Hit>();
	text.split(/\r?\n/).forEach((raw, index) => {
		// Pasted log lines carry terminal colours and whatever a hostile server sent: matched and shown without them.
		const line = cleanUntrusted(raw.trim().slice(0, MAX_LINE_LENGTH)).trim();
		if (!line) return;
		const features = extract(line);
		const hits: Hit[] = [];
		for (const entry of catalog) {
			const found = best(entry.lineRules, (rule) => scoreLineRule(rule, features, ctx));
			if (found)
				hits.push({ compiled: entry, score: found.score, kind: evidenceKind(found.rule), line: index, text: line });
		}
		if (hits.length === 0) return;
		for (const hit of keepClose(hits)) {
			const previous = byId.get(hit.compiled.entry.id);
			if (!previous || hit.score > previous.score) byId.set(hit.compiled.entry.id, hit);
		}
	});
	if (byId.size === 0 && (ctx.probeCode !== undefined || ctx.stage !== undefined)) {
		const hits: Hit[] = [];
		for (const entry of catalog) {
			const found = best(entry.contextRules, (rule) => scoreContextRule(rule, ctx));
			if (found) hits.push({ compiled: entry, score: found.score, kind: 'context', text: '' });
		}
		if (hits.length > 0) for (const hit of keepClose(hits)) byId.set(hit.compiled.entry.id, hit);
	}
	return [...byId.values()].sort(
		(a, b) => b.score - a.score || (a.line ?? 0) - (b.line ?? 0) || a.compiled.order - b.compiled.order,
	);
}

function placements(hits: readonly Hit[]): Placement[] {
	const contested = hits.length > 1 && (hits[0] as Hit).score - (hits[1] as Hit).score < CONTESTED_MARGIN;
	return hits.map((_, index) => (index > 0 ? 'alternative' : contested ? 'first-contested' : 'first'));
}

/** The ranking without texts: the calibration script and the tests measure it against the fixture tables. */
export function rankCauses(text: string, ctx: ExplainContext): RankedCause[] {
	const hits = rankHits(text, ctx);
	const places = placements(hits);
	return hits.map((hit, index) => ({
		id: hit.compiled.entry.id,
		score: hit.score,
		kind: hit.kind,
		placement: places[index] as Placement,
	}));
}

/**
 * Explains every recognisable line of `text` (a reply, an exception message or a log excerpt), best match first.
 * Each cause appears once, with the line it was most confidently found on. When no line is recognised but the
 * context names a probe error code, causes that fit the probe result alone are returned with lower confidence.
 * `confidence` is the measured share of correct answers for matches of the same evidence kind and placement
 * (calibration.ts), not the rule score.
 */
export function explain(text: string, ctx: ExplainContext, calibration?: Calibration): Explanation[] {
	const hits = rankHits(text, ctx);
	const places = placements(hits);
	return hits.map((hit, index) => localize(hit, calibrated(hit.kind, places[index] as Placement, calibration), ctx));
}

/** The last server line of a redacted probe transcript (`S: ...`), for probes that recorded no serverResponse. */
function lastServerLine(transcript: readonly string[]): string {
	for (let i = transcript.length - 1; i >= 0; i--) {
		const entry = transcript[i] as string;
		if (entry.startsWith('S:')) return entry.slice(2).trim();
	}
	return '';
}

/**
 * Explains a failed probe check from its failed stage, probe error code and the server's reply: the explanation
 * shown in the probe report, the test diagnostics and `mailcfg test`. A passed check has nothing to explain.
 */
export function explainCheck(check: ProbeCheck, ctx: Omit<ExplainContext, 'stage' | 'probeCode'>): Explanation[] {
	if (check.ok) return [];
	const text = check.error?.serverResponse ?? lastServerLine(check.transcript);
	return explain(text, {
		...ctx,
		...(check.failedStage ? { stage: check.failedStage } : {}),
		...(check.error ? { probeCode: check.error.code } : {}),
	});
}
