import * as vscode from 'vscode';
import type { Lang } from '../core/i18n';
import { renderReportText } from '../core/probes/report-text';
import type { AccountReport, ProbeCheck, Protocol } from '../core/probes/result';
import { Commands, ViewTypes } from '../shared/ids';
import type { TreeSlot } from './context';
import {
	type ExplanationView,
	type NodeIcon,
	type ReportEntry,
	type ReportNode,
	buildReportTree,
	reportInLang,
} from './probe-report-model';

/** Scheme of the read-only transcript documents; content comes from the last report, already redacted. */
export const TRANSCRIPT_SCHEME = 'mailcfg-transcript';

const ICONS: Readonly<Record<NodeIcon, vscode.ThemeIcon>> = {
	pass: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
	fail: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
	error: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsErrorIcon.foreground')),
	info: new vscode.ThemeIcon('info'),
	book: new vscode.ThemeIcon('book'),
	transcript: new vscode.ThemeIcon('output'),
	step: new vscode.ThemeIcon('circle-small'),
};

function entryKey(uri: string, accountId: string): string {
	return `${uri}|${accountId}`;
}

/**
 * The "Mail Tests" view: the last report of every tested account, as a stage tree. Also serves the transcripts
 * as read-only virtual documents and the text of "Copy Redacted Report".
 */
export class ReportView implements vscode.TreeDataProvider<ReportNode>, vscode.TextDocumentContentProvider {
	private readonly entries = new Map<string, ReportEntry>();
	private roots: ReportNode[] = [];
	private readonly parents = new Map<string, ReportNode>();
	private readonly changed = new vscode.EventEmitter<ReportNode | undefined>();
	readonly onDidChangeTreeData = this.changed.event;
	private readonly transcriptChanged = new vscode.EventEmitter<vscode.Uri>();
	readonly onDidChange = this.transcriptChanged.event;
	private readonly view: vscode.TreeView<ReportNode>;

	constructor(
		private readonly lang: () => Lang,
		private readonly explain: (check: ProbeCheck, uri: string, accountId: string) => ExplanationView | undefined,
		slot: TreeSlot<unknown>,
	) {
		// The view itself exists since activation (feature-host.ts); from now on its data comes from here.
		this.view = slot.view as vscode.TreeView<ReportNode>;
		slot.attach(this as vscode.TreeDataProvider<unknown>);
	}

	register(subscriptions: vscode.Disposable[]): void {
		subscriptions.push(
			this.changed,
			this.transcriptChanged,
			vscode.workspace.registerTextDocumentContentProvider(TRANSCRIPT_SCHEME, this),
		);
	}

	/** Records the outcome of one account's test (replacing its previous report) and redraws. */
	add(uri: vscode.Uri, report: AccountReport, lang: Lang): void {
		const key = entryKey(uri.toString(), report.id);
		// Re-inserting moves the account to the end, so the newest results are at the bottom in run order.
		this.entries.delete(key);
		this.entries.set(key, { uri: uri.toString(), fileLabel: vscode.workspace.asRelativePath(uri), report, lang });
		for (const check of report.checks)
			this.transcriptChanged.fire(this.transcriptUri(uri.toString(), report.id, check.protocol));
		this.refresh();
	}

	hasReports(): boolean {
		return this.entries.size > 0;
	}

	refresh(): void {
		this.roots = buildReportTree([...this.entries.values()], this.lang(), (check, entry) =>
			this.explain(check, entry.uri, entry.report.id),
		);
		this.parents.clear();
		const index = (node: ReportNode): void =>
			node.children.forEach((child) => {
				this.parents.set(child.id, node);
				index(child);
			});
		this.roots.forEach(index);
		this.changed.fire(undefined);
	}

	/** Shows the view with the given account (or the last tested one) selected and expanded. */
	async reveal(uri?: string, accountId?: string): Promise<void> {
		const root =
			uri && accountId ? this.roots.find((r) => r.uri === uri && r.accountId === accountId) : this.roots.at(-1);
		// Three levels: the account, its checks, and the failed stage with its explanation.
		if (root) await this.view.reveal(root, { select: true, focus: true, expand: 3 });
		else await vscode.commands.executeCommand(`${ViewTypes.report}.focus`);
	}

	/**
	 * The redacted text report (the same renderer as `mailcfg test`) of one account, or of every account in the view.
	 */
	textReport(only?: { uri: string; accountId: string }): string {
		const entries = [...this.entries.values()].filter(
			(e) => !only || (e.uri === only.uri && e.report.id === only.accountId),
		);
		return renderReportText(
			entries.map((e) => reportInLang(e.report, e.lang, this.lang())),
			this.lang(),
			{
				explain: (accountId, check) =>
					this.explain(check, entries.find((e) => e.report.id === accountId)?.uri ?? '', accountId),
			},
		);
	}

	transcriptUri(uri: string, accountId: string, protocol: Protocol): vscode.Uri {
		return vscode.Uri.from({
			scheme: TRANSCRIPT_SCHEME,
			path: `/${accountId}-${protocol}.log`,
			query: new URLSearchParams({ uri, account: accountId, protocol }).toString(),
		});
	}

	provideTextDocumentContent(uri: vscode.Uri): string {
		const params = new URLSearchParams(uri.query);
		const entry = this.entries.get(entryKey(params.get('uri') ?? '', params.get('account') ?? ''));
		const check = entry?.report.checks.find((c) => c.protocol === params.get('protocol'));
		return check ? `${check.transcript.join('\n')}\n` : '';
	}

	getTreeItem(node: ReportNode): vscode.TreeItem {
		const state =
			node.children.length === 0
				? vscode.TreeItemCollapsibleState.None
				: node.expanded
					? vscode.TreeItemCollapsibleState.Expanded
					: vscode.TreeItemCollapsibleState.Collapsed;
		const item = new vscode.TreeItem(node.label, state);
		item.id = node.id;
		item.contextValue = `mailcfg.${node.kind}`;
		if (node.description !== undefined) item.description = node.description;
		if (node.tooltip !== undefined) item.tooltip = node.tooltip;
		if (node.icon) item.iconPath = ICONS[node.icon];
		if (node.kind === 'walkthrough' && node.walkthroughArgs) {
			item.command = { command: Commands.openWalkthrough, title: node.label, arguments: [node.walkthroughArgs] };
		} else if (node.kind === 'transcript') {
			item.command = { command: Commands.showTranscript, title: node.label, arguments: [node] };
		}
		return item;
	}

	getChildren(node?: ReportNode): ReportNode[] {
		return node ? node.children : this.roots;
	}

	getParent(node: ReportNode): ReportNode | undefined {
		return this.parents.get(node.id);
	}
}
