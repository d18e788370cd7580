// Strict JSON takes a fast path (the layout cut around `accounts`, one account parsed at a time, a hand-written
// tree); anything else takes jsonc-parser's. Users see the same findings either way: every position, message and
// quick-fix edit of the fast path is checked against the general one over the layouts real files have.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseTree } from 'jsonc-parser';
import { type AnalyzeOptions, analyzeText } from '../../../../src/core/config/analyze';
import { strictLayout, skipValue } from '../../../../src/core/config/layout';
import { strictJsonTree } from '../../../../src/core/config/strict-tree';
import { fixedClock, parseDay } from '../../../../src/core/clock';
import { GENERIC, GMAIL, GMX, M365_APP_ONLY, M365_PRINTER, patch } from '../rules/fixtures';
import { applyEdits } from '../rules/helpers';

const OPTIONS: AnalyzeOptions = { lang: 'en', now: fixedClock(parseDay('2026-11-23')!) };
const MISTAKES = [
	M365_APP_ONLY,
	M365_PRINTER,
	patch(GMAIL, { imap: { port: 143 } }),
	patch(GMX, { smtp: { security: 'tls' } }),
	patch(GENERIC, { imap: { host: 'outlook.office356.com' } }),
	{ ...GMX, id: 'Bad Id', extra: true },
	{
		id: 'gmx',
		email: 'x@gmx.de',
		auth: { method: 'password', user: 'x', password: 'hunter2' },
		imap: { host: 'imap.gmx.net', port: '993', security: 'ssl' },
	},
];

/** One file's text in the layouts people and tools write: indentation, line ends, key order, neighbours of `accounts`. */
const LAYOUTS: [name: string, text: string][] = [
	['tabs', JSON.stringify({ $schema: '../schemas/mail-account.schema.json', accounts: MISTAKES }, null, '\t')],
	['two spaces, CRLF', JSON.stringify({ accounts: MISTAKES }, null, 2).replace(/\n/g, '\r\n')],
	['minified', JSON.stringify({ accounts: MISTAKES })],
	[
		'accounts first, keys after',
		JSON.stringify({ accounts: MISTAKES, notes: { a: [1, { b: 'x' }] }, flag: true, n: null }, null, 4),
	],
	[
		'nested values before accounts',
		JSON.stringify(
			{ meta: { list: [[1, 2], { deep: { deeper: ['x'] } }], s: 'a]}"[{' }, accounts: MISTAKES },
			null,
			'\t',
		),
	],
	[
		'escaped key and strings with brackets',
		`{"\\u0061ccounts_note": "]", "x": "\\"}{", "accounts": ${JSON.stringify(MISTAKES, null, 1)}}`,
	],
	['two accounts on one line', `{\n\t"accounts": [${MISTAKES.map((a) => JSON.stringify(a)).join(', ')}]\n}\n`],
	[
		'odd spacing',
		`{ "accounts" :\n[\n${MISTAKES.map((a) => `  ${JSON.stringify(a, null, 3)}  `).join(' ,\n')}\n] \n}  \n`,
	],
	[
		'non-object accounts among them',
		JSON.stringify({ accounts: [MISTAKES[0], 42, 'text', null, true, false, [], MISTAKES[2], -1.5e3] }, null, '\t'),
	],
	['unknown top-level key, no $schema', JSON.stringify({ accounts: MISTAKES.slice(0, 2), acounts: [] }, null, '\t')],
	['empty accounts', '{ "accounts": [ ] }'],
];

/** A tree as plain data: without parent links and empty child lists (jsonc-parser leaves those out of leaves). */
const strip = (node: unknown): unknown =>
	JSON.parse(JSON.stringify(node, (k, v) => (k === 'parent' || (k === 'children' && v?.length === 0) ? undefined : v)));

/** The same text, forced onto the general path: a comment after the root changes no position before it. */
const general = (text: string) => `${text}\n// end\n`;

describe('strict JSON and the general path agree', () => {
	for (const [name, text] of LAYOUTS) {
		test(name, () => {
			assert.ok(strictLayout(text, 64), 'the fast path applies');
			assert.equal(strictLayout(general(text), 64), undefined, 'the comment forces the general path');
			for (const lang of ['en', 'de'] as const) {
				const fast = analyzeText(text, { ...OPTIONS, lang });
				const slow = analyzeText(general(text), { ...OPTIONS, lang });
				assert.deepEqual(fast, slow, lang);
				// Every quick fix applies cleanly to the text it was computed for.
				for (const finding of fast) {
					for (const fix of finding.fixes) {
						assert.deepEqual(
							applyEdits(text, fix.edits),
							applyEdits(general(text), fix.edits).slice(0, -'\n// end\n'.length),
							`${finding.code}: ${fix.title}`,
						);
					}
				}
			}
		});
	}
});

