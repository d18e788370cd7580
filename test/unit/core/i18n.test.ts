import { test } from 'node:test';
import assert from 'node:assert/strict';
import { format, resolveLang } from '../../../src/core/i18n';
import { parseDay } from '../../../src/core/clock';
import { LineIndex } from '../../../src/core/text/positions';

test('resolveLang: explicit setting wins, auto follows the display language', () => {
	const cases: [Parameters<typeof resolveLang>[0], string | undefined, string][] = [
		['de', 'en-US', 'de'],
		['en', 'de-DE', 'en'],
		['auto', 'de-CH', 'de'],
		['auto', 'fr', 'en'],
		[undefined, undefined, 'en'],
	];
	for (const [setting, display, expected] of cases) assert.equal(resolveLang(setting, display), expected);
});

test('format keeps unknown placeholders visible', () => {
	assert.equal(format('{a} and {b}', { a: 1 }), '1 and {b}');
});

test('parseDay accepts only real calendar days', () => {
	assert.equal(parseDay('2026-12-31')?.toISOString(), '2026-12-31T00:00:00.000Z');
	assert.equal(parseDay('2026-02-30'), undefined);
	assert.equal(parseDay('31.12.2026'), undefined);
});

test('LineIndex maps offsets across LF and CRLF lines', () => {
	const index = new LineIndex('ab\r\ncd\nef');
	assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
	assert.deepEqual(index.positionAt(5), { line: 1, character: 1 });
	assert.deepEqual(index.positionAt(8), { line: 2, character: 1 });
	assert.equal(index.offsetAt({ line: 2, character: 1 }), 8);
});
