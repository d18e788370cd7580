import * as vscode from 'vscode';
import type { ClientContext } from './client/context';
import { registerLazyFeatures } from './client/feature-host';
import { currentLang } from './client/language';
import { registerLanguageFeatures } from './client/language-client';

/**
 * Activation stays light: the language server runs in its own process; the explanation catalog, the guides, the
 * report view and the test front end load from dist/features.js on first use, and the probe libraries (imapflow,
 * nodemailer, msal-node) from dist/probe-runner.js only when a test runs.
 */
export async function activate(extension: vscode.ExtensionContext): Promise<void> {
	const started = performance.now();
	const log = vscode.window.createOutputChannel('Mail Account Config', { log: true });
	extension.subscriptions.push(log);
	const ctx: ClientContext = { extension, log, lang: currentLang };
	registerLazyFeatures(ctx);
	await registerLanguageFeatures(ctx);
	// The e2e suite reads this line to report the activation time.
	log.info(`mailcfg activated in ${Math.round(performance.now() - started)} ms`);
}

export function deactivate(): void {
	// Disposables registered on the ExtensionContext (including the language client) are released by VS Code.
}
