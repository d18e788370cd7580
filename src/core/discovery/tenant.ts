/**
 * Step 5: the Microsoft Entra tenant of a domain, from its public OpenID configuration
 * (`<authority>/<domain>/v2.0/.well-known/openid-configuration`): the issuer is `https://<host>/<tenant id>/v2.0`.
 * A domain that no tenant has verified gets HTTP 400 with `invalid_tenant` / AADSTS90002.
 */
import type { HttpClient } from './net';
import { cleanText } from './untrusted';

export const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';
const MAX_BYTES = 64 * 1024;
const ISSUER = /^https:\/\/[^/]+\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/v2\.0\/?$/i;

export type TenantLookup =
	| { kind: 'found'; id: string; url: string }
	| { kind: 'no-tenant'; url: string; message: string }
	| { kind: 'failed'; url: string; message: string };

export function openIdConfigurationUrl(authorityHost: string, domain: string): URL {
	const base = authorityHost.replace(/\/+$/, '');
	return new URL(`${base}/${encodeURIComponent(domain)}/v2.0/.well-known/openid-configuration`);
}

function parseJson(body: string): Record<string, unknown> | undefined {
	try {
		const value: unknown = JSON.parse(body);
		return typeof value === 'object' && value !== null && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}

export async function lookupTenant(
	http: HttpClient,
	authorityHost: string,
	domain: string,
	signal: AbortSignal,
): Promise<TenantLookup> {
	const url = openIdConfigurationUrl(authorityHost, domain);
	const response = await http.get(url, { signal, maxBytes: MAX_BYTES });
	const body = parseJson(response.body);
	if (response.status === 200) {
		const issuer = typeof body?.issuer === 'string' ? body.issuer : '';
		const id = ISSUER.exec(issuer)?.[1]?.toLowerCase();
		return id
			? { kind: 'found', id, url: url.href }
			: { kind: 'failed', url: url.href, message: `unexpected issuer "${cleanText(issuer, 100)}"` };
	}
	const description = cleanText(body?.error_description, 160);
	if (response.status === 400 && (body?.error === 'invalid_tenant' || /^AADSTS90002\b/.test(description))) {
		return { kind: 'no-tenant', url: url.href, message: description.replace(/ Trace ID:.*$/, '') };
	}
	return { kind: 'failed', url: url.href, message: `HTTP ${response.status}${description ? `: ${description}` : ''}` };
}
