import type * as vscode from 'vscode';
import type { Lang } from '../core/i18n';

/** What every client feature gets from `activate`: built once there, never at import time. */
export interface ClientContext {
	readonly extension: vscode.ExtensionContext;
	readonly log: vscode.LogOutputChannel;
	/** The language for texts the client shows, from `mailcfg.language` and VS Code's display language. */
	lang(): Lang;
}
