/**
 * Edits that put discovery results into a config text: a new account at the end of `accounts`, discovered servers
 * into an existing account, a tenant ID into `auth.oauth2.tenant`. jsonc-parser's `modify` computes them, so
 * comments and the rest of the file stay as they are. Pure: the editor applies the edits, tests inspect them.
 */
import { type Edit, type FormattingOptions, applyEdits, modify } from 'jsonc-parser';
import type { Account } from '../config/model';
import { parseConfig } from '../config/parse';

function formatting(text: string): FormattingOptions {
	const indent = /^([ \t]+)\S/m.exec(text)?.[1];
	return {
		insertSpaces: indent !== undefined && !indent.startsWith('\t'),
		tabSize: indent && !indent.startsWith('\t') ? Math.min(indent.length, 8) : 4,
		eol: text.includes('\r\n') ? '\r\n' : '\n',
	};
}

const options = (text: string) => ({ formattingOptions: formatting(text) });

/** A whole new config file holding one account. */
export function newConfigText(account: Account): string {
	return `${JSON.stringify({ accounts: [account] }, null, '\t')}\n`;
}

/** Appends the account to `accounts` (created when missing); an empty text becomes a new config. */
export function insertAccountEdits(text: string, account: Account): Edit[] {
	if (text.trim() === '') return [{ offset: 0, length: text.length, content: newConfigText(account) }];
	const parsed = parseConfig(text);
	const accounts = (parsed.value as { accounts?: unknown } | undefined)?.accounts;
	return Array.isArray(accounts)
		? modify(text, ['accounts', accounts.length], account, { ...options(text), isArrayInsertion: true })
		: modify(text, ['accounts'], [account], options(text));
}

/** The ids of the file's accounts, so a new one gets a free id. */
export function accountIdsIn(text: string): string[] {
	return parseConfig(text).accounts.flatMap((a) => {
		const id = (a.value as { id?: unknown } | undefined)?.id;
		return typeof id === 'string' ? [id] : [];
	});
}

/** The index of the account with this id, else the one at `index` when its email matches. */
export function findAccount(
	text: string,
	target: { accountId?: string; index: number; email: string },
): number | undefined {
	const parsed = parseConfig(text);
	const values = parsed.accounts.map((a) => a.value as { id?: unknown; email?: unknown } | undefined);
	if (target.accountId !== undefined) {
		const byId = values.findIndex((v) => v?.id === target.accountId);
		if (byId >= 0) return byId;
	}
	return values[target.index]?.email === target.email ? target.index : undefined;
}

/**
 * Puts the discovered servers into account `index`: host, port and security are replaced, everything else in the
 * section (folder, afterImport, from, tls, ...) stays. Only the protocols the account uses are filled in; an
 * account with neither gets both.
 */
export function fillServersEdits(text: string, index: number, discovered: Account): Edit[] {
	const parsed = parseConfig(text);
	const current = parsed.accounts[index]?.value as Partial<Account> | undefined;
	if (!current) return [];
	const uses = (['imap', 'smtp'] as const).filter((p) => current[p] !== undefined);
	const protocols = uses.length > 0 ? uses : (['imap', 'smtp'] as const);
	let result = text;
	for (const protocol of protocols) {
		const found = discovered[protocol];
		if (!found) continue;
		const existing = current[protocol];
		const value =
			existing && typeof existing === 'object'
				? { ...existing, host: found.host, port: found.port, security: found.security }
				: found;
		result = applyEdits(result, modify(result, ['accounts', index, protocol], value, options(result)));
	}
	return result === text ? [] : [changedSpan(text, result)];
}

/** One edit covering only what differs between the texts, so the editor keeps the cursor and undo steps small. */
function changedSpan(before: string, after: string): Edit {
	let start = 0;
	while (start < before.length && start < after.length && before[start] === after[start]) start++;
	let end = 0;
	while (
		end < before.length - start &&
		end < after.length - start &&
		before[before.length - 1 - end] === after[after.length - 1 - end]
	) {
		end++;
	}
	return { offset: start, length: before.length - start - end, content: after.slice(start, after.length - end) };
}

/** Sets `auth.oauth2.tenant` of account `index`. */
export function setTenantEdits(text: string, index: number, tenant: string): Edit[] {
	return modify(text, ['accounts', index, 'auth', 'oauth2', 'tenant'], tenant, options(text));
}
