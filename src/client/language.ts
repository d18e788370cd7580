import * as vscode from 'vscode';
import { type Lang, type LanguageSetting, resolveLang } from '../core/i18n';
import { SettingKeys } from '../shared/ids';

/** Reads `mailcfg.language` on each call so a changed setting applies without a reload. */
export function currentLang(): Lang {
	const setting = vscode.workspace.getConfiguration().get<LanguageSetting>(SettingKeys.language, 'auto');
	return resolveLang(setting, vscode.env.language);
}
