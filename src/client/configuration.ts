import * as vscode from 'vscode';
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

/**
 * Whether discovery stays offline (bundled provider data only). Like the trust allowances, only the user-level value
 * counts, so a repository cannot send lookups to the network when the user turned them off.
 */
export function readDiscoveryOffline(): boolean {
	return vscode.workspace.getConfiguration().inspect(SettingKeys.discoveryOffline)?.globalValue === true;
}
