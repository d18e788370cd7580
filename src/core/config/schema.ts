import type { ErrorObject } from 'ajv';
import type { Node } from 'jsonc-parser';
import { type Lang, type Localized, tr } from '../i18n';
import { editDistance } from '../providers/hosts';
import type { LineIndex, Range, TextEdit } from '../text/positions';
import type { ConfigEditor } from './edits';
import { type Finding, type FindingSink, type Fix, ruleDocUrl } from './findings';
import { propertyNamed } from './parse';
import { type Validators, compileValidators } from './validators';

/** Every code a schema problem can have; docs/rules.md documents each. */
export const SCHEMA_CODES = [
	'schema-required',
	'schema-type',
	'schema-enum',
	'schema-pattern',
	'schema-additional-property',
	'schema-range',
	'schema-empty',
	'schema-min-items',
	'schema-unique-items',
	'schema-invalid',
] as const;
type SchemaCode = (typeof SCHEMA_CODES)[number];

const validators = new Map<Lang, Validators>();

/** Once per language (the texts ajv hands back in `parentSchema` come from the schema of that language). */
function validatorsFor(lang: Lang): Validators {
	let compiled = validators.get(lang);
	if (!compiled) {
		compiled = compileValidators(lang);
		validators.set(lang, compiled);
	}
	return compiled;
}

const TYPE_NAMES: Readonly<Record<string, Localized>> = {
	string: { en: 'text', de: 'Text' },
	integer: { en: 'a whole number', de: 'eine ganze Zahl' },
	number: { en: 'a number', de: 'eine Zahl' },
	// What a non-integer value is called, so "must be a whole number, not …" names the actual problem.
	decimal: { en: 'a decimal number', de: 'eine Dezimalzahl' },
	boolean: { en: 'true or false', de: 'true oder false' },
	object: { en: 'an object ({ ... })', de: 'ein Objekt ({ ... })' },
	array: { en: 'a list ([ ... ])', de: 'eine Liste ([ ... ])' },
	null: { en: 'null', de: 'null' },
};

const M = {
	required: { en: 'Missing required property "{name}".', de: 'Pflichtangabe „{name}“ fehlt.' },
	requiredRoot: {
		en: 'A mailcfg file needs "accounts": a list of at least one account.',
		de: 'Eine mailcfg-Datei braucht „accounts“: eine Liste mit mindestens einem Konto.',
	},
	imapOrSmtp: {
		en: 'An account needs "imap", "smtp" or both.',
		de: 'Ein Konto braucht „imap“, „smtp“ oder beides.',
	},
	type: { en: '"{path}" must be {expected}, not {actual}.', de: '„{path}“ muss {expected} sein, nicht {actual}.' },
	accountType: {
		en: 'An entry of "accounts" must be {expected}, not {actual}.',
		de: 'Ein Eintrag von „accounts“ muss {expected} sein, nicht {actual}.',
	},
	enum: {
		en: '"{value}" is not a valid value for "{path}". Use one of: {allowed}.',
		de: '„{value}“ ist kein gültiger Wert für „{path}“. Erlaubt: {allowed}.',
	},
	pattern: { en: '"{path}": {hint}', de: '„{path}“: {hint}' },
	additional: {
		en: 'Unknown property "{name}"; mailcfg does not read it.',
		de: 'Unbekannte Eigenschaft „{name}“; mailcfg liest sie nicht.',
	},
	minimum: { en: '"{path}" must be at least {limit}.', de: '„{path}“ muss mindestens {limit} sein.' },
	maximum: { en: '"{path}" must be at most {limit}.', de: '„{path}“ darf höchstens {limit} sein.' },
	empty: { en: '"{path}" must not be empty.', de: '„{path}“ darf nicht leer sein.' },
	minItems: {
		en: '"{path}" needs at least {limit} entry.',
		de: '„{path}“ braucht mindestens {limit} Eintrag.',
	},
	unique: {
		en: '"{path}" lists the same value twice (entries {i} and {j}).',
		de: '„{path}“ enthält denselben Wert doppelt (Einträge {i} und {j}).',
	},
	invalid: { en: '"{path}" does not match the format.', de: '„{path}“ passt nicht zum Format.' },
	fixRename: { en: 'Rename to "{name}"', de: 'Umbenennen in „{name}“' },
	fixValue: { en: 'Change to {value}', de: 'Ändern in {value}' },
} as const satisfies Record<string, Localized>;

/**
 * Spellings people copy from other tools' settings that mean one of our enum values. A Map, since it is keyed by
 * config text: an object would answer "constructor" from Object.prototype.
 */
const ENUM_ALIASES: ReadonlyMap<string, string> = new Map([
	['ssl', 'tls'],
	['ssl/tls', 'tls'],
	['tls/ssl', 'tls'],
	['implicit', 'tls'],
	['plain', 'none'],
	['basic', 'password'],
	['oauth', 'oauth2'],
	['xoauth2', 'oauth2'],
]);

