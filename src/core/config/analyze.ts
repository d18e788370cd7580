import type { Node } from 'jsonc-parser';
import type { Clock } from '../clock';
import { type Lang, type Localized, tr } from '../i18n';
import { accountContext, lazyAccountContext } from '../rules/context';
import { accountRules, checkAccount, checkFile } from '../rules/engine';
import type { AccountContext, AccountRule, FileContext } from '../rules/types';
import { LineIndex, type Range } from '../text/positions';
import { type TextChange, type TextSource, stringSource } from '../text/source';
import { type ConfigEditor, type EditorStyle, JsonEditor, type StyleScan, scanStyle, styleAfterEdit } from './edits';
import { type Finding, FindingSink, type Severity, bySeverity, ruleDocUrl } from './findings';
import { type Layout, shiftLayout, skipValue, strictLayout } from './layout';
import { MAX_NESTING, parseConfig } from './parse';
import { type PlacedAccount, accountSchemaFindings, fileSchemaFindings } from './schema';
import { strictJsonTree } from './strict-tree';

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
	/**
	 * `false`: the rules' findings in our JSON come without quick fixes, whose edits are not built (the CLI prints
	 * none). Schema findings keep theirs.
	 */
	fixes?: boolean;
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
 * What one analysis of a document leaves for the next: the per-account results, keyed by each account's text, and
 * the layout of the file. The language server keeps one per open document, so an edit re-checks only the accounts
 * it touched plus the file-level checks; the findings are the same as those of a fresh analysis.
 */
export class AnalysisCache {
	/** The state after the last analysis of strict JSON under the same settings; undefined after anything else. */
	state: DocumentState | undefined;
	/** How many accounts the last analysis checked; the others kept their cached results. */
	checked = 0;
}

interface DocumentState {
	/** The whole text, when the analysis had it as one string (not after {@link analyzeEdit}). */
	text: string | undefined;
	settingsKey: string;
	style: StyleScan;
	layout: Layout;
	lines: LineIndex;
	/** Per account: its text from the start of the line it starts on (the cache key), and its result. */
	keys: string[];
	results: AccountResult[];
	file: FileResult;
	findings: Finding[];
	/** How many accounts this analysis checked. */
	checked: number;
}

/**
 * The findings of the file rules (duplicate ids and the like). When each lies inside one account, they are also kept
 * in that account's own coordinates: an edit that changes no id and touches none of those accounts then only moves
 * them, instead of running the rules over every account again.
 */
interface FileResult {
	findings: Finding[];
	tied: { account: number; finding: Finding }[] | undefined;
	omitted: number;
	omittedSeverity: Severity | undefined;
}

/** What an edit inside one account leaves of the previous file-rule findings. */
interface EditedFile {
	previous: FileResult;
	/** The accounts checked again, with the ids they had before. */
	dirty: { account: number; id: string | undefined }[];
}

/** The findings of one account in its own coordinates: line 0 is the line the account starts on. */
interface AccountResult {
	id: string | undefined;
	/** Undefined when the account lay past the limit and its findings were only counted. */
	findings: Finding[] | undefined;
	count: number;
	worst: Severity | undefined;
}

interface Settings {
	lang: Lang;
	now: Date;
	disabled: ReadonlySet<string>;
	rules: readonly AccountRule[];
	full: boolean;
	limit: number;
	fixes: boolean;
	style: EditorStyle;
	scan: StyleScan;
	/** Everything besides an account's text that its findings depend on. */
	key: string;
}

function settingsOf(scan: StyleScan, options: AnalyzeOptions): Settings {
	const now = options.now();
	const disabled = new Set(options.disabledRules ?? []);
	const full = options.validation !== 'rules-only';
	const { style } = scan;
	// Dated texts change with the UTC day (facts/dates.ts), not within it.
	const day = `${now.getUTCFullYear()}-${now.getUTCMonth()}-${now.getUTCDate()}`;
	const limit = options.maxFindings ?? MAX_FINDINGS_PER_FILE;
	const fixes = options.fixes !== false;
	return {
		lang: options.lang,
		now,
		disabled,
		rules: accountRules(disabled),
		full,
		limit,
		fixes,
		style,
		scan,
		key: JSON.stringify([options.lang, full, [...disabled].sort(), day, style, String(limit), fixes]),
	};
}

