/**
 * Entry of dist/features.js, loaded by feature-host.ts on first use: the explanation catalog, the guides, the
 * report view and the connection-test front end. Nothing here runs at activation.
 */
import type * as vscode from 'vscode';
import { ViewTypes } from '../shared/ids';
import type { FeatureContext } from './context';
import { registerConvertCommand } from './convert-command';
import { registerDiscoveryCommands } from './discovery-commands';
import { registerExplainFeatures } from './explain-commands';
import { registerProbeFeatures } from './probe-commands';
import { registerWalkthroughFeatures } from './walkthrough-panel';

export function activateFeatures(ctx: FeatureContext): {
	hover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined;
	restorePanel(viewType: string, panel: vscode.WebviewPanel, state: unknown): Promise<void>;
} {
	const walkthroughs = registerWalkthroughFeatures(ctx);
	const explain = registerExplainFeatures(ctx);
	registerProbeFeatures(ctx);
	registerDiscoveryCommands(ctx);
	registerConvertCommand(ctx);
	return {
		hover: explain.hover,
		restorePanel: (viewType, panel, state) => {
			if (viewType === ViewTypes.walkthrough) walkthroughs.revive(panel);
			else if (viewType === ViewTypes.explanation) explain.revive(panel, state);
			else panel.dispose();
			return Promise.resolve();
		},
	};
}
