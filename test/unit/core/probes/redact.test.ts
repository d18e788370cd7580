import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Redactor, redactLine } from '../../../../src/core/probes/redact';
import { scrub } from '../../../../src/core/probes/oauth2-errors';
import { Transcript } from '../../../../src/core/probes/transcript';
import { assertNoCanary, canary, canaryEncodings } from '../../../support/canaries';

const PASSWORD = 'Winter2026!Import';
const b64 = (s: string) => Buffer.from(s).toString('base64');

test('protocol shapes are masked without knowing the secret', () => {
	const table: [string, string][] = [
		[`C: AUTH PLAIN ${b64('\0u@x.de\0pw')}`.slice(3), 'AUTH PLAIN ***'],
		[`AUTH XOAUTH2 ${b64('user=u\x01auth=Bearer abc\x01\x01')}`, 'AUTH XOAUTH2 ***'],
		[`3 AUTHENTICATE PLAIN ${b64('\0u\0pw')}`, '3 AUTHENTICATE PLAIN ***'],
		['2 LOGIN "alice@example.com" "secret pass"', '2 LOGIN "alice@example.com" ***'],
		['A1 LOGIN alice hunter22', 'A1 LOGIN alice ***'],
		['Authorization: Bearer eyJhbGciOi.eyJzdWIiOi.sig', 'Authorization: Bearer ***'],
		['client_secret=abc~123&grant_type=client_credentials', 'client_secret=***&grant_type=client_credentials'],
		['{"access_token":"0.AXkA-token","token_type":"Bearer"}', '{"access_token":"***","token_type":"Bearer"}'],
		// server capability lines are not payloads
		['250 AUTH PLAIN LOGIN XOAUTH2', '250 AUTH PLAIN LOGIN XOAUTH2'],
		['250-AUTH LOGIN XOAUTH2', '250-AUTH LOGIN XOAUTH2'],
	];
	for (const [input, expected] of table) assert.equal(redactLine(input), expected, input);
});

test('a SASL payload followed by whitespace or a CR is still masked', () => {
	const payload = b64('\0alice@example.test\0Winter-2026');
	const xoauth2 = b64('user=alice@example.test\x01auth=Bearer 0.AXkA-opaque-token\x01\x01');
	const table: [string, string][] = [
		[`AUTH PLAIN ${payload} `, 'AUTH PLAIN ***'],
		[`AUTH PLAIN ${payload}\t`, 'AUTH PLAIN ***'],
		[`AUTH PLAIN ${payload}\r`, 'AUTH PLAIN ***'],
		[`AUTH PLAIN  ${payload}\r`, 'AUTH PLAIN ***'],
		[`auth plain\t${payload} \t`, 'auth plain ***'],
		[`A3 AUTHENTICATE PLAIN ${payload}\r`, 'A3 AUTHENTICATE PLAIN ***'],
		[`A3 AUTHENTICATE XOAUTH2 ${xoauth2} `, 'A3 AUTHENTICATE XOAUTH2 ***'],
		[`AUTH XOAUTH2 ${xoauth2}\r`, 'AUTH XOAUTH2 ***'],
		[`AUTH OAUTHBEARER ${b64('n,a=alice@example.test,\x01auth=Bearer opaque\x01\x01')}\t`, 'AUTH OAUTHBEARER ***'],
		['A1 LOGIN alice hunter22\r', 'A1 LOGIN alice ***'],
		// no payload: nothing to mask, and server lines stay as they are
		['AUTH LOGIN \r', 'AUTH LOGIN \r'],
		['250-AUTH PLAIN LOGIN \r', '250-AUTH PLAIN LOGIN \r'],
	];
	for (const [input, expected] of table) assert.equal(redactLine(input), expected, JSON.stringify(input));
	// The same lines through a Redactor that knows no secret, as one CRLF block.
	const block = new Redactor().text(`AUTH PLAIN ${payload} \r\nAUTH XOAUTH2 ${xoauth2}\t\r\n`);
	assert.ok(!block.includes(payload) && !block.includes(xoauth2), block);
});

test('known secrets are masked verbatim and inside base64 SASL blobs at any alignment', () => {
	const redactor = new Redactor([PASSWORD]);
	for (const prefix of ['', 'a', 'ab', '\0alice@example.test\0']) {
		const blob = b64(`${prefix}${PASSWORD}`);
		assert.ok(!redactor.text(`payload ${blob} end`).includes(blob.slice(4, -4)), prefix);
	}
	assert.equal(redactor.text(`the password ${PASSWORD} leaked`), 'the password *** leaked');
});

test('the client answer to a continuation request is masked whole', () => {
	const transcript = new Transcript(new Redactor());
	transcript.client('AUTH LOGIN');
	transcript.server('334 VXNlcm5hbWU6');
	transcript.client(b64('alice@example.test'));
	transcript.server('334 UGFzc3dvcmQ6');
	transcript.client(b64('any-password'));
	transcript.server('535 5.7.3 Authentication unsuccessful');
	transcript.client('QUIT');
	assert.deepEqual(transcript.toArray(), [
		'C: AUTH LOGIN',
		'S: 334 VXNlcm5hbWU6',
		'C: ***',
		'S: 334 UGFzc3dvcmQ6',
		'C: ***',
		'S: 535 5.7.3 Authentication unsuccessful',
		'C: QUIT',
	]);
});