/**
 * Every finding for one config file (syntax, schema and semantic rules), sorted by position. Pure and synchronous
 * so the language server can answer a pull-diagnostics request straight away. Never throws: bad input of any kind
 * becomes findings. With a `cache` from the previous analysis of the same document, only what changed is checked.
 */
export function analyzeText(text: string, options: AnalyzeOptions, cache?: AnalysisCache): Finding[] {
	const { lang } = options;
	const start: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
	const previous = cache?.state;
	if (cache) cache.state = undefined;
	if (text.length > MAX_TEXT_LENGTH) {
		return [fileFinding('file-too-large', start, tr(TOO_LARGE, lang, { limit: MAX_TEXT_LENGTH / 1024 / 1024 }))];
	}
	try {
		const settings = settingsOf(scanStyle(text), options);
		const reusable = previous?.settingsKey === settings.key ? previous : undefined;
		if (reusable?.text === text) {
			if (cache) {
				cache.state = reusable;
				cache.checked = 0;
			}
			return reusable.findings;
		}
		const edited =
			reusable?.text !== undefined &&
			afterEdit(reusable, stringSource(text), changedWindow(reusable.text, text), settings);
		const state = edited || strictAnalysis(text, settings, reusable);
		if (state) {
			state.text = text;
			if (cache) {
				cache.state = state;
				cache.checked = state.checked;
			}
			return state.findings;
		}
		const { findings, checked } = generalAnalysis(text, settings);
		if (cache) cache.checked = checked;
		return findings;
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

/**
 * The findings after one edit of the document whose last analysis `cache` holds: `change` says which stretch of that
 * text became which stretch of `source`. An edit inside one account of strict JSON reads only that account, the
 * characters around the edit and the start of the file, never the whole text: a language server's document need not
 * join its parts into one string (a copy of the file) for each keystroke. Anything else is {@link analyzeText} of
 * `source.text()`. The findings are those of a fresh analysis of the new text.
 */
export function analyzeEdit(
	source: TextSource,
	change: TextChange,
	options: AnalyzeOptions,
	cache: AnalysisCache,
): Finding[] {
	const previous = cache.state;
	if (previous && source.length <= MAX_TEXT_LENGTH) {
		try {
			const scan = styleAfterEdit(previous.style, source, change.start, change.newEnd);
			const settings = scan && settingsOf(scan, options);
			const state = settings?.key === previous.settingsKey && afterEdit(previous, source, change, settings);
			if (state) {
				cache.state = state;
				cache.checked = state.checked;
				return state.findings;
			}
		} catch {
			// The previous state may be half moved: a fresh analysis of the whole text (which reports the error).
			cache.state = undefined;
		}
	}
	return analyzeText(source.text(), options, cache);
}

/** Strict JSON with an `accounts` array: each account parsed, checked and dropped on its own. */
function strictAnalysis(
	text: string,
	settings: Settings,
	previous: DocumentState | undefined,
): DocumentState | undefined {
	const layout = strictLayout(text, MAX_NESTING);
	if (!layout) return undefined;
	const lines = new LineIndex(text);
	const keys = layout.accounts.map((node) => text.slice(lines.lineStartOf(node.offset), node.offset + node.length));
	const source = stringSource(text);
	if (!previous) return report(source, layout, lines, keys, [], settings);
	// After an edit that moved accounts (one added or removed): every account whose text is unchanged keeps its result.
	const known = new Map<string, AccountResult>();
	previous.keys.forEach((key, k) => known.set(key, previous.results[k]!));
	return report(
		source,
		layout,
		lines,
		keys,
		keys.map((key) => known.get(key)),
		settings,
		known,
	);
}

/**
 * The state after an edit inside one account of strict JSON: that account (and any account starting on the same
 * line after the edit) is checked again, the others keep their results. Undefined when the edit was elsewhere or
 * left the account no longer JSON: then the whole file is looked at again. Reads `text` only around the edit.
 */
function afterEdit(
	previous: DocumentState,
	text: TextSource,
	{ start, oldEnd, newEnd }: TextChange,
	settings: Settings,
): DocumentState | undefined {
	const accounts = previous.layout.accounts;
	const k = lastStartingBefore(accounts, start);
	const edited = accounts[k];
	// Strictly inside: the braces that delimit the account are not part of the change.
	if (!edited || start <= edited.offset || oldEnd >= edited.offset + edited.length) return undefined;
	const delta = newEnd - oldEnd;
	const end = edited.offset + edited.length + delta;
	const slice = text.slice(edited.offset, end);
	try {
		JSON.parse(slice);
	} catch {
		return undefined;
	}
	// As the layout does for every account: its tree, built only when needed, must not turn out too deep then.
	if (skipValue(slice, 0, MAX_NESTING - 2) < 0) return undefined;
	// The line index reads the new text and one character on each side.
	const from = Math.max(0, start - 1);
	const around = text.slice(from, Math.min(text.length, newEnd + 1));
	const chars = { length: text.length, charCodeAt: (i: number) => around.charCodeAt(i - from) };
	const lines = previous.lines.edited(chars, start, oldEnd, newEnd);
	const keys = previous.keys.slice();
	const results: (AccountResult | undefined)[] = previous.results.slice();
	const dirty: EditedFile['dirty'] = [];
	// The layout is the previous text's; it is moved into place here (the previous state is not used again).
	shiftLayout(previous.layout, start, delta);
	for (let j = k; j < accounts.length; j++) {
		const node = accounts[j]!;
		// Accounts after the edit change only when they start on the line it ends on (their key begins at that line).
		if (j > k && lines.lineStartOf(node.offset) >= newEnd) break;
		keys[j] = text.slice(lines.lineStartOf(node.offset), node.offset + node.length);
		if (keys[j] !== previous.keys[j]) {
			dirty.push({ account: j, id: previous.results[j]!.id });
			results[j] = undefined;
		}
	}
	return report(text, previous.layout, lines, keys, results, settings, undefined, { previous: previous.file, dirty });
}

/**
 * Checks the accounts without a result yet, in order, and puts all findings together: the first `limit` accounts'
 * worth of findings in full, the rest only counted (they would not be shown). Undefined when an account turns out
 * not to be JSON.
 */
function report(
	text: TextSource,
	layout: Layout,
	lines: LineIndex,
	keys: readonly string[],
	known: (AccountResult | undefined)[],
	settings: Settings,
	byKey?: Map<string, AccountResult>,
	edited?: EditedFile,
): DocumentState | undefined {
	const editor = new JsonEditor(text, lines, settings.style);
	const schema = new FindingSink(settings.limit, settings.disabled);
	if (settings.full) fileSchemaFindings(layout.root, layout.value, { lines, editor, lang: settings.lang }, schema);
	const found: Finding[] = [...schema.kept];
	const counted = new FindingSink(0);
	if (schema.omittedSeverity) counted.skip(schema.omittedSeverity, schema.omitted);
	const results: AccountResult[] = [];
	let materialized = 0;
	let checked = 0;
	for (let k = 0; k < layout.accounts.length; k++) {
		const node = layout.accounts[k]!;
		const key = keys[k]!;
		const wanted = materialized < settings.limit;
		let result = known[k];
		if (!result || (wanted && !result.findings)) {
			const cached = byKey?.get(key);
			if (cached && (cached.findings || !wanted)) {
				result = cached;
			} else {
				const start = node.offset + node.length - key.length;
				result = checkAlone(k, key, node.offset - start, () => lines.part(key, start), settings, wanted);
				if (!result) return undefined;
				checked++;
				byKey?.set(key, result);
			}
		}
		results.push(result);
		if (wanted && result.findings) {
			const line = lines.positionAt(node.offset).line;
			for (const finding of result.findings) found.push(line ? movedDown(finding, line) : finding);
			materialized += result.findings.length;
		} else if (result.worst) {
			counted.skip(result.worst, result.count);
		}
	}
	const file = fileFindings(text, layout, lines, editor, results, settings, edited);
	found.push(...file.findings);
	if (file.omittedSeverity) counted.skip(file.omittedSeverity, file.omitted);
	const findings = limited(found, counted, settings);
	return {
		text: undefined,
		settingsKey: settings.key,
		style: settings.scan,
		layout,
		lines,
		keys: keys.slice(),
		results,
		file,
		findings,
		checked,
	};
}

/** The file rules' findings: moved from the previous analysis when the edit cannot have changed them, else run. */
function fileFindings(
	text: TextSource,
	layout: Layout,
	lines: LineIndex,
	editor: JsonEditor,
	results: readonly AccountResult[],
	settings: Settings,
	edited: EditedFile | undefined,
): FileResult {
	const tied = edited?.previous.tied;
	if (
		edited &&
		tied &&
		edited.dirty.every(({ account, id }) => results[account]!.id === id && !tied.some((t) => t.account === account))
	) {
		const findings = tied.map(({ account, finding }) =>
			movedDown(finding, lines.positionAt(layout.accounts[account]!.offset).line),
		);
		return { ...edited.previous, findings };
	}
	const handles: AccountContext[] = [];
	layout.accounts.forEach((node, k) => {
		if (node.type === 'object') handles.push(new LazyAccount(k, results[k]!.id, text, node));
	});
	const sink = new FindingSink(settings.limit, settings.disabled);
	const { lang, now } = settings;
	checkFile(
		{
			// The whole text: joined here only when the file rules run again (an id changed), not for other edits.
			text: text.text(),
			root: layout.root,
			lines,
			editor: settings.fixes ? editor : COUNTING,
			lang,
			now,
			accounts: handles,
		},
		settings.disabled,
		sink,
	);
	return {
		findings: sink.kept,
		tied: tie(sink.kept, layout, lines),
		omitted: sink.omitted,
		omittedSeverity: sink.omittedSeverity,
	};
}

/** Each finding in the coordinates of the account it lies in; undefined when one (or one of its edits) lies outside. */
function tie(findings: readonly Finding[], layout: Layout, lines: LineIndex): FileResult['tied'] {
	const tied: NonNullable<FileResult['tied']> = [];
	for (const finding of findings) {
		const start = lines.offsetAt(finding.range.start);
		const account = lastStartingBefore(layout.accounts, start + 1);
		const node = layout.accounts[account];
		if (!node) return undefined;
		const inside = (r: Range): boolean =>
			lines.offsetAt(r.start) >= node.offset && lines.offsetAt(r.end) <= node.offset + node.length;
		if (!inside(finding.range) || !finding.fixes.every((fix) => fix.edits.every((e) => inside(e.range)))) {
			return undefined;
		}
		tied.push({ account, finding: movedDown(finding, -lines.positionAt(node.offset).line) });
	}
	return tied;
}

/**
 * One account checked on its own: `key` is its text from the start of its first line, so positions and the
 * indentation of inserted text are those it has in the file, one line number aside. Its tree, line index and editor
 * are built only when a finding needs a place: most accounts of a large file are clean or only counted. Undefined
 * when it is not JSON (its nesting is checked before, by the layout or the edit).
 */
function checkAlone(
	index: number,
	key: string,
	offset: number,
	lines: () => LineIndex,
	settings: Settings,
	materialize: boolean,
): AccountResult | undefined {
	let value: unknown;
	try {
		value = JSON.parse(key.slice(offset));
	} catch {
		return undefined;
	}
	let placed: PlacedAccount | undefined;
	const place = (): PlacedAccount => {
		if (!placed) {
			const part = lines();
			const node = strictJsonTree(key, MAX_NESTING - 2, offset) as Node;
			placed = { node, lines: part, editor: new JsonEditor(key, part, settings.style), lang: settings.lang };
		}
		return placed;
	};
	const account = lazyAccountContext(index, value, materialize ? () => place().node : () => undefined);
	return checkAccountNode(account, key, value, place, settings, materialize);
}

/**
 * The editor for accounts whose findings are only counted, or when no quick fixes are wanted: none are built.
 */
const COUNTING: ConfigEditor = { replaceValue: () => undefined, insertProperty: () => undefined };

/** Schema and account rules on one element of `accounts`; `place` locates it, `account` is its context if an object. */
function checkAccountNode(
	account: AccountContext | undefined,
	text: string,
	value: unknown,
	place: () => PlacedAccount,
	settings: Settings,
	materialize: boolean,
): AccountResult {
	const { lang, now } = settings;
	const sink = new FindingSink(materialize ? Number.POSITIVE_INFINITY : 0, settings.disabled);
	if (settings.full) accountSchemaFindings(value, lang, place, sink);
	if (account) {
		const file = new AccountFile(text, lang, now, account, place, materialize && settings.fixes);
		checkAccount(account, file, settings.rules, sink);
	}
	let worst = sink.omittedSeverity;
	for (const f of sink.kept) if (!worst || bySeverity(f.severity, worst) < 0) worst = f.severity;
	return {
		id: account?.id,
		findings: materialize ? sink.kept.sort(byPosition) : undefined,
		count: sink.kept.length + sink.omitted,
		worst,
	};
}

/** What account rules see of the file when one account is checked: its place is looked up only to report. */
class AccountFile implements FileContext {
	readonly accounts: readonly AccountContext[];

	constructor(
		readonly text: string,
		readonly lang: Lang,
		readonly now: Date,
		account: AccountContext,
		private readonly place: () => PlacedAccount,
		private readonly fixes: boolean,
	) {
		this.accounts = [account];
	}

	get root(): Node {
		return this.place().node;
	}
	get lines(): LineIndex {
		return this.place().lines;
	}
	get editor(): ConfigEditor {
		return this.fixes ? this.place().editor : COUNTING;
	}
}

/** Text that is not strict JSON with an `accounts` array (comments, syntax errors, other shapes): one whole tree. */
function generalAnalysis(text: string, settings: Settings): { findings: Finding[]; checked: number } {
	const { lang, limit, disabled } = settings;
	const parsed = parseConfig(text);
	const lines = new LineIndex(text);
	const editor = new JsonEditor(text, lines, settings.style);
	const syntax = new FindingSink(limit, disabled);
	if (settings.full) {
		for (const e of parsed.syntaxErrors) {
			if (!syntax.open && !disabled.has('json-syntax')) {
				syntax.skip('error');
				continue;
			}
			const message = tr(SYNTAX[e.code] ?? { en: e.code, de: e.code }, lang);
			syntax.add(fileFinding('json-syntax', lines.rangeOf(e.offset, e.length), message));
		}
	}
	const found = [...syntax.kept];
	const counted = new FindingSink(0);
	if (syntax.omittedSeverity) counted.skip(syntax.omittedSeverity, syntax.omitted);
	const { root } = parsed;
	if (root) {
		const schema = new FindingSink(limit, disabled);
		if (settings.full) fileSchemaFindings(root, parsed.value, { lines, editor, lang }, schema);
		found.push(...schema.kept);
		if (schema.omittedSeverity) counted.skip(schema.omittedSeverity, schema.omitted);
		let materialized = 0;
		for (const { index, node, value } of parsed.accounts) {
			const wanted = materialized < limit;
			const place = (): PlacedAccount => ({ node, lines, editor, lang });
			const result = checkAccountNode(accountContext(index, node, value), text, value, place, settings, wanted);
			if (result.findings) {
				found.push(...result.findings);
				materialized += result.findings.length;
			} else if (result.worst) {
				counted.skip(result.worst, result.count);
			}
		}
		const accounts = parsed.accounts.flatMap(({ index, node, value }) => accountContext(index, node, value) ?? []);
		const file = new FindingSink(limit, disabled);
		const rulesEditor = settings.fixes ? editor : COUNTING;
		checkFile({ text, root, lines, editor: rulesEditor, lang, now: settings.now, accounts }, disabled, file);
		found.push(...file.kept);
		if (file.omittedSeverity) counted.skip(file.omittedSeverity, file.omitted);
	}
	return { findings: limited(found, counted, settings), checked: parsed.accounts.length };
}

/** The first `limit` findings by position and, when there are more, one closing note that counts them. */
function limited(found: Finding[], counted: FindingSink, settings: Settings): Finding[] {
	const { limit, lang } = settings;
	found.sort(byPosition);
	const shown = found.slice(0, limit);
	for (let i = limit; i < found.length; i++) counted.skip(found[i]!.severity);
	if (counted.omitted > 0 && counted.omittedSeverity) {
		const last = shown[shown.length - 1]?.range.end ?? { line: 0, character: 0 };
		shown.push({
			...fileFinding(
				'too-many-findings',
				{ start: last, end: last },
				tr(MORE, lang, { count: counted.omitted, limit }),
			),
			severity: counted.omittedSeverity,
		});
	}
	return shown;
}

/** A finding of an account checked alone, moved to the account's place in the file. */
function movedDown(finding: Finding, lines: number): Finding {
	const range = (r: Range): Range => ({
		start: { line: r.start.line + lines, character: r.start.character },
		end: { line: r.end.line + lines, character: r.end.character },
	});
	return {
		...finding,
		range: range(finding.range),
		fixes: finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, range: range(e.range) })) })),
	};
}

