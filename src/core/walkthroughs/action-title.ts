import { type Lang, type Localized, tr } from '../i18n';
import { resolveWalkthroughRef } from './catalog';

const OPEN: Localized = { en: 'Open walkthrough: {title}', de: 'Anleitung öffnen: {title}' };

/**
 * The title of the "open this walkthrough" quick fix: it names the guide and step, so two findings that link to
 * different steps never show as two identical entries. Undefined for a reference no guide has.
 */
export function walkthroughActionTitle(ref: string, lang: Lang): string | undefined {
	const resolved = resolveWalkthroughRef(ref);
	if (!resolved) return undefined;
	const { guide, step } = resolved;
	return tr(OPEN, lang, { title: step ? `${guide.title[lang]} › ${step.title[lang]}` : guide.title[lang] });
}
