import type { LanguageSetting } from '../core/i18n';

/** Behaviour settings shared by client, server and CLI. Accounts never live here: they live in config files. */
export interface Settings {
	language: LanguageSetting;
	rulesDisabled: string[];
	probe: {
		connectTimeoutMs: number;
		greetingTimeoutMs: number;
		stageTimeoutMs: number;
		concurrency: number;
	};
}

export const DEFAULT_SETTINGS: Settings = {
	language: 'auto',
	rulesDisabled: [],
	probe: { connectTimeoutMs: 10_000, greetingTimeoutMs: 10_000, stageTimeoutMs: 20_000, concurrency: 4 },
};
