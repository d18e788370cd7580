import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, codes, configText } from '../rules/helpers';
import { GENERIC, GMAIL, M365_APP_ONLY, M365_PRINTER, patch } from '../rules/fixtures';

const BAD_INPUTS: [name: string, text: string, expected: string][] = [
	['empty file', '', 'json-syntax'],
	['truncated JSON', '{"accounts": [{"id": "a", "email": ', 'json-syntax'],
	['plain text', 'imap.gmx.net:993', 'json-syntax'],
	['a number', '42', 'schema-type'],
	['null', 'null', 'schema-type'],
	['a list at the top', '[{"id": "a"}]', 'schema-type'],
	['accounts is a string', '{"accounts": "gmx"}', 'schema-type'],
	['accounts of wrong types', '{"accounts": [1, "x", null, [], true]}', 'schema-type'],
	[
		'auth is an array',
		'{"accounts":[{"id":"a","email":"a@b.de","auth":[],"imap":{"host":"h","port":993,"security":"tls"}}]}',
		'schema-type',
	],
	[
		'imap is a string',
		'{"accounts":[{"id":"a","email":"a@b.de","auth":{"method":"password","user":"a"},"imap":"imap.gmx.net"}]}',
		'schema-type',
	],
	[
		'ports as floats and negatives',
		'{"accounts":[{"id":"a","email":"a@b.de","auth":{"method":"password","user":"a"},"imap":{"host":"h","port":-993.5,"security":"tls"}}]}',
		'schema-type',
	],
	[
		'__proto__ keys',
		'{"accounts":[{"__proto__":{"id":"x"},"id":"a","email":"a@b.de","auth":{"method":"password","user":"a"},"smtp":{"host":"h","port":587,"security":"starttls"}}]}',
		'schema-additional-property',
	],
	['10 000 levels of nesting', `{"accounts": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`, 'json-syntax'],
	['unbalanced nesting', '{'.repeat(100_000), 'json-syntax'],
	['10 MB file', `{"accounts": [], "pad": "${'x'.repeat(10 * 1024 * 1024)}"}`, 'file-too-large'],
	['binary garbage', '\u0000\u0001\uFFFF{"\uD800": [}', 'json-syntax'],
];

for (const [name, text, expected] of BAD_INPUTS) {
	test(`bad input never throws: ${name}`, () => {
		for (const lang of ['en', 'de'] as const) {
			const findings = analyze(text, lang);
			assert.ok(codes(findings).includes(expected), `${name}: ${codes(findings).join(', ')}`);
			assert.ok(!codes(findings).includes('internal-error'), findings.map((f) => f.message).join('\n'));
			for (const f of findings) assert.ok(f.message.length > 0 && f.range.start.line >= 0);
		}
	});
}

test('JSONC comments and trailing commas are accepted', () => {
	const text =
		'// mail accounts\n{\n\t"accounts": [\n\t\t{ "id": "gmail", "email": "a@gmail.com", /* app password */ "auth": { "method": "app-password", "user": "a@gmail.com", "password": "${secret:A}", }, "imap": { "host": "imap.gmail.com", "port": 993, "security": "tls", }, },\n\t],\n}\n';
	assert.deepEqual(codes(analyze(text)), []);
});

test('random truncations and byte flips of a real config never throw', () => {
	const text = configText(
		M365_APP_ONLY,
		M365_PRINTER,
		GMAIL,
		patch(GENERIC, { imap: { afterImport: { action: 'delete' } } }),
	);
	let seed = 42;
	const random = (n: number): number => {
		seed = (seed * 1103515245 + 12345) % 2 ** 31;
		return seed % n;
	};
	for (let i = 0; i < 300; i++) {
		const cut = text.slice(0, random(text.length));
		const pos = random(text.length);
		const flipped = text.slice(0, pos) + String.fromCharCode(random(128)) + text.slice(pos + 1);
		for (const variant of [cut, flipped]) {
			const findings = analyze(variant);
			assert.ok(!codes(findings).includes('internal-error'), `${findings[0]?.message ?? ''}\n${variant}`);
		}
	}
});

test('5 000 accounts analyze in well under half a second', () => {
	const accounts = Array.from({ length: 5000 }, (_, i) =>
		patch(i % 2 ? M365_PRINTER : GMAIL, { id: `account-${i}`, ...(i % 10 === 0 ? { smtp: { port: 25 } } : {}) }),
	);
	const text = configText(...accounts);
	analyze(text); // warm-up: ajv compile and JIT
	// CPU time of this process, best of three: tests run in parallel with other suites on a shared machine, and wall
	// time would measure the neighbours rather than the analysis.
	const times = [0, 1, 2].map(() => {
		const start = process.cpuUsage();
		const findings = analyze(text);
		const used = process.cpuUsage(start);
		assert.ok(findings.length >= 3000);
		return (used.user + used.system) / 1000;
	});
	const best = Math.min(...times);
	assert.ok(best < 500, `best of three: ${best.toFixed(0)} ms CPU`);
});
