/**
 * The editor's discovery commands: "Mail: New Account from Email Address…" and the two commands behind the server's
 * code actions ("Fill in server settings for <domain>", "Look up the tenant ID of <domain>"). Lookups run only when
 * the user asks, with progress and cancel, and never in an untrusted workspace; with the user setting
 * `mailcfg.discovery.offline` they read only the bundled provider data, as `mailcfg discover --offline` does. Where each value came from goes to
 * the output channel (the same report as `mailcfg discover`) and into the closing message.
 */
import * as vscode from 'vscode';
import { isMailcfgDocument } from '../core/config/document-kind';
import type { Edit } from 'jsonc-parser';
import { parseMailAddress } from '../core/discovery/address';
import { STEP_NAMES } from '../core/discovery/render';
import type { DiscoveryResult, ServerCandidate } from '../core/discovery/types';
import { type Lang, type Localized, tr } from '../core/i18n';
import { Commands, SettingKeys } from '../shared/ids';
import { type DiscoveryCommandArgs, discoveryArgsFrom } from '../shared/protocol';
import type { ClientContext, FeatureContext } from './context';
import { freeFileName } from './new-config';
import { type DiscoverySettings, readDiscoverySettings } from './configuration';
import { extraCas } from './trusted-cas';

type Runner = typeof import('./discovery-runner');

let loaded: Runner | undefined;

/** dist/discovery-runner.js, required on first use (esbuild keeps the path external in dist/features.js). */
function runner(): Runner {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load has to be a runtime require.
	loaded ??= require('./discovery-runner.js') as Runner;
	return loaded;
}

const TEXT = {
	prompt: {
		en: 'Email address of the mailbox: servers, sign-in and tenant are looked up (DNS and HTTPS)',
		de: 'E-Mail-Adresse des Postfachs: Server, Anmeldung und Mandant werden nachgeschlagen (DNS und HTTPS)',
	},
	promptOffline: {
		en: 'Email address of the mailbox: servers and sign-in come from the bundled provider data only (mailcfg.discovery.offline)',
		de: 'E-Mail-Adresse des Postfachs: Server und Anmeldung kommen nur aus den mitgelieferten Anbieterdaten (mailcfg.discovery.offline)',
	},
	invalid: { en: 'Not an email address.', de: 'Keine E-Mail-Adresse.' },
	progress: { en: 'Looking up mail settings for {email}…', de: 'Mail-Einstellungen für {email} werden gesucht…' },
	progressTenant: {
		en: 'Looking up the tenant ID of {domain}…',
		de: 'Mandanten-ID von {domain} wird nachgeschlagen…',
	},
	untrusted: {
		en: 'Looking up mail settings needs a trusted workspace (it queries DNS and web servers).',
		de: 'Das Nachschlagen von Mail-Einstellungen braucht einen vertrauenswürdigen Arbeitsbereich (es fragt DNS- und Webserver ab).',
	},
	nothing: {
		en: 'No mail settings found for {email}. The output "Mail Account Config" lists what was tried.',
		de: 'Keine Mail-Einstellungen für {email} gefunden. Die Ausgabe „Mail Account Config“ zeigt, was versucht wurde.',
	},
	added: {
		en: 'Added account "{id}" to {file}: {summary}. Store the secret "{secret}" next.',
		de: 'Konto „{id}“ in {file} eingefügt: {summary}. Als Nächstes das Geheimnis „{secret}“ hinterlegen.',
	},
	filled: {
		en: 'Server settings of "{id}" filled in: {summary}.',
		de: 'Servereinstellungen von „{id}“ eingetragen: {summary}.',
	},
	noAccountSuggested: {
		en: 'Only unencrypted servers were found for {email}; no account was added. Details are in the output.',
		de: 'Für {email} wurden nur unverschlüsselte Server gefunden; es wurde kein Konto eingefügt. Details in der Ausgabe.',
	},
	tenantSet: {
		en: 'Tenant of {domain}: {tenant} (from {url}).',
		de: 'Mandant von {domain}: {tenant} (aus {url}).',
	},
	noTenant: {
		en: '{domain} is not a verified domain of any Microsoft Entra tenant: enter the tenant ID or the tenant’s onmicrosoft.com domain by hand.',
		de: '{domain} ist in keinem Microsoft-Entra-Mandanten als Domäne verifiziert: die Mandanten-ID oder die onmicrosoft.com-Domäne des Mandanten von Hand eintragen.',
	},
	tenantOffline: {
		en: 'The tenant ID of {domain} can only be looked up online (HTTPS to Microsoft Entra); the setting mailcfg.discovery.offline is on.',
		de: 'Die Mandanten-ID von {domain} lässt sich nur online nachschlagen (HTTPS zu Microsoft Entra); die Einstellung mailcfg.discovery.offline ist aktiv.',
	},
	invalidSetting: {
		en: 'Nothing was looked up: the user setting {keys} has a value discovery cannot use (see its description).',
		de: 'Es wurde nichts nachgeschlagen: Die Benutzereinstellung {keys} hat einen Wert, den die Serversuche nicht verwenden kann (siehe ihre Beschreibung).',
	},
	failed: { en: 'The lookup failed: {reason}', de: 'Die Suche ist fehlgeschlagen: {reason}' },
	accountGone: {
		en: 'The account changed while the lookup ran; nothing was edited.',
		de: 'Das Konto hat sich während der Suche geändert; es wurde nichts bearbeitet.',
	},
	showDetails: { en: 'Show details', de: 'Details anzeigen' },
	storeSecret: { en: 'Store secret…', de: 'Geheimnis hinterlegen…' },
	enableFirst: { en: 'Before the first sign-in: {text}', de: 'Vor der ersten Anmeldung: {text}' },
	openPage: { en: 'Open provider page', de: 'Anbieterseite öffnen' },
	from: { en: '{value} ({source})', de: '{value} ({source})' },
} satisfies Record<string, Localized>;

