import { join } from 'node:path';
import { type DemoServers, startDemoServers } from '../../../scripts/demo-servers';
import {
	type DemoWorkspace,
	createDemoWorkspace,
	demoExtensionHostEnv,
	demoUserSettings,
} from '../../../scripts/demo-workspace';
import { type CodeServer, ROOT, ensureCodeServer, ensureVsix, startCodeServer } from './code-server';
import { type Workbench, openWorkbench } from './workbench';

/** One e2e file's VS Code: code-server with the packaged extension, a Chromium workbench, and optionally the demo. */
export interface Session {
	server: CodeServer;
	bench: Workbench;
	/** Set with `demo: true`: the demo mail servers and the examples copy that points at them. */
	demo?: { servers: DemoServers; workspace: DemoWorkspace };
	close(): Promise<void>;
}

export interface SessionOptions {
	/** Screenshot prefix in test-results/e2e/. */
	name: string;
	/** User settings, e.g. `{ 'mailcfg.language': 'de' }`. */
	settings?: Record<string, unknown>;
	/** Open a copy of examples/ wired to running demo servers (as `npm run sandbox`) instead of the e2e fixture. */
	demo?: boolean;
	/** Extra environment of code-server and so of the extension host (merged over the demo's). */
	env?: Record<string, string>;
	/** Runs on the opened folder before the workbench loads, e.g. to write a file the test needs. */
	prepare?: (folder: string) => void;
	/** File to open once the workbench is up. */
	open?: string;
}

/**
 * Starts what a test file needs and returns it with one `close()` that stops everything in reverse order, even when
 * start-up failed half-way (call it from `after`).
 */
export async function openSession(options: SessionOptions): Promise<Session> {
	const stops: (() => Promise<void> | void)[] = [];
	// Every part is stopped even when one fails: a demo server left listening keeps the test file's process alive,
	// and the run hangs instead of reporting the failure (seen when a temp folder could not be removed).
	const close = async () => {
		const errors: unknown[] = [];
		for (const stop of stops.reverse()) {
			try {
				await stop();
			} catch (error) {
				errors.push(error);
			}
		}
		if (errors.length === 1) throw errors[0];
		if (errors.length > 1) throw new AggregateError(errors, 'several parts of the e2e session failed to stop');
	};
	try {
		let demo: Session['demo'];
		let env: Record<string, string> | undefined = options.env;
		let settings = options.settings;
		if (options.demo) {
			const servers = await startDemoServers();
			stops.push(() => servers.stop());
			const workspace = createDemoWorkspace(servers);
			stops.push(() => workspace.remove());
			demo = { servers, workspace };
			env = { ...demoExtensionHostEnv(servers, workspace), ...options.env };
			settings = { ...demoUserSettings(servers), ...settings };
		}
		const server = await startCodeServer(ensureCodeServer(), ensureVsix(), {
			workspace: demo ? demo.workspace.folder : join(ROOT, 'test', 'e2e', 'workspace'),
			copyWorkspace: !demo,
			...(settings ? { settings } : {}),
			...(env ? { env } : {}),
		});
		stops.push(() => server.stop());
		options.prepare?.(server.workspace);
		const bench = await openWorkbench(server.folderUrl, options.name);
		stops.push(() => bench.close());
		if (options.open) await bench.openFile(options.open);
		return { server, bench, ...(demo ? { demo } : {}), close };
	} catch (error) {
		await close();
		throw error;
	}
}
