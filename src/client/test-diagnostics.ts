import * as vscode from 'vscode';
import type { Lang } from '../core/i18n';
import { walkthroughActionTitle } from '../core/walkthroughs/action-title';
import type { AccountReport, ProbeCheck } from '../core/probes/result';
import { Commands, DiagnosticSources } from '../shared/ids';
import { type OpenWalkthroughArgs, walkthroughCommandUri } from '../shared/protocol';
import { type PlacedTestDiagnostic, TestDiagnosticReports } from './probe-diagnostic-model';
import type { ExplanationView } from './probe-report-model';

interface Placed {
	diagnostic: vscode.Diagnostic;
	walkthroughArgs?: OpenWalkthroughArgs;
}

/**
 * Connection-test failures as diagnostics (source `mailcfg-test`) on the config line they concern. Cleared for a
 * file as soon as it changes (the failure may no longer apply), replaced per account on re-test, and drawn again from
 * the last reports when the display language changes. The walkthrough is linked twice, as the language client does
 * for rule diagnostics (docs/language-server.md): the code link is a `command:` URI, which the hover and the Problems
 * view open, and a code action, which also works from the keyboard and in VS Code builds that stop running commands
 * from code links (microsoft/vscode#329652 did so for the hover).
 */
export class TestDiagnostics implements vscode.Disposable, vscode.CodeActionProvider {
	private readonly collection = vscode.languages.createDiagnosticCollection(DiagnosticSources.probe);
	private readonly reports = new TestDiagnosticReports();
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
	update(document: vscode.TextDocument, report: AccountReport, lang: Lang): void {
		this.reports.set(document.uri.toString(), document.getText(), report, lang);
		this.draw(document.uri);
	}

	/** Draws every file's diagnostics again in the current language (after a `mailcfg.language` change). */
	relocalize(): void {
		for (const key of this.reports.uris()) this.draw(vscode.Uri.parse(key));
	}

	clearFile(uri: vscode.Uri): void {
		const key = uri.toString();
		if (!this.reports.delete(key)) return;
		this.placed.delete(key);
		this.collection.delete(uri);
	}

	private draw(uri: vscode.Uri): void {
		const key = uri.toString();
		const all = this.reports
			.render(key, this.lang(), (check, accountId) => this.explain(check, key, accountId))
			.map((model) => this.toPlaced(model));
		this.placed.set(key, all);
		this.collection.set(
			uri,
			all.map((p) => p.diagnostic),
		);
	}

	provideCodeActions(
		document: vscode.TextDocument,
		_range: vscode.Range,
		context: vscode.CodeActionContext,
	): vscode.CodeAction[] {
		const placed = this.placed.get(document.uri.toString()) ?? [];
		const actions: vscode.CodeAction[] = [];
		const seen = new Map<string, vscode.CodeAction>();
		for (const diagnostic of context.diagnostics) {
			if (diagnostic.source !== DiagnosticSources.probe) continue;
			// The diagnostics handed back are copies: match ours by range and code.
			const match = placed.find(
				(p) => p.diagnostic.range.isEqual(diagnostic.range) && codeValue(p.diagnostic) === codeValue(diagnostic),
			);
			const args = match?.walkthroughArgs;
			if (!args) continue;
			const ref = args.step ? `${args.guide}#${args.step}` : args.guide;
			// One entry per guide step, however many failures link to it.
			const existing = seen.get(ref);
			if (existing) {
				existing.diagnostics?.push(diagnostic);
				continue;
			}
			const title = walkthroughActionTitle(ref, this.lang());
			if (!title) continue;
			const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
			action.diagnostics = [diagnostic];
			action.command = { command: Commands.openWalkthrough, title, arguments: [args] };
			seen.set(ref, action);
			actions.push(action);
		}
		return actions;
	}

	private toPlaced(model: PlacedTestDiagnostic): Placed {
		const { start, end } = model.range;
		const range = new vscode.Range(start.line, start.character, end.line, end.character);
		const diagnostic = new vscode.Diagnostic(range, model.message, vscode.DiagnosticSeverity.Error);
		diagnostic.source = DiagnosticSources.probe;
		diagnostic.code = model.walkthroughArgs
			? {
					value: model.code,
					target: vscode.Uri.parse(walkthroughCommandUri(model.walkthroughArgs)),
				}
			: model.code;
		return { diagnostic, ...(model.walkthroughArgs ? { walkthroughArgs: model.walkthroughArgs } : {}) };
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
