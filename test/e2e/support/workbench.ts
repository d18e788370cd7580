/**
 * Drives the VS Code workbench in Debian's Chromium through playwright-core. Every wait is on a DOM condition
 * with a deadline (no fixed sleeps); each step can leave a screenshot in test-results/e2e/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Frame, type Locator, type Page, chromium } from 'playwright-core';
import { ROOT } from './code-server';

export const SCREENSHOTS = join(ROOT, 'test-results', 'e2e');
const CHROMIUM = process.env['MAILCFG_E2E_CHROMIUM'] ?? '/usr/bin/chromium';

export interface Workbench {
	browser: Browser;
	page: Page;
	/** Saves test-results/e2e/<prefix>-<step>.png. */
	screenshot(step: string): Promise<void>;
	/** F1, type the command title, pick the exact entry. */
	runCommand(title: string): Promise<void>;
	/** Opens a workspace file through Quick Open and waits until its editor tab is active. */
	openFile(name: string): Promise<void>;
	/** The Problems panel rows (each row's text), after opening the panel. */
	problems(): Promise<string[]>;
	/** Waits until the Problems panel has a row containing every given text; returns all rows. */
	waitForProblem(...texts: string[]): Promise<string[]>;
	/** Moves the cursor of the active editor (1-based line and column, as "Go to Line" takes them). */
	goTo(line: number, column: number): Promise<void>;
	/** Moves the cursor to the position, shows the hover there and returns its text once it contains `expected`. */
	hoverAt(line: number, column: number, expected: string): Promise<string>;
	/** Opens the quick-fix menu at the cursor and picks the first action whose title matches. */
	quickFix(title: RegExp): Promise<string>;
	/**
	 * Waits for a notification containing `text` and returns its text: as a toast, or else in the notification
	 * center, since VS Code shows no toast for a notification that comes while the center is open or right after
	 * three others (its spam protection); both list the same notifications.
	 */
	waitForNotification(text: string, timeout?: number): Promise<string>;
	close(): Promise<void>;
}

