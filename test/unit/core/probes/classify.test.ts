import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ProbeFailure, classifyError } from '../../../../src/core/probes/classify';
import type { StageName } from '../../../../src/core/probes/result';

// Error objects shaped exactly as imapflow 2.10.2, nodemailer 10.6.0 and Node 20 produce them (mail-facts §5.3 and
// test-servers §1.4/§2.2, recorded against loopback servers and Dovecot).
const cases: { name: string; stage: StageName; error: unknown; code: string; serverResponse?: string }[] = [
	{
		name: 'imapflow I1: TLS to a plaintext port',
		stage: 'tls',
		error: Object.assign(new Error('C0B7:error:0A00010B:SSL routines:ssl3_get_record:wrong version number'), {
			code: 'ERR_SSL_WRONG_VERSION_NUMBER',
			library: 'SSL routines',
			reason: 'wrong version number',
		}),
		code: 'TLS_MODE_MISMATCH',
	},
	{
		name: 'OpenSSL 3.2 wording: packet length too long',
		stage: 'tls',
		error: Object.assign(new Error('error:0A0000C6:SSL routines:tls_get_more_records:packet length too long'), {
			code: 'ERR_SSL_PACKET_LENGTH_TOO_LONG',
		}),
		code: 'TLS_MODE_MISMATCH',
	},
	{
		name: 'imapflow I2: greeting timeout',
		stage: 'auth',
		error: Object.assign(new Error('Failed to receive greeting from server in required time. Maybe should use TLS?'), {
			code: 'GREETING_TIMEOUT',
		}),
		code: 'TIMEOUT',
	},
	{
		name: 'I3 refused',
		stage: 'tcp',
		error: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:993'), {
			code: 'ECONNREFUSED',
			errno: -111,
			syscall: 'connect',
		}),
		code: 'CONNECTION_REFUSED',
	},
	{
		name: 'I4 unknown host',
		stage: 'dns',
		error: Object.assign(new Error('getaddrinfo ENOTFOUND x'), { code: 'ENOTFOUND' }),
		code: 'DNS_NOT_FOUND',
	},
	{
		name: 'no DNS at all',
		stage: 'dns',
		error: Object.assign(new Error('getaddrinfo EAI_AGAIN x'), { code: 'EAI_AGAIN' }),
		code: 'DNS_NOT_FOUND',
	},
	{
		name: 'I5 self-signed',
		stage: 'auth',
		error: Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
		code: 'TLS_CERT_INVALID',
	},
	{
		name: 'I7 expired',
		stage: 'auth',
		error: Object.assign(new Error('certificate has expired'), { code: 'CERT_HAS_EXPIRED' }),
		code: 'TLS_CERT_INVALID',
	},
	{
		name: 'Dovecot untrusted chain',
		stage: 'auth',
		error: Object.assign(new Error('unable to verify the first certificate'), {
			code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
		}),
		code: 'TLS_CERT_INVALID',
	},
	{
		name: 'I8 LOGINDISABLED',
		stage: 'auth',
		error: Object.assign(new Error('Login is disabled'), { authenticationFailed: true }),
		code: 'AUTH_MECHANISM_UNSUPPORTED',
	},
	{
		name: 'I9 NO [AUTHENTICATIONFAILED]',
		stage: 'auth',
		error: Object.assign(new Error('Command failed'), {
			authenticationFailed: true,
			serverResponseCode: 'AUTHENTICATIONFAILED',
			responseStatus: 'NO',
			responseText: 'Invalid credentials (Failure)',
			response: '2 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)',
		}),
		code: 'AUTH_FAILED',
		serverResponse: 'NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)',
	},
	{
		name: 'I10 Exchange NO AUTHENTICATE failed.',
		stage: 'auth',
		error: Object.assign(new Error('Command failed'), {
			authenticationFailed: true,
			response: '3 NO AUTHENTICATE failed.',
		}),
		code: 'AUTH_FAILED',
		serverResponse: 'NO AUTHENTICATE failed.',
	},
	{
		name: 'I11 authenticated but not connected',
		stage: 'auth',
		error: Object.assign(new Error('Authentication failed'), {
			authenticationFailed: true,
			response: 'User is authenticated but not connected.',
		}),
		code: 'AUTH_FAILED',
		serverResponse: 'BAD User is authenticated but not connected.',
	},
	{
		name: 'I14 STARTTLS missing (imapflow)',
		stage: 'auth',
		error: Object.assign(new Error('Server does not support STARTTLS'), { tlsFailed: true }),
		code: 'STARTTLS_UNAVAILABLE',
	},
	{
		name: 'Exchange IMAP throttling',
		stage: 'folder',
		error: Object.assign(new Error('Command failed'), {
			code: 'ETHROTTLE',
			response: '5 BAD Request is throttled. Suggested Backoff Time: 2000 milliseconds',
		}),
		code: 'THROTTLED',
	},
	{
		name: 'imapflow NotFound from STATUS',
		stage: 'folder',
		error: Object.assign(new Error("Mailbox doesn't exist: Import"), {
			code: 'NotFound',
			response: { responseStatus: 'NO', responseText: 'Mailbox does not exist', serverResponseCode: 'NONEXISTENT' },
		}),
		code: 'FOLDER_NOT_FOUND',
		serverResponse: 'NO [NONEXISTENT] Mailbox does not exist',
	},
	{
		name: 'N1 nodemailer TLS to 587',
		stage: 'auth',
		error: Object.assign(new Error('ssl3_get_record:wrong version number'), {
			code: 'ESOCKET',
			originalCode: 'ERR_SSL_WRONG_VERSION_NUMBER',
			command: 'CONN',
		}),
		code: 'TLS_MODE_MISMATCH',
	},
	{
		name: 'N2 greeting never received',
		stage: 'auth',
		error: Object.assign(new Error('Greeting never received'), {
			code: 'ETIMEDOUT',
			timeoutType: 'GREETING_TIMEOUT',
			command: 'CONN',
		}),
		code: 'TIMEOUT',
	},
	{
		name: 'N3 refused',
		stage: 'auth',
		error: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:587'), {
			code: 'ESOCKET',
			originalCode: 'ECONNREFUSED',
		}),
		code: 'CONNECTION_REFUSED',
	},
	{
		name: 'N4 EDNS',
		stage: 'auth',
		error: Object.assign(new Error('getaddrinfo ENOTFOUND h'), { code: 'EDNS', originalCode: 'ENOTFOUND' }),
		code: 'DNS_NOT_FOUND',
	},
	{
		name: 'N6 altname mismatch',
		stage: 'auth',
		error: Object.assign(new Error("Hostname/IP does not match certificate's altnames"), {
			code: 'ESOCKET',
			originalCode: 'ERR_TLS_CERT_ALTNAME_INVALID',
		}),
		code: 'TLS_CERT_INVALID',
	},
	{
		name: 'N8 5.7.139 SMTP AUTH disabled',
		stage: 'auth',
		error: Object.assign(
			new Error(
				'Invalid login: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
			),
			{
				code: 'EAUTH',
				response: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
				responseCode: 535,
				command: 'AUTH PLAIN',
			},
		),
		code: 'AUTH_FAILED',
		serverResponse: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
	},
	{
		name: 'forceAuth against a server without AUTH: 503',
		stage: 'auth',
		error: Object.assign(new Error('Invalid login: 503 5.5.1 Error: authentication not enabled'), {
			code: 'EAUTH',
			response: '503 5.5.1 Error: authentication not enabled',
			responseCode: 503,
		}),
		code: 'AUTH_MECHANISM_UNSUPPORTED',
	},
	{
		name: 'N12 requireTLS without STARTTLS',
		stage: 'auth',
		error: Object.assign(new Error('Error upgrading connection with STARTTLS: 502 5.5.1 Unrecognized command'), {
			code: 'ETLS',
			response: '502 5.5.1 Unrecognized command',
			command: 'STARTTLS',
		}),
		code: 'STARTTLS_UNAVAILABLE',
	},
	{
		name: 'N11 530 5.7.57 at MAIL FROM',
		stage: 'send',
		error: Object.assign(new Error('Mail command failed: 530 5.7.57 Client not authenticated to send mail'), {
			code: 'EENVELOPE',
			response: '530 5.7.57 Client not authenticated to send mail',
			command: 'MAIL FROM',
		}),
		code: 'SEND_FAILED',
		serverResponse: '530 5.7.57 Client not authenticated to send mail',
	},
	{
		name: 'dropped connection',
		stage: 'auth',
		error: Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION' }),
		code: 'CONNECTION_CLOSED',
	},
	{
		name: 'reset',
		stage: 'greeting',
		error: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
		code: 'CONNECTION_CLOSED',
	},
	{
		name: 'abort',
		stage: 'tcp',
		error: Object.assign(new Error('aborted'), { name: 'AbortError' }),
		code: 'CANCELLED',
	},
	{ name: 'a thrown string', stage: 'auth', error: 'boom', code: 'UNKNOWN' },
	{
		// Exchange Online / on-premises when the client asks for a mechanism the connector does not offer
		name: 'forceAuth with a mechanism the server does not know: 504',
		stage: 'auth',
		error: Object.assign(new Error('Invalid login: 504 5.7.4 Unrecognized authentication type'), {
			code: 'EAUTH',
			response: '504 5.7.4 Unrecognized authentication type',
			responseCode: 504,
			command: 'AUTH PLAIN',
		}),
		code: 'AUTH_MECHANISM_UNSUPPORTED',
		serverResponse: '504 5.7.4 Unrecognized authentication type',
	},
	{
		// Gmail's SMTP answer to a burst of logins: the user must see Google's own words, which say how to recover
		name: 'Gmail SMTP login rate limit keeps the reply',
		stage: 'auth',
		error: Object.assign(new Error('Invalid login: 454-4.7.0 Too many login attempts, please try again later.'), {
			code: 'EAUTH',
			response: '454-4.7.0 Too many login attempts, please try again later. For more information, go to',
			responseCode: 454,
			command: 'AUTH PLAIN',
		}),
		code: 'THROTTLED',
		serverResponse: '454-4.7.0 Too many login attempts, please try again later. For more information, go to',
	},
	{
		// a TLS alert that is neither a certificate problem nor a plaintext peer (OpenSSL 3, Node 20)
		name: 'server refuses every offered TLS version/cipher: handshake failure alert',
		stage: 'tls',
		error: Object.assign(
			new Error(
				'C0E7F2A1F87F0000:error:0A000410:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1605:SSL alert number 40\n',
			),
			{
				code: 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE',
				library: 'SSL routines',
				reason: 'sslv3 alert handshake failure',
			},
		),
		code: 'TLS_NEGOTIATION',
	},
	{
		// Node's own TLS errors carry ERR_TLS_* and no OpenSSL library field
		name: 'Node TLS: server asked for a renegotiation we refuse',
		stage: 'tls',
		error: Object.assign(new Error('TLS session renegotiation disabled for this socket'), {
			code: 'ERR_TLS_RENEGOTIATION_DISABLED',
		}),
		code: 'TLS_NEGOTIATION',
	},
	{
		// an error at the folder stage that says nothing about a mailbox must not be reported as a missing folder
		name: 'unrelated library error while selecting the folder',
		stage: 'folder',
		error: new Error('Unexpected token in response'),
		code: 'UNKNOWN',
	},
	{
		name: 'imapflow NotFound without a server reply, message only',
		stage: 'folder',
		error: new Error('Mailbox does not exist'),
		code: 'FOLDER_NOT_FOUND',
	},
];

