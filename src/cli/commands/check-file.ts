import { readFileSync } from 'node:fs';
import { type Clock, fixedClock, parseDay, systemClock } from '../../core/clock';
import type { Finding } from '../../core/config/findings';
import { type Lang, type Localized, tr } from '../../core/i18n';
import { type DocumentFormat, analyzeDocument, formatOfFile } from '../../core/sources/analyze';
import { type SourceContext, sourceAccounts } from '../../core/sources/formats';
import { siblingReader } from './siblings';

/**
 * How every file of one `mailcfg check` run is checked. Plain data (the day, not a clock), so a worker thread gets
 * the same settings as a structured clone of them.
 */
export interface CheckSettings {
	lang: Lang;
	formatIn: DocumentFormat | undefined;
	/** `--now` as given (already validated), or undefined for today. */
	now: string | undefined;
}

/** One file to check: its absolute path, the path shown to the user, and whether a folder search found it. */
export interface FileTask {
	full: string;
	display: string;
	searched: boolean;
}

/**
 * What checking one file gave: its findings; nothing, for another tool's file found in a folder without mail
 * settings; or the line for stderr when it could not be read or checked.
 */
export type FileOutcome = { findings: Finding[] } | { skipped: true } | { problem: string };

export const FILE_TEXTS = {
	missing: { en: 'cannot read {path}: {reason}', de: '{path} kann nicht gelesen werden: {reason}' },
	failed: { en: 'cannot check {path}: {reason}', de: '{path} kann nicht geprüft werden: {reason}' },
} satisfies Record<string, Localized>;

export function reason(error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	if (code === 'ENOENT') return 'ENOENT (no such file or directory)';
	if (code === 'EACCES' || code === 'EPERM') return `${code} (permission denied)`;
	if (code === 'EISDIR') return 'EISDIR (is a directory)';
	return error instanceof Error ? error.message : String(error);
}

export function clockOf(settings: CheckSettings): Clock {
	const day = settings.now === undefined ? undefined : parseDay(settings.now);
	return day ? fixedClock(day) : systemClock;
}

export function checkFile(task: FileTask, settings: CheckSettings, now: Clock): FileOutcome {
	const { full, display } = task;
	const { lang } = settings;
	let text: string;
	try {
		// Editors hide a UTF-8 byte order mark (Windows tools often write one); drop it so the file parses as they show it.
		text = readFileSync(full, 'utf8').replace(/^\uFEFF/, '');
	} catch (error) {
		return { problem: tr(FILE_TEXTS.missing, lang, { path: display, reason: reason(error) }) };
	}
	// A file named explicitly is checked as our format unless its name or --format-in says otherwise.
	const format = formatOfFile(full, settings.formatIn);
	const context: SourceContext = { fileName: full, sibling: siblingReader(full) };
	if (format !== 'json' && task.searched && sourceAccounts(format, text, context).length === 0)
		return { skipped: true };
	try {
		// No output format prints quick fixes: their edits are not built.
		return { findings: analyzeDocument(full, text, { lang, now, validation: 'full', format, context, fixes: false }) };
	} catch (error) {
		// The rules guard against bad input; this is the last line of defence (e.g. a stack overflow on absurd nesting).
		return { problem: tr(FILE_TEXTS.failed, lang, { path: display, reason: reason(error) }) };
	}
}