/** What schema fixes need of an editor. Another tool's format has fixed key names, so its editor renames none. */
export interface SchemaEditor extends ConfigEditor {
	renameKey?(property: Node, key: string): TextEdit | undefined;
}

export interface SchemaContext {
	lines: LineIndex;
	editor: SchemaEditor;
	lang: Lang;
}

/**
 * Schema problems of the file around its accounts (`accounts` itself included: missing, not a list, empty), as
 * located, localized findings. The file schema does not look into the elements of `accounts`.
 */
export function fileSchemaFindings(root: Node, value: unknown, ctx: SchemaContext, sink: FindingSink): void {
	const { file } = validatorsFor(ctx.lang);
	if (!file(value)) addFindings(sink, file.errors ?? [], root, undefined, ctx, false);
}

/** Where the findings of one account go: its node, and the line index and editor of its text. */
export interface PlacedAccount extends SchemaContext {
	node: Node;
}

/**
 * Schema problems of one element of `accounts`, located below its node. Each account is validated on its own, which
 * keeps the cost linear: ajv gathers the errors of a referenced schema by concatenating arrays per array item.
 * `place` is asked only for an invalid account, so a valid one needs no tree.
 */
export function accountSchemaFindings(value: unknown, lang: Lang, place: () => PlacedAccount, sink: FindingSink): void {
	const { account } = validatorsFor(lang);
	if (account(value)) return;
	const id = (value as { id?: unknown } | null | undefined)?.id;
	const ctx = place();
	addFindings(sink, account.errors ?? [], ctx.node, typeof id === 'string' && id ? id : undefined, ctx, true);
}

/**
 * The findings for the errors of one validator call, whose instance paths are relative to `base`: the file, or one
 * element of `accounts` (`inAccount`).
 */
function addFindings(
	sink: FindingSink,
	errors: readonly ErrorObject[],
	base: Node,
	accountId: string | undefined,
	ctx: SchemaContext,
	inAccount: boolean,
): void {
	// An anyOf of `required` alternatives is one problem ("imap or smtp"); its branch errors would repeat it.
	const anyOfPaths = errors.filter((e) => e.keyword === 'anyOf').map((e) => `${e.schemaPath}/`);
	// A value of the wrong type also fails its range or pattern; the type is the one thing to fix.
	const wrongType = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
	for (const error of errors) {
		if (error.keyword === 'if' || anyOfPaths.some((p) => error.schemaPath.startsWith(p))) continue;
		if (error.keyword !== 'type' && wrongType.has(error.instancePath)) continue;
		const finding = toFinding(error, base, accountId, ctx, inAccount);
		if (finding) sink.add(finding);
	}
}

