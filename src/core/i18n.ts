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
	const parts = templateParts(template);
	let out = parts[0]!;
	for (let i = 1; i < parts.length; i += 2) {
		const key = parts[i]!;
		out += (key in args ? String(args[key]) : `{${key}}`) + parts[i + 1]!;
	}
	return out;
}

const PLACEHOLDER = /\{(\w+)\}/g;
/** Templates split once: text, name, text, name, …, text. Nearly all are the constants of rules and schema messages. */
const splitTemplates = new Map<string, readonly string[]>();

function templateParts(template: string): readonly string[] {
	let parts = splitTemplates.get(template);
	if (!parts) {
		const split: string[] = [];
		let last = 0;
		for (const match of template.matchAll(PLACEHOLDER)) {
			split.push(template.slice(last, match.index), match[1]!);
			last = match.index + match[0].length;
		}
		split.push(template.slice(last));
		parts = split;
		// Bounded, should a caller ever format text from input.
		if (splitTemplates.size >= 2000) splitTemplates.clear();
		splitTemplates.set(template, parts);
	}
	return parts;
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
