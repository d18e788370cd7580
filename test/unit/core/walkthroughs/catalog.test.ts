import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LANGS, type Localized } from '../../../../src/core/i18n';
import { parseDay } from '../../../../src/core/clock';
import {
	GUIDES,
	getGuide,
	isCatalogLink,
	listGuides,
	resolveWalkthroughRef,
	stepCommand,
} from '../../../../src/core/walkthroughs/catalog';
import { isAllowedLink } from '../../../../src/core/walkthroughs/links';
import { renderGuideText } from '../../../../src/core/walkthroughs/render-text';
import { variants } from '../../../../src/core/facts/text';

/** The deep-link contract of issue 5: exactly these guide ids exist. */
const REQUIRED_GUIDES = [
	'm365-check-mfa',
	'm365-create-app-password',
	'm365-allow-app-passwords',
	'm365-enable-smtp-auth',
	'm365-oauth2-app-only',
	'm365-oauth2-delegated',
	'm365-shared-mailbox',
	'm365-send-as',
	'm365-import-folder-rule',
	'm365-disable-read-receipts',
	'm365-mfa-reset-and-sessions',
	'smtp-device-app-password',
	'm365-smtp-after-basic-auth',
	// Issue 11: EWS retirement and a SaaS tool's admin consent.
	'm365-ews-retirement',
	'm365-saas-admin-consent',
	'gmail-app-password',
	'gmail-oauth2',
	'mail-adapter-setup',
];

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function isLocalized(value: unknown): value is Localized {
	return typeof value === 'object' && value !== null && Object.keys(value).sort().join() === [...LANGS].sort().join();
}

/** Every Localized text anywhere in a guide, with a path for the failure message. */
function localizedTexts(value: unknown, path: string, out: [string, Localized][] = []): [string, Localized][] {
	if (isLocalized(value)) out.push([path, value]);
	else if (Array.isArray(value)) value.forEach((item, i) => localizedTexts(item, `${path}[${i}]`, out));
	else if (typeof value === 'object' && value !== null) {
		for (const [key, child] of Object.entries(value)) localizedTexts(child, `${path}.${key}`, out);
	}
	return out;
}

describe('walkthrough catalog', () => {
	test('has exactly the guides of the deep-link contract, each once', () => {
		assert.deepEqual(GUIDES.map((g) => g.id).sort(), [...REQUIRED_GUIDES].sort());
	});

	test('English and German list the same guides and step ids', () => {
		const ids = (lang: 'en' | 'de') => listGuides(lang).map((g) => [g.id, g.steps.map((s) => s.id)]);
		assert.deepEqual(ids('de'), ids('en'));
		assert.equal(listGuides('de').length, REQUIRED_GUIDES.length);
	});

	for (const guide of GUIDES) {
		describe(guide.id, () => {
			test('ids are kebab-case and step ids unique', () => {
				assert.match(guide.id, KEBAB);
				const stepIds = guide.steps.map((s) => s.id);
				for (const id of stepIds) assert.match(id, KEBAB);
				assert.equal(new Set(stepIds).size, stepIds.length, 'duplicate step id');
				assert.ok(guide.steps.length >= 3, 'a guide needs at least three steps');
			});

			test('every text exists, non-empty and trimmed, in both languages', () => {
				const texts = localizedTexts(guide, guide.id);
				assert.ok(texts.length > guide.steps.length * 2);
				for (const [path, text] of texts) {
					for (const lang of LANGS) {
						assert.ok(text[lang].trim().length > 0, `${path}.${lang} is empty`);
						assert.equal(text[lang], text[lang].trim(), `${path}.${lang} has outer whitespace`);
					}
				}
				for (const step of guide.steps) {
					assert.ok(step.body.length > 0, `${step.id} has no body`);
					// Titles and bodies are translated, not copied: German and English differ.
					assert.notEqual(step.title.de, step.title.en, `${step.id} title is not translated`);
					for (const paragraph of step.body.flatMap(variants)) assert.notEqual(paragraph.de, paragraph.en);
				}
			});

			test('links are allowlisted https URLs', () => {
				for (const step of guide.steps) {
					for (const link of step.links ?? []) {
						assert.ok(isAllowedLink(link.url), `${guide.id}#${step.id}: ${link.url} is not allowlisted`);
						assert.ok(isCatalogLink(link.url));
					}
				}
			});

			test('related links and the modern alternative resolve', () => {
				for (const step of guide.steps) {
					for (const ref of step.related ?? []) {
						assert.ok(resolveWalkthroughRef(ref), `${guide.id}#${step.id} -> ${ref} does not resolve`);
					}
				}
				const alternative = guide.currentStatus?.modernAlternative;
				if (alternative) {
					assert.ok(getGuide(alternative), `${alternative} does not exist`);
					assert.notEqual(alternative, guide.id);
				}
			});

			test('a current-status note carries a real date', () => {
				const asOf = guide.currentStatus?.asOf;
				if (asOf !== undefined) assert.ok(parseDay(asOf), `${asOf} is not YYYY-MM-DD`);
			});

			test('commands are PowerShell with placeholders, never real-looking secrets', () => {
				for (const step of guide.steps) {
					for (const command of step.commands ?? []) {
						assert.equal(command.shell, 'powershell');
						assert.doesNotMatch(command.code, /password|secret\s*=|Bearer /i);
					}
				}
			});
		});
	}

	test('guides whose sources the world overtook say so, with a dated note and a modern alternative', () => {
		const changed = [
			'm365-check-mfa',
			'm365-create-app-password',
			'm365-allow-app-passwords',
			'm365-enable-smtp-auth',
			'm365-shared-mailbox',
			'smtp-device-app-password',
			'gmail-app-password',
		];
		for (const id of changed) {
			const status = getGuide(id)?.currentStatus;
			assert.ok(status, `${id} has no current status`);
			assert.ok(status.modernAlternative, `${id} names no modern alternative`);
		}
	});
});

