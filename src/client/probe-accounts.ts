/**
 * Finds accounts, their properties and secret references in a config file's text. Free of `vscode` so the
 * cursor lookup and the diagnostic placement are unit-tested in plain Node.
 */
import { type Node, visit } from 'jsonc-parser';
import { parseSecretRef } from '../core/config/model';
import { type ParsedConfig, nodeAt, parseConfig, propertyOf } from '../core/config/parse';
import { documentFormat, parseDocument } from '../core/sources/analyze';

/**
 * The accounts of a document: our JSON, or, when `uri` names another tool's file (.env, main.cf, .msmtprc...), its
 * mapped accounts, whose nodes span the lines they came from.
 */
function parsedFor(text: string, uri: string | undefined): ParsedConfig {
	const format = uri ? documentFormat(uri, text) : undefined;
	return format && format !== 'json' ? parseDocument(text, format, { fileName: uri }) : parseConfig(text);
}

/** An account as far as the pickers need it; the value itself is checked by the probe engine. */
export interface AccountEntry {
	id: string;
	index: number;
	/** Offset and length of the whole account object. */
	offset: number;
	length: number;
	/** `imap.example.com:993`, `smtp.example.com:587`: what a picker shows as detail. */
	endpoints: string[];
	hasSmtp: boolean;
	isOAuth2: boolean;
	value: unknown;
}

export interface TextSpan {
	offset: number;
	length: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function endpointOf(value: unknown): string | undefined {
	if (!isRecord(value) || typeof value.host !== 'string') return undefined;
	return typeof value.port === 'number' ? `${value.host}:${value.port}` : value.host;
}

/** Every account in a config that has a string `id`, in file order. */
export function listAccounts(text: string, uri?: string): AccountEntry[] {
	const entries: AccountEntry[] = [];
	for (const { index, node, value } of parsedFor(text, uri).accounts) {
		if (!isRecord(value) || typeof value.id !== 'string' || value.id === '') continue;
		const auth = isRecord(value.auth) ? value.auth : {};
		entries.push({
			id: value.id,
			index,
			offset: node.offset,
			length: node.length,
			endpoints: [endpointOf(value.imap), endpointOf(value.smtp)].filter((e): e is string => e !== undefined),
			hasSmtp: isRecord(value.smtp),
			isOAuth2: auth.method === 'oauth2',
			value,
		});
	}
	return entries;
}

/** The account whose object contains `offset` (the cursor), or undefined outside every account. */
export function accountAtOffset(text: string, offset: number, uri?: string): AccountEntry | undefined {
	return listAccounts(text, uri).find((a) => offset >= a.offset && offset <= a.offset + a.length);
}

function accountNode(text: string, accountId: string, uri: string | undefined): Node | undefined {
	const parsed = parsedFor(text, uri);
	return parsed.accounts.find((a) => isRecord(a.value) && a.value.id === accountId)?.node;
}

/**
 * Where a diagnostic about `path` (`['imap', 'host']`) of an account belongs: the whole property (`"host": "x"`)
 * when it exists; else the deepest existing ancestor property; else the account's `id` property, so a failure
 * always lands on a line of its own account. Undefined when the account is not in the text (any more).
 */
export function spanForPath(
	text: string,
	accountId: string,
	path: readonly (string | number)[],
	uri?: string,
): TextSpan | undefined {
	const account = accountNode(text, accountId, uri);
	if (!account) return undefined;
	for (let depth = path.length; depth > 0; depth--) {
		const node = nodeAt(account, path.slice(0, depth));
		if (node) {
			const target = propertyOf(node) ?? node;
			return { offset: target.offset, length: target.length };
		}
	}
	const idProperty = propertyOf(nodeAt(account, ['id']));
	const target = idProperty ?? account;
	return { offset: target.offset, length: target.length };
}

/**
 * Names of every `${secret:NAME}` reference in a config, sorted and unique: what "Store Secret…" and
 * "Delete Secret…" offer.
 */
export function secretNamesIn(text: string): string[] {
	const names = new Set<string>();
	visit(
		text,
		{
			onLiteralValue(value: unknown) {
				if (typeof value !== 'string') return;
				const ref = parseSecretRef(value);
				if (ref?.kind === 'secret') names.add(ref.name);
			},
		},
		{ allowTrailingComma: true, disallowComments: false },
	);
	return [...names].sort();
}

/** The `${secret:NAME}` names one account uses (password, client secret), for the "missing secret" prompt. */
export function secretNamesOfAccount(account: unknown): string[] {
	const names = new Set<string>();
	const walk = (value: unknown): void => {
		if (typeof value === 'string') {
			const ref = parseSecretRef(value);
			if (ref?.kind === 'secret') names.add(ref.name);
		} else if (Array.isArray(value)) {
			value.forEach(walk);
		} else if (isRecord(value)) {
			Object.values(value).forEach(walk);
		}
	};
	walk(account);
	return [...names].sort();
}
