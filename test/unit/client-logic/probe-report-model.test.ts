import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
	type ExplanationView,
	type ReportEntry,
	type ReportNode,
	buildReportTree,
	reportPassed,
	reportInLang,
} from '../../../src/client/probe-report-model';
import { type AccountReport, PROBE_ERRORS } from '../../../src/core/probes/result';

const URI = 'file:///srv/dms/mailaccounts.json';

/** The shape the probe engine returns for a printer account whose tenant has SMTP AUTH switched off. */
const report: AccountReport = {
	id: 'scanner',
	checks: [
		{
			protocol: 'imap',
			ok: true,
			stages: [
				{ name: 'dns', ok: true, ms: 3, detail: '52.97.1.2' },
				{ name: 'tcp', ok: true, ms: 21 },
				{
					name: 'tls',
					ok: true,
					ms: 40,
					detail: 'TLSv1.3 TLS_AES_256_GCM_SHA384',
					facts: { subject: 'CN=outlook.com', san: ['outlook.office365.com', '*.outlook.com'], trusted: true },
				},
				{ name: 'auth', ok: true, ms: 180 },
				{ name: 'folder', ok: true, ms: 30, detail: '42 messages' },
			],
			transcript: ['S: * OK The Microsoft Exchange IMAP4 service is ready.', 'C: A1 AUTHENTICATE XOAUTH2 <redacted>'],
		},
		{
			protocol: 'smtp',
			ok: false,
			failedStage: 'auth',
			error: {
				code: 'AUTH_FAILED',
				message: 'The server rejected the login.',
				serverResponse: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
			},
			stages: [
				{ name: 'dns', ok: true, ms: 2 },
				{ name: 'tcp', ok: true, ms: 20 },
				{ name: 'greeting', ok: true, ms: 15, detail: '220 AM0PR01CA0001.outlook.office365.com' },
				{ name: 'ehlo', ok: true, ms: 10 },
				{ name: 'starttls', ok: true, ms: 35 },
				// EHLO again after STARTTLS: the same stage name twice in one check.
				{ name: 'ehlo', ok: true, ms: 9, detail: 'AUTH LOGIN PLAIN' },
				{ name: 'auth', ok: false, ms: 90, detail: 'AUTH LOGIN' },
			],
			transcript: ['C: AUTH LOGIN <redacted>', 'S: 535 5.7.139 Authentication unsuccessful'],
		},
	],
};
const entry: ReportEntry = { uri: URI, fileLabel: 'mailaccounts.json', report, lang: 'en' };

const smtpAuthDisabled: ExplanationView = {
	id: 'smtp-auth-disabled',
	title: 'SMTP AUTH is switched off',
	cause: 'The tenant or mailbox does not allow authenticated SMTP submission.',
	fix: ['Enable SMTP AUTH for the mailbox.', 'Wait up to an hour.'],
	walkthrough: 'm365-enable-smtp-auth#mailbox',
};

function find(nodes: ReportNode[], predicate: (n: ReportNode) => boolean): ReportNode | undefined {
	for (const node of nodes) {
		if (predicate(node)) return node;
		const inner = find(node.children, predicate);
		if (inner) return inner;
	}
	return undefined;
}

test('account → check → stage tree with icons, timings and details', () => {
	const [account] = buildReportTree([entry], 'en', () => undefined);
	assert.ok(account);
	assert.equal(account.label, 'scanner');
	assert.equal(account.description, 'failed · mailaccounts.json');
	assert.equal(account.icon, 'fail');
	assert.equal(account.expanded, true);
	const [imap, smtp] = account.children;
	assert.equal(imap?.label, 'IMAP');
	assert.equal(imap?.description, 'passed · 274 ms');
	assert.equal(imap?.icon, 'pass');
	assert.deepEqual(
		imap?.children.map((n) => [n.label, n.description, n.icon]),
		[
			['dns', '3 ms · 52.97.1.2', 'pass'],
			['tcp', '21 ms', 'pass'],
			['tls', '40 ms · TLSv1.3 TLS_AES_256_GCM_SHA384', 'pass'],
			['auth', '180 ms', 'pass'],
			['folder', '30 ms · 42 messages', 'pass'],
			['Show transcript', '2 lines, secrets redacted', 'transcript'],
		],
	);
	const tls = imap?.children[2];
	assert.match(tls?.tooltip ?? '', /subject: CN=outlook\.com/);
	assert.match(tls?.tooltip ?? '', /san: outlook\.office365\.com, \*\.outlook\.com/);
	assert.match(tls?.tooltip ?? '', /trusted: true/);
	assert.equal(smtp?.description, 'failed at auth: AUTH_FAILED');
	assert.equal(smtp?.expanded, true);
	// Every node carries its account, so "Test Connection" can run from any of them.
	assert.ok(find([account], (n) => n.uri !== URI || n.accountId !== 'scanner') === undefined);
	const ids = new Set<string>();
	const walk = (nodes: ReportNode[]) =>
		nodes.forEach((n) => {
			assert.ok(!ids.has(n.id), `duplicate id ${n.id}`);
			ids.add(n.id);
			walk(n.children);
		});
	walk([account]);
});

