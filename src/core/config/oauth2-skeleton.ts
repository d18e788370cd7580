/**
 * The `auth.oauth2` block a fix or a conversion writes when a config has to move to OAuth2: everything the schema
 * requires, with the templates' placeholder client ID (the walkthrough says where the real one is) and the provider's
 * documented scopes, so the result has no schema error.
 */
import { emailDomain } from '../providers/detect';
import type { MailProtocol, ProviderInfo } from '../providers/types';
import { secretName } from './model';
import { PLACEHOLDER_GUID } from './account-templates';

/** The tenant a skeleton names when the account has no mail domain to take it from. */
const PLACEHOLDER_TENANT = 'contoso.onmicrosoft.com';

export type SkeletonFlow = 'client-credentials' | 'device-code';

export interface SkeletonInput {
	accountId: string | undefined;
	/** The account's address or login: its domain is the tenant of an app-only skeleton. */
	address: string;
	protocols: readonly MailProtocol[];
	oauth: NonNullable<ProviderInfo['oauth2']>;
}

export function oauth2Skeleton(flow: SkeletonFlow, input: SkeletonInput): Record<string, unknown> {
	const { oauth } = input;
	return flow === 'client-credentials'
		? {
				flow,
				tenant: emailDomain(input.address) ?? PLACEHOLDER_TENANT,
				clientId: PLACEHOLDER_GUID,
				clientSecret: `\${secret:${secretName(input.accountId, 'CLIENT_SECRET')}}`,
				scopes: [oauth.appOnlyScope],
			}
		: {
				flow,
				clientId: PLACEHOLDER_GUID,
				scopes: [
					...input.protocols.map((p) => oauth.delegatedScopes[p]),
					...(oauth.refreshScope ? [oauth.refreshScope] : []),
				],
			};
}