const STEP_TIMEOUT_MS = 5000;

/**
 * DNS and HTTPS clients with the user's endpoint overrides (tests, proxies). The extra CAs of connection tests (system
 * store, `mailcfg.probe.extraCaCertificates`) count for lookups too.
 */
async function networkOptions(settings: DiscoverySettings, signal: AbortSignal) {
	const files = vscode.workspace.getConfiguration().get<unknown[]>(SettingKeys.probeExtraCaCertificates, []);
	const { certs } = await extraCas(Array.isArray(files) ? files : []);
	const { nodeDnsClient, nodeHttpClient, DEFAULT_AUTHORITY_HOST } = runner();
	const servers = settings.dnsServer ? [settings.dnsServer] : undefined;
	const dns = nodeDnsClient({ ...(servers ? { servers } : {}), timeoutMs: STEP_TIMEOUT_MS });
	return {
		dns,
		// With a DNS override, the autoconfig hosts resolve through it as well (as `mailcfg discover --dns`).
		http: nodeHttpClient({ extraCa: certs, ...(servers ? { dns } : {}) }),
		timeoutMs: STEP_TIMEOUT_MS,
		signal,
		authorityHost: settings.authorityHost ?? DEFAULT_AUTHORITY_HOST,
		...(settings.httpsPort !== undefined ? { ports: { https: settings.httpsPort } } : {}),
	};
}

/** What `discover` gets: the bundled data only when the user set `mailcfg.discovery.offline` (as `--offline`). */
async function discoveryOptions(settings: DiscoverySettings, signal: AbortSignal) {
	return settings.offline ? { offline: true, signal } : networkOptions(settings, signal);
}

/** The user's discovery settings, or undefined (after saying which value is wrong) when one is unusable. */
function usableSettings(ctx: ClientContext): DiscoverySettings | undefined {
	const settings = readDiscoverySettings();
	if (settings.invalid.length === 0) return settings;
	void vscode.window.showErrorMessage(tr(TEXT.invalidSetting, ctx.lang(), { keys: settings.invalid.join(', ') }));
	return undefined;
}

/** Runs `work` under a cancellable notification; undefined when the user cancelled. */
async function withProgress<T>(title: string, work: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
	return vscode.window.withProgress(
		{ location: vscode.ProgressLocation.Notification, title, cancellable: true },
		async (_progress, token) => {
			const controller = new AbortController();
			const subscription = token.onCancellationRequested(() => controller.abort());
			try {
				return await work(controller.signal);
			} catch (error) {
				if (controller.signal.aborted) return undefined;
				throw error;
			} finally {
				subscription.dispose();
			}
		},
	);
}

function trusted(ctx: ClientContext): boolean {
	if (vscode.workspace.isTrusted) return true;
	void vscode.window.showWarningMessage(tr(TEXT.untrusted, ctx.lang()));
	return false;
}

/** "outlook.office365.com:993 (MX records), tenant … (tenant)": the chosen values with their step. */
function summary(result: DiscoveryResult, ctx: ClientContext): string {
	const lang = ctx.lang();
	const chosen = (list: ServerCandidate[], host: string | undefined) => list.find((s) => s.host === host);
	const parts = [chosen(result.imap, result.account?.imap?.host), chosen(result.smtp, result.account?.smtp?.host)]
		.filter((s): s is ServerCandidate => s !== undefined)
		.map((s) => tr(TEXT.from, lang, { value: `${s.host}:${s.port}`, source: tr(STEP_NAMES[s.source], lang) }));
	if (result.tenant) {
		parts.push(tr(TEXT.from, lang, { value: `tenant ${result.tenant.id}`, source: tr(STEP_NAMES.tenant, lang) }));
	}
	return parts.join(', ');
}

