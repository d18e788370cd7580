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
	secretName,
} from '../../../../src/core/config/model';
import {
	ACCOUNT_TEMPLATES,
	type AccountTemplate,
	Choice,
	Placeholder,
	SecretReference,
	plainAccount,
	snippetBody,
} from '../../../../src/core/config/account-templates';
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
		'allowComments',
		'allowTrailingCommas',
	]);
	assert.equal(typeof ajv.compile(read('en')), 'function');
});

/**
 * Inserts a `defaultSnippets` body the way VS Code does with every placeholder left at its default: the JSON
 * language service writes each string as JSON text (a `^` string as is), then the snippet engine replaces `${n:x}`
 * with x and `${n|a,b|}` with a, and unescapes `\$`, `\}` and `\\`.
 */
function insertSnippet(body: unknown): unknown {
	const toText = (value: unknown): string => {
		if (Array.isArray(value)) return `[${value.map(toText).join(',')}]`;
		if (value !== null && typeof value === 'object') {
			return `{${Object.entries(value)
				.map(([k, v]) => `${JSON.stringify(k)}:${toText(v)}`)
				.join(',')}}`;
		}
		return typeof value === 'string' && value.startsWith('^') ? value.slice(1) : JSON.stringify(value);
	};
	const expanded = toText(body).replace(
		/\\([$}\\])|\$\{\d+:((?:\\.|[^}\\])*)\}|\$\{\d+\|((?:\\.|[^,|\\])*)[^}]*\|\}/g,
		(_, escaped: string | undefined, placeholder: string | undefined, choice: string | undefined) =>
			escaped ?? (placeholder ?? choice ?? '').replace(/\\(.)/g, '$1'),
	);
	return JSON.parse(expanded) as unknown;
}

test('every account template expands to an account without errors', () => {
	const account = (
		buildSchema('en').definitions as Record<string, { defaultSnippets: { label: string; body: unknown }[] }>
	).account;
	const snippets = account?.defaultSnippets ?? [];
	assert.equal(snippets.length, ACCOUNT_TEMPLATES.length);
	for (const [i, snippet] of snippets.entries()) {
		const body = insertSnippet(snippet.body) as Record<string, unknown>;
		const template = ACCOUNT_TEMPLATES[i]!;
		assert.deepEqual(body, plainAccount(template), `${snippet.label}: the snippet inserts what a new file holds`);
		// The name the plaintext-secret fix would propose for this account, so the template and the diagnostics agree.
		const suggested = (suffix: string) => `\${secret:${secretName(String(body.id), suffix)}}`;
		const text = JSON.stringify(body);
		assert.ok(
			text.includes(suggested('PASSWORD')) || text.includes(suggested('CLIENT_SECRET')),
			`${snippet.label} references its secret by the suggested name: ${text}`,
		);
		const findings = analyze(JSON.stringify({ accounts: [body] }, null, '\t'));
		const errors = findings.filter((f) => f.severity === 'error');
		assert.deepEqual(
			errors.map((f) => `${f.code}: ${f.message}`),
			[],
			snippet.label,
		);
	}
});

test('an empty file offers every template as a whole file at the top level, each without errors', () => {
	const schema = buildSchema('de');
	assert.equal(schema.allowComments, true);
	assert.equal(schema.allowTrailingCommas, true);
	const snippets = (schema.defaultSnippets ?? []) as { label: string; body: unknown }[];
	assert.equal(snippets.length, ACCOUNT_TEMPLATES.length);
	for (const snippet of snippets) {
		assert.match(snippet.label, /^Neue Datei: /);
		const file = insertSnippet(snippet.body);
		const errors = analyze(JSON.stringify(file, null, '\t')).filter((f) => f.severity === 'error');
		assert.deepEqual(errors, [], snippet.label);
	}
});

test('snippet bodies survive characters the snippet syntax would read', () => {
	const template: AccountTemplate = {
		id: 'tricky',
		label: { en: 'x', de: 'x' },
		description: { en: 'x', de: 'x' },
		account: {
			id: new Placeholder(1, 'a$b}c\\d'),
			email: 'dollar$sign}brace\\backslash"quote@example.com',
			provider: new Choice(2, ['gmx', 'web-de']),
			displayName: new Choice(4, ['a,b|c', 'x']),
			auth: { method: 'password', user: new Placeholder(3, 'u"v'), password: new SecretReference('X.y-1') },
			imap: { host: 'imap.gmx.net', port: 993, security: 'tls' },
		},
	};
	assert.deepEqual(insertSnippet(snippetBody(template)), {
		id: 'a$b}c\\d',
		email: 'dollar$sign}brace\\backslash"quote@example.com',
		provider: 'gmx',
		displayName: 'a,b|c',
		auth: { method: 'password', user: 'u"v', password: '${secret:X.y-1}' },
		imap: { host: 'imap.gmx.net', port: 993, security: 'tls' },
	});
	assert.deepEqual(insertSnippet(snippetBody(template)), plainAccount(template));
});
