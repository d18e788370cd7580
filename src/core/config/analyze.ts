import type { Clock } from '../clock';
import { type Lang, type Localized, tr } from '../i18n';
import { runRules } from '../rules/engine';
import { LineIndex, type Range } from '../text/positions';
import { JsonEditor } from './edits';
import { type Finding, FindingSink, bySeverity, ruleDocUrl } from './findings';
import { parseConfig } from './parse';
import { schemaFindings } from './schema';

export interface AnalyzeOptions {
	lang: Lang;
	/** "Today" for date-dependent rules. */
	now: Clock;
	/** Rule ids the user switched off (`mailcfg.rules.disabled`). */
	disabledRules?: readonly string[];
	/**
	 * `full` (default): syntax, schema and semantic rules. `rules-only`: the semantic rules alone, for editors whose
	 * own JSON language server already reports syntax and schema problems (VS Code), so each shows up once.
	 */
	validation?: Validation;
	/** Findings reported before the closing "and N more" note; {@link MAX_FINDINGS_PER_FILE} by default. */
	maxFindings?: number;
}

export type Validation = 'full' | 'rules-only';

/** Larger files are not configs someone edits by hand; checking them would only stall the editor. */
export const MAX_TEXT_LENGTH = 5 * 1024 * 1024;

/**
 * Findings reported per file; the rest are counted in one closing note. Eclipse's Java compiler stops at 100 per
 * file for the same reason: nobody reads further down a problem list than that, while a generated file with millions
 * of broken accounts would otherwise hold millions of findings in memory and on the wire (CLI and LSP alike).
 */
export const MAX_FINDINGS_PER_FILE = 200;

const SYNTAX: Readonly<Record<string, Localized>> = {
	InvalidSymbol: { en: 'Unexpected character.', de: 'Unerwartetes Zeichen.' },
	InvalidNumberFormat: { en: 'Invalid number.', de: 'Ungültige Zahl.' },
	PropertyNameExpected: {
		en: 'A property name in double quotes is expected.',
		de: 'Ein Eigenschaftsname in doppelten Anführungszeichen wird erwartet.',
	},
	ValueExpected: { en: 'A value is expected.', de: 'Ein Wert wird erwartet.' },
	ColonExpected: { en: 'A colon (:) is expected.', de: 'Ein Doppelpunkt (:) wird erwartet.' },
	CommaExpected: { en: 'A comma (,) is expected.', de: 'Ein Komma (,) wird erwartet.' },
	CloseBraceExpected: {
		en: 'A closing brace (}) is expected.',
		de: 'Eine schließende geschweifte Klammer (}) wird erwartet.',
	},
	CloseBracketExpected: {
		en: 'A closing bracket (]) is expected.',
		de: 'Eine schließende eckige Klammer (]) wird erwartet.',
	},
	EndOfFileExpected: {
		en: 'Nothing may follow the top-level value.',
		de: 'Nach dem obersten Wert darf nichts mehr folgen.',
	},
	InvalidCommentToken: { en: 'Invalid comment.', de: 'Ungültiger Kommentar.' },
	UnexpectedEndOfComment: { en: 'The comment is not closed.', de: 'Der Kommentar ist nicht geschlossen.' },
	UnexpectedEndOfString: { en: 'The string is not closed.', de: 'Die Zeichenkette ist nicht geschlossen.' },
	UnexpectedEndOfNumber: { en: 'The number is incomplete.', de: 'Die Zahl ist unvollständig.' },
	InvalidUnicode: { en: 'Invalid Unicode escape.', de: 'Ungültige Unicode-Escape-Sequenz.' },
	InvalidEscapeCharacter: { en: 'Invalid escape character.', de: 'Ungültiges Escape-Zeichen.' },
	InvalidCharacter: { en: 'Invalid character in a string.', de: 'Ungültiges Zeichen in einer Zeichenkette.' },
	NestingTooDeep: {
		en: 'The JSON is nested too deeply to be a mail-account config; it was not checked.',
		de: 'Das JSON ist zu tief verschachtelt für eine Kontokonfiguration; es wurde nicht geprüft.',
	},
};

