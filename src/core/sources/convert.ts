/**
 * "Convert to mailaccounts.json": the accounts of another tool's file in our format. Secrets never travel: a password
 * written in the source becomes a reference (`${env:NAME}` for a .env variable the app already reads from the
 * environment, `${secret:ID_PASSWORD}` otherwise), and a command such as passwordeval/PassCmd becomes `${secret:…}`.
 */
import { parseSecretRef } from '../config/model';
import { secretName } from '../rules/context';
import { type SourceContext, sourceAccounts } from './formats';
import type { SourceFormat } from './names';
import { accountValues } from './tree';

export interface Conversion {
	/** The JSON text of `{ "accounts": [...] }`, tab-indented like our examples. */
	text: string;
	accountIds: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Undefined when the file holds no mail settings. */
export function convertSource(format: SourceFormat, text: string, context: SourceContext = {}): Conversion | undefined {
	const mapped = sourceAccounts(format, text, context);
	if (mapped.length === 0) return undefined;
	const accounts = accountValues(text, mapped).map((value, i) => {
		const account = { ...value };
		const auth = isRecord(account.auth) ? { ...account.auth } : undefined;
		if (auth && typeof auth.password === 'string' && !parseSecretRef(auth.password)) {
			const variable = mapped[i]!.passwordVariable;
			auth.password = variable ? `\${env:${variable}}` : `\${secret:${secretName(mapped[i]!.id, 'PASSWORD')}}`;
		}
		if (auth) account.auth = auth;
		// Our format requires an address; the login is the best guess when the source names none.
		if (account.email === undefined && typeof auth?.user === 'string' && auth.user.includes('@')) {
			return { id: account.id, email: auth.user, ...account };
		}
		return account;
	});
	return { text: `${JSON.stringify({ accounts }, null, '\t')}\n`, accountIds: mapped.map((m) => m.id) };
}
