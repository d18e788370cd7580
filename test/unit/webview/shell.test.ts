import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	WEBVIEW_BUNDLES,
	WEBVIEW_RESOURCE_ROOTS,
	type WebviewBundle,
	bundleAssets,
	contentSecurityPolicy,
	createNonce,
	renderShellHtml,
} from '../../../src/client/webview-shell';
import { CATALOG } from '../../../src/core/explain/catalog';
import { GUIDES } from '../../../src/core/walkthroughs/catalog';

const ROOT = join(__dirname, '../../..');
const CSP_SOURCE = 'https://abc123.vscode-cdn.net';

/** The shell as webview-host.ts renders it for a bundle, with webview URIs under a fake extension origin. */
function shell(bundle: WebviewBundle = 'walkthrough', nonce = createNonce()): string {
	const assets = bundleAssets(bundle);
	return renderShellHtml({
		cspSource: CSP_SOURCE,
		scriptUri: `${CSP_SOURCE}/ext/${assets.script.join('/')}`,
		styleUri: `${CSP_SOURCE}/ext/${assets.style.join('/')}`,
		nonce,
		lang: 'de',
	});
}

function cspOf(html: string): string {
	const match = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
	assert.ok(match, 'no CSP meta tag');
	return (match[1] ?? '').replace(/&#39;|&apos;/g, "'");
}

describe('webview resources', () => {
	test('both panels are bundles', () => assert.deepEqual([...WEBVIEW_BUNDLES], ['walkthrough', 'explain']));

	for (const bundle of WEBVIEW_BUNDLES) {
		test(`${bundle}: script and style lie inside the panel's localResourceRoots and have sources`, () => {
			const { script, style } = bundleAssets(bundle);
			for (const asset of [script, style]) {
				assert.ok(
					WEBVIEW_RESOURCE_ROOTS.some((root) => root.every((segment, i) => asset[i] === segment)),
					`${asset.join('/')} is outside the resource roots`,
				);
				assert.equal(asset.length, 3, 'assets sit directly in a resource root');
			}
			assert.ok(existsSync(join(ROOT, ...style)), `${style.join('/')} is missing`);
			assert.ok(existsSync(join(ROOT, 'src/webview', bundle, 'main.ts')), `no page script for ${bundle}`);
			const esbuild = readFileSync(join(ROOT, 'esbuild.mjs'), 'utf8');
			assert.ok(esbuild.includes(`'src/webview/${bundle}/main.ts'`), `esbuild.mjs does not bundle ${bundle}`);
			assert.ok(esbuild.includes(`'${script.join('/')}'`), `esbuild.mjs does not write ${script.join('/')}`);
		});
	}

	const styles = readdirSync(join(ROOT, 'media/webview')).filter((name) => name.endsWith('.css'));
	test('every bundle has its stylesheet and no other stylesheet lingers', () => {
		assert.deepEqual(styles.sort(), WEBVIEW_BUNDLES.map((b) => `${b}.css`).sort());
	});
	for (const name of styles) {
		test(`${name} takes colours and fonts from the theme only and loads nothing`, () => {
			const css = readFileSync(join(ROOT, 'media/webview', name), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
			const variables = [...css.matchAll(/var\((--[\w-]+)/g)].map((m) => m[1]);
			assert.ok(variables.length > 0);
			for (const variable of variables) assert.match(variable ?? '', /^--vscode-/);
			assert.doesNotMatch(css, /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?)\(|url\(|@import|@font-face/i);
		});
	}
});

describe('webview HTML shell', () => {
	test('nonces come from a CSPRNG: 128 bits, base64, different on every render', () => {
		const nonces = new Set(Array.from({ length: 200 }, createNonce));
		assert.equal(nonces.size, 200);
		for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
		assert.notEqual(cspOf(shell()), cspOf(shell()));
		assert.notEqual(cspOf(shell('explain')), cspOf(shell('explain')));
	});

	test('the CSP is strict: nothing by default, no inline code, no remote origins', () => {
		const csp = cspOf(shell('explain', 'bm9uY2Vub25jZW5vbmNlMQ=='));
		assert.equal(
			csp,
			`default-src 'none'; img-src ${CSP_SOURCE}; style-src ${CSP_SOURCE}; font-src ${CSP_SOURCE}; script-src 'nonce-bm9uY2Vub25jZW5vbmNlMQ=='; base-uri 'none'; form-action 'none'`,
		);
		assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https:(?!\/\/abc123)|\*/);
		assert.equal(contentSecurityPolicy(CSP_SOURCE, 'n'), csp.replace('bm9uY2Vub25jZW5vbmNlMQ==', 'n'));
	});

	for (const bundle of WEBVIEW_BUNDLES) {
		test(`${bundle}: the only script is its bundle, carrying the nonce; no inline script or style`, () => {
			const html = shell(bundle, 'bm9uY2Vub25jZW5vbmNlMQ==');
			const scripts = html.match(/<script[^>]*>[\s\S]*?<\/script>/g) ?? [];
			assert.deepEqual(scripts, [
				`<script nonce="bm9uY2Vub25jZW5vbmNlMQ==" src="${CSP_SOURCE}/ext/dist/webview/${bundle}.js"></script>`,
			]);
			assert.deepEqual(html.match(/<link[^>]*>/g), [
				`<link rel="stylesheet" href="${CSP_SOURCE}/ext/media/webview/${bundle}.css">`,
			]);
			assert.doesNotMatch(html, /<style|style=|\son[a-z]+=/i);
		});

		test(`${bundle}: the shell carries no walkthrough, explanation or account data`, () => {
			const html = shell(bundle);
			for (const guide of GUIDES) {
				assert.ok(!html.includes(guide.id), `shell mentions ${guide.id}`);
				assert.ok(!html.includes(guide.title.en) && !html.includes(guide.title.de));
			}
			for (const entry of CATALOG) {
				assert.ok(!html.includes(entry.id), `shell mentions ${entry.id}`);
				assert.ok(!html.includes(entry.title.en) && !html.includes(entry.title.de));
			}
			assert.doesNotMatch(html, /JSON|acquireVsCodeApi|@|secret/i);
		});
	}

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
