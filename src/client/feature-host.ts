/**
 * The activation shell's half of the lazy features: every command of package.json is registered at activation, and
 * the first call (or the first log hover, or a restored panel) loads dist/features.js, which holds the explanation
 * catalog, the guides, the report view and the connection-test front end. Activation itself stays the language
 * client plus this file.
 */
import * as vscode from 'vscode';
import { Commands, ViewTypes } from '../shared/ids';
import type { ClientContext, CommandHandler, FeatureContext, TreeSlot } from './context';
import type * as FeaturesModule from './features';

type Features = ReturnType<typeof FeaturesModule.activateFeatures>;

/** Commands the language client registers itself; every other command id belongs to the features. */
const CLIENT_COMMANDS: ReadonlySet<string> = new Set([Commands.restartServer, Commands.showLog]);

/** `*.log` files (VS Code's `log` language) and plain text, where pasted errors and exported logs usually land. */
const LOG_SELECTOR: vscode.DocumentSelector = [{ language: 'log' }, { language: 'plaintext' }, { pattern: '**/*.log' }];

/** The report view, created at activation so its welcome text shows; its data arrives with the features. */
class LazyTree implements vscode.TreeDataProvider<unknown>, TreeSlot<unknown>, vscode.Disposable {
	private target: vscode.TreeDataProvider<unknown> | undefined;
	private readonly changed = new vscode.EventEmitter<unknown>();
	readonly onDidChangeTreeData = this.changed.event;
	readonly view = vscode.window.createTreeView<unknown>(ViewTypes.report, {
		treeDataProvider: this,
		showCollapseAll: true,
	});
	private subscription: vscode.Disposable | undefined;

	attach(provider: vscode.TreeDataProvider<unknown>): void {
		this.target = provider;
		this.subscription = provider.onDidChangeTreeData?.((node) => this.changed.fire(node));
		this.changed.fire(undefined);
	}

	getTreeItem(node: unknown): vscode.TreeItem | Thenable<vscode.TreeItem> {
		if (!this.target) throw new Error('report view used before the features loaded');
		return this.target.getTreeItem(node);
	}

	getChildren(node?: unknown): vscode.ProviderResult<unknown[]> {
		return this.target ? this.target.getChildren(node) : [];
	}

	getParent(node: unknown): vscode.ProviderResult<unknown> {
		return this.target?.getParent?.(node);
	}

	dispose(): void {
		this.subscription?.dispose();
		this.changed.dispose();
		this.view.dispose();
	}
}

export function registerLazyFeatures(ctx: ClientContext): void {
	const handlers = new Map<string, CommandHandler>();
	const reportTree = new LazyTree();
	let features: Features | undefined;
	const load = (): Features => {
		if (!features) {
			const started = performance.now();
			// eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load has to be a runtime require.
			const module = require('./features.js') as typeof FeaturesModule;
			const featureContext: FeatureContext = {
				...ctx,
				registerCommand: (id, handler) => handlers.set(id, handler),
				reportTree,
			};
			features = module.activateFeatures(featureContext);
			ctx.log.info(`features loaded in ${Math.round(performance.now() - started)} ms`);
		}
		return features;
	};
	const subscriptions = ctx.extension.subscriptions;
	subscriptions.push(reportTree);
	for (const id of Object.values(Commands)) {
		if (CLIENT_COMMANDS.has(id)) continue;
		subscriptions.push(
			vscode.commands.registerCommand(id, (...args: unknown[]) => {
				load();
				const handler = handlers.get(id);
				if (!handler) throw new Error(`mailcfg: no handler for ${id}`);
				return handler(...args);
			}),
		);
	}
	subscriptions.push(
		vscode.languages.registerHoverProvider(LOG_SELECTOR, {
			provideHover: (document, position) =>
				// A blank line never needs the catalog.
				document.lineAt(position.line).isEmptyOrWhitespace ? undefined : load().hover(document, position),
		}),
		...[ViewTypes.walkthrough, ViewTypes.explanation].map((viewType) =>
			vscode.window.registerWebviewPanelSerializer(viewType, {
				deserializeWebviewPanel: (panel, state: unknown) => load().restorePanel(viewType, panel, state),
			}),
		),
	);
}
