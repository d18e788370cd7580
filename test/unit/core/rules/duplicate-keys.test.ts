import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse as parseJsonc } from 'jsonc-parser';
import { LineIndex } from '../../../../src/core/text/positions';
import { analyze, applyFix, only } from './helpers';

/**
 * A key written twice: JSON.parse and VS Code take the last value, so the rules read the last one, and the
 * underline and the quick fix must go to that same occurrence (the first one is dead text).
 */
const CASES: { name: string; text: string; code: string; at: string; path: string[]; fixed: unknown }[] = [
	{
		name: 'smtp port twice',
		text: `{"accounts": [{"id": "erp", "email": "erp@mueller-bau.de",
	"imap": {"host": "mail.mueller-bau.de", "port": 993, "security": "tls"},
	"smtp": {"host": "mail.mueller-bau.de", "port": 587, "security": "starttls", "port": 25}}]}`,
		code: 'submission-port-25',
		at: '25',
		path: ['accounts', '0', 'smtp', 'port'],
		fixed: 587,
	},
	{
		name: 'imap port twice, the last one a string',
		text: `{"accounts": [{"id": "erp", "email": "erp@mueller-bau.de",
	"imap": {"host": "mail.mueller-bau.de", "port": 993, "security": "tls", "port": "993"},
	"smtp": {"host": "mail.mueller-bau.de", "port": 587, "security": "starttls"}}]}`,
		code: 'schema-type',
		at: '"993"',
		path: ['accounts', '0', 'imap', 'port'],
		fixed: 993,
	},
	{
		name: 'accounts twice',
		text: `{"accounts": [{"id": "old", "email": "old@mueller-bau.de",
	"smtp": {"host": "mail.mueller-bau.de", "port": 25, "security": "starttls"}}],
"accounts": [{"id": "erp", "email": "erp@mueller-bau.de",
	"smtp": {"host": "mail.mueller-bau.de", "port": 25, "security": "starttls"}}]}`,
		code: 'submission-port-25',
		at: '25',
		path: ['accounts', '0', 'smtp', 'port'],
		fixed: 587,
	},
];

function valueAt(value: unknown, path: readonly string[]): unknown {
	return path.reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], value);
}

for (const c of CASES) {
	// Strict JSON takes the fast tree; a comment sends the same text through jsonc-parser.
	for (const [variant, text] of [
		['JSON', c.text],
		['JSONC', `// imported from the old server\n${c.text}`],
	] as const) {
		test(`duplicate keys (${variant}): ${c.name} is reported and fixed at the last occurrence`, () => {
			const finding = only(analyze(text), c.code);
			const start = new LineIndex(text).offsetAt(finding.range.start);
			assert.equal(start, text.lastIndexOf(c.at), 'underlines the occurrence whose value counts');
			const fix = finding.fixes.find((f) => f.isPreferred) ?? finding.fixes[0];
			assert.ok(fix, 'has a quick fix');
			const fixedText = applyFix(text, fix);
			assert.equal(valueAt(parseJsonc(fixedText), c.path), c.fixed, 'the fix changes the value that counts');
			assert.ok(!analyze(fixedText).some((f) => f.code === c.code), 'the finding is gone after the fix');
		});
	}
}
