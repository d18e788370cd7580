import { emailDomain } from '../providers/detect';
import type { OAuth2Facts } from '../providers/types';
import type { AccountContext, AccountRule, FileContext, FixSpec } from './types';

/** OAuth2 facts of the account's provider, or of the provider that runs one of its servers. */
function oauth2Facts(account: AccountContext): OAuth2Facts | undefined {
	return account.detected?.provider.oauth2 ?? account.servers.find((s) => s.provider?.oauth2)?.provider?.oauth2;
}

function clientCredentials(account: AccountContext): boolean {
	return (
		account.str(['auth', 'method']) === 'oauth2' && account.str(['auth', 'oauth2', 'flow']) === 'client-credentials'
	);
}

/** The resource host of a scope URI (`https://graph.microsoft.com/Mail.Read` → graph.microsoft.com). */
function scopeResource(scope: string): string | undefined {
	return /^(?:api|https?):\/\/([^/]+)\//i.exec(scope.trim())?.[1]?.toLowerCase();
}

/** OpenID scopes that go along with any resource. */
const OIDC_SCOPES = new Set(['offline_access', 'openid', 'profile', 'email']);

/** Scopes that would produce a token the mail servers reject: another resource, or a bare name (Graph by default). */
function isWrongResource(scope: string, facts: OAuth2Facts): boolean {
	if (OIDC_SCOPES.has(scope.trim())) return false;
	const resource = scopeResource(scope);
	return resource ? facts.wrongResources.includes(resource) : true;
}

/** The string entries of `scopes` with their index; the node of the one reported is looked up then. */
function scopeEntries(account: AccountContext): { scope: string; index: number }[] {
	const scopes = account.get(['auth', 'oauth2', 'scopes']);
	if (!Array.isArray(scopes)) return [];
	// A loop rather than flatMap: no array per entry (every OAuth2 account passes here twice).
	const entries: { scope: string; index: number }[] = [];
	scopes.forEach((scope: unknown, index) => {
		if (typeof scope === 'string') entries.push({ scope, index });
	});
	return entries;
}

/** The scopes that fit the flow and the configured servers. */
function correctScopes(account: AccountContext, facts: OAuth2Facts): string[] {
	if (clientCredentials(account)) return [facts.appOnlyScope];
	const delegated = account.servers.map((s) => facts.delegatedScopes[s.protocol]);
	return [...delegated, ...(facts.refreshScope ? [facts.refreshScope] : [])];
}

function replaceScopes(account: AccountContext, file: FileContext, facts: OAuth2Facts): FixSpec[] {
	const node = account.nodeAt(['auth', 'oauth2', 'scopes']);
	const scopes = correctScopes(account, facts);
	return node && scopes.length
		? [
				{
					title: { en: 'Use {scopes}', de: '{scopes} verwenden' },
					args: { scopes: scopes.join(' ') },
					edits: [file.editor.replaceValue(node, scopes)],
					isPreferred: true,
				},
			]
		: [];
}

export const oauth2ScopeResource: AccountRule = {
	id: 'oauth2-scope-resource',
	severity: 'error',
	scope: 'account',
	title: { en: 'Token for the wrong API', de: 'Token für die falsche API' },
	check(account, file, report) {
		const facts = oauth2Facts(account);
		if (!facts || account.str(['auth', 'method']) !== 'oauth2') return;
		const wrong = scopeEntries(account).find((e) => isWrongResource(e.scope, facts));
		if (!wrong) return;
		report({
			at: [account.nodeAt(['auth', 'oauth2', 'scopes', wrong.index])],
			message: {
				en: 'Scope "{scope}" asks for a token for another API (a bare name like "IMAP.AccessAsUser.All" means Microsoft Graph). The IMAP and SMTP servers accept only tokens for {resource}, e.g. {example}.',
				de: 'Scope „{scope}“ fordert ein Token für eine andere API an (ein bloßer Name wie „IMAP.AccessAsUser.All“ bedeutet Microsoft Graph). IMAP- und SMTP-Server akzeptieren nur Token für {resource}, z. B. {example}.',
			},
			args: {
				scope: wrong.scope,
				resource: facts.mailResources[0] ?? '',
				example: correctScopes(account, facts).join(' '),
			},
			fixes: replaceScopes(account, file, facts),
		});
	},
};

