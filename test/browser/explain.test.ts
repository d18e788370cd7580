import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { explanationMessage } from '../../src/client/webview-explain-message';
import { findEntry } from '../../src/core/explain/catalog';
import { EXPLAIN_LABELS } from '../../src/core/explain/render';
import { type Lang, format } from '../../src/core/i18n';
import { parseExplainWebviewMessage } from '../../src/shared/webview-protocol';
import { renderText } from '../../src/core/facts/text';
import {
	ARTIFACTS,
	type PageServer,
	ROOT,
	launchChromium,
	pageGlobal,
	posted,
	sendToWebview,
	startPageServer,
	violations,
	waitForPosted,
} from './harness';
import { commandSpans } from '../../src/shared/command-spans';

/** An IMAP client log as admins paste it: one harmless line, then two failures on different lines. */
const LOG = [
	'2025-03-02 08:15:01 INFO connecting to outlook.office365.com:993',
	'2025-03-02 08:15:02 ERROR A1 NO AUTHENTICATE failed.',
	'2025-03-02 08:15:03 ERROR AADSTS50076: Due to a configuration change made by your administrator, you must use multi-factor authentication to access this resource.',
].join('\n');
const SMTP_REPLY = '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant';

let server: PageServer;
let browser: Browser;
const consoleErrors: string[] = [];

async function openPanel(lang: Lang, query = ''): Promise<Page> {
	const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
	page.on('console', (message) => {
		if (message.type() === 'error') consoleErrors.push(message.text());
	});
	page.on('pageerror', (error) => consoleErrors.push(error.message));
	await page.goto(`${server.origin}/?bundle=explain&lang=${lang}${query}`);
	await waitForPosted(page, 'ready');
	return page;
}

/** The text of the first element matching `selector` inside the n-th explanation section. */
function sectionText(page: Page, index: number, selector: string): Promise<string | null> {
	return page.locator('section.match').nth(index).locator(selector).first().textContent();
}

