/**
 * The native walkthrough's progress. Its steps complete on context keys (`onContext:` in package.json), which VS Code
 * only evaluates while its Welcome service watches; a key set once in another window or before a reload would be
 * lost. So each key that became true is kept in global state and set again at every activation.
 */
import * as vscode from 'vscode';
import { ContextKeys } from '../shared/ids';

type ProgressKey = (typeof ContextKeys)[keyof typeof ContextKeys];

const STORAGE_KEY = 'mailcfg.walkthroughProgress';
const KNOWN: ReadonlySet<string> = new Set(Object.values(ContextKeys));

function stored(state: vscode.Memento): ProgressKey[] {
	const value = state.get<unknown>(STORAGE_KEY);
	return Array.isArray(value) ? value.filter((k): k is ProgressKey => typeof k === 'string' && KNOWN.has(k)) : [];
}

/** Sets every context key reached before (any window, any session). */
export function restoreWalkthroughProgress(state: vscode.Memento): void {
	for (const key of stored(state)) void vscode.commands.executeCommand('setContext', key, true);
}

/** Marks a native walkthrough step as done: now, and at every later activation. */
export async function markWalkthroughProgress(state: vscode.Memento, key: ProgressKey): Promise<void> {
	await vscode.commands.executeCommand('setContext', key, true);
	const keys = stored(state);
	if (!keys.includes(key)) await state.update(STORAGE_KEY, [...keys, key]);
}
