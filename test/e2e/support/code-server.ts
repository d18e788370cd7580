/**
 * Runs the packaged extension inside code-server (VS Code 1.100.3 served to a browser), the only real VS Code
 * these machines can run: @vscode/test-electron would download VS Code from Microsoft. Shared by the e2e suite
 * and `npm run sandbox`.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..', '..');

/** Installs code-server into its cache once (scripts/e2e-setup.sh) and returns its entry script. */
export function ensureCodeServer(): string {
	const out = execFileSync('bash', [join(ROOT, 'scripts', 'e2e-setup.sh')], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const entry = out.trim().split('\n').at(-1);
	if (!entry || !existsSync(entry)) throw new Error(`scripts/e2e-setup.sh did not yield code-server (got '${out}')`);
	return entry;
}

/**
 * The VSIX to test: $MAILCFG_E2E_VSIX, else the one `npm run package` made (`npm run test:e2e` packages first), else
 * packages now. `fresh` always packages the current tree (the sandbox should never show a stale build).
 */
export function ensureVsix(options: { fresh?: boolean } = {}): string {
	const given = process.env['MAILCFG_E2E_VSIX'];
	if (given) return resolve(given);
	const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
		name: string;
		version: string;
	};
	const vsix = join(ROOT, `${name}-${version}.vsix`);
	if (options.fresh || !existsSync(vsix)) {
		execFileSync(process.execPath, [join(ROOT, 'scripts', 'package.mjs')], { cwd: ROOT, stdio: 'inherit' });
	}
	return vsix;
}

/** A free loopback port. code-server takes a port, not a listening socket, so there is a tiny race; fine locally. */
export function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject()));
		});
	});
}

export interface CodeServerOptions {
	/** Folder to open; copied into the temp dir first when `copyWorkspace` is set, so tests can edit files. */
	workspace: string;
	copyWorkspace?: boolean;
	/** Settings, written before start to <user-data-dir>/User/settings.json (machine-scoped ones to Machine/). */
	settings?: Record<string, unknown>;
	/** Extra environment for code-server and so for the extension host (e.g. NODE_EXTRA_CA_CERTS). */
	env?: Record<string, string>;
	port?: number;
	/** Log code-server's output to this stream (default: kept in memory for error messages). */
	log?: NodeJS.WritableStream;
}

export interface CodeServer {
	url: string;
	/** The folder VS Code has open (the copy when `copyWorkspace` is set). */
	workspace: string;
	/** The workbench URL with the folder open. */
	folderUrl: string;
	tempDir: string;
	output(): string;
	stop(): Promise<void>;
}

const STANDARD_SETTINGS = {
	'workbench.startupEditor': 'none',
	'workbench.tips.enabled': false,
	'workbench.enableExperiments': false,
	'telemetry.telemetryLevel': 'off',
	'update.mode': 'none',
	'extensions.autoCheckUpdates': false,
	'extensions.autoUpdate': false,
	'security.workspace.trust.enabled': false,
	'files.autoSave': 'off',
	'editor.hover.delay': 200,
	'chat.commandCenter.enabled': false,
	'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/**
 * Our machine-scoped settings go where a code-server user puts them: a remote window (code-server's is one) reads
 * them from the remote settings (<user-data-dir>/Machine) and ignores them in the user settings once the extension's
 * scopes are known.
 */
function splitByScope(settings: Record<string, unknown>): Record<'user' | 'machine', Record<string, unknown>> {
	const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
		contributes: { configuration: { properties: Record<string, { scope?: string }> }[] };
	};
	const machineKeys = new Set(
		manifest.contributes.configuration.flatMap((section) =>
			Object.entries(section.properties).flatMap(([key, value]) => (value.scope === 'machine' ? [key] : [])),
		),
	);
	const user: Record<string, unknown> = {};
	const machine: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(settings)) (machineKeys.has(key) ? machine : user)[key] = value;
	return { user, machine };
}

/** Installs the VSIX into a fresh extensions dir, starts code-server on loopback and waits until it serves. */
export async function startCodeServer(entry: string, vsix: string, options: CodeServerOptions): Promise<CodeServer> {
	const tempDir = mkdtempSync(join(tmpdir(), 'mailcfg-e2e-'));
	const userData = join(tempDir, 'user-data');
	const extensions = join(tempDir, 'extensions');
	const config = join(tempDir, 'config.yaml');
	const { user, machine } = splitByScope({ ...STANDARD_SETTINGS, ...options.settings });
	mkdirSync(join(userData, 'User'), { recursive: true });
	writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(user, null, '\t'));
	if (Object.keys(machine).length) {
		mkdirSync(join(userData, 'Machine'), { recursive: true });
		writeFileSync(join(userData, 'Machine', 'settings.json'), JSON.stringify(machine, null, '\t'));
	}
	writeFileSync(config, 'auth: none\n');
	let workspace = resolve(options.workspace);
	if (options.copyWorkspace) {
		const copy = join(tempDir, 'workspace');
		cpSync(workspace, copy, { recursive: true });
		workspace = copy;
	}
	// code-server writes its own state below XDG dirs; keep that in the temp dir, not in the user's home.
	const env = {
		...process.env,
		XDG_CONFIG_HOME: join(tempDir, 'xdg-config'),
		XDG_DATA_HOME: join(tempDir, 'xdg-data'),
		...options.env,
	};
	const base = ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensions];
	execFileSync(process.execPath, [entry, ...base, '--force', '--install-extension', vsix], {
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
		timeout: 120_000,
	});

	const port = options.port ?? (await freePort());
	const child = spawn(
		process.execPath,
		[
			entry,
			...base,
			'--auth',
			'none',
			'--bind-addr',
			`127.0.0.1:${port}`,
			'--disable-telemetry',
			'--disable-update-check',
			'--disable-workspace-trust',
			'--disable-getting-started-override',
			workspace,
		],
		{ env, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	let output = '';
	for (const stream of [child.stdout, child.stderr]) {
		stream.setEncoding('utf8');
		stream.on('data', (chunk: string) => {
			output += chunk;
			options.log?.write(chunk);
		});
	}
	const url = `http://127.0.0.1:${port}`;
	const server: CodeServer = {
		url,
		workspace,
		folderUrl: `${url}/?folder=${encodeURIComponent(workspace)}`,
		tempDir,
		output: () => output,
		stop: async () => {
			await stopProcess(child);
			// code-server's own children (extension host, watcher) can still write its workspace storage for a moment
			// after it exits: a clean-clone run failed on ENOTEMPTY here. rmSync retries that and EBUSY.
			rmSync(tempDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
		},
	};
	try {
		await waitForHttp(`${url}/healthz`, child, 30_000);
	} catch (error) {
		await server.stop();
		throw new Error(`code-server did not start: ${(error as Error).message}\n${output}`, { cause: error });
	}
	return server;
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
		try {
			const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
			if (response.ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`no answer from ${url} within ${timeoutMs} ms`);
}

/** SIGTERM, then SIGKILL after 5 s; resolves once the process is gone. */
export function stopProcess(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolveStop) => {
		const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
		child.once('exit', () => {
			clearTimeout(kill);
			resolveStop();
		});
		child.kill('SIGTERM');
	});
}