before(async () => {
	// The suite tests the bundles as shipped, so it builds them first.
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
	describe(`explanation panel in ${lang}`, () => {
		let page: Page;
		before(async () => {
			page = await openPanel(lang);
		});
		after(() => page.close());

		test('a pasted log: every cause the catalog finds, with cause, fix, walkthrough, raw line and sources', async () => {
			const message = explanationMessage(LOG, lang);
			assert.ok(message.matches.length >= 2, 'the log should explain more than one line');
			await sendToWebview(page, message);
			await page.locator('section.match').first().waitFor();
			assert.equal(await page.locator('html').getAttribute('lang'), lang);
			assert.equal(await page.locator('h1').textContent(), EXPLAIN_LABELS.heading[lang]);
			assert.equal(await page.locator('section.match').count(), message.matches.length);
			for (const [index, match] of message.matches.entries()) {
				const section = page.locator('section.match').nth(index);
				assert.equal(await section.getAttribute('data-match'), match.id);
				assert.equal(await section.locator('h2').textContent(), match.title);
				const percent = String(Math.round(match.confidence * 100));
				assert.equal(
					await section.locator('.meta').textContent(),
					`${match.id} · ${format(EXPLAIN_LABELS.confidence[lang], { percent })}`,
				);
				assert.equal(await section.locator('.cause').textContent(), match.cause);
				assert.deepEqual(await section.locator('.fix li').allTextContents(), match.fix);
				assert.equal(await section.locator('.open-walkthrough').count(), match.walkthrough ? 1 : 0);
				if (match.walkthrough) assert.equal(await section.locator('.ref').textContent(), match.walkthrough);
				assert.equal(await section.locator('.raw-line code').textContent(), match.matchedText);
				assert.ok(match.line !== undefined);
				assert.match(
					(await section.locator('.raw-line h3').textContent()) ?? '',
					new RegExp(`\\(${format(EXPLAIN_LABELS.line[lang], { n: match.line + 1 })}\\)$`),
				);
				assert.deepEqual(await section.locator('.sources .link').allTextContents(), match.sources);
			}
			assert.equal(await page.locator('.input code').textContent(), LOG);
			await page.screenshot({ path: join(ARTIFACTS, `explain-${lang}-log.png`), fullPage: true });
		});

		test('an Exchange Online SMTP reply shows the catalog entry’s own title and cause in this language', async () => {
			const entry = findEntry('smtp-auth-disabled');
			assert.ok(entry);
			await sendToWebview(page, explanationMessage(SMTP_REPLY, lang));
			await page.locator('section.match[data-match=smtp-auth-disabled]').waitFor();
			// The panel is reused: the new explanation replaces the previous one.
			assert.equal(await page.locator('section.match[data-match=mfa-required]').count(), 0);
			assert.equal(await sectionText(page, 0, 'h2'), entry.title[lang]);
			assert.equal(await sectionText(page, 0, '.cause'), renderText(entry.cause, lang, new Date()));
			assert.deepEqual(
				await page.locator('section.match').first().locator('.fix li').allTextContents(),
				entry.fix.map((step) => renderText(step, lang, new Date())),
			);
			assert.equal(await sectionText(page, 0, '.open-walkthrough'), EXPLAIN_LABELS.openWalkthrough[lang]);
			// The input is this one line: it shows once, at the end, not again as the matched line.
			assert.equal(await page.locator('.raw-line').count(), 0);
			// Commands in the fix steps (Set-CASMailbox …) are set in code font.
			const commands = entry.fix.flatMap((step) =>
				commandSpans(renderText(step, lang, new Date())).filter((span) => span.code),
			);
			assert.ok(commands.length > 0, 'the entry writes out a PowerShell command');
			assert.deepEqual(
				await page.locator('section.match').first().locator('.fix code.command').allTextContents(),
				commands.map((span) => span.text),
			);
			await page.screenshot({ path: join(ARTIFACTS, `explain-${lang}-smtp-auth-disabled.png`), fullPage: true });
		});

		test('text nothing matches says so and still shows the input', async () => {
			await sendToWebview(page, explanationMessage('Druckerfach 2 leer', lang));
			await page.locator('.no-match').waitFor();
			assert.equal(await page.locator('.no-match').textContent(), EXPLAIN_LABELS.noMatch[lang]);
			assert.equal(await page.locator('section.match').count(), 0);
			assert.equal(await page.locator('.input code').textContent(), 'Druckerfach 2 leer');
			await page.screenshot({ path: join(ARTIFACTS, `explain-${lang}-no-match.png`) });
		});

		test('no CSP violation and no script error while rendering', async () => {
			assert.deepEqual(await violations(page), []);
			assert.deepEqual(consoleErrors, []);
		});
	});
}

describe('explanation panel behaviour', () => {
	let page: Page;
	before(async () => {
		page = await openPanel('en');
		await sendToWebview(page, explanationMessage(LOG, 'en'));
		await page.locator('section.match').first().waitFor();
	});
	after(() => page.close());

	test('buttons send intents by index, which the host guard accepts; the page never navigates', async () => {
		const message = explanationMessage(LOG, 'en');
		const withWalkthrough = message.matches.findIndex((m, i) => i > 0 && m.walkthrough);
		assert.ok(withWalkthrough > 0);
		await page.locator('section.match').nth(withWalkthrough).locator('.open-walkthrough').click();
		assert.deepEqual(await waitForPosted(page, 'openWalkthrough'), { type: 'openWalkthrough', index: withWalkthrough });

		const withSources = message.matches.findIndex((m) => m.sources.length > 1);
		assert.ok(withSources >= 0, 'a match with two sources is needed');
		await page.locator('section.match').nth(withSources).locator('.sources .link').nth(1).click();
		assert.deepEqual(await waitForPosted(page, 'openSource'), { type: 'openSource', index: withSources, source: 1 });

		assert.equal(page.url().startsWith(server.origin), true, 'the page navigated away');
		for (const sent of await posted(page)) assert.deepEqual(parseExplainWebviewMessage(sent), sent);
	});

	test('markup in the input or in a match is rendered as text', async () => {
		const hostileInput = '<img src=x onerror="window.__pwned=1"> 535 5.7.139 Authentication unsuccessful';
		const message = explanationMessage(hostileInput, 'en');
		const [first] = message.matches;
		assert.ok(first);
		const hostile = { ...first, title: '<b>bold</b>', cause: '<script>window.__pwned=2</script>' };
		await sendToWebview(page, { ...message, matches: [hostile] });
		await page.getByRole('heading', { level: 2, name: '<b>bold</b>', exact: true }).waitFor();
		assert.equal(await page.locator('.input code').textContent(), hostileInput);
		assert.equal(await page.locator('img').count(), 0);
		assert.equal(await page.locator('main b, main script').count(), 0);
		assert.equal(await pageGlobal(page, '__pwned'), undefined);
	});

	test('messages that do not fit the protocol are ignored', async () => {
		const before = await page.locator('main').innerText();
		const show = explanationMessage(SMTP_REPLY, 'en');
		await sendToWebview(page, { type: 'show', lang: 'en' });
		await sendToWebview(page, { ...show, ui: { ...show.ui, heading: undefined } });
		await sendToWebview(page, { type: 'init', lang: 'en', ui: {}, guides: [], checked: {} });
		assert.equal(await page.locator('main').innerText(), before);
		assert.deepEqual(await violations(page), []);
	});
});

describe('explanation CSP enforcement control', () => {
	test('an inline script without the nonce is blocked and reported', async () => {
		const page = await openPanel('en', '&inline=1');
		await page.waitForFunction('window.__violations.length > 0');
		assert.equal(await pageGlobal(page, '__inlineRan'), undefined);
		assert.ok((await violations(page)).some((v) => v.directive.startsWith('script-src')));
		await page.close();
		consoleErrors.length = 0;
	});
});
