import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import {
	AFTER_IMPORT_ACTIONS,
	AUTH_METHODS,
	OAUTH2_FLOWS,
	PROVIDER_IDS,
	SECURITY_MODES,
	TLS_VERSIONS,
} from '../../../../src/core/config/model';
import { SCHEMA_FILE_NAMES, buildSchema } from '../../../../src/core/config/schema-source';
import { analyze } from '../rules/helpers';

const SCHEMAS = join(__dirname, '../../../../schemas');
const read = (lang: 'en' | 'de'): Record<string, unknown> =>
	JSON.parse(readFileSync(join(SCHEMAS, SCHEMA_FILE_NAMES[lang]), 'utf8')) as Record<string, unknown>;

test('committed schema files are what scripts/gen-schema.ts renders (run `npm run gen:schema` if this fails)', () => {
	assert.deepEqual(read('en'), buildSchema('en'));
	assert.deepEqual(read('de'), buildSchema('de'));
});

/** Every text-bearing value with its JSON path; structure elsewhere. */
function walk(value: unknown, path: string, out: Map<string, unknown>): void {
	if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}/${i}`, out));
	else if (value !== null && typeof value === 'object')
		for (const [k, v] of Object.entries(value)) walk(v, `${path}/${k}`, out);
	else out.set(path, value);
}

const TEXT_KEYS =
	/\/(description|markdownDescription|enumDescriptions\/\d+|markdownEnumDescriptions\/\d+|patternErrorMessage|label)$|\/defaultSnippets\/\d+\/description$/;

test('English and German schema have the same structure and every text is translated', () => {
	const en = new Map<string, unknown>();
	const de = new Map<string, unknown>();
	walk(read('en'), '', en);
	walk(read('de'), '', de);
	assert.deepEqual([...de.keys()].sort(), [...en.keys()].sort());
	let texts = 0;
	for (const [path, value] of en) {
		if (TEXT_KEYS.test(path)) {
			texts++;
			// Brand names and identical short labels ("GMX / WEB.DE", "Strato.") may legitimately stay the same.
			const same = value === de.get(path);
			if (same) assert.match(String(value), /^\w[\w.&() /-]*\.?$/, `untranslated: ${path}: ${String(value)}`);
		} else {
			assert.deepEqual(de.get(path), value, `structure differs at ${path}`);
		}
	}
	assert.ok(texts > 100, `found ${texts} texts`);
});

test('schema enums match the model constants', () => {
	const defs = (buildSchema('en').definitions ?? {}) as Record<
		string,
		{ properties?: Record<string, { enum?: unknown }> }
	>;
	assert.deepEqual(defs.account?.properties?.provider?.enum, [...PROVIDER_IDS]);
	assert.deepEqual(defs.auth?.properties?.method?.enum, [...AUTH_METHODS]);
	assert.deepEqual(defs.oauth2?.properties?.flow?.enum, [...OAUTH2_FLOWS]);
	assert.deepEqual((defs.security as { enum?: unknown })?.enum, [...SECURITY_MODES]);
	assert.deepEqual(defs.afterImport?.properties?.action?.enum, [...AFTER_IMPORT_ACTIONS]);
	assert.deepEqual(defs.tls?.properties?.minVersion?.enum, [...TLS_VERSIONS]);
});

test('the schema compiles in plain draft-07 ajv with the editor keywords declared', () => {
	const ajv = new Ajv({ strict: true, strictRequired: false });
	ajv.addVocabulary([
		'markdownDescription',
		'enumDescriptions',
		'markdownEnumDescriptions',
		'defaultSnippets',
		'patternErrorMessage',
	]);
	assert.equal(typeof ajv.compile(read('en')), 'function');
});

/** Expands a VS Code snippet body the way the editor does with every placeholder left at its default. */
function expandSnippet(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(expandSnippet);
	if (value !== null && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expandSnippet(v)]));
	if (typeof value !== 'string') return value;
	if (value.startsWith('^')) return JSON.parse(value.slice(1).replace(/\\\$/g, '$')) as unknown;
	return value.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1');
}

test('all seven templates expand to accounts without errors', () => {
	const account = (
		buildSchema('en').definitions as Record<string, { defaultSnippets: { label: string; body: unknown }[] }>
	).account;
	const snippets = account?.defaultSnippets ?? [];
	assert.equal(snippets.length, 7);
	for (const snippet of snippets) {
		const body = expandSnippet(snippet.body) as Record<string, unknown>;
		assert.match(JSON.stringify(body), /\$\{secret:[A-Z_]+\}/, `${snippet.label} references its secret`);
		const findings = analyze(JSON.stringify({ accounts: [body] }, null, '\t'));
		const errors = findings.filter((f) => f.severity === 'error');
		assert.deepEqual(
			errors.map((f) => `${f.code}: ${f.message}`),
			[],
			snippet.label,
		);
	}
});
