import * as vscode from 'vscode';
import { type Lang, type Localized, tr } from '../core/i18n';
import type { AccountReport, ProbeCheck } from '../core/probes/result';
import { Commands, DiagnosticSources } from '../shared/ids';
import { type OpenWalkthroughArgs, walkthroughCommandUri } from '../shared/protocol';
import { type TestDiagnosticModel, testDiagnosticsFor } from './probe-diagnostic-model';
import type { ExplanationView } from './probe-report-model';

const T = {
	openWalkthrough: { en: 'Open walkthrough: {guide}', de: 'Anleitung öffnen: {guide}' },
} as const satisfies Record<string, Localized>;

interface Placed {
	accountId: string;
	diagnostic: vscode.Diagnostic;
	walkthroughArgs?: OpenWalkthroughArgs;
}

/**
 * Connection-test failures as diagnostics (source `mailcfg-test`) on the config line they concern. Cleared for a
 * file as soon as it changes (the failure may no longer apply) and per account on re-test. The walkthrough is linked
 * twice, as the language client does for rule diagnostics (docs/language-server.md): the code link is a `command:`
 * URI, which the hover and the Problems view open, and a code action, which also works from the keyboard and in
 * VS Code builds that stop running commands from code links (microsoft/vscode#329652 did so for the hover).
 */
export class TestDiagnostics implements vscode.Disposable, vscode.CodeActionProvider {
	private readonly collection = vscode.languages.createDiagnosticCollection(DiagnosticSources.probe);
	private readonly placed = new Map<string, Placed[]>();
	private readonly disposables: vscode.Disposable[] = [this.collection];

	constructor(
		private readonly lang: () => Lang,
		private readonly explain: (check: ProbeCheck, uri: string, accountId: string) => ExplanationView | undefined,
	) {
		this.disposables.push(
			vscode.workspace.onDidChangeTextDocument((e) => {
				if (e.contentChanges.length > 0) this.clearFile(e.document.uri);
			}),
			vscode.languages.registerCodeActionsProvider({ scheme: 'file', language: 'json' }, this, {
				providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
			}),
			vscode.languages.registerCodeActionsProvider({ scheme: 'file', language: 'jsonc' }, this, {
				providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
			}),
		);
	}

	/** Replaces the diagnostics of `report.id` in `document` by those of this report (none when it passed). */
	update(document: vscode.TextDocument, report: AccountReport): void {
		const key = document.uri.toString();
		const kept = (this.placed.get(key) ?? []).filter((p) => p.accountId !== report.id);
		const models = testDiagnosticsFor(document.getText(), key, report, this.lang(), (check) =>
			this.explain(check, key, report.id),
		);
		const fresh = models.map((m) => this.toPlaced(document, report.id, m));
		const all = [...kept, ...fresh];
		this.placed.set(key, all);
		this.collection.set(
			document.uri,
			all.map((p) => p.diagnostic),
		);
	}

	clearFile(uri: vscode.Uri): void {
		if (!this.placed.delete(uri.toString())) return;
		this.collection.delete(uri);
	}

	provideCodeActions(
		document: vscode.TextDocument,
		_range: vscode.Range,
		context: vscode.CodeActionContext,
	): vscode.CodeAction[] {
		const placed = this.placed.get(document.uri.toString()) ?? [];
		const actions: vscode.CodeAction[] = [];
		for (const diagnostic of context.diagnostics) {
			if (diagnostic.source !== DiagnosticSources.probe) continue;
			// The diagnostics handed back are copies: match ours by range and code.
			const match = placed.find(
				(p) => p.diagnostic.range.isEqual(diagnostic.range) && codeValue(p.diagnostic) === codeValue(diagnostic),
			);
			if (!match?.walkthroughArgs) continue;
			const guide = match.walkthroughArgs.step
				? `${match.walkthroughArgs.guide}#${match.walkthroughArgs.step}`
				: match.walkthroughArgs.guide;
			const action = new vscode.CodeAction(
				tr(T.openWalkthrough, this.lang(), { guide }),
				vscode.CodeActionKind.QuickFix,
			);
			action.diagnostics = [diagnostic];
			action.command = { command: Commands.openWalkthrough, title: action.title, arguments: [match.walkthroughArgs] };
			actions.push(action);
		}
		return actions;
	}

	private toPlaced(document: vscode.TextDocument, accountId: string, model: TestDiagnosticModel): Placed {
		const range = new vscode.Range(document.positionAt(model.offset), document.positionAt(model.offset + model.length));
		const diagnostic = new vscode.Diagnostic(range, model.message, vscode.DiagnosticSeverity.Error);
		diagnostic.source = DiagnosticSources.probe;
		diagnostic.code = model.walkthroughArgs
			? {
					value: model.code,
					target: vscode.Uri.parse(walkthroughCommandUri(model.walkthroughArgs)),
				}
			: model.code;
		return { accountId, diagnostic, ...(model.walkthroughArgs ? { walkthroughArgs: model.walkthroughArgs } : {}) };
	}

	dispose(): void {
		this.disposables.forEach((d) => {
			d.dispose();
		});
	}
}

function codeValue(diagnostic: vscode.Diagnostic): string | number | undefined {
	const code = diagnostic.code;
	return typeof code === 'object' ? code.value : code;
}
