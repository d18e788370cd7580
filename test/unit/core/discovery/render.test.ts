import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { discover } from '../../../../src/core/discovery/discover';
import { foundAnything, renderDiscoveryText, toDiscoveryJson } from '../../../../src/core/discovery/render';
import type { DiscoveryResult, ServerCandidate } from '../../../../src/core/discovery/types';

const candidate = (over: Partial<ServerCandidate>): ServerCandidate => ({
	protocol: 'imap',
	host: 'mail.hybrid.test',
	port: 993,
	security: 'tls',
	source: 'autoconfig',
	origin: 'https://autoconfig.hybrid.test/mail/config-v1.1.xml',
	verified: true,
	documented: false,
	rank: 0,
	...over,
});

/** A network run as the CLI prints it: a verified and a plain-HTTP server, every step status, a tenant. */
const HYBRID: DiscoveryResult = {
	email: 'archive@hybrid.test',
	domain: 'hybrid.test',
	provider: { id: 'hybrid.test', name: 'Hybrid Corp', known: false },
	steps: [
		{ kind: 'data', status: 'none', detail: { en: 'no data', de: 'keine Daten' } },
		{ kind: 'autoconfig', status: 'found', detail: { en: 'https://a', de: 'https://a' } },
		{ kind: 'mx', status: 'failed', detail: { en: 'DNS failed', de: 'DNS gescheitert' } },
		{ kind: 'srv', status: 'skipped', detail: { en: 'skipped', de: 'übersprungen' } },
		{ kind: 'tenant', status: 'found', detail: { en: 'tenant t', de: 'Mandant t' } },
	],
	imap: [
		candidate({}),
		candidate({ host: 'imap.attacker.test', verified: false, origin: 'http://autoconfig.hybrid.test/x' }),
	],
	smtp: [],
	tenant: { id: 'a3f1c2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b', domain: 'hybrid.test' },
	auth: { method: 'password', reason: { en: 'Use the password.', de: 'Das Kennwort nehmen.' } },
	enable: null,
	account: null,
};

