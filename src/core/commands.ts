import en from '../../package.nls.json';
import de from '../../package.nls.de.json';
import type { Lang } from './i18n';

/**
 * Command titles as the Command Palette shows them ("Mail: Store Secret…"), read from the manifest's strings so a
 * text never names a command that does not exist. Keys are the `command.*` entries of package.nls.json.
 */
const TITLES: Readonly<Record<Lang, Readonly<Record<string, string>>>> = { en, de };

type CommandSuffix<T> = T extends `command.${infer K}` ? K : never;
export type CommandKey = Exclude<CommandSuffix<keyof typeof en>, 'category'>;

export function isCommandKey(key: string): key is CommandKey {
	return key !== 'category' && `command.${key}` in en;
}

export function commandTitle(key: CommandKey, lang: Lang): string {
	const titles = TITLES[lang];
	return `${titles['command.category'] ?? ''}: ${titles[`command.${key}`] ?? ''}`;
}