function segments(instancePath: string): string[] {
	return instancePath
		.split('/')
		.slice(1)
		.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function nodeAtPointer(root: Node, path: readonly string[]): Node | undefined {
	let node: Node | undefined = root;
	for (const segment of path) {
		if (node?.type === 'object') {
			node = propertyNamed(node, segment)?.children?.[1];
		} else if (node?.type === 'array') {
			node = node.children?.[Number(segment)];
		} else {
			return undefined;
		}
	}
	return node;
}

/** `imap.port`, `sendAs[1]`: paths inside an account leave the account out, it is clear from the location. */
function pathLabel(path: readonly string[]): string {
	return path.reduce((label, p) => (/^\d+$/.test(p) ? `${label}[${p}]` : label ? `${label}.${p}` : p), '') || '/';
}

function typeName(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'decimal';
	return typeof value;
}

function toFinding(
	error: ErrorObject,
	base: Node,
	accountId: string | undefined,
	ctx: SchemaContext,
	inAccount: boolean,
): Finding | undefined {
	const { lines, lang } = ctx;
	const path = segments(error.instancePath);
	const node = nodeAtPointer(base, path);
	if (!node) return undefined;
	const rangeOf = (n: Node): Range => lines.rangeOf(n.offset, n.length);
	/** The key of the property holding `n`, or its first character when it has no key (array element, root). */
	const keyRange = (n: Node): Range => {
		const key = n.parent?.type === 'property' ? n.parent.children?.[0] : undefined;
		return key ? rangeOf(key) : lines.rangeOf(n.offset, 1);
	};
	const value: unknown = node.value ?? undefined;
	const label = pathLabel(path);
	const make = (
		code: SchemaCode,
		range: Range,
		message: Localized,
		args: Record<string, string | number>,
		fixes: Fix[] = [],
	): Finding => {
		const finding = {
			code,
			severity: 'error',
			message: tr(message, lang, args),
			range,
			source: 'mailcfg',
			docUrl: ruleDocUrl(code),
		} as Finding;
		// Assigned in place of a spread of a conditional literal, which V8 copies slowly.
		if (accountId) finding.accountId = accountId;
		finding.fixes = fixes;
		return finding;
	};

	switch (error.keyword) {
		case 'required': {
			const name = String(error.params.missingProperty);
			if (path.length === 0 && name === 'accounts') return make('schema-required', keyRange(node), M.requiredRoot, {});
			return make('schema-required', keyRange(node), M.required, { name });
		}
		case 'anyOf':
			return make('schema-required', keyRange(node), M.imapOrSmtp, {});
		case 'additionalProperties': {
			const name = String(error.params.additionalProperty);
			const property = propertyNamed(node, name);
			if (!property) return undefined;
			const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
			const candidates = closest(name, known);
			// Renaming is safe for "fix all" only when exactly one known name is that close.
			const fixes = candidates.flatMap((candidate) => {
				const edit = ctx.editor.renameKey?.(property, candidate);
				const isPreferred = candidates.length === 1;
				return edit ? [{ title: tr(M.fixRename, lang, { name: candidate }), edits: [edit], isPreferred }] : [];
			});
			return make(
				'schema-additional-property',
				rangeOf(property.children?.[0] ?? property),
				M.additional,
				{ name },
				fixes,
			);
		}
		case 'type': {
			const expected = String(error.params.type).split(',');
			const names = expected.map((t) => tr(TYPE_NAMES[t] ?? { en: t, de: t }, lang));
			const fixes: Fix[] = [];
			const converted = convertScalar(value, expected);
			const edit = converted === undefined ? undefined : ctx.editor.replaceValue(node, converted);
			if (edit) {
				fixes.push({
					title: tr(M.fixValue, lang, { value: JSON.stringify(converted) }),
					edits: [edit],
					isPreferred: true,
				});
			}
			const actual = tr(TYPE_NAMES[typeName(value ?? nodeValueKind(node))] ?? { en: node.type, de: node.type }, lang);
			// The element itself has no path of its own to name (its index would go stale in the per-account cache).
			const message = inAccount && path.length === 0 ? M.accountType : M.type;
			return make('schema-type', rangeOf(node), message, { path: label, expected: names.join(' / '), actual }, fixes);
		}
		case 'enum': {
			const allowed = (error.params.allowedValues as unknown[]).map(String);
			const fixes = typeof value === 'string' ? enumFixes(value, allowed, node, ctx) : [];
			return make(
				'schema-enum',
				rangeOf(node),
				M.enum,
				{ value: String(value), path: label, allowed: allowed.join(', ') },
				fixes,
			);
		}
		case 'pattern': {
			const hint = (error.parentSchema as { patternErrorMessage?: string } | undefined)?.patternErrorMessage;
			return make('schema-pattern', rangeOf(node), hint ? M.pattern : M.invalid, { path: label, hint: hint ?? '' });
		}
		case 'minimum':
			return make('schema-range', rangeOf(node), M.minimum, { path: label, limit: Number(error.params.limit) });
		case 'maximum':
			return make('schema-range', rangeOf(node), M.maximum, { path: label, limit: Number(error.params.limit) });
		case 'minLength':
			return make('schema-empty', rangeOf(node), M.empty, { path: label });
		case 'minItems':
			return make('schema-min-items', rangeOf(node), M.minItems, { path: label, limit: Number(error.params.limit) });
		case 'uniqueItems': {
			const i = Number(error.params.i);
			const j = Number(error.params.j);
			const duplicate = node.children?.[Math.max(i, j)];
			return make('schema-unique-items', rangeOf(duplicate ?? node), M.unique, { path: label, i, j });
		}
		default:
			return make('schema-invalid', rangeOf(node), M.invalid, { path: label });
	}
}

function nodeValueKind(node: Node): unknown {
	return node.type === 'object' ? {} : node.type === 'array' ? [] : null;
}

/** A string that is clearly meant as a number or boolean ("993", "true"). */
function convertScalar(value: unknown, expected: readonly string[]): number | boolean | undefined {
	if (typeof value !== 'string') return undefined;
	const trimmed = value.trim();
	if ((expected.includes('integer') || expected.includes('number')) && /^\d{1,9}$/.test(trimmed))
		return Number(trimmed);
	if (expected.includes('boolean') && (trimmed === 'true' || trimmed === 'false')) return trimmed === 'true';
	return undefined;
}

/** Names within two edits of `name` (one for short names), nearest first, at most three. */
function closest(name: string, candidates: readonly string[]): string[] {
	const max = name.length <= 4 ? 1 : 2;
	return candidates
		.map((c) => ({ c, d: editDistance(name.toLowerCase(), c.toLowerCase(), max) }))
		.filter((x) => x.d <= max)
		.sort((a, b) => a.d - b.d)
		.slice(0, 3)
		.map((x) => x.c);
}

function enumFixes(value: string, allowed: readonly string[], node: Node, ctx: SchemaContext): Fix[] {
	const normalized = value.trim().toLowerCase();
	const exact = allowed.find((a) => a.toLowerCase() === normalized) ?? ENUM_ALIASES.get(normalized);
	const suggestions = exact && allowed.includes(exact) ? [exact] : closest(normalized, allowed);
	return suggestions.flatMap((s) => {
		const edit = ctx.editor.replaceValue(node, s);
		return edit
			? [{ title: tr(M.fixValue, ctx.lang, { value: JSON.stringify(s) }), edits: [edit], isPreferred: s === exact }]
			: [];
	});
}