export const oauth2AppOnlyScope: AccountRule = {
	id: 'oauth2-app-only-scope',
	severity: 'error',
	scope: 'account',
	title: { en: 'App-only flow with delegated scopes', de: 'Nur-App-Flow mit delegierten Scopes' },
	walkthrough: 'm365-oauth2-app-only',
	check(account, file, report) {
		const facts = oauth2Facts(account);
		if (!facts || !clientCredentials(account)) return;
		// Scopes for a wrong resource are oauth2-scope-resource's finding; reporting them twice helps no one.
		const entries = scopeEntries(account).filter((e) => !isWrongResource(e.scope, facts));
		const bad = entries.find((e) => !e.scope.trim().endsWith('/.default'));
		if (!bad) return;
		report({
			at: [account.nodeAt(['auth', 'oauth2', 'scopes', bad.index])],
			message: {
				en: 'The client-credentials flow can only request "<resource>/.default"; "{scope}" is a delegated scope and makes the token request fail (AADSTS1002012; older replies said AADSTS70011). Use {appOnly}; the application permissions (IMAP.AccessAsApp, SMTP.SendAsApp) come from the admin consent.',
				de: 'Der Flow für Clientanmeldeinformationen kann nur „<Ressource>/.default“ anfordern; „{scope}“ ist ein delegierter Scope und lässt die Tokenanfrage scheitern (AADSTS1002012; ältere Antworten nannten AADSTS70011). {appOnly} verwenden; die Anwendungsberechtigungen (IMAP.AccessAsApp, SMTP.SendAsApp) kommen aus der Administratorzustimmung.',
			},
			args: { scope: bad.scope, appOnly: facts.appOnlyScope },
			fixes: replaceScopes(account, file, facts),
		});
	},
};

export const oauth2TenantRequired: AccountRule = {
	id: 'oauth2-tenant-required',
	severity: 'error',
	scope: 'account',
	title: { en: 'App-only flow without a tenant', de: 'Nur-App-Flow ohne Mandant' },
	walkthrough: 'm365-oauth2-app-only',
	check(account, file, report) {
		const facts = oauth2Facts(account);
		if (!facts || !clientCredentials(account)) return;
		const tenant = account.str(['auth', 'oauth2', 'tenant'])?.trim();
		const authorityTenant = /^https:\/\/[^/]+\/([^/?#]+)/i.exec(
			account.str(['auth', 'oauth2', 'authority']) ?? '',
		)?.[1];
		const effective = tenant || authorityTenant;
		const isAlias = !!effective && facts.multiTenantAliases.includes(effective.toLowerCase());
		if (effective && !isAlias) return;
		const tenantNode = account.nodeAt(['auth', 'oauth2', 'tenant']);
		const oauth2 = account.nodeAt(['auth', 'oauth2']);
		const domain = emailDomain(account.str(['email']) ?? '');
		const edit = !domain
			? undefined
			: tenantNode
				? file.editor.replaceValue(tenantNode, domain)
				: oauth2?.type === 'object'
					? file.editor.insertProperty(oauth2, 'tenant', domain)
					: undefined;
		report({
			at: [tenantNode, account.nodeAt(['auth', 'oauth2', 'flow'])],
			message: isAlias
				? {
						en: '"{tenant}" is not a tenant: the client-credentials flow must name one directory (tenant ID or verified domain), otherwise the token request fails (AADSTS9001023 / AADSTS50059).',
						de: '„{tenant}“ ist kein Mandant: Der Flow für Clientanmeldeinformationen muss genau ein Verzeichnis nennen (Mandanten-ID oder verifizierte Domäne), sonst scheitert die Tokenanfrage (AADSTS9001023 / AADSTS50059).',
					}
				: {
						en: 'The client-credentials flow needs "tenant": the tenant ID or a verified domain of the directory the app is registered in.',
						de: 'Der Flow für Clientanmeldeinformationen braucht „tenant“: die Mandanten-ID oder eine verifizierte Domäne des Verzeichnisses, in dem die App registriert ist.',
					},
			args: { tenant: effective ?? '' },
			fixes: edit
				? [
						{
							title: { en: 'Use tenant "{domain}"', de: 'Mandant „{domain}“ verwenden' },
							args: { domain: domain ?? '' },
							edits: [edit],
						},
					]
				: [],
		});
	},
};
