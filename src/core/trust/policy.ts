/**
 * Where a config's secrets may go. A config file is input from whoever can edit it (a pull request, a cloned
 * repository), so it never decides on its own which environment variables are read, which hosts receive
 * credentials in cleartext, which sign-in services receive a client secret, or which private key signs an assertion.
 * The user decides with allow options that live outside the repository: CLI flags, user-level editor settings.
 *
 * Pure and synchronous except for the key-file check (see key-file.ts); the CLI and the editor call the same
 * functions before anything connects, and the engine and the OAuth2 probe call them again as a last guard.
 */
import { BlockList, isIP } from 'node:net';

/** The user's allowances for one run. Every list is empty and every switch off unless the user says otherwise. */
export interface TrustPolicy {
	/** Environment variable names (`NAME`) or prefixes (`PREFIX_*`) a `${env:...}` may read besides `MAILCFG_*`. */
	allowEnv: readonly string[];
	/** Send credentials over unencrypted connections to any host (CLI `--allow-cleartext`). */
	allowCleartext: boolean;
	/** `host:port` destinations the user accepted to receive credentials in cleartext (the editor's confirmation). */
	cleartextDestinations?: readonly string[];
	/** OAuth2 authority origins besides Microsoft's own login hosts (`https://login.example.test:8443`). */
	allowAuthorities: readonly string[];
	/** Private key files allowed outside the config's folder and the workspace (absolute paths). */
	allowKeyFiles: readonly string[];
	/** Folders a private key file may be in: the config file's folder, the workspace folders (absolute paths). */
	keyFileRoots: readonly string[];
}

/** Nothing allowed beyond the built-in rules: what a caller gets when it says nothing. */
export const STRICT_POLICY: TrustPolicy = {
	allowEnv: [],
	allowCleartext: false,
	allowAuthorities: [],
	allowKeyFiles: [],
	keyFileRoots: [],
};

/** Variables under this prefix exist for mailcfg alone, so a config may read them without further allowance. */
export const OWN_ENV_PREFIX = 'MAILCFG_';

/**
 * Microsoft Entra ID's login hosts: the global cloud with its aliases, US Government, China (21Vianet), the retired
 * Germany cloud and the sovereign clouds msal knows. Source: msal-common 16.17.0 `authority/AuthorityMetadata`
 * (instance discovery aliases, MIT) and https://learn.microsoft.com/en-us/entra/identity-platform/authentication-national-cloud
 * (2026-12). A unit test keeps this list in step with the installed msal-common.
 */
export const MICROSOFT_LOGIN_HOSTS: readonly string[] = [
	'login.microsoftonline.com',
	'login.windows.net',
	'login.microsoft.com',
	'sts.windows.net',
	'login.microsoftonline.us',
	'login.usgovcloudapi.net',
	'login-us.microsoftonline.com',
	'login.partner.microsoftonline.cn',
	'login.chinacloudapi.cn',
	'login.microsoftonline.de',
	'login.sovcloud-identity.fr',
	'login.sovcloud-identity.de',
	'login.sovcloud-identity.sg',
];
const MICROSOFT_LOGIN_ORIGINS = new Set(MICROSOFT_LOGIN_HOSTS.map((host) => `https://${host}`));

/** `${env:NAME}` may be read: a `MAILCFG_` name, or one the user allowed by name or by `PREFIX_*`. */
export function envAllowed(name: string, policy: TrustPolicy): boolean {
	if (name.startsWith(OWN_ENV_PREFIX)) return true;
	return policy.allowEnv.some((pattern) =>
		pattern.endsWith('*') ? pattern.length > 1 && name.startsWith(pattern.slice(0, -1)) : pattern === name,
	);
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');
LOOPBACK.addSubnet('::ffff:127.0.0.0', 104, 'ipv6');

/**
 * True only for hosts that cannot leave this machine, decided from the name alone before connecting: `localhost`
 * and loopback address literals (127.0.0.0/8, ::1, IPv4-mapped 127.x). Other spellings that a resolver might still
 * map to loopback (`127.1`, `2130706433`, `x.localhost`, a DNS name) count as remote: the safe side.
 */
export function isLoopbackHost(host: string): boolean {
	const name = host.trim().toLowerCase().replace(/\.$/, '');
	if (name === 'localhost') return true;
	const bare = name.startsWith('[') && name.endsWith(']') ? name.slice(1, -1) : name;
	const family = isIP(bare);
	if (family === 4) return LOOPBACK.check(bare, 'ipv4');
	if (family === 6) return LOOPBACK.check(bare, 'ipv6');
	return false;
}

/** The origin of an https URL (lower-case host, default port dropped), or undefined for anything else. */
export function httpsOrigin(url: string): string | undefined {
	try {
		const parsed = new URL(url);
		return parsed.protocol === 'https:' ? parsed.origin : undefined;
	} catch {
		return undefined;
	}
}

export function isMicrosoftLoginOrigin(origin: string): boolean {
	return MICROSOFT_LOGIN_ORIGINS.has(origin);
}

/** An OAuth2 authority may receive client secrets and sign-ins: Microsoft's login hosts and the user's allowed origins. */
export function authorityAllowed(origin: string, policy: TrustPolicy): boolean {
	if (isMicrosoftLoginOrigin(origin)) return true;
	return policy.allowAuthorities.some((allowed) => httpsOrigin(allowed) === origin);
}

/** Credentials may go to this mail endpoint: encrypted, loopback, or cleartext the user accepted. */
export function cleartextAllowed(host: string, port: number, policy: TrustPolicy): boolean {
	if (policy.allowCleartext || isLoopbackHost(host)) return true;
	const key = destinationKey(host, port);
	return policy.cleartextDestinations?.includes(key) ?? false;
}

/** `host:port` as the confirmation and the messages show it (IPv6 literals in brackets). */
export function destinationKey(host: string, port: number): string {
	const name = host.trim().toLowerCase();
	return isIP(name) === 6 ? `[${name}]:${port}` : `${name}:${port}`;
}

/**
 * A request on behalf of an authority may go to the authority's own origin; Microsoft's login hosts also answer
 * for each other (msal's instance discovery, the aliases of one cloud), so among them any is fine.
 */
export function sameAuthority(authorityOrigin: string, origin: string): boolean {
	return origin === authorityOrigin || (isMicrosoftLoginOrigin(authorityOrigin) && isMicrosoftLoginOrigin(origin));
}

/** The endpoints of an authority's OpenID metadata that receive secrets or sign-ins. */
export const SECRET_ENDPOINTS = ['token_endpoint', 'device_authorization_endpoint', 'authorization_endpoint'] as const;

/**
 * The metadata endpoints that point away from the authority's origin: a token endpoint elsewhere would receive the
 * client secret (or the signed assertion) although only the authority was allowed.
 */
export function foreignEndpoints(
	authorityOrigin: string,
	metadata: Readonly<Record<string, unknown>>,
): { name: string; url: string }[] {
	const foreign: { name: string; url: string }[] = [];
	for (const name of SECRET_ENDPOINTS) {
		const url = Object.hasOwn(metadata, name) ? metadata[name] : undefined;
		if (url === undefined) continue;
		const origin = typeof url === 'string' ? httpsOrigin(url) : undefined;
		if (!origin || !sameAuthority(authorityOrigin, origin)) foreign.push({ name, url: String(url) });
	}
	return foreign;
}
