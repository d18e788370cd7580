import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { Finding, Severity } from '../core/config/findings';
import type { DiagnosticData } from '../shared/protocol';

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
	error: DiagnosticSeverity.Error,
	warning: DiagnosticSeverity.Warning,
	information: DiagnosticSeverity.Information,
	hint: DiagnosticSeverity.Hint,
};

/** A core finding as an LSP diagnostic; `data` carries the walkthrough deep link for clients that use it. */
export function toDiagnostic(finding: Finding): Diagnostic {
	const data: DiagnosticData = {
		...(finding.walkthrough ? { walkthrough: finding.walkthrough } : {}),
		...(finding.accountId ? { accountId: finding.accountId } : {}),
	};
	return {
		range: finding.range,
		severity: SEVERITY[finding.severity],
		code: finding.code,
		// LSP requires a URI here; a rule without documentation simply gets no link.
		...(finding.docUrl ? { codeDescription: { href: finding.docUrl } } : {}),
		source: finding.source,
		message: finding.message,
		data,
	};
}
