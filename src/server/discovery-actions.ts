/**
 * Code actions that need the network: "Fill in server settings for <domain>" and "Look up the tenant ID of <domain>".
 * The server only offers them, as standard LSP code actions that carry a command; the client that declared
 * `discoveryCommands` runs the lookup when the user picks one. Computing them is offline and cheap: the account under
 * the cursor and the findings already at hand.
 */
import { type CodeAction, CodeActionKind, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../core/config/findings';
import { isMailcfgDocument } from '../core/config/document-kind';
import { type ParsedConfig, parseConfig } from '../core/config/parse';
import { type AccountTarget, TARGET_TEXTS, discoveryTargets } from '../core/discovery/targets';
import { type Lang, tr } from '../core/i18n';
import { Commands } from '../shared/ids';
import type { DiscoveryCommandArgs } from '../shared/protocol';
import { toDiagnostic } from './diagnostics';

/** The parse of the last document version asked about: the light bulb asks again on every cursor move. */
let lastParse: { uri: string; version: number; parsed: ParsedConfig } | undefined;

function parsedOf(document: TextDocument): ParsedConfig {
	if (lastParse?.uri !== document.uri || lastParse.version !== document.version) {
		lastParse = { uri: document.uri, version: document.version, parsed: parseConfig(document.getText()) };
	}
	return lastParse.parsed;
}

/** The client's own diagnostic object for a finding when it sent one, so the editor links action and squiggle. */
function diagnosticFor(finding: Finding, params: CodeActionParams): Diagnostic {
	const same = (d: Diagnostic) =>
		d.code === finding.code &&
		d.range.start.line === finding.range.start.line &&
		d.range.start.character === finding.range.start.character;
	return params.context.diagnostics.find(same) ?? toDiagnostic(finding);
}

function args(uri: string, target: AccountTarget): DiscoveryCommandArgs {
	return {
		uri,
		accountIndex: target.index,
		...(target.accountId !== undefined ? { accountId: target.accountId } : {}),
		email: target.email,
		domain: target.domain,
	};
}

export function discoveryCodeActions(
	document: TextDocument,
	findings: readonly Finding[],
	params: CodeActionParams,
	lang: Lang,
): CodeAction[] {
	const only = params.context.only;
	if (
		only &&
		!only.some((kind) => CodeActionKind.QuickFix === kind || CodeActionKind.QuickFix.startsWith(`${kind}.`))
	) {
		return [];
	}
	if (!isMailcfgDocument(document.uri, document.getText())) return [];
	const targets = discoveryTargets(
		parsedOf(document),
		findings,
		document.offsetAt(params.range.start),
		document.offsetAt(params.range.end),
		(f) => ({ start: document.offsetAt(f.range.start), end: document.offsetAt(f.range.end) }),
	);
	const actions: CodeAction[] = [];
	for (const target of targets.lookupTenant) {
		const title = tr(TARGET_TEXTS.lookupTenant, lang, { domain: target.domain });
		actions.push({
			title,
			kind: CodeActionKind.QuickFix,
			diagnostics: [diagnosticFor(target.finding, params)],
			isPreferred: true,
			command: { title, command: Commands.lookupTenant, arguments: [args(document.uri, target)] },
		});
	}
	const fill = targets.fillServers;
	if (fill) {
		const title = tr(TARGET_TEXTS.fillServers, lang, { domain: fill.domain });
		actions.push({
			title,
			kind: CodeActionKind.QuickFix,
			...(fill.findings.length ? { diagnostics: fill.findings.map((f) => diagnosticFor(f, params)) } : {}),
			command: { title, command: Commands.fillServerSettings, arguments: [args(document.uri, fill)] },
		});
	}
	return actions;
}
