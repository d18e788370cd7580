import {
	INTERNAL,
	MAX_TEXT_LENGTH,
	TOO_LARGE,
	type AnalyzeOptions,
	analyzeText,
	byPosition,
	fileFinding,
} from '../config/analyze';
import { isConfigFileName, isMailcfgDocument } from '../config/document-kind';
import { type ParsedConfig, parseConfig } from '../config/parse';
import { accountSchemaFindings } from '../config/schema';
import { type Finding, FindingSink, printableFinding, ruleDocUrl } from '../config/findings';
import { tr } from '../i18n';
import { runRules } from '../rules/engine';
import { LineIndex, type Range } from '../text/positions';
import { adviceFor } from './advice';
import { isPlaceholder } from './entries';
import { type SourceContext, sourceAccounts } from './formats';
import { type SourceFormat, formatOfName } from './names';
import { SourceEditor, parsedFromAccounts } from './tree';

/**
 * The schema's checks of a value that apply to another tool's file too: a port of 99999 or `MAIL_PORT=abc` would
 * fail every connection and make an invalid config when converted. The rest of the schema (required properties,
 * ids, unknown keys) judges the adapter's mapping, not the user's file.
 */
const VALUE_CODES: ReadonlySet<string> = new Set(['schema-type', 'schema-range']);

/**
 * The findings for a config in another tool's format: its accounts mapped to our model, the same semantic rules
 * (and the schema's value checks), advice adapted to the format. A file without mail settings has none. Never throws.
 */
export function analyzeSource(
	text: string,
	format: SourceFormat,
	options: AnalyzeOptions & { context?: SourceContext },
): Finding[] {
	const { lang } = options;
	const start: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
	if (text.length > MAX_TEXT_LENGTH) {
		return [fileFinding('file-too-large', start, tr(TOO_LARGE, lang, { limit: MAX_TEXT_LENGTH / 1024 / 1024 }))];
	}
	try {
		const context = options.context ?? {};
		const accounts = sourceAccounts(format, text, context);
		if (accounts.length === 0) return [];
		const lines = new LineIndex(text);
		const editor = new SourceEditor(lines);
		const parsed = parsedFromAccounts(text, accounts, editor);
		const disabled = new Set(options.disabledRules ?? []);
		const findings: Finding[] = [];
		// Another tool's file holds a handful of accounts: no limit needed.
		const sinks = {
			accounts: new FindingSink(Number.POSITIVE_INFINITY),
			file: new FindingSink(Number.POSITIVE_INFINITY),
			values: new FindingSink(Number.POSITIVE_INFINITY, disabled),
		};
		for (const { node, value } of parsed.accounts) {
			accountSchemaFindings(value, lang, () => ({ node, lines, editor, lang }), sinks.values);
		}
		runRules({ text, parsed, lines, editor, lang, now: options.now() }, disabled, sinks);
		// `spring.mail.port=${MAIL_PORT}` is filled in at start-up: a value check on the placeholder's text is false.
		const onPlaceholder = (finding: Finding) =>
			isPlaceholder(text.slice(lines.offsetAt(finding.range.start), lines.offsetAt(finding.range.end)));
		findings.push(...sinks.values.kept.filter((finding) => VALUE_CODES.has(finding.code) && !onPlaceholder(finding)));
		for (const finding of [...sinks.accounts.kept, ...sinks.file.kept]) {
			const advice = adviceFor(format, finding.code, context.fileName);
			if (advice === 'drop') continue;
			findings.push(
				advice
					? { ...finding, message: tr(advice.message, lang), severity: advice.severity ?? finding.severity, fixes: [] }
					: finding,
			);
		}
		for (const account of accounts) {
			for (const note of account.notes ?? []) {
				if (disabled.has(note.code)) continue;
				findings.push({
					code: note.code,
					severity: note.severity,
					message: tr(note.message, lang),
					range: lines.rangeOf(note.at.offset, note.at.length),
					source: 'mailcfg',
					docUrl: ruleDocUrl(note.code),
					accountId: account.id,
					fixes: note.fix
						? [
								{
									title: tr(note.fix.title, lang),
									edits: [
										{
											range: lines.rangeOf(note.fix.edit.at.offset, note.fix.edit.at.length),
											newText: note.fix.edit.text,
										},
									],
								},
							]
						: [],
				});
			}
		}
		return findings.sort(byPosition).map(printableFinding);
	} catch (error) {
		return [
			fileFinding(
				'internal-error',
				start,
				tr(INTERNAL, lang, { error: error instanceof Error ? error.message : String(error) }),
			),
		];
	}
}

/** `json` for our own format, a source format, or undefined when mailcfg has nothing to say about the file. */
export type DocumentFormat = 'json' | SourceFormat;

/**
 * The format of a document: the one the user named, else our JSON (by name or `$schema`), else the one its name
 * says. Only a name decides for other formats: a random YAML file is never read as Spring configuration.
 */
export function documentFormat(uri: string, text: string, named?: DocumentFormat): DocumentFormat | undefined {
	if (named) return named;
	if (isMailcfgDocument(uri, text)) return 'json';
	return formatOfName(uri);
}

/**
 * The format of a file given by the user (CLI): the one named with --format-in, else what its name says; a name
 * that says nothing means our JSON, as `mailcfg check` always read a file named explicitly.
 */
export function formatOfFile(path: string, named?: DocumentFormat): DocumentFormat {
	return named ?? (isConfigFileName(path) ? 'json' : formatOfName(path)) ?? 'json';
}

/** A document of any format parsed as the rules and probes read it: `{ "accounts": [...] }` with its node tree. */
export function parseDocument(text: string, format: DocumentFormat, context: SourceContext = {}): ParsedConfig {
	if (format === 'json') return parseConfig(text);
	return parsedFromAccounts(text, sourceAccounts(format, text, context), new SourceEditor(new LineIndex(text)));
}

/** Every finding for a document of any supported format; none for a document that is no mail config. */
export function analyzeDocument(
	uri: string,
	text: string,
	options: AnalyzeOptions & { format?: DocumentFormat; context?: SourceContext },
): Finding[] {
	const format = documentFormat(uri, text, options.format);
	if (format === 'json') return analyzeText(text, options);
	if (!format) return [];
	return analyzeSource(text, format, { ...options, context: { fileName: uri, ...options.context } });
}
