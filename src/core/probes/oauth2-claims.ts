/**
 * The claims stage: reads the access token's payload and checks it against what IMAP/SMTP need. The signature is
 * deliberately not verified: this is a diagnosis of what the authority issued, and Exchange verifies it anyway.
 */
import { tr, type Lang } from '../i18n';
import { isGuid, type OAuth2Plan } from './oauth2-plan';
import { OAUTH2_TEXTS } from './oauth2-texts';

/** A token expiring this soon is refreshed by msal on the next use anyway; handing it to a probe is a warning sign. */
export const EXPIRY_MARGIN_SECONDS = 5 * 60;

export interface ClaimsVerdict {
	ok: boolean;
	detail: string;
	/** What was read from the token (never the token itself). */
	facts: Record<string, string | number | boolean | string[]>;
	/** The failure message when `ok` is false. */
	message?: string;
}

export interface ClaimsExpectation {
	plan: OAuth2Plan;
	/** Tenant id resolved by the authority stage (the config may name a domain). */
	resolvedTenantId?: string;
}

type Payload = Record<string, unknown>;

/** Returns the JWT payload, or undefined for anything that is not a readable JWS (opaque or encrypted tokens). */
export function decodeJwtPayload(token: string): Payload | undefined {
	const parts = token.split('.');
	if (parts.length !== 3 || !parts[1]) return undefined;
	try {
		const json: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
		return json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Payload) : undefined;
	} catch {
		return undefined;
	}
}

export function checkClaims(token: string, expectation: ClaimsExpectation, now: Date, lang: Lang): ClaimsVerdict {
	const payload = decodeJwtPayload(token);
	if (!payload) {
		const detail = tr(OAUTH2_TEXTS.claimsOpaque, lang);
		return { ok: true, detail, facts: { opaque: true } };
	}
	const { plan } = expectation;
	const facts: ClaimsVerdict['facts'] = {};
	const problems: string[] = [];
	const notes: string[] = [];

	const aud = stringClaim(payload.aud);
	for (const key of ['iss', 'tid', 'appid', 'azp', 'upn', 'preferred_username', 'ver'] as const) {
		const value = stringClaim(payload[key]);
		if (value !== undefined) facts[key] = value;
	}
	if (aud !== undefined) facts.aud = aud;

	if (!aud || !plan.audiences.includes(normalizeAudience(aud))) {
		problems.push(
			tr(OAUTH2_TEXTS.claimAudience, lang, { aud: aud ?? '-', expected: plan.audiences.slice(0, 2).join(' / ') }),
		);
	}

	const tid = stringClaim(payload.tid);
	const expectedTenant = isGuid(plan.tenant) ? plan.tenant : expectation.resolvedTenantId;
	if (tid && expectedTenant && isGuid(expectedTenant) && tid.toLowerCase() !== expectedTenant.toLowerCase()) {
		problems.push(tr(OAUTH2_TEXTS.claimTenant, lang, { tid, tenant: expectedTenant }));
	}

	const nowSeconds = Math.floor(now.getTime() / 1000);
	const exp = numberClaim(payload.exp);
	const nbf = numberClaim(payload.nbf);
	let minutes = 0;
	if (exp === undefined) {
		problems.push(tr(OAUTH2_TEXTS.claimNoExpiry, lang));
	} else {
		facts.expires = new Date(exp * 1000).toISOString();
		const left = exp - nowSeconds;
		facts.expiresInSeconds = left;
		minutes = Math.floor(left / 60);
		if (left <= 0) {
			problems.push(tr(OAUTH2_TEXTS.claimExpired, lang, { exp: isoSeconds(exp), now: isoSeconds(nowSeconds) }));
		} else if (left < EXPIRY_MARGIN_SECONDS) {
			problems.push(tr(OAUTH2_TEXTS.claimExpiresSoon, lang, { seconds: left }));
		}
	}
	// A few seconds of skew are normal between machines; only a real gap means a wrong clock.
	// Stryker disable next-line ConditionalExpression: equivalent, undefined - now is NaN and never > 60
	if (nbf !== undefined && nbf - nowSeconds > 60) {
		problems.push(tr(OAUTH2_TEXTS.claimNotYetValid, lang, { nbf: isoSeconds(nbf), now: isoSeconds(nowSeconds) }));
	}

	const roles = listClaim(payload.roles);
	const scp = typeof payload.scp === 'string' ? payload.scp.split(' ').filter(Boolean) : listClaim(payload.scp);
	if (roles.length) facts.roles = roles;
	if (scp.length) facts.scp = scp;
	for (const need of plan.permissions) {
		const found = need.claim === 'roles' ? roles : scp;
		if (found.includes(need.permission)) continue;
		if (!need.required) {
			notes.push(tr(OAUTH2_TEXTS.claimSmtpRbacNote, lang));
			continue;
		}
		const text = need.claim === 'roles' ? OAUTH2_TEXTS.claimMissingRole : OAUTH2_TEXTS.claimMissingScope;
		problems.push(
			tr(text, lang, {
				permission: need.permission,
				protocol: need.protocol.toUpperCase(),
				found: found.length ? found.join(' ') : '-',
			}),
		);
	}

	const permissions = [
		...(roles.length ? [`roles ${roles.join(' ')}`] : []),
		...(scp.length ? [`scp ${scp.join(' ')}`] : []),
	];
	const summary = tr(OAUTH2_TEXTS.claimsOk, lang, {
		aud: aud ?? '-',
		permissions: permissions.length ? permissions.join(', ') : tr(OAUTH2_TEXTS.claimsNone, lang),
		minutes,
	});
	const detail = [summary, ...notes].join('; ');
	if (problems.length) {
		return {
			ok: false,
			detail,
			facts,
			message: tr(OAUTH2_TEXTS.claimsFailed, lang, { problems: problems.join('; ') }),
		};
	}
	return { ok: true, detail, facts };
}

function normalizeAudience(aud: string): string {
	return aud.replace(/\/+$/, '').toLowerCase();
}

function stringClaim(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	// `aud` may be an array; the first entry is the resource for Entra tokens.
	if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
	return undefined;
}

function numberClaim(value: unknown): number | undefined {
	// Number.isFinite is false for anything that is not a number (it does not coerce strings).
	return Number.isFinite(value) ? (value as number) : undefined;
}

function listClaim(value: unknown): string[] {
	return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * When the token really expires: its `exp` claim, in the same notation as the claims stage. msal's `expiresOn`
 * counts `expires_in` from the moment of receipt, which disagrees with `exp` when the authority or the clock is off;
 * falls back to it for tokens that are no readable JWT.
 */
export function tokenExpiry(token: string, expiresOn: Date | null | undefined): string {
	const exp = numberClaim(decodeJwtPayload(token)?.exp);
	if (exp !== undefined) return isoSeconds(exp);
	return expiresOn ? isoSeconds(Math.floor(expiresOn.getTime() / 1000)) : '-';
}

function isoSeconds(seconds: number): string {
	return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}
