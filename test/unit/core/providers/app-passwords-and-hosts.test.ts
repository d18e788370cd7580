// What the provider table tells users: the shape of each provider's app passwords (the app-password-format check, en
// and de), which hosts count as a slip of a provider's host, and which provider a domain or host belongs to.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixedClock, parseDay } from '../../../../src/core/clock';
import { analyzeText } from '../../../../src/core/config/analyze';
import type { ProviderId } from '../../../../src/core/config/model';
import {
	documentedEndpoints,
	emailDomain,
	providerForDomain,
	providersForHost,
} from '../../../../src/core/providers/detect';
import {
	editDistance,
	isOneLetterSlip,
	likelyHostTypo,
	providerHostsForDomain,
} from '../../../../src/core/providers/hosts';
import { ispdbEndpointsForHost, ispdbForDomain } from '../../../../src/core/providers/ispdb';
import { KNOWN_PROVIDERS, providerById } from '../../../../src/core/providers/known';

const NOW = fixedClock(parseDay('2026-11-23')!);

/** Real-looking app passwords per provider, as the provider's page shows them, and mistakes people paste instead. */
const APP_PASSWORDS: Record<string, { valid: string[]; invalid: string[]; en: string; de: string; hint: boolean }> = {
	microsoft365: {
		valid: ['qwertzuiopasdfgh', 'QWERTZUIOPASDFGH'],
		invalid: ['qwertzuiopasdfg', 'qwertzuiopasdfghj', 'qwertzuiop4sdfgh', 'Winter2026!'],
		en: '16 lowercase letters',
		de: '16 Kleinbuchstaben',
		hint: true,
	},
	'google-workspace': {
		valid: ['abcd efgh ijkl mnop', 'abcdefghijklmnop', 'ABCD EFGH IJKL MNOP'],
		invalid: ['abcd-efgh-ijkl-mnop', 'abcd efgh ijkl mno', 'abcd efgh ijkl mnop q', 'abcd efgh ijkl mn0p'],
		en: '16 letters (shown in four groups of four)',
		de: '16 Buchstaben (in vier Vierergruppen angezeigt)',
		hint: false,
	},
	gmail: {
		valid: ['abcd efgh ijkl mnop', 'abcdefghijklmnop'],
		invalid: ['abcd-efgh-ijkl-mnop', 'correct horse battery', 'abcdefghijklmno1'],
		en: '16 letters (shown in four groups of four)',
		de: '16 Buchstaben (in vier Vierergruppen angezeigt)',
		hint: false,
	},
	icloud: {
		valid: ['abcd-efgh-ijkl-mnop', 'ABCD-EFGH-IJKL-MNOP'],
		invalid: [
			'abcdefghijklmnop',
			'abcd-efgh-ijkl-mno',
			'abcd-efgh-ijkl-mnopq',
			'abcd_efgh_ijkl_mnop',
			'abc-defgh-ijkl-mnop',
			'abcd-efgh-ijkl-m',
		],
		en: 'four groups of four letters (xxxx-xxxx-xxxx-xxxx)',
		de: 'vier Vierergruppen aus Buchstaben (xxxx-xxxx-xxxx-xxxx)',
		hint: false,
	},
	yahoo: {
		valid: ['abcdefghijklmnop', 'abcd efgh ijkl mnop'],
		invalid: ['abcdefghijklmno', 'abcdefghijklmnopq', '1234567890123456'],
		en: '16 letters',
		de: '16 Buchstaben',
		hint: false,
	},
};

function accountFor(id: ProviderId, password: string): string {
	const provider = providerById(id) ?? assert.fail(id);
	const imap = provider.endpoints.find((e) => e.protocol === 'imap') ?? assert.fail(id);
	const email = `office@${provider.domains[0] ?? 'example.test'}`;
	return JSON.stringify({
		accounts: [
			{
				id: 'office',
				email,
				provider: id,
				auth: { method: 'app-password', user: email, password },
				imap: { host: imap.host, port: imap.port, security: imap.security },
			},
		],
	});
}

describe('app password shapes', () => {
	test('every provider with a documented shape is in this table', () => {
		assert.deepEqual(
			KNOWN_PROVIDERS.filter((p) => p.appPassword?.format)
				.map((p) => p.id)
				.sort(),
			Object.keys(APP_PASSWORDS).sort(),
		);
	});

	for (const [id, { valid, invalid, en, de, hint }] of Object.entries(APP_PASSWORDS)) {
		test(`${id}: real app passwords pass, other secrets are named with the shape (en/de)`, () => {
			const name = providerById(id as ProviderId)?.name ?? assert.fail(id);
			const check = (password: string, lang: 'en' | 'de') =>
				analyzeText(accountFor(id as ProviderId, password), { lang, now: NOW }).filter(
					(f) => f.code === 'app-password-format',
				);
			for (const password of valid) assert.deepEqual(check(password, 'en'), [], password);
			for (const password of invalid) {
				const [english] = check(password, 'en');
				const [german] = check(password, 'de');
				assert.ok(english && german, password);
				assert.equal(english.severity, hint ? 'information' : 'warning', password);
				const expected = hint
					? `This does not look like a ${name} app password: users report those as ${en} (${name} does not document the format, so this is only a hint).`
					: `This cannot be a ${name} app password: those are ${en}.`;
				assert.ok(english.message.startsWith(expected), english.message);
				const germanExpected = hint
					? `Das sieht nicht nach einem App-Kennwort von ${name} aus: Benutzer berichten, dass diese aus ${de} bestehen`
					: `Das kann kein App-Passwort von ${name} sein: Diese bestehen aus ${de}.`;
				assert.ok(german.message.startsWith(germanExpected), german.message);
			}
		});
	}
});

