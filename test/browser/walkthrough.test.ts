import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Lang } from '../../src/core/i18n';
import { GUIDES } from '../../src/core/walkthroughs/catalog';
import { uiStrings } from '../../src/core/walkthroughs/ui-strings';
import { allGuideViews } from '../../src/core/walkthroughs/view';
import type { HostToWebview } from '../../src/shared/webview-protocol';
import { renderText } from '../../src/core/facts/text';
import {
	ARTIFACTS,
	type PageServer,
	ROOT,
	launchChromium,
	pageGlobal,
	sendToWebview,
	startPageServer,
	violations,
	waitForPosted,
} from './harness';

const NOW = new Date('2026-12-03T00:00:00Z');

let server: PageServer;
let browser: Browser;
const consoleErrors: string[] = [];

function init(lang: Lang, extra: Partial<Extract<HostToWebview, { type: 'init' }>> = {}): HostToWebview {
	return { type: 'init', lang, ui: uiStrings(lang), guides: allGuideViews(lang, NOW), checked: {}, ...extra };
}

async function openPanel(lang: Lang, query = ''): Promise<Page> {
	const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
	page.on('console', (message) => {
		if (message.type() === 'error') consoleErrors.push(message.text());
	});
	page.on('pageerror', (error) => consoleErrors.push(error.message));
	await page.goto(`${server.origin}/?lang=${lang}${query}`);
	await waitForPosted(page, 'ready');
	return page;
}

function heading(page: Page, title: string) {
	return page.getByRole('heading', { level: 1, name: title, exact: true });
}

before(async () => {
	// The suite tests the bundle as shipped, so it builds it first.
	execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
	mkdirSync(ARTIFACTS, { recursive: true });
	server = await startPageServer();
	browser = await launchChromium();
});

after(async () => {
	await browser?.close();
	await server?.close();
});

for (const lang of ['en', 'de'] as const) {
	describe(`every guide renders in ${lang}`, () => {
		let page: Page;
		before(async () => {
			page = await openPanel(lang);
			await sendToWebview(page, init(lang));
			await page.waitForSelector('.guide-card');
			await page.screenshot({ path: join(ARTIFACTS, `${lang}-00-guide-list.png`), fullPage: true });
		});
		after(() => page.close());

		test('the list shows every guide', async () => {
			const titles = await page.locator('.guide-title').allTextContents();
			assert.deepEqual(
				titles,
				GUIDES.map((g) => g.title[lang]),
			);
		});

		for (const guide of GUIDES) {
			test(guide.id, async () => {
				await sendToWebview(page, { type: 'focus', guide: guide.id });
				await heading(page, guide.title[lang]).waitFor();
				assert.equal(await page.locator('html').getAttribute('lang'), lang);
				assert.equal(await page.locator('.step').count(), guide.steps.length);
				for (const [index, step] of guide.steps.entries()) {
					const section = page.locator(`#step-${step.id}`);
					assert.equal(await section.locator('h3').textContent(), `${index + 1}. ${step.title[lang]}`);
					const paragraphs = await section.locator(':scope > p').allTextContents();
					assert.deepEqual(
						paragraphs,
						step.body.map((p) => renderText(p, lang, NOW)),
					);
					assert.deepEqual(
						await section.locator('.breadcrumbs li').allTextContents(),
						(step.uiPath ?? []).map((label) => label[lang]),
					);
					assert.deepEqual(
						await section.locator('.command code').allTextContents(),
						(step.commands ?? []).map((c) => c.code),
					);
					assert.equal(await section.locator('.verify').count(), step.verify ? 1 : 0);
				}
				const status = page.locator('.current-status');
				if (guide.currentStatus) {
					const text = (await status.textContent()) ?? '';
					assert.ok(text.includes(guide.currentStatus.asOf));
					assert.ok(text.includes(renderText(guide.currentStatus.text, lang, NOW)));
				} else {
					assert.equal(await status.count(), 0);
				}
				await page.screenshot({ path: join(ARTIFACTS, `${lang}-${guide.id}.png`), fullPage: true });
			});
		}

		test('no CSP violation and no script error while rendering', async () => {
			assert.deepEqual(await violations(page), []);
			assert.deepEqual(consoleErrors, []);
		});
	});
}

