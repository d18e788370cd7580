import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOG } from '../../../../src/core/explain/catalog';
import { resolveWalkthroughRef } from '../../../../src/core/walkthroughs/catalog';
import { DISTINGUISHING_QUESTIONS } from '../../../../src/core/explain/questions';
import { explain } from '../../../../src/core/explain/match';
import { AADSTS_LINES } from '../../../fixtures/error-lines/aadsts';
import { HELD_OUT_LINES } from '../../../fixtures/error-lines/held-out';
import { NEAR_MISSES, REAL_WORLD_LINES } from '../../../fixtures/error-lines/real-world';
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
