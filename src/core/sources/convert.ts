/**
 * "Convert to mailaccounts.json": the accounts of another tool's file in our format. Secrets never travel: a password
 * written in the source becomes a reference (`${env:NAME}` for a .env variable the app already reads from the
 * environment, `${secret:ID_PASSWORD}` otherwise), and a command such as passwordeval/PassCmd becomes `${secret:…}`.
 */
import { parseSecretRef } from '../config/model';
import { oauth2Skeleton } from '../config/oauth2-skeleton';
import { detectProvider } from '../providers/detect';
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

const PROTOCOLS = ['imap', 'smtp'] as const;

/** A device-code skeleton with the provider's delegated scopes (the helpers these tools use sign a user in). */
function delegatedSkeleton(
	account: Record<string, unknown>,
	auth: Record<string, unknown>,
): Record<string, unknown> | undefined {
	const protocols = PROTOCOLS.filter((p) => isRecord(account[p]));
	const hosts = protocols.map((p) => (account[p] as Record<string, unknown>).host as string | undefined);
	const address = [account.email, auth.user].find((v): v is string => typeof v === 'string') ?? '';
	const oauth = detectProvider({ email: address, hosts })?.provider.oauth2;
	return oauth
		? oauth2Skeleton('device-code', { accountId: account.id as string | undefined, address, protocols, oauth })
		: undefined;
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
		if (auth?.method === 'oauth2' && !isRecord(auth.oauth2)) {
			// msmtp and mbsync get their token from a helper command; our format names the app registration instead.
			const oauth2 = delegatedSkeleton(account, auth);
			if (oauth2) auth.oauth2 = oauth2;
		}
		if (auth) account.auth = auth;
		return account;
	});
	return { text: `${JSON.stringify({ accounts }, null, '\t')}\n`, accountIds: mapped.map((m) => m.id) };
}
