import * as vscode from 'vscode';
import type { ClientContext } from './client/context';
import { currentLang } from './client/language';
import { registerLanguageFeatures } from './client/language-client';
import { registerProbeFeatures } from './client/probe-commands';
import { registerExplainFeatures } from './client/explain-commands';
import { registerWalkthroughFeatures } from './client/walkthrough-panel';
import { registerDiscoveryCommands } from './client/discovery-commands';

/**
 * Activation stays light: the language server runs in its own process, and the probe libraries
 * (imapflow, nodemailer, msal-node) load from dist/probe-runner.js only when a test runs.
 */
export async function activate(extension: vscode.ExtensionContext): Promise<void> {
	const log = vscode.window.createOutputChannel('Mail Account Config', { log: true });
	extension.subscriptions.push(log);
	const ctx: ClientContext = { extension, log, lang: currentLang };
	registerWalkthroughFeatures(ctx);
	registerExplainFeatures(ctx);
	registerProbeFeatures(ctx);
	registerDiscoveryCommands(ctx);
	await registerLanguageFeatures(ctx);
}

export function deactivate(): void {
	// Disposables registered on the ExtensionContext (including the language client) are released by VS Code.
}
