import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { explain } from '../core/explain/match';
import { EXPLAIN_LABELS, renderMarkdown, walkthroughArgs } from '../core/explain/render';
import type { Explanation, WalkthroughRef } from '../core/explain/types';
import { type Lang, type Localized, tr } from '../core/i18n';
import { Commands, ViewTypes } from '../shared/ids';
import type { ClientContext } from './context';

const TEXTS = {
	prompt: {
		en: 'Paste the error message or server reply to explain',
		de: 'Die zu erklärende Fehlermeldung oder Serverantwort einfügen',
	},
	panelTitle: { en: 'Mail: Explanation', de: 'Mail: Erklärung' },
	input: { en: 'Explained text', de: 'Erklärter Text' },
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
/** `*.log` files (VS Code's `log` language) and plain text, where pasted errors and exported logs usually land. */
const LOG_SELECTOR: vscode.DocumentSelector = [{ language: 'log' }, { language: 'plaintext' }, { pattern: '**/*.log' }];

/** Host → webview: everything the page shows, already localised. The page itself holds no data. */
interface ShowMessage {
	type: 'show';
	labels: Record<keyof typeof EXPLAIN_LABELS | 'input', string>;
	input: string;
	matches: Explanation[];
}

type WebviewMessage =
	| { type: 'ready' }
	| { type: 'openWalkthrough'; index: number }
	| { type: 'openSource'; index: number; source: number };

function isWebviewMessage(value: unknown): value is WebviewMessage {
	if (typeof value !== 'object' || value === null) return false;
	const message = value as Record<string, unknown>;
	if (message.type === 'ready') return true;
	if (message.type === 'openWalkthrough') return Number.isInteger(message.index);
	if (message.type === 'openSource') return Number.isInteger(message.index) && Number.isInteger(message.source);
	return false;
}

function openWalkthrough(ctx: ClientContext, ref: WalkthroughRef): void {
	void Promise.resolve(vscode.commands.executeCommand(Commands.openWalkthrough, walkthroughArgs(ref))).catch(
		(error: unknown) => {
			const reason = error instanceof Error ? error.message : String(error);
			ctx.log.warn(`openWalkthrough ${ref} failed: ${reason}`);
			void vscode.window.showErrorMessage(tr(TEXTS.openFailed, ctx.lang(), { reason }));
		},
	);
}

/**
 * The static page script. It renders with textContent only and sends intents (indexes), never command ids or
 * URLs: the host resolves them against the data it sent. Kept as a string because the explanation page is this
 * small; it is inlined with a fresh nonce on every render and carries no data.
 */
const PAGE_SCRIPT = `(() => {
	const vscode = acquireVsCodeApi();
	const root = document.getElementById('root');
	const el = (tag, text, className) => {
		const node = document.createElement(tag);
		if (text !== undefined) node.textContent = text;
		if (className) node.className = className;
		return node;
	};
	const render = (message) => {
		const labels = message.labels;
		root.replaceChildren(el('h1', labels.heading));
		if (message.matches.length === 0) root.append(el('p', labels.noMatch));
		message.matches.forEach((match, index) => {
			const section = el('section');
			section.append(el('h2', match.title));
			section.append(el('p', match.id + ' · ' + labels.confidence.replace('{percent}', String(Math.round(match.confidence * 100))), 'meta'));
			section.append(el('h3', labels.cause), el('p', match.cause), el('h3', labels.fix));
			const steps = el('ol');
			for (const step of match.fix) steps.append(el('li', step));
			section.append(steps);
			if (match.walkthrough) {
				const button = el('button', labels.openWalkthrough + ': ' + match.walkthrough);
				button.addEventListener('click', () => vscode.postMessage({ type: 'openWalkthrough', index }));
				section.append(button);
			}
			if (match.matchedText) section.append(el('h3', labels.rawLine), el('pre', match.matchedText));
			if (match.sources.length > 0) {
				section.append(el('h3', labels.sources));
				const list = el('ul');
				match.sources.forEach((url, source) => {
					const link = el('a', url);
					link.href = '#';
					link.addEventListener('click', (event) => {
						event.preventDefault();
						vscode.postMessage({ type: 'openSource', index, source });
					});
					const item = el('li');
					item.append(link);
					list.append(item);
				});
				section.append(list);
			}
			root.append(section);
		});
		root.append(el('h3', labels.input), el('pre', message.input));
	};
	window.addEventListener('message', (event) => {
		if (event.data && event.data.type === 'show') render(event.data);
	});
	vscode.postMessage({ type: 'ready' });
})();`;

const PAGE_STYLE = `body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1rem 1rem; }
section { border-bottom: 1px solid var(--vscode-panel-border); padding-bottom: 0.75rem; }
.meta { color: var(--vscode-descriptionForeground); }
pre { white-space: pre-wrap; word-break: break-all; background: var(--vscode-textCodeBlock-background); padding: 0.5rem; }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 0.3rem 0.8rem; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
a { color: var(--vscode-textLink-foreground); }`;

/** The HTML shell: a strict CSP, a nonce that is new on every render, and no data at all. */
function pageHtml(webview: vscode.Webview, lang: Lang): string {
	const nonce = randomBytes(16).toString('base64');
	const csp = [
		"default-src 'none'",
		`img-src ${webview.cspSource}`,
		`style-src ${webview.cspSource} 'nonce-${nonce}'`,
		`script-src 'nonce-${nonce}'`,
	].join('; ');
	return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">${PAGE_STYLE}</style>
</head>
<body>
<main id="root"></main>
<script nonce="${nonce}">${PAGE_SCRIPT}</script>
</body>
</html>`;
}

/** One explanation panel, reused for every explanation so repeated commands do not pile up tabs. */
class ExplanationPanel {
	private static current: ExplanationPanel | undefined;
	private message: ShowMessage;
	private ready = false;

	private constructor(
		private readonly panel: vscode.WebviewPanel,
		private readonly ctx: ClientContext,
		message: ShowMessage,
	) {
		this.message = message;
		panel.webview.html = pageHtml(panel.webview, ctx.lang());
		const listener = panel.webview.onDidReceiveMessage((value: unknown) => this.receive(value));
		panel.onDidDispose(() => {
			listener.dispose();
			ExplanationPanel.current = undefined;
		});
	}

	static show(ctx: ClientContext, message: ShowMessage): void {
		const existing = ExplanationPanel.current;
		if (existing) {
			existing.message = message;
			existing.panel.title = tr(TEXTS.panelTitle, ctx.lang());
			existing.panel.reveal(vscode.ViewColumn.Beside, true);
			if (existing.ready) void existing.panel.webview.postMessage(message);
			return;
		}
		const extensionUri = ctx.extension.extensionUri;
		const panel = vscode.window.createWebviewPanel(
			ViewTypes.explanation,
			tr(TEXTS.panelTitle, ctx.lang()),
			{ viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
			{
				enableScripts: true,
				enableCommandUris: false,
				localResourceRoots: [
					vscode.Uri.joinPath(extensionUri, 'dist', 'webview'),
					vscode.Uri.joinPath(extensionUri, 'media', 'webview'),
				],
			},
		);
		ExplanationPanel.current = new ExplanationPanel(panel, ctx, message);
	}

	/** The page is untrusted: only known intents with indexes into the data we sent are acted on. */
	private receive(value: unknown): void {
		if (!isWebviewMessage(value)) return;
		if (value.type === 'ready') {
			this.ready = true;
			void this.panel.webview.postMessage(this.message);
			return;
		}
		const match = this.message.matches[value.index];
		if (!match) return;
		if (value.type === 'openWalkthrough') {
			if (match.walkthrough) openWalkthrough(this.ctx, match.walkthrough);
			return;
		}
		const source = match.sources[value.source];
		if (source?.startsWith('https://')) void vscode.env.openExternal(vscode.Uri.parse(source));
	}
}

function showExplanation(ctx: ClientContext, text: string): void {
	const lang = ctx.lang();
	const labels = Object.fromEntries(
		Object.entries({ ...EXPLAIN_LABELS, input: TEXTS.input }).map(([key, value]) => [key, value[lang]]),
	) as ShowMessage['labels'];
	ExplanationPanel.show(ctx, { type: 'show', labels, input: text, matches: explain(text, { lang }) });
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
	showExplanation(ctx, text);
}

/** Command URI for the hover: only `mailcfg.openWalkthrough` is trusted there (see `isTrusted` below). */
function walkthroughCommandUri(ref: WalkthroughRef): string {
	return `command:${Commands.openWalkthrough}?${encodeURIComponent(JSON.stringify([walkthroughArgs(ref)]))}`;
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
		matches.map((match) => renderMarkdown(match, lang, walkthroughCommandUri)).join('\n\n---\n\n'),
	);
	markdown.isTrusted = { enabledCommands: [Commands.openWalkthrough] };
	markdown.supportHtml = false;
	return new vscode.Hover(markdown, line.range);
}

/** "Mail: Explain Error…" and the explanation hover on log files. Nothing is computed until first use. */
export function registerExplainFeatures(ctx: ClientContext): void {
	ctx.extension.subscriptions.push(
		vscode.commands.registerCommand(Commands.explainError, (argument?: unknown) => explainErrorCommand(ctx, argument)),
		vscode.languages.registerHoverProvider(LOG_SELECTOR, {
			provideHover: (document, position) => provideHover(ctx, document, position),
		}),
	);
}
