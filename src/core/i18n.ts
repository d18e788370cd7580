import { commandTitle, isCommandKey } from './commands';
/** Languages every user-facing text exists in. */
export const LANGS = ['en', 'de'] as const;
export type Lang = (typeof LANGS)[number];

/** A user-facing text in every supported language; one object per fact keeps both languages in step. */
export type Localized = Readonly<Record<Lang, string>>;

/** The `mailcfg.language` setting / `--lang` flag: `auto` follows the editor's display language. */
export type LanguageSetting = 'auto' | Lang;

export function isLang(value: unknown): value is Lang {
	return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/**
 * Resolves the language to write in. `displayLanguage` is a BCP 47 tag such as `de-CH` (VS Code's
 * `env.language`, LSP's `initialize.locale`, or `LANG` in a shell); anything not German falls back to English.
 */
export function resolveLang(setting: LanguageSetting | undefined, displayLanguage: string | undefined): Lang {
	if (setting === 'en' || setting === 'de') return setting;
	return displayLanguage?.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/** Fills `{name}` placeholders; unknown placeholders stay visible so a missing argument is noticed. */
export function format(template: string, args: Readonly<Record<string, string | number>> = {}): string {
	// Most texts have no placeholder: a native search is cheaper than running the pattern (a finding formats several).
	if (!template.includes('{')) return template;
	return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in args ? String(args[key]) : whole));
}

/** Picks the language and fills placeholders in one step, command titles (`{command:KEY}`) included. */
export function tr(text: Localized, lang: Lang, args?: Readonly<Record<string, string | number>>): string {
	return withCommandTitles(format(text[lang], args), lang);
}

/** Replaces `{command:KEY}` with the command's title from the manifest; an unknown key stays visible. */
export function withCommandTitles(text: string, lang: Lang): string {
	if (!text.includes('{command:')) return text;
	return text.replace(/\{command:(\w+)\}/g, (whole, key: string) =>
		isCommandKey(key) ? commandTitle(key, lang) : whole,
	);
}
