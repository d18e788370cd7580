import { type Lang, tr } from '../../core/i18n';
import { GUIDES, listGuides, resolveWalkthroughRef } from '../../core/walkthroughs/catalog';
import { renderGuideText } from '../../core/walkthroughs/render-text';
import { TEXT_UI } from '../../core/walkthroughs/ui-strings';
import { chooseLang, flag, parseCommandArgs } from '../args';
import { type CliIo, ExitCode, UsageError } from '../io';
import { nowFromFlag } from '../now';
import { WALKTHROUGHS } from './specs';

function listText(lang: Lang): string {
	const lines: string[] = [];
	for (const guide of listGuides(lang)) {
		lines.push(`${guide.id}  ${guide.title}`);
		for (const step of guide.steps) lines.push(`  #${step.id}  ${step.title}`);
		lines.push('');
	}
	return lines.join('\n');
}

/**
 * `mailcfg walkthroughs [--format text|json] [--lang en|de]` lists every guide with its step ids;
 * `mailcfg walkthroughs show <guide> [--lang de] [--now YYYY-MM-DD]` prints one guide as text, its dated sentences
 * as of that day. Unknown guide: exit 2 with the ids.
 */
export async function runWalkthroughs(args: string[], io: CliIo): Promise<number> {
	const parsed = parseCommandArgs(WALKTHROUGHS, args);
	const format = flag(parsed, 'format') ?? 'text';
	const lang = chooseLang(flag(parsed, 'lang'), io.env);
	const now = nowFromFlag(flag(parsed, 'now'), lang);
	const [subcommand, guideId, ...extra] = parsed.positionals;

	if (subcommand === undefined) {
		io.stdout(format === 'json' ? `${JSON.stringify({ guides: listGuides(lang) }, null, 2)}\n` : listText(lang));
		return ExitCode.ok;
	}
	if (subcommand !== 'show') throw new UsageError(`unknown subcommand '${subcommand}' (expected 'show <guide>')`);
	if (guideId === undefined) throw new UsageError('show needs a guide id');
	if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
	if (format === 'json') throw new UsageError('show prints text only; use the list with --format json');

	// `guide#step` is accepted too, so a deep link from a diagnostic can be pasted as it is.
	const guide = resolveWalkthroughRef(guideId)?.guide;
	if (!guide) {
		io.stderr(`mailcfg walkthroughs: ${tr(TEXT_UI.unknownGuide, lang, { id: guideId })}\n`);
		io.stderr(GUIDES.map((g) => `  ${g.id}\n`).join(''));
		return ExitCode.usage;
	}
	io.stdout(renderGuideText(guide, lang, now));
	return ExitCode.ok;
}
