// What discovery accepts from the user (the address, the override flags) and from the network (host names, ports,
// free text): table tests over the spellings real input has.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { accountIdFor } from '../../../../src/core/discovery/account';
import { parseMailAddress } from '../../../../src/core/discovery/address';
import { parseAuthorityHost, parseDnsServer } from '../../../../src/core/discovery/endpoints';
import { describeError } from '../../../../src/core/discovery/net';
import { cleanText, hostName, port } from '../../../../src/core/discovery/untrusted';

describe('the address discovery starts from', () => {
	test('accepted addresses: trimmed, domain lower-cased and in punycode, local part as typed', () => {
		const cases: [input: string, email: string, local: string, domain: string][] = [
			['someone@gmx.de', 'someone@gmx.de', 'someone', 'gmx.de'],
			['  Max.Muster@Example.ORG \n', 'Max.Muster@example.org', 'Max.Muster', 'example.org'],
			['info@Bücher.example', 'info@xn--bcher-kva.example', 'info', 'xn--bcher-kva.example'],
			['a+tag@sub.mail.example.co.uk', 'a+tag@sub.mail.example.co.uk', 'a+tag', 'sub.mail.example.co.uk'],
			['x@example.org.', 'x@example.org', 'x', 'example.org'],
			[`${'l'.repeat(64)}@example.org`, `${'l'.repeat(64)}@example.org`, 'l'.repeat(64), 'example.org'],
			["o'brien@example.org", "o'brien@example.org", "o'brien", 'example.org'],
		];
		for (const [input, email, local, domain] of cases) {
			assert.deepEqual(parseMailAddress(input), { email, local, domain }, input);
		}
	});

	test('refused addresses: no local part or domain, forbidden characters, URL parts, IPs, too long', () => {
		const refused = [
			'',
			'   ',
			'@example.org',
			'someone@',
			'someone',
			'a@b@example.org',
			'two words@example.org',
			'tab\there@example.org',
			'<a>@example.org',
			'a,b@example.org',
			'a;b@example.org',
			'a:b@example.org',
			'"quoted"@example.org',
			'a(b)@example.org',
			'a[b]@example.org',
			'a\\b@example.org',
			'ctl\u0001@example.org',
			'del\u007f@example.org',
			`${'l'.repeat(65)}@example.org`,
			`a@${'d'.repeat(63)}.${'e'.repeat(63)}.${'f'.repeat(63)}.${'g'.repeat(60)}.org`,
			'a@localhost',
			'a@10.0.0.1',
			'a@[127.0.0.1]',
			'a@example.org/evil',
			'a@example.org\\evil',
			'a@example.org?x=1',
			'a@example.org#x',
			'a@example.org:993',
			'a@exa%6dple.org',
			'a@exa mple.org',
			'a@-example.org',
			'a@example..org',
		];
		// 254 characters is the longest address that fits a path (RFC 5321 §4.5.3.1.3).
		assert.ok(parseMailAddress(`a@${'d'.repeat(63)}.${'e'.repeat(63)}.${'f'.repeat(63)}.${'g'.repeat(56)}.org`));
		for (const input of refused) assert.equal(parseMailAddress(input), undefined, JSON.stringify(input));
	});

	test('account ids from the local part: lower case, runs of other characters become one dash, unique', () => {
		const cases: [local: string, taken: string[], id: string][] = [
			['someone', [], 'someone'],
			['Max.Muster+import', [], 'max-muster-import'],
			['--Scan__Office--', [], 'scan-office'],
			['Jürgen', [], 'j-rgen'],
			['__', [], 'mail'],
			['ÄÖÜ', [], 'mail'],
			['x'.repeat(50), [], 'x'.repeat(40)],
			['info', ['info'], 'info-2'],
			['info', ['info', 'info-2', 'info-3'], 'info-4'],
			['info', ['info-2'], 'info'],
			['__', ['mail'], 'mail-2'],
		];
		for (const [local, taken, id] of cases) assert.equal(accountIdFor(local, taken), id, `${local} ${taken}`);
		for (const [local] of cases) assert.match(accountIdFor(local), /^[a-z0-9][a-z0-9-]*$/, local);
	});
});