for (const c of cases) {
	test(`classify: ${c.name} → ${c.code}`, () => {
		const failure = classifyError(c.error, c.stage);
		assert.equal(failure.code, c.code);
		if (c.serverResponse !== undefined) assert.equal(failure.serverResponse, c.serverResponse);
		// our message, never the library's text
		assert.doesNotMatch(failure.localizedMessage('en'), /SSL routines|ECONN|getaddrinfo|Invalid login/);
	});
}

test('a ProbeFailure passes through unchanged', () => {
	const failure = new ProbeFailure('FOLDER_NOT_FOUND');
	assert.equal(classifyError(failure, 'folder'), failure);
});

test('no route to the host: the hint names the system code, so the user can tell a firewall from a dead network', () => {
	for (const code of ['EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']) {
		// Node 20 on Linux: connect() to an unreachable address
		const error = Object.assign(new Error(`connect ${code} 192.0.2.10:993 - Local (0.0.0.0:0)`), {
			code,
			syscall: 'connect',
			address: '192.0.2.10',
			port: 993,
		});
		const failure = classifyError(error, 'tcp');
		assert.equal(failure.code, 'CONNECTION_REFUSED');
		assert.match(failure.localizedMessage('en'), new RegExp(`no route to this host \\(${code}\\)`));
		assert.match(failure.localizedMessage('de'), new RegExp(`keine Route zu diesem Host \\(${code}\\)`));
	}
});

test('a server that says BYE with a throttling text turns a closed connection into THROTTLED', () => {
	// wire.ts throws CONNECTION_CLOSED carrying the BYE line; the stage runner then adds what the server said.
	// Dovecot / Exchange wording on a login burst.
	const bye = '* BYE Too many login attempts, try again later';
	const carried = new ProbeFailure('CONNECTION_CLOSED', { serverResponse: bye }).withServerWords(bye);
	assert.equal(carried.code, 'THROTTLED');
	assert.equal(carried.serverResponse, bye);
	const bare = new ProbeFailure('CONNECTION_CLOSED').withServerWords(bye);
	assert.equal(bare.code, 'THROTTLED');
	assert.equal(bare.serverResponse, bye);
	// a plain goodbye stays a closed connection
	const plain = new ProbeFailure('CONNECTION_CLOSED', { serverResponse: '* BYE Logging out' }).withServerWords(
		'* BYE Logging out',
	);
	assert.equal(plain.code, 'CONNECTION_CLOSED');
});
