// The text a quick fix writes: in the file's own indentation and line ends, inline where the user wrote inline, and
// only where the fix must touch. Shown as the file after the edit, as the user sees it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Node, parseTree } from 'jsonc-parser';
import { JsonEditor, scanStyle, styleAfterEdit } from '../../../../src/core/config/edits';
import {
	type Finding,
	FindingSink,
	bySeverity,
	printableFinding,
	ruleDocUrl,
} from '../../../../src/core/config/findings';
import { LineIndex } from '../../../../src/core/text/positions';
import { applyEdits } from '../rules/helpers';

/** The node at a path of property names, and the editor for the text. */
function at(text: string, ...path: string[]): { editor: JsonEditor; node: Node } {
	let node = parseTree(text) ?? assert.fail('no tree');
	for (const key of path) {
		const property = node.children?.find((p) => p.children?.[0]?.value === key) ?? assert.fail(key);
		node = property.children?.[1] ?? assert.fail(key);
	}
	return { editor: new JsonEditor(text, new LineIndex(text), scanStyle(text).style), node };
}

describe('the file’s style', () => {
	test('indent unit and line end from the first indented line and the first CRLF', () => {
		const cases: [text: string, unit: string, eol: string, indentEnd: number, firstCrlf: number][] = [
			['{\n\t"a": 1\n}', '\t', '\n', 4, -1],
			['{\n  "a": 1\n}', '  ', '\n', 5, -1],
			['{\r\n    "a": 1\r\n}', '    ', '\r\n', 8, 1],
			['{\n' + ' '.repeat(12) + '"a": 1\n}', ' '.repeat(8), '\n', 15, -1],
			['{"a": 1}', '\t', '\n', -1, -1],
			['{"a": 1}\r\n', '\t', '\r\n', -1, 8],
			['{\n\n   \n \t"a": 1\n}', '  ', '\n', 10, -1],
		];
		for (const [text, unit, eol, indentEnd, firstCrlf] of cases) {
			assert.deepEqual(
				scanStyle(text),
				{ style: { indentUnit: unit, eol }, indentEnd, firstCrlf },
				JSON.stringify(text),
			);
		}
	});

	test('after an edit: kept when the edit lies past the spots that decide it, else scanned again', () => {
		const lf = '{\n\t"a": 1,\n\t"b": 2\n}';
		const crlf = lf.replace(/\n/g, '\r\n');
		const flat = '{"a": 1}';
		const cases: [name: string, text: string, start: number, newEnd: number, kept: boolean][] = [
			['LF, edit after the first indent', lf, 8, 9, true],
			['LF, edit inside the first indent', lf, 2, 3, false],
			['LF, edit right at the indent end', lf, scanStyle(lf).indentEnd, scanStyle(lf).indentEnd + 1, true],
			['LF, edit just before the indent end', lf, scanStyle(lf).indentEnd - 1, scanStyle(lf).indentEnd, false],
			['CRLF, edit after the first CRLF', crlf, 10, 11, true],
			['CRLF, edit on the first CRLF', crlf, 2, 3, false],
			['no indented line', flat, 3, 4, false],
			['LF, the new text has a CR', `${lf.slice(0, 9)}\r${lf.slice(10)}`, 9, 10, false],
			['LF, a CR just before the new text', `${lf.slice(0, 8)}\r${lf.slice(9)}`, 9, 10, false],
			['LF, a CR just after the new text', `${lf.slice(0, 10)}\r${lf.slice(11)}`, 9, 10, false],
			['LF, a CR two after the new text', `${lf.slice(0, 11)}\r${lf.slice(12)}`, 9, 10, true],
		];
		for (const [name, text, start, newEnd, kept] of cases) {
			const before = scanStyle(name.startsWith('CRLF') ? crlf : name === 'no indented line' ? flat : lf);
			const after = styleAfterEdit(before, text, start, newEnd);
			assert.equal(after, kept ? before : undefined, name);
		}
	});
});

