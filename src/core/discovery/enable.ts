/**
 * A provider's `<enable>` step (Thunderbird's autoconfig format): "allow IMAP once in the web settings", with the
 * page to do it. The same checks apply to ISPDB's files (scripts/ispdb-convert.ts) and to a domain's autoconfig file
 * from the network: only absolute http(s) URLs without credentials pass, and only English and German instructions,
 * cleaned and capped, are kept, since those are the languages mailcfg speaks.
 */
import type { Lang } from '../i18n';
import type { ProviderEnable } from '../providers/types';
import { cleanText } from './untrusted';

const MAX_URL = 300;
const MAX_INSTRUCTION = 300;

/** `lang` as the file gives it (absent for the default text, which ISPDB writes in English). */
export interface RawInstruction {
	lang: string | undefined;
	text: string;
}

function languageOf(lang: string | undefined): Lang | undefined {
	if (!lang || /^en(-|$)/i.test(lang)) return 'en';
	return /^de(-|$)/i.test(lang) ? 'de' : undefined;
}

/** The page, when it is one a user can be sent to: http(s), absolute, no user name or password, short. */
export function enablePage(value: unknown): string | undefined {
	if (typeof value !== 'string' || value.length > MAX_URL) return undefined;
	let url: URL;
	try {
		url = new URL(value.trim());
	} catch {
		return undefined;
	}
	if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) return undefined;
	return url.href;
}

/** The step, or undefined when its page is unusable or it has no English or German instruction. */
export function providerEnable(url: unknown, instructions: readonly RawInstruction[]): ProviderEnable | undefined {
	const page = enablePage(url);
	if (!page) return undefined;
	const instruction: ProviderEnable['instruction'] = {};
	for (const { lang, text } of instructions) {
		const language = languageOf(lang);
		const cleaned = cleanText(text, MAX_INSTRUCTION);
		if (language && cleaned && !instruction[language]) instruction[language] = cleaned;
	}
	return instruction.en || instruction.de ? { url: page, instruction } : undefined;
}
