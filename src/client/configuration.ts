import * as vscode from 'vscode';
import { parseAuthorityHost, parseDnsServer } from '../core/discovery/endpoints';
import { SettingKeys } from '../shared/ids';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings';

function positiveInt(value: unknown, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
	return typeof value === 'number' && Number.isInteger(value) && value > 0 ? Math.min(value, max) : fallback;
}

/**
 * The connection-test settings for a config file (resource scope, so a folder can set its own timeouts).
 * Values of the wrong type fall back to the defaults instead of producing a zero timeout.
 */
export function readProbeSettings(scope?: vscode.Uri): Settings['probe'] {
	const config = vscode.workspace.getConfiguration(undefined, scope);
	const defaults = DEFAULT_SETTINGS.probe;
	return {
		connectTimeoutMs: positiveInt(config.get(SettingKeys.probeConnectTimeout), defaults.connectTimeoutMs),
		greetingTimeoutMs: positiveInt(config.get(SettingKeys.probeGreetingTimeout), defaults.greetingTimeoutMs),
		stageTimeoutMs: positiveInt(config.get(SettingKeys.probeStageTimeout), defaults.stageTimeoutMs),
		concurrency: positiveInt(config.get(SettingKeys.probeConcurrency), defaults.concurrency, 32),
	};
}

function stringList(value: unknown): string[] {
	return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

/**
 * The user's trust allowances. Only the user-level value counts: the settings are application-scoped, and even a
 * value written into a workspace's settings.json anyway is ignored, so a cloned repository cannot widen them.
 */
export function readTrustSettings(): { allowEnv: string[]; allowAuthorities: string[]; allowKeyFiles: string[] } {
	const config = vscode.workspace.getConfiguration();
	const user = (key: string) => stringList(config.inspect(key)?.globalValue);
	return {
		allowEnv: user(SettingKeys.allowEnv),
		allowAuthorities: user(SettingKeys.allowAuthorities),
		allowKeyFiles: user(SettingKeys.allowKeyFiles),
	};
}

export interface DiscoverySettings {
	/** Bundled provider data only, as `mailcfg discover --offline`. */
	offline: boolean;
	/** Overrides for tests and proxies, as `--dns`, `--authority-host` and `--https-port`. */
	dnsServer?: string;
	authorityHost?: string;
	httpsPort?: number;
	/** Keys whose value is unusable: discovery stops rather than fall back to the real network unasked. */
	invalid: string[];
}

/**
 * The discovery settings. Like the trust allowances, only the user-level values count, so a repository can neither
 * turn lookups back on nor send them to a server of its choosing.
 */
export function readDiscoverySettings(): DiscoverySettings {
	const config = vscode.workspace.getConfiguration();
	const user = (key: string) => config.inspect(key)?.globalValue;
	const invalid: string[] = [];
	const endpoint = (key: string, parse: (value: string) => string | undefined) => {
		const value = user(key);
		if (value === undefined || value === '') return undefined;
		const parsed = typeof value === 'string' ? parse(value.trim()) : undefined;
		if (parsed === undefined) invalid.push(key);
		return parsed;
	};
	const dnsServer = endpoint(SettingKeys.discoveryDnsServer, parseDnsServer);
	const authorityHost = endpoint(SettingKeys.discoveryAuthorityHost, parseAuthorityHost);
	const port = user(SettingKeys.discoveryHttpsPort);
	const portOk = typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535;
	if (port !== undefined && !portOk) invalid.push(SettingKeys.discoveryHttpsPort);
	return {
		offline: user(SettingKeys.discoveryOffline) === true,
		...(dnsServer ? { dnsServer } : {}),
		...(authorityHost ? { authorityHost } : {}),
		...(portOk ? { httpsPort: port } : {}),
		invalid,
	};
}
