/**
 * `npm run sandbox`: VS Code in the browser (code-server 4.100.3) with the packaged extension installed, a copy of
 * examples/ open and the demo mail servers running, so "Mail: Test Connection" works on the demo accounts.
 * Prints the URL and runs until Ctrl+C, then stops everything it started.
 * Options: --port N (default: a free port), --lang en|de (sets mailcfg.language).
 */
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { ensureCodeServer, ensureVsix, startCodeServer, type CodeServer } from '../test/e2e/support/code-server';
import { type DemoServers, startDemoServers } from './demo-servers';
import { type DemoWorkspace, createDemoWorkspace, demoExtensionHostEnv, demoUserSettings } from './demo-workspace';

function option(name: string): string | undefined {
	const argv = process.argv.slice(2);
	const i = argv.indexOf(`--${name}`);
	return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
}

async function main(): Promise<void> {
	const port = option('port');
	const lang = option('lang');
	if (port !== undefined && !/^\d+$/.test(port)) throw new Error(`--port must be a number (got '${port}')`);
	if (lang !== undefined && lang !== 'en' && lang !== 'de') throw new Error(`--lang must be en or de (got '${lang}')`);

	const entry = ensureCodeServer();
	const vsix = ensureVsix({ fresh: true });
	let servers: DemoServers | undefined;
	let workspace: DemoWorkspace | undefined;
	let codeServer: CodeServer | undefined;
	let stopping = false;
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		process.stderr.write('\nsandbox: stopping\n');
		await codeServer?.stop();
		await servers?.stop();
		workspace?.remove();
		process.exit(code);
	};
	process.once('SIGINT', () => void stop(130));
	process.once('SIGTERM', () => void stop(143));
	try {
		servers = await startDemoServers();
		workspace = createDemoWorkspace(servers);
		const log = join(workspace.dir, 'code-server.log');
		codeServer = await startCodeServer(entry, vsix, {
			workspace: workspace.folder,
			...(port ? { port: Number(port) } : {}),
			settings: { ...demoUserSettings(servers), ...(lang ? { 'mailcfg.language': lang } : {}) },
			env: demoExtensionHostEnv(servers, workspace),
			log: createWriteStream(log),
		});
	} catch (error) {
		process.stderr.write(`sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
		await stop(1);
		return;
	}
	process.stdout.write(
		[
			'',
			`VS Code (code-server) with mailcfg: ${codeServer.folderUrl}`,
			'',
			'Demo mail servers:',
			...servers.describe().map((l) => `  ${l}`),
			`Workspace (a temp copy of examples/): ${workspace.folder}`,
			`code-server log: ${join(workspace.dir, 'code-server.log')}`,
			'',
			'Open demo.mailaccounts.json, put the cursor in an account and run "Mail: Test Connection".',
			'Press Ctrl+C to stop.',
			'',
		].join('\n'),
	);
}

main().catch((error: unknown) => {
	process.stderr.write(`sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
