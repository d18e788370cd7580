// A minimal LSP client for the server tests: talks JSON-RPC to the real dist/server.js over stdio, or to
// startServer() in-process over a pair of streams.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import {
	type CancellationToken,
	type ClientCapabilities,
	type CodeAction,
	CodeActionRequest,
	type CompletionItem,
	CompletionRequest,
	ConfigurationRequest,
	type Diagnostic,
	DidChangeConfigurationNotification,
	DidChangeTextDocumentNotification,
	DidCloseTextDocumentNotification,
	DidOpenTextDocumentNotification,
	DocumentDiagnosticRequest,
	type Hover,
	HoverRequest,
	type DocumentDiagnosticReport,
	ExitNotification,
	InitializeRequest,
	type InitializeResult,
	InitializedNotification,
	LogMessageNotification,
	type ProtocolConnection,
	PublishDiagnosticsNotification,
	type PublishDiagnosticsParams,
	type Range,
	RegistrationRequest,
	ShutdownRequest,
	StreamMessageReader,
	StreamMessageWriter,
	createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { createConnection } from 'vscode-languageserver/node';
import { fixedClock } from '../../../src/core/clock';
import { type ServerRuntime, startServer } from '../../../src/server/server';

export const SERVER_JS = join(__dirname, '../../../dist/server.js');

export interface ClientOptions {
	/** Declare `textDocument.diagnostic` (pull model). */
	pull: boolean;
	/** Answer `workspace/configuration`; without it the server relies on `didChangeConfiguration`. */
	configuration?: boolean;
	locale?: string;
	initializationOptions?: unknown;
	/** The `mailcfg` section returned for `workspace/configuration`. */
	settings?: Record<string, unknown>;
	/** In-process only: the analysis the server runs (tests wrap the real one to count runs). */
	analyze?: ServerRuntime['analyze'];
}

export class LspClient {
	readonly published: PublishDiagnosticsParams[] = [];
	readonly logs: string[] = [];
	settings: Record<string, unknown>;
	configurationRequests = 0;
	/** Called on each `workspace/configuration` request before it is answered. */
	onConfigurationRequest: (() => void) | undefined;
	stopping = false;
	private version = new Map<string, number>();
	private waiters: (() => void)[] = [];

