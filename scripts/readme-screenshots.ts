/**
 * Copies the README's screenshots from the last e2e run (test-results/e2e/) to media/screenshots/, scaled down to
 * 1000 px wide by Chromium (no image tools needed). Run after `npm run test:e2e`: `npx tsx scripts/readme-screenshots.ts`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT } from './demo-config';

/** e2e screenshot → README screenshot. */
const PICKS: Record<string, string> = {
	'language-de-2-hover-de': 'diagnostics-hover-de',
	'test-connection-3-stage-report': 'test-connection-report',
	'test-connection-5-walkthrough-step': 'walkthrough-step',
};
const WIDTH = 1000;

async function main(): Promise<void> {
	const browser = await chromium.launch({ executablePath: process.env['MAILCFG_E2E_CHROMIUM'] ?? '/usr/bin/chromium' });
	try {
		const page = await browser.newPage({ viewport: { width: WIDTH, height: 800 } });
		for (const [from, to] of Object.entries(PICKS)) {
			const png = readFileSync(join(ROOT, 'test-results', 'e2e', `${from}.png`)).toString('base64');
			await page.setContent(
				`<body style="margin:0"><img style="width:${WIDTH}px;display:block" src="data:image/png;base64,${png}"></body>`,
			);
			await page.locator('img').screenshot({ path: join(ROOT, 'media', 'screenshots', `${to}.png`) });
			process.stdout.write(`media/screenshots/${to}.png\n`);
		}
	} finally {
		await browser.close();
	}
}

void main();