describe('values from the network', () => {
	test('host names: DNS names with two or more labels pass, lower-cased and without the root dot', () => {
		const cases: [input: unknown, host: string | undefined][] = [
			['imap.gmx.net', 'imap.gmx.net'],
			['  IMAP.Example.ORG. ', 'imap.example.org'],
			['xn--bcher-kva.example', 'xn--bcher-kva.example'],
			['a-b.c-d.example', 'a-b.c-d.example'],
			['mx1.example', 'mx1.example'],
			['1und1.de', '1und1.de'],
			[`${'a'.repeat(63)}.example`, `${'a'.repeat(63)}.example`],
			[`${'a'.repeat(64)}.example`, undefined],
			[`${'abcdefghi.'.repeat(25)}example`, undefined],
			['localhost', undefined],
			['example.', undefined],
			['.example.org', undefined],
			['example..org', undefined],
			['-imap.example.org', undefined],
			['imap-.example.org', undefined],
			['imap_1.example.org', undefined],
			['imap.example.org evil', undefined],
			['imap.example.org\n', 'imap.example.org'],
			['192.168.1.10', undefined],
			['10.0.0.1.', undefined],
			['::1', undefined],
			['', undefined],
			['.', undefined],
			[42, undefined],
			[undefined, undefined],
			[null, undefined],
		];
		for (const [input, host] of cases) assert.equal(hostName(input), host, JSON.stringify(input));
	});

	test('ports: 1 to 65535, as number or as decimal text', () => {
		const cases: [input: unknown, port: number | undefined][] = [
			[993, 993],
			['993', 993],
			[' 587 ', 587],
			['1', 1],
			[1, 1],
			['65535', 65535],
			[65535, 65535],
			['0', undefined],
			[0, undefined],
			['65536', undefined],
			[65536, undefined],
			['123456', undefined],
			['99.3', undefined],
			[99.5, undefined],
			['-1', undefined],
			[-1, undefined],
			['0x3e1', undefined],
			['', undefined],
			['993a', undefined],
			[undefined, undefined],
			[NaN, undefined],
		];
		for (const [input, p] of cases) assert.equal(port(input), p, JSON.stringify(input));
	});

	test('free text: escape sequences, controls, bidi overrides and breaks removed, spaces collapsed, capped', () => {
		const cases: [input: unknown, max: number | undefined, text: string][] = [
			['Example & Co', undefined, 'Example & Co'],
			['  Hybrid\tCorp\r\n  Exchange  ', undefined, 'Hybrid Corp Exchange'],
			['Zero\u200bWidth\ufeffBOM', undefined, 'Zero Width BOM'],
			['Mail\u001b[31mRED\u001b[0m', undefined, 'MailRED'],
			['\u202eevil', undefined, 'evil'],
			['abcdefghij', 5, 'abcd…'],
			['abcde', 5, 'abcde'],
			['x'.repeat(130), undefined, `${'x'.repeat(119)}…`],
			['x'.repeat(120), undefined, 'x'.repeat(120)],
			[17, undefined, ''],
			[undefined, undefined, ''],
		];
		for (const [input, max, text] of cases) assert.equal(cleanText(input, max), text, JSON.stringify(input));
	});

	test('an HTTP failure reads as its code and message', () => {
		const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
		assert.equal(describeError(refused), 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1');
		assert.equal(describeError(Object.assign(new Error('odd'), { code: 7 })), 'odd');
		assert.equal(describeError(new Error('plain')), 'plain');
		assert.equal(describeError('a string'), 'a string');
	});
});

describe('the overrides of the network endpoints (--dns, --authority-host and their settings)', () => {
	test('a DNS server is an IP address with an optional port', () => {
		const cases: [input: string, accepted: boolean][] = [
			['127.0.0.1', true],
			['127.0.0.1:5353', true],
			['127.0.0.1:1', true],
			['127.0.0.1:65535', true],
			['::1', true],
			['[::1]', true],
			['[::1]:5353', true],
			['2001:db8::53', true],
			['127.0.0.1:0', false],
			['127.0.0.1:65536', false],
			['127.0.0.1:', false],
			['[::1]:0', false],
			['[::1]:', false],
			['dns.example.invalid', false],
			['dns.example.invalid:53', false],
			['[dns.example.invalid]:53', false],
			['127.0.0.1:53:53', false],
			['', false],
		];
		for (const [input, accepted] of cases) {
			assert.equal(parseDnsServer(input), accepted ? input : undefined, input);
		}
	});

	test('an authority host is a bare https origin', () => {
		const cases: [input: string, origin: string | undefined][] = [
			['https://login.microsoftonline.com', 'https://login.microsoftonline.com'],
			['https://login.microsoftonline.com/', 'https://login.microsoftonline.com'],
			['https://127.0.0.1:8443', 'https://127.0.0.1:8443'],
			['HTTPS://Login.Example.Invalid', 'https://login.example.invalid'],
			['http://login.microsoftonline.com', undefined],
			['https://login.microsoftonline.com/common', undefined],
			['https://login.microsoftonline.com/?x=1', undefined],
			['https://login.microsoftonline.com/#frag', undefined],
			['login.microsoftonline.com', undefined],
			['', undefined],
		];
		for (const [input, origin] of cases) assert.equal(parseAuthorityHost(input), origin, input);
	});
});