/**
 * An account as file rules see it, built from the text only when a rule looks past its id: duplicate ids need the
 * id of every account but the node of only the duplicates.
 */
class LazyAccount implements AccountContext {
	private built: AccountContext | undefined;

	constructor(
		readonly index: number,
		readonly id: string | undefined,
		private readonly text: TextSource,
		private readonly placeholder: Node,
	) {}

	private get account(): AccountContext {
		const { offset, length } = this.placeholder;
		const text = this.text.text();
		this.built ??= accountContext(
			this.index,
			strictJsonTree(text, MAX_NESTING - 2, offset) as Node,
			JSON.parse(text.slice(offset, offset + length)),
		) as AccountContext;
		return this.built;
	}

	get node(): Node | undefined {
		return this.account.node;
	}
	get detected(): AccountContext['detected'] {
		return this.account.detected;
	}
	get servers(): AccountContext['servers'] {
		return this.account.servers;
	}
	get(path: readonly (string | number)[]): unknown {
		return this.account.get(path);
	}
	str(path: readonly (string | number)[]): string | undefined {
		return this.account.str(path);
	}
	num(path: readonly (string | number)[]): number | undefined {
		return this.account.num(path);
	}
	nodeAt(path: readonly (string | number)[]): Node | undefined {
		return this.account.nodeAt(path);
	}
}

/** The index of the last node that starts before `offset`, or -1. */
function lastStartingBefore(nodes: readonly Node[], offset: number): number {
	let low = 0;
	let high = nodes.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (nodes[mid]!.offset < offset) low = mid + 1;
		else high = mid;
	}
	return low - 1;
}

/**
 * The smallest stretch that differs between two texts: `[start, oldEnd)` of `before` became `[start, newEnd)` of
 * `after`. Compared in chunks that shrink near the difference, so a large file costs a few native comparisons.
 */
export function changedWindow(before: string, after: string): { start: number; oldEnd: number; newEnd: number } {
	const max = Math.min(before.length, after.length);
	let start = 0;
	for (const step of CHUNKS) {
		while (start + step <= max && before.slice(start, start + step) === after.slice(start, start + step)) start += step;
	}
	let end = 0;
	for (const step of CHUNKS) {
		while (
			end + step <= max - start &&
			before.slice(before.length - end - step, before.length - end) ===
				after.slice(after.length - end - step, after.length - end)
		) {
			end += step;
		}
	}
	return { start, oldEnd: before.length - end, newEnd: after.length - end };
}

const CHUNKS = [16384, 512, 16, 1];
