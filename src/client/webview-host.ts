import * as vscode from 'vscode';
import type { Lang } from '../core/i18n';
import {
	type WebviewBundle,
	WEBVIEW_RESOURCE_ROOTS,
	bundleAssets,
	createNonce,
	renderShellHtml,
} from './webview-shell';

/** Options of every mailcfg panel: scripts on, command URIs off, resources only from the extension's webview folders. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
	return {
		enableScripts: true,
		enableCommandUris: false,
		localResourceRoots: WEBVIEW_RESOURCE_ROOTS.map((segments) => vscode.Uri.joinPath(extensionUri, ...segments)),
	};
}

/** (Re)loads a panel's page: the shared shell with the bundle's script and stylesheet and a nonce new to this render. */
export function renderWebview(
	webview: vscode.Webview,
	extensionUri: vscode.Uri,
	bundle: WebviewBundle,
	lang: Lang,
): void {
	const assets = bundleAssets(bundle);
	const asUri = (segments: string[]): string =>
		webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...segments)).toString();
	webview.html = renderShellHtml({
		cspSource: webview.cspSource,
		scriptUri: asUri(assets.script),
		styleUri: asUri(assets.style),
		nonce: createNonce(),
		lang,
	});
}
