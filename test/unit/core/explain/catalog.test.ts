import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOG } from '../../../../src/core/explain/catalog';
import { resolveWalkthroughRef } from '../../../../src/core/walkthroughs/catalog';
import { REAL_WORLD_LINES } from '../../../fixtures/error-lines/real-world';

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
		for (const text of [entry.title, entry.cause, ...entry.fix]) {
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

test('the real-world table has at least three lines with a source for every cause in the catalog', () => {
	for (const entry of CATALOG) {
		const lines = REAL_WORLD_LINES.filter((line) => line.id === entry.id);
		assert.ok(lines.length >= 3, `${entry.id}: only ${lines.length} real-world lines`);
	}
	for (const line of REAL_WORLD_LINES) {
		assert.match(line.source, /^https:\/\//, line.line);
		assert.ok(
			CATALOG.some((entry) => entry.id === line.id),
			`fixture names unknown cause ${line.id}`,
		);
	}
});