test('the failed stage carries the error, the server reply, the explanation and the walkthrough link', () => {
	const asked: string[] = [];
	const tree = buildReportTree([entry], 'en', (check) => {
		asked.push(check.protocol);
		return smtpAuthDisabled;
	});
	assert.deepEqual(asked, ['smtp'], 'only failed checks are explained');
	const auth = find(tree, (n) => n.kind === 'stage' && n.protocol === 'smtp' && n.label === 'auth');
	assert.ok(auth);
	assert.equal(auth.icon, 'fail');
	assert.match(auth.tooltip ?? '', /Server: 535 5\.7\.139/);
	assert.deepEqual(
		auth.children.map((n) => [n.kind, n.label]),
		[
			['error', 'AUTH_FAILED'],
			['serverResponse', 'Server reply'],
			['explanation', 'SMTP AUTH is switched off'],
			['walkthrough', 'Open walkthrough step'],
		],
	);
	const explanation = auth.children[2];
	assert.deepEqual(
		explanation?.children.map((n) => n.label),
		['1. Enable SMTP AUTH for the mailbox.', '2. Wait up to an hour.'],
	);
	assert.deepEqual(auth.children[3]?.walkthroughArgs, {
		guide: 'm365-enable-smtp-auth',
		step: 'mailbox',
		accountId: 'scanner',
		uri: URI,
	});
});

test('German labels, and a malformed walkthrough reference gives no link', () => {
	const tree = buildReportTree([entry], 'de', () => ({ ...smtpAuthDisabled, walkthrough: 'bad guide#x#y' }));
	assert.equal(tree[0]?.description, 'fehlgeschlagen · mailaccounts.json');
	assert.equal(tree[0]?.children[1]?.description, 'fehlgeschlagen bei auth: AUTH_FAILED');
	assert.equal(find(tree, (n) => n.kind === 'transcript')?.label, 'Mitschnitt anzeigen');
	assert.equal(find(tree, (n) => n.kind === 'serverResponse')?.label, 'Serverantwort');
	assert.equal(
		find(tree, (n) => n.kind === 'walkthrough'),
		undefined,
	);
});

test('a check that failed before any stage ran shows its error on the check itself', () => {
	const configOnly: AccountReport = {
		id: 'broken',
		checks: [
			{
				protocol: 'oauth2',
				ok: false,
				error: { code: 'CONFIG', message: 'The account configuration is incomplete for this test.' },
				stages: [],
				transcript: [],
			},
		],
	};
	const [account] = buildReportTree(
		[{ uri: URI, fileLabel: 'x.json', report: configOnly, lang: 'en' }],
		'en',
		() => undefined,
	);
	const check = account?.children[0];
	assert.equal(check?.label, 'OAuth2');
	assert.equal(check?.description, 'failed: CONFIG');
	assert.deepEqual(
		check?.children.map((n) => [n.kind, n.label]),
		[['error', 'CONFIG']],
	);
});

test('reportPassed needs at least one check and every check ok', () => {
	assert.equal(reportPassed(report), false);
	assert.equal(reportPassed({ id: 'x', checks: [] }), false);
	assert.equal(reportPassed({ id: 'x', checks: report.checks.slice(0, 1) }), true);
	const [empty] = buildReportTree(
		[{ uri: URI, fileLabel: 'x.json', report: { id: 'x', checks: [] }, lang: 'en' }],
		'en',
		() => undefined,
	);
	assert.equal(empty?.icon, 'info');
	assert.equal(empty?.description, 'nothing to test · x.json');
});

test('a report from an English test shows in German after a language switch, the server’s reply unchanged', () => {
	const english: AccountReport = {
		id: 'scanner',
		checks: [
			{
				protocol: 'smtp',
				ok: false,
				failedStage: 'auth',
				error: { code: 'AUTH_FAILED', message: 'The server rejected the login.', serverResponse: '535 5.7.3' },
				stages: [{ name: 'auth', ok: false, ms: 4 }],
				transcript: [],
			},
		],
	};
	const [account] = buildReportTree(
		[{ uri: URI, fileLabel: 'x.json', report: english, lang: 'en' }],
		'de',
		() => undefined,
	);
	const nodes = account?.children[0]?.children[0]?.children ?? [];
	assert.equal(nodes.find((n) => n.kind === 'error')?.description, PROBE_ERRORS.AUTH_FAILED.de);
	assert.equal(nodes.find((n) => n.kind === 'serverResponse')?.description, '535 5.7.3');
	assert.equal(reportInLang(english, 'en', 'en'), english, 'same language: the report as it was');
});
