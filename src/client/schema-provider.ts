import * as vscode from 'vscode';
import { SCHEMA_FILE_NAMES } from '../core/config/schema-files';
import { SchemaUris, SettingKeys } from '../shared/ids';
import type { ClientContext } from './context';

/**
 * Serves `mailcfg-schema://schemas/mail-account.schema.json` (the `jsonValidation` URL in package.json) in the
 * language of `mailcfg.language`. VS Code cannot localise schema descriptions itself; its JSON extension reads
 * non-file schema URIs with `workspace.openTextDocument` and re-reads them when the document changes, so firing
 * `onDidChange` after a language switch updates hovers and completions without a reload.
 */
export function registerSchemaProvider(ctx: ClientContext): void {
	const schemaUri = vscode.Uri.parse(SchemaUris.mailAccount);
	const changed = new vscode.EventEmitter<vscode.Uri>();
	const provider: vscode.TextDocumentContentProvider = {
		onDidChange: changed.event,
		async provideTextDocumentContent(uri) {
			if (uri.toString() !== schemaUri.toString()) throw new Error(`unknown schema ${uri.toString()}`);
			const read = (file: string) =>
				vscode.workspace.fs.readFile(vscode.Uri.joinPath(ctx.extension.extensionUri, 'schemas', file));
			// English is the fallback should a translation be missing from the package.
			const bytes = await read(SCHEMA_FILE_NAMES[ctx.lang()]).then(undefined, () => read(SCHEMA_FILE_NAMES.en));
			return new TextDecoder().decode(bytes);
		},
	};
	ctx.extension.subscriptions.push(
		changed,
		vscode.workspace.registerTextDocumentContentProvider(schemaUri.scheme, provider),
		vscode.workspace.onDidChangeConfiguration((e) => {
			if (e.affectsConfiguration(SettingKeys.language)) changed.fire(schemaUri);
		}),
	);
}
