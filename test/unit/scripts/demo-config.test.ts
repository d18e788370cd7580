import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'jsonc-parser';
import {
	DEMO_CONFIG_NAME,
	DEMO_EXPECTATIONS,
	EXAMPLES,
	TEMPLATE_PORTS,
	compareWithExpectations,
	materializeDemoConfig,
} from '../../../scripts/demo-config';

const template = readFileSync(join(EXAMPLES, DEMO_CONFIG_NAME), 'utf8');
const running = {
	imapStarttls: 50143,
	imapTls: 50993,
	smtpSubmission: 50587,
	smtpAuthDisabled: 50588,
	authority: 50443,
};

interface DemoAccount {
	id: string;
	imap?: { port: number };
	smtp?: { port: number };
	auth: { oauth2?: { authority?: string } };
}

test('every template port in the example is replaced by the running endpoint, nothing else changes', () => {
	const copy = parse(materializeDemoConfig(template, running)) as { $schema?: string; accounts: DemoAccount[] };
	const original = parse(template) as { accounts: DemoAccount[] };
	assert.equal(copy.$schema, undefined);
	const ports = (accounts: DemoAccount[]) =>
		accounts.map((a) => [a.id, a.imap?.port, a.smtp?.port, a.auth.oauth2?.authority]);
	assert.deepEqual(ports(copy.accounts), [
		['demo-works', 50143, 50587, undefined],
		['demo-smtp-auth-disabled', undefined, 50588, undefined],
		['demo-wrong-tls-mode', 50143, undefined, undefined],
		['demo-expired-token', 50993, undefined, 'https://127.0.0.1:50443/demo.onmicrosoft.com'],
	]);
	assert.deepEqual(
		copy.accounts.map((a) => a.id),
		original.accounts.map((a) => a.id),
	);
});

test('the example uses only template ports, so a run can reach every account', () => {
	const known = new Set(Object.values(TEMPLATE_PORTS));
	const accounts = (parse(template) as { accounts: DemoAccount[] }).accounts;
	for (const account of accounts) {
		for (const port of [account.imap?.port, account.smtp?.port]) {
			if (port !== undefined) assert.ok(known.has(port), `${account.id}: port ${port}`);
		}
	}
	assert.deepEqual(accounts.map((a) => a.id).sort(), Object.keys(DEMO_EXPECTATIONS).sort());
});

const designed = {
	accounts: [
		{
			id: 'demo-works',
			checks: [
				{ protocol: 'imap', ok: true },
				{ protocol: 'smtp', ok: true },
			],
		},
		{
			id: 'demo-smtp-auth-disabled',
			checks: [
				{
					protocol: 'smtp',
					ok: false,
					error: {
						code: 'AUTH_FAILED',
						serverResponse:
							'535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
					},
				},
			],
		},
		{ id: 'demo-wrong-tls-mode', checks: [{ protocol: 'imap', ok: false, error: { code: 'TLS_MODE_MISMATCH' } }] },
		{ id: 'demo-expired-token', checks: [{ protocol: 'oauth2', ok: false, error: { code: 'OAUTH_CLAIMS' } }] },
	],
};

test('a report as designed has no deviations', () => {
	assert.deepEqual(compareWithExpectations(designed), []);
});

test('each kind of deviation is named', () => {
	const cases: [string, (r: typeof designed) => void, string][] = [
		[
			'working account fails',
			(r) => Object.assign(r.accounts[0]!.checks[1]!, { ok: false, error: { code: 'TIMEOUT' } }),
			'demo-works: smtp failed (TIMEOUT), should pass',
		],
		[
			'failing account passes',
			(r) => Object.assign(r.accounts[2]!.checks[0]!, { ok: true }),
			'demo-wrong-tls-mode: imap passed, should fail with TLS_MODE_MISMATCH',
		],
		[
			'wrong code',
			(r) => Object.assign(r.accounts[3]!.checks[0]!, { error: { code: 'OAUTH_TOKEN' } }),
			'demo-expired-token: oauth2 failed with OAUTH_TOKEN, expected OAUTH_CLAIMS',
		],
		[
			'wrong reply',
			(r) =>
				Object.assign(r.accounts[1]!.checks[0]!, {
					error: { code: 'AUTH_FAILED', serverResponse: '535 5.7.3 Authentication unsuccessful' },
				}),
			"demo-smtp-auth-disabled: smtp server reply lacks '5.7.139'",
		],
		['account missing', (r) => r.accounts.splice(0, 1), 'demo-works: missing from the report'],
		['check missing', (r) => r.accounts[1]!.checks.splice(0, 1), 'demo-smtp-auth-disabled: no smtp check'],
	];
	for (const [name, mutate, expected] of cases) {
		const report = structuredClone(designed);
		mutate(report);
		assert.deepEqual(compareWithExpectations(report), [expected], name);
	}
});
