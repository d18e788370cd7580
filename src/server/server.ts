import {
	type CancellationToken,
	type CodeAction,
	type CompletionList,
	CodeActionKind,
	type Connection,
	type Diagnostic,
	DidChangeConfigurationNotification,
	type DocumentDiagnosticReport,
	type Hover,
	type InitializeResult,
	LSPErrorCodes,
	ResponseError,
	TextDocumentSyncKind,
	TextDocuments,
} from 'vscode-languageserver';
import type { Clock } from '../core/clock';
import { AnalysisCache, type Validation, analyzeEdit, analyzeText } from '../core/config/analyze';
import { isConfigFileName, isMailcfgDocument } from '../core/config/document-kind';
import { analyzeSource, documentFormat } from '../core/sources/analyze';
import type { Finding } from '../core/config/findings';
import { type JsonSchema, buildSchema } from '../core/config/schema-source';
import { type Lang, type Localized, resolveLang, tr } from '../core/i18n';
import { DiagnosticSources } from '../shared/ids';
import { FIX_ALL_KIND, type InitializationOptions } from '../shared/protocol';
import { codeActions } from './code-actions';
import { toDiagnostic } from './diagnostics';
import { PartedDocument } from './parted-document';
import { discoveryCodeActions } from './discovery-actions';
import { schemaHover } from './hover';
import { DEFAULT_SERVER_SETTINGS, type ServerSettings, parseServerSettings } from './settings';
import { walkthroughActionTitle } from '../core/walkthroughs/action-title';
import { SchemaCompletion } from './completion';

/** What the server needs from its surroundings; tests pass a fixed clock and a short push delay. */
export interface ServerRuntime {
	/** "Today" for date-dependent rules. */
	now: Clock;
	/** Reported in `initialize` → `serverInfo`. */
	version: string;
	/** Quiet time after the last change before pushed diagnostics are computed (push mode only). Default 200 ms. */
	pushDelayMs?: number;
	/** The analysis to run; defaults to core's analyzeText (tests wrap it to count how often it runs). */
	analyze?: typeof analyzeText;
}

const SETTINGS_SECTION = 'mailcfg';

const FIX_ALL_TITLE: Localized = {
	en: 'Fix all auto-fixable mail config problems',
	de: 'Alle automatisch behebbaren Probleme der Mail-Konfiguration beheben',
};

/** The findings for one version of a document under one set of settings; diagnostics are derived on first use. */
interface Analysis {
	version: number;
	settingsKey: string;
	findings: Finding[];
	diagnostics?: Diagnostic[];
}

/**
 * Wires the mailcfg rules into an LSP connection and starts listening. Works with any LSP client: pull
 * diagnostics when the client declares `textDocument.diagnostic`, pushed (debounced) diagnostics otherwise.
 * Nothing here throws into the connection: a failing analysis is logged and yields no findings.
 */
