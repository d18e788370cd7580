/**
 * A temp copy of examples/ whose demo config points at the running demo servers, plus the demo CA as a PEM file.
 * Shared by `npm start`, `npm run sandbox` and the e2e suite, so the three can never disagree about the setup.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CONFIG_NAME, DEMO_ENV, EXAMPLES, materializeDemoConfig } from './demo-config';
import type { DemoServers } from './demo-servers';

export interface DemoWorkspace {
	dir: string;
	/** The examples folder copy (opened by the sandbox). */
	folder: string;
	/** The demo config inside `folder`, with the real ports. */
	config: string;
	/** The demo CA (PEM) for `mailcfg test --ca`. */
	caFile: string;
	/** The demo CA appended to the CAs Node already trusts, for NODE_EXTRA_CA_CERTS (which takes one file). */
	extraCaBundle: string;
	remove(): void;
}

export function createDemoWorkspace(servers: DemoServers, source = EXAMPLES): DemoWorkspace {
	const dir = mkdtempSync(join(tmpdir(), 'mailcfg-demo-'));
	const folder = join(dir, 'examples');
	cpSync(source, folder, { recursive: true });
	const config = join(folder, DEMO_CONFIG_NAME);
	writeFileSync(
		config,
		materializeDemoConfig(readFileSync(join(EXAMPLES, DEMO_CONFIG_NAME), 'utf8'), servers.endpoints),
	);
	const caFile = join(dir, 'demo-ca.pem');
	writeFileSync(caFile, servers.caCert);
	const inherited = process.env['NODE_EXTRA_CA_CERTS'];
	const extraCaBundle = join(dir, 'extra-ca-bundle.pem');
	writeFileSync(
		extraCaBundle,
		`${inherited && existsSync(inherited) ? readFileSync(inherited, 'utf8').trimEnd() + '\n' : ''}${servers.caCert}`,
	);
	return { dir, folder, config, caFile, extraCaBundle, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The demo secrets for the config's `${env:...}` references, for `mailcfg test` and the extension host alike. */
export function demoSecretsEnv(servers: DemoServers): Record<string, string> {
	return { [DEMO_ENV.password]: servers.password, [DEMO_ENV.clientSecret]: servers.clientSecret };
}

/** The demo's local OAuth2 authority: not a Microsoft login host, so the demo allows it explicitly, as a user would. */
function demoAuthorityOrigin(servers: DemoServers): string {
	return `https://127.0.0.1:${servers.endpoints.authority}`;
}

/** The allow options `mailcfg test` needs for the demo config (see README "Security model"). */
export function demoTrustArgs(servers: DemoServers): string[] {
	return ['--allow-authority', demoAuthorityOrigin(servers)];
}

/** The same allowance as a user setting, for the editor (sandbox and e2e). */
export function demoUserSettings(servers: DemoServers): Record<string, unknown> {
	return { 'mailcfg.security.allowAuthorities': [demoAuthorityOrigin(servers)] };
}

/**
 * What an editor's extension host needs to probe the demo servers: the demo CA (verification stays on) and the demo
 * secrets. Used by `npm run sandbox` and the e2e suite.
 */
export function demoExtensionHostEnv(servers: DemoServers, workspace: DemoWorkspace): Record<string, string> {
	return { NODE_EXTRA_CA_CERTS: workspace.extraCaBundle, ...demoSecretsEnv(servers) };
}
