// The step a provider asks for before a mail program may connect ("allow IMAP once in the web settings"): read from
// Thunderbird's real ISPDB files and from autoconfig files on the network, checked as untrusted, and shown by
// discovery from the source its servers came from. Our own facts replace ISPDB's step for the providers of our table.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DEFAULT_ISPDB } from '../../../../scripts/gen-providers';
import { convertIspdb } from '../../../../scripts/ispdb-convert';
import { parseMailAddress } from '../../../../src/core/discovery/address';
import { parseAutoconfig } from '../../../../src/core/discovery/autoconfig-xml';
import { discover } from '../../../../src/core/discovery/discover';
import { enablePage, providerEnable } from '../../../../src/core/discovery/enable';
import { renderDiscoveryText, toDiscoveryJson } from '../../../../src/core/discovery/render';
import { FACTS } from '../../../../src/core/facts/registry';
import type { ProviderEnable } from '../../../../src/core/providers/types';

const ispdbFile = (name: string) => readFileSync(join(DEFAULT_ISPDB, name), 'utf8');
const address = (email: string) => parseMailAddress(email) ?? assert.fail(email);

describe('ISPDB <enable> steps, from the vendored files', () => {
	const cases: [file: string, expected: ProviderEnable | undefined][] = [
		[
			'gmx.net.xml',
			{
				url: 'https://hilfe.gmx.net/pop-imap/einschalten.html',
				instruction: {
					en: 'You must allow access via POP3 & IMAP once in the e-mail settings of your account!',
					de: 'Sie müssen einmalig den Zugriff über POP3 & IMAP in den E-Mail-Einstellungen Ihres Kontos erlauben!',
				},
			},
		],
		// Beside <emailProvider> rather than inside it, with an http page.
		[
			'yandex.ru.xml',
			{
				url: 'http://mail.yandex.ru/neo/setup_client',
				instruction: { en: "Check 'Enable IMAP' on Yandex.Mail setup page" },
			},
		],
		// en-US counts as English; pt-BR is not a language mailcfg speaks.
		[
			'uol.com.br.xml',
			{
				url: 'http://bmail.uol.com.br/configuration/imap_access_config',
				instruction: { en: 'To use IMAP, you must log in to webmail, go to "Settings", click "Activate IMAP"' },
			},
		],
		// The default text is English; Latvian, Russian, Lithuanian and Estonian are left out.
		[
			'mail.ee.xml',
			{
				url: 'https://help.mail.ee/?keyword=email_clients_access',
				instruction: { en: 'Enable external POP3/IMAP and SMTP access in your account settings' },
			},
		],
		// The &amp; in the attribute is decoded.
		[
			'googlemail.com.xml',
			{
				url: 'https://mail.google.com/mail/?ui=2&shva=1#settings/fwdandpop',
				instruction: { en: 'You need to enable IMAP access' },
			},
		],
		['posteo.de.xml', undefined],
	];
	for (const [file, expected] of cases) {
		test(file, () => {
			const table = convertIspdb([{ name: file, xml: ispdbFile(file) }], { repo: 'r', commit: 'c', date: 'd' });
			assert.deepEqual(table.providers[0]?.enable, expected);
			// An autoconfig file from the network in the same format gives the same step.
			const domain = file.replace(/\.xml$/, '');
			assert.deepEqual(parseAutoconfig(ispdbFile(file), address(`user@${domain}`)).enable, expected);
		});
	}
});

