import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explain, explainCheck } from '../../../../src/core/explain/match';
import type { ExplainContext } from '../../../../src/core/explain/types';
import type { ProbeCheck } from '../../../../src/core/probes/result';
import { NEAR_MISSES, REAL_WORLD_LINES } from '../../../fixtures/error-lines/real-world';

function ids(text: string, ctx: Omit<ExplainContext, 'lang'> = {}): string[] {
	return explain(text, { lang: 'en', ...ctx }).map((match) => match.id);
}

test('real-world lines: the expected cause is the best match', () => {
	const failures: string[] = [];
	for (const { id, line, source, context } of REAL_WORLD_LINES) {
		const found = ids(line, context);
		if (found[0] !== id) failures.push(`${source}\n  expected ${id}, got [${found.join(', ')}]\n  ${line}`);
	}
	assert.deepEqual(failures, []);
});

test('near misses: the look-alike cause is not offered at all', () => {
	for (const { line, expected, mustNotInclude, context, source } of NEAR_MISSES) {
		const found = ids(line, context);
		assert.equal(found[0], expected, `${source}: ${found.join(', ')}`);
		for (const wrong of mustNotInclude) assert.ok(!found.includes(wrong), `${source}: offered ${wrong}`);
	}
});

test('English and German return the same causes in the same order with the same confidence', () => {
	for (const { line, context } of REAL_WORLD_LINES) {
		const en = explain(line, { lang: 'en', ...context });
		const de = explain(line, { lang: 'de', ...context });
		assert.deepEqual(
			de.map((m) => [m.id, m.confidence]),
			en.map((m) => [m.id, m.confidence]),
		);
		if (en[0] && de[0]) assert.notEqual(de[0].cause, en[0].cause, 'German text expected');
	}
});

test('context disambiguates 535 5.7.3 on Exchange Online', () => {
	const line = '535 5.7.3 Authentication unsuccessful [BN3PR03CA0067.namprd03.prod.outlook.com]';
	const cases: [Omit<ExplainContext, 'lang'>, string][] = [
		[{ auth: 'oauth2', provider: 'microsoft365' }, 'oauth-token-rejected'],
		[{ auth: 'oauth2' }, 'oauth-token-rejected'],
		[{ auth: 'app-password', provider: 'microsoft365' }, 'basic-auth-blocked'],
		[{ auth: 'password', provider: 'microsoft365' }, 'invalid-credentials'],
	];
	for (const [ctx, expected] of cases) assert.equal(ids(line, ctx)[0], expected, JSON.stringify(ctx));
	// With a password on Exchange, the other Basic-auth causes stay on the list as alternatives.
	assert.ok(ids(line, { auth: 'password', provider: 'microsoft365' }).includes('basic-auth-blocked'));
	assert.ok(!ids(line, { auth: 'oauth2' }).includes('invalid-credentials'));
});

test('MFA AADSTS codes: an enrolment demand is not an MFA prompt', () => {
	// Wording of https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes for each code.
	const cases: [string, string][] = [
		[
			'AADSTS50072: UserStrongAuthEnrollmentRequiredInterrupt - User needs to enroll for second factor authentication (interactive).',
			'mfa-registration-required',
		],
		[
			'AADSTS50079: UserStrongAuthEnrollmentRequired - User is required to use multifactor authentication.',
			'mfa-registration-required',
		],
		[
			'AADSTS50074: UserStrongAuthClientAuthNRequiredInterrupt - Strong authentication is required and the user did not pass the MFA challenge.',
			'mfa-required',
		],
	];
	for (const [line, expected] of cases) {
		const found = ids(line);
		assert.equal(found[0], expected, line);
		assert.ok(!found.includes(expected === 'mfa-required' ? 'mfa-registration-required' : 'mfa-required'), line);
	}
});

test('AADSTS700023 (scope without a resource) is a scope problem, not a client credential', () => {
	// Wording of https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes.
	const line =
		"AADSTS700023: InvalidResourcelessScope - The provided value for the input parameter scope isn't valid when request an access token.";
	const found = ids(line);
	assert.equal(found[0], 'invalid-scope');
	assert.ok(!found.includes('invalid-client-secret'));
});

test('context disambiguates IMAP and Gmail replies by auth method', () => {
	assert.equal(ids('2 NO AUTHENTICATE failed.', { auth: 'oauth2' })[0], 'oauth-token-rejected');
	assert.equal(
		ids('2 NO AUTHENTICATE failed.', { auth: 'password', provider: 'microsoft365' })[0],
		'basic-auth-blocked',
	);
	const gmail = '535-5.7.8 Username and Password not accepted. For more information, go to';
	assert.equal(ids(gmail, { auth: 'app-password' })[0], 'invalid-credentials');
	assert.equal(ids(gmail, { auth: 'oauth2', provider: 'gmail' })[0], 'oauth-token-rejected');
	// A greeting timeout is a TLS mode problem, a connect timeout is the network.
	assert.equal(ids("code: 'ETIMEDOUT'", { stage: 'greeting' })[0], 'tls-mode-mismatch');
	assert.equal(ids("code: 'ETIMEDOUT'", { stage: 'tcp' })[0], 'connection-timeout');
});

