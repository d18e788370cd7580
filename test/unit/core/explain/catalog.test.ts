import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOG } from '../../../../src/core/explain/catalog';
import { resolveWalkthroughRef } from '../../../../src/core/walkthroughs/catalog';
import { DISTINGUISHING_QUESTIONS } from '../../../../src/core/explain/questions';
import { explain, rankCauses, ruleScorer } from '../../../../src/core/explain/match';
import type { Rule } from '../../../../src/core/explain/types';
import { AADSTS_LINES } from '../../../fixtures/error-lines/aadsts';
import { HELD_OUT_LINES } from '../../../fixtures/error-lines/held-out';
import { ENHANCED_CODE_LINES, ERROR_CODE_LINES, OAUTH_ERROR_LINES } from '../../../fixtures/error-lines/codes';
import { type ErrorLine, NEAR_MISSES, REAL_WORLD_LINES } from '../../../fixtures/error-lines/real-world';
import { variants } from '../../../../src/core/facts/text';

/** The cause ids issue 4 names; each must exist with exactly this id. */
const REQUIRED_CAUSE_IDS = [
	'smtp-auth-disabled',
	'basic-auth-blocked',
	'invalid-credentials',
	'app-password-required',
	'mfa-required',
	'conditional-access-blocked',
	'consent-required',
	'app-not-found',
	'invalid-client-secret',
	'public-client-mismatch',
	'invalid-scope',
	'redirect-uri-mismatch',
	'tenant-not-found',
	'mailbox-permission-missing',
	'oauth-token-rejected',
	'send-as-denied',
	'client-not-authenticated',
	'starttls-required',
	'tls-mode-mismatch',
	'certificate-untrusted',
	'connection-refused',
	'host-not-found',
	'connection-timeout',
	'auth-mechanism-unsupported',
	'throttled',
	'imap-disabled',
	'mailbox-not-found',
	'account-locked',
	'password-expired',
];

