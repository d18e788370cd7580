/**
 * Hosts a walkthrough may link to. The webview is untrusted, so the host opens a URL only when it is https and its
 * host is listed here exactly (no subdomain wildcards: a look-alike subdomain must not slip through).
 */
export const LINK_HOSTS: readonly string[] = [
	'learn.microsoft.com',
	'support.microsoft.com',
	'techcommunity.microsoft.com',
	'admin.microsoft.com',
	'admin.exchange.microsoft.com',
	'entra.microsoft.com',
	'myaccount.microsoft.com',
	'mysignins.microsoft.com',
	'outlook.office.com',
	'aka.ms',
	'support.google.com',
	'myaccount.google.com',
	'admin.google.com',
	'console.cloud.google.com',
	'developers.google.com',
];

/** True for an https URL without credentials whose host is in {@link LINK_HOSTS}. */
export function isAllowedLink(url: string): boolean {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return false;
	}
	return (
		parsed.protocol === 'https:' &&
		parsed.username === '' &&
		parsed.password === '' &&
		parsed.port === '' &&
		LINK_HOSTS.includes(parsed.hostname)
	);
}