describe('an <enable> step is untrusted input', () => {
	const page = 'https://help.example.net/imap';
	const english = [{ lang: undefined, text: 'Allow IMAP in the settings.' }];
	test('only absolute http(s) pages without credentials pass', () => {
		const rows: [url: unknown, expected: string | undefined][] = [
			[page, page],
			['http://help.example.net/imap', 'http://help.example.net/imap'],
			[' https://help.example.net/a b ', 'https://help.example.net/a%20b'],
			['javascript:alert(1)', undefined],
			['data:text/html,<b>allow</b>', undefined],
			['file:///etc/passwd', undefined],
			['vscode://mailcfg.mailcfg/open', undefined],
			['https://user:secret@help.example.net/', undefined],
			['https://user@help.example.net/', undefined],
			['/settings/imap', undefined],
			['help.example.net/imap', undefined],
			[`https://help.example.net/${'a'.repeat(300)}`, undefined],
			['', undefined],
			[undefined, undefined],
			[42, undefined],
		];
		for (const [url, expected] of rows) assert.equal(enablePage(url), expected, String(url));
		assert.equal(providerEnable('javascript:alert(1)', english), undefined);
	});

	test('instructions: English and German only, cleaned, capped, the first of each language', () => {
		assert.equal(providerEnable(page, [{ lang: 'lv', text: 'Ieslēgt POP3/IMAP' }]), undefined);
		assert.equal(providerEnable(page, []), undefined);
		assert.equal(providerEnable(page, [{ lang: undefined, text: ' \u0007 ' }]), undefined);
		const step = providerEnable(page, [
			{ lang: 'de-DE', text: 'IMAP\u001b]8;;https://evil.test\u0007 erlauben\u202e.' },
			{ lang: 'EN', text: `Allow\nIMAP ${'x'.repeat(400)}` },
			{ lang: 'en', text: 'A second English text.' },
			{ lang: 'english', text: 'Not a language tag.' },
		]);
		assert.equal(step?.instruction.de, 'IMAP erlauben.');
		assert.equal(step?.instruction.en?.length, 300);
		assert.match(step?.instruction.en ?? '', /^Allow IMAP x+…$/);
	});

	test('a hostile autoconfig file: the page is dropped with its step, the servers stay', () => {
		const xml = ispdbFile('gmx.net.xml').replace(
			'https://hilfe.gmx.net/pop-imap/einschalten.html',
			'javascript:fetch(&quot;https://evil.test&quot;)',
		);
		const file = parseAutoconfig(xml, address('someone@gmx.net'));
		assert.equal(file.enable, undefined);
		assert.ok(file.servers.some((s) => s.host === 'imap.gmx.net'));
	});
});

describe('discovery names the step of the source its servers came from', () => {
	test('a provider of our table: our sourced fact and the provider page, in both languages', async () => {
		for (const [email, fact, url] of [
			['someone@gmx.de', 'gmx-imap-access', 'https://hilfe.gmx.net/pop-imap/einschalten.html'],
			['someone@web.de', 'webde-imap-access', 'https://hilfe.web.de/pop-imap/einschalten.html'],
			[
				'someone@t-online.de',
				't-online-email-password',
				'https://www.telekom.de/hilfe/apps-dienste/e-mail/programme/passwort-verwalten',
			],
		] as const) {
			const result = await discover(email, { offline: true });
			assert.deepEqual(
				result.enable,
				{ url, text: FACTS[fact].statement, source: 'data', origin: `mailcfg fact ${fact}` },
				email,
			);
		}
		const outlook = await discover('someone@outlook.com', { offline: true });
		assert.equal(outlook.enable?.origin, 'mailcfg fact outlook-com-imap-access');
		assert.match(outlook.enable?.text.en ?? '', /switched off by default/);
	});

	test("ISPDB's stale Gmail step is not shown: our table knows Gmail and names no such step", async () => {
		assert.equal((await discover('someone@gmail.com', { offline: true })).enable, null);
		assert.equal((await discover('someone@googlemail.com', { offline: true })).enable, null);
	});

	test('a provider only ISPDB knows: its own step, quoted, with ISPDB as the origin', async () => {
		const yandex = await discover('someone@yandex.ru', { offline: true });
		assert.deepEqual(yandex.enable, {
			url: 'http://mail.yandex.ru/neo/setup_client',
			text: { en: "Check 'Enable IMAP' on Yandex.Mail setup page" },
			source: 'data',
			origin: 'ISPDB yandex.ru',
		});
		assert.equal((await discover('someone@posteo.de', { offline: true })).enable, null);
		assert.equal((await discover('someone@example.invalid', { offline: true })).enable, null);
	});

	test('the text report shows it in the user language, else in the language the provider gives', async () => {
		const gmx = await discover('someone@gmx.de', { offline: true });
		assert.ok(
			renderDiscoveryText(gmx, 'en').includes(
				`Before the first sign-in (mailcfg fact gmx-imap-access): ${FACTS['gmx-imap-access'].statement.en} https://hilfe.gmx.net/pop-imap/einschalten.html\n`,
			),
		);
		assert.ok(
			renderDiscoveryText(gmx, 'de').includes(
				`Vor der ersten Anmeldung (mailcfg fact gmx-imap-access): ${FACTS['gmx-imap-access'].statement.de} https://hilfe.gmx.net/pop-imap/einschalten.html\n`,
			),
		);
		const mailEe = await discover('someone@mail.ee', { offline: true });
		assert.match(
			renderDiscoveryText(mailEe, 'de'),
			/Vor der ersten Anmeldung \(ISPDB mail\.ee\): Enable external POP3\/IMAP and SMTP access in your account settings https:\/\/help\.mail\.ee\//,
		);
		// The JSON keeps the shape issue 14 fixed.
		assert.deepEqual(Object.keys(toDiscoveryJson(gmx, 'en')), [
			'email',
			'provider',
			'sources',
			'imap',
			'smtp',
			'tenant',
			'account',
		]);
	});
});