describe('guide facts (from the sources and mail-facts.md)', () => {
	// [guide, facts that must appear in both languages' text rendering]
	const cases: [string, string[]][] = [
		[
			'm365-enable-smtp-auth',
			['Set-TransportConfig', 'Set-CASMailbox', '5.7.139', '2026', 'SmtpClientAuthenticationDisabled'],
		],
		[
			'm365-oauth2-app-only',
			[
				'IMAP.AccessAsApp',
				'SMTP.SendAsApp',
				'New-ServicePrincipal',
				'Add-MailboxPermission',
				'outlook.office365.com',
				'993',
				'https://outlook.office365.com/.default',
				"-Role 'Application SMTP.SendAsApp'",
			],
		],
		['m365-oauth2-delegated', ['IMAP.AccessAsUser.All', 'SMTP.Send', 'offline_access']],
		['m365-shared-mailbox', ['50 GB', 'outlook.office365.com']],
		['m365-send-as', ['Add-RecipientPermission', 'SendAs', '5.7.60']],
		['m365-import-folder-rule', ['INBOX/Import', '50 GB']],
		['m365-disable-read-receipts', ['New-TransportRule', 'ReadReceipt']],
		[
			'm365-mfa-reset-and-sessions',
			['Revoke-MgUserSignInSession', 'New-MgUserAuthenticationTemporaryAccessPassMethod'],
		],
		['m365-saas-admin-consent', ['/adminconsent?client_id=', 'IMAP.AccessAsUser.All']],
		['m365-ews-retirement', ['EwsEnabled']],
		['smtp-device-app-password', ['smtp.office365.com', '587, STARTTLS', 'FritzBox', '2026']],
		['m365-allow-app-passwords', ['AllowBasicAuthSmtp', 'Get-AuthenticationPolicy']],
		['m365-check-mfa', ['2025']],
		['gmail-app-password', ['imap.gmail.com', 'smtp.gmail.com', 'https://myaccount.google.com/apppasswords', '2025']],
		['gmail-oauth2', ['https://mail.google.com/']],
		['mail-adapter-setup', ['${secret:NAME}', '993', '587']],
	];
	for (const [id, facts] of cases) {
		test(id, () => {
			const guide = getGuide(id);
			assert.ok(guide);
			for (const lang of LANGS) {
				const text = renderGuideText(guide, lang, new Date('2026-12-03T00:00:00Z'));
				for (const fact of facts) assert.ok(text.includes(fact), `${id} (${lang}) lacks "${fact}"`);
			}
		});
	}
});

