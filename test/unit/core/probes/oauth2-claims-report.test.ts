// What the claims stage tells the user about a token: the facts it lists in the report, the boundaries of its
// expiry and clock checks, and the shapes of tokens real authorities issue (aud as an array, tid in upper case,
// scp with extra spaces). Each row is something a user reads in the report or acts on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXPIRY_MARGIN_SECONDS, checkClaims, decodeJwtPayload } from '../../../../src/core/probes/oauth2-claims';
import type { OAuth2Plan } from '../../../../src/core/probes/oauth2-plan';

const NOW = new Date('2026-11-23T10:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const TENANT = '11111111-2222-3333-4444-555555555555';

function jwt(payload: unknown): string {
	const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
	return `${part({ typ: 'JWT', alg: 'RS256' })}.${part(payload)}.c2ln`;
}

const plan: OAuth2Plan = {
	flow: 'device-code',
	clientId: 'c',
	authority: `https://login.microsoftonline.com/${TENANT}`,
	tenant: TENANT,
	scopes: ['https://outlook.office.com/IMAP.AccessAsUser.All'],
	appOnly: false,
	audiences: ['https://outlook.office.com', 'https://outlook.office365.com', '00000002-0000-0ff1-ce00-000000000000'],
	permissions: [{ protocol: 'imap', claim: 'scp', permission: 'IMAP.AccessAsUser.All', required: true }],
	user: 'carol@contoso.test',
};
const good = {
	aud: 'https://outlook.office.com',
	iss: `https://sts.windows.net/${TENANT}/`,
	tid: TENANT,
	appid: 'app-1',
	upn: 'carol@contoso.test',
	ver: '1.0',
	exp: NOW_S + 3600,
	scp: 'IMAP.AccessAsUser.All',
};
const check = (payload: unknown, p: OAuth2Plan = plan) => checkClaims(jwt(payload), { plan: p }, NOW, 'en');

test('the report lists the identifying claims it read, and only those present', () => {
	const verdict = check(good);
	assert.equal(verdict.ok, true);
	assert.deepEqual(
		{ ...verdict.facts, expiresInSeconds: undefined },
		{
			iss: good.iss,
			tid: TENANT,
			appid: 'app-1',
			upn: 'carol@contoso.test',
			ver: '1.0',
			aud: 'https://outlook.office.com',
			expires: '2026-11-23T11:00:00.000Z',
			expiresInSeconds: undefined,
			scp: ['IMAP.AccessAsUser.All'],
		},
	);
	assert.equal(verdict.facts.expiresInSeconds, 3600);
	assert.equal(
		verdict.detail,
		'aud https://outlook.office.com, scp IMAP.AccessAsUser.All, expires in 60 min (decoded without signature check)',
	);
	assert.ok(!('roles' in verdict.facts), 'no empty roles list is reported');
	assert.ok(!('azp' in verdict.facts), 'absent claims are not reported');
});

test('aud given as an array (as some authorities issue it): the first entry is the resource', () => {
	const verdict = check({ ...good, aud: ['https://outlook.office365.com/', 'api://other'] });
	assert.equal(verdict.ok, true, verdict.message);
	assert.equal(verdict.facts.aud, 'https://outlook.office365.com/');
	const wrong = check({ ...good, aud: [42, 'https://outlook.office.com'] });
	assert.equal(wrong.ok, false, 'a non-string first entry is no audience');
	assert.match(
		wrong.message ?? '',
		/audience "-", but mail access needs https:\/\/outlook\.office\.com \/ https:\/\/outlook\.office365\.com\b/,
	);
	assert.ok(!('aud' in wrong.facts));
	const slashes = check({ ...good, aud: 'HTTPS://OUTLOOK.OFFICE.COM//' });
	assert.equal(slashes.ok, true, 'trailing slashes and case do not matter');
});

test('a tenant id in other case is the same tenant; a missing tid is not a mismatch', () => {
	assert.equal(check({ ...good, tid: TENANT.toUpperCase() }).ok, true);
	assert.equal(check({ ...good, tid: undefined }).ok, true);
	const upperPlan = { ...plan, tenant: TENANT.toUpperCase() };
	assert.equal(check(good, upperPlan).ok, true);
	assert.equal(check(good, { ...plan, tenant: 'organizations' }).ok, true, 'a non-GUID tenant cannot be compared');
});

test('expiry boundaries: expired at exp, warned inside the safety margin, fine at the margin', () => {
	const at = (left: number) => check({ ...good, exp: NOW_S + left });
	assert.match(at(0).message ?? '', /expired at 2026-11-23T10:00:00Z/);
	assert.match(at(1).message ?? '', /expires in 1 s, inside the 5-minute safety margin/);
	assert.match(at(EXPIRY_MARGIN_SECONDS - 1).message ?? '', /expires in 299 s/);
	assert.equal(at(EXPIRY_MARGIN_SECONDS).ok, true);
	assert.equal(at(EXPIRY_MARGIN_SECONDS).detail.includes('expires in 5 min'), true);
	assert.equal(check({ ...good, exp: 'soon' }).ok, false, 'a non-numeric exp counts as none');
	assert.match(check({ ...good, exp: Number.MAX_VALUE * 10 }).message ?? '', /no exp claim/, 'Infinity is no expiry');
});

test('clock skew: up to 60 s ahead is tolerated, more is reported with both times', () => {
	assert.equal(check({ ...good, nbf: NOW_S + 60 }).ok, true);
	const ahead = check({ ...good, nbf: NOW_S + 61 });
	assert.equal(ahead.ok, false);
	assert.match(ahead.message ?? '', /2026-11-23T10:01:01Z.*2026-11-23T10:00:00Z/);
});

test('scp with extra spaces and roles with junk entries are read as the clean permission lists', () => {
	const verdict = check({ ...good, scp: '  IMAP.AccessAsUser.All   offline_access ', roles: ['Mail.Read', 7, null] });
	assert.equal(verdict.ok, true);
	assert.deepEqual(verdict.facts.scp, ['IMAP.AccessAsUser.All', 'offline_access']);
	assert.deepEqual(verdict.facts.roles, ['Mail.Read']);
	assert.match(verdict.detail, /roles Mail\.Read, scp IMAP\.AccessAsUser\.All offline_access/);
	const none = check({ ...good, scp: undefined, roles: 'Mail.Read' });
	assert.match(none.detail, /no roles\/scp/);
	assert.match(none.message ?? '', /\(scp: -\)/);
	const scpArray = check({ ...good, scp: ['IMAP.AccessAsUser.All'] });
	assert.equal(scpArray.ok, true, 'scp as a list is accepted too');
});

test('only a three-part token with a JSON object payload is decoded', () => {
	const body = Buffer.from(JSON.stringify(good)).toString('base64url');
	assert.deepEqual(decodeJwtPayload(`h.${body}.s`), good);
	assert.equal(decodeJwtPayload(`h.${body}`), undefined, 'two parts');
	assert.equal(decodeJwtPayload('h..s'), undefined, 'empty payload');
	for (const value of [null, [1, 2], 'text', 5]) {
		assert.equal(decodeJwtPayload(jwt(value)), undefined, JSON.stringify(value));
	}
	assert.equal(check(null).facts.opaque, true);
});
