import * as vscode from 'vscode';
import type { ClientContext, FeatureContext } from './context';
import { type Lang, tr } from '../core/i18n';
import { GUIDES, isCatalogLink, resolveWalkthroughRef, stepCommand } from '../core/walkthroughs/catalog';
import { isAllowedLink } from '../core/walkthroughs/links';
import { HOST_UI, WALKTHROUGH_UI, uiStrings } from '../core/walkthroughs/ui-strings';
import { evaluateVerify, isAccountReport } from '../core/walkthroughs/verify';
import { allGuideViews } from '../core/walkthroughs/view';
import { Commands, ContextKeys, SettingKeys, ViewTypes } from '../shared/ids';
import {
	type Focus,
	type HostToWebview,
	type VerifyOutcome,
	VERIFY_TIMEOUT_MS,
	parseWebviewMessage,
} from '../shared/webview-protocol';
import { type OpenRequest, parseOpenArgs } from './walkthrough-args';
import { type AccountContext, ChecklistStore } from './walkthrough-checklist';
import { renderWebview, webviewOptions } from './webview-host';
import { registerNewConfigCommand } from './new-config';
import { markWalkthroughProgress } from './walkthrough-progress';
import { setLanguageSetting } from './language';

/** What the host remembers about the panel across restarts (workspace state, never the webview's word). */
interface PanelState {
	lang: Lang;
	account?: AccountContext;
	/** A deep link not yet delivered to the webview. */
	focus?: Focus;
}

const PANEL_STATE_KEY = 'mailcfg.walkthrough.panel';
const TIMED_OUT = Symbol('timed out');

function withTimeout<T>(promise: PromiseLike<T>, ms: number): Promise<T | typeof TIMED_OUT> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
		timer = setTimeout(() => resolve(TIMED_OUT), ms);
	});
	return Promise.race([Promise.resolve(promise), timeout]).finally(() => clearTimeout(timer));
}

/** The stored account of the panel; the language is always the one of `mailcfg.language` now. */
function readPanelState(memento: vscode.Memento, lang: Lang): PanelState {
	const stored = memento.get<Partial<PanelState>>(PANEL_STATE_KEY);
	const state: PanelState = { lang };
	const account = stored?.account;
	if (account && typeof account.uri === 'string' && typeof account.accountId === 'string') {
		state.account = { uri: account.uri, accountId: account.accountId };
	}
	return state;
}

function accountLabel(account: AccountContext): string {
	const file = vscode.Uri.parse(account.uri).path.split('/').pop() ?? account.uri;
	return `${account.accountId} (${file})`;
}

/** The one walkthrough panel (createOrShow): renders the shell, answers the webview, runs Verify. */
class WalkthroughPanel {
	static current: WalkthroughPanel | undefined;

	private readonly disposables: vscode.Disposable[] = [];
	private readonly inFlight = new Set<string>();
	private ready = false;

	private constructor(
		private readonly ctx: ClientContext,
		private readonly store: ChecklistStore,
		private readonly panel: vscode.WebviewPanel,
		private state: PanelState,
	) {
		this.panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
		this.panel.webview.onDidReceiveMessage((raw: unknown) => this.onMessage(raw), undefined, this.disposables);
		this.render();
		void markWalkthroughProgress(ctx.extension, ContextKeys.walkthroughOpened);
	}

	static show(ctx: ClientContext, store: ChecklistStore, request: OpenRequest): void {
		const existing = WalkthroughPanel.current;
		if (existing) {
			existing.open(request);
			existing.panel.reveal();
			return;
		}
		const state = readPanelState(ctx.extension.workspaceState, ctx.lang());
		const panel = vscode.window.createWebviewPanel(
			ViewTypes.walkthrough,
			WALKTHROUGH_UI.panelTitle[state.lang],
			vscode.ViewColumn.Active,
			{ ...webviewOptions(ctx.extension.extensionUri), enableFindWidget: true },
		);
		WalkthroughPanel.current = new WalkthroughPanel(ctx, store, panel, state);
		WalkthroughPanel.current.open(request);
	}

	/** Restores a panel after a restart; options are set again because VS Code does not keep them. */
	static revive(ctx: ClientContext, store: ChecklistStore, panel: vscode.WebviewPanel): void {
		panel.webview.options = webviewOptions(ctx.extension.extensionUri);
		WalkthroughPanel.current?.panel.dispose();
		WalkthroughPanel.current = new WalkthroughPanel(
			ctx,
			store,
			panel,
			readPanelState(ctx.extension.workspaceState, ctx.lang()),
		);
	}

	/** Applies a new deep link and account; the webview gets them now if it listens, else with its `init`. */
	private open(request: OpenRequest): void {
		const accountChanged =
			request.account !== undefined &&
			(request.account.uri !== this.state.account?.uri || request.account.accountId !== this.state.account.accountId);
		if (request.account) this.state.account = request.account;
		if (request.focus) this.state.focus = request.focus;
		this.saveState();
		if (!this.ready) return;
		if (accountChanged) this.sendInit();
		else if (this.state.focus) {
			this.post({ type: 'focus', ...this.state.focus });
			this.state.focus = undefined;
		}
	}

	/** Follows `mailcfg.language` when the user changes the setting while the panel is open. */
	followSetting(): void {
		this.setLang(this.ctx.lang());
	}

	private setLang(lang: Lang): void {
		this.state.lang = lang;
		this.panel.title = WALKTHROUGH_UI.panelTitle[lang];
		this.saveState();
		if (this.ready) this.sendInit();
	}

	private saveState(): void {
		const { lang, account } = this.state;
		void this.ctx.extension.workspaceState.update(PANEL_STATE_KEY, account ? { lang, account } : { lang });
	}