describe('resolveWalkthroughRef', () => {
	const cases: [string, string | undefined, string | undefined][] = [
		['m365-enable-smtp-auth', 'm365-enable-smtp-auth', undefined],
		['m365-enable-smtp-auth#enable-mailbox', 'm365-enable-smtp-auth', 'enable-mailbox'],
		['gmail-oauth2#consent-screen', 'gmail-oauth2', 'consent-screen'],
		['m365-enable-smtp-auth#no-such-step', undefined, undefined],
		['m365-enable-smtp-auth#', undefined, undefined],
		['#test', undefined, undefined],
		['no-such-guide', undefined, undefined],
		['', undefined, undefined],
		['M365-ENABLE-SMTP-AUTH', undefined, undefined],
	];
	for (const [ref, guide, step] of cases) {
		test(JSON.stringify(ref), () => {
			const resolved = resolveWalkthroughRef(ref);
			assert.equal(resolved?.guide.id, guide);
			assert.equal(resolved?.step?.id, step);
		});
	}
});

describe('stepCommand', () => {
	test('returns the command by index and nothing out of range', () => {
		assert.equal(
			stepCommand('m365-enable-smtp-auth', 'enable-mailbox', 0),
			'Set-CASMailbox -Identity <MAILBOX> -SmtpClientAuthenticationDisabled $false',
		);
		assert.equal(stepCommand('m365-enable-smtp-auth', 'enable-mailbox', 9), undefined);
		assert.equal(stepCommand('m365-enable-smtp-auth', 'test', 0), undefined);
		assert.equal(stepCommand('nope', 'test', 0), undefined);
	});
});

describe('isAllowedLink', () => {
	const cases: [string, boolean][] = [
		['https://learn.microsoft.com/entra/fundamentals/security-defaults', true],
		['https://aka.ms/smtp_auth_disabled', true],
		['https://myaccount.google.com/apppasswords', true],
		['http://learn.microsoft.com/', false],
		['https://learn.microsoft.com.evil.example/', false],
		['https://evil.learn.microsoft.com/', false],
		['https://user:pw@learn.microsoft.com/', false],
		['https://learn.microsoft.com:8443/', false],
		['javascript:alert(1)', false],
		['data:text/html,hi', false],
		['command:mailcfg.testConnection', false],
		['not a url', false],
	];
	for (const [url, allowed] of cases) {
		test(url, () => assert.equal(isAllowedLink(url), allowed));
	}
	test('a catalog lookup refuses URLs that are allowlisted but not written in a guide', () => {
		assert.equal(isCatalogLink('https://learn.microsoft.com/some/other/page'), false);
	});
});

describe('per-user MFA and app passwords: every guide states the same fact', () => {
	// Microsoft: app passwords need per-user MFA "Enabled" or "Enforced" ("Enabled" becomes "Enforced" by itself after
	// registration); "Disabled", also shown for MFA from security defaults or Conditional Access, means none.
	const stepText = (ref: string, lang: 'en' | 'de'): string => {
		const [guideId, stepId] = ref.split('#');
		const step = getGuide(guideId ?? '')?.steps.find((s) => s.id === stepId);
		assert.ok(step, `${ref} does not exist`);
		return step.body.flatMap((text) => variants(text).map((v) => v[lang])).join(' ');
	};
	const refs = [
		'm365-create-app-password#add-method',
		'm365-check-mfa#read-status',
		'm365-allow-app-passwords#enforce-per-user-mfa',
		'smtp-device-app-password#enforce-mfa',
	];
	for (const ref of refs) {
		test(ref, () => {
			assert.match(stepText(ref, 'en'), /"Enabled" or "Enforced"/);
			assert.match(stepText(ref, 'de'), /„Aktiviert“ oder „Erzwungen“/);
		});
	}
	test('no guide demands "Enforced" alone or blames a missing app password on MFA not being enforced', () => {
		const all = GUIDES.flatMap((guide) => [
			guide.summary,
			...guide.steps.flatMap((step) => [...step.body, ...(step.warnings ?? [])].flatMap(variants)),
		]);
		for (const text of all) {
			assert.doesNotMatch(text.en, /not enforced|must (?:be|read) "Enforced"|MFA enforced/i, text.en);
			assert.doesNotMatch(text.de, /nicht erzwungen|„Erzwungen“ (?:sein|stehen)|MFA pro Benutzer erzwungen/i, text.de);
		}
	});
});