test('every encoding of a known secret is masked: raw, base64 at any alignment, URL/form-encoded, JSON-escaped', () => {
	for (const secret of [canary(), canary({ wire: true }), 'Winter2026!Import', 'pässwört mit Leerzeichen']) {
		const redactor = new Redactor([secret]);
		const body = new URLSearchParams({ client_id: 'c', client_secret: secret, grant_type: 'client_credentials' });
		const lines = [
			...[...canaryEncodings(secret).values()].map((form) => `echo: ${form} (end)`),
			// SASL blobs with the secret at each offset, as base64 and base64url
			...['', 'u', 'us', '\0alice@example.test\0'].flatMap((prefix) => [
				`payload ${Buffer.from(`${prefix}${secret}`).toString('base64')}`,
				`payload ${Buffer.from(`${prefix}${secret}`).toString('base64url')}`,
			]),
			`AADSTS7000215: Invalid client secret provided. Request body: ${body.toString()}`,
			`{"error_description":${JSON.stringify(`secret was ${secret}`)}}`,
		];
		const redacted = lines.map((line) => redactor.text(line)).join('\n');
		assertNoCanary({ redacted }, [secret]);
		assertNoCanary({ scrubbed: lines.map((line) => scrub(line, [secret])).join('\n') }, [secret]);
	}
});

test('tokens without a known value: a bare JWT, an opaque bearer token, a malformed XOAUTH2 string', () => {
	const jwt = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL291dGxvb2sub2ZmaWNlMzY1LmNvbSJ9.c2lnbmF0dXJl';
	const table: [string, string][] = [
		// msal and library errors quote the assertion or token without a "Bearer" in front
		[`invalid assertion ${jwt} (expired)`, 'invalid assertion *** (expired)'],
		// Microsoft's opaque tokens are no JWTs; two spaces after "Bearer" must not let one through
		['Authorization: Bearer 0.AXkA-opaque_token~x', 'Authorization: Bearer ***'],
		['Authorization: Bearer  0.AXkA-opaque_token~x', 'Authorization: Bearer  ***'],
		['{"authorization":"Bearer 0.AXkA-opaque","id":7}', '{"authorization":"Bearer ***","id":7}'],
		// a client that forgets the space after "Bearer" still must not leak the token
		[
			'user=alice@example.test\x01auth=Bearer0.AXkA-opaque\x01\x01',
			'user=alice@example.test\x01auth=Bearer***\x01\x01',
		],
	];
	for (const [input, expected] of table) assert.equal(redactLine(input), expected, JSON.stringify(input));
});

test('extra whitespace between tag, command and mechanism does not let a SASL payload through', () => {
	const payload = b64('\0alice@example.test\0Winter-2026');
	assert.equal(redactLine(`A3  AUTHENTICATE PLAIN ${payload}`), 'A3  AUTHENTICATE PLAIN ***');
	assert.equal(redactLine(`AUTH  PLAIN ${payload}`), 'AUTH  PLAIN ***');
});

test('server replies that only mention LOGIN or AUTH stay readable', () => {
	for (const line of [
		// a server listing mechanisms is not a client sending a payload
		'250 AUTH LOGIN PLAIN',
		// the refusal the user needs to read (https://github.com/Enough-Software/enough_mail/issues/245)
		'a0 NO [AUTHENTICATIONFAILED] LOGIN Invalid credentials',
	]) {
		assert.equal(redactLine(line), line);
	}
});

test('IMAP LOGIN keeps a quoted user name with spaces and masks only the password', () => {
	assert.equal(redactLine('2 LOGIN "import user" "secret pass"'), '2 LOGIN "import user" ***');
	assert.equal(redactLine('2 LOGIN "dom\\\\import" "secret pass"'), '2 LOGIN "dom\\\\import" ***');
});

test('a password with characters that base64 turns into + and / is masked in both alphabets at every offset', () => {
	const secret = 'Sommer?2026>>~';
	const redactor = new Redactor([secret]);
	for (const prefix of ['', 'u', 'us']) {
		for (const alphabet of ['base64', 'base64url'] as const) {
			const blob = Buffer.from(`${prefix}${secret}`).toString(alphabet);
			const out = redactor.text(`echo ${blob} end`);
			// only the characters that share bits with the prefix or the padding may remain
			assert.ok(
				out.includes('***') && !out.includes(blob.slice(4, -4)),
				`${alphabet} ${JSON.stringify(prefix)}: ${out}`,
			);
		}
	}
});

test('short secrets: 4 characters are masked verbatim, 5 characters also inside base64; shorter ones shred nothing', () => {
	assert.equal(new Redactor(['Pw12']).text('pass Pw12 here'), 'pass *** here');
	const five = new Redactor(['Pw!26']);
	for (const prefix of ['', 'u', 'us']) {
		const blob = b64(`${prefix}Pw!26`);
		assert.notEqual(five.text(`echo ${blob}`), `echo ${blob}`, JSON.stringify(prefix));
	}
	const tolerant = new Redactor([undefined, '', 'ab']);
	assert.equal(tolerant.text('a grab bag of words'), 'a grab bag of words');
});

test('a secret that contains another secret is masked whole', () => {
	const redactor = new Redactor(['Winter2026', 'Winter2026!Import']);
	assert.equal(redactor.text('pw Winter2026!Import and Winter2026'), 'pw *** and ***');
});

test('a multi-line block keeps its lines: LF and CRLF line ends, shapes masked on each line', () => {
	const payload = b64('\0alice@example.test\0Winter-2026');
	const block = ['C: EHLO client', `AUTH PLAIN ${payload}`, 'S: 235 2.7.0 Authentication successful'].join('\n');
	assert.equal(
		new Redactor().text(block),
		['C: EHLO client', 'AUTH PLAIN ***', 'S: 235 2.7.0 Authentication successful'].join('\n'),
	);
	assert.equal(new Redactor().text(`a\r\nAUTH PLAIN ${payload}\r\nb`), 'a\nAUTH PLAIN ***\nb');
});
