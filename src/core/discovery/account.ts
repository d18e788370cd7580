/**
 * The account a discovery result suggests, in our config schema: the best IMAP and SMTP server, the recommended
 * sign-in with secrets as `${secret:…}` references (a value is never written), and for Microsoft 365 the OAuth2
 * app-only block with the tenant filled in.
 */
import type { Account, AuthConfig, ProviderId } from '../config/model';
import { format } from '../i18n';
import { providerForEndpoint } from '../providers/detect';
import { providerById } from '../providers/known';
import type { ProviderInfo } from '../providers/types';
import { secretName } from '../rules/context';
import type { MailAddress } from './address';
import { AUTH_TEXTS } from './texts';
import type { AuthAdvice, DiscoveredProvider, ServerCandidate } from './types';

const PLACEHOLDER_CLIENT_ID = '00000000-0000-0000-0000-000000000000';

/** An account id (`^[a-z0-9][a-z0-9-]*$`) from the address's local part, unique among `taken`. */
export function accountIdFor(local: string, taken: readonly string[] = []): string {
	const base =
		local
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 40) || 'mail';
	if (!taken.includes(base)) return base;
	for (let n = 2; ; n++) if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * The provider of ours that runs the chosen servers (imap.gmail.com for a university domain is Google's): the
 * domain's provider when it documents the host, else the first provider that does, else the domain's provider.
 */
export function serviceProvider(
	servers: readonly (ServerCandidate | undefined)[],
	domainProvider: DiscoveredProvider | null,
): ProviderInfo | undefined {
	const own = domainProvider?.known ? providerById(domainProvider.id as ProviderId) : undefined;
	for (const server of servers) {
		const runner = server ? providerForEndpoint(server.host, own) : undefined;
		if (runner) return runner;
	}
	return own;
}

/**
 * The account password does not work for mail at this provider: it requires app passwords, or it removed password
 * logins (Google). One account has one sign-in for IMAP and SMTP, so a removal on either protocol counts.
 */
function needsAppPassword(info: ProviderInfo): boolean {
	return (
		info.appPassword?.required === true ||
		info.authPolicies.some((policy) => policy.status === 'removed' && policy.methods.includes('password'))
	);
}

/** The sign-in method to recommend for the provider that runs the chosen servers. */
export function authAdvice(info: ProviderInfo | undefined): AuthAdvice {
	if (info?.id === 'microsoft365')
		return { method: 'oauth2', flow: 'client-credentials', reason: AUTH_TEXTS.m365AppOnly };
	if (info?.id === 'outlook-com')
		return { method: 'oauth2', flow: 'device-code', reason: AUTH_TEXTS.microsoftConsumer };
	if (info && needsAppPassword(info)) {
		return {
			method: 'app-password',
			reason: {
				en: format(AUTH_TEXTS.appPassword.en, { name: info.name }),
				de: format(AUTH_TEXTS.appPassword.de, { name: info.name }),
			},
		};
	}
	return { method: 'password', reason: AUTH_TEXTS.password };
}

export interface AccountInput {
	address: MailAddress;
	/** The provider that runs the servers (serviceProvider). */
	provider: ProviderInfo | undefined;
	imap: ServerCandidate | undefined;
	smtp: ServerCandidate | undefined;
	/** Tenant ID, else a domain Entra accepts as tenant name. */
	tenant: string;
	advice: AuthAdvice;
	existingIds?: readonly string[];
}

export function buildAccount(input: AccountInput): Account {
	const { address, provider, imap, smtp, advice } = input;
	const id = accountIdFor(address.local, input.existingIds);
	const info = provider;
	const user = imap?.username ?? smtp?.username ?? address.email;
	let auth: AuthConfig;
	if (advice.method === 'oauth2' && info?.oauth2) {
		const facts = info.oauth2;
		auth =
			advice.flow === 'client-credentials'
				? {
						method: 'oauth2',
						user: address.email,
						oauth2: {
							flow: 'client-credentials',
							tenant: input.tenant,
							clientId: PLACEHOLDER_CLIENT_ID,
							clientSecret: `\${secret:${secretName(id, 'CLIENT_SECRET')}}`,
							scopes: [facts.appOnlyScope],
						},
					}
				: {
						method: 'oauth2',
						user: address.email,
						oauth2: {
							flow: 'device-code',
							tenant: 'consumers',
							clientId: PLACEHOLDER_CLIENT_ID,
							scopes: [
								...(imap ? [facts.delegatedScopes.imap] : []),
								...(smtp ? [facts.delegatedScopes.smtp] : []),
								...(facts.refreshScope ? [facts.refreshScope] : []),
							],
						},
					};
	} else {
		const suffix = advice.method === 'app-password' ? 'APP_PASSWORD' : 'PASSWORD';
		auth = {
			method: advice.method === 'oauth2' ? 'password' : advice.method,
			user,
			password: `\${secret:${secretName(id, suffix)}}`,
		};
	}
	return {
		id,
		email: address.email,
		...(info ? { provider: info.id } : {}),
		auth,
		...(imap ? { imap: { host: imap.host, port: imap.port, security: imap.security, folder: 'INBOX' } } : {}),
		...(smtp ? { smtp: { host: smtp.host, port: smtp.port, security: smtp.security, from: address.email } } : {}),
	};
}