function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly Edit[]): vscode.WorkspaceEdit {
	const edit = new vscode.WorkspaceEdit();
	for (const e of edits) {
		const range = new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length));
		edit.replace(document.uri, range, e.content);
	}
	return edit;
}

function secretOf(result: DiscoveryResult): string | undefined {
	const auth = result.account?.auth;
	const reference = auth?.password ?? auth?.oauth2?.clientSecret;
	return reference ? /^\$\{secret:([^}]+)\}$/.exec(reference)?.[1] : undefined;
}

/**
 * The closing message of a lookup, with the step the provider asks for before the first sign-in ("allow IMAP once")
 * and a button to its page; VS Code asks before it opens a page of a domain the user has not trusted.
 */
async function report(
	ctx: ClientContext,
	result: DiscoveryResult,
	message: string,
	options: { warn?: boolean; offerSecret?: boolean } = {},
): Promise<void> {
	const lang = ctx.lang();
	ctx.log.info(runner().renderDiscoveryText(result, lang));
	const secret = options.offerSecret !== false && !options.warn ? secretOf(result) : undefined;
	const enable = options.warn ? null : result.enable;
	const buttons = [
		tr(TEXT.showDetails, lang),
		...(secret ? [tr(TEXT.storeSecret, lang)] : []),
		...(enable ? [tr(TEXT.openPage, lang)] : []),
	];
	const text = enable
		? `${message} ${tr(TEXT.enableFirst, lang, { text: runner().enableText(enable, lang) })}`
		: message;
	const show = options.warn ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
	const picked = await show(text, ...buttons);
	if (picked === tr(TEXT.showDetails, lang)) ctx.log.show(true);
	else if (picked === tr(TEXT.storeSecret, lang)) await vscode.commands.executeCommand(Commands.storeSecret, secret);
	else if (picked === tr(TEXT.openPage, lang) && enable) await vscode.env.openExternal(vscode.Uri.parse(enable.url));
}

function reasonOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** The open mail config of the active editor, if any: the new account goes there. */
function activeConfig(): vscode.TextDocument | undefined {
	const document = vscode.window.activeTextEditor?.document;
	return document && isMailcfgDocument(document.uri.toString(), document.getText()) ? document : undefined;
}

async function newAccountFromEmail(ctx: ClientContext): Promise<void> {
	if (!trusted(ctx)) return;
	const settings = usableSettings(ctx);
	if (!settings) return;
	const lang = ctx.lang();
	const email = await vscode.window.showInputBox({
		prompt: tr(settings.offline ? TEXT.promptOffline : TEXT.prompt, lang),
		placeHolder: 'import@contoso.com',
		ignoreFocusOut: true,
		validateInput: (value) => (value.trim() === '' || parseMailAddress(value) ? undefined : tr(TEXT.invalid, lang)),
	});
	if (!email?.trim()) return;
	const target = activeConfig();
	let result: DiscoveryResult | undefined;
	try {
		result = await withProgress(tr(TEXT.progress, lang, { email: email.trim() }), async (signal) =>
			runner().discover(email, {
				...(await discoveryOptions(settings, signal)),
				...(target ? { existingIds: runner().accountIdsIn(target.getText()) } : {}),
			}),
		);
	} catch (error) {
		void vscode.window.showErrorMessage(tr(TEXT.failed, lang, { reason: reasonOf(error) }));
		return;
	}
	if (!result) return;
	if (!result.account) {
		const nothing = result.imap.length + result.smtp.length === 0;
		await report(ctx, result, tr(nothing ? TEXT.nothing : TEXT.noAccountSuggested, lang, { email: result.email }), {
			warn: true,
		});
		return;
	}
	const document = target ?? (await newConfigDocument(result.account.id));
	const applied = await vscode.workspace.applyEdit(
		toWorkspaceEdit(document, runner().insertAccountEdits(document.getText(), result.account)),
	);
	if (!applied) return;
	await vscode.window.showTextDocument(document);
	const file = document.uri.path.split('/').pop() ?? document.uri.toString();
	const args = { id: result.account.id, file, summary: summary(result, ctx), secret: secretOf(result) ?? '' };
	await report(ctx, result, tr(TEXT.added, lang, args));
}