describe('hosts', () => {
	test('one letter slip: replaced, dropped, doubled or swapped letters; digits and dots only as swap partners', () => {
		const cases: [typed: string, intended: string, slip: boolean][] = [
			['imap.gmial.com', 'imap.gmail.com', true],
			['imap.gmal.com', 'imap.gmail.com', true],
			['imap.gmaail.com', 'imap.gmail.com', true],
			['imap.gmxil.com', 'imap.gmail.com', true],
			['imap.gmail.com', 'imap.gmail.com', false],
			['imap.gmaxl.com', 'imap.gmail.com', true],
			['imap.gmaqil.com', 'imap.gmail.com', false],
			['imap.gmail.comm', 'imap.gmail.com', true],
			['imap.gmail.co', 'imap.gmail.com', true],
			['mail.gmx.nte', 'mail.gmx.net', true],
			['smtp2.gmx.net', 'smtp.gmx.net', false],
			['imap1.gmx.net', 'imap2.gmx.net', false],
			['imap.gmx1.net', 'imap.gmx.net', false],
			['imap.gmxnet', 'imap.gmx.net', false],
			['imap,gmx.net', 'imap.gmx.net', false],
			['imap.gmx..net', 'imap.gmx.net', false],
			['imap.gm.xnet', 'imap.gmx.net', true],
			['imap.gmail.xyz', 'imap.gmail.com', false],
			['pmai.gmail.com', 'imap.gmail.com', false],
			['imap.gmail.cmo', 'imap.gmail.com', true],
			['', 'a', true],
			['ab', 'a', false],
		];
		for (const [typed, intended, slip] of cases)
			assert.equal(isOneLetterSlip(typed, intended), slip, `${typed} ${intended}`);
	});

	test('edit distance with transpositions, capped', () => {
		const cases: [a: string, b: string, max: number, distance: number][] = [
			['office365', 'office365', 2, 0],
			['office356', 'office365', 2, 1],
			['ofice365', 'office365', 2, 1],
			['offfice365', 'office365', 2, 1],
			['offcie356', 'office365', 2, 2],
			['offcie356', 'office365', 1, 2],
			['kitten', 'sitting', 5, 3],
			['kitten', 'sitting', 2, 3],
			['abc', 'abcdef', 2, 3],
			['', 'abc', 3, 3],
			['abc', '', 3, 3],
			['ca', 'abc', 3, 3],
		];
		for (const [a, b, max, distance] of cases) assert.equal(editDistance(a, b, max), distance, `${a} ${b} ${max}`);
	});

	test('likely typos, with the account’s address telling whose hosts to compare with', () => {
		const cases: [host: string, context: Parameters<typeof likelyHostTypo>[1], meant: string | undefined][] = [
			['imap.gmx.nett', {}, 'imap.gmx.net'],
			['IMAP.GMIAL.COM ', {}, 'imap.gmail.com'],
			['imapp.strato.de', {}, 'imap.strato.de'],
			['imap.mail.yahoo.co', {}, 'imap.mail.yahoo.com'],
			['imap.gmx.nt', { email: 'a@gmx.de', protocol: 'imap' }, 'imap.gmx.net'],
			// One slip from both of the provider's hosts: the server's protocol decides.
			['smap.web.de', { email: 'a@web.de', protocol: 'smtp' }, 'smtp.web.de'],
			['smap.web.de', { email: 'a@web.de', protocol: 'imap' }, 'imap.web.de'],
			// ISPDB lists @twc.com nowhere, but its provider's host mail.twc.com is named after it.
			['mail.tcw.com', { email: 'jane.doe@twc.com' }, 'mail.twc.com'],
			// A slip next to a host of an ISPDB provider with the same parent domain, without an address.
			['imapp.mail.ru', {}, 'imap.mail.ru'],
			// Two slips count from 12 characters on; a shorter host is too close to too many real ones.
			['imap.gxm.nte', {}, 'imap.gmx.net'],
			['mial.gmx.nte', {}, 'mail.gmx.net'],
			['imap.wbe.ed', {}, undefined],
			['imap.aol.cm', {}, 'imap.aol.com'],
			// A slip in the name of a .de host is no country variant, whatever the top-level domain.
			['secureimap.t-onlien.de', {}, 'secureimap.t-online.de'],
			['imap.wbe.de', {}, 'imap.web.de'],
			// A country variant or a numbered sibling of a provider host is real far more often than a slip.
			['imap.strato.nl', {}, undefined],
			['smtp2.strato.de', {}, undefined],
			['smtp3.gmx.net', {}, undefined],
			['imap1.gmx.net', {}, undefined],
			// Small providers' hosts are compared only for their own customers.
			['mial.inbox.lv', {}, undefined],
			['mial.inbox.lv', { email: 'a@inbox.lv' }, 'mail.inbox.lv'],
			['mial.inbox.lv', { email: 'a@INBOX.LV' }, 'mail.inbox.lv'],
			['mail.inbox.lv', { email: 'a@inbox.lv' }, undefined],
			['mail.inbox.lv', {}, undefined],
			['mial.inbox.lv', { email: 'not-an-address' }, undefined],
			['x.de', {}, undefined],
			['mx.de', {}, undefined],
		];
		for (const [host, context, meant] of cases)
			assert.equal(likelyHostTypo(host, context), meant, `${host} ${JSON.stringify(context)}`);
	});

	test('a domain’s hosts: our table, ISPDB, placeholders filled for the domain', () => {
		const hosts = (domain: string) => [
			...new Set(providerHostsForDomain(domain).map((h) => `${h.protocol} ${h.host}`)),
		];
		assert.deepEqual(hosts('inbox.lv'), ['imap mail.inbox.lv', 'smtp mail.inbox.lv']);
		assert.deepEqual(hosts(' Mail.EE '), ['imap mail.ee', 'smtp mail.ee']);
		assert.ok(hosts('gmx.de').includes('imap imap.gmx.net'));
		assert.ok(hosts('gmx.net').includes('smtp mail.gmx.net'), 'by the parent domain of its own hosts');
		assert.deepEqual(hosts('mueller-bau.de'), []);
	});
});