describe('more findings than a file may list', () => {
	test('the first ones by position, then one note that counts the rest with their worst severity (en/de)', () => {
		const [, text] = LAYOUTS[0] ?? assert.fail();
		const all = analyzeText(text, { ...OPTIONS, maxFindings: Number.POSITIVE_INFINITY });
		assert.ok(all.length > 6, `${all.length} findings`);
		for (const limit of [1, 3, 6]) {
			for (const input of [text, general(text)]) {
				const en = analyzeText(input, { ...OPTIONS, maxFindings: limit });
				const de = analyzeText(input, { ...OPTIONS, lang: 'de', maxFindings: limit });
				assert.deepEqual(en.slice(0, limit), all.slice(0, limit), `limit ${limit}`);
				assert.equal(en.length, limit + 1);
				const note = en[limit] ?? assert.fail();
				const rest = all.length - limit;
				assert.equal(note.code, 'too-many-findings');
				assert.equal(
					note.message,
					`and ${rest} more problems in this file, not listed (mailcfg reports at most ${limit} per file); fix the ones above and check again.`,
				);
				assert.equal(
					de[limit]?.message,
					`und ${rest} weitere Probleme in dieser Datei, nicht aufgeführt (mailcfg meldet höchstens ${limit} pro Datei); die obigen beheben und erneut prüfen.`,
				);
				const worst = ['error', 'warning', 'information', 'hint'].find((s) =>
					all.slice(limit).some((f) => f.severity === s),
				);
				assert.equal(note.severity, worst);
				assert.deepEqual(note.range, { start: en[limit - 1]?.range.end, end: en[limit - 1]?.range.end });
				assert.deepEqual(note.fixes, []);
			}
		}
		assert.ok(!analyzeText(text, { ...OPTIONS, maxFindings: all.length }).some((f) => f.code === 'too-many-findings'));
	});
});

describe('the layout of a strict file', () => {
	test('where each account starts and ends, and what kind of value it is', () => {
		const text =
			'{"a": {"b": [1]}, "accounts": [ {"id": "x"} , [1, [2]], "s\\"]", 12.5e1, true, false, null ], "z": 1}';
		const layout = strictLayout(text, 64) ?? assert.fail();
		assert.deepEqual(
			layout.accounts.map((n) => [n.type, text.slice(n.offset, n.offset + n.length)]),
			[
				['object', '{"id": "x"}'],
				['array', '[1, [2]]'],
				['string', '"s\\"]"'],
				['number', '12.5e1'],
				['boolean', 'true'],
				['boolean', 'false'],
				['null', 'null'],
			],
		);
		assert.deepEqual(layout.value, { a: { b: [1] }, accounts: [null, null, null, null, null, null, null], z: 1 });
		// The tree around the accounts has the file's offsets, as jsonc-parser's has.
		const jsonc = parseTree(text) ?? assert.fail();
		const [before, accounts, after] = layout.root.children ?? [];
		assert.deepEqual(strip(before), strip(jsonc.children?.[0]), 'the property before accounts');
		assert.deepEqual(strip(after), strip(jsonc.children?.[2]), 'the property after accounts');
		const theirs = jsonc.children?.[1];
		assert.deepEqual(
			[accounts?.offset, accounts?.length, accounts?.colonOffset],
			[theirs?.offset, theirs?.length, theirs?.colonOffset],
		);
		assert.deepEqual(
			[accounts?.children?.[1]?.offset, accounts?.children?.[1]?.length],
			[theirs?.children?.[1]?.offset, theirs?.children?.[1]?.length],
			'the accounts array itself',
		);
		assert.deepEqual([layout.root.offset, layout.root.length], [0, text.length]);
	});

	test('texts that are not one root object with one accounts array in strict JSON take the general path', () => {
		const cases = [
			'',
			'[]',
			'"accounts"',
			'{}',
			'{"x": 1}',
			'{"accounts": {}}',
			'{"accounts": [], "accounts": []}',
			'{"accounts": [1,]}',
			'{"accounts": [1 2]}',
			'{"accounts": [{"a": 1}}',
			'{"accounts": [{"a": "1}]}',
			'{"accounts": [1], }',
			'{"accounts" [1]}',
			'{accounts: [1]}',
			"{'accounts': [1]}",
			'{"accounts": [1], "x": [}',
			'{"accounts": [1], "x": 01}',
			'{"acc\\ounts": [1]}',
			'{"accounts": [1]} // note',
			'{"accounts": [1], /* c */ "x": 1}',
			'{"accounts": ["unclosed]}',
			`{"accounts": [${'['.repeat(70)}${']'.repeat(70)}]}`,
			`{"x": ${'['.repeat(70)}${']'.repeat(70)}, "accounts": []}`,
		];
		for (const text of cases) assert.equal(strictLayout(text, 64), undefined, text);
		assert.ok(strictLayout('{"\\u0061ccounts": [1]}', 64), 'an escaped key is still accounts');
		assert.ok(strictLayout(`{"accounts": [${'['.repeat(60)}${']'.repeat(60)}]}`, 64), 'deep, within the limit');
	});

	test('skipValue: the end of each kind of value, -1 when unclosed or too deep', () => {
		const cases: [text: string, end: number][] = [
			['"abc" ', 5],
			['"a\\"b"', 6],
			['"a\\\\" ', 5],
			['"\\\\\\"x" ', 7],
			['"\\"', -1],
			['"unclosed', -1],
			['123,', 3],
			['-1.5e3]', 6],
			['true}', 4],
			['null ', 4],
			['{"a": "}"} ', 10],
			['[[1], [2]]x', 10],
			['[[[1]]]', -1],
			['[[1]]', 5],
			['{"a": [1}', -1],
			['', -1],
			[',', -1],
		];
		for (const [text, end] of cases) assert.equal(skipValue(text, 0, 2), end, text);
	});

	test('the hand-written tree matches jsonc-parser’s for strict JSON', () => {
		const texts = [
			'{"a": 1, "b": [true, false, null, -0.5e-3, "x\\u0041\\n"], "c": {"d": {}}, "e": []}',
			'[ 1 ,\r\n\t2 , { "k" : "v" } ]',
			'"just a string"',
			'0',
			'{"emoji": "😀", "ä": "ö"}',
		];
		for (const text of texts) assert.deepEqual(strip(strictJsonTree(text, 64)), strip(parseTree(text)), text);
		assert.equal(strictJsonTree('[[[1]]]', 2), undefined, 'deeper than allowed');
		assert.ok(strictJsonTree('[[1]]', 2));
	});
});
