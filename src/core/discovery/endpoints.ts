/**
 * The overrides of discovery's network endpoints, for tests and proxies: a DNS server (`mailcfg discover --dns`, the
 * setting `mailcfg.discovery.dnsServer`) and the tenant lookup's authority host (`--authority-host`,
 * `mailcfg.discovery.authorityHost`). One parser for the CLI and the editor, so both accept the same values.
 */
import { isIP } from 'node:net';

/** `HOST[:PORT]` as Resolver.setServers takes it, or undefined; HOST must be an IP address (resolvers have no name). */
export function parseDnsServer(value: string): string | undefined {
	const match = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(value) ?? /^([^:]+)(?::(\d{1,5}))?$/.exec(value);
	const host = match?.[1] ?? (isIP(value) === 6 ? value : '');
	const port = match?.[2] === undefined ? undefined : Number(match[2]);
	return isIP(host) && (port === undefined || (port >= 1 && port <= 65535)) ? value : undefined;
}

/** The origin of an `https://` URL without path, query or fragment, or undefined. */
export function parseAuthorityHost(value: string): string | undefined {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return undefined;
	}
	const bare = url.protocol === 'https:' && (url.pathname === '/' || url.pathname === '') && !url.search && !url.hash;
	return bare ? url.origin : undefined;
}
