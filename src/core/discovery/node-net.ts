/** Node implementations of the discovery seams: node:dns's Resolver (c-ares) and node:https / node:http. */
import { Resolver } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { trustedTls } from '../probes/trust-store';
import { DnsError, type DnsClient, type DnsErrorKind, type HttpClient, type MxRecord, type SrvRecord } from './net';

function dnsErrorKind(code: unknown, signal: AbortSignal): DnsErrorKind {
	if (signal.aborted)
		return signal.reason instanceof Error && signal.reason.name === 'TimeoutError' ? 'timeout' : 'cancelled';
	switch (code) {
		case 'ENOTFOUND':
			return 'nxdomain';
		case 'ENODATA':
			return 'nodata';
		case 'ETIMEOUT':
			return 'timeout';
		case 'ECANCELLED':
			return 'cancelled';
		default:
			return 'failed';
	}
}

export interface NodeDnsOptions {
	/** `host:port` or `[v6]:port` entries for Resolver.setServers; default: the system's resolvers. */
	servers?: readonly string[];
	/** c-ares' own per-try timeout; the step's AbortSignal still bounds the whole query. */
	timeoutMs: number;
}

/** A fresh Resolver per query, so cancelling one (Resolver.cancel) never touches another step's queries. */
export function nodeDnsClient(options: NodeDnsOptions): DnsClient & {
	addresses(name: string, signal: AbortSignal): Promise<{ address: string; family: 4 | 6 }[]>;
} {
	const run = async <T>(signal: AbortSignal, query: (resolver: Resolver) => Promise<T>): Promise<T> => {
		signal.throwIfAborted();
		const resolver = new Resolver({ timeout: Math.max(1, options.timeoutMs), tries: 1 });
		if (options.servers?.length) resolver.setServers([...options.servers]);
		const cancel = (): void => resolver.cancel();
		signal.addEventListener('abort', cancel, { once: true });
		try {
			return await query(resolver);
		} catch (error) {
			const code = (error as { code?: unknown }).code;
			throw new DnsError(dnsErrorKind(code, signal), typeof code === 'string' ? code : String(error));
		} finally {
			signal.removeEventListener('abort', cancel);
		}
	};
	const promisify =
		<T>(call: (resolver: Resolver, name: string, cb: (err: Error | null, value: T) => void) => void) =>
		(name: string, signal: AbortSignal): Promise<T> =>
			run(
				signal,
				(resolver) => new Promise<T>((ok, fail) => call(resolver, name, (err, v) => (err ? fail(err) : ok(v)))),
			);
	const mx = promisify<MxRecord[]>((r, n, cb) => r.resolveMx(n, cb));
	const srv = promisify<SrvRecord[]>((r, n, cb) => r.resolveSrv(n, cb));
	const a = promisify<string[]>((r, n, cb) => r.resolve4(n, cb));
	const aaaa = promisify<string[]>((r, n, cb) => r.resolve6(n, cb));
	return {
		mx,
		srv,
		async addresses(name, signal) {
			const settled = await Promise.allSettled([a(name, signal), aaaa(name, signal)]);
			const found = settled.flatMap((s, i) =>
				s.status === 'fulfilled' ? s.value.map((address) => ({ address, family: (i === 0 ? 4 : 6) as 4 | 6 })) : [],
			);
			if (found.length > 0) return found;
			const first = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
			throw first?.reason ?? new DnsError('nodata', name);
		},
	};
}

export interface NodeHttpOptions {
	/** Extra trusted CAs (PEM) on top of Node's roots and NODE_EXTRA_CA_CERTS (`--ca`, the editor's CA list). */
	extraCa?: readonly string[];
	/** Resolve host names through this client (`--dns`) instead of the system's resolver. */
	dns?: ReturnType<typeof nodeDnsClient>;
}

const USER_AGENT = 'mailcfg-discovery';

/** GET over node:https (certificate checks always on) or node:http, with a byte cap and abort. */
export function nodeHttpClient(options: NodeHttpOptions): HttpClient {
	return {
		get(url, { signal, maxBytes }) {
			signal.throwIfAborted();
			const lookup = options.dns ? lookupVia(options.dns, signal) : undefined;
			const secure = url.protocol === 'https:';
			const request = (secure ? https : http).request(url, {
				method: 'GET',
				signal,
				agent: false,
				headers: { accept: 'application/xml, text/xml, application/json;q=0.9, */*;q=0.1', 'user-agent': USER_AGENT },
				...(lookup && !isIP(url.hostname.replace(/^\[|\]$/g, '')) ? { lookup } : {}),
				...(secure ? { ...trustedTls(options.extraCa), rejectUnauthorized: true } : {}),
			});
			return new Promise((resolve, reject) => {
				request.once('error', reject);
				request.once('response', (response) => {
					const chunks: Buffer[] = [];
					let size = 0;
					response.on('data', (chunk: Buffer) => {
						size += chunk.length;
						if (size > maxBytes) {
							response.destroy();
							request.destroy(new Error(`response larger than ${maxBytes} bytes`));
							return;
						}
						chunks.push(chunk);
					});
					response.once('error', reject);
					response.once('end', () => {
						const location = response.headers.location;
						resolve({
							status: response.statusCode ?? 0,
							body: Buffer.concat(chunks).toString('utf8'),
							...(typeof location === 'string' ? { location } : {}),
						});
					});
				});
				request.end();
			});
		},
	};
}

/** A `lookup` for node:net that asks our resolver (A and AAAA) instead of getaddrinfo. */
function lookupVia(dns: ReturnType<typeof nodeDnsClient>, signal: AbortSignal): LookupFunction {
	return (hostname, lookupOptions, callback) => {
		dns.addresses(hostname, signal).then(
			(found) => {
				const wanted = lookupOptions.family === 4 || lookupOptions.family === 6 ? lookupOptions.family : undefined;
				const list = wanted ? found.filter((f) => f.family === wanted) : found;
				const first = list[0];
				if (!first) {
					callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 4);
				} else if (lookupOptions.all) {
					(callback as unknown as (e: null, all: { address: string; family: number }[]) => void)(null, list);
				} else {
					callback(null, first.address, first.family);
				}
			},
			(error: unknown) => callback(error as NodeJS.ErrnoException, '', 4),
		);
	};
}