	private render(): void {
		this.ready = false;
		renderWebview(this.panel.webview, this.ctx.extension.extensionUri, 'walkthrough', this.state.lang);
	}

	private post(message: HostToWebview): void {
		void this.panel.webview.postMessage(message);
	}

	private sendInit(): void {
		const { lang, account, focus } = this.state;
		const message: HostToWebview = {
			type: 'init',
			lang,
			ui: uiStrings(lang),
			guides: allGuideViews(lang, new Date()),
			checked: this.store.forAccount(account),
		};
		if (account) message.account = { id: account.accountId, label: accountLabel(account) };
		if (focus) message.focus = focus;
		this.state.focus = undefined;
		this.post(message);
	}

	private async onMessage(raw: unknown): Promise<void> {
		const message = parseWebviewMessage(raw);
		if (!message) {
			// Content is not logged: it comes from an untrusted page.
			this.ctx.log.warn('walkthrough panel: ignored a message that does not match the protocol');
			return;
		}
		switch (message.type) {
			case 'ready':
				this.ready = true;
				this.sendInit();
				return;
			case 'setLang':
				// The page's toggle is a shortcut for mailcfg.language: every text of the extension follows it, and the
				// configuration listener brings this panel along.
				await setLanguageSetting(message.lang);
				return;
			case 'toggleStep': {
				if (!resolveWalkthroughRef(`${message.guide}#${message.step}`)) return;
				const steps = await this.store.set(this.state.account, message.guide, message.step, message.done);
				this.post({ type: 'checked', guide: message.guide, steps });
				return;
			}
			case 'copyCommand': {
				const code = stepCommand(message.guide, message.step, message.index);
				if (code !== undefined) await vscode.env.clipboard.writeText(code);
				return;
			}
			case 'openLink':
				if (isCatalogLink(message.url) && isAllowedLink(message.url)) {
					await vscode.env.openExternal(vscode.Uri.parse(message.url, true));
				} else {
					this.ctx.log.warn('walkthrough panel: refused to open a link that is not in the guides');
				}
				return;
			case 'verify':
				await this.verify(message.requestId, message.guide, message.step);
				return;
		}
	}

	private async verify(requestId: string, guideId: string, stepId: string): Promise<void> {
		const step = resolveWalkthroughRef(`${guideId}#${stepId}`)?.step;
		if (!step?.verify || this.inFlight.has(requestId)) return;
		const lang = this.state.lang;
		const reply = (outcome: VerifyOutcome, details: string[] = []): void =>
			this.post({ type: 'verifyResult', requestId, guide: guideId, step: stepId, outcome, details });
		const account = this.state.account;
		if (!account) {
			reply('noAccount');
			return;
		}
		this.inFlight.add(requestId);
		try {
			const result = await withTimeout(
				vscode.commands.executeCommand<unknown>(Commands.testConnection, {
					uri: account.uri,
					accountId: account.accountId,
				}),
				VERIFY_TIMEOUT_MS,
			);
			if (result === TIMED_OUT) return reply('timeout');
			if (result === undefined) return reply('cancelled');
			if (!isAccountReport(result)) return reply('failed', [HOST_UI.unexpectedReport[lang]]);
			const evaluation = evaluateVerify(result, step.verify.protocol, lang);
			if (evaluation.outcome === 'passed') {
				const steps = await this.store.set(account, guideId, stepId, true);
				this.post({ type: 'checked', guide: guideId, steps });
			}
			reply(evaluation.outcome, evaluation.details);
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			this.ctx.log.error(`walkthrough panel: connection test failed to run: ${reason}`);
			reply('failed', [tr(HOST_UI.testUnavailable, lang, { reason })]);
		} finally {
			this.inFlight.delete(requestId);
		}
	}

	private dispose(): void {
		if (WalkthroughPanel.current === this) WalkthroughPanel.current = undefined;
		for (const disposable of this.disposables.splice(0)) disposable.dispose();
	}
}

async function openWalkthrough(ctx: ClientContext, store: ChecklistStore, raw: unknown): Promise<void> {
	const request = parseOpenArgs(raw);
	const lang = ctx.lang();
	if (request.unresolved) {
		void vscode.window.showWarningMessage(tr(HOST_UI.unknownRef, lang, { ref: request.unresolved }));
	}
	if (!request.focus && !request.unresolved) {
		const picked = await vscode.window.showQuickPick(
			GUIDES.map((guide) => ({
				label: guide.title[lang],
				description: guide.id,
				detail: guide.summary[lang],
				id: guide.id,
			})),
			{ placeHolder: HOST_UI.pickGuide[lang], matchOnDescription: true, matchOnDetail: true },
		);
		if (!picked) return;
		request.focus = { guide: picked.id };
	}
	WalkthroughPanel.show(ctx, store, request);
}

/**
 * Registers "Mail: Open Walkthrough…" (args `OpenWalkthroughArgs` of shared/protocol.ts, all optional here), the
 * panel serializer and "Mail: New Mail Account Config…".
 */
export function registerWalkthroughFeatures(ctx: FeatureContext): { revive(panel: vscode.WebviewPanel): void } {
	const store = new ChecklistStore(ctx.extension.workspaceState);
	ctx.registerCommand(Commands.openWalkthrough, (args?: unknown) => openWalkthrough(ctx, store, args));
	ctx.extension.subscriptions.push(
		vscode.workspace.onDidChangeConfiguration((event) => {
			if (event.affectsConfiguration(SettingKeys.language)) WalkthroughPanel.current?.followSetting();
		}),
	);
	registerNewConfigCommand(ctx);
	return { revive: (panel) => WalkthroughPanel.revive(ctx, store, panel) };
}
