import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
	WEBVIEW_BUNDLES,
	type WebviewBundle,
	bundleAssets,
	createNonce,
	renderShellHtml,
} from '../../src/client/webview-shell';
import type {
	ExplainHostToWebview,
	ExplainWebviewToHost,
	HostToWebview,
	WebviewToHost,
} from '../../src/shared/webview-protocol';

export const ROOT = join(__dirname, '../..');
export const ARTIFACTS = join(ROOT, 'test-results', 'browser');

/**
 * Stand-in for VS Code's webview host: VS Code gives each webview `acquireVsCodeApi()`, which cannot exist outside
 * the editor. This script provides the same three functions, records what the page posts and what the browser
 * reports as CSP violations. It is served as a nonce'd script, so it passes the real CSP like the bundle does.
 */
const FAKE_VSCODE_API = `(() => {
	const posted = [];
	let state;
	window.__posted = posted;
	window.__violations = [];
	document.addEventListener('securitypolicyviolation', (e) => {
		window.__violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
	});
	window.acquireVsCodeApi = () => ({
		postMessage: (message) => { posted.push(JSON.parse(JSON.stringify(message))); },
		getState: () => state,
		setState: (next) => { state = next; return next; },
	});
})();
`;

/** URL path → [file, content type]: every bundle's script and stylesheet at their paths below the extension root. */
const FILES: Record<string, [string, string]> = {
	...Object.fromEntries(
		WEBVIEW_BUNDLES.flatMap((bundle) => {
			const { script, style } = bundleAssets(bundle);
			return [
				[`/${script.join('/')}`, [join(ROOT, ...script), 'text/javascript']],
				[`/${style.join('/')}`, [join(ROOT, ...style), 'text/css']],
			];
		}),
	),
	'/theme.css': [join(__dirname, 'theme.css'), 'text/css'],
};

export interface PageServer {
	origin: string;
	close(): Promise<void>;
}

/**
 * Serves the real shell from webview-shell.ts with a fresh nonce per request: `?bundle=explain` for the explanation
 * panel, the walkthrough panel otherwise. `?inline=1` adds an inline script without the nonce: the control case that
 * proves CSP violations are caught.
 */
export async function startPageServer(): Promise<PageServer> {
	let origin = '';
	const server: Server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', origin);
		const file = FILES[url.pathname];
		if (file) {
			res.writeHead(200, { 'content-type': file[1] });
			res.end(readFileSync(file[0]));
			return;
		}
		if (url.pathname === '/harness.js') {
			res.writeHead(200, { 'content-type': 'text/javascript' });
			res.end(FAKE_VSCODE_API);
			return;
		}
		if (url.pathname === '/favicon.ico') {
			// Chromium asks for it on its own; an empty answer keeps a 404 out of the console checks.
			res.writeHead(204).end();
			return;
		}
		if (url.pathname !== '/') {
			res.writeHead(404).end();
			return;
		}
		const nonce = createNonce();
		const lang = url.searchParams.get('lang') === 'de' ? 'de' : 'en';
		const bundle: WebviewBundle = url.searchParams.get('bundle') === 'explain' ? 'explain' : 'walkthrough';
		const assets = bundleAssets(bundle);
		let html = renderShellHtml({
			cspSource: origin,
			scriptUri: `${origin}/${assets.script.join('/')}`,
			styleUri: `${origin}/${assets.style.join('/')}`,
			nonce,
			lang,
		});
		const bundleTag = `<script nonce="${nonce}"`;
		const extra = [
			`<link rel="stylesheet" href="${origin}/theme.css">`,
			`<script nonce="${nonce}" src="${origin}/harness.js"></script>`,
			url.searchParams.has('inline') ? '<script>window.__inlineRan = true;</script>' : '',
		].join('\n');
		html = html.replace(bundleTag, `${extra}\n${bundleTag}`);
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		res.end(html);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		origin,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

export function launchChromium(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
}

// The test project compiles without the DOM library, so page-side code is passed as source strings.

/** Delivers a host message the way VS Code does: as a `message` event on the webview's window. */
export async function sendToWebview(
	page: Page,
	message: HostToWebview | ExplainHostToWebview | Record<string, unknown>,
): Promise<void> {
	await page.evaluate(`window.dispatchEvent(new MessageEvent('message', { data: ${JSON.stringify(message)} }))`);
}

/** Reads a global the harness or the page set (`__posted`, `__violations`, ...). */
export async function pageGlobal<T>(page: Page, name: string): Promise<T> {
	return (await page.evaluate(`window[${JSON.stringify(name)}]`)) as T;
}

export interface Violation {
	directive: string;
	blocked: string;
	sample: string;
}

export function violations(page: Page): Promise<Violation[]> {
	return pageGlobal<Violation[]>(page, '__violations');
}

type Posted = WebviewToHost | ExplainWebviewToHost;

/** Waits until the webview has posted `count` messages of a type and returns the last of them. */
export async function waitForPosted<T extends Posted['type']>(
	page: Page,
	type: T,
	count = 1,
): Promise<Extract<Posted, { type: T }>> {
	await page.waitForFunction(`window.__posted.filter((m) => m.type === ${JSON.stringify(type)}).length >= ${count}`);
	const posted = await pageGlobal<Posted[]>(page, '__posted');
	return posted.filter((m) => m.type === type)[count - 1] as Extract<Posted, { type: T }>;
}

/** All messages the page has posted so far. */
export function posted(page: Page): Promise<Posted[]> {
	return pageGlobal<Posted[]>(page, '__posted');
}