	private constructor(
		readonly connection: ProtocolConnection,
		private readonly stop: () => void,
		private readonly inProcess: boolean,
		options: ClientOptions,
	) {
		this.settings = options.settings ?? {};
		connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
			this.published.push(params);
			for (const wake of this.waiters.splice(0)) wake();
		});
		connection.onNotification(LogMessageNotification.type, (params) => {
			this.logs.push(params.message);
		});
		connection.onRequest(ConfigurationRequest.type, (params) => {
			this.configurationRequests++;
			this.onConfigurationRequest?.();
			return params.items.map((item) => (item.section === 'mailcfg' ? this.settings : null));
		});
		connection.onRequest(RegistrationRequest.type, () => undefined);
		connection.listen();
	}

	/** Spawns `node dist/server.js --stdio`, as an editor would. */
	static async spawn(
		options: ClientOptions,
	): Promise<{ client: LspClient; child: ChildProcess; init: InitializeResult }> {
		if (!existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: run \`npm run build\` first`);
		const child = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
		const connection = createProtocolConnection(
			new StreamMessageReader(child.stdout),
			new StreamMessageWriter(child.stdin),
		);
		const client = new LspClient(connection, () => child.kill(), false, options);
		// A server that dies must fail the test with its stderr, not leave a request pending forever.
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('exit', (code) => {
			if (client.stopping) return;
			process.stderr.write(`dist/server.js exited with ${code}:\n${stderr}\n`);
			connection.dispose();
		});
		const init = await client.initialize(options);
		return { client, child, init };
	}

	/** Runs startServer() in this process over in-memory streams (fast; same code as the bundle). */
	static async inProcess(
		options: ClientOptions,
		now = new Date('2026-05-01T00:00:00Z'),
	): Promise<{ client: LspClient; init: InitializeResult }> {
		const toServer = new PassThrough();
		const toClient = new PassThrough();
		const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
		startServer(serverConnection, {
			now: fixedClock(now),
			version: 'test',
			pushDelayMs: 10,
			...(options.analyze ? { analyze: options.analyze } : {}),
		});
		const connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
		const client = new LspClient(
			connection,
			() => {
				serverConnection.dispose();
				toServer.end();
				toClient.end();
			},
			true,
			options,
		);
		const init = await client.initialize(options);
		return { client, init };
	}

	private async initialize(options: ClientOptions): Promise<InitializeResult> {
		const capabilities: ClientCapabilities = {
			workspace: {
				configuration: options.configuration ?? true,
				didChangeConfiguration: { dynamicRegistration: true },
				workspaceEdit: { documentChanges: true },
				diagnostics: { refreshSupport: false },
			},
			textDocument: {
				publishDiagnostics: { versionSupport: true },
				codeAction: {
					codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
					isPreferredSupport: true,
				},
				completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
				...(options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
			},
		};
		const result = await this.connection.sendRequest(InitializeRequest.type, {
			// In-process, a process id would start the library's parent-process watchdog timer in the test runner.
			processId: this.inProcess ? null : process.pid,
			rootUri: null,
			capabilities,
			locale: options.locale,
			initializationOptions: options.initializationOptions,
		});
		await this.connection.sendNotification(InitializedNotification.type, {});
		return result;
	}

	async open(uri: string, text: string, languageId = 'json'): Promise<void> {
		this.version.set(uri, 1);
		await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
			textDocument: { uri, languageId, version: 1, text },
		});
	}

	/** Replaces the whole text (a full-document change event). */
	async change(uri: string, text: string): Promise<void> {
		const version = (this.version.get(uri) ?? 1) + 1;
		this.version.set(uri, version);
		await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
			textDocument: { uri, version },
			contentChanges: [{ text }],
		});
	}

	/** One incremental change: `range` of the current text replaced by `text`, as editors send a keystroke. */
	async edit(uri: string, range: Range, text: string): Promise<void> {
		const version = (this.version.get(uri) ?? 1) + 1;
		this.version.set(uri, version);
		await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
			textDocument: { uri, version },
			contentChanges: [{ range, text }],
		});
	}

	async close(uri: string): Promise<void> {
		await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
	}

	async pull(uri: string, previousResultId?: string, token?: CancellationToken): Promise<DocumentDiagnosticReport> {
		return this.connection.sendRequest(
			DocumentDiagnosticRequest.type,
			{ textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) },
			token,
		);
	}

	async pullItems(uri: string): Promise<Diagnostic[]> {
		const report = await this.pull(uri);
		if (report.kind !== 'full') throw new Error('expected a full report');
		return report.items;
	}

	async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
		const result = await this.connection.sendRequest(CodeActionRequest.type, {
			textDocument: { uri },
			range,
			context: { diagnostics, ...(only ? { only } : {}) },
		});
		return (result ?? []).filter((a): a is CodeAction => 'kind' in a || 'edit' in a);
	}

	async completion(uri: string, line: number, character: number): Promise<CompletionItem[]> {
		const result = await this.connection.sendRequest(CompletionRequest.type, {
			textDocument: { uri },
			position: { line, character },
		});
		return Array.isArray(result) ? result : (result?.items ?? []);
	}

	async hover(uri: string, line: number, character: number): Promise<Hover | null> {
		return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
	}

	async changeSettings(settings: Record<string, unknown>): Promise<void> {
		this.settings = settings;
		await this.connection.sendNotification(DidChangeConfigurationNotification.type, {
			settings: { mailcfg: settings },
		});
	}

	/** Waits for the next publishDiagnostics for `uri` that satisfies `accept` (default: any). */
	async nextPublished(
		uri: string,
		accept: (p: PublishDiagnosticsParams) => boolean = () => true,
		timeoutMs = 5000,
	): Promise<PublishDiagnosticsParams> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const found = this.published.find((p) => p.uri === uri && accept(p));
			if (found) {
				this.published.splice(this.published.indexOf(found), 1);
				return found;
			}
			const remaining = deadline - Date.now();
			if (remaining <= 0) throw new Error(`no matching publishDiagnostics for ${uri} within ${timeoutMs} ms`);
			await new Promise<void>((resolve) => {
				const timer = setTimeout(resolve, remaining);
				this.waiters.push(() => {
					clearTimeout(timer);
					resolve();
				});
			});
		}
	}

	async shutdown(): Promise<void> {
		this.stopping = true;
		try {
			await this.connection.sendRequest(ShutdownRequest.type);
			// `exit` ends the server's process: right for the spawned server, fatal for the test runner.
			if (!this.inProcess) await this.connection.sendNotification(ExitNotification.type);
		} finally {
			this.connection.dispose();
			this.stop();
		}
	}
}
