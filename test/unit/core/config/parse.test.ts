import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { type ParseError, parseTree } from 'jsonc-parser';
import { MAX_NESTING, findExcessiveNesting, parseConfig } from '../../../../src/core/config/parse';
import { strictJsonTree } from '../../../../src/core/config/strict-tree';
import { GENERIC, GMAIL, M365_APP_ONLY, M365_PRINTER } from '../rules/fixtures';
import { configText } from '../rules/helpers';

const ROOT = join(__dirname, '../../../fixtures/configs');

/** Strict JSON in the shapes the fast tree must get exactly right: escapes, numbers, layout, duplicates, empties. */
const STRICT: [name: string, text: string][] = [
	['four real accounts, tab-indented', configText(M365_APP_ONLY, M365_PRINTER, GMAIL, GENERIC)],
	['the same, minified', JSON.stringify(JSON.parse(configText(M365_APP_ONLY, M365_PRINTER, GMAIL, GENERIC)))],
	['CRLF and spaces', configText(GMAIL).replace(/\n/g, '\r\n').replace(/\t/g, '    ')],
	[
		'escapes in keys and values',
		'{"acc\\u006funts": [{"id": "a\\"b\\\\c", "e\\nmail": "\\ud83d\\udce7 \\/x", "\\u00e4": "ä", "lone": "\\ud800"}]}',
	],
	['numbers', '{"n": [0, -0, 1.5, -2e3, 1E+2, 4.25e-1, 12345678901234567890, 993]}'],
	['literals and empties', '{"t": true, "f": false, "n": null, "o": {}, "a": [], "s": "", "nested": [[{}], [[]]]}'],
	['duplicate keys', '{"accounts": [], "accounts": [{"id": "a", "id": "b"}]}'],
	['a bare value at the top', '  "just a string"  '],
	['a number at the top', '42'],
	['surrounding whitespace', '\r\n\t {"a": 1} \n\n'],
	['nesting at the limit', `{"a": ${'['.repeat(MAX_NESTING - 1)}${']'.repeat(MAX_NESTING - 1)}}`],
];

for (const [name, text] of STRICT) {
	test(`the fast tree equals jsonc-parser's parseTree: ${name}`, () => {
		JSON.parse(text); // the precondition: only text JSON.parse accepts reaches the fast tree
		const errors: ParseError[] = [];
		const expected = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
		assert.deepEqual(errors, []);
		assert.deepStrictEqual(strictJsonTree(text, MAX_NESTING), expected);
	});
}

test('the fixture files parse to the same tree either way', () => {
	for (const kind of ['valid', 'invalid']) {
		for (const name of readdirSync(join(ROOT, kind))) {
			const text = readFileSync(join(ROOT, kind, name), 'utf8');
			let strict = true;
			try {
				JSON.parse(text);
			} catch {
				strict = false;
			}
			const parsed = parseConfig(text);
			assert.deepStrictEqual(parsed.root, parseTree(text, [], { allowTrailingComma: true }), name);
			if (strict) assert.deepStrictEqual(parsed.root, strictJsonTree(text, MAX_NESTING), name);
		}
	}
});

test('too deep for the fast tree: no tree, and parseConfig reports the same bracket as the general path', () => {
	const deep = `{"accounts": [${'['.repeat(MAX_NESTING)}${']'.repeat(MAX_NESTING)}]}`;
	assert.equal(strictJsonTree(deep, MAX_NESTING), undefined);
	const parsed = parseConfig(deep);
	assert.equal(parsed.root, undefined);
	assert.deepEqual(parsed.syntaxErrors, [{ offset: findExcessiveNesting(deep), length: 1, code: 'NestingTooDeep' }]);
	assert.equal(deep[findExcessiveNesting(deep)], '[');
});

test('parseConfig pairs each account node with its value, for JSON and for JSONC', () => {
	const json = configText(GMAIL, GENERIC);
	const jsonc = `// two accounts\n${json.replace(/\n\t\]/, ',\n\t]')}`;
	for (const text of [json, jsonc]) {
		const parsed = parseConfig(text);
		assert.deepEqual(parsed.syntaxErrors, []);
		assert.deepEqual(
			parsed.accounts.map((a) => [a.index, a.node.type, (a.value as { id: string }).id]),
			[
				[0, 'object', GMAIL.id],
				[1, 'object', GENERIC.id],
			],
		);
		// jsonc-parser builds objects without a prototype; the data is what must agree.
		assert.deepEqual(JSON.parse(JSON.stringify(parsed.value)), JSON.parse(json));
	}
});

test('the fast tree ends on text it was never meant for instead of looping', () => {
	for (const text of ['[x]', '{"a"', '{a}', '{"a": }', '[1, ', '"open', '']) {
		try {
			strictJsonTree(text, MAX_NESTING);
		} catch (error) {
			assert.ok(error instanceof SyntaxError, `${text}: ${String(error)}`);
		}
	}
});

test('the nesting guard ends comments and strings where the parser does, on every line terminator', () => {
	const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
	// jsonc-parser ends line comments and (broken) strings at \n and \r only; U+2028/2029 stay inside them.
	const cases: [terminator: string, endsComment: boolean][] = [
		['\n', true],
		['\r', true],
		['\r\n', true],
		['\u2028', false],
		['\u2029', false],
	];
	for (const [terminator, ends] of cases) {
		for (const opener of ['// comment', '"open string']) {
			const text = `{"accounts": [ ${opener}${terminator}${deep} ]}`;
			const name = `${opener} ${JSON.stringify(terminator)}`;
			const parsed = parseConfig(text);
			assert.equal(
				parsed.syntaxErrors.some((e) => e.code === 'NestingTooDeep'),
				ends,
				name,
			);
			// Where the guard lets the text through, the parser must not meet the brackets either.
			if (!ends) assert.doesNotThrow(() => parseTree(text, [], { allowTrailingComma: true }), name);
		}
	}
});
