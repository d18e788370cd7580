/**
 * The native walkthrough's progress. Its steps complete on context keys (`onContext:` in package.json), but VS Code
 * 1.100 counts a key only when it changes while its walkthrough service is alive, and creates that service when the
 * Welcome page first opens: a key set earlier (in this window or another) is taken as "already true" and never ticks
 * the step. So each step is also marked through `welcome.markStepComplete`, which creates the service and keeps the
 * tick in VS Code's own profile storage, for every window and session.
 */
import * as vscode from 'vscode';
import { type ContextKeys, NativeWalkthrough } from '../shared/ids';

type ProgressKey = (typeof ContextKeys)[keyof typeof ContextKeys];

/** Marks a native walkthrough step as done. */
export async function markWalkthroughProgress(extension: vscode.ExtensionContext, key: ProgressKey): Promise<void> {
	await vscode.commands.executeCommand('setContext', key, true);
	try {
		await vscode.commands.executeCommand(
			'welcome.markStepComplete',
			`${extension.extension.id}#${NativeWalkthrough.id}#${NativeWalkthrough.stepOfKey[key]}`,
		);
	} catch {
		// Editors without VS Code's Welcome page keep the context key alone.
	}
}
