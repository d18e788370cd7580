/**
 * "Mail: Convert to mailaccounts.json": the accounts of the active .env, Spring, Postfix, msmtp or mbsync file in our
 * format, written beside it as a new file (never over an existing one) and opened, so its diagnostics show at once.
 * Passwords become `${env:…}`/`${secret:…}` references (core/sources/convert.ts): no secret is copied.
 */
import * as vscode from 'vscode';
import { type Localized, tr } from '../core/i18n';
import { convertSource } from '../core/sources/convert';
import { type SourceFormat, baseName, formatOfName } from '../core/sources/names';
import { Commands } from '../shared/ids';
import type { FeatureContext } from './context';
import { freeFileName } from './new-config';

const TEXT = {
	noEditor: {
		en: 'Open a .env, Spring application.properties/.yml, Postfix main.cf, msmtp or mbsync file first.',
		de: 'Zuerst eine .env-, Spring-application.properties/.yml-, Postfix-main.cf-, msmtp- oder mbsync-Datei öffnen.',
	},
	unknownFormat: {
		en: '{file} is not a format mailcfg converts (.env, Spring application.properties/.yml, Postfix main.cf, msmtp, mbsync).',
		de: '{file} ist kein Format, das mailcfg umwandelt (.env, Spring application.properties/.yml, Postfix main.cf, msmtp, mbsync).',
	},
	noMail: { en: '{file} holds no mail settings.', de: '{file} enthält keine Mail-Einstellungen.' },
	written: {
		en: 'Wrote {count} account(s) from {source} to {file}. Passwords are references (${env:…} or ${secret:…}), never copied.',
		de: '{count} Konto/Konten aus {source} nach {file} geschrieben. Kennwörter stehen als Verweise darin (${env:…} oder ${secret:…}), nie im Klartext.',
	},
} satisfies Record<string, Localized>;

/** A file name stem from the source's name: `.env.production` → `env-production`, `main.cf` → `main-cf`. */
function stemOf(name: string): string {
	return name.replace(/^\.+/, '').replace(/[^A-Za-z0-9_-]+/g, '-') || 'converted';
}

/** Files beside the source are read only when an adapter asks for them, and only this much of each. */
const MAX_SIBLING_BYTES = 1024 * 1024;

/**
 * Adapters read files beside the source synchronously (Postfix's SASL password map next to main.cf), the editor's
 * file system is asynchronous: a first pass records the names asked for, the second runs with their text.
 */
async function convertWithSiblings(document: vscode.TextDocument, format: SourceFormat) {
	const context = (sibling: (name: string) => string | undefined) => ({ fileName: document.uri.path, sibling });
	const asked = new Set<string>();
	const first = convertSource(
		format,
		document.getText(),
		context((name) => void asked.add(name)),
	);
	if (asked.size === 0 || document.uri.scheme === 'untitled') return first;
	const texts = new Map<string, string>();
	for (const name of asked) {
		if (name.includes('/') || name.includes('\\')) continue;
		const uri = vscode.Uri.joinPath(document.uri, '..', name);
		const bytes = await vscode.workspace.fs.readFile(uri).then(undefined, () => undefined);
		if (bytes && bytes.length <= MAX_SIBLING_BYTES) texts.set(name, new TextDecoder().decode(bytes));
	}
	return convertSource(
		format,
		document.getText(),
		context((name) => texts.get(name)),
	);
}

async function convertActive(ctx: FeatureContext, uri?: unknown): Promise<void> {
	const lang = ctx.lang();
	const document =
		uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
	if (!document) {
		void vscode.window.showWarningMessage(tr(TEXT.noEditor, lang));
		return;
	}
	const source = baseName(document.uri.path);
	const format = formatOfName(source);
	if (!format) {
		void vscode.window.showWarningMessage(tr(TEXT.unknownFormat, lang, { file: source }));
		return;
	}
	const conversion = await convertWithSiblings(document, format);
	if (!conversion) {
		void vscode.window.showWarningMessage(tr(TEXT.noMail, lang, { file: source }));
		return;
	}
	const target = await freeFileName(vscode.Uri.joinPath(document.uri, '..'), stemOf(source));
	await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(conversion.text));
	await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target));
	const file = baseName(target.path);
	ctx.log.info(`Converted ${source} (${format}) to ${file}: ${conversion.accountIds.join(', ')}`);
	void vscode.window.showInformationMessage(
		tr(TEXT.written, lang, { count: conversion.accountIds.length, source, file }),
	);
}

export function registerConvertCommand(ctx: FeatureContext): void {
	ctx.registerCommand(Commands.convertToConfig, (uri?: unknown) => convertActive(ctx, uri));
}