test('a multi-line log excerpt yields every recognised cause once, with its line', () => {
	const log = [
		'[2024-05-01 10:00:00] INFO  connecting to smtp.office365.com:587',
		'[2024-05-01 10:00:01] ERROR connect ECONNREFUSED 10.0.0.1:587',
		'[2024-05-01 10:05:00] ERROR Invalid login: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
		'[2024-05-01 10:06:00] ERROR Invalid login: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
		'[2024-05-01 10:07:00] DEBUG nothing to see here',
	].join('\r\n');
	const matches = explain(log, { lang: 'en' });
	assert.deepEqual(
		matches.map((m) => [m.id, m.line]),
		[
			['smtp-auth-disabled', 2],
			['connection-refused', 1],
		],
	);
	assert.match(matches[0]?.matchedText ?? '', /^\[2024-05-01 10:05:00\] ERROR/);
});

test('text without a known error gives no match; numbers that only look like codes are ignored', () => {
	for (const text of [
		'',
		'Everything went fine, 250 messages imported.',
		'Connected to 10.5.7.3 on port 587',
		'* OK The Microsoft Exchange IMAP4 service is ready.',
		'The quick brown fox. NO comment.',
	]) {
		assert.deepEqual(ids(text), [], text);
	}
});

test('explanations carry localized texts, fix steps, the walkthrough for the provider and sources', () => {
	const [en] = explain(
		'NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833',
		{
			lang: 'en',
			provider: 'gmail',
		},
	);
	const [de] = explain('NO [ALERT] Application-specific password required', { lang: 'de', provider: 'microsoft365' });
	assert.equal(en?.id, 'app-password-required');
	assert.equal(en?.walkthrough, 'gmail-app-password#create');
	assert.equal(de?.walkthrough, 'm365-create-app-password');
	assert.match(de?.title ?? '', /App-Kennwort/);
	assert.ok((en?.fix.length ?? 0) > 1 && (en?.sources.length ?? 0) > 0);
	assert.ok((en?.confidence ?? 0) > 0.5 && (en?.confidence ?? 1) <= 0.99);
});

test('long and many lines stay fast', () => {
	const line = `S: ${'A'.repeat(20_000)} 535 5.7.139 Authentication unsuccessful, basic authentication is disabled.`;
	const log = Array.from({ length: 5_000 }, (_, i) => `line ${i}: connect ETIMEDOUT 10.0.0.${i % 250}:993`).join('\n');
	const started = performance.now();
	explain(line, { lang: 'en' });
	const matches = explain(log, { lang: 'en' });
	assert.ok(performance.now() - started < 2_000, 'matching took too long');
	assert.deepEqual(
		matches.map((m) => m.id),
		['connection-timeout'],
	);
});

function failedCheck(partial: Partial<ProbeCheck>): ProbeCheck {
	return { protocol: 'smtp', ok: false, stages: [], transcript: [], ...partial };
}

test('explainCheck uses the server reply, the failed stage and the probe error code', () => {
	const fromReply = explainCheck(
		failedCheck({
			failedStage: 'auth',
			error: {
				code: 'AUTH_FAILED',
				message: 'The server rejected the login.',
				serverResponse: '535 5.7.3 Authentication unsuccessful [AM0PR02CA0001.eurprd02.prod.outlook.com]',
			},
		}),
		{ lang: 'en', provider: 'microsoft365', auth: 'oauth2' },
	);
	assert.equal(fromReply[0]?.id, 'oauth-token-rejected');

	// No reply recorded: the last server line of the transcript is used.
	const fromTranscript = explainCheck(
		failedCheck({
			protocol: 'imap',
			failedStage: 'folder',
			error: { code: 'PROTOCOL', message: 'The server answered in an unexpected way.' },
			transcript: ['C: 3 SELECT INBOX', 'S: 3 BAD User is authenticated but not connected.', '* closing'],
		}),
		{ lang: 'de', provider: 'microsoft365', auth: 'oauth2' },
	);
	assert.equal(fromTranscript[0]?.id, 'mailbox-permission-missing');

	// Nothing the server said: the probe code and stage alone still point somewhere, less confidently.
	const fromCode = explainCheck(
		failedCheck({ failedStage: 'tcp', error: { code: 'TIMEOUT', message: 'The server did not answer in time.' } }),
		{ lang: 'en' },
	);
	assert.equal(fromCode[0]?.id, 'connection-timeout');
	assert.equal(fromCode[0]?.matchedText, '');
	assert.ok((fromCode[0]?.confidence ?? 1) < 0.6);

	const greeting = explainCheck(
		failedCheck({ failedStage: 'greeting', error: { code: 'TLS_MODE_MISMATCH', message: 'x' } }),
		{ lang: 'en' },
	);
	assert.equal(greeting[0]?.id, 'tls-mode-mismatch');

	assert.deepEqual(explainCheck({ protocol: 'imap', ok: true, stages: [], transcript: [] }, { lang: 'en' }), []);
});
