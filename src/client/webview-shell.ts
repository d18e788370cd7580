import { randomBytes } from 'node:crypto';

/**
 * The HTML shell, CSP and resource layout shared by every mailcfg webview panel. Plain Node (no `vscode`), so the
 * unit tests and the browser suite render exactly what the extension renders; webview-host.ts applies it to a panel.
 */

/** The page bundles: `dist/webview/<name>.js` (esbuild entry `src/webview/<name>/main.ts`) + `media/webview/<name>.css`. */
export const WEBVIEW_BUNDLES = ['walkthrough', 'explain'] as const;
export type WebviewBundle = (typeof WEBVIEW_BUNDLES)[number];

/** Folders, relative to the extension root, a panel may load anything from: its `localResourceRoots`. */
export const WEBVIEW_RESOURCE_ROOTS: readonly (readonly string[])[] = [
	['dist', 'webview'],
	['media', 'webview'],
];

/** Path segments, relative to the extension root, of a bundle's script and stylesheet. */
export function bundleAssets(bundle: WebviewBundle): { script: string[]; style: string[] } {
	return { script: ['dist', 'webview', `${bundle}.js`], style: ['media', 'webview', `${bundle}.css`] };
}

/** A fresh script nonce from the OS CSPRNG (128 bits, crypto.randomBytes), one per HTML render. */
export function createNonce(): string {
	return randomBytes(16).toString('base64');
}

export interface ShellOptions {
	/** `webview.cspSource`: the only origin styles, images and fonts may come from. */
	cspSource: string;
	/** Webview URIs (already passed through `asWebviewUri`) of the bundle and the stylesheet. */
	scriptUri: string;
	styleUri: string;
	nonce: string;
	lang: 'en' | 'de';
}

/**
 * The Content-Security-Policy of a panel: nothing inline, scripts only with this render's nonce. `base-uri` and
 * `form-action` do not fall back to `default-src`, so they are closed explicitly: an injected `<base>` cannot
 * re-point relative URLs and an injected form cannot post anywhere.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
	return [
		"default-src 'none'",
		`img-src ${cspSource}`,
		`style-src ${cspSource}`,
		`font-src ${cspSource}`,
		`script-src 'nonce-${nonce}'`,
		"base-uri 'none'",
		"form-action 'none'",
	].join('; ');
}

const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' };

function attr(value: string): string {
	return value.replace(/[&"<>]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}

/**
 * The static HTML shell of a panel. It carries no guide, explanation, account or user data: the page asks for that
 * with a `ready` message once its script runs. Only URIs and the nonce are inserted, attribute-escaped.
 */
export function renderShellHtml(options: ShellOptions): string {
	const csp = contentSecurityPolicy(options.cspSource, options.nonce);
	return `<!DOCTYPE html>
<html lang="${attr(options.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(options.styleUri)}">
</head>
<body>
<main id="app" aria-live="polite"></main>
<script nonce="${attr(options.nonce)}" src="${attr(options.scriptUri)}"></script>
</body>
</html>
`;
}
