import type { CheckedFile } from './report';

/**
 * `mailcfg check --format json`: the documented contract, nothing more, so scripts can rely on the shape.
 * Positions are 0-based UTF-16 offsets, as in LSP.
 */
export function formatJson(files: readonly CheckedFile[]): string {
	const report = {
		files: files.map(({ file, findings }) => ({
			file,
			diagnostics: findings.map(({ code, severity, message, range, source }) => ({
				code,
				severity,
				message,
				range: {
					start: { line: range.start.line, character: range.start.character },
					end: { line: range.end.line, character: range.end.character },
				},
				source,
			})),
		})),
	};
	return `${JSON.stringify(report, null, 2)}\n`;
}