describe('detection by domain and host', () => {
	test('the domain of an address', () => {
		const cases: [email: string, domain: string | undefined][] = [
			['a@gmx.de', 'gmx.de'],
			['A@GMX.DE ', 'gmx.de'],
			['"a@b"@web.de', 'web.de'],
			['@gmx.de', undefined],
			['a@', undefined],
			['gmx.de', undefined],
		];
		for (const [email, domain] of cases) assert.equal(emailDomain(email), domain, email);
	});

	test('provider by domain and by host, whatever the case and spacing', () => {
		assert.equal(providerForDomain(' GMX.de ')?.id, 'gmx');
		assert.equal(providerForDomain('mueller-bau.de'), undefined);
		assert.deepEqual(
			providersForHost(' Outlook.Office365.com ').map((p) => p.id),
			['microsoft365', 'outlook-com'],
		);
		assert.deepEqual(
			providersForHost('smtp.gmail.com').map((p) => p.id),
			['google-workspace', 'gmail'],
		);
		assert.deepEqual(providersForHost('mail.mueller-bau.de'), []);
	});

	test('documented endpoints: case-insensitive host, per protocol, our table before ISPDB, each combination once', () => {
		assert.deepEqual(
			documentedEndpoints('IMAP.GMX.NET', 'imap').map((e) => `${e.port}/${e.security} ${e.source}`),
			documentedEndpoints('imap.gmx.net', 'imap').map((e) => `${e.port}/${e.security} ${e.source}`),
		);
		const gmx = documentedEndpoints('imap.gmx.net', 'imap');
		assert.equal(new Set(gmx.map((e) => `${e.port}/${e.security}`)).size, gmx.length);
		assert.deepEqual(documentedEndpoints('imap.gmx.net', 'smtp'), []);
		assert.deepEqual(documentedEndpoints('mail.ee', 'imap'), [], 'a placeholder host is no documented host');
		assert.deepEqual(ispdbEndpointsForHost('IMAP.MAIL.RU')[0], { protocol: 'imap', port: 993, security: 'tls' });
		assert.deepEqual(ispdbEndpointsForHost('%EMAILDOMAIN%'), []);
		assert.deepEqual(ispdbEndpointsForHost('mail.%EMAILDOMAIN%'), [], 'a placeholder host is no host');
		// Google documents 587 next to ISPDB's 465, whatever the spelling of the host.
		assert.deepEqual(
			documentedEndpoints(' SMTP.Gmail.com ', 'smtp').map((e) => `${e.port}/${e.security} ${e.source}`),
			['465/tls ispdb', '587/starttls google-imap-smtp'],
		);
	});

	test('ISPDB presets by domain: placeholders filled with the domain in lower case', () => {
		assert.deepEqual(
			ispdbForDomain('INBOX.LV')?.imap.map(([h]) => h),
			['mail.inbox.lv'],
		);
		assert.deepEqual(
			ispdbForDomain('inbox.eu')?.smtp.map(([h]) => h),
			['mail.inbox.eu'],
		);
		assert.deepEqual(
			ispdbForDomain('Mail.ee')?.imap.map(([h]) => h),
			['mail.ee'],
		);
		assert.equal(ispdbForDomain('example.invalid'), undefined);
	});
});
