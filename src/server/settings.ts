import type { LanguageSetting } from '../core/i18n';

/** The part of the `mailcfg` settings section the language server uses. */
export interface ServerSettings {
	language: LanguageSetting;
	rulesDisabled: string[];
}

export const DEFAULT_SERVER_SETTINGS: ServerSettings = { language: 'auto', rulesDisabled: [] };

/**
 * Reads the `mailcfg` section as clients send it: VS Code nests dotted keys (`{ rules: { disabled } }`),
 * other editors often send them flat (`{ "rules.disabled": [...] }`). Values of the wrong type fall back to
 * the defaults so a typo in an editor config never breaks diagnostics.
 */
export function parseServerSettings(section: unknown): ServerSettings {
	if (typeof section !== 'object' || section === null) return DEFAULT_SERVER_SETTINGS;
	const raw = section as Record<string, unknown>;
	const language = raw.language === 'en' || raw.language === 'de' ? raw.language : 'auto';
	const rules = typeof raw.rules === 'object' && raw.rules !== null ? (raw.rules as Record<string, unknown>) : {};
	const disabled = rules.disabled ?? raw['rules.disabled'];
	const rulesDisabled = Array.isArray(disabled) ? disabled.filter((d): d is string => typeof d === 'string') : [];
	return { language, rulesDisabled };
}