describe('quick-fix edits', () => {
	test('replacing a value: scalars inline; objects inline where written inline, else in the file’s layout', () => {
		const cases: [name: string, text: string, path: string[], value: unknown, after: string][] = [
			['a number', '{"port": 143}', ['port'], 993, '{"port": 993}'],
			['a string', '{"s": "ssl"}', ['s'], 'tls', '{"s": "tls"}'],
			['a string with quotes', '{"s": 1}', ['s'], 'a"b\\', '{"s": "a\\"b\\\\"}'],
			['null', '{"s": 1}', ['s'], null, '{"s": null}'],
			['undefined becomes null', '{"s": 1}', ['s'], undefined, '{"s": null}'],
			['an inline object', '{"o": { "x": 1 }}', ['o'], { host: 'h', port: 1 }, '{"o": { "host": "h", "port": 1 }}'],
			['an empty object', '{"o": 1}', ['o'], {}, '{"o": {}}'],
			['an inline array', '{"a": [1]}', ['a'], ['x', { y: [] }], '{"a": ["x", { "y": [] }]}'],
			[
				'a multi-line object, tabs',
				'{\n\t"o": {\n\t\t"x": 1\n\t}\n}',
				['o'],
				{ host: 'h', tls: { min: 'TLSv1.2' } },
				'{\n\t"o": {\n\t\t"host": "h",\n\t\t"tls": {\n\t\t\t"min": "TLSv1.2"\n\t\t}\n\t}\n}',
			],
			[
				'a multi-line object, two spaces, CRLF',
				'{\r\n  "o": [\r\n    1\r\n  ]\r\n}',
				['o'],
				[1, 2],
				'{\r\n  "o": [\r\n    1,\r\n    2\r\n  ]\r\n}',
			],
		];
		for (const [name, text, path, value, after] of cases) {
			const { editor, node } = at(text, ...path);
			assert.equal(applyEdits(text, [editor.replaceValue(node, value)]), after, name);
		}
	});

	test('inserting a property: next to its siblings, in their style', () => {
		const cases: [name: string, text: string, path: string[], key: string, value: unknown, after: string][] = [
			['into an empty object', '{"auth": {}}', ['auth'], 'method', 'password', '{"auth": { "method": "password" }}'],
			[
				'into an empty object, object value',
				'{"o": {}}',
				['o'],
				'tls',
				{ min: 'x' },
				'{"o": { "tls": { "min": "x" } }}',
			],
			[
				'into an inline object',
				'{"imap": { "host": "h" }}',
				['imap'],
				'port',
				993,
				'{"imap": { "host": "h", "port": 993 }}',
			],
			[
				'inline object value stays inline',
				'{"imap": { "host": "h" }}',
				['imap'],
				'tls',
				{ a: [1] },
				'{"imap": { "host": "h", "tls": { "a": [1] } }}',
			],
			[
				'one per line, tabs',
				'{\n\t"imap": {\n\t\t"host": "h"\n\t}\n}',
				['imap'],
				'port',
				993,
				'{\n\t"imap": {\n\t\t"host": "h",\n\t\t"port": 993\n\t}\n}',
			],
			[
				'one per line, an object value, four spaces, CRLF',
				'{\r\n    "imap": {\r\n        "host": "h"\r\n    }\r\n}',
				['imap'],
				'tls',
				{ rejectUnauthorized: true },
				'{\r\n    "imap": {\r\n        "host": "h",\r\n        "tls": {\r\n            "rejectUnauthorized": true\r\n        }\r\n    }\r\n}',
			],
			[
				'the object opens on the line of its first property',
				'{"imap": {"host": "h",\n  "port": 1}}',
				['imap'],
				'security',
				'tls',
				'{"imap": {"host": "h",\n  "port": 1,\n  "security": "tls"}}',
			],
		];
		for (const [name, text, path, key, value, after] of cases) {
			const { editor, node } = at(text, ...path);
			assert.equal(applyEdits(text, [editor.insertProperty(node, key, value)]), after, name);
		}
	});

	test('renaming a key replaces only the key', () => {
		const text = '{\n\t"imap": { "hots": "h", "prot": 1 }\n}';
		const { editor, node } = at(text, 'imap');
		const property = node.children?.[0] ?? assert.fail();
		assert.equal(
			applyEdits(text, [editor.renameKey(property, 'host') ?? assert.fail()]),
			'{\n\t"imap": { "host": "h", "prot": 1 }\n}',
		);
		assert.equal(editor.renameKey({ ...property, children: [] } as Node, 'x'), undefined);
	});
});

