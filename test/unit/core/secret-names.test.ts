/**
 * Every place that proposes a secret reference names it after the account and the field it stands for (PASSWORD,
 * APP_PASSWORD, CLIENT_SECRET), and the CLI finds that reference under the environment variable its own
 * missing-secret message names (MAILCFG_SECRET_<NAME>). A user follows the chain: a fix or a conversion writes
 * `${secret:X}`, `mailcfg test` says "set MAILCFG_SECRET_X", and setting it works. A wrong suffix (the
 * client-secret fix proposing …_PASSWORD, bug 9 of docs/testing.md's independent set) or a wrong prefix breaks it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSecretRef } from '../../../src/core/config/model';
import { oauth2Skeleton } from '../../../src/core/config/oauth2-skeleton';
import { parseMailAddress } from '../../../src/core/discovery/address';
import { authAdvice, buildAccount } from '../../../src/core/discovery/account';
import { KNOWN_PROVIDERS } from '../../../src/core/providers/known';
import { cliSecretResolver } from '../../../src/core/secrets';
import { convertSource } from '../../../src/core/sources/convert';
import { analyze, applyFix, configText } from './rules/helpers';
import { fixture } from './sources/helpers';

/** The CLI resolves the reference from MAILCFG_SECRET_<NAME>, and its hint names exactly that variable. */
async function assertResolvable(reference: string): Promise<void> {
	const ref = parseSecretRef(reference) ?? assert.fail(`not a reference: ${reference}`);
	assert.equal(ref.kind, 'secret');
	const variable = `MAILCFG_SECRET_${ref.name}`;
	assert.equal(await cliSecretResolver({ [variable]: 'value-from-env' }).get(ref), 'value-from-env', reference);
	assert.match(cliSecretResolver({}).howToProvide(ref).en, new RegExp(`Set the environment variable ${variable},`));
}

test('the plaintext-secret fixes: <ID>_PASSWORD for auth.password, <ID>_CLIENT_SECRET for the client secret', async () => {
	const account = {
		id: 'dms-import.2',
		email: 'import@contoso.com',
		provider: 'microsoft365',
		auth: {
			method: 'oauth2',
			user: 'import@contoso.com',
			oauth2: {
				flow: 'client-credentials',
				tenant: 'contoso.onmicrosoft.com',
				clientId: '00000000-0000-0000-0000-000000000000',
				clientSecret: 'Q~8aB.cdEfGhIjKlMnOpQrStUvWxYz0123456789',
				scopes: ['https://outlook.office365.com/.default'],
			},
		},
		imap: { host: 'outlook.office365.com', port: 993, security: 'tls' },
	};
	const password = {
		id: 'erp',
		email: 'erp@mueller-bau.de',
		auth: { method: 'password', user: 'erp@mueller-bau.de', password: 'Sommer2026!' },
		imap: { host: 'mail.mueller-bau.de', port: 993, security: 'tls' },
	};
	const text = configText(account, password);
	const proposed = analyze(text)
		.filter((f) => f.code === 'plaintext-secret')
		.flatMap((f) => f.fixes.map((fix) => /\$\{secret:[^}]+\}/.exec(applyFix(text, fix))?.[0]));
	assert.deepEqual(proposed.sort(), ['${secret:DMS_IMPORT_2_CLIENT_SECRET}', '${secret:ERP_PASSWORD}']);
	for (const reference of proposed) await assertResolvable(reference as string);
});

test('discovery: a new account gets <ID>_PASSWORD, <ID>_APP_PASSWORD or <ID>_CLIENT_SECRET by its method', async () => {
	const build = (email: string, providerId: string, host: string) => {
		const provider = KNOWN_PROVIDERS.find((p) => p.id === providerId);
		const account = buildAccount({
			address: parseMailAddress(email) ?? assert.fail(email),
			provider,
			imap: { protocol: 'imap', host, port: 993, security: 'tls', source: 'provider', origin: 'known', verified: true },
			smtp: undefined,
			tenant: email.split('@')[1] as string,
			advice: authAdvice(provider),
		} as never);
		const auth = account.auth as { password?: string; oauth2?: { clientSecret?: string } };
		return [auth.password, auth.oauth2?.clientSecret].filter((s): s is string => s !== undefined);
	};
	const cases: [string, string, string, string][] = [
		['praxis@gmx.de', 'gmx', 'imap.gmx.net', '${secret:PRAXIS_PASSWORD}'],
		['office.mueller@gmail.com', 'gmail', 'imap.gmail.com', '${secret:OFFICE_MUELLER_APP_PASSWORD}'],
		['dms-import@contoso.com', 'microsoft365', 'outlook.office365.com', '${secret:DMS_IMPORT_CLIENT_SECRET}'],
	];
	for (const [email, provider, host, expected] of cases) {
		const references = build(email, provider, host);
		assert.deepEqual(references, [expected], email);
		await assertResolvable(expected);
	}
});

test('the OAuth2 skeleton: <ID>_CLIENT_SECRET', async () => {
	const oauth = KNOWN_PROVIDERS.find((p) => p.id === 'microsoft365')?.oauth2 ?? assert.fail('microsoft365 oauth2');
	const skeleton = oauth2Skeleton('client-credentials', {
		accountId: 'm365-import',
		address: 'import@contoso.com',
		protocols: ['imap'],
		oauth,
	});
	const reference = /\$\{secret:[^}]+\}/.exec(JSON.stringify(skeleton))?.[0];
	assert.equal(reference, '${secret:M365_IMPORT_CLIENT_SECRET}');
	await assertResolvable(reference);
});

test('converting msmtp and mbsync files: the password becomes ${secret:<ID>_PASSWORD}', async () => {
	const cases = [
		['msmtp', 'office365.msmtprc', '${secret:OFFICE365_PASSWORD}'],
		['mbsync', 'brenns10.mbsyncrc', undefined],
	] as const;
	for (const [format, name, expected] of cases) {
		const conversion = convertSource(format, fixture(format, name));
		const references = [...(conversion?.text ?? '').matchAll(/\$\{secret:[^}]+\}/g)].map((m) => m[0]);
		if (expected) assert.deepEqual(references, [expected], name);
		for (const reference of references) {
			assert.match(reference, /_PASSWORD\}$/, name);
			await assertResolvable(reference);
		}
	}
});
