import * as vscode from 'vscode';
import { explain } from '../core/explain/match';
import { renderMarkdown, walkthroughArgs } from '../core/explain/render';
import type { WalkthroughRef } from '../core/explain/types';
import { type Localized, tr } from '../core/i18n';
import { Commands, SettingKeys, ViewTypes } from '../shared/ids';
import { walkthroughCommandUri } from '../shared/protocol';
import { type ExplainHostToWebview, parseExplainWebviewMessage } from '../shared/webview-protocol';
import type { ClientContext, FeatureContext } from './context';
import { explanationMessage } from './webview-explain-message';
import { renderWebview, webviewOptions } from './webview-host';

const TEXTS = {
	prompt: {
		en: 'Paste the error message or server reply to explain',
		de: 'Die zu erklärende Fehlermeldung oder Serverantwort einfügen',
	},
	panelTitle: { en: 'Mail: Explanation', de: 'Mail: Erklärung' },
	openFailed: {
		en: 'The walkthrough could not be opened: {reason}',
		de: 'Die Anleitung konnte nicht geöffnet werden: {reason}',
	},
} satisfies Record<string, Localized>;

/** An example reply for the input box: server replies are English in every locale. */
const INPUT_EXAMPLE = '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant';

/** Hovers only on error lines worth interrupting for; weaker guesses stay in the explicit command. */
const HOVER_MIN_CONFIDENCE = 0.45;
const HOVER_MAX_MATCHES = 2;
/** The explained text, in workspace state: what a restored panel shows again (never the webview's word). */
const PANEL_STATE_KEY = 'mailcfg.explanation.panel';

function openWalkthrough(ctx: ClientContext, ref: WalkthroughRef): void {
	void Promise.resolve(vscode.commands.executeCommand(Commands.openWalkthrough, walkthroughArgs(ref))).catch(
		(error: unknown) => {
			const reason = error instanceof Error ? error.message : String(error);
			ctx.log.warn(`openWalkthrough ${ref} failed: ${reason}`);
			void vscode.window.showErrorMessage(tr(TEXTS.openFailed, ctx.lang(), { reason }));
		},
	);
}

/** One explanation panel, reused for every explanation so repeated commands do not pile up tabs. */
class ExplanationPanel {
	private static current: ExplanationPanel | undefined;
	private readonly disposables: vscode.Disposable[] = [];
	private message: ExplainHostToWebview;
	private ready = false;

	private constructor(
		private readonly panel: vscode.WebviewPanel,
		private readonly ctx: ClientContext,
		message: ExplainHostToWebview,
	) {
		this.message = message;
		void ctx.extension.workspaceState.update(PANEL_STATE_KEY, message.input);
		renderWebview(panel.webview, ctx.extension.extensionUri, 'explain', message.lang);
		panel.webview.onDidReceiveMessage((value: unknown) => this.receive(value), undefined, this.disposables);
		panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
	}