export function startServer(connection: Connection, runtime: ServerRuntime): void {
	const documents = new TextDocuments(PartedDocument);
	const pushDelayMs = runtime.pushDelayMs ?? 200;
	const analyze = runtime.analyze ?? analyzeText;

	let locale: string | undefined;
	let pullDiagnostics = false;
	let configurationRequests = false;
	let refreshSupport = false;
	let documentChanges = false;
	let registerForConfigurationChanges = false;
	let validation: Validation = 'full';
	let discoveryCommands = false;
	let walkthroughCommand = false;
	let completion: SchemaCompletion | undefined;
	/** Settings sent with `didChangeConfiguration`, for clients that cannot answer `workspace/configuration`. */
	let pushedSettings: ServerSettings = DEFAULT_SERVER_SETTINGS;
	const settingsCache = new Map<string, Promise<ServerSettings>>();
	const analyses = new Map<string, Analysis>();
	/**
	 * Per document: what its last analysis leaves for the next, and the version it analysed, so an edit re-checks
	 * only the accounts it touched.
	 */
	const caches = new Map<string, { cache: AnalysisCache; version: number }>();
	const pendingPushes = new Map<string, ReturnType<typeof setTimeout>>();
	let settingsGeneration = 0;

	const log = (message: string): void => connection.console.error(message);

	connection.onInitialize((params): InitializeResult => {
		const capabilities = params.capabilities;
		locale = params.locale;
		pullDiagnostics = capabilities.textDocument?.diagnostic !== undefined;
		configurationRequests = capabilities.workspace?.configuration === true;
		refreshSupport = capabilities.workspace?.diagnostics?.refreshSupport === true;
		documentChanges = capabilities.workspace?.workspaceEdit?.documentChanges === true;
		registerForConfigurationChanges = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
		const options = params.initializationOptions as InitializationOptions | undefined;
		validation = options?.validation === 'rules-only' ? 'rules-only' : 'full';
		discoveryCommands = options?.discoveryCommands === true;
		walkthroughCommand = options?.walkthroughCommand === true;
		completion = validation === 'full' ? new SchemaCompletion(capabilities) : undefined;
		return {
			capabilities: {
				textDocumentSync: TextDocumentSyncKind.Incremental,
				codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
				// Where another JSON server owns the schema (VS Code), it also provides the schema hovers.
				hoverProvider: validation === 'full',
				// Likewise completion: VS Code's JSON server completes from the contributed schema; other editors get ours.
				...(completion ? { completionProvider: { triggerCharacters: ['"', ':'] } } : {}),
				...(pullDiagnostics
					? {
							diagnosticProvider: {
								identifier: DiagnosticSources.rules,
								interFileDependencies: false,
								workspaceDiagnostics: false,
							},
						}
					: {}),
			},
			serverInfo: { name: 'mailcfg', version: runtime.version },
		};
	});

	connection.onInitialized((): void => {
		// Some editors send configuration changes only for sections the server registered for.
		if (configurationRequests && registerForConfigurationChanges) {
			void connection.client
				.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION })
				.catch(() => undefined);
		}
	});

	function settingsFor(uri: string): Promise<ServerSettings> {
		if (!configurationRequests) return Promise.resolve(pushedSettings);
		let settings = settingsCache.get(uri);
		if (!settings) {
			settings = connection.workspace
				.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
				.then(parseServerSettings, (error: unknown) => {
					log(`mailcfg: reading settings failed, using defaults: ${describe(error)}`);
					return DEFAULT_SERVER_SETTINGS;
				});
			settingsCache.set(uri, settings);
		}
		return settings;
	}

	function langOf(settings: ServerSettings): Lang {
		return resolveLang(settings.language, locale);
	}

	/**
	 * The analysis of the document as it is now. Cached per uri, version and settings: pulls, pushes and code
	 * actions for the same version share one run, and a file that is no mail config is only recognised once.
	 */
	async function analysisFor(document: PartedDocument, token?: CancellationToken): Promise<Analysis> {
		const settings = await settingsFor(document.uri);
		// Read after the await: edits that arrived meanwhile are already applied, and version and text belong together.
		const version = document.version;
		const lang = langOf(settings);
		const settingsKey = `${lang}:${settings.rulesDisabled.join(',')}`;
		const cached = analyses.get(document.uri);
		if (cached?.version === version && cached.settingsKey === settingsKey) return cached;
		// Clients cancel pulls and code-action requests once the text changed again: a stale answer is not worth an
		// analysis.
		if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
		let findings: Finding[] = [];
		try {
			const options = { lang, now: runtime.now, disabledRules: settings.rulesDisabled, validation };
			// A config file by name needs no look at its text (which an edit would have to join first).
			const format = isConfigFileName(document.uri) ? 'json' : documentFormat(document.uri, document.getText());
			if (format === 'json') {
				let entry = caches.get(document.uri);
				if (!entry) caches.set(document.uri, (entry = { cache: new AnalysisCache(), version }));
				const change = document.changeSince(entry.version);
				entry.version = version;
				findings = change
					? analyzeEdit(document, change, options, entry.cache)
					: analyze(document.getText(), options, entry.cache);
			}
			// Other tools' files (.env, Spring, Postfix, msmtp, mbsync) are recognised by name only.
			else if (format) {
				findings = analyzeSource(document.getText(), format, { ...options, context: { fileName: document.uri } });
			}
		} catch (error) {
			// Never log the text itself: config files can hold passwords.
			log(`mailcfg: analysing ${document.uri} failed: ${describe(error)}`);
		}
		const analysis: Analysis = { version, settingsKey, findings };
		analyses.set(document.uri, analysis);
		return analysis;
	}

	function diagnosticsOf(analysis: Analysis): Diagnostic[] {
		analysis.diagnostics ??= analysis.findings.map(toDiagnostic);
		return analysis.diagnostics;
	}

	connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
		const document = documents.get(params.textDocument.uri);
		if (!document) return { kind: 'full', items: [] };
		const generation = settingsGeneration;
		if (params.previousResultId === resultIdOf(generation, document.version)) {
			return { kind: 'unchanged', resultId: params.previousResultId };
		}
		const analysis = await analysisFor(document, token);
		return {
			kind: 'full',
			resultId: resultIdOf(generation, analysis.version),
			items: diagnosticsOf(analysis),
		};
	});

	async function publish(uri: string): Promise<void> {
		const document = documents.get(uri);
		if (!document) return;
		const version = document.version;
		const analysis = await analysisFor(document);
		// A newer edit arrived while the settings were fetched: its own push follows.
		if (analysis.version !== version || documents.get(uri) !== document) return;
		await connection.sendDiagnostics({ uri, version, diagnostics: diagnosticsOf(analysis) });
	}

	function schedulePush(uri: string): void {
		clearTimeout(pendingPushes.get(uri));
		pendingPushes.set(
			uri,
			setTimeout(() => {
				pendingPushes.delete(uri);
				publish(uri).catch((error: unknown) => log(`mailcfg: publishing diagnostics failed: ${describe(error)}`));
			}, pushDelayMs),
		);
	}

	documents.onDidChangeContent(({ document }) => {
		if (!pullDiagnostics) schedulePush(document.uri);
	});

	documents.onDidClose(({ document }) => {
		analyses.delete(document.uri);
		caches.delete(document.uri);
		settingsCache.delete(document.uri);
		clearTimeout(pendingPushes.get(document.uri));
		pendingPushes.delete(document.uri);
		if (!pullDiagnostics) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
	});

	connection.onDidChangeConfiguration((params) => {
		settingsGeneration++;
		settingsCache.clear();
		analyses.clear();
		if (!configurationRequests) {
			const all = params.settings as Record<string, unknown> | null | undefined;
			pushedSettings = parseServerSettings(all?.[SETTINGS_SECTION]);
		}
		if (!pullDiagnostics) {
			for (const document of documents.all()) schedulePush(document.uri);
		} else if (refreshSupport) {
			connection.languages.diagnostics.refresh().catch(() => undefined);
		}
	});

	connection.onCodeAction(async (params, token): Promise<CodeAction[]> => {
		const document = documents.get(params.textDocument.uri);
		if (!document) return [];
		const { findings, version } = await analysisFor(document, token);
		const lang = langOf(await settingsFor(document.uri));
		const target = { uri: document.uri, version, documentChanges };
		const walkthroughs = walkthroughCommand ? { title: (ref: string) => walkthroughActionTitle(ref, lang) } : undefined;
		const actions = codeActions(findings, params, target, tr(FIX_ALL_TITLE, lang), walkthroughs);
		return discoveryCommands ? [...actions, ...discoveryCodeActions(document, findings, params, lang)] : actions;
	});

	const schemas = new Map<Lang, JsonSchema>();
	connection.onHover(async (params): Promise<Hover | null> => {
		const document = documents.get(params.textDocument.uri);
		if (!document || validation !== 'full') return null;
		const text = document.getText();
		if (!isMailcfgDocument(document.uri, text)) return null;
		const lang = langOf(await settingsFor(document.uri));
		let schema = schemas.get(lang);
		if (!schema) {
			schema = buildSchema(lang);
			schemas.set(lang, schema);
		}
		try {
			return schemaHover(text, document.offsetAt(params.position), schema);
		} catch (error) {
			log(`mailcfg: hover failed: ${describe(error)}`);
			return null;
		}
	});

	connection.onCompletion(async (params): Promise<CompletionList | null> => {
		const document = documents.get(params.textDocument.uri);
		if (!document || !completion || !isMailcfgDocument(document.uri, document.getText())) return null;
		try {
			return await completion.complete(document, params.position, langOf(await settingsFor(document.uri)));
		} catch (error) {
			log(`mailcfg: completion failed: ${describe(error)}`);
			return null;
		}
	});

	documents.listen(connection);
	connection.listen();
}

/** Changes with the text and with the settings, so a client's `previousResultId` is current only when both are. */
function resultIdOf(settingsGeneration: number, version: number): string {
	return `${settingsGeneration}:${version}`;
}

function describe(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
