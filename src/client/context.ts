import type * as vscode from 'vscode';
import type { Lang } from '../core/i18n';

export type CommandHandler = (...args: unknown[]) => unknown;

/**
 * A tree view created at activation whose data comes later: the report view registers itself here when the features
 * bundle loads, and until then the view is empty (its welcome text shows).
 */
export interface TreeSlot<T> {
	readonly view: vscode.TreeView<T>;
	attach(provider: vscode.TreeDataProvider<T>): void;
}

/** What every client feature gets from `activate`: built once there, never at import time. */
export interface ClientContext {
	readonly extension: vscode.ExtensionContext;
	readonly log: vscode.LogOutputChannel;
	/** The language for texts the client shows, from `mailcfg.language` and VS Code's display language. */
	lang(): Lang;
}

/**
 * What the lazily loaded features get: commands are registered once by the activation shell (package.json lists
 * them), and the features fill in the handlers when they load.
 */
export interface FeatureContext extends ClientContext {
	registerCommand(id: string, handler: CommandHandler): void;
	readonly reportTree: TreeSlot<unknown>;
}
