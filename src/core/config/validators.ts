import Ajv, { type Options, type ValidateFunction } from 'ajv';
import type { Lang } from '../i18n';
import { type JsonSchema, buildSchema } from './schema-source';

/**
 * The file without its accounts, and one account. Validating each account on its own keeps the cost linear: ajv
 * gathers the errors of a referenced schema by concatenating arrays per array item, which is quadratic for a
 * generated file with thousands of incomplete accounts.
 */
export interface Validators {
	file: ValidateFunction;
	account: ValidateFunction;
}

/** VS Code's schema keywords: documentation for the editor that ajv must accept and ignore. */
const EDITOR_KEYWORDS = [
	'markdownDescription',
	'enumDescriptions',
	'markdownEnumDescriptions',
	'defaultSnippets',
	'patternErrorMessage',
	'allowComments',
	'allowTrailingCommas',
];

/**
 * `verbose` because findings read `parentSchema` (property names for typo fixes, `patternErrorMessage`), whose
 * texts come from the schema of each language.
 */
export function newAjv(extra: Options = {}): Ajv {
	const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false, ...extra });
	ajv.addVocabulary(EDITOR_KEYWORDS);
	return ajv;
}

/** The two schemas each file is validated with, in one language. */
export function validatorSchemas(lang: Lang): Record<keyof Validators, JsonSchema> {
	const schema = buildSchema(lang);
	const properties = schema.properties as Record<string, JsonSchema>;
	const { items, ...accounts } = properties.accounts ?? {};
	if (items === undefined) throw new Error('the schema no longer describes accounts[] items');
	return {
		file: { ...schema, properties: { ...properties, accounts } },
		account: { definitions: schema.definitions, $ref: '#/definitions/account' },
	};
}

/**
 * Compiles the validators of one language. Compiling takes far longer than checking a file (about half a second),
 * so the bundles never call this: esbuild.mjs replaces this module with ajv's standalone code generated from the
 * same schemas at build time (`schemaValidatorsPlugin`). Tests and `tsx` runs compile here.
 */
export function compileValidators(lang: Lang): Validators {
	const ajv = newAjv();
	const schemas = validatorSchemas(lang);
	return { file: ajv.compile(schemas.file), account: ajv.compile(schemas.account) };
}
