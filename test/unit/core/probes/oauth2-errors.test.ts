/** msal errors as msal-node 7.2.3 throws them (shapes from mail-facts §6.3 and observed runs). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mapMsalError, networkFailure, scrub } from '../../../../src/core/probes/oauth2-errors';

const SECRET = 'Xy7~secret.value';

test('msal error table', () => {
	const table: { name: string; error: unknown; code: string; message: RegExp; serverResponse?: RegExp }[] = [
		{
			name: 'ServerError with AADSTS in msal\'s "Error(s): … Description:" text',
			error: {
				name: 'ServerError',
				errorCode: 'invalid_client',
				status: 401,
				errorMessage: `Error(s): 7000215 - Timestamp: 2026-11-23 10:00:00Z - Description: AADSTS7000215: Invalid client secret provided. Trace ID: t Correlation ID: c Timestamp: 2026-11-23 10:00:00Z - Correlation ID: c - Trace ID: t`,
			},
			code: 'OAUTH_TOKEN',
			message: /rejected the app credentials.*\(AADSTS7000215\)/,
			serverResponse: /^invalid_client: AADSTS7000215: Invalid client secret provided\./,
		},
		{
			name: 'consent missing',
			error: {
				name: 'InteractionRequiredAuthError',
				errorCode: 'invalid_grant',
				subError: 'consent_required',
				errorMessage: 'AADSTS65001: The user or administrator has not consented to use the application.',
			},
			code: 'OAUTH_TOKEN',
			message: /needs user interaction.*AADSTS65001/,
			serverResponse: /AADSTS65001/,
		},
		{
			name: 'device code polling cancelled',
			error: { name: 'ClientAuthError', errorCode: 'device_code_polling_cancelled' },
			code: 'CANCELLED',
			message: /canceled/,
		},
		{
			name: 'device code expired',
			error: { name: 'ClientAuthError', errorCode: 'device_code_expired' },
			code: 'OAUTH_TOKEN',
			message: /device code expired/,
		},
		{
			name: 'fetch failed on a refused connection',
			error: {
				name: 'AuthError',
				errorCode: 'network_error',
				errorMessage:
					'Network request failed: fetch failed, additionalErrorInfo: error.name:TypeError, error.message:fetch failed, cause: connect ECONNREFUSED 127.0.0.1:443',
			},
			code: 'CONNECTION_REFUSED',
			message: /could not be reached/,
		},
		{
			name: 'discovery failed with the cause hidden',
			error: {
				name: 'ClientAuthError',
				errorCode: 'endpoints_resolution_error',
				errorMessage: 'See https://aka.ms/msaljs/common/errors#endpoints_resolution_error for details',
			},
			code: 'OAUTH_TOKEN',
			message: /could not be reached \(endpoints_resolution_error\)/,
		},
		{
			name: 'invalid certificate key',
			error: {
				name: 'ClientConfigurationError',
				errorCode: 'invalid_client_credential',
				errorMessage: 'See https://aka.ms/msaljs/common/errors',
			},
			code: 'CONFIG',
			message: /rejected before any request \(invalid_client_credential\)/,
		},
		{
			// what the probe's msal wrapper throws when a token response carries no access token
			name: 'a token response without an access token',
			error: Object.assign(new Error('empty'), { errorCode: 'empty_token' }),
			code: 'OAUTH_TOKEN',
			message: /^The sign-in service returned no access token\.$/,
		},
		{
			// an AADSTS code marks a reply of the service even where msal's error class does not say so
			name: 'AADSTS text in an error that is not a ServerError',
			error: {
				name: 'ClientAuthError',
				errorCode: 'invalid_grant',
				errorMessage: 'AADSTS50126: Error validating credentials due to invalid username or password.',
			},
			code: 'OAUTH_TOKEN',
			message: /AADSTS50126/,
			serverResponse:
				/^invalid_grant: AADSTS50126: Error validating credentials due to invalid username or password\.$/,
		},
		{
			name: 'a ServerError without a description is quoted by its code alone',
			error: { name: 'ServerError', errorCode: 'access_denied', errorMessage: '' },
			code: 'OAUTH_TOKEN',
			message: /\(access_denied\)/,
			serverResponse: /^access_denied$/,
		},
		{ name: 'plain Error', error: new Error('something odd'), code: 'OAUTH_TOKEN', message: /something odd/ },
	];
	for (const row of table) {
		const mapped = mapMsalError(row.error, 'en', [SECRET]);
		assert.equal(mapped.code, row.code, row.name);
		assert.match(mapped.message, row.message, row.name);
		if (row.serverResponse) assert.match(mapped.serverResponse ?? '', row.serverResponse, row.name);
	}
});

test('secrets and tokens are scrubbed from server text', () => {
	const echoed = `invalid_request: client_secret=${SECRET} Authorization: Bearer abc.def token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.sig`;
	const clean = scrub(echoed, [SECRET]);
	assert.ok(!clean.includes(SECRET));
	assert.ok(!clean.includes('abc.def'));
	assert.ok(!clean.includes('eyJhbGciOiJSUzI1NiJ9'));
});

test('network causes', () => {
	const table: [unknown, string | undefined][] = [
		[
			Object.assign(new Error('getaddrinfo ENOTFOUND login.microsoftonline.test'), { code: 'ENOTFOUND' }),
			'DNS_NOT_FOUND',
		],
		[
			Object.assign(new Error('self-signed certificate in certificate chain'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' }),
			'TLS_CERT_INVALID',
		],
		[Object.assign(new Error('Request timed out'), { code: 'ETIMEDOUT' }), 'TIMEOUT'],
		[new Error('socket hang up'), 'CONNECTION_CLOSED'],
		[new Error('HTTP 500'), undefined],
	];
	for (const [error, code] of table) assert.equal(networkFailure(error)?.code, code, String(error));
});

test('a JWT echoed by the server is replaced by a visible *** so the report still shows that something was there', () => {
	// a server or proxy that echoes the rejected client assertion (a JWT): the user should see where it was
	const jwt = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJodHRwczovL2xvZ2luIn0.c2lnbmF0dXJl';
	assert.equal(
		scrub(`invalid_client: AADSTS700027: Client assertion ${jwt} failed signature validation.`, []),
		'invalid_client: AADSTS700027: Client assertion *** failed signature validation.',
	);
});

test('msal device-code timeout is a TIMEOUT of the token stage, in words, without a made-up number', () => {
	// @azure/msal-node ClientAuthError when the user never finished signing in at the device-code page; msal logs the
	// seconds but its error carries only this message.
	const error = Object.assign(
		new Error('user_timeout_reached: User defined timeout for device code polling reached.'),
		{
			name: 'ClientAuthError',
			errorCode: 'user_timeout_reached',
			errorMessage: 'User defined timeout for device code polling reached.',
		},
	);
	assert.deepEqual(mapMsalError(error, 'en', []), {
		code: 'TIMEOUT',
		message: 'The device sign-in was not completed within the time the token stage allows.',
	});
	assert.equal(
		mapMsalError(error, 'de', []).message,
		'Die Geräteanmeldung wurde nicht innerhalb der Zeit abgeschlossen, die die Token-Stufe erlaubt.',
	);
});

test('the network cause is the error chain in one clean line: code, message, then the cause', () => {
	// undici's fetch: TypeError('fetch failed') whose cause is Node's getaddrinfo error
	const dns = Object.assign(new Error('getaddrinfo ENOTFOUND login.microsoftonline.invalid'), {
		code: 'ENOTFOUND',
		errno: -3008,
		syscall: 'getaddrinfo',
		hostname: 'login.microsoftonline.invalid',
	});
	assert.deepEqual(networkFailure(new TypeError('fetch failed', { cause: dns })), {
		code: 'DNS_NOT_FOUND',
		cause: 'fetch failed ENOTFOUND getaddrinfo ENOTFOUND login.microsoftonline.invalid',
	});
	assert.deepEqual(networkFailure(new Error('socket hang up')), { code: 'CONNECTION_CLOSED', cause: 'socket hang up' });
});
