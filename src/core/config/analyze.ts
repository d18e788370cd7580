import type { Clock } from '../clock';
import { type Lang, type Localized, tr } from '../i18n';
import { runRules } from '../rules/engine';
import { LineIndex, type Range } from '../text/positions';
import { JsonEditor } from './edits';
import { type Finding, ruleDocUrl } from './findings';
import { parseConfig } from './parse';
import { schemaFindings } from './schema';

export interface AnalyzeOptions {
	lang: Lang;
	/** "Today" for date-dependent rules. */
	now: Clock;
	/** Rule ids the user switched off (`mailcfg.rules.disabled`). */
	disabledRules?: readonly string[];
	/**
	 * Report `schema-*` findings (default true). The VS Code client turns this off because VS Code's JSON language
	 * server already validates the same schema there; every other client and the CLI get ours.
	 */
	schemaValidation?: boolean;
}

/** Larger files are not configs someone edits by hand; checking them would only stall the editor. */
export const MAX_TEXT_LENGTH = 5 * 1024 * 1024;

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

const TOO_LARGE: Localized = {
	en: 'The file is larger than {limit} MB; mailcfg does not check files this big.',
	de: 'Die Datei ist größer als {limit} MB; so große Dateien prüft mailcfg nicht.',
};

const INTERNAL: Localized = {
	en: 'mailcfg could not check this file (internal error: {error}). Please report it.',
	de: 'mailcfg konnte diese Datei nicht prüfen (interner Fehler: {error}). Bitte melden.',
};

function fileFinding(code: string, range: Range, message: string): Finding {
	return { code, severity: 'error', message, range, source: 'mailcfg', docUrl: ruleDocUrl(code), fixes: [] };
}

/**
 * Every finding for one config file: syntax, schema, then semantic rules. Pure and synchronous so the
 * language server can answer a pull-diagnostics request straight away. Never throws: bad input of any kind
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
		const parsed = parseConfig(text);
		const lines = new LineIndex(text);
		const editor = new JsonEditor(text, lines);
		const findings: Finding[] = parsed.syntaxErrors.map((e) =>
			fileFinding(
				'json-syntax',
				lines.rangeOf(e.offset, e.length),
				tr(SYNTAX[e.code] ?? { en: e.code, de: e.code }, lang),
			),
		);
		if (!parsed.root) return findings.filter((f) => !disabled.has(f.code));
		if (options.schemaValidation !== false) findings.push(...schemaFindings({ parsed, lines, editor, lang }));
		findings.push(...runRules({ text, parsed, lines, editor, lang, now: options.now() }, disabled));
		return findings.filter((f) => !disabled.has(f.code));
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
