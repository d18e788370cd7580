import type { AuthMethod, ProviderId } from '../../core/config/model';
import { explain } from '../../core/explain/match';
import { renderText } from '../../core/explain/render';
import type { ExplainContext, Explanation } from '../../core/explain/types';
import { type Localized, tr } from '../../core/i18n';
import type { StageName } from '../../core/probes/result';
import { chooseLang, flag, parseCommandArgs } from '../args';
import { type CliIo, ExitCode, UsageError } from '../io';
import { nowFromFlag } from '../now';
import { EXPLAIN } from './specs';

const TEXTS = {
	noText: {
		en: 'give the text to explain as an argument in quotes, or - to read it from stdin',
		de: 'den zu erklärenden Text in Anführungszeichen als Argument angeben oder - für die Standardeingabe',
	},
	stdinAlone: {
		en: '- (read from stdin) cannot be combined with other text',
		de: '- (von der Standardeingabe lesen) lässt sich nicht mit weiterem Text kombinieren',
	},
	emptyText: { en: 'the text to explain is empty', de: 'der zu erklärende Text ist leer' },
} satisfies Record<string, Localized>;

/**
 * The JSON contract of issue 4 (fields may be added, never removed): `line` stays internal; `question` (issue 10)
 * is the question that tells a cause apart from the other candidates of an ambiguous line.
 */
function toJson(matches: readonly Explanation[]): string {
	const body = {
		matches: matches.map(({ id, title, cause, fix, walkthrough, confidence, question, sources, matchedText }) => ({
			id,
			title,
			cause,
			fix,
			...(walkthrough ? { walkthrough } : {}),
			confidence,
			...(question ? { question } : {}),
			sources,
			matchedText,
		})),
	};
	return `${JSON.stringify(body, null, 2)}\n`;
}

/**
 * `mailcfg explain "<text>"|- [--format text|json] [--lang en|de] [--provider ID] [--auth METHOD] [--stage NAME]`.
 * Exit 0 when a cause matched, 1 when none did, 2 for usage errors. Several unquoted words are read as one text,
 * since a pasted reply without quotes is an easy mistake to forgive.
 */
export async function runExplain(args: string[], io: CliIo): Promise<number> {
	const parsed = parseCommandArgs(EXPLAIN, args);
	const format = flag(parsed, 'format') ?? 'text';
	const lang = chooseLang(flag(parsed, 'lang'), io.env);
	// The spec's choices were checked by the parser.
	const provider = flag(parsed, 'provider') as ProviderId | undefined;
	const auth = flag(parsed, 'auth') as AuthMethod | undefined;
	const stage = flag(parsed, 'stage') as StageName | undefined;
	const now = nowFromFlag(flag(parsed, 'now'), lang);

	const { positionals } = parsed;
	if (positionals.length === 0) throw new UsageError(tr(TEXTS.noText, lang));
	if (positionals.includes('-') && positionals.length > 1) throw new UsageError(tr(TEXTS.stdinAlone, lang));
	const text = positionals[0] === '-' ? await io.readStdin() : positionals.join(' ');
	if (text.trim() === '') throw new UsageError(tr(TEXTS.emptyText, lang));

	const ctx: ExplainContext = {
		lang,
		now,
		...(provider ? { provider } : {}),
		...(auth ? { auth } : {}),
		...(stage ? { stage } : {}),
	};
	const matches = explain(text, ctx);
	io.stdout(format === 'json' ? toJson(matches) : renderText(matches, lang));
	return matches.length > 0 ? ExitCode.ok : ExitCode.findings;
}
