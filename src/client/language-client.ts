import * as vscode from 'vscode';
import {
	type LanguageClientOptions,
	LanguageClient,
	type Middleware,
	type ServerOptions,
	TransportKind,
} from 'vscode-languageclient/node';
import { Commands, DiagnosticSources } from '../shared/ids';
import {
	type InitializationOptions,
	type OpenWalkthroughArgs,
	walkthroughArgsFromData,
	walkthroughCommandUri,
} from '../shared/protocol';
import { SOURCE_GLOBS } from '../core/sources/names';
import type { ClientContext } from './context';
import { registerSchemaProvider } from './schema-provider';

/** Matches "Attach to Server" in .vscode/launch.json. */
const DEBUG_PORT = 6011;

function walkthroughArgs(diagnostic: vscode.Diagnostic, uri: vscode.Uri): OpenWalkthroughArgs | undefined {
	if (diagnostic.source !== DiagnosticSources.rules) return undefined;
	// vscode-languageclient keeps the LSP `data` on the diagnostic objects it creates (ProtocolDiagnostic).
	return walkthroughArgsFromData((diagnostic as vscode.Diagnostic & { data?: unknown }).data, uri.toString());
}

/**
 * Points the code link of diagnostics that have a walkthrough at the walkthrough instead of the rule docs.
 * VS Code opens a diagnostic's code target with `allowCommands: true` both in the editor hover
 * (markerHoverParticipant) and in the Problems view (the `Link` widget), so a `command:` URI works there.
 */
function linkWalkthroughs(uri: vscode.Uri, diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
	for (const diagnostic of diagnostics) {
		const args = walkthroughArgs(diagnostic, uri);
		const code = diagnostic.code;
		if (args && code !== undefined) {
			const value = typeof code === 'object' ? code.value : code;
			diagnostic.code = { value, target: vscode.Uri.parse(walkthroughCommandUri(args)) };
		}
	}
	return diagnostics;
}

function middleware(): Middleware {
	return {
		handleDiagnostics: (uri, diagnostics, next) => next(uri, linkWalkthroughs(uri, diagnostics)),
		provideDiagnostics: async (document, previousResultId, token, next) => {
			const report = await next(document, previousResultId, token);
			if (report?.kind === 'full') {
				linkWalkthroughs(document instanceof vscode.Uri ? document : document.uri, report.items);
			}
			return report;
		},
	};
}

/**
 * Starts the mailcfg language server (dist/server.js, its own process) for JSON and JSONC files; the server
 * decides which of them are mail configs. Also serves the localized schema and the Restart / Show Log commands.
 */
export async function registerLanguageFeatures(ctx: ClientContext): Promise<void> {
	registerSchemaProvider(ctx);
	const module = ctx.extension.asAbsolutePath('dist/server.js');
	const serverOptions: ServerOptions = {
		run: { module, transport: TransportKind.ipc },
		debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', `--inspect=${DEBUG_PORT}`] } },
	};
	// The server offers each walkthrough as a quick fix too (one per guide step, titled with it), for keyboard users.
	const initializationOptions: InitializationOptions = {
		validation: 'rules-only',
		walkthroughCommand: true,
		discoveryCommands: true,
	};
	const clientOptions: LanguageClientOptions = {
		documentSelector: [
			...['file', 'untitled'].flatMap((scheme) => [
				{ scheme, language: 'json' },
				{ scheme, language: 'jsonc' },
			]),
			// Other tools' mail settings, in whatever language mode the editor gives them (dotenv, properties, yaml,
			// plaintext...): by name only, so no other .yml or text file ever reaches the server.
			...SOURCE_GLOBS.map((pattern) => ({ scheme: 'file', pattern })),
		],
		synchronize: { configurationSection: 'mailcfg' },
		initializationOptions,
		outputChannel: ctx.log,
		middleware: middleware(),
	};
	// The id makes vscode-languageclient honour the `mailcfg.trace.server` setting.
	const client = new LanguageClient('mailcfg', 'Mail Account Config', serverOptions, clientOptions);
	ctx.extension.subscriptions.push(
		client,
		vscode.commands.registerCommand(Commands.restartServer, () => client.restart()),
		vscode.commands.registerCommand(Commands.showLog, () => ctx.log.show()),
	);
	try {
		await client.start();
	} catch (error) {
		// A server that fails to start must not take the other features (tests, walkthroughs) down with activation.
		ctx.log.error(`mailcfg language server failed to start: ${error instanceof Error ? error.message : String(error)}`);
	}
}
