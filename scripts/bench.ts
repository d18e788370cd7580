// `npm run bench`: how long diagnostics take for large config files, in core (analyzeText) and through the real
// language server (didChange → textDocument/diagnostic over stdio). Prints medians and, because a shared machine
// adds noise that only ever slows a run down, the fastest run too; not a test, no thresholds.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
	DidChangeTextDocumentNotification,
	DidOpenTextDocumentNotification,
	DocumentDiagnosticRequest,
	ExitNotification,
	InitializeRequest,
	InitializedNotification,
	ShutdownRequest,
	StreamMessageReader,
	StreamMessageWriter,
	createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { systemClock } from '../src/core/clock';
import { analyzeText } from '../src/core/config/analyze';

const SIZES = [100, 1_000, 5_000];
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SERVER = join(__dirname, '../dist/server.js');

/** A realistic mix: clean OAuth2 imports, app-password printers, and accounts with typical mistakes. */
function account(i: number): Record<string, unknown> {
	switch (i % 4) {
		case 0:
			return {
				id: `import-${i}`,
				email: `import${i}@contoso.example`,
				auth: {
					method: 'oauth2',
					user: `import${i}@contoso.example`,
					oauth2: {
						flow: 'client-credentials',
						tenant: 'contoso.onmicrosoft.com',
						clientId: '00000000-0000-0000-0000-000000000000',
						clientSecret: '${secret:IMPORT_SECRET}',
						scopes: ['https://outlook.office365.com/.default'],
					},
				},
				imap: {
					host: 'outlook.office365.com',
					port: 993,
					security: 'tls',
					afterImport: { action: 'move', target: 'Done' },
				},
			};
		case 1:
			return {
				id: `printer-${i}`,
				email: `scanner${i}@contoso.example`,
				auth: { method: 'app-password', user: `scanner${i}@contoso.example`, password: 'abcdefghijklmnop' },
				smtp: { host: 'smtp.office365.com', port: 587, security: 'starttls' },
			};
		case 2:
			return {
				id: `gmail-${i}`,
				email: `erp${i}@gmail.com`,
				auth: { method: 'password', user: `erp${i}@gmail.com`, password: '${env:GMAIL_PASSWORD}' },
				imap: { host: 'imap.gmail.com', port: 143, security: 'tls' },
			};
		default:
			return {
				id: `gmx-${i}`,
				email: `archiv${i}@gmx.de`,
				auth: { method: 'password', user: `archiv${i}@gmx.de`, password: '${secret:GMX}' },
				imap: { host: 'imap.gmx.net', port: 993, security: 'tls', afterImport: { action: 'delete' } },
				smtp: { host: 'mail.gmx.net', port: 587, security: 'starttls' },
			};
	}
}

function config(accounts: number): string {
	return JSON.stringify({ accounts: Array.from({ length: accounts }, (_, i) => account(i)) }, null, '\t');
}

/** `median (min)` in milliseconds. */
function summary(values: number[]): string {
	const sorted = [...values].sort((a, b) => a - b);
	const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
	return `${median.toFixed(1)} ms (${(sorted[0] ?? Number.NaN).toFixed(1)})`;
}

async function main(): Promise<void> {
	if (!existsSync(SERVER)) throw new Error('dist/server.js is missing: run `npm run build` first');
	const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
	const connection = createProtocolConnection(
		new StreamMessageReader(child.stdout),
		new StreamMessageWriter(child.stdin),
	);
	connection.listen();
	await connection.sendRequest(InitializeRequest.type, {
		processId: process.pid,
		rootUri: null,
		capabilities: { textDocument: { diagnostic: {} } },
		locale: 'en',
	});
	await connection.sendNotification(InitializedNotification.type, {});

	const rows: string[][] = [
		['accounts', 'size', 'findings', 'analyzeText median (min)', 'LSP didChange→pull median (min)'],
	];
	for (const size of SIZES) {
		const text = config(size);
		const core: number[] = [];
		let findings = 0;
		// Run -1 warms the JIT and the schema compiler up and is not timed, in both columns.
		for (let run = -1; run < RUNS; run++) {
			const start = performance.now();
			findings = analyzeText(text, { lang: 'en', now: systemClock }).length;
			if (run >= 0) core.push(performance.now() - start);
		}

		const uri = `file:///bench/${size}.mailaccounts.json`;
		let version = 1;
		await connection.sendNotification(DidOpenTextDocumentNotification.type, {
			textDocument: { uri, languageId: 'json', version, text },
		});
		const lsp: number[] = [];
		for (let run = -1; run < RUNS; run++) {
			// A new version each run, so the server cannot answer from its cache.
			const start = performance.now();
			await connection.sendNotification(DidChangeTextDocumentNotification.type, {
				textDocument: { uri, version: ++version },
				contentChanges: [{ text: `${text}${' '.repeat(run + 2)}` }],
			});
			await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
			if (run >= 0) lsp.push(performance.now() - start);
		}
		rows.push([String(size), `${(text.length / 1024).toFixed(0)} KiB`, String(findings), summary(core), summary(lsp)]);
	}
	await connection.sendRequest(ShutdownRequest.type);
	await connection.sendNotification(ExitNotification.type);
	connection.dispose();

	const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
	const line = (r: string[]) => r.map((cell, c) => cell.padStart(widths[c]!)).join('  ');
	process.stdout.write(`${line(rows[0]!)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
	for (const r of rows.slice(1)) process.stdout.write(`${line(r)}\n`);
	process.stdout.write(`(${RUNS} runs each; BENCH_RUNS=n to change)\n`);
}

main().catch((error: unknown) => {
	process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exitCode = 1;
});
