/**
 * Step 2: the domain's own autoconfig file. HTTPS (certificate checks on) at `autoconfig.<domain>` and then at
 * `<domain>/.well-known/autoconfig/`; plain HTTP only when neither answers, and its result is marked unverified
 * (anyone on the path can write it) and ranked below everything verified. The address goes only into the HTTPS
 * query, never over plain HTTP. Redirects are followed up to three times, and only to HTTPS.
 */
import type { MailAddress } from './address';
import { type AutoconfigFile, AutoconfigError, MAX_AUTOCONFIG_BYTES, parseAutoconfig } from './autoconfig-xml';
import { type HttpClient, describeError } from './net';
import { cleanText } from './untrusted';

const PATH = '/mail/config-v1.1.xml';
const MAX_REDIRECTS = 3;

export interface AutoconfigPorts {
	/** Port for the HTTPS requests (default 443; `--https-port` for tests and proxies). */
	https?: number;
	/** Port for the plain HTTP fallback (default 80; tests only); `false` skips the fallback. */
	http?: number | false;
}

export interface AutoconfigAttempt {
	url: string;
	outcome: string;
}

export type AutoconfigLookup =
	| { kind: 'found'; url: string; verified: boolean; file: AutoconfigFile; attempts: AutoconfigAttempt[] }
	| { kind: 'none'; attempts: AutoconfigAttempt[] };

function withPort(url: URL, p: number | undefined): URL {
	if (p !== undefined) url.port = String(p);
	return url;
}

export function autoconfigUrls(address: MailAddress, ports: AutoconfigPorts): { url: URL; verified: boolean }[] {
	const https = (host: string, path: string, query: boolean): URL => {
		const url = withPort(new URL(`https://${host}${path}`), ports.https);
		if (query) url.searchParams.set('emailaddress', address.email);
		return url;
	};
	const urls = [
		{ url: https(`autoconfig.${address.domain}`, PATH, true), verified: true },
		{ url: https(address.domain, `/.well-known/autoconfig${PATH}`, false), verified: true },
	];
	if (ports.http !== false) {
		urls.push({ url: withPort(new URL(`http://autoconfig.${address.domain}${PATH}`), ports.http), verified: false });
	}
	return urls;
}

async function fetchOne(
	http: HttpClient,
	start: URL,
	signal: AbortSignal,
): Promise<{ ok: true; url: URL; body: string } | { ok: false; outcome: string }> {
	let url = start;
	for (let hop = 0; ; hop++) {
		const response = await http.get(url, { signal, maxBytes: MAX_AUTOCONFIG_BYTES });
		if (response.status >= 300 && response.status < 400 && response.location !== undefined) {
			let next: URL;
			try {
				next = new URL(response.location, url);
			} catch {
				return { ok: false, outcome: `HTTP ${response.status} to an invalid location` };
			}
			if (next.protocol !== 'https:') return { ok: false, outcome: `HTTP ${response.status} to a non-HTTPS URL` };
			if (hop >= MAX_REDIRECTS) return { ok: false, outcome: 'too many redirects' };
			url = next;
			continue;
		}
		if (response.status !== 200) return { ok: false, outcome: `HTTP ${response.status}` };
		return { ok: true, url, body: response.body };
	}
}

/** Display form of a URL: without the query, which carries the user's address. */
export function displayUrl(url: URL): string {
	return `${url.origin}${url.pathname}`;
}

export async function lookupAutoconfig(
	http: HttpClient,
	address: MailAddress,
	ports: AutoconfigPorts,
	signal: AbortSignal,
): Promise<AutoconfigLookup> {
	const attempts: AutoconfigAttempt[] = [];
	for (const { url, verified } of autoconfigUrls(address, ports)) {
		signal.throwIfAborted();
		try {
			const result = await fetchOne(http, url, signal);
			if (!result.ok) {
				attempts.push({ url: displayUrl(url), outcome: result.outcome });
				continue;
			}
			const file = parseAutoconfig(result.body, address);
			if (file.servers.length === 0) {
				attempts.push({ url: displayUrl(url), outcome: 'no usable IMAP or SMTP server in the file' });
				continue;
			}
			const final = displayUrl(result.url);
			return { kind: 'found', url: final, verified: verified && result.url.protocol === 'https:', file, attempts };
		} catch (error) {
			if (signal.aborted) throw error;
			const outcome = error instanceof AutoconfigError ? error.message : describeError(error);
			attempts.push({ url: displayUrl(url), outcome: cleanText(outcome, 160) });
		}
	}
	return { kind: 'none', attempts };
}