export async function openWorkbench(url: string, prefix: string): Promise<Workbench> {
	mkdirSync(SCREENSHOTS, { recursive: true });
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
	const page = await context.newPage();
	await page.goto(url);
	await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
	// The status bar renders once the workbench finished restoring; commands typed earlier can get lost.
	await page.locator('.statusbar').waitFor({ timeout: 60_000 });

	const quickInput = page.locator('.quick-input-widget');
	/**
	 * Opens the quick input with `key` (F1, Ctrl+P) and runs `use` on it, from the start again when the key press got
	 * lost or the widget closed under it: it closes when something else takes the focus, e.g. the Welcome page while
	 * its walkthrough loads.
	 */
	const inQuickInput = async (key: string, use: (input: Locator) => Promise<void>, attempts = 3): Promise<void> => {
		const input = quickInput.locator('input');
		for (let attempt = 1; ; attempt++) {
			try {
				await page.keyboard.press(key);
				await input.waitFor({ state: 'visible', timeout: 10_000 });
				await use(input);
				return;
			} catch (error) {
				if (attempt === attempts) throw error;
				await page.keyboard.press('Escape');
				await quickInput.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
			}
		}
	};
	const bench: Workbench = {
		browser,
		page,
		screenshot: async (step) => {
			await page.screenshot({ path: join(SCREENSHOTS, `${prefix}-${step}.png`) });
		},
		runCommand: async (title) => {
			const row = quickInput.locator('.monaco-list-row', { hasText: title }).first();
			// The palette lists an extension's commands only once the extension host has scanned it, seconds after
			// the workbench shows; an open palette never refreshes its list, so each attempt opens it anew.
			await inQuickInput(
				'F1',
				async (input) => {
					await input.fill(`>${title}`, { timeout: 5_000 });
					await row.waitFor({ state: 'visible', timeout: 10_000 });
					await row.click({ timeout: 5_000 });
				},
				6,
			);
			await quickInput.waitFor({ state: 'hidden' }).catch(() => undefined);
		},
		openFile: async (name) => {
			const row = quickInput.locator('.monaco-list-row', { hasText: name }).first();
			// The click belongs to the retried step: the widget can still close under it after the row showed.
			await inQuickInput('Control+P', async (input) => {
				await input.fill(name, { timeout: 5_000 });
				await row.waitFor({ state: 'visible', timeout: 20_000 });
				await row.click({ timeout: 5_000 });
			});
			await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: 20_000 });
			await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
		},
		problems: async () => {
			await ensureProblemsPanel(page);
			return page.locator('.markers-panel .monaco-list-row').allInnerTexts();
		},
		waitForProblem: async (...texts) => {
			await ensureProblemsPanel(page);
			const rows = page.locator('.markers-panel .monaco-list-row');
			let matcher: Locator = rows;
			for (const text of texts) matcher = matcher.filter({ hasText: text });
			await matcher.first().waitFor({ timeout: 60_000 });
			return rows.allInnerTexts();
		},
		goTo: async (line, column) => {
			// Quick access with ':' is "Go to Line/Column" in the active editor, wherever the focus is (Ctrl+G would
			// do nothing while the Problems panel has the focus).
			await inQuickInput('F1', (input) => input.fill(`:${line}:${column}`, { timeout: 5_000 }));
			await page.keyboard.press('Enter');
			await quickInput.waitFor({ state: 'hidden' });
			// The status bar counts columns visually (a tab is 4), so only the line is comparable.
			await page.locator('.statusbar-item', { hasText: new RegExp(`^Ln ${line}, Col \\d+$`) }).waitFor();
		},
		hoverAt: async (line, column, expected) => {
			const hover = page.locator('.monaco-hover:visible', { hasText: expected }).first();
			// A hover can close, or never open, when a late notification or a diagnostics refresh takes the focus
			// from the editor; each attempt closes what is open and puts the cursor back before asking again.
			for (let attempt = 1; ; attempt++) {
				await bench.goTo(line, column);
				await bench.runCommand('Show or Focus Hover');
				try {
					await hover.waitFor({ timeout: 15_000 });
					return await hover.innerText({ timeout: 5_000 });
				} catch (error) {
					if (attempt === 4) throw error;
					await page.keyboard.press('Escape');
				}
			}
		},
		quickFix: async (title) => {
			await page.keyboard.press('Control+.');
			const menu = page.locator('.action-widget');
			await menu.waitFor({ state: 'visible', timeout: 20_000 });
			const item = menu.locator('.monaco-list-row.action', { hasText: title }).first();
			await item.waitFor({ timeout: 20_000 });
			const text = await item.innerText();
			// Keyboard only: the menu is an overlay whose pointer handling makes clicks flaky. Walk the focus to the
			// item (separators have no .action class and are skipped by the arrows), then apply it with Enter.
			const targetIndex = Number(await item.getAttribute('data-index'));
			const focused = menu.locator('.monaco-list-row.action.focused');
			for (let guard = 0; guard < 50; guard++) {
				const at = Number(await focused.getAttribute('data-index'));
				if (at === targetIndex) break;
				await page.keyboard.press(at < targetIndex ? 'ArrowDown' : 'ArrowUp');
				await menu.locator(`.monaco-list-row.action.focused:not([data-index="${at}"])`).waitFor();
			}
			await page.keyboard.press('Enter');
			await menu.waitFor({ state: 'hidden' });
			return text;
		},
		waitForNotification: async (text, timeout = 60_000) => {
			const item = page.locator(
				'.notification-toast .notification-list-item, .notifications-center .notification-list-item',
				{
					hasText: text,
				},
			);
			const deadline = Date.now() + timeout;
			try {
				await item.first().waitFor({ timeout: Math.min(15_000, timeout) });
			} catch {
				const center = page.locator('.notifications-center');
				if (!(await center.isVisible())) await bench.runCommand('Notifications: Show Notifications');
				try {
					await item.first().waitFor({ timeout: Math.max(1_000, deadline - Date.now()) });
				} catch (error) {
					const seen = await page.locator('.notification-list-item').allInnerTexts();
					throw new Error(`no notification with "${text}"; the workbench lists: ${JSON.stringify(seen)}`, {
						cause: error,
					});
				}
			}
			return item.first().innerText();
		},
		close: () => browser.close(),
	};
	return bench;
}

async function ensureProblemsPanel(page: Page): Promise<void> {
	if (await page.locator('.markers-panel').isVisible()) return;
	await page.keyboard.press('Control+Shift+M');
	await page.locator('.markers-panel').waitFor({ state: 'visible' });
}

/** Webviews are nested iframes; returns the frame whose document holds `selector`, waiting up to `timeoutMs`. */
export async function findFrame(page: Page, selector: string, timeoutMs = 30_000): Promise<Frame> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		for (const frame of page.frames()) {
			if (frame.isDetached()) continue;
			const count = await frame
				.locator(selector)
				.count()
				.catch(() => 0);
			if (count > 0) return frame;
		}
		await page.waitForTimeout(200);
	}
	throw new Error(`no frame holds '${selector}' after ${timeoutMs} ms`);
}