test('every required cause id exists, and ids are unique kebab-case', () => {
	const ids = CATALOG.map((entry) => entry.id);
	for (const id of REQUIRED_CAUSE_IDS) assert.ok(ids.includes(id), `missing cause ${id}`);
	assert.equal(new Set(ids).size, ids.length, 'duplicate cause id');
	for (const id of ids) assert.match(id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
});

test('every entry has both languages, fix steps, https sources and at least one rule', () => {
	for (const entry of CATALOG) {
		for (const text of [entry.title, entry.cause, ...entry.fix].flatMap(variants)) {
			assert.ok(text.en.trim() && text.de.trim(), `${entry.id}: empty text`);
			assert.notEqual(text.en, text.de, `${entry.id}: German text is a copy of the English one: ${text.en}`);
		}
		assert.ok(entry.fix.length > 0, `${entry.id}: no fix steps`);
		assert.ok(entry.sources.length > 0, `${entry.id}: no sources`);
		for (const url of entry.sources) assert.match(url, /^https:\/\//, `${entry.id}: ${url}`);
		assert.ok(entry.rules.length > 0, `${entry.id}: no rules`);
	}
});

test('every walkthrough reference resolves to a real guide (and step) in src/core/walkthroughs', () => {
	for (const entry of CATALOG) {
		const refs = [entry.walkthrough, ...Object.values(entry.walkthroughByProvider ?? {})].filter(
			(ref): ref is string => ref !== undefined,
		);
		for (const ref of refs) assert.ok(resolveWalkthroughRef(ref), `${entry.id}: ${ref} does not resolve`);
	}
});

/**
 * What makes a line "noisy": anything around the server's words that a user pastes along (timestamps and log
 * prefixes, exception class names, JSON/XML/HTML wrappers, escaped quotes and line breaks, Python bytes reprs,
 * non-English surroundings).
 */
const NOISE =
	/^\W*\[?\d{4}-\d{2}-\d{2}|^\W*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d|\b\w+(?:\/\w+)*\[\d+\]:|\b(?:[a-z]\w*\.)+[A-Z]\w*(?:Exception|Error)\b|\w(?:Exception|Error):|^\s*[{<]|"\w+"\s*:|\\[rn"]|\bb'|<\/?[a-z]+>|[^\p{ASCII}]{2}/u;

test('the error-line tables: 300+ real lines with https sources, 8+ per cause, 60+ noisy, 30+ near misses', () => {
	const all = [...REAL_WORLD_LINES, ...HELD_OUT_LINES];
	assert.ok(all.length >= 300, `only ${all.length} lines`);
	for (const entry of CATALOG) {
		const lines = all.filter((line) => line.id === entry.id);
		assert.ok(lines.length >= 8, `${entry.id}: only ${lines.length} real-world lines`);
		assert.ok(
			HELD_OUT_LINES.some((line) => line.id === entry.id),
			`${entry.id}: nothing held out`,
		);
	}
	for (const line of [...all, ...AADSTS_LINES, ...NEAR_MISSES]) {
		assert.match(line.source, /^https:\/\//, line.line);
		const id = 'id' in line ? line.id : line.expected;
		assert.ok(
			CATALOG.some((entry) => entry.id === id),
			`fixture names unknown cause ${id}`,
		);
	}
	const noisy = all.filter((line) => NOISE.test(line.line)).length;
	assert.ok(noisy >= 60, `only ${noisy} noisy lines`);
	assert.ok(NEAR_MISSES.length >= 30, `only ${NEAR_MISSES.length} near misses`);
});

test('distinguishing questions exist in both languages and only for known causes', () => {
	for (const [id, question] of Object.entries(DISTINGUISHING_QUESTIONS)) {
		assert.ok(
			CATALOG.some((entry) => entry.id === id),
			`question for unknown cause ${id}`,
		);
		for (const text of [question.en, question.de]) assert.ok(text.includes('?'), `${id}: not a question: ${text}`);
		assert.notEqual(question.en, question.de, id);
	}
});

test('every cause offered beside another for a real line comes with the question that tells them apart', () => {
	// A user shown two or three candidates needs a way to pick one; a candidate without a question leaves them guessing.
	for (const { line, context, source } of REAL_WORLD_LINES) {
		for (const lang of ['en', 'de'] as const) {
			const matches = explain(line, { lang, ...context });
			if (matches.length < 2) continue;
			for (const match of matches)
				assert.ok(match.question, `${source}: ${match.id} offered without a question (${lang})`);
		}
	}
});

/** The cause a real line is explained as first, with the context its thread gives. */
function firstCause({ line, context }: (typeof REAL_WORLD_LINES)[number]): string | undefined {
	return explain(line, { lang: 'en', ...context })[0]?.id;
}

test('every cause and every AADSTS code of the catalog has a real line that is explained as that cause first', () => {
	const lines = [...REAL_WORLD_LINES, ...HELD_OUT_LINES, ...AADSTS_LINES];
	const recognised = lines.filter((line) => firstCause(line) === line.id);
	const missing: string[] = [];
	for (const entry of CATALOG) {
		if (!recognised.some((line) => line.id === entry.id)) missing.push(`${entry.id}: no line names it first`);
		for (const code of entry.rules.flatMap((rule) => rule.aadsts ?? [])) {
			// The code itself must be on the line (not a longer code that starts with it).
			const mention = new RegExp(`AADSTS${code}(?!\\d)`);
			const proof = recognised.some((line) => line.id === entry.id && mention.test(line.line));
			if (!proof) missing.push(`${entry.id}: no real line with AADSTS${code} names it first`);
		}
	}
	assert.deepEqual(missing, []);
});

test('each line of the AADSTS table is explained as its cause first', () => {
	const wrong = AADSTS_LINES.filter((line) => firstCause(line) !== line.id).map(
		(line) => `${line.source}: expected ${line.id}, got ${firstCause(line)}`,
	);
	assert.deepEqual(wrong, []);
});

/**
 * The top-level alternatives of a regular expression's source (`a|b(c|d)` -> `a`, `b(c|d)`), and each optional part
 * (`x?`, `[ab]?`, `(?:is )?`) as its alternative made mandatory and without it: another alternative must not stand in
 * for the line that shows the part.
 */
function regexParts(source: string): {
	alternatives: string[];
	optional: { alternative: number; mandatory: string; without: string }[];
} {
	const bounds: [number, number][] = [];
	const marks: { start: number; at: number; alternative: number }[] = [];
	const groupStarts: number[] = [];
	let alternativeStart = 0;
	let atomStart = -1;
	for (let i = 0; i < source.length; i++) {
		const c = source[i];
		const start = i;
		if (c === '\\') i++;
		else if (c === '[') {
			for (i++; source[i] !== ']'; i++) if (source[i] === '\\') i++;
		} else if (c === '(') {
			groupStarts.push(i);
			atomStart = -1;
			continue;
		} else if (c === ')') {
			atomStart = groupStarts.pop() as number;
			continue;
		} else if (c === '|') {
			if (groupStarts.length === 0) {
				bounds.push([alternativeStart, i]);
				alternativeStart = i + 1;
			}
			atomStart = -1;
			continue;
		} else if (c === '?' && atomStart >= 0) {
			marks.push({ start: atomStart, at: i, alternative: bounds.length });
			atomStart = -1;
			continue;
		} else if ('*+?{'.includes(c as string)) {
			// Another quantifier (or a lazy one): not an optional part.
			if (c === '{') i = source.indexOf('}', i);
			atomStart = -1;
			continue;
		}
		atomStart = start;
	}
	bounds.push([alternativeStart, source.length]);
	const optional = marks.map(({ start, at, alternative }) => {
		const [from, to] = bounds[alternative] as [number, number];
		return {
			alternative,
			mandatory: source.slice(from, at) + source.slice(at + 1, to),
			without: source.slice(from, start) + source.slice(at + 1, to),
		};
	});
	return { alternatives: bounds.map(([from, to]) => source.slice(from, to)), optional };
}

/** The structured evidence a rule may list; each value must be on a real line of the rule's cause. */
const CODE_KEYS = ['smtp', 'enhanced', 'imapCode', 'imapStatus', 'aadsts', 'oauthError', 'errorCode'] as const;

/**
 * Every line of the tables, labelled with its cause, that `explain` names that cause for first (with its thread's
 * context): posted lines (tuning, held-out, AADSTS, near misses) and, for bare codes, the libraries' and standards'
 * own lists. Held-out lines count as evidence, but are never read to write a rule.
 */
const EVIDENCE: readonly ErrorLine[] = [
	...REAL_WORLD_LINES,
	...HELD_OUT_LINES,
	...AADSTS_LINES,
	...NEAR_MISSES.map(({ line, source, expected, context }) => ({
		id: expected,
		line,
		source,
		...(context ? { context } : {}),
	})),
	...ERROR_CODE_LINES,
	...ENHANCED_CODE_LINES,
	...OAUTH_ERROR_LINES,
].filter((line) => firstCause(line) === line.id);

/**
 * What a rule of the catalog claims without a real line behind it: the rule fires on no line of its cause, a
 * top-level alternative of its text or a code it lists is on none, an optional part of its text is never there (or
 * always there), or a negative bias keeps no near miss from being named first. Keys: `cause#rule`, then the part.
 */
function unevidenced(): string[] {
	const gaps: string[] = [];
	const scorers = new Map(EVIDENCE.map((line) => [line, ruleScorer(line.line, { lang: 'en', ...line.context })]));
	for (const entry of CATALOG) {
		const own = EVIDENCE.filter((line) => line.id === entry.id).map((line) => scorers.get(line) as Scorer);
		entry.rules.forEach((rule, index) => {
			if (!CODE_KEYS.some((key) => rule[key]) && !rule.text) return;
			const key = `${entry.id}#${index}`;
			const fires = (variant: Rule): boolean => own.some((score) => score(variant) !== undefined);
			if (!fires(rule)) {
				gaps.push(key);
				return;
			}
			if (rule.text) {
				const { flags, source } = rule.text;
				const { alternatives, optional } = regexParts(source);
				const seen = alternatives.map((alternative) => fires({ ...rule, text: new RegExp(alternative, flags) }));
				seen.forEach((found, i) => {
					if (!found) gaps.push(`${key} alternative ${i}`);
				});
				// An alternative without a line is reported once, not once more for each of its optional parts.
				optional.forEach(({ alternative, mandatory, without }, i) => {
					if (!seen[alternative]) return;
					if (!fires({ ...rule, text: new RegExp(mandatory, flags) })) gaps.push(`${key} optional ${i} present`);
					if (!fires({ ...rule, text: new RegExp(without, flags) })) gaps.push(`${key} optional ${i} absent`);
				});
			}
			for (const codeKey of CODE_KEYS) {
				const codes: readonly (string | number)[] = rule[codeKey] ?? [];
				codes.forEach((code, i) => {
					if (!fires({ ...rule, [codeKey]: [code] })) gaps.push(`${key} ${codeKey} ${i}`);
				});
			}
			const bias = rule.bias ?? 0;
			if (bias < 0 && !NEAR_MISSES.some((miss) => biasDecides(rule, bias, entry.id, miss))) gaps.push(`${key} bias`);
		});
	}
	return gaps;
}

type Scorer = (rule: Rule) => number | undefined;

/** Whether, on this near miss, the rule without its negative bias would score at least as high as the right cause. */
function biasDecides(rule: Rule, bias: number, id: string, miss: (typeof NEAR_MISSES)[number]): boolean {
	if (miss.expected === id) return false;
	const ctx = { lang: 'en', ...miss.context } as const;
	const score = ruleScorer(miss.line, ctx)(rule);
	const first = rankCauses(miss.line, ctx)[0];
	return score !== undefined && first?.id === miss.expected && score - bias >= first.score;
}

test('every rule, regex alternative, optional part, listed code and negative bias of the catalog has a real line', () => {
	// A part no real line needs is a guess: it may match look-alike lines of other causes, and nothing notices when
	// it breaks. Each one needs a line (with its source) in test/fixtures/error-lines/, or goes; WITHOUT_LINE lists
	// those still to be found.
	const gaps = unevidenced();
	const fresh = gaps.filter((gap) => !(gap in WITHOUT_LINE));
	const found = Object.keys(WITHOUT_LINE).filter((gap) => !gaps.includes(gap));
	assert.deepEqual(fresh, [], 'without a real line (add one, or remove the part)');
	assert.deepEqual(found, [], 'listed in WITHOUT_LINE, but a real line exists now: remove them from the list');
});

/**
 * Parts of the catalog no real line backs yet (see the test above), each with the part it names. None of them was
 * searched for yet (2026-12-04): each is a to-do, to be backed by a real line or removed, and the list only shrinks.
 * Rules that exist to offer a cause as an alternative reading (a bare `535 5.7.3`) show up here too: no line names them
 * first.
 */
const WITHOUT_LINE: Readonly<Record<string, string>> = {
	'smtp-auth-disabled#2 optional 0 present':
		' ? in /SMTP ?client(?:Authentication)? is disabled for the (?:Tenant|Mailbox)/i: never present',
	'smtp-auth-disabled#3': '{"smtp":[535],"enhanced":["5.7.3"]}  (bias -0.15)',
	'smtp-auth-disabled#4': '{"enhanced":["5.7.3"]} /Authentication unsuccessful/i (bias -0.2)',
	'basic-auth-blocked#2': '{"smtp":[550],"enhanced":["5.7.30"]} /Basic authentication is not supported/i',
	'basic-auth-blocked#3': '/Basic authentication is not supported for Client Submission/i (bias 0.2)',
	'basic-auth-blocked#4 optional 0 absent':
		"'? in /locked by your organi[sz]ation'?s security defaults/i: never absent",
	'basic-auth-blocked#7': '{"imapStatus":["NO"]} /\\bAUTHENTICATE failed\\.?/ (bias 0.1)',
	'basic-auth-blocked#11': '/-ERR Authentication failure: unknown user name or bad password/i',
	'basic-auth-blocked#12 bias': 'bias -0.05: no near miss it keeps from being named first',
	'basic-auth-blocked#13': '{"smtp":[535],"enhanced":["5.7.3"]}  (bias -0.2)',
	'basic-auth-blocked#14': '{"enhanced":["5.7.3"]} /Authentication unsuccessful/i (bias -0.2)',
	'invalid-credentials#4 alternative 0': 'Authentication credentials invalid',
	'invalid-credentials#5 optional 0 present':
		' ? in /Invalid credentials|Authentication failed|Invalid user ?name or password/i: never present',
	'invalid-credentials#6 bias': 'bias -0.1: no near miss it keeps from being named first',
	'invalid-credentials#7 optional 0 present':
		' ? in /\\bInvalid credentials\\b|\\bauthentication failed\\b|\\bInvalid user ?name or password\\b/i: never present',
	'invalid-credentials#7 bias': 'bias -0.05: no near miss it keeps from being named first',
	'invalid-credentials#8 alternative 1': 'passdb.{0,60}\\bunknown user\\b',
	'invalid-credentials#10': '/\\bLOGIN failed\\b/i (bias -0.05)',
	'invalid-credentials#13':
		'/-ERR (?:\\[AUTH\\] )?(?:Authentication failed|Username and password not accepted|invalid user or password)/i',
	'invalid-credentials#14': '/unknown user name or bad password/i (bias -0.1)',
	'invalid-credentials#15': '{"imapStatus":["NO"]} /\\bLOGIN failed\\.?/ (bias -0.15)',
	'invalid-credentials#17 bias': 'bias -0.15: no near miss it keeps from being named first',
	'invalid-credentials#18 bias': 'bias -0.1: no near miss it keeps from being named first',
	'invalid-credentials#19 bias': 'bias -0.3: no near miss it keeps from being named first',
	'app-password-required#4': '/(?:anwendungsspezifisches|App-)Passwort (?:erforderlich|notwendig)/i (bias 0.2)',
	'mfa-required#4': '{"oauthError":["interaction_required"]}  (bias -0.15)',
	'account-locked#2 optional 0 absent':
		'(?:is |has been )? in /\\baccount (?:is |has been )?(?:locked|disabled|suspended)\\b/i: never absent',
	'account-locked#2 bias': 'bias -0.05: no near miss it keeps from being named first',
	'account-locked#3 optional 0 absent': '(?:is )? in /\\b(?:user|account) (?:is )?locked\\b/i: never absent',
	'account-locked#3 bias': 'bias -0.1: no near miss it keeps from being named first',
	'account-locked#7': '{"imapCode":["ALERT"]} /account (?:is )?(?:locked|disabled|suspended)/i',
	'password-expired#3': '{"oauthError":["user_password_expired"]}',
	'password-expired#5 alternative 1': 'expired password',
	'password-expired#5 optional 0 absent':
		'(?:has |is )? in /password (?:has |is )?expired|expired password|PasswordExpired/i: never absent',
	'consent-required#3 bias': 'bias -0.05: no near miss it keeps from being named first',
	'app-not-found#1 bias': 'bias -0.05: no near miss it keeps from being named first',
	'app-not-found#2 bias': 'bias -0.1: no near miss it keeps from being named first',
	'app-not-found#3 optional 0 present':
		'(?:id )? in /Application (?:id )?with identifier\\b.{0,120}?\\bwas not found in the directory/i: never present',
	'app-not-found#4 bias': 'bias -0.2: no near miss it keeps from being named first',
	'invalid-client-secret#5 optional 0 absent':
		's? in /Invalid client secret provided|client secret keys? (?:for|are) (?:app|expired)/i: never absent',
	'invalid-client-secret#6 bias': 'bias -0.1: no near miss it keeps from being named first',
	'redirect-uri-mismatch#3 alternative 0': 'redirect URI specified in the request does not match',
	'refresh-token-expired#4 bias': 'bias -0.1: no near miss it keeps from being named first',
	'refresh-token-expired#5 bias': 'bias -0.2: no near miss it keeps from being named first',
	'oauth-token-rejected#3 bias': 'bias -0.12: no near miss it keeps from being named first',
	'oauth-token-rejected#6': '/"status"\\s*:\\s*"40[01]"\\s*,\\s*"schemes"\\s*:\\s*"bearer/i (bias 0.4)',
	'oauth-token-rejected#7': '/eyJzdGF0dXMiOiI0MD[AE]/ (bias 0.4)',
	'oauth-token-rejected#8': '{"imapCode":["AUTHENTICATIONFAILED"]} /Invalid credentials/i (bias 0.12)',
	'oauth-token-rejected#10 bias': 'bias -0.05: no near miss it keeps from being named first',
	'oauth-token-rejected#11 bias': 'bias -0.1: no near miss it keeps from being named first',
	'device-code-not-completed#4 optional 0 absent':
		' ? in /device code has expired|Pending end-user authorization|Authorization is pending|polling state code_expired|device ?code.{0,160}\\bCode Expired\\b/i: never absent',
	'send-as-denied#5 optional 0 present':
		'(?:the )? in /Sender address rejected: not owned by (?:the )?(?:auth(?:enticated)? )?user/i: never present',
	'client-not-authenticated#0 smtp 1': '550',
	'client-not-authenticated#2 optional 0 present':
		'(?:anonymous )? in /Client not authenticated to send (?:anonymous )?mail|Client was not authenticated/i: never present',
	'client-not-authenticated#5': '{"errorCode":["ENOAUTH"]} /Missing credentials/i',
	'relay-denied#0 enhanced 1': '5.7.64',
	'relay-denied#1 alternative 4': 'not permitted to relay',
	'relay-denied#2': '{"enhanced":["5.7.64"]} /TenantAttribution/i',
	'imap-disabled#0 alternative 1': 'enable your account for IMAP access',
	'imap-disabled#1 optional 1 absent': '(?:is )? in /IMAP (?:access )?(?:is )?disabled/i: never absent',
	'imap-disabled#2 alternative 2': 'yet to enable IMAP',
	'imap-disabled#2 alternative 3': 'IMAP use is disabled',
	'imap-disabled#2 optional 1 absent':
		'(?:is )? in /IMAP (?:access )?(?:is )?(?:disabled|not enabled)|IMAP is disabled|yet to enable IMAP|IMAP use is disabled/i: never absent',
	'imap-disabled#3 optional 2 present':
		'(?:IMAP |POP3? )? in /(?:POP3?|IMAP)[ /](?:IMAP |POP3? )?(?:access|Zugriff) (?:is )?(?:disabled|deaktiviert)/i: never present',
	'imap-disabled#3 optional 3 absent':
		'(?:is )? in /(?:POP3?|IMAP)[ /](?:IMAP |POP3? )?(?:access|Zugriff) (?:is )?(?:disabled|deaktiviert)/i: never absent',
	'imap-disabled#6 alternative 1': '\\bLOGIN failed\\b',
	'imap-disabled#8': '/\\bLOGIN failed\\b/i (bias 0.1)',
	'mailbox-not-found#1 bias': 'bias -0.05: no near miss it keeps from being named first',
	'mailbox-not-found#4 alternative 1': 'RecipNotFound',
	'folder-not-found#1 bias': 'bias -0.05: no near miss it keeps from being named first',
	'folder-not-found#2 alternative 3': "The folder .* (?:was not found|doesn'?t exist)",
	'folder-not-found#2 optional 0 absent':
		"'? in /Mailbox doesn'?t exist|Unknown Mailbox|folder (?:does not|doesn'?t) exist|The folder .* (?:was not found|doesn'?t exist)/i: never absent",
	'folder-not-found#4 optional 0 absent':
		"'? in /MailboxFolderSelectError|nonexistent namespace|Mailbox name should probably be prefixed|Mailbox isn'?t selectable|Folder not exists|requested folder does not exist/i: never absent",
	'auth-mechanism-unsupported#0 alternative 1': 'mechanism',
	'auth-mechanism-unsupported#0 enhanced 1': '5.5.4',
	'auth-mechanism-unsupported#3 alternative 0': 'Unsupported authentication mechanism',
	'auth-mechanism-unsupported#3 alternative 2': 'authentication mechanism (?:is )?not supported',
	'auth-mechanism-unsupported#3 optional 1 absent':
		'(?:\\w+ )? in /Unsupported authentication mechanism|No (?:compatible|supported) authentication mechanism|authentication mechanism (?:is )?not supported|AUTH mechanism (?:\\w+ )?not available/i: never absent',
	'mailbox-full#0 smtp 3': '550',
	'mailbox-full#2 alternative 1': '\\bover (?:its |the )?(?:storage )?quota\\b',
	'mailbox-full#2 alternative 6': '\\bPostfach (?:ist )?voll\\b',
	'mailbox-full#2 alternative 7': 'Speicherplatz (?:ist )?(?:voll|erschöpft|aufgebraucht)',
	'mailbox-full#2 optional 0 present':
		'(?:is )? in /\\bmailbox (?:is )?full\\b|\\bover (?:its |the )?(?:storage )?quota\\b|has exceeded (?:the )?maximum mailbox size|\\b(?:QuotaExceededException|ErrorQuotaExceeded|OverQuotaException|MapiExceptionQuotaExceeded)\\b|\\bdue to quota error\\b|\\bFolder full\\b|\\bPostfach (?:ist )?voll\\b|Speicherplatz (?:ist )?(?:voll|erschöpft|aufgebraucht)/i: never present',
	'mailbox-full#2 optional 3 present':
		'(?:the )? in /\\bmailbox (?:is )?full\\b|\\bover (?:its |the )?(?:storage )?quota\\b|has exceeded (?:the )?maximum mailbox size|\\b(?:QuotaExceededException|ErrorQuotaExceeded|OverQuotaException|MapiExceptionQuotaExceeded)\\b|\\bdue to quota error\\b|\\bFolder full\\b|\\bPostfach (?:ist )?voll\\b|Speicherplatz (?:ist )?(?:voll|erschöpft|aufgebraucht)/i: never present',
	'message-too-large#0 smtp 1': '554',
	'message-too-large#0 smtp 2': '550',
	'message-too-large#2 alternative 5': '\\bNachricht (?:ist )?zu gro(?:ß|ss)\\b',
	'message-too-large#2 optional 0 present':
		"(?:is )? in /\\bmessage size (?:exceeds|limit)|\\bexceeded [\\w' ]{0,30}message size limit|\\bmessage (?:is )?too (?:big|large)\\b|\\bMaximum message size exceeded|\\b(?:MapiExceptionMaxSubmissionExceeded|MessageTooLarge)\\b|\\bNachricht (?:ist )?zu gro(?:ß|ss)\\b/i: never present",
	'sender-ip-blocklisted#0 alternative 3': '\\b(?:block|black) ?list\\b',
	'sender-ip-blocklisted#0 enhanced 1': '5.7.0',
	'sender-ip-blocklisted#1 alternative 5': '\\blisted (?:in|on|at) (?:the )?(?:Spamhaus|Barracuda|SpamCop|SORBS)\\b',
	'sender-ip-blocklisted#1 alternative 6': '\\bbanned sending IP\\b',
	'sender-ip-blocklisted#1 alternative 7': '\\bauf einer (?:Block|Black|Sperr)liste\\b',
	'throttled#3 alternative 3': 'rate limit(?:ed)? exceeded',
	'throttled#4 smtp 1': '450',
	'throttled#4 smtp 2': '451',
	'throttled#4 smtp 3': '452',
	'throttled#5 alternative 11': 'too many (?:messages|requests|recipients)',
	'throttled#5 optional 0 present':
		' ? in /Throttling failure|Rate ?limit\\b.{0,40}\\bexceeded|temporarily rate limited|\\brate limit(?:ed|ing)?\\b|reached (?:its|your|the) (?:daily )?limit|receiving mail at a rate|only \\d+ messages per (?:day|hour|minute)|Maximum sending rate|daily (?:user )?sending (?:quota|limit)|(?:message|recipient|sending|daily) quota exceeded|try again in \\d+ (?:seconds?|minutes?)|too many (?:messages|requests|recipients)|limit for message recipients/i: never present',
	'throttled#5 optional 1 absent':
		'(?:ed|ing)? in /Throttling failure|Rate ?limit\\b.{0,40}\\bexceeded|temporarily rate limited|\\brate limit(?:ed|ing)?\\b|reached (?:its|your|the) (?:daily )?limit|receiving mail at a rate|only \\d+ messages per (?:day|hour|minute)|Maximum sending rate|daily (?:user )?sending (?:quota|limit)|(?:message|recipient|sending|daily) quota exceeded|try again in \\d+ (?:seconds?|minutes?)|too many (?:messages|requests|recipients)|limit for message recipients/i: never absent',
	'throttled#5 optional 3 absent':
		'(?:user )? in /Throttling failure|Rate ?limit\\b.{0,40}\\bexceeded|temporarily rate limited|\\brate limit(?:ed|ing)?\\b|reached (?:its|your|the) (?:daily )?limit|receiving mail at a rate|only \\d+ messages per (?:day|hour|minute)|Maximum sending rate|daily (?:user )?sending (?:quota|limit)|(?:message|recipient|sending|daily) quota exceeded|try again in \\d+ (?:seconds?|minutes?)|too many (?:messages|requests|recipients)|limit for message recipients/i: never absent',
	'throttled#6 smtp 1': '450',
	'throttled#6 smtp 2': '451',
	'throttled#6 smtp 3': '452',
	'throttled#6 enhanced 1': '4.7.1',
	'throttled#6 enhanced 2': '4.2.1',
	'throttled#6 enhanced 3': '4.7.28',
	'throttled#8': '{"imapCode":["LIMIT"]}',
	'throttled#10 alternative 2': '\\bbandwidth limits? (?:was |has been )?exceeded\\b',
	'server-unavailable#1 optional 0 absent':
		'(?:not )? in /Temporary (?:System Problem|failure on server)|temporarily (?:not )?available|Service (?:is )?temporarily/i: never absent',
	'server-unavailable#1 optional 1 absent':
		'(?:is )? in /Temporary (?:System Problem|failure on server)|temporarily (?:not )?available|Service (?:is )?temporarily/i: never absent',
	'server-unavailable#3': '{"imapCode":["SERVERBUG"]}  (bias -0.1)',
	'server-unavailable#4 alternative 1': 'temporarily unavailable',
	'server-unavailable#5': '/\\bBYE\\b.*(?:shutting down|server (?:is )?unavailable|Service unavailable)/i (bias 0.1)',
	'server-unavailable#7 smtp 1': '451',
	'server-unavailable#7 smtp 2': '431',
	'starttls-required#1 alternative 1': 'STARTTLS is required',
	'starttls-required#1 alternative 2': 'Encryption required for requested authentication mechanism',
	'starttls-required#2': '{"smtp":[538],"enhanced":["5.7.11"]}',
	'starttls-required#6': '/\\bLogin is disabled\\b/i (bias 0.2)',
	'tls-mode-mismatch#1 errorCode 1': 'WRONG_VERSION_NUMBER',
	'tls-mode-mismatch#6 alternative 0': 'packet length too long',
	'tls-mode-mismatch#6 alternative 3': 'record layer failure',
	'tls-mode-mismatch#7 alternative 0': 'Server does not support STARTTLS',
	'tls-mode-mismatch#7 alternative 1': 'STARTTLS (?:is )?not (?:supported|available)',
	'tls-mode-mismatch#8 errorCode 1': 'ETIMEOUT',
	'tls-mode-mismatch#8 bias': 'bias -0.05: no near miss it keeps from being named first',
	'certificate-untrusted#1 alternative 2': 'certificate is not yet valid',
	'certificate-untrusted#2 alternative 9': 'root CA certificate is not trusted',
	'certificate-untrusted#2 alternative 10': 'certificate is self-signed, and untrusted',
	'certificate-untrusted#2 alternative 11': 'No certificates could be verified',
	'certificate-untrusted#2 optional 0 absent':
		'(?:of a locally looked up certificate )? in /PKIX path building failed|unable to find valid certification path|remote certificate is invalid according to the validation procedure|certificate verify failed|SSL certificate could not be validated|certificate verification failed|SELF_SIGNED_CERT_IN_CHAIN|alert unknown ca|issuer certificate (?:of a locally looked up certificate )?could not be found|root CA certificate is not trusted|certificate is self-signed, and untrusted|No certificates could be verified/i: never absent',
	'certificate-hostname-mismatch#1 optional 0 absent':
		"'? in /(?:does not|doesn't) match certificate'?s altnames|not in the cert'?s altnames/i: never absent",
	'certificate-hostname-mismatch#1 optional 1 absent':
		"'? in /(?:does not|doesn't) match certificate'?s altnames|not in the cert'?s altnames/i: never absent",
	'certificate-hostname-mismatch#2 alternative 3': "doesn'?t match any of the subject alternative names",
	'certificate-hostname-mismatch#2 alternative 4': 'RemoteCertificateNameMismatch',
	'host-not-found#1 optional 0 absent':
		'(?:SMTP )? in /getaddrinfo|Name or service not known|nodename nor servname|No such host is known|Temporary failure in name resolution|Unknown (?:SMTP )?host|UnknownHostException/i: never absent',
	'connection-timeout#3 alternative 3': 'operation timed out',
	'connection-timeout#3 optional 0 absent':
		'd? in /connect ETIMEDOUT|Connection timed? ?out|timed ?out while connecting|operation timed out/i: never absent',
	'connection-timeout#3 optional 1 absent':
		' ? in /connect ETIMEDOUT|Connection timed? ?out|timed ?out while connecting|operation timed out/i: never absent',
	'connection-timeout#3 optional 2 present':
		' ? in /connect ETIMEDOUT|Connection timed? ?out|timed ?out while connecting|operation timed out/i: never present',
	'tls-version-unsupported#4 alternative 3': 'no protocols available',
};
