import type * as vscode from 'vscode';

/** Key prefixes inside VS Code's SecretStorage (the OS keychain); nothing secret is ever kept anywhere else. */
const SECRET_PREFIX = 'mailcfg.secret.';
const TOKEN_CACHE_PREFIX = 'mailcfg.oauth2.cache.';

/**
 * The extension's secrets: values of `${secret:NAME}` references and msal token caches (which hold refresh
 * tokens). Values are never logged or shown; callers get them only to hand them to a probe.
 */
export class SecretStore {
	constructor(private readonly storage: vscode.SecretStorage) {}

	get(name: string): Promise<string | undefined> {
		return Promise.resolve(this.storage.get(SECRET_PREFIX + name));
	}

	async has(name: string): Promise<boolean> {
		return (await this.get(name)) !== undefined;
	}

	store(name: string, value: string): Promise<void> {
		return Promise.resolve(this.storage.store(SECRET_PREFIX + name, value));
	}

	delete(name: string): Promise<void> {
		return Promise.resolve(this.storage.delete(SECRET_PREFIX + name));
	}

	/**
	 * The msal token cache of one app registration and account (ProbeContext.oauth2.cache). Keyed by both so
	 * two configs that share a client id never read each other's refresh tokens.
	 */
	tokenCache(
		clientId: string,
		accountKey: string,
	): { load(): Promise<string | undefined>; save(s: string): Promise<void> } {
		const key = `${TOKEN_CACHE_PREFIX}${clientId}.${accountKey}`;
		return {
			load: () => Promise.resolve(this.storage.get(key)),
			save: (serialized) => Promise.resolve(this.storage.store(key, serialized)),
		};
	}
}
