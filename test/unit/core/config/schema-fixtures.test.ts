import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, codes, configText } from '../rules/helpers';
import { GENERIC, patch } from '../rules/fixtures';

const ROOT = join(__dirname, '../../../fixtures/configs');

function fixtures(kind: 'valid' | 'invalid'): { name: string; text: string }[] {
	return readdirSync(join(ROOT, kind))
		.filter((n) => n.endsWith('.json'))
		.map((name) => ({ name, text: readFileSync(join(ROOT, kind, name), 'utf8') }));
}

test('there are valid and invalid fixtures', () => {
	assert.ok(fixtures('valid').length >= 3);
	assert.ok(fixtures('invalid').length >= 5);
});

for (const { name, text } of fixtures('valid')) {
	test(`valid fixture ${name}: no syntax or schema findings`, () => {
		const found = analyze(text).filter((f) => f.code.startsWith('schema') || f.code === 'json-syntax');
		assert.deepEqual(
			found.map((f) => `${f.code}: ${f.message}`),
			[],
		);
	});
}

for (const { name, text } of fixtures('invalid')) {
	test(`invalid fixture ${name}: exactly the expected schema findings`, () => {
		// The first line lists the expected codes: `// expect: schema-enum schema-required ...`.
		const expected = /^\/\/ expect: (.*)$/m.exec(text)?.[1]?.split(' ').sort();
		assert.ok(expected, 'fixture declares its expectations');
		const findings = analyze(text).filter((f) => f.code.startsWith('schema'));
		assert.deepEqual(codes(findings).sort(), expected);
		for (const f of findings) {
			assert.equal(f.severity, 'error');
			assert.ok(f.range.start.line > 0, `${f.code} points into the config, not at the comment`);
			assert.doesNotMatch(f.message, /must NOT|must have/, "messages are ours, not ajv's");
		}
	});
}

test('schema messages are localized and name the property', () => {
	const text = readFileSync(join(ROOT, 'invalid/wrong-values.mailaccounts.json'), 'utf8');
	const en = analyze(text, 'en').find((f) => f.code === 'schema-enum');
	const de = analyze(text, 'de').find((f) => f.code === 'schema-enum');
	assert.equal(
		en?.message,
		'"basic" is not a valid value for "auth.method". Use one of: password, app-password, oauth2.',
	);
	assert.equal(
		de?.message,
		'„basic“ ist kein gültiger Wert für „auth.method“. Erlaubt: password, app-password, oauth2.',
	);
	const pattern = analyze(text, 'de').find((f) => f.code === 'schema-pattern' && f.message.includes('id'));
	assert.match(pattern?.message ?? '', /Kleinbuchstaben, Ziffern und Bindestriche/);
});

test('a fractional port is named as such, not as "a number"', () => {
	const text = configText(patch(GENERIC, { imap: { port: 993.5 } }));
	const en = analyze(text, 'en').find((f) => f.code === 'schema-type');
	const de = analyze(text, 'de').find((f) => f.code === 'schema-type');
	assert.equal(en?.message, '"imap.port" must be a whole number, not a decimal number.');
	assert.equal(de?.message, '„imap.port“ muss eine ganze Zahl sein, nicht eine Dezimalzahl.');
});

test('a missing required property points at the key of its object', () => {
	const text = readFileSync(join(ROOT, 'invalid/missing-fields.mailaccounts.json'), 'utf8');
	const oauth2 = analyze(text).find((f) => f.message.includes('"oauth2"'));
	assert.ok(oauth2);
	const line = text.split('\n')[oauth2.range.start.line] ?? '';
	assert.equal(line.slice(oauth2.range.start.character, oauth2.range.end.character), '"auth"');
	assert.ok(analyze(text).some((f) => f.message === 'An account needs "imap", "smtp" or both.'));
});

test('validation rules-only leaves syntax and schema problems to the editor but keeps the rules', () => {
	const text = readFileSync(join(ROOT, 'invalid/wrong-values.mailaccounts.json'), 'utf8');
	const found = codes(analyze(text, 'en', '2026-11-23', { validation: 'rules-only' }));
	assert.ok(!found.some((c) => c.startsWith('schema')), found.join(', '));
	const withRules = analyze(
		'{"accounts":[{"id":"a","email":"a@b.de","auth":{"method":"password","user":"a"},"smtp":{"host":"mx.b.de","port":25,"security":"starttls"}}]}',
		'en',
		'2026-11-23',
		{ validation: 'rules-only' },
	);
	assert.ok(codes(withRules).includes('submission-port-25'));
});

test('validation rules-only drops syntax errors but still checks what parses', () => {
	// A missing comma after "id" and a trailing garbage token: both syntax errors the editor's JSON server reports.
	const text = `{
	"accounts": [
		{
			"id": "scanner"
			"email": "scanner@contoso.example",
			"auth": { "method": "password", "user": "scanner@contoso.example", "password": "\${env:SMTP}" },
			"smtp": { "host": "smtp.contoso.example", "port": 25, "security": "starttls" }
		}
	]
} x`;
	const full = codes(analyze(text));
	assert.ok(full.includes('json-syntax'), full.join(', '));
	assert.ok(full.includes('submission-port-25'), full.join(', '));
	const rulesOnly = codes(analyze(text, 'en', '2026-11-23', { validation: 'rules-only' }));
	assert.deepEqual(
		rulesOnly,
		full.filter((c) => c !== 'json-syntax' && !c.startsWith('schema')),
	);
	assert.ok(rulesOnly.includes('submission-port-25'));
});
