/** The real CLI (dist/cli.js from the same build as the VSIX): the e2e suite's oracle for what the editor must show. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './code-server';

export interface CliDiagnostic {
	code: string;
	severity: 'error' | 'warning' | 'information' | 'hint';
	message: string;
	range: { start: { line: number; character: number }; end: { line: number; character: number } };
	source: string;
}

/** `mailcfg check <file> --format json --lang <lang>`: the diagnostics of one file. */
export function checkFile(file: string, lang: 'en' | 'de'): CliDiagnostic[] {
	const run = spawnSync(
		process.execPath,
		[join(ROOT, 'dist', 'cli.js'), 'check', file, '--format', 'json', '--lang', lang],
		{
			encoding: 'utf8',
		},
	);
	if (run.status !== 0 && run.status !== 1) throw new Error(`mailcfg check failed (${run.status}): ${run.stderr}`);
	const report = JSON.parse(run.stdout) as { files: { file: string; diagnostics: CliDiagnostic[] }[] };
	return report.files.flatMap((f) => f.diagnostics);
}

/** The first line of a message, as the Problems panel shows it in one row. */
export const firstLine = (message: string): string => message.split('\n')[0]?.trim() ?? '';
