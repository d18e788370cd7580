import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Account, OAuth2Config, ProviderId } from '../../../../src/core/config/model';
import { planOAuth2 } from '../../../../src/core/probes/oauth2-plan';

function account(
	oauth2: OAuth2Config,
	options: { provider?: ProviderId; imap?: boolean; smtp?: boolean } = {},
): Account {
	return {
		id: 'a',
		email: 'import@contoso.test',
		provider: options.provider ?? 'microsoft365',
		auth: { method: 'oauth2', user: 'import@contoso.test', oauth2 },
		...(options.imap !== false ? { imap: { host: 'outlook.office365.com', port: 993, security: 'tls' } } : {}),
		...(options.smtp ? { smtp: { host: 'smtp.office365.com', port: 587, security: 'starttls' } } : {}),
	};
}

const TENANT = '11111111-2222-3333-4444-555555555555';

test('defaults per flow, provider and protocols', () => {
	const table: {
		name: string;
		account: Account;
		authority: string;
		scopes: string[];
		needs: string[];
		known?: string;
	}[] = [
		{
			name: 'app-only IMAP+SMTP',
			account: account({ flow: 'client-credentials', tenant: TENANT, clientId: 'c' }, { smtp: true }),
			authority: `https://login.microsoftonline.com/${TENANT}`,
			scopes: ['https://outlook.office365.com/.default'],
			needs: ['roles:IMAP.AccessAsApp!', 'roles:SMTP.SendAsApp?'],
		},
		{
			name: 'delegated device code, Microsoft 365, IMAP only',
			account: account({ flow: 'device-code', clientId: 'c' }),
			authority: 'https://login.microsoftonline.com/organizations',
			scopes: ['https://outlook.office.com/IMAP.AccessAsUser.All', 'offline_access'],
			needs: ['scp:IMAP.AccessAsUser.All!'],
		},
		{
			name: 'delegated browser, Outlook.com, SMTP only',
			account: account(
				{ flow: 'authorization-code', clientId: 'c' },
				{ provider: 'outlook-com', imap: false, smtp: true },
			),
			authority: 'https://login.microsoftonline.com/consumers',
			scopes: ['https://outlook.office.com/SMTP.Send', 'offline_access'],
			needs: ['scp:SMTP.Send!'],
		},
		{
			name: 'configured authority and scopes win; a foreign host must be trusted explicitly',
			account: account({
				flow: 'client-credentials',
				clientId: 'c',
				authority: 'https://login.contoso.test/tenant-a/',
				scopes: ['https://outlook.office365.com/.default'],
			}),
			authority: 'https://login.contoso.test/tenant-a',
			scopes: ['https://outlook.office365.com/.default'],
			needs: ['roles:IMAP.AccessAsApp!'],
			known: 'login.contoso.test',
		},
	];
	for (const row of table) {
		const result = planOAuth2(row.account);
		assert.ok('plan' in result, row.name);
		const { plan } = result;
		assert.equal(plan.authority, row.authority, row.name);
		assert.deepEqual(plan.scopes, row.scopes, row.name);
		assert.deepEqual(
			plan.permissions.map((p) => `${p.claim}:${p.permission}${p.required ? '!' : '?'}`),
			row.needs,
			row.name,
		);
		assert.equal(plan.knownAuthorityHost, row.known, row.name);
	}
});

test('refusals before any network step', () => {
	const table: [string, Account, RegExp][] = [
		['app-only without tenant', account({ flow: 'client-credentials', clientId: 'c' }), /tenant-specific/],
		['app-only on /common', account({ flow: 'client-credentials', clientId: 'c', tenant: 'common' }), /not "common"/],
		['Gmail', account({ flow: 'device-code', clientId: 'c' }, { provider: 'gmail' }), /Google/],
		[
			'Google authority on a generic account',
			account(
				{ flow: 'device-code', clientId: 'c', authority: 'https://accounts.google.com/o/oauth2' },
				{ provider: 'generic' },
			),
			/Google/,
		],
		[
			'plain http authority',
			account({ flow: 'device-code', clientId: 'c', authority: 'http://login.test/t' }),
			/not an https URL/,
		],
		[
			'password account',
			{ ...account({ flow: 'device-code', clientId: 'c' }), auth: { method: 'password', user: 'u' } },
			/does not use OAuth2/,
		],
	];
	for (const [name, input, message] of table) {
		const result = planOAuth2(input);
		assert.ok('refusal' in result, name);
		assert.match(
			result.refusal.en.replace(/\{(\w+)\}/g, (_, k: string) => result.args?.[k] ?? ''),
			message,
			name,
		);
	}
});

test('expected audiences follow the scope resource', () => {
	const graph = planOAuth2(
		account({ flow: 'device-code', clientId: 'c', scopes: ['https://graph.microsoft.com/Mail.Read'] }),
	);
	assert.ok('plan' in graph);
	assert.deepEqual(graph.plan.audiences, ['https://graph.microsoft.com']);
	const short = planOAuth2(account({ flow: 'device-code', clientId: 'c', scopes: ['IMAP.AccessAsUser.All'] }));
	assert.ok('plan' in short);
	assert.ok(short.plan.audiences.includes('00000002-0000-0ff1-ce00-000000000000'));
});
