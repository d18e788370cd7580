import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeLine } from '../../../../src/core/explain/normalize';

// Wrappers as they occur in the real-world table (sources there); the meaningful words must survive unchanged.
const CASES: [raw: string, kept: string, gone: readonly string[]][] = [
	[
		'Mar 31 09:09:30 538f84b25f17 postfix/smtp[101]: warning: SASL authentication failure: No worthy mechs found',
		'warning: SASL authentication failure: No worthy mechs found',
		['postfix/smtp[101]', '09:09:30'],
	],
	[
		"smtplib.SMTPAuthenticationError: (534, b'5.7.9 Application-specific password required.')",
		"(534, '5.7.9 Application-specific password required.')",
		['smtplib', "b'"],
	],
	[
		'{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.\\r\\nTrace ID: 6bad8289-db4a-49da-8609-0848d8d71700\\r\\nCorrelation ID: 63b8bb61-5ca6-4ae3-8224-15a4de11cd87"}',
		'AADSTS7000215: Invalid client secret provided.',
		['error_description', 'Trace ID', '6bad8289', '\\r\\n'],
	],
	[
		'  "message": "\\"{\\\\n  \\\\\\"message\\\\\\": \\\\\\"AADSTS500571: The guest user account is disabled.\\\\\\\\r\\\\\\\\nTrace ID: 3333c240-b7e4-4a1a-abdd-9cd827641200',
		'AADSTS500571: The guest user account is disabled.',
		['\\\\', '3333c240'],
	],
	[
		'<?xml version="1.0" encoding="UTF-8"?> <error> <name>Net::SMTPServerBusy</name> <message>454 Throttling failure: Daily message quota exceeded. </message> </error>',
		'454 Throttling failure: Daily message quota exceeded.',
		['<message>', '</error>'],
	],
	[
		'ERROR: Unhandled exception: <b>error</b>:[AUTHENTICATIONFAILED] Invalid credentials (Failure)',
		'[AUTHENTICATIONFAILED] Invalid credentials (Failure)',
		['<b>'],
	],
	[
		'Application with identifier &lt;GUID&gt; was not found in the directory',
		'was not found in the directory',
		['&lt;'],
	],
	[
		'javax.mail.AuthenticationFailedException: 535 5.7.139 Authentication unsuccessful, basic authentication is disabled.',
		'535 5.7.139 Authentication unsuccessful, basic authentication is disabled.',
		['javax.mail'],
	],
];

test('normalizeLine peels log prefixes, exception names, escapes, JSON/XML/HTML wrappers and trace ids', () => {
	for (const [raw, kept, gone] of CASES) {
		const { text } = normalizeLine(raw);
		assert.ok(text.includes(kept), `${raw}\n  -> ${text}`);
		for (const piece of gone) assert.ok(!text.includes(piece), `${piece} left in ${text}`);
	}
});

test('the host names and mechanisms a line names become provider and sign-in hints', () => {
	assert.equal(
		normalizeLine('535 5.7.3 Authentication unsuccessful [BN3PR03CA0067.namprd03.prod.outlook.com]').provider,
		'microsoft365',
	);
	assert.equal(
		normalizeLine('454 4.7.0 Too many login attempts, please try again later. x.3 - gsmtp').provider,
		'gmail',
	);
	assert.equal(normalizeLine('C: A1 AUTHENTICATE XOAUTH2 dXNlcj1...').auth, 'oauth2');
	assert.deepEqual(normalizeLine('550 5.1.1 no such user'), { text: '550 5.1.1 no such user' });
});

