import * as vscode from 'vscode';
import type { ClientContext, FeatureContext } from './context';
import { CONFIG_TEMPLATES, type ConfigTemplate, renderTemplate } from '../core/walkthroughs/templates';
import { Commands, ContextKeys } from '../shared/ids';
import { type Lang, type Localized, tr } from '../core/i18n';
import { markWalkthroughProgress } from './walkthrough-progress';

const TEXT = {
	pickTemplate: { en: 'Choose a template for the new config', de: 'Vorlage für die neue Konfiguration wählen' },
	pickFolder: { en: 'Workspace folder for the new config', de: 'Arbeitsbereichsordner für die neue Konfiguration' },
	saveTitle: { en: 'Save the new mail account config', de: 'Neue Mailkonto-Konfiguration speichern' },
	created: {
		en: 'Created {file}. Store the secret next, then test the connection.',
		de: '{file} angelegt. Als Nächstes das Geheimnis speichern, dann die Verbindung testen.',
	},
	openGuide: { en: 'Open walkthrough', de: 'Anleitung öffnen' },
	failed: {
		en: 'Could not create the config: {reason}',
		de: 'Die Konfiguration konnte nicht angelegt werden: {reason}',
	},
} as const satisfies Record<string, Localized>;

async function exists(uri: vscode.Uri): Promise<boolean> {
	try {
		await vscode.workspace.fs.stat(uri);
		return true;
	} catch {
		return false;
	}
}

/** `<stem>.mailaccounts.json`, or `<stem>-2…` when taken: an existing config is never overwritten. */
export async function freeFileName(folder: vscode.Uri, stem: string): Promise<vscode.Uri> {
	for (let n = 1; ; n++) {
		const candidate = vscode.Uri.joinPath(folder, `${n === 1 ? stem : `${stem}-${n}`}.mailaccounts.json`);
		if (!(await exists(candidate))) return candidate;
	}
}

async function chooseTarget(template: ConfigTemplate, lang: Lang): Promise<vscode.Uri | undefined> {
	const folders = vscode.workspace.workspaceFolders ?? [];
	if (folders.length === 0) {
		return vscode.window.showSaveDialog({
			title: TEXT.saveTitle[lang],
			defaultUri: vscode.Uri.file(`${template.fileStem}.mailaccounts.json`),
			filters: { JSON: ['json'] },
		});
	}
	const folder =
		folders.length === 1
			? folders[0]
			: await vscode.window.showWorkspaceFolderPick({ placeHolder: TEXT.pickFolder[lang] });
	return folder ? freeFileName(folder.uri, template.fileStem) : undefined;
}

async function newConfig(ctx: ClientContext): Promise<void> {
	const lang = ctx.lang();
	const picked = await vscode.window.showQuickPick(
		CONFIG_TEMPLATES.map((template) => ({ label: template.label[lang], detail: template.detail[lang], template })),
		{ placeHolder: TEXT.pickTemplate[lang], matchOnDetail: true },
	);
	if (!picked) return;
	const target = await chooseTarget(picked.template, lang);
	if (!target) return;
	try {
		await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(renderTemplate(picked.template)));
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		void vscode.window.showErrorMessage(tr(TEXT.failed, lang, { reason }));
		return;
	}
	await vscode.window.showTextDocument(target);
	await markWalkthroughProgress(ctx.extension, ContextKeys.configCreated);
	const file = target.path.split('/').pop() ?? target.path;
	const action = await vscode.window.showInformationMessage(tr(TEXT.created, lang, { file }), TEXT.openGuide[lang]);
	if (action) {
		await vscode.commands.executeCommand(Commands.openWalkthrough, {
			guide: picked.template.guide,
			uri: target.toString(),
			accountId: picked.template.content.accounts[0]?.id,
		});
	}
}

/** "Mail: New Mail Account Config…": writes a template into the workspace and sets `configCreated` on success. */
export function registerNewConfigCommand(ctx: FeatureContext): void {
	ctx.registerCommand(Commands.newConfig, () => newConfig(ctx));
}
