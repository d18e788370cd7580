import * as vscode from 'vscode';
import { type Lang, type LanguageSetting, resolveLang } from '../core/i18n';
import { SettingKeys } from '../shared/ids';

/** Reads `mailcfg.language` on each call so a changed setting applies without a reload. */
export function currentLang(): Lang {
	const setting = vscode.workspace.getConfiguration().get<LanguageSetting>(SettingKeys.language, 'auto');
	return resolveLang(setting, vscode.env.language);
}

/**
 * Sets `mailcfg.language` where it takes effect (a window setting): in the workspace settings when those set it, else in the
 * user settings. The webviews' language toggle uses it, so the toggle and the setting never disagree.
 */
export async function setLanguageSetting(lang: Lang): Promise<void> {
	const config = vscode.workspace.getConfiguration();
	const inspected = config.inspect<LanguageSetting>(SettingKeys.language);
	const target =
		inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
	if (currentLang() !== lang) await config.update(SettingKeys.language, lang, target);
}