export const TOO_LARGE: Localized = {
	en: 'The file is larger than {limit} MB; mailcfg does not check files this big.',
	de: 'Die Datei ist größer als {limit} MB; so große Dateien prüft mailcfg nicht.',
};

const MORE: Localized = {
	en: 'and {count} more problems in this file, not listed (mailcfg reports at most {limit} per file); fix the ones above and check again.',
	de: 'und {count} weitere Probleme in dieser Datei, nicht aufgeführt (mailcfg meldet höchstens {limit} pro Datei); die obigen beheben und erneut prüfen.',
};

export const INTERNAL: Localized = {
	en: 'mailcfg could not check this file (internal error: {error}). Please report it.',
	de: 'mailcfg konnte diese Datei nicht prüfen (interner Fehler: {error}). Bitte melden.',
};

export function fileFinding(code: string, range: Range, message: string): Finding {
	return { code, severity: 'error', message, range, source: 'mailcfg', docUrl: ruleDocUrl(code), fixes: [] };
}

/** Top to bottom, the most severe first on the same spot; stable, so equal findings keep the rule order. */
export function byPosition(a: Finding, b: Finding): number {
	const sa = a.range.start;
	const sb = b.range.start;
	return sa.line - sb.line || sa.character - sb.character || bySeverity(a.severity, b.severity);
}

/**
 * Every finding for one config file (syntax, schema and semantic rules), sorted by position. Pure and synchronous
 * so the language server can answer a pull-diagnostics request straight away. Never throws: bad input of any kind
 * becomes findings.
 */
export function analyzeText(text: string, options: AnalyzeOptions): Finding[] {
	const { lang } = options;
	const start: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
	if (text.length > MAX_TEXT_LENGTH) {
		return [fileFinding('file-too-large', start, tr(TOO_LARGE, lang, { limit: MAX_TEXT_LENGTH / 1024 / 1024 }))];
	}
	try {
		const disabled = new Set(options.disabledRules ?? []);
		const full = options.validation !== 'rules-only';
		const limit = options.maxFindings ?? MAX_FINDINGS_PER_FILE;
		const parsed = parseConfig(text);
		const lines = new LineIndex(text);
		const editor = new JsonEditor(text, lines);
		// One sink per stream, each in file order: the first `limit` of their union by position is among what they keep.
		const sinks = [0, 1, 2, 3].map(() => new FindingSink(limit, disabled));
		const [syntax, schema, accounts, file] = sinks as [FindingSink, FindingSink, FindingSink, FindingSink];
		if (full) {
			for (const e of parsed.syntaxErrors) {
				if (!syntax.open && !disabled.has('json-syntax')) {
					syntax.skip('error');
					continue;
				}
				const message = tr(SYNTAX[e.code] ?? { en: e.code, de: e.code }, lang);
				syntax.add(fileFinding('json-syntax', lines.rangeOf(e.offset, e.length), message));
			}
		}
		if (parsed.root) {
			if (full) schemaFindings({ parsed, lines, editor, lang }, schema);
			runRules({ text, parsed, lines, editor, lang, now: options.now() }, disabled, { accounts, file });
		}
		const found = sinks.flatMap((sink) => sink.kept).sort(byPosition);
		const shown = found.slice(0, limit);
		const more = new FindingSink(0);
		for (const f of found.slice(limit)) more.skip(f.severity);
		for (const sink of sinks) if (sink.omittedSeverity) more.skip(sink.omittedSeverity, sink.omitted);
		if (more.omitted > 0 && more.omittedSeverity) {
			const last = shown[shown.length - 1]?.range ?? start;
			shown.push({
				...fileFinding(
					'too-many-findings',
					{ start: last.end, end: last.end },
					tr(MORE, lang, { count: more.omitted, limit }),
				),
				severity: more.omittedSeverity,
			});
		}
		return shown;
	} catch (error) {
		// A bug in one rule must not take the language server or the CLI down with it.
		return [
			fileFinding(
				'internal-error',
				start,
				tr(INTERNAL, lang, { error: error instanceof Error ? error.message : String(error) }),
			),
		];
	}
}
