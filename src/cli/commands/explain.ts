import { AUTH_METHODS, type AuthMethod, PROVIDER_IDS, type ProviderId } from '../../core/config/model';
import { explain } from '../../core/explain/match';
import { renderText } from '../../core/explain/render';
import type { ExplainContext, Explanation } from '../../core/explain/types';
import { type Lang, type Localized, isLang, resolveLang, tr } from '../../core/i18n';
import { STAGE_NAMES, type StageName } from '../../core/probes/result';
import { type CliIo, ExitCode, UsageError, flag, parseArgs } from '../io';

const FORMATS = ['text', 'json'] as const;

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

/** `--lang`, else the shell's locale (LC_ALL, LC_MESSAGES, LANG: `de*` means German), else English. */
function chooseLang(flagValue: string | undefined, env: CliIo['env']): Lang {
	if (isLang(flagValue)) return flagValue;
	return resolveLang('auto', env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

/** The JSON contract of issue 4: `line` stays internal, everything else is the match as explained. */
function toJson(matches: readonly Explanation[]): string {
	const body = {
		matches: matches.map(({ id, title, cause, fix, walkthrough, confidence, sources, matchedText }) => ({
			id,
			title,
			cause,
			fix,
			...(walkthrough ? { walkthrough } : {}),
			confidence,
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
	const parsed = parseArgs(args, ['format', 'lang', 'provider', 'auth', 'stage']);
	const format = flag(parsed, 'format', FORMATS) ?? 'text';
	const lang = chooseLang(flag(parsed, 'lang', ['en', 'de']), io.env);
	const provider = flag(parsed, 'provider', PROVIDER_IDS) as ProviderId | undefined;
	const auth = flag(parsed, 'auth', AUTH_METHODS) as AuthMethod | undefined;
	const stage = flag(parsed, 'stage', STAGE_NAMES) as StageName | undefined;

	const { positionals } = parsed;
	if (positionals.length === 0) throw new UsageError(tr(TEXTS.noText, lang));
	if (positionals.includes('-') && positionals.length > 1) throw new UsageError(tr(TEXTS.stdinAlone, lang));
	const text = positionals[0] === '-' ? await io.readStdin() : positionals.join(' ');
	if (text.trim() === '') throw new UsageError(tr(TEXTS.emptyText, lang));

	const ctx: ExplainContext = {
		lang,
		...(provider ? { provider } : {}),
		...(auth ? { auth } : {}),
		...(stage ? { stage } : {}),
	};
	const matches = explain(text, ctx);
	io.stdout(format === 'json' ? toJson(matches) : renderText(matches, lang));
	return matches.length > 0 ? ExitCode.ok : ExitCode.findings;
}
