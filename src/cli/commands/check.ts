import { readdirSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Lang, type Localized, tr } from '../../core/i18n';
import { ruleById } from '../../core/rules/registry';
import { isConfigFileName } from '../../core/config/document-kind';
import type { DocumentFormat } from '../../core/sources/analyze';
import { formatOfName } from '../../core/sources/names';
import { formatJson } from '../format/json';
import type { CheckedFile } from '../format/report';
import { formatSarif } from '../format/sarif';
import { formatText } from '../format/text';
import { nowFromFlag } from '../now';
import { chooseLang, flag, parseCommandArgs } from '../args';
import { type CliIo, ExitCode, UsageError } from '../io';
import {
	type CheckSettings,
	type FileOutcome,
	type FileTask,
	FILE_TEXTS,
	checkFile,
	clockOf,
	reason,
} from './check-file';
import { CHECK } from './specs';

/** Folders a recursive search never enters: dependencies and VCS internals hold no configs of ours. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

const TEXTS = {
	noInput: {
		en: 'give at least one config file or folder',
		de: 'mindestens eine Konfigurationsdatei oder einen Ordner angeben',
	},
	badJobs: {
		en: '--jobs expects a whole number of at least 1 or auto (got "{value}")',
		de: '--jobs erwartet eine ganze Zahl ab 1 oder auto ("{value}")',
	},
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

/**
 * Files each lane must have for another thread to pay for itself: a worker starts a Node environment and loads the
 * check bundle (100-300 ms, more on a busy machine) and then runs the analysis unoptimized again, while this thread
 * checks a file in about 0.45 ms (docs/language-server.md has the measurements).
 */
const FILES_PER_LANE = 250;

/** `--jobs N|auto`: a whole number of at least 1, or undefined for auto (the default). */
function jobsFlag(value: string | undefined, lang: Lang): number | undefined {
	if (value === undefined || value === 'auto') return undefined;
	if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(tr(TEXTS.badJobs, lang, { value }));
	return Number(value);
}

/**
 * How many threads check the files: `--jobs N` as given (never more than files); auto one per idle core (by the
 * 1-minute load average: on a machine whose cores are taken, a worker only adds its start-up to the same CPU time)
 * except one, as long as each gets FILES_PER_LANE files, else one: this thread, with no worker code loaded. The
 * excepted core is V8's: a single-thread run keeps about 1.15 cores busy (the optimizing compiler and the garbage
 * collector work on background threads), so on an idle 2-core machine a worker made 1,000, 3,000 and 10,000 small
 * files slower, not faster (0.36 vs 0.32 s, 0.67 vs 0.55 s, 1.28 vs 1.11 s).
 */
export function laneCount(jobs: number | undefined, files: number, cores: number, load: number): number {
	const wanted = jobs ?? Math.min(Math.floor(cores - load) - 1, Math.floor(files / FILES_PER_LANE));
	return Math.max(1, Math.min(wanted, files));
}

/**
 * Worker threads run the check bundle (dist/cli-check.js) itself. From the TypeScript sources (the in-process
 * tests) there is no bundle for them to run, and the files are checked in this thread.
 */
const LANE_SCRIPT = __filename.endsWith('.js') ? __filename : undefined;

/**
 * `mailcfg check <files or folders...> [--format text|json|sarif] [--lang en|de] [--now YYYY-MM-DD] [--jobs N|auto]`.
 * Exit 0: no errors; 1: at least one error finding; 2: bad usage or an input that could not be read
 * (the readable files are still reported).
 */
export async function runCheck(args: string[], io: CliIo): Promise<number> {
	const parsed = parseCommandArgs(CHECK, args);
	const format = flag(parsed, 'format') ?? 'text';
	const lang = chooseLang(flag(parsed, 'lang'), io.env);
	const settings: CheckSettings = {
		lang,
		formatIn: flag(parsed, 'format-in') as DocumentFormat | undefined,
		now: flag(parsed, 'now'),
	};
	// A malformed --now is a usage error before anything is read.
	if (settings.now !== undefined) nowFromFlag(settings.now, lang);
	const jobs = jobsFlag(flag(parsed, 'jobs'), lang);
	if (parsed.positionals.length === 0) throw new UsageError(tr(TEXTS.noInput, lang));

	let unreadable = false;
	const say = (line: string): void => io.stderr(`mailcfg check: ${line}\n`);
	const complain = (text: Localized, args: Record<string, string>): void => say(tr(text, lang, args));

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
			complain(FILE_TEXTS.missing, { path: input, reason: reason(error) });
		}
	}

	// Most files lie below the working folder: cutting its prefix off spares path.relative's resolving per file.
	const below = io.cwd.endsWith(sep) ? io.cwd : io.cwd + sep;
	const display = (full: string): string => {
		const rel = full.startsWith(below) ? full.slice(below.length) : relative(io.cwd, full);
		return (rel === '' || rel.startsWith('..') || isAbsolute(rel) ? full : rel).split(sep).join('/');
	};
	const tasks: FileTask[] = [...new Set(paths)].map((full) => ({
		full,
		display: display(full),
		searched: searched.has(full),
	}));
	const lanes = laneCount(jobs, tasks.length, availableParallelism(), loadavg()[0] ?? 0);
	let outcomes: FileOutcome[];
	if (lanes > 1 && LANE_SCRIPT !== undefined) {
		outcomes = await (await import('./check-lanes')).checkInLanes(tasks, settings, lanes, LANE_SCRIPT);
	} else {
		const now = clockOf(settings);
		outcomes = tasks.map((task) => checkFile(task, settings, now));
	}
	const files: CheckedFile[] = [];
	for (const [i, outcome] of outcomes.entries()) {
		if ('findings' in outcome) files.push({ file: (tasks[i] as FileTask).display, findings: outcome.findings });
		else if ('problem' in outcome) {
			unreadable = true;
			say(outcome.problem);
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

// A worker thread of checkInLanes runs this bundle as its script.
if (require.main === module) void import('./check-lanes').then((lanes) => lanes.serveLane());
