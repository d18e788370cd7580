import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentSecurityPolicy, createNonce, renderShellHtml } from '../../../src/client/walkthrough-html';
import { GUIDES } from '../../../src/core/walkthroughs/catalog';

const CSP_SOURCE = 'https://abc123.vscode-cdn.net';

function shell(nonce = createNonce()): string {
	return renderShellHtml({
		cspSource: CSP_SOURCE,
		scriptUri: `${CSP_SOURCE}/ext/dist/webview/walkthrough.js`,
		styleUri: `${CSP_SOURCE}/ext/media/webview/walkthrough.css`,
		nonce,
		lang: 'de',
	});
}

function cspOf(html: string): string {
	const match = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
	assert.ok(match, 'no CSP meta tag');
	return (match[1] as string).replace(/&#39;|&apos;/g, "'");
}

describe('walkthrough HTML shell', () => {
	test('nonces come from a CSPRNG: 128 bits, base64, different on every render', () => {
		const nonces = new Set(Array.from({ length: 200 }, createNonce));
		assert.equal(nonces.size, 200);
		for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
		assert.notEqual(cspOf(shell()), cspOf(shell()));
	});

	test('the CSP is strict: nothing by default, no inline code, no remote origins', () => {
		const csp = cspOf(shell('bm9uY2Vub25jZW5vbmNlMQ=='));
		assert.equal(
			csp,
			`default-src 'none'; img-src ${CSP_SOURCE}; style-src ${CSP_SOURCE}; font-src ${CSP_SOURCE}; script-src 'nonce-bm9uY2Vub25jZW5vbmNlMQ=='`,
		);
		assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https:(?!\/\/abc123)|\*/);
		assert.equal(contentSecurityPolicy(CSP_SOURCE, 'n'), csp.replace('bm9uY2Vub25jZW5vbmNlMQ==', 'n'));
	});

	test('the only script is the bundle, carrying the nonce; there is no inline script or style', () => {
		const html = shell('bm9uY2Vub25jZW5vbmNlMQ==');
		const scripts = html.match(/<script[^>]*>[\s\S]*?<\/script>/g) ?? [];
		assert.deepEqual(scripts, [
			`<script nonce="bm9uY2Vub25jZW5vbmNlMQ==" src="${CSP_SOURCE}/ext/dist/webview/walkthrough.js"></script>`,
		]);
		assert.doesNotMatch(html, /<style|style=|\son[a-z]+=/i);
	});

	test('the shell carries no walkthrough or account data', () => {
		const html = shell();
		for (const guide of GUIDES) {
			assert.ok(!html.includes(guide.id), `shell mentions ${guide.id}`);
			assert.ok(!html.includes(guide.title.en) && !html.includes(guide.title.de));
		}
		assert.doesNotMatch(html, /JSON|acquireVsCodeApi|@|secret/i);
	});

	test('inserted values are attribute-escaped', () => {
		const html = renderShellHtml({
			cspSource: CSP_SOURCE,
			scriptUri: 'x"><script>alert(1)</script>',
			styleUri: 's',
			nonce: 'n',
			lang: 'en',
		});
		assert.ok(!html.includes('<script>alert(1)'));
		assert.ok(html.includes('x&quot;&gt;&lt;script&gt;'));
	});
});

describe('webview source', () => {
	const folder = join(__dirname, '../../../src/webview');
	const sources = readdirSync(folder, { recursive: true, encoding: 'utf8' })
		.filter((name) => name.endsWith('.ts'))
		.map((name) => [name, readFileSync(join(folder, name), 'utf8')] as const);

	test('never turns strings into markup', () => {
		assert.ok(sources.length > 0);
		for (const [name, text] of sources) {
			assert.doesNotMatch(text, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/, name);
		}
	});

	test('never navigates by itself: links go through the host', () => {
		for (const [name, text] of sources) {
			assert.doesNotMatch(text, /\bhref\b|window\.open|location\s*=/, name);
		}
	});
});
