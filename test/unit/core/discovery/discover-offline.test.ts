import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../../../../src/core/config/analyze';
import { parseMailAddress } from '../../../../src/core/discovery/address';
import { accountIdFor } from '../../../../src/core/discovery/account';
import { InvalidAddressError, discover } from '../../../../src/core/discovery/discover';
import type { DiscoveryResult } from '../../../../src/core/discovery/types';
import { ISPDB } from '../../../../src/core/providers/ispdb';
import { KNOWN_PROVIDERS } from '../../../../src/core/providers/known';

const NOW = () => new Date('2026-12-03T00:00:00Z');
const servers = (list: DiscoveryResult['imap']) => list.map((s) => `${s.host}:${s.port}/${s.security}`);

function errorsOf(result: DiscoveryResult): string[] {
	const text = JSON.stringify({ accounts: [result.account] }, null, '\t');
	return analyzeText(text, { lang: 'en', now: NOW })
		.filter((f) => f.severity === 'error')
		.map((f) => `${f.code}: ${f.message}`);
}

describe('offline discovery from the bundled data', () => {
	test('GMX: documented servers, implicit TLS first, a password account', async () => {
		const result = await discover('someone@gmx.de', { offline: true });
		assert.deepEqual(result.provider, { id: 'gmx', name: 'GMX', known: true });
		assert.deepEqual(servers(result.imap), ['imap.gmx.net:993/tls', 'imap.gmx.net:143/starttls']);
		assert.deepEqual(servers(result.smtp), ['mail.gmx.net:465/tls', 'mail.gmx.net:587/starttls']);
		assert.deepEqual(
			result.steps.map((s) => [s.kind, s.status]),
			[
				['data', 'found'],
				['autoconfig', 'skipped'],
				['mx', 'skipped'],
				['srv', 'skipped'],
				['tenant', 'skipped'],
			],
		);
		assert.deepEqual(result.account, {
			id: 'someone',
			email: 'someone@gmx.de',
			provider: 'gmx',
			auth: { method: 'password', user: 'someone@gmx.de', password: '${secret:SOMEONE_PASSWORD}' },
			imap: { host: 'imap.gmx.net', port: 993, security: 'tls', folder: 'INBOX' },
			smtp: { host: 'mail.gmx.net', port: 465, security: 'tls', from: 'someone@gmx.de' },
		});
	});

	test('a tenant domain (*.onmicrosoft.com): OAuth2 app-only with the domain as tenant name', async () => {
		const result = await discover('import@contoso.onmicrosoft.com', { offline: true });
		assert.equal(result.provider?.id, 'microsoft365');
		assert.deepEqual(servers(result.smtp), ['smtp.office365.com:587/starttls']);
		assert.equal(result.account?.auth.oauth2?.flow, 'client-credentials');
		assert.equal(result.account?.auth.oauth2?.tenant, 'contoso.onmicrosoft.com');
		assert.deepEqual(result.account?.auth.oauth2?.scopes, ['https://outlook.office365.com/.default']);
		assert.equal(result.steps.find((s) => s.kind === 'tenant')?.status, 'skipped');
	});

	test('the sign-in follows who runs the servers: an ISPDB university on Google or Microsoft', async () => {
		const google = await discover('student@umich.edu', { offline: true });
		assert.equal(google.account?.auth.method, 'app-password');
		const microsoft = await discover('student@mit.edu', { offline: true });
		assert.equal(microsoft.account?.auth.method, 'oauth2');
		assert.equal(microsoft.account?.provider, 'microsoft365');
	});

	test('every domain of the bundled data yields an account that passes `mailcfg check` without errors', async () => {
		const domains = new Set([
			...KNOWN_PROVIDERS.flatMap((p) => p.domains),
			...ISPDB.providers.flatMap((p) => p.domains),
		]);
		let accounts = 0;
		for (const domain of domains) {
			const result = await discover(`first.last@${domain}`, { offline: true });
			assert.ok(result.imap.length + result.smtp.length > 0, domain);
			if (!result.account) {
				// Only providers that publish nothing but unencrypted servers get no account.
				assert.ok(
					[...result.imap, ...result.smtp].every((s) => s.security === 'none'),
					domain,
				);
				continue;
			}
			assert.deepEqual(errorsOf(result), [], domain);
			accounts++;
		}
		assert.ok(accounts > 150, `${accounts} accounts`);
	});

	test('unknown domains offline: nothing found', async () => {
		const result = await discover('x@unknown-company.example', { offline: true });
		assert.equal(result.account, null);
		assert.equal(result.steps[0]?.status, 'none');
	});

	test('addresses: internationalized domains become punycode; malformed ones are refused', async () => {
		assert.equal(parseMailAddress('info@Bücher.example')?.domain, 'xn--bcher-kva.example');
		for (const bad of [
			'',
			'no-at-sign',
			'@example.org',
			'a@',
			'a@localhost',
			'a b@example.org',
			'a@exa mple.org',
			'a@1.2.3.4',
			`${'x'.repeat(65)}@example.org`,
			'a@example.org/evil',
		]) {
			await assert.rejects(discover(bad, { offline: true }), InvalidAddressError, bad);
		}
	});

	test('account ids fit the schema and stay unique in the target file', () => {
		assert.equal(accountIdFor('Max.Muster+import'), 'max-muster-import');
		assert.equal(accountIdFor('__'), 'mail');
		assert.equal(accountIdFor('info', ['info', 'info-2']), 'info-3');
	});
});
