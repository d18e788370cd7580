/**
 * Quick fixes never trade one problem for another: every fix offered on a mutated real-world account (ports,
 * security modes, auth methods and hosts swapped the way people get them wrong) is applied and the file checked
 * again; no error may appear that was not there before. Preferred fixes (what "Fix all" applies) must in addition
 * remove the finding they were offered for.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ACCOUNT_TEMPLATES, plainAccount } from '../../../../src/core/config/account-templates';
import type { Finding } from '../../../../src/core/config/findings';
import type { TextEdit } from '../../../../src/core/text/positions';
import { analyze, applyEdits, configText } from './helpers';

type Json = Record<string, unknown>;

const EXAMPLES = join(__dirname, '../../../../examples');

/** The accounts of the templates and of the shipped examples: what users start from. */
function baseAccounts(): Json[] {
	const fromExamples = ['good.mailaccounts.json', 'm365-legacy.mailaccounts.json'].flatMap((file) => {
		const text = readFileSync(join(EXAMPLES, file), 'utf8').replace(/^\s*\/\/.*$/gm, '');
		return (JSON.parse(text) as { accounts: Json[] }).accounts;
	});
	return [...ACCOUNT_TEMPLATES.map((t) => plainAccount(t) as unknown as Json), ...fromExamples];
}

const PORTS = [25, 143, 465, 587, 993, 2525];
const SECURITY = ['tls', 'starttls', 'none'];

function clone<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}

/** One or two changes per mutant, each a mistake seen in real configs. */
function mutants(account: Json): { name: string; account: Json }[] {
	const result: { name: string; account: Json }[] = [];
	for (const protocol of ['imap', 'smtp'] as const) {
		if (!account[protocol]) continue;
		for (const port of PORTS) {
			for (const security of SECURITY) {
				const mutated = clone(account);
				Object.assign(mutated[protocol] as Json, { port, security });
				result.push({ name: `${String(account.id)} ${protocol} ${port}/${security}`, account: mutated });
			}
		}
	}
	for (const method of ['password', 'app-password', 'oauth2']) {
		const mutated = clone(account);
		(mutated.auth as Json).method = method;
		result.push({ name: `${String(account.id)} auth ${method}`, account: mutated });
	}
	const literal = clone(account);
	const auth = literal.auth as Json & { oauth2?: Json };
	if (auth.password !== undefined) auth.password = 'Sommer2026!';
	else if (auth.oauth2?.clientSecret !== undefined) auth.oauth2.clientSecret = 'abc~secret-value';
	result.push({ name: `${String(account.id)} literal secret`, account: literal });
	return result;
}

/** The lines each edit writes: from its start line on, as many lines as its new text has (one fix edits one spot or
 * a few spots on separate lines, so the shift of an earlier edit is within the margin of the wider range). */
function editedLines(edits: readonly TextEdit[]): { first: number; last: number }[] {
	return edits.map((e) => ({ first: e.range.start.line, last: e.range.start.line + e.newText.split('\n').length - 1 }));
}

/**
 * Errors the fix created: present afterwards (by code, more often than before) and on a line the fix wrote. An error
 * elsewhere was only revealed: fixing a host typo makes the provider known, and its rules then apply to the rest.
 */
function introducedErrors(before: readonly Finding[], after: readonly Finding[], edits: readonly TextEdit[]): string[] {
	const count = (list: readonly Finding[], code: string) =>
		list.filter((f) => f.severity === 'error' && f.code === code).length;
	const lines = editedLines(edits);
	return [
		...new Set(
			after
				.filter((f) => f.severity === 'error' && count(after, f.code) > count(before, f.code))
				.filter((f) => lines.some((l) => f.range.start.line <= l.last && f.range.end.line >= l.first))
				.map((f) => f.code),
		),
	];
}

test('no quick fix on a mutated real-world account introduces a new error; preferred fixes remove their finding', () => {
	const problems: string[] = [];
	let applied = 0;
	for (const base of baseAccounts()) {
		for (const mutant of mutants(base)) {
			const text = configText(mutant.account);
			const before = analyze(text);
			for (const finding of before) {
				for (const fix of finding.fixes) {
					if (fix.edits.length === 0) continue;
					applied++;
					const after = analyze(applyEdits(text, fix.edits));
					const added = introducedErrors(before, after, fix.edits);
					if (added.length > 0) problems.push(`${mutant.name}: "${fix.title}" (${finding.code}) → ${added.join(', ')}`);
					const stillThere = after.some((f) => f.code === finding.code && f.message === finding.message);
					if (fix.isPreferred && stillThere) {
						problems.push(`${mutant.name}: preferred "${fix.title}" leaves ${finding.code}`);
					}
				}
			}
		}
	}
	assert.ok(applied > 100, `only ${applied} fixes were exercised`);
	assert.deepEqual([...new Set(problems)], []);
});