/** A new, empty config file in the (first chosen) workspace folder, or an untitled document without one. */
async function newConfigDocument(stem: string): Promise<vscode.TextDocument> {
	const folders = vscode.workspace.workspaceFolders ?? [];
	const folder = folders.length > 1 ? await vscode.window.showWorkspaceFolderPick() : folders[0];
	if (!folder) return vscode.workspace.openTextDocument({ language: 'jsonc', content: '' });
	const uri = await freeFileName(folder.uri, stem);
	await vscode.workspace.fs.writeFile(uri, new Uint8Array());
	return vscode.workspace.openTextDocument(uri);
}

async function accountIndex(
	document: vscode.TextDocument,
	args: DiscoveryCommandArgs,
	lang: Lang,
): Promise<number | undefined> {
	const index = runner().findAccount(document.getText(), {
		...(args.accountId !== undefined ? { accountId: args.accountId } : {}),
		index: args.accountIndex,
		email: args.email,
	});
	if (index === undefined) void vscode.window.showWarningMessage(tr(TEXT.accountGone, lang));
	return index;
}

async function fillServerSettings(ctx: ClientContext, raw: unknown): Promise<void> {
	const args = discoveryArgsFrom(raw);
	if (!args || !trusted(ctx)) return;
	const settings = usableSettings(ctx);
	if (!settings) return;
	const lang = ctx.lang();
	let result: DiscoveryResult | undefined;
	try {
		result = await withProgress(tr(TEXT.progress, lang, { email: args.email }), async (signal) =>
			runner().discover(args.email, await discoveryOptions(settings, signal)),
		);
	} catch (error) {
		void vscode.window.showErrorMessage(tr(TEXT.failed, lang, { reason: reasonOf(error) }));
		return;
	}
	if (!result) return;
	if (!result.account) {
		const nothing = result.imap.length + result.smtp.length === 0;
		await report(ctx, result, tr(nothing ? TEXT.nothing : TEXT.noAccountSuggested, lang, { email: args.email }), {
			warn: true,
		});
		return;
	}
	const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
	const index = await accountIndex(document, args, lang);
	if (index === undefined) return;
	const edits = runner().fillServersEdits(document.getText(), index, result.account);
	if (edits.length > 0 && !(await vscode.workspace.applyEdit(toWorkspaceEdit(document, edits)))) return;
	const message = tr(TEXT.filled, lang, { id: args.accountId ?? args.email, summary: summary(result, ctx) });
	await report(ctx, result, message, { offerSecret: false });
}

async function lookupTenantCommand(ctx: ClientContext, raw: unknown): Promise<void> {
	const args = discoveryArgsFrom(raw);
	if (!args || !trusted(ctx)) return;
	const settings = usableSettings(ctx);
	if (!settings) return;
	const lang = ctx.lang();
	if (settings.offline) {
		void vscode.window.showWarningMessage(tr(TEXT.tenantOffline, lang, { domain: args.domain }));
		return;
	}
	const { lookupTenant } = runner();
	let found: Awaited<ReturnType<typeof lookupTenant>> | undefined;
	try {
		found = await withProgress(tr(TEXT.progressTenant, lang, { domain: args.domain }), async (signal) => {
			const bounded = AbortSignal.any([signal, AbortSignal.timeout(STEP_TIMEOUT_MS)]);
			const options = await networkOptions(settings, bounded);
			return lookupTenant(options.http, options.authorityHost, args.domain, options.signal);
		});
	} catch (error) {
		void vscode.window.showErrorMessage(tr(TEXT.failed, lang, { reason: reasonOf(error) }));
		return;
	}
	if (!found) return;
	if (found.kind === 'no-tenant') {
		void vscode.window.showWarningMessage(tr(TEXT.noTenant, lang, { domain: args.domain }));
		return;
	}
	if (found.kind === 'failed') {
		void vscode.window.showErrorMessage(tr(TEXT.failed, lang, { reason: found.message }));
		return;
	}
	const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
	const index = await accountIndex(document, args, lang);
	if (index === undefined) return;
	const edits = runner().setTenantEdits(document.getText(), index, found.id);
	if (!(await vscode.workspace.applyEdit(toWorkspaceEdit(document, edits)))) return;
	const message = tr(TEXT.tenantSet, lang, { domain: args.domain, tenant: found.id, url: found.url });
	ctx.log.info(message);
	void vscode.window.showInformationMessage(message);
}

export function registerDiscoveryCommands(ctx: FeatureContext): void {
	ctx.registerCommand(Commands.newAccountFromEmail, () => newAccountFromEmail(ctx));
	ctx.registerCommand(Commands.fillServerSettings, (args: unknown) => fillServerSettings(ctx, args));
	ctx.registerCommand(Commands.lookupTenant, (args: unknown) => lookupTenantCommand(ctx, args));
}
