/**
 * Turns an account's `auth.oauth2` block into what the token check needs: authority, scopes and the claims a
 * usable token must carry. Pure: no network, so every default and refusal is unit-testable.
 */
import type { Account, OAuth2Flow } from '../config/model';
import type { Localized } from '../i18n';
import { MICROSOFT_LOGIN_HOSTS } from '../trust/policy';
import { OAUTH2_TEXTS } from './oauth2-texts';

export const MICROSOFT_LOGIN = 'https://login.microsoftonline.com';

/** Exchange Online under its two resource URIs and its well-known application id: all name the same API. */
export const EXCHANGE_AUDIENCES = [
	'https://outlook.office.com',
	'https://outlook.office365.com',
	'00000002-0000-0ff1-ce00-000000000000',
] as const;

export const APP_ONLY_SCOPE = 'https://outlook.office365.com/.default';
export const DELEGATED_IMAP_SCOPE = 'https://outlook.office.com/IMAP.AccessAsUser.All';
export const DELEGATED_SMTP_SCOPE = 'https://outlook.office.com/SMTP.Send';

/** Authority hosts msal knows itself (the same list as the trust policy's); any other must be in `knownAuthorities`. */
const MICROSOFT_AUTHORITY_HOSTS = new Set(MICROSOFT_LOGIN_HOSTS);

/** Tenant aliases that are not one tenant: fine for user sign-in, refused for app-only tokens (AADSTS9001023). */
const MULTI_TENANT_ALIASES = new Set(['common', 'organizations', 'consumers']);

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string): boolean {
	return GUID.test(value);
}

export interface PermissionNeed {
	protocol: 'imap' | 'smtp';
	claim: 'roles' | 'scp';
	permission: string;
	/** False when a token without it can still work (SMTP via Exchange RBAC for Applications). */
	required: boolean;
}

export interface OAuth2Plan {
	flow: OAuth2Flow;
	clientId: string;
	/** Without trailing slash, e.g. `https://login.microsoftonline.com/contoso.onmicrosoft.com`. */
	authority: string;
	/** The tenant segment of the authority (GUID, domain or alias). */
	tenant: string;
	/** Set when msal must trust a non-Microsoft authority host. */
	knownAuthorityHost?: string;
	scopes: string[];
	appOnly: boolean;
	/** Audiences a fitting access token may carry. */
	audiences: string[];
	permissions: PermissionNeed[];
	/** The SASL user the token is for; shown in details. */
	user: string;
}

export type PlanResult = { plan: OAuth2Plan } | { refusal: Localized; args?: Record<string, string> };

export function planOAuth2(account: Account): PlanResult {
	const { auth } = account;
	if (auth.method !== 'oauth2') return { refusal: OAUTH2_TEXTS.notOAuth2, args: { method: auth.method } };
	const oauth2 = auth.oauth2;
	if (!oauth2?.clientId || !oauth2.flow) return { refusal: OAUTH2_TEXTS.missingOAuth2Block };
	if (isGoogle(account.provider, oauth2.authority)) return { refusal: OAUTH2_TEXTS.googleUnsupported };

	const appOnly = oauth2.flow === 'client-credentials';
	let authority: string;
	let tenant: string;
	if (oauth2.authority) {
		const url = safeUrl(oauth2.authority);
		if (!url || url.protocol !== 'https:') {
			return { refusal: OAUTH2_TEXTS.invalidAuthority, args: { authority: oauth2.authority } };
		}
		authority = oauth2.authority.replace(/\/+$/, '');
		tenant = oauth2.tenant ?? url.pathname.split('/').filter(Boolean).pop() ?? '';
	} else {
		tenant = oauth2.tenant ?? (account.provider === 'outlook-com' ? 'consumers' : 'organizations');
		authority = `${MICROSOFT_LOGIN}/${tenant}`;
	}
	if (appOnly && (!tenant || MULTI_TENANT_ALIASES.has(tenant.toLowerCase()))) {
		return { refusal: OAUTH2_TEXTS.appOnlyNeedsTenant, args: { tenant: tenant || '-' } };
	}

	const host = new URL(authority).host;
	const wantsImap = account.imap !== undefined || account.smtp === undefined;
	const wantsSmtp = account.smtp !== undefined || account.imap === undefined;
	const scopes = oauth2.scopes?.length ? [...oauth2.scopes] : defaultScopes(appOnly, wantsImap, wantsSmtp);
	const permissions: PermissionNeed[] = [];
	if (account.imap) {
		permissions.push(
			appOnly
				? { protocol: 'imap', claim: 'roles', permission: 'IMAP.AccessAsApp', required: true }
				: { protocol: 'imap', claim: 'scp', permission: 'IMAP.AccessAsUser.All', required: true },
		);
	}
	if (account.smtp) {
		permissions.push(
			appOnly
				? { protocol: 'smtp', claim: 'roles', permission: 'SMTP.SendAsApp', required: false }
				: { protocol: 'smtp', claim: 'scp', permission: 'SMTP.Send', required: true },
		);
	}
	return {
		plan: {
			flow: oauth2.flow,
			clientId: oauth2.clientId,
			authority,
			tenant,
			...(MICROSOFT_AUTHORITY_HOSTS.has(host) ? {} : { knownAuthorityHost: host }),
			scopes,
			appOnly,
			audiences: expectedAudiences(scopes),
			permissions,
			user: auth.user,
		},
	};
}

function defaultScopes(appOnly: boolean, imap: boolean, smtp: boolean): string[] {
	if (appOnly) return [APP_ONLY_SCOPE];
	return [...(imap ? [DELEGATED_IMAP_SCOPE] : []), ...(smtp ? [DELEGATED_SMTP_SCOPE] : []), 'offline_access'];
}

/**
 * The resource a scope names is its origin (`https://outlook.office.com/SMTP.Send` → `https://outlook.office.com`).
 * Exchange resources accept each other's aliases; short scopes such as `IMAP.AccessAsUser.All` name no resource, and
 * Entra reads them as Microsoft Graph, which is exactly the wrong-audience mistake to catch, so Exchange is expected.
 */
export function expectedAudiences(scopes: readonly string[]): string[] {
	const resources = new Set<string>();
	for (const scope of scopes) {
		const url = /^https?:\/\//i.test(scope) ? safeUrl(scope) : undefined;
		if (url) resources.add(url.origin.toLowerCase());
	}
	const exchange = new Set<string>(EXCHANGE_AUDIENCES);
	if (resources.size === 0 || [...resources].some((r) => exchange.has(r) || r === 'https://ps.outlook.com')) {
		for (const r of EXCHANGE_AUDIENCES) resources.add(r);
	}
	return [...resources];
}

function isGoogle(provider: string | undefined, authority: string | undefined): boolean {
	if (provider === 'gmail' || provider === 'google-workspace') return true;
	const host = authority ? safeUrl(authority)?.hostname : undefined;
	return host !== undefined && (host === 'accounts.google.com' || host.endsWith('.googleapis.com'));
}

function safeUrl(value: string): URL | undefined {
	try {
		return new URL(value);
	} catch {
		return undefined;
	}
}