const finding = (code: string, severity: Finding['severity'], message = 'm', titles: string[] = []): Finding => ({
	code,
	severity,
	message,
	range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
	source: 'mailcfg',
	docUrl: ruleDocUrl(code),
	fixes: titles.map((title) => ({ title, edits: [] })),
});

describe('findings', () => {
	test('a sink keeps the first findings up to its limit, counts the rest with the worst severity, drops ignored codes', () => {
		const cases: [
			limit: number,
			severities: Finding['severity'][],
			kept: number,
			omitted: number,
			worst: string | undefined,
		][] = [
			[3, ['warning', 'error'], 2, 0, undefined],
			[2, ['warning', 'error'], 2, 0, undefined],
			[1, ['warning', 'error', 'hint'], 1, 2, 'error'],
			[1, ['error', 'hint', 'information'], 1, 2, 'information'],
			[0, ['hint', 'warning', 'information'], 0, 3, 'warning'],
			[0, [], 0, 0, undefined],
		];
		for (const [limit, severities, kept, omitted, worst] of cases) {
			const sink = new FindingSink(limit, new Set(['ignored']));
			severities.forEach((s) => sink.add(finding('a', s)));
			sink.add(finding('ignored', 'error'));
			assert.deepEqual(
				[sink.kept.length, sink.omitted, sink.omittedSeverity],
				[kept, omitted, worst],
				`${limit} ${severities}`,
			);
			assert.equal(sink.open, sink.kept.length < limit);
		}
		const counted = new FindingSink(0);
		counted.skip('warning', 5);
		counted.skip('hint', 2);
		assert.deepEqual([counted.omitted, counted.omittedSeverity], [7, 'warning']);
	});

	test('severities order from error to hint', () => {
		const order = ['error', 'warning', 'information', 'hint'] as const;
		for (const [i, a] of order.entries()) {
			for (const [j, b] of order.entries()) assert.equal(Math.sign(bySeverity(a, b)), Math.sign(i - j), `${a} ${b}`);
		}
	});

	test('control characters quoted from the config are shown, not acted on; clean findings stay the same object', () => {
		const clean = finding('a', 'error', 'host "imap.gmx.net"', ['Change to 993']);
		assert.equal(printableFinding(clean), clean);
		const dirty = printableFinding(finding('a', 'error', 'host "x\u001b[2Jy"', ['ok', 'Rename to "a\u0007"']));
		assert.equal(dirty.message, 'host "x\\u001b[2Jy"');
		assert.deepEqual(
			dirty.fixes.map((f) => f.title),
			['ok', 'Rename to "a\\u0007"'],
		);
		const titleOnly = finding('a', 'error', 'fine', ['Rename to "\u0007"']);
		assert.notEqual(printableFinding(titleOnly), titleOnly);
		assert.equal(printableFinding(titleOnly).message, 'fine');
	});

	test('every code links to its heading in docs/rules.md', () => {
		assert.equal(
			ruleDocUrl('port-security-mismatch'),
			'https://github.com/mailcfg/mailcfg/blob/main/docs/rules.md#port-security-mismatch',
		);
		assert.equal(ruleDocUrl('schema-type'), ruleDocUrl('schema-type'));
	});
});
