import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkClaims, decodeJwtPayload } from '../../../../src/core/probes/oauth2-claims';
import type { OAuth2Plan } from '../../../../src/core/probes/oauth2-plan';

const NOW = new Date('2026-11-23T10:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const TENANT = '11111111-2222-3333-4444-555555555555';

/** An unsigned JWT-shaped token: the claims stage decodes without verifying, which is what these rows exercise. */
function jwt(payload: Record<string, unknown>): string {
	const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
	return `${part({ typ: 'JWT', alg: 'RS256' })}.${part(payload)}.c2ln`;
}

const delegatedPlan: OAuth2Plan = {
	flow: 'device-code',
	clientId: 'c',
	authority: `https://login.microsoftonline.com/${TENANT}`,
	tenant: TENANT,
	scopes: ['https://outlook.office.com/IMAP.AccessAsUser.All'],
	appOnly: false,
	audiences: ['https://outlook.office.com', 'https://outlook.office365.com', '00000002-0000-0ff1-ce00-000000000000'],
	permissions: [
		{ protocol: 'imap', claim: 'scp', permission: 'IMAP.AccessAsUser.All', required: true },
		{ protocol: 'smtp', claim: 'scp', permission: 'SMTP.Send', required: true },
	],
	user: 'carol@contoso.test',
};
const good = {
	aud: 'https://outlook.office.com/',
	tid: TENANT,
	exp: NOW_S + 3600,
	nbf: NOW_S - 10,
	scp: 'IMAP.AccessAsUser.All SMTP.Send',
};

test('claims table', () => {
	const table: {
		name: string;
		payload: Record<string, unknown>;
		plan?: OAuth2Plan;
		resolved?: string;
		ok: boolean;
		message?: RegExp;
	}[] = [
		{ name: 'fitting delegated token (aud with trailing slash)', payload: good, ok: true },
		{ name: 'aud as the Exchange app id', payload: { ...good, aud: '00000002-0000-0ff1-ce00-000000000000' }, ok: true },
		{
			name: 'Graph audience',
			payload: { ...good, aud: 'https://graph.microsoft.com' },
			ok: false,
			message: /audience "https:\/\/graph/,
		},
		{
			name: 'missing SMTP.Send',
			payload: { ...good, scp: 'IMAP.AccessAsUser.All' },
			ok: false,
			message: /SMTP\.Send needed for SMTP \(scp: IMAP\.AccessAsUser\.All\)/,
		},
		{
			name: 'expired',
			payload: { ...good, exp: NOW_S - 1 },
			ok: false,
			message: /expired at 2026-11-23T09:59:59Z \(now 2026-11-23T10:00:00Z\)/,
		},
		{
			name: 'not yet valid (clock behind)',
			payload: { ...good, nbf: NOW_S + 3600 },
			ok: false,
			message: /valid only from/,
		},
		{ name: 'small skew tolerated', payload: { ...good, nbf: NOW_S + 30 }, ok: true },
		{ name: 'no exp', payload: { ...good, exp: undefined }, ok: false, message: /no exp claim/ },
		{
			name: 'other tenant',
			payload: { ...good, tid: '99999999-8888-7777-6666-555555555555' },
			ok: false,
			message: /comes from tenant 9999/,
		},
		{
			name: 'domain tenant: compared with the id the authority resolved',
			payload: { ...good, tid: '99999999-8888-7777-6666-555555555555' },
			plan: { ...delegatedPlan, tenant: 'contoso.test' },
			resolved: TENANT,
			ok: false,
			message: /configuration names tenant 1111/,
		},
		{
			// Entra prints tenant ids in lower case; one pasted in upper case is still the same tenant
			name: 'tenant id in upper case in the configuration',
			payload: { ...good, tid: '9188040d-6c67-4c5b-b112-36a304b66dad' },
			plan: { ...delegatedPlan, tenant: '9188040D-6C67-4C5B-B112-36A304B66DAD' },
			ok: true,
		},
		{
			name: 'domain tenant without a resolved id cannot be compared offline',
			payload: { ...good, tid: '99999999-8888-7777-6666-555555555555' },
			plan: { ...delegatedPlan, tenant: 'contoso.test' },
			ok: true,
		},
		{
			name: 'several problems are all named',
			payload: { ...good, aud: 'api://x', exp: NOW_S - 100 },
			ok: false,
			message: /audience "api:\/\/x".*; the token expired/,
		},
	];
	for (const row of table) {
		const verdict = checkClaims(
			jwt(row.payload),
			{ plan: row.plan ?? delegatedPlan, ...(row.resolved ? { resolvedTenantId: row.resolved } : {}) },
			NOW,
			'en',
		);
		assert.equal(verdict.ok, row.ok, `${row.name}: ${verdict.message}`);
		if (row.message) assert.match(verdict.message ?? '', row.message, row.name);
	}
});

test('app-only: SMTP without SMTP.SendAsApp is a note (Exchange RBAC for Applications), IMAP without its role fails', () => {
	const plan: OAuth2Plan = {
		...delegatedPlan,
		flow: 'client-credentials',
		appOnly: true,
		permissions: [{ protocol: 'smtp', claim: 'roles', permission: 'SMTP.SendAsApp', required: false }],
	};
	const smtpOnly = checkClaims(jwt({ ...good, scp: undefined, roles: [] }), { plan }, NOW, 'de');
	assert.equal(smtpOnly.ok, true);
	assert.match(smtpOnly.detail, /RBAC für Anwendungen/);
	const withImap = checkClaims(
		jwt({ ...good, scp: undefined, roles: ['SMTP.SendAsApp'] }),
		{
			plan: {
				...plan,
				permissions: [{ protocol: 'imap', claim: 'roles', permission: 'IMAP.AccessAsApp', required: true }],
			},
		},
		NOW,
		'de',
	);
	assert.equal(withImap.ok, false);
	assert.match(withImap.message ?? '', /Anwendungsberechtigung IMAP\.AccessAsApp für IMAP/);
});

test('opaque tokens (personal Microsoft accounts) pass with a note instead of a false alarm', () => {
	const verdict = checkClaims('EwBwA8l6BAAUbDba3x2OMJElkF7gJ4z/VbCPEz0AAQ', { plan: delegatedPlan }, NOW, 'en');
	assert.equal(verdict.ok, true);
	assert.equal(verdict.facts.opaque, true);
	assert.equal(decodeJwtPayload('a.b.c.d.e'), undefined, 'JWE (five parts) is not readable');
	assert.equal(decodeJwtPayload('x.!!!.y'), undefined);
});

test('facts never contain the token', () => {
	const token = jwt(good);
	const verdict = checkClaims(token, { plan: delegatedPlan }, NOW, 'en');
	assert.ok(!JSON.stringify(verdict).includes(token));
	assert.deepEqual(verdict.facts.scp, ['IMAP.AccessAsUser.All', 'SMTP.Send']);
});

test('what the report shows: expected audiences, the permissions found, and no empty lists', () => {
	const graph = checkClaims(jwt({ ...good, aud: 'https://graph.microsoft.com' }), { plan: delegatedPlan }, NOW, 'en');
	// the two readable audiences, not the Exchange app id as well
	assert.match(graph.message ?? '', /needs https:\/\/outlook\.office\.com \/ https:\/\/outlook\.office365\.com\.$/);
	const noAud = checkClaims(jwt({ ...good, aud: undefined }), { plan: delegatedPlan }, NOW, 'en');
	assert.equal(noAud.ok, false);
	assert.match(noAud.detail, /^aud -, scp IMAP\.AccessAsUser\.All SMTP\.Send, expires in 60 min/);
	const lacking = checkClaims(
		jwt({ ...good, scp: 'IMAP.AccessAsUser.All User.Read' }),
		{ plan: delegatedPlan },
		NOW,
		'en',
	);
	assert.match(lacking.message ?? '', /\(scp: IMAP\.AccessAsUser\.All User\.Read\)/);
});

test('app-only tokens: the roles are what counts, and a missing SMTP role is a note beside the summary', () => {
	const plan: OAuth2Plan = {
		...delegatedPlan,
		flow: 'client-credentials',
		appOnly: true,
		permissions: [
			{ protocol: 'imap', claim: 'roles', permission: 'IMAP.AccessAsApp', required: true },
			{ protocol: 'smtp', claim: 'roles', permission: 'SMTP.SendAsApp', required: false },
		],
	};
	const token = jwt({ ...good, scp: undefined, roles: ['IMAP.AccessAsApp', 'full_access_as_app'] });
	const verdict = checkClaims(token, { plan }, NOW, 'en');
	assert.equal(verdict.ok, true, verdict.message);
	assert.match(
		verdict.detail,
		/^aud https:\/\/outlook\.office\.com\/, roles IMAP\.AccessAsApp full_access_as_app, .*; \S/,
	);
	assert.deepEqual(verdict.facts.roles, ['IMAP.AccessAsApp', 'full_access_as_app']);
	assert.equal('scp' in verdict.facts, false, 'no empty scp list in the facts');
});
