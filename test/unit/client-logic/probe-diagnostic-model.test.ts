import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
	TestDiagnosticReports,
	testDiagnosticMessage,
	testDiagnosticsFor,
} from '../../../src/client/probe-diagnostic-model';
import { ProbeExplainer } from '../../../src/client/probe-explainer';
import { listAccounts } from '../../../src/client/probe-accounts';
import type { Lang } from '../../../src/core/i18n';
import { type AccountReport, PROBE_ERRORS, type ProbeCheck } from '../../../src/core/probes/result';
import { TWO_ACCOUNTS } from './fixtures';

const URI = 'file:///srv/dms/mailaccounts.json';

function failed(
	protocol: ProbeCheck['protocol'],
	stage: ProbeCheck['failedStage'],
	code: string,
	reply?: string,
): ProbeCheck {
	return {
		protocol,
		ok: false,
		failedStage: stage,
		error: {
			code: code as NonNullable<ProbeCheck['error']>['code'],
			message: `message for ${code}`,
			...(reply ? { serverResponse: reply } : {}),
		},
		stages: [{ name: stage ?? 'dns', ok: false, ms: 5 }],
		transcript: [],
	};
}

const lineOf = (offset: number) => TWO_ACCOUNTS.slice(0, offset).split('\n').length;
const lineWith = (needle: string) => lineOf(TWO_ACCOUNTS.indexOf(needle));

test('each failure lands on the config line it concerns (engine path mapping + jsonc positions)', () => {
	const cases: [string, ProbeCheck, string][] = [
		['scanner', failed('smtp', 'dns', 'DNS_NOT_FOUND'), '"host": "mail.gmx.net"'],
		['scanner', failed('smtp', 'tls', 'TLS_MODE_MISMATCH'), '"security": "starttls"'],
		[
			'scanner',
			failed('smtp', 'auth', 'AUTH_FAILED', '535 5.7.3 Authentication unsuccessful'),
			'"password": "${secret:SCANNER_PASSWORD}"',
		],
		[
			'invoices',
			failed('imap', 'folder', 'FOLDER_NOT_FOUND', "NO Mailbox doesn't exist: INBOX/Import"),
			'"folder": "INBOX/Import"',
		],
		['invoices', failed('imap', 'tcp', 'CONNECTION_REFUSED'), '"port": 993'],
		['invoices', failed('oauth2', 'authority', 'OAUTH_TOKEN'), '"tenant": "contoso.onmicrosoft.com"'],
		// No `scopes` in the config: the claims failure falls back to the oauth2 block.
		['invoices', failed('oauth2', 'claims', 'OAUTH_CLAIMS'), '"oauth2": { "flow"'],
	];
	for (const [id, check, expectedNeedle] of cases) {
		const [diagnostic, ...rest] = testDiagnosticsFor(TWO_ACCOUNTS, URI, { id, checks: [check] }, 'en', () => undefined);
		assert.ok(diagnostic, `${id} ${check.error?.code}`);
		assert.equal(rest.length, 0);
		assert.equal(diagnostic.code, check.error?.code);
		assert.equal(lineOf(diagnostic.offset), lineWith(expectedNeedle), `${id} ${check.error?.code}`);
		assert.ok(TWO_ACCOUNTS.slice(diagnostic.offset).startsWith(expectedNeedle.split(':')[0] as string));
	}
});

test('passed checks and accounts no longer in the file give no diagnostics', () => {
	const ok: ProbeCheck = { protocol: 'imap', ok: true, stages: [{ name: 'dns', ok: true, ms: 1 }], transcript: [] };
	assert.deepEqual(
		testDiagnosticsFor(TWO_ACCOUNTS, URI, { id: 'invoices', checks: [ok] }, 'en', () => undefined),
		[],
	);
	const gone: AccountReport = { id: 'removed', checks: [failed('imap', 'dns', 'DNS_NOT_FOUND')] };
	assert.deepEqual(
		testDiagnosticsFor(TWO_ACCOUNTS, URI, gone, 'en', () => undefined),
		[],
	);
	assert.deepEqual(
		testDiagnosticsFor('{ broken', URI, gone, 'en', () => undefined),
		[],
	);
});

test('the message carries code message, server reply and the catalog explanation with its walkthrough link', () => {
	const explainer = new ProbeExplainer(() => 'en');
	const [scanner] = listAccounts(TWO_ACCOUNTS).filter((a) => a.id === 'scanner');
	explainer.remember(URI, 'scanner', { ...(scanner?.value as object), provider: 'microsoft365' });
	const check = failed(
		'smtp',
		'auth',
		'AUTH_FAILED',
		'535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.',
	);
	const explanation = explainer.explain(check, URI, 'scanner');
	assert.equal(explanation?.id, 'smtp-auth-disabled');
	const [diagnostic] = testDiagnosticsFor(TWO_ACCOUNTS, URI, { id: 'scanner', checks: [check] }, 'en', (c) =>
		explainer.explain(c, URI, 'scanner'),
	);
	assert.ok(diagnostic);
	const lines = diagnostic.message.split('\n');
	assert.equal(lines[0], 'SMTP test failed at auth: message for AUTH_FAILED');
	assert.match(lines[1] ?? '', /^Server: 535 5\.7\.139 /);
	assert.equal(lines[2], explanation?.title);
	assert.equal(lines[3], `Fix: ${explanation?.fix[0]}`);
	const [guide, step] = (explanation?.walkthrough ?? '').split('#');
	assert.deepEqual(diagnostic.walkthroughArgs, {
		guide,
		...(step ? { step } : {}),
		accountId: 'scanner',
		uri: URI,
	});
});

