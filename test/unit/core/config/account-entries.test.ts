// An element of "accounts" that is not an object (a number, a string, null, a list: a stray value after a bad merge
// or a hand edit) is reported at that element, in words that say which list it is in. Each account is validated on
// its own, so the message must not fall back to the element's own, empty JSON pointer ("/").
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, textAt } from '../rules/helpers';

const TEXT = '{ "accounts": [ 42, "scanner", null, [] ] }';

test('a non-object entry of accounts is named as such, at that entry, in both languages', () => {
	const cases = [
		['en', 'An entry of "accounts" must be an object ({ ... }), not '],
		['de', 'Ein Eintrag von „accounts“ muss ein Objekt ({ ... }) sein, nicht '],
	] as const;
	for (const [lang, start] of cases) {
		const findings = analyze(TEXT, lang).filter((f) => f.code === 'schema-type');
		assert.deepEqual(
			findings.map((f) => textAt(TEXT, f.range)),
			['42', '"scanner"', 'null', '[]'],
		);
		for (const f of findings) assert.ok(f.message.startsWith(start), `${lang}: ${f.message}`);
	}
});

test('a wrong type inside an account still names its path', () => {
	const text = '{ "accounts": [ { "id": "a", "email": "a@b.de", "imap": { "host": "h", "port": "993" } } ] }';
	const finding = analyze(text).find((f) => f.code === 'schema-type');
	assert.ok(finding?.message.startsWith('"imap.port" must be'), finding?.message);
});
