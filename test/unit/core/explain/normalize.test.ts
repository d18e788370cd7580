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