test('German message, and a check without stage or error still reads well', () => {
	const check = failed('imap', 'auth', 'AUTH_FAILED', 'A1 NO AUTHENTICATE failed.');
	assert.equal(
		testDiagnosticMessage(check, 'de', undefined),
		'IMAP-Test bei auth fehlgeschlagen: message for AUTH_FAILED\nServer: A1 NO AUTHENTICATE failed.',
	);
	const bare: ProbeCheck = { protocol: 'oauth2', ok: false, stages: [], transcript: [] };
	assert.equal(testDiagnosticMessage(bare, 'en', undefined), 'OAuth2 test failed: The test failed.');
	const explained = testDiagnosticMessage(check, 'en', {
		id: 'invalid-credentials',
		title: 'Wrong user name or password',
		cause: 'c',
		fix: ['Check the password.', 'Check the user.', 'Check the account lock.'],
	});
	assert.match(
		explained,
		/Wrong user name or password\nFix: Check the password\.\n\(\+2 more steps in the report view\)$/,
	);
});

test('the last reports are drawn again in the new language, one report per account, until the file is dropped', () => {
	let lang: Lang = 'en';
	const explainer = new ProbeExplainer(() => lang);
	const [scanner] = listAccounts(TWO_ACCOUNTS).filter((a) => a.id === 'scanner');
	explainer.remember(URI, 'scanner', { ...(scanner?.value as object), provider: 'microsoft365' });
	const authDisabled = failed(
		'smtp',
		'auth',
		'AUTH_FAILED',
		'535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
	);
	const reports = new TestDiagnosticReports();
	reports.set(URI, TWO_ACCOUNTS, { id: 'scanner', checks: [authDisabled] }, 'en');
	reports.set(URI, TWO_ACCOUNTS, { id: 'invoices', checks: [failed('imap', 'folder', 'FOLDER_NOT_FOUND')] }, 'en');
	const render = () => reports.render(URI, lang, (check, accountId) => explainer.explain(check, URI, accountId));

	const english = render();
	assert.deepEqual(
		english.map((d) => [d.code, d.range.start.line + 1, d.message.split('\n')[0]]),
		[
			[
				'AUTH_FAILED',
				lineWith('"password": "${secret:SCANNER_PASSWORD}"'),
				'SMTP test failed at auth: message for AUTH_FAILED',
			],
			[
				'FOLDER_NOT_FOUND',
				lineWith('"folder": "INBOX/Import"'),
				'IMAP test failed at folder: message for FOLDER_NOT_FOUND',
			],
		],
	);
	const englishTitle = english[0]?.message.split('\n')[2];
	assert.equal(englishTitle, explainer.explain(authDisabled, URI, 'scanner')?.title);

	lang = 'de';
	const german = render();
	assert.deepEqual(
		german.map((d) => [d.code, d.range, d.walkthroughArgs]),
		english.map((d) => [d.code, d.range, d.walkthroughArgs]),
	);
	const [head, , title, fix] = german[0]?.message.split('\n') ?? [];
	// The message the test worded in English gives way to the code's German sentence: nothing half translated.
	assert.equal(head, `SMTP-Test bei auth fehlgeschlagen: ${PROBE_ERRORS.AUTH_FAILED.de}`);
	assert.equal(title, explainer.explain(authDisabled, URI, 'scanner')?.title);
	assert.notEqual(title, englishTitle);
	assert.match(fix ?? '', /^Abhilfe: /);
	assert.equal(
		german[1]?.message.split('\n')[0],
		`IMAP-Test bei folder fehlgeschlagen: ${PROBE_ERRORS.FOLDER_NOT_FOUND.de}`,
	);
	lang = 'en';
	assert.equal(render()[0]?.message.split('\n')[0], 'SMTP test failed at auth: message for AUTH_FAILED');

	// A re-test replaces only that account's report.
	const passed: ProbeCheck = {
		protocol: 'smtp',
		ok: true,
		stages: [{ name: 'auth', ok: true, ms: 3 }],
		transcript: [],
	};
	reports.set(URI, TWO_ACCOUNTS, { id: 'scanner', checks: [passed] }, 'en');
	assert.deepEqual(
		render().map((d) => d.code),
		['FOLDER_NOT_FOUND'],
	);
	assert.deepEqual(reports.uris(), [URI]);
	assert.equal(reports.delete(URI), true);
	assert.deepEqual(render(), []);
	assert.equal(reports.delete(URI), false);
});
