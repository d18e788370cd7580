import { createScanner } from 'jsonc-parser';
import { Token } from './tokens';

const CONFIG_NAME = /(^|[\\/])([^\\/]+\.mailaccounts?\.json|mailaccounts\.json)$/i;
const SCHEMA_SUFFIX = 'mail-account.schema.json';

/** `*.mailaccount.json`, `*.mailaccounts.json` or `mailaccounts.json` (path or URI, any separator). */
export function isConfigFileName(pathOrUri: string): boolean {
	let path = pathOrUri.split(/[?#]/)[0] ?? '';
	try {
		path = decodeURIComponent(path);
	} catch {
		// A malformed escape is no reason to reject the name; test it as written.
	}
	return CONFIG_NAME.test(path);
}

/**
 * The top-level `$schema` string of a JSON(C) text, read with the scanner so huge or deeply nested files cost one
 * linear pass and no tree.
 */
export function topLevelSchema(text: string): string | undefined {
	const scanner = createScanner(text, true);
	let depth = 0;
	let expectValueOf: string | undefined;
	let lastKey: string | undefined;
	for (let kind = scanner.scan(); kind !== Token.EOF; kind = scanner.scan()) {
		switch (kind) {
			case Token.OpenBrace:
			case Token.OpenBracket:
				depth++;
				expectValueOf = undefined;
				break;
			case Token.CloseBrace:
			case Token.CloseBracket:
				depth--;
				break;
			case Token.String:
				if (depth !== 1) break;
				if (expectValueOf === '$schema') return scanner.getTokenValue();
				lastKey = scanner.getTokenValue();
				expectValueOf = undefined;
				break;
			case Token.Colon:
				if (depth === 1) expectValueOf = lastKey;
				break;
			default:
				expectValueOf = undefined;
		}
	}
	return undefined;
}

/** Whether mailcfg should analyze this document: by file name, or by a `$schema` ending in mail-account.schema.json. */
export function isMailcfgDocument(uri: string, text: string): boolean {
	if (isConfigFileName(uri)) return true;
	const schema = topLevelSchema(text);
	return !!schema && (schema.endsWith(SCHEMA_SUFFIX) || schema.endsWith('mail-account.schema.de.json'));
}