describe('panel behaviour', () => {
	let page: Page;
	before(async () => {
		page = await openPanel('en');
	});
	after(() => page.close());

	test('a deep link opens the guide at the step and highlights it', async () => {
		await sendToWebview(
			page,
			init('en', {
				focus: { guide: 'm365-enable-smtp-auth', step: 'security-defaults' },
				account: { id: 'dms-import', label: 'dms-import (dms.mailaccounts.json)' },
				checked: { 'm365-enable-smtp-auth': ['connect-powershell'] },
			}),
		);
		const step = page.locator('#step-security-defaults');
		await step.waitFor();
		assert.match((await step.getAttribute('class')) ?? '', /\bhighlight\b/);
		assert.equal(await page.locator('.highlight').count(), 1);
		const box = await step.boundingBox();
		assert.ok(box && box.y >= 0 && box.y < 800, `step is not in view (y=${box?.y})`);
		assert.equal(await page.locator('#step-connect-powershell input[type=checkbox]').isChecked(), true);
		assert.match((await page.locator('.account').textContent()) ?? '', /dms-import/);
		await page.screenshot({ path: join(ARTIFACTS, 'en-deep-link.png') });
	});

	test('copy and link buttons send intents naming catalog entries, never running anything themselves', async () => {
		await page.locator('#step-enable-mailbox .copy').first().click();
		assert.deepEqual(await waitForPosted(page, 'copyCommand'), {
			type: 'copyCommand',
			guide: 'm365-enable-smtp-auth',
			step: 'enable-mailbox',
			index: 0,
		});
		await page.locator('#step-understand-5-7-139 .links .link').click();
		assert.deepEqual(await waitForPosted(page, 'openLink'), {
			type: 'openLink',
			url: 'https://aka.ms/smtp_auth_disabled',
		});
		assert.equal(page.url().startsWith(server.origin), true, 'the page navigated away');
	});

	test('ticking a step asks the host; the host answer updates the list', async () => {
		await page.locator('#step-check-org input[type=checkbox]').check();
		assert.deepEqual(await waitForPosted(page, 'toggleStep'), {
			type: 'toggleStep',
			guide: 'm365-enable-smtp-auth',
			step: 'check-org',
			done: true,
		});
		await sendToWebview(page, {
			type: 'checked',
			guide: 'm365-enable-smtp-auth',
			steps: ['connect-powershell', 'check-org'],
		});
		await page.locator('#step-check-org.done').waitFor();
		assert.match((await page.locator('.guide-meta').textContent()) ?? '', /2 of 7 steps done/);
	});

	test('Verify shows the failure details and ticks the step only on the host saying passed', async () => {
		await page.locator('#step-test .verify').click();
		const first = await waitForPosted(page, 'verify');
		assert.equal(first.guide, 'm365-enable-smtp-auth');
		assert.equal(first.step, 'test');
		assert.equal(await page.locator('#step-test .verify').isDisabled(), true);
		const detail = 'SMTP (auth): The server rejected the login. Server: 535 5.7.139 Authentication unsuccessful';
		await sendToWebview(page, {
			type: 'verifyResult',
			requestId: first.requestId,
			guide: 'm365-enable-smtp-auth',
			step: 'test',
			outcome: 'failed',
			details: [detail],
		});
		await page.locator('#step-test .verify-result.failed').waitFor();
		assert.deepEqual(await page.locator('#step-test .verify-result li').allTextContents(), [detail]);
		assert.equal(await page.locator('#step-test input[type=checkbox]').isChecked(), false);
		await page.screenshot({ path: join(ARTIFACTS, 'en-verify-failed.png') });

		await page.locator('#step-test .verify').click();
		const second = await waitForPosted(page, 'verify', 2);
		assert.notEqual(second.requestId, first.requestId);
		// A stale answer to an old request changes nothing.
		await sendToWebview(page, {
			type: 'verifyResult',
			requestId: first.requestId,
			guide: 'm365-enable-smtp-auth',
			step: 'test',
			outcome: 'passed',
			details: [],
		});
		assert.equal(await page.locator('#step-test .verify-result.running').count(), 1);
		await sendToWebview(page, {
			type: 'checked',
			guide: 'm365-enable-smtp-auth',
			steps: ['connect-powershell', 'check-org', 'test'],
		});
		await sendToWebview(page, {
			type: 'verifyResult',
			requestId: second.requestId,
			guide: 'm365-enable-smtp-auth',
			step: 'test',
			outcome: 'passed',
			details: [],
		});
		await page.locator('#step-test .verify-result.passed').waitFor();
		assert.equal(await page.locator('#step-test input[type=checkbox]').isChecked(), true);
	});

	test('the language switch asks the host, and the German init re-renders the same guide', async () => {
		await page.locator('.lang[data-lang=de]').click();
		assert.deepEqual(await waitForPosted(page, 'setLang'), { type: 'setLang', lang: 'de' });
		await sendToWebview(page, init('de'));
		await heading(page, 'SMTP AUTH für ein Postfach einschalten').waitFor();
		assert.equal(await page.locator('.lang[aria-pressed=true]').textContent(), 'Deutsch');
	});

	test('search filters the list by title, step text and id', async () => {
		await page.locator('.back').click();
		await page.locator('.search').fill('5.7.139');
		await page.locator('.guide-card[data-guide=gmail-oauth2]').waitFor({ state: 'detached' });
		const ids = await page
			.locator('.guide-card')
			.evaluateAll((cards) => cards.map((c) => c.getAttribute('data-guide')));
		assert.ok(ids.includes('m365-enable-smtp-auth'));
		assert.ok(!ids.includes('gmail-oauth2'));
		await page.locator('.search').fill('zzzz-nothing');
		await page.locator('.empty').waitFor();
		await page.locator('.search').fill('');
		assert.equal(await page.locator('.guide-card').count(), GUIDES.length);
	});

	test('content is rendered as text: markup in data never becomes elements', async () => {
		const views = allGuideViews('en', NOW);
		const [first] = views;
		assert.ok(first);
		const hostile = { ...first, title: '<img src=x onerror="window.__pwned=1">', summary: '<b>bold</b>' };
		await sendToWebview(page, { ...init('en'), guides: [hostile, ...views.slice(1)], focus: { guide: first.id } });
		await heading(page, hostile.title).waitFor();
		assert.equal(await page.locator('img').count(), 0);
		assert.equal(await page.locator('main b').count(), 0);
		assert.equal(await pageGlobal(page, '__pwned'), undefined);
	});

	test('messages that do not fit the protocol are ignored', async () => {
		const before = await page.locator('h1').textContent();
		await sendToWebview(page, { type: 'focus', guide: '../../etc' });
		await sendToWebview(page, { type: 'init', lang: 'en' });
		assert.equal(await page.locator('h1').textContent(), before);
		assert.deepEqual(await violations(page), []);
	});
});

describe('CSP enforcement control', () => {
	test('an inline script without the nonce is blocked and reported, so a clean run means something', async () => {
		const page = await openPanel('en', '&inline=1');
		await page.waitForFunction('window.__violations.length > 0');
		const reported = await violations(page);
		assert.equal(await pageGlobal(page, '__inlineRan'), undefined);
		assert.ok(reported.some((v) => v.directive.startsWith('script-src')));
		await page.close();
		// This page's CSP error is expected; keep it out of the rendering suites' check.
		consoleErrors.length = 0;
	});
});