	static show(ctx: ClientContext, input: string): void {
		const message = explanationMessage(input, ctx.lang());
		const existing = ExplanationPanel.current;
		if (existing) {
			existing.update(message);
			existing.panel.reveal(vscode.ViewColumn.Beside, true);
			return;
		}
		const panel = vscode.window.createWebviewPanel(
			ViewTypes.explanation,
			tr(TEXTS.panelTitle, message.lang),
			{ viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
			webviewOptions(ctx.extension.extensionUri),
		);
		ExplanationPanel.current = new ExplanationPanel(panel, ctx, message);
	}

	/** Restores the panel after a reload with the text it explained; a panel with nothing to show closes. */
	static revive(ctx: ClientContext, panel: vscode.WebviewPanel): void {
		const input = ctx.extension.workspaceState.get<unknown>(PANEL_STATE_KEY);
		if (typeof input !== 'string' || input.trim() === '') {
			panel.dispose();
			return;
		}
		panel.webview.options = webviewOptions(ctx.extension.extensionUri);
		ExplanationPanel.current?.panel.dispose();
		const message = explanationMessage(input, ctx.lang());
		panel.title = tr(TEXTS.panelTitle, message.lang);
		ExplanationPanel.current = new ExplanationPanel(panel, ctx, message);
	}

	/** Re-explains the shown text when `mailcfg.language` changes while the panel is open. */
	static followSetting(ctx: ClientContext): void {
		const existing = ExplanationPanel.current;
		const lang = ctx.lang();
		if (existing && existing.message.lang !== lang) existing.update(explanationMessage(existing.message.input, lang));
	}

	private update(message: ExplainHostToWebview): void {
		this.message = message;
		void this.ctx.extension.workspaceState.update(PANEL_STATE_KEY, message.input);
		this.panel.title = tr(TEXTS.panelTitle, message.lang);
		if (this.ready) void this.panel.webview.postMessage(message);
	}

	/** The page is untrusted: only known intents with indexes into the data we sent are acted on. */
	private receive(value: unknown): void {
		const message = parseExplainWebviewMessage(value);
		if (!message) {
			// Content is not logged: it comes from an untrusted page.
			this.ctx.log.warn('explanation panel: ignored a message that does not match the protocol');
			return;
		}
		if (message.type === 'ready') {
			this.ready = true;
			void this.panel.webview.postMessage(this.message);
			return;
		}
		const match = this.message.matches[message.index];
		if (!match) return;
		if (message.type === 'openWalkthrough') {
			if (match.walkthrough) openWalkthrough(this.ctx, match.walkthrough);
			return;
		}
		const source = match.sources[message.source];
		if (source?.startsWith('https://')) void vscode.env.openExternal(vscode.Uri.parse(source, true));
	}

	private dispose(): void {
		if (ExplanationPanel.current === this) {
			ExplanationPanel.current = undefined;
			void this.ctx.extension.workspaceState.update(PANEL_STATE_KEY, undefined);
		}
		for (const disposable of this.disposables.splice(0)) disposable.dispose();
	}
}

async function explainErrorCommand(ctx: ClientContext, argument?: unknown): Promise<void> {
	let text = typeof argument === 'string' ? argument : undefined;
	if (text === undefined) {
		const editor = vscode.window.activeTextEditor;
		const selected = editor?.selections
			.filter((selection) => !selection.isEmpty)
			.map((selection) => editor.document.getText(selection))
			.join('\n');
		text = selected || undefined;
	}
	if (text === undefined) {
		const lang = ctx.lang();
		text = await vscode.window.showInputBox({
			prompt: tr(TEXTS.prompt, lang),
			placeHolder: INPUT_EXAMPLE,
			ignoreFocusOut: true,
		});
	}
	if (text === undefined || text.trim() === '') return;
	ExplanationPanel.show(ctx, text);
}

function provideHover(
	ctx: ClientContext,
	document: vscode.TextDocument,
	position: vscode.Position,
): vscode.Hover | undefined {
	const line = document.lineAt(position.line);
	if (line.isEmptyOrWhitespace) return undefined;
	const lang = ctx.lang();
	const matches = explain(line.text, { lang })
		.filter((match) => match.confidence >= HOVER_MIN_CONFIDENCE)
		.slice(0, HOVER_MAX_MATCHES);
	if (matches.length === 0) return undefined;
	const markdown = new vscode.MarkdownString(
		matches
			.map((match) => renderMarkdown(match, lang, (ref) => walkthroughCommandUri(walkthroughArgs(ref))))
			.join('\n\n---\n\n'),
	);
	markdown.isTrusted = { enabledCommands: [Commands.openWalkthrough] };
	markdown.supportHtml = false;
	return new vscode.Hover(markdown, line.range);
}

/** "Mail: Explain Error…", the explanation hover on log files (registered by the shell) and the panel's restore. */
export function registerExplainFeatures(ctx: FeatureContext): {
	hover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined;
	revive(panel: vscode.WebviewPanel, state: unknown): void;
} {
	ctx.registerCommand(Commands.explainError, (argument?: unknown) => explainErrorCommand(ctx, argument));
	ctx.extension.subscriptions.push(
		vscode.workspace.onDidChangeConfiguration((event) => {
			if (event.affectsConfiguration(SettingKeys.language)) ExplanationPanel.followSetting(ctx);
		}),
	);
	return {
		hover: (document, position) => provideHover(ctx, document, position),
		revive: (panel) => ExplanationPanel.revive(ctx, panel),
	};
}
