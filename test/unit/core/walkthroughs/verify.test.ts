import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AccountReport, ProbeCheck, StageName } from '../../../../src/core/probes/result';
import type { VerifyProtocol } from '../../../../src/core/walkthroughs/types';
import { evaluateVerify, isAccountReport } from '../../../../src/core/walkthroughs/verify';

function check(
	protocol: ProbeCheck['protocol'],
	stages: [StageName, boolean][],
	extra: Partial<ProbeCheck> = {},
): ProbeCheck {
	const ok = stages.every(([, passed]) => passed);
	return {
		protocol,
		ok,
		stages: stages.map(([name, passed]) => ({ name, ok: passed, ms: 1 })),
		transcript: [],
		...(ok ? {} : { failedStage: stages.find(([, passed]) => !passed)?.[0] }),
		...extra,
	};
}

const imapOk = check('imap', [
	['dns', true],
	['tls', true],
	['auth', true],
	['folder', true],
]);
const smtpAuthDisabled = check(
	'smtp',
	[
		['dns', true],
		['starttls', true],
		['auth', false],
	],
	{
		error: {
			code: 'AUTH_FAILED',
			message: 'The server rejected the login.',
			serverResponse: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
		},
	},
);
const smtpOk = check('smtp', [
	['dns', true],
	['starttls', true],
	['auth', true],
]);
const imapTokenOkLoginFails = check(
	'imap',
	[
		['token', true],
		['tls', true],
		['auth', false],
	],
	{
		error: {
			code: 'AUTH_FAILED',
			message: 'The server rejected the login.',
			serverResponse: 'NO AUTHENTICATE failed.',
		},
	},
);
const imapTokenFails = check('imap', [['token', false]], {
	error: { code: 'OAUTH_TOKEN', message: 'No access token could be obtained.' },
});

describe('evaluateVerify', () => {
	const cases: [string, ProbeCheck[], VerifyProtocol, 'passed' | 'failed' | 'notTested'][] = [
		['imap step, imap ok, smtp failing', [imapOk, smtpAuthDisabled], 'imap', 'passed'],
		['smtp step, smtp failing', [imapOk, smtpAuthDisabled], 'smtp', 'failed'],
		['smtp step, smtp ok', [imapOk, smtpOk], 'smtp', 'passed'],
		['any step needs every check', [imapOk, smtpAuthDisabled], 'any', 'failed'],
		['any step, all ok', [imapOk, smtpOk], 'any', 'passed'],
		['smtp step, account without smtp', [imapOk], 'smtp', 'notTested'],
		['any step, empty report', [], 'any', 'notTested'],
		['oauth2 step, token issued but IMAP login refused', [imapTokenOkLoginFails], 'oauth2', 'passed'],
		['oauth2 step, token refused', [imapTokenFails], 'oauth2', 'failed'],
		['oauth2 step, password account', [imapOk], 'oauth2', 'notTested'],
		[
			'oauth2 step, dedicated oauth2 check ok',
			[
				check('oauth2', [
					['authority', true],
					['token', true],
				]),
			],
			'oauth2',
			'passed',
		],
	];
	for (const [name, checks, protocol, outcome] of cases) {
		test(name, () => {
			assert.equal(evaluateVerify({ id: 'a', checks }, protocol, 'en').outcome, outcome);
		});
	}

	test('failure details name protocol, stage, message and the server reply, in the chosen language', () => {
		const result = evaluateVerify({ id: 'a', checks: [smtpAuthDisabled] }, 'smtp', 'en');
		assert.deepEqual(result.details, [
			'SMTP (auth): The server rejected the login. Server: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
		]);
		const bare = check('imap', [['tls', false]]);
		assert.deepEqual(evaluateVerify({ id: 'a', checks: [bare] }, 'imap', 'de').details, ['IMAP (tls): fehlgeschlagen']);
	});
});

describe('isAccountReport', () => {
	const report: AccountReport = { id: 'a', checks: [imapOk] };
	const cases: [string, unknown, boolean][] = [
		['a real report', report, true],
		['empty checks', { id: 'a', checks: [] }, true],
		['undefined', undefined, false],
		['a string', 'ok', false],
		['no id', { checks: [] }, false],
		['checks not an array', { id: 'a', checks: {} }, false],
		['a check without stages', { id: 'a', checks: [{ protocol: 'imap', ok: true }] }, false],
		['a check with ok as string', { id: 'a', checks: [{ protocol: 'imap', ok: 'yes', stages: [] }] }, false],
	];
	for (const [name, value, expected] of cases) test(name, () => assert.equal(isAccountReport(value), expected));
});
