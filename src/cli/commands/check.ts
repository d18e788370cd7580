import { readFileSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixedClock, systemClock } from '../../core/clock';
import { type Localized, tr } from '../../core/i18n';
import { ruleById } from '../../core/rules/registry';
import { isConfigFileName } from '../../core/config/document-kind';
import { type DocumentFormat, analyzeDocument, formatOfFile } from '../../core/sources/analyze';
import { type SourceContext, sourceAccounts } from '../../core/sources/formats';
import { formatOfName } from '../../core/sources/names';
import { formatJson } from '../format/json';
import type { CheckedFile } from '../format/report';
import { formatSarif } from '../format/sarif';
import { formatText } from '../format/text';
import { nowFromFlag } from '../now';
import { chooseLang, flag, parseCommandArgs } from '../args';
import { type CliIo, ExitCode, UsageError } from '../io';
import { siblingReader } from './siblings';
import { CHECK } from './specs';

/** Folders a recursive search never enters: dependencies and VCS internals hold no configs of ours. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

const TEXTS = {
	noInput: {
		en: 'give at least one config file or folder',
		de: 'mindestens eine Konfigurationsdatei oder einen Ordner angeben',
	},
	missing: { en: 'cannot read {path}: {reason}', de: '{path} kann nicht gelesen werden: {reason}' },
	failed: { en: 'cannot check {path}: {reason}', de: '{path} kann nicht geprüft werden: {reason}' },
	noConfigs: {
		en: 'no config files (*.mailaccount.json, *.mailaccounts.json, mailaccounts.json, .env*, application*.properties/.yml, main.cf, .msmtprc, .mbsyncrc) found in {path}',
		de: 'keine Konfigurationsdateien (*.mailaccount.json, *.mailaccounts.json, mailaccounts.json, .env*, application*.properties/.yml, main.cf, .msmtprc, .mbsyncrc) in {path} gefunden',
	},
} satisfies Record<string, Localized>;

/**
 * Config files below `dir`, sorted (by code unit, not locale: the same order everywhere, and no collation tables to
 * load) so output is stable across file systems. Symlinked folders are not followed (no loops). Synchronous, like all
 * file access here: a one-shot process has nothing to overlap, and a thousand promise round trips cost more than the
 * checks.
 */
function findConfigs(dir: string): string[] {
	const found: string[] = [];
	const entries = readdirSync(dir, { withFileTypes: true });
	for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
		const full = join(dir, entry.name);
		if (entry.isDirectory()) {
			if (!SKIPPED_DIRS.has(entry.name)) found.push(...findConfigs(full));
		} else if (
			(entry.isFile() || entry.isSymbolicLink()) &&
			(isConfigFileName(entry.name) || formatOfName(entry.name))
		) {
			found.push(full);
		}
	}
	return found;
}

function reason(error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	if (code === 'ENOENT') return 'ENOENT (no such file or directory)';
	if (code === 'EACCES' || code === 'EPERM') return `${code} (permission denied)`;
	if (code === 'EISDIR') return 'EISDIR (is a directory)';
	return error instanceof Error ? error.message : String(error);
}

/**
 * `mailcfg check <files or folders...> [--format text|json|sarif] [--lang en|de] [--now YYYY-MM-DD]`.
 * Exit 0: no errors; 1: at least one error finding; 2: bad usage or an input that could not be read
 * (the readable files are still reported).
 */
export async function runCheck(args: string[], io: CliIo): Promise<number> {
	const parsed = parseCommandArgs(CHECK, args);
	const format = flag(parsed, 'format') ?? 'text';
	const lang = chooseLang(flag(parsed, 'lang'), io.env);
	const formatIn = flag(parsed, 'format-in') as DocumentFormat | undefined;
	const nowValue = flag(parsed, 'now');
	const now = nowValue === undefined ? systemClock : fixedClock(nowFromFlag(nowValue, lang));
	if (parsed.positionals.length === 0) throw new UsageError(tr(TEXTS.noInput, lang));

	let unreadable = false;
	const complain = (text: Localized, args: Record<string, string>): void => {
		io.stderr(`mailcfg check: ${tr(text, lang, args)}\n`);
	};

	const paths: string[] = [];
	/** Found in a folder rather than named: another tool's file counts only when it holds mail settings. */
	const searched = new Set<string>();
	for (const input of parsed.positionals) {
		const full = resolve(io.cwd, input);
		try {
			if (statSync(full).isDirectory()) {
				const configs = findConfigs(full);
				if (configs.length === 0) complain(TEXTS.noConfigs, { path: input });
				paths.push(...configs);
				for (const config of configs) searched.add(config);
			} else {
				// A file named explicitly is checked whatever its name.
				paths.push(full);
			}
		} catch (error) {
			unreadable = true;
			complain(TEXTS.missing, { path: input, reason: reason(error) });
		}
	}

	// Most files lie below the working folder: cutting its prefix off spares path.relative's resolving per file.
	const below = io.cwd.endsWith(sep) ? io.cwd : io.cwd + sep;
	const display = (full: string): string => {
		const rel = full.startsWith(below) ? full.slice(below.length) : relative(io.cwd, full);
		return (rel === '' || rel.startsWith('..') || isAbsolute(rel) ? full : rel).split(sep).join('/');
	};
	const files: CheckedFile[] = [];
	for (const full of [...new Set(paths)]) {
		let text: string;
		try {
			// Editors hide a UTF-8 byte order mark (Windows tools often write one); drop it so the file parses as they show it.
			text = readFileSync(full, 'utf8').replace(/^\uFEFF/, '');
		} catch (error) {
			unreadable = true;
			complain(TEXTS.missing, { path: display(full), reason: reason(error) });
			continue;
		}
		// A file named explicitly is checked as our format unless its name or --format-in says otherwise.
		const format = formatOfFile(full, formatIn);
		const context: SourceContext = { fileName: full, sibling: siblingReader(full) };
		if (format !== 'json' && searched.has(full) && sourceAccounts(format, text, context).length === 0) continue;
		try {
			files.push({
				file: display(full),
				// No output format prints quick fixes: their edits are not built.
				findings: analyzeDocument(full, text, { lang, now, validation: 'full', format, context, fixes: false }),
			});
		} catch (error) {
			// The rules guard against bad input; this is the last line of defence (e.g. a stack overflow on absurd nesting).
			unreadable = true;
			complain(TEXTS.failed, { path: display(full), reason: reason(error) });
		}
	}

	if (format === 'json') io.stdout(formatJson(files));
	else if (format === 'sarif') {
		io.stdout(
			formatSarif(files, {
				describeRule: (code) => {
					const rule = ruleById(code);
					return rule && tr(rule.title, lang);
				},
				artifactUri: (file) => (isAbsolute(file) ? pathToFileURL(file).href : encodeURI(file)),
			}),
		);
	} else if (files.length > 0 || !unreadable) io.stdout(formatText(files, lang));

	if (unreadable) return ExitCode.usage;
	return files.some((f) => f.findings.some((x) => x.severity === 'error')) ? ExitCode.findings : ExitCode.ok;
}
