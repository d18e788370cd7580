import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseMailAddress } from '../../../../src/core/discovery/address';
import { AutoconfigError, parseAutoconfig } from '../../../../src/core/discovery/autoconfig-xml';
import { ispdbForDomain } from '../../../../src/core/providers/ispdb';
import { autoconfigXml } from '../../../support/autoconfig-server';
import { cleanText } from '../../../../src/core/discovery/untrusted';

const ISPDB_DIR = 'third_party/ispdb/xml';
const address = (email: string) => parseMailAddress(email) ?? assert.fail(email);

describe('autoconfig files', () => {
	test('every vendored ISPDB file (real published config-v1.1.xml) reads as the generated table says', () => {
		const files = readdirSync(ISPDB_DIR).filter((f) => f.endsWith('.xml'));
		assert.ok(files.length > 100);
		let compared = 0;
		for (const name of files) {
			const xml = readFileSync(join(ISPDB_DIR, name), 'utf8');
			const domain = /<domain>([^<]+)<\/domain>/.exec(xml)?.[1]?.trim().toLowerCase();
			const table = domain ? ispdbForDomain(domain) : undefined;
			if (!domain || !table) continue;
			const file = parseAutoconfig(xml, address(`user@${domain}`));
			for (const protocol of ['imap', 'smtp'] as const) {
				const expected = table[protocol].map(([h, p, s]) => `${h}:${p}/${s}`).slice(0, 8);
				const actual = file.servers
					.filter((s) => s.protocol === protocol)
					.map((s) => `${s.host}:${s.port}/${s.security}`);
				assert.deepEqual(actual, expected, `${name} ${protocol}`);
			}
			assert.ok(file.domains.includes(domain), name);
			compared++;
		}
		assert.ok(compared > 100, `compared ${compared}`);
	});

	test('placeholders in host and user name are filled from the address', () => {
		const xml = autoconfigXml({
			id: 'example.org',
			displayName: 'Example &amp; Co',
			domains: ['example.org'],
			imap: [{ host: 'imap.%EMAILDOMAIN%', port: 993, socketType: 'SSL', username: '%EMAILLOCALPART%' }],
			smtp: [{ host: 'smtp.example.org', port: 587, socketType: 'STARTTLS' }],
		});
		const file = parseAutoconfig(xml, address('Max.Muster@Example.org'));
		assert.equal(file.displayName, 'Example & Co');
		assert.deepEqual(
			file.servers.map((s) => [s.protocol, s.host, s.port, s.security, s.username]),
			[
				['imap', 'imap.example.org', 993, 'tls', 'Max.Muster'],
				['smtp', 'smtp.example.org', 587, 'starttls', 'Max.Muster@example.org'],
			],
		);
	});

	test('hostile files: no entity expansion, size cap, bad names and ports dropped, text cleaned', () => {
		const someone = address('a@example.org');
		const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<clientConfig><emailProvider id="x"><displayName>&lol2;</displayName></emailProvider></clientConfig>`;
		assert.throws(() => parseAutoconfig(laughs, someone), AutoconfigError);
		const external = `<!DOCTYPE c [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><clientConfig/>`;
		assert.throws(() => parseAutoconfig(external, someone), /DOCTYPE/);
		assert.throws(() => parseAutoconfig(`<clientConfig>${' '.repeat(70_000)}</clientConfig>`, someone), /too large/);
		assert.throws(() => parseAutoconfig('<html><body>Not found</body></html>', someone), /emailProvider/);
		assert.throws(() => parseAutoconfig(`${'<a>'.repeat(50)}${'</a>'.repeat(50)}`, someone), AutoconfigError);

		const server = (host: string, port: string, socket = 'SSL') =>
			`<incomingServer type="imap"><hostname>${host}</hostname><port>${port}</port><socketType>${socket}</socketType></incomingServer>`;
		const xml = `<clientConfig version="1.1"><emailProvider id="evil&#10;id">
			<displayName>Mail\u001b[31m\u202eRED</displayName>
			${server('imap.example.org evil', '993')}
			${server('imap..example.org', '993')}
			${server('-imap.example.org', '993')}
			${server('imap.example.org', '99999')}
			${server('imap.example.org', '993', 'TLS1.3')}
			${server('127.0.0.1', '993')}
			${server('IMAP.Example.ORG.', '993')}
			${Array.from({ length: 20 }, (_, i) => server(`imap${i}.example.org`, '993')).join('')}
		</emailProvider></clientConfig>`;
		const file = parseAutoconfig(xml, someone);
		assert.equal(file.displayName, 'MailRED', 'the colour sequence goes whole, as a terminal would consume it');
		const hosts = file.servers.map((s) => s.host);
		assert.equal(hosts[0], 'imap.example.org');
		assert.equal(hosts.length, 8, 'capped per protocol');
		assert.ok(hosts.every((h) => /^[a-z0-9.-]+$/.test(h)));
	});
});

test('display text from the network loses escape sequences whole, not only their ESC byte', () => {
	assert.equal(cleanText('Mail\u001b]52;c;ZXZpbA==\u0007 \u001b[2Jof Contoso\r\n\u202eX'), 'Mail of Contoso X');
});
