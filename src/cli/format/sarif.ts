import type { Severity } from '../../core/config/findings';
import type { CheckedFile } from './report';

/** Where the tool's documentation lives (SARIF `tool.driver.informationUri`). */
export const INFORMATION_URI = 'https://github.com/mailcfg/mailcfg';

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
	error: 'error',
	warning: 'warning',
	information: 'note',
	hint: 'note',
};

export interface SarifOptions {
	/** A one-line description of a rule in the chosen language; the rule id when unknown. */
	describeRule: (code: string) => string | undefined;
	/** Turns a displayed file path into the artifact URI (relative to the repository root when possible). */
	artifactUri: (file: string) => string;
}

/**
 * SARIF 2.1.0 for code-scanning uploads. Regions are 1-based; SARIF's default column unit is UTF-16 code
 * units, the same as our ranges, and `endColumn` points just past the last character, like our exclusive end.
 */
export function formatSarif(files: readonly CheckedFile[], options: SarifOptions): string {
	const ruleIndex = new Map<string, number>();
	const rules: { id: string; shortDescription: { text: string }; helpUri?: string }[] = [];
	const results = files.flatMap(({ file, findings }) =>
		findings.map((f) => {
			let index = ruleIndex.get(f.code);
			if (index === undefined) {
				index = rules.length;
				ruleIndex.set(f.code, index);
				rules.push({
					id: f.code,
					shortDescription: { text: options.describeRule(f.code) ?? f.code },
					...(f.docUrl ? { helpUri: f.docUrl } : {}),
				});
			}
			return {
				ruleId: f.code,
				ruleIndex: index,
				level: LEVEL[f.severity],
				message: { text: f.message },
				locations: [
					{
						physicalLocation: {
							artifactLocation: { uri: options.artifactUri(file) },
							region: {
								startLine: f.range.start.line + 1,
								startColumn: f.range.start.character + 1,
								endLine: f.range.end.line + 1,
								endColumn: f.range.end.character + 1,
							},
						},
					},
				],
			};
		}),
	);
	const log = {
		$schema: 'https://json.schemastore.org/sarif-2.1.0.json',
		version: '2.1.0',
		runs: [{ tool: { driver: { name: 'mailcfg', informationUri: INFORMATION_URI, rules } }, results }],
	};
	return `${JSON.stringify(log, null, 2)}\n`;
}