describe('the discovery report', () => {
	test('a run with everything: servers with their source and flag, tenant, step marks, no account (en/de)', () => {
		assert.equal(
			renderDiscoveryText(HYBRID, 'en'),
			[
				'Mail settings for archive@hybrid.test',
				'',
				'Provider: Hybrid Corp (hybrid.test)',
				'IMAP, best first:',
				`  ${'mail.hybrid.test:993 tls'.padEnd(44)} autoconfig: https://autoconfig.hybrid.test/mail/config-v1.1.xml`,
				`  ${'imap.attacker.test:993 tls'.padEnd(44)} autoconfig: http://autoconfig.hybrid.test/x (unverified)`,
				'Microsoft Entra tenant: a3f1c2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b (hybrid.test)',
				'Sign-in: password. Use the password.',
				'',
				'Steps:',
				'  - provider data  no data',
				'  + autoconfig     https://a',
				'  ! MX records     DNS failed',
				'    SRV records    skipped',
				'  + tenant         tenant t',
				'',
				'No account suggested: only unencrypted servers were found.',
				'',
			].join('\n'),
		);
		assert.equal(
			renderDiscoveryText(HYBRID, 'de'),
			[
				'Mail-Einstellungen für archive@hybrid.test',
				'',
				'Anbieter: Hybrid Corp (hybrid.test)',
				'IMAP, bester zuerst:',
				`  ${'mail.hybrid.test:993 tls'.padEnd(44)} Autoconfig: https://autoconfig.hybrid.test/mail/config-v1.1.xml`,
				`  ${'imap.attacker.test:993 tls'.padEnd(44)} Autoconfig: http://autoconfig.hybrid.test/x (nicht überprüft)`,
				'Microsoft-Entra-Mandant: a3f1c2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b (hybrid.test)',
				'Anmeldung: password. Das Kennwort nehmen.',
				'',
				'Schritte:',
				'  - Anbieterdaten  keine Daten',
				'  + Autoconfig     https://a',
				'  ! MX-Einträge    DNS gescheitert',
				'    SRV-Einträge   übersprungen',
				'  + Mandant        Mandant t',
				'',
				'Kein Konto vorgeschlagen: nur unverschlüsselte Server gefunden.',
				'',
			].join('\n'),
		);
	});

	test('an offline run for GMX: provider, both protocols, the sign-in and the account to paste (en/de)', async () => {
		const result = await discover('someone@gmx.de', { offline: true });
		const account = JSON.stringify(result.account, null, '\t');
		const cases = [
			{
				lang: 'en' as const,
				head: [
					'Mail settings for someone@gmx.de',
					'',
					'Provider: GMX (gmx)',
					'IMAP, best first:',
					`  ${'imap.gmx.net:993 tls'.padEnd(44)} provider data: mailcfg + ISPDB gmx`,
					`  ${'imap.gmx.net:143 starttls'.padEnd(44)} provider data: mailcfg + ISPDB gmx`,
					'SMTP, best first:',
					`  ${'mail.gmx.net:465 tls'.padEnd(44)} provider data: mailcfg + ISPDB gmx`,
					`  ${'mail.gmx.net:587 starttls'.padEnd(44)} provider data: mailcfg + ISPDB gmx`,
					'Sign-in: password. Sign in with the mailbox password, kept in the secret store.',
					'Before the first sign-in (mailcfg fact gmx-imap-access): GMX lets mail programs connect over POP3 and IMAP only after that access has been allowed once in the e-mail settings of the account. https://hilfe.gmx.net/pop-imap/einschalten.html',
					'',
					'Steps:',
					'  + provider data  GMX, from the mailcfg provider table and Thunderbird’s ISPDB (gmx.de)',
					'    autoconfig     skipped (offline)',
					'    MX records     skipped (offline)',
					'    SRV records    skipped (offline)',
					'    tenant         skipped: not a Microsoft 365 domain',
					'',
					'Account (add it to the "accounts" array of a *.mailaccounts.json file; store the secret it names):',
				],
			},
			{
				lang: 'de' as const,
				head: [
					'Mail-Einstellungen für someone@gmx.de',
					'',
					'Anbieter: GMX (gmx)',
					'IMAP, bester zuerst:',
					`  ${'imap.gmx.net:993 tls'.padEnd(44)} Anbieterdaten: mailcfg + ISPDB gmx`,
					`  ${'imap.gmx.net:143 starttls'.padEnd(44)} Anbieterdaten: mailcfg + ISPDB gmx`,
					'SMTP, bester zuerst:',
					`  ${'mail.gmx.net:465 tls'.padEnd(44)} Anbieterdaten: mailcfg + ISPDB gmx`,
					`  ${'mail.gmx.net:587 starttls'.padEnd(44)} Anbieterdaten: mailcfg + ISPDB gmx`,
					'Anmeldung: password. Anmeldung mit dem Postfachkennwort, abgelegt im Geheimnisspeicher.',
					'Vor der ersten Anmeldung (mailcfg fact gmx-imap-access): GMX lässt E-Mail-Programme erst per POP3 und IMAP zu, wenn dieser Zugriff einmal in den E-Mail-Einstellungen des Kontos erlaubt wurde. https://hilfe.gmx.net/pop-imap/einschalten.html',
					'',
					'Schritte:',
					'  + Anbieterdaten  GMX, aus der Anbietertabelle von mailcfg und der ISPDB von Thunderbird (gmx.de)',
					'    Autoconfig     übersprungen (offline)',
					'    MX-Einträge    übersprungen (offline)',
					'    SRV-Einträge   übersprungen (offline)',
					'    Mandant        übersprungen: keine Microsoft 365-Domäne',
					'',
					'Konto (in das Array "accounts" einer *.mailaccounts.json-Datei einfügen; das genannte Geheimnis hinterlegen):',
				],
			},
		];
		for (const { lang, head } of cases) {
			assert.equal(renderDiscoveryText(result, lang), `${[...head, account].join('\n')}\n`, lang);
		}
		assert.doesNotMatch(account, /"password": "(?!\$\{secret:)/, 'only a secret reference, never a value');
	});

	test('nothing found: the tried steps, one per line, and no empty heading (en/de)', async () => {
		const result = await discover('x@unknown-company.example', { offline: true });
		assert.equal(foundAnything(result), false);
		assert.equal(
			renderDiscoveryText(result, 'en'),
			[
				'No mail settings found for x@unknown-company.example. Tried:',
				'  - provider data  no bundled provider data for unknown-company.example',
				'    autoconfig     skipped (offline)',
				'    MX records     skipped (offline)',
				'    SRV records    skipped (offline)',
				'    tenant         skipped: not a Microsoft 365 domain',
				'',
			].join('\n'),
		);
		assert.equal(
			renderDiscoveryText(result, 'de'),
			[
				'Keine Mail-Einstellungen für x@unknown-company.example gefunden. Versucht:',
				'  - Anbieterdaten  keine mitgelieferten Anbieterdaten für unknown-company.example',
				'    Autoconfig     übersprungen (offline)',
				'    MX-Einträge    übersprungen (offline)',
				'    SRV-Einträge   übersprungen (offline)',
				'    Mandant        übersprungen: keine Microsoft 365-Domäne',
				'',
			].join('\n'),
		);
	});

	test('an SMTP-only result counts as found and prints only its SMTP list; the flow joins the method', () => {
		const smtpOnly: DiscoveryResult = {
			...HYBRID,
			provider: null,
			imap: [],
			smtp: [candidate({ protocol: 'smtp', host: 'smtp.hybrid.test', port: 587, security: 'starttls' })],
			tenant: null,
			auth: { method: 'oauth2', flow: 'device-code', reason: { en: 'Device code.', de: 'Gerätecode.' } },
		};
		assert.equal(foundAnything(smtpOnly), true);
		const text = renderDiscoveryText(smtpOnly, 'en');
		assert.doesNotMatch(text, /IMAP|Provider|tenant:/);
		const line = `  ${'smtp.hybrid.test:587 starttls'.padEnd(44)} autoconfig: https://autoconfig.hybrid.test/mail/config-v1.1.xml`;
		assert.ok(text.includes(`\nSMTP, best first:\n${line}\n`), text);
		assert.match(text, /^Sign-in: oauth2, device-code\. Device code\.$/m);
	});

	test('the JSON contract: found steps only, servers without internals, tenant and account as found', () => {
		for (const lang of ['en', 'de'] as const) {
			assert.deepEqual(toDiscoveryJson(HYBRID, lang), {
				email: 'archive@hybrid.test',
				provider: { id: 'hybrid.test', name: 'Hybrid Corp' },
				sources: [
					{ kind: 'autoconfig', detail: 'https://a' },
					{ kind: 'tenant', detail: lang === 'en' ? 'tenant t' : 'Mandant t' },
				],
				imap: [
					{ host: 'mail.hybrid.test', port: 993, security: 'tls' },
					{ host: 'imap.attacker.test', port: 993, security: 'tls' },
				],
				smtp: [],
				tenant: { id: 'a3f1c2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b', domain: 'hybrid.test' },
				account: null,
			});
		}
		assert.deepEqual(toDiscoveryJson({ ...HYBRID, provider: null, tenant: null }, 'en').provider, null);
		assert.deepEqual(toDiscoveryJson({ ...HYBRID, provider: null, tenant: null }, 'en').tenant, null);
	});
});