// What the matcher sees for each kind of wrapper, exactly: a wrapper that is not peeled off hides the words the
// catalog rules look for, and peeling too much (a path, a version number) loses them.
const EXACT: [raw: string, text: string][] = [
	[
		'Error: &lt;b&gt;Invalid&lt;/b&gt; &amp; &quot;quoted&quot; &apos;a&apos; x&nbsp;y &#39;s&#39; &#34;d&#34; &copy;',
		'Error: Invalid & "quoted" \'a\' x y \'s\' "d" &copy;',
	],
	['line one\\r\\nline two\\tTabbed\\\\\\\\r\\\\\\\\nthree', 'line one line two Tabbed three'],
	[
		'Could not open C:\\temp\\mail\\inbox.log: 535 Authentication failed',
		'Could not open C:\\temp\\mail\\inbox.log: 535 Authentication failed',
	],
	[
		'He said \\"no\\" and \\\'yes\\\' at https:\\/\\/login.example',
		'He said "no" and \'yes\' at https://login.example',
	],
	[
		'<html><body><h1 class="x">535 5.7.8</h1><br/>Username and Password not accepted</body></html>',
		'535 5.7.8 Username and Password not accepted',
	],
	["b'535 5.7.8 bad' (b'x') [b\"y\"] {b'z'} =b'u' web'", "'535 5.7.8 bad' ('x') [\"y\"] {'z'} ='u' web'"],
	[`{"error": "invalid_grant", 'error_codes': [50076], "timestamp": "x"}`, '{ "invalid_grant", [50076], "x"}'],
	[
		'Trace ID: 0a1b2c3d-1111-2222-3333-444455556666 Correlation ID 0A1B2C3D-1111-2222-3333-444455556666 Request Id: x Client request ID: y',
		'x y',
	],
	['2024-05-01T10:00:00Z 2024-05-01 10:00:00,123 2024-05-01T10:00:00.5+02:00 2024-05-01T10:00:00-0700 done', 'done'],
	['Mar 31 09:09:30 host sendmail: Dec  3 23:59:59 and 9:05:01.123 and 10:00:00,5', 'host sendmail: and and'],
	['RequestId: 0a1b2c3d-1111-2222-3333-444455556666 failed at 9:05:01 today', 'failed at today'],
	['connect to 10.0.0.1:587 and 192.168.1.20 failed, version 1.2.3', 'connect to and failed, version 1.2.3'],
	['postfix/smtp[101]: dovecot: auth-worker(7520): imap-login[42]: x', 'dovecot: x'],
	[
		'javax.mail.AuthenticationFailedException: a MsalServiceException b smtplib.SMTPAuthenticationError: c d',
		'a b c d',
	],
	['  lots   of\t\tspace  ', 'lots of space'],
	['broken↵line', 'broken line'],
];

test('normalizeLine gives exactly the words that matter for each kind of wrapper', () => {
	for (const [raw, text] of EXACT) assert.equal(normalizeLine(raw).text, text, raw);
});

test('provider and sign-in hints for each provider; look-alike host names give none', () => {
	const providers: [string, string | undefined][] = [
		['hotmail.com', 'outlook-com'],
		['Invalid login for user@hotmail.com', 'outlook-com'],
		['smtp-mail.outlook.com', 'outlook-com'],
		['imap-mail.outlook.com', 'outlook-com'],
		['mail.outlook.com.evil.example', undefined],
		['x.live.com', undefined],
		['contoso.onmicrosoft.com', 'microsoft365'],
		['AADSTS50076', 'microsoft365'],
		['login.microsoftonline.com', 'microsoft365'],
		['smtp.gmail.com', 'gmail'],
		['support.google.com/accounts/answer/185833', 'gmail'],
		['imap.mail.yahoo.com', 'yahoo'],
		['alice@yahoo.com', 'yahoo'],
		['mail.gmx.net', 'gmx'],
		['smtp.web.de', 'web-de'],
	];
	for (const [line, provider] of providers) assert.equal(normalizeLine(line).provider, provider, line);
	const auth: [string, string | undefined][] = [
		['AUTH XOAUTH2', 'oauth2'],
		['OAUTHBEARER', 'oauth2'],
		['Authorization: Bearer', 'oauth2'],
		['invalid access token', 'oauth2'],
		['access_token expired', 'oauth2'],
		['Application-specific password required', 'app-password'],
		['create an app password', 'app-password'],
		['App Passwords', 'app-password'],
		['password incorrect', undefined],
	];
	for (const [line, method] of auth) assert.equal(normalizeLine(line).auth, method, line);
});

test('hints do not depend on case: servers, libraries and people write the same names in any case', () => {
	// `AUTHENTICATE xoauth2` typed by hand, `SMTP.Office365.com` from a config, "Invalid Access Token" in a title.
	const lines = [
		'AUTH XOAUTH2',
		'AUTHENTICATE OAUTHBEARER',
		'Authorization: Bearer eyJ0',
		'invalid access token',
		'access_token expired',
		'Application-specific password required',
		'BN3PR03CA0067.namprd03.prod.outlook.com',
		'smtp.office365.com',
		'login.microsoftonline.com',
		'hotmail.com',
		'smtp.gmail.com',
		'alice@yahoo.com',
		'mail.gmx.net',
		'smtp.web.de',
	];
	for (const line of lines) {
		const { provider, auth } = normalizeLine(line);
		assert.ok(provider ?? auth, `${line}: no hint at all`);
		for (const variant of [line.toUpperCase(), line.toLowerCase()]) {
			const hinted = normalizeLine(variant);
			assert.deepEqual([hinted.provider, hinted.auth], [provider, auth], variant);
		}
	}
});
