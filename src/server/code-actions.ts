import {
	type CodeAction,
	CodeActionKind,
	type CodeActionParams,
	type Diagnostic,
	type TextEdit,
	type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Finding, Fix } from '../core/config/findings';
import type { Position, Range } from '../core/text/positions';
import { Commands } from '../shared/ids';
import { FIX_ALL_KIND, walkthroughArgsFromData } from '../shared/protocol';
import { toDiagnostic } from './diagnostics';

/** The document the actions edit; the version pins edits to the text they were computed for. */
export interface EditTarget {
	uri: string;
	version: number;
	/** The client understands `documentChanges` (versioned edits); otherwise plain `changes` are sent. */
	documentChanges: boolean;
}

function compare(a: Position, b: Position): number {
	return a.line - b.line || a.character - b.character;
}

function rangesTouch(a: Range, b: Range): boolean {
	return compare(a.start, b.end) <= 0 && compare(b.start, a.end) <= 0;
}

function sameRange(a: Range, b: Range): boolean {
	return compare(a.start, b.start) === 0 && compare(a.end, b.end) === 0;
}

function workspaceEdit(target: EditTarget, edits: TextEdit[]): WorkspaceEdit {
	return target.documentChanges
		? { documentChanges: [{ textDocument: { uri: target.uri, version: target.version }, edits }] }
		: { changes: { [target.uri]: edits } };
}

/**
 * Walkthrough links as quick fixes, for clients that have the `mailcfg.openWalkthrough` command (the VS Code client
 * says so in its initialization options): one per guide step under the cursor, titled with the guide and step.
 */
export interface WalkthroughActions {
	/** The action's title for a reference; undefined when no guide has it. */
	title(ref: string): string | undefined;
}

function walkthroughActions(
	findings: readonly Finding[],
	range: Range,
	uri: string,
	walkthroughs: WalkthroughActions,
	diagnosticOf: (finding: Finding) => Diagnostic,
): CodeAction[] {
	const actions: CodeAction[] = [];
	const seen = new Set<string>();
	for (const finding of findings) {
		const ref = finding.walkthrough;
		if (!ref || seen.has(ref) || !rangesTouch(finding.range, range)) continue;
		const args = walkthroughArgsFromData({ walkthrough: ref, accountId: finding.accountId }, uri);
		const title = walkthroughs.title(ref);
		if (!args || !title) continue;
		seen.add(ref);
		actions.push({
			title,
			kind: CodeActionKind.QuickFix,
			diagnostics: findings.filter((f) => f.walkthrough === ref && rangesTouch(f.range, range)).map(diagnosticOf),
			command: { title, command: Commands.openWalkthrough, arguments: [args] },
		});
	}
	return actions;
}

/** Whether an action of `kind` was asked for; no `only` means every kind is welcome. */
function wanted(kind: string, only: readonly string[] | undefined): boolean {
	return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/**
 * Quick fixes for the findings under the requested range (with "fix all" among them when one of them is preferred),
 * plus the fix-all source action when that kind is asked for. Each quick fix
 * carries the client's own diagnostic object when it sent one, so editors link the fix to the squiggle.
 */
export function codeActions(
	findings: readonly Finding[],
	params: CodeActionParams,
	target: EditTarget,
	fixAllTitle: string,
	walkthroughs?: WalkthroughActions,
): CodeAction[] {
	const only = params.context.only;
	const actions: CodeAction[] = [];
	if (wanted(CodeActionKind.QuickFix, only)) {
		let preferredHere = false;
		const clientDiagnostic = (finding: Finding): Diagnostic =>
			params.context.diagnostics.find(
				(d) => d.code === finding.code && d.source === finding.source && sameRange(d.range, finding.range),
			) ?? toDiagnostic(finding);
		for (const finding of findings) {
			if (finding.fixes.length === 0 || !rangesTouch(finding.range, params.range)) continue;
			preferredHere ||= finding.fixes.some((fix) => fix.isPreferred);
			const diagnostic = clientDiagnostic(finding);
			for (const fix of finding.fixes) {
				actions.push({
					title: fix.title,
					kind: CodeActionKind.QuickFix,
					diagnostics: [diagnostic],
					...(fix.isPreferred ? { isPreferred: true } : {}),
					edit: workspaceEdit(target, fix.edits),
				});
			}
		}
		if (walkthroughs)
			actions.push(...walkthroughActions(findings, params.range, target.uri, walkthroughs, clientDiagnostic));
		// Fix all in the quick-fix menu too (as vscode-eslint does): VS Code's Ctrl+. menu leaves source actions out.
		const fixAll = preferredHere ? fixAllAction(findings, target, fixAllTitle, CodeActionKind.QuickFix) : undefined;
		if (fixAll) actions.push(fixAll);
	}
	// The source action only when asked for by kind (Source Action menu, codeActionsOnSave): a client that asks for
	// everything gets fix-all once, in the quick-fix list.
	if (only && wanted(FIX_ALL_KIND, only)) {
		const fixAll = fixAllAction(findings, target, fixAllTitle, FIX_ALL_KIND);
		if (fixAll) actions.push(fixAll);
	}
	return actions;
}

/**
 * Every preferred fix at once. Fixes are taken in document order and a fix is dropped when any of its edits
 * overlaps (or inserts at the same place as) an edit already taken: the client must receive non-overlapping
 * edits, and the dropped fix shows up again on the next run once the text has settled.
 */
export function fixAllEdits(findings: readonly Finding[]): TextEdit[] {
	const preferred = findings
		.flatMap((f) => f.fixes.filter((fix): fix is Fix => fix.isPreferred === true))
		.filter((fix) => fix.edits.length > 0)
		.sort((a, b) => compare(firstStart(a), firstStart(b)));
	const taken: TextEdit[] = [];
	const seen = new Set<string>();
	for (const fix of preferred) {
		const key = JSON.stringify(fix.edits);
		if (seen.has(key)) continue;
		if (fix.edits.some((edit) => taken.some((t) => conflicts(edit, t)))) continue;
		if (fix.edits.some((edit, i) => fix.edits.some((other, j) => i !== j && conflicts(edit, other)))) continue;
		seen.add(key);
		taken.push(...fix.edits);
	}
	return taken.sort((a, b) => compare(a.range.start, b.range.start));
}

function fixAllAction(
	findings: readonly Finding[],
	target: EditTarget,
	title: string,
	kind: string,
): CodeAction | undefined {
	const edits = fixAllEdits(findings);
	if (edits.length === 0) return undefined;
	return { title, kind, edit: workspaceEdit(target, edits) };
}

function firstStart(fix: Fix): Position {
	return fix.edits.reduce(
		(min, e) => (compare(e.range.start, min) < 0 ? e.range.start : min),
		fix.edits[0]!.range.start,
	);
}

function conflicts(a: TextEdit, b: TextEdit): boolean {
	if (compare(a.range.start, b.range.start) === 0) return true;
	return compare(a.range.start, b.range.end) < 0 && compare(b.range.start, a.range.end) < 0;
}
