/**
 * Fuzzing the adapters for other tools' files (issue #9): .env, Spring properties and YAML, Postfix main.cf, msmtp
 * and mbsync, generated from their keys and hostile values or taken from real files and mutated. Each adapter maps
 * any text in bounded time without failing inside; the accounts it maps are plain records (no prototype tricks);
 * the findings are well-formed, capped and printable; converting to our JSON yields a config we parse again.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedClock } from '../../src/core/clock';
import { analyzeDocument, parseDocument } from '../../src/core/sources/analyze';
import { convertSource } from '../../src/core/sources/convert';
import type { SourceFormat } from '../../src/core/sources/names';
import { SOURCE_FORMAT_NAMES, sourceInput } from './arbitraries';
import { assertFindingsWellFormed, fuzz, within } from './support';

const now = fixedClock(new Date('2026-06-01T00:00:00Z'));

for (const format of SOURCE_FORMAT_NAMES) {
	test(`fuzz: ${format} files map and analyse in bounded time with well-formed findings`, () =>
		fuzz(
			`source-${format}`,
			sourceInput(format),
			async ({ name, text }) => {
				const uri = `file:///w/${name}`;
				const parsed = await within(5000, 'parse', () =>
					parseDocument(text, format as SourceFormat, { fileName: uri, sibling: () => undefined }),
				);
				const accounts = (parsed.value as { accounts?: unknown } | undefined)?.accounts;
				assert.ok(Array.isArray(accounts), 'a source file maps to { accounts: [...] }');
				for (const account of accounts) {
					assert.equal(Object.getPrototypeOf(account), Object.prototype, 'a plain record');
				}
				const findings = await within(5000, 'analysis', () =>
					analyzeDocument(uri, text, { lang: 'de', now, validation: 'full', format: format as SourceFormat }),
				);
				assertFindingsWellFormed(findings, text);
			},
			40,
		));
}

/** Every string in a value. */
function strings(value: unknown, out: string[] = []): string[] {
	if (typeof value === 'string') out.push(value);
	else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
	return out;
}

function passwordOf(account: unknown): unknown {
	return (account as { auth?: { password?: unknown } } | undefined)?.auth?.password;
}

for (const format of SOURCE_FORMAT_NAMES) {
	test(`fuzz: converting ${format} files yields JSON we analyse again, with no password carried over`, () =>
		fuzz(
			`convert-${format}`,
			sourceInput(format),
			async ({ name, text }) => {
				const context = { fileName: `file:///w/${name}`, sibling: () => undefined };
				const conversion = await within(5000, 'convert', () => convertSource(format as SourceFormat, text, context));
				if (!conversion) return;
				const converted = JSON.parse(conversion.text) as { accounts: unknown[] };
				assert.equal(converted.accounts.length, conversion.accountIds.length);
				const findings = analyzeDocument('file:///w/converted.mailaccounts.json', conversion.text, {
					lang: 'en',
					now,
					validation: 'full',
				});
				assertFindingsWellFormed(findings, conversion.text);
				// A password written in the file becomes a reference, and its value is no string of the converted file
				// (unless the file has the same value elsewhere, as a host or an account name).
				for (const account of converted.accounts) {
					const password = passwordOf(account);
					assert.ok(password === undefined || /^\$\{(env|secret):[^}]+\}$/.test(String(password)), 'a reference');
				}
				const mapped = (parseDocument(text, format as SourceFormat, context).value as { accounts: unknown[] }).accounts;
				for (const account of mapped) {
					const password = passwordOf(account);
					if (typeof password !== 'string' || /^\$\{/.test(password)) continue;
					const auth = (account as { auth: Record<string, unknown> }).auth;
					const elsewhere = strings({ ...(account as object), auth: { ...auth, password: undefined } });
					if (elsewhere.includes(password)) continue;
					assert.ok(!strings(converted).includes(password), 'the password was carried over');
				}
			},
			25,
		));
}
