import type { KeyValueStore } from './probe-targets';

/** The part of VS Code's SecretStorage the store uses (kept free of `vscode`, so plain-Node tests can run it). */
export interface SecretStorageLike {
	get(key: string): PromiseLike<string | undefined>;
	store(key: string, value: string): PromiseLike<void>;
	delete(key: string): PromiseLike<void>;
}

/** Key prefixes inside VS Code's SecretStorage (the OS keychain); nothing secret is ever kept anywhere else. */
const SECRET_PREFIX = 'mailcfg.secret.';
const TOKEN_CACHE_PREFIX = 'mailcfg.oauth2.cache.';
/** globalState: which scopes hold a secret of each name (names and folders only, never values). */
const INDEX_KEY = 'mailcfg.secretScopes';
/** The scope of secrets stored before they were kept per workspace folder. */
export const UNSCOPED = '';

/**
 * The extension's secrets: values of `${secret:NAME}` references and msal token caches (which hold refresh
 * tokens). Values are never logged or shown; callers get them only to hand them to a probe.
 *
 * Secrets are scoped to a workspace folder (its URI): a config in another repository that names the same secret gets
 * nothing unless the user, asked, lets it use that value.
 */
export class SecretStore {
	constructor(
		private readonly storage: SecretStorageLike,
		private readonly index: KeyValueStore,
	) {}

	private key(scope: string, name: string): string {
		return scope === UNSCOPED ? SECRET_PREFIX + name : `${SECRET_PREFIX}${encodeURIComponent(scope)}/${name}`;
	}

	private scopesIndex(): Record<string, string[]> {
		const value = this.index.get<unknown>(INDEX_KEY);
		if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
		// fromEntries defines own properties, so a secret named `__proto__` is a name, not the prototype.
		return Object.fromEntries(
			Object.entries(value).flatMap(([name, scopes]) =>
				Array.isArray(scopes) ? [[name, scopes.filter((s): s is string => typeof s === 'string')]] : [],
			),
		);
	}

	private async setIndexed(name: string, scope: string, present: boolean): Promise<void> {
		const index = this.scopesIndex();
		const scopes = new Set((Object.hasOwn(index, name) ? index[name] : undefined) ?? []);
		if (present) scopes.add(scope);
		else scopes.delete(scope);
		await this.index.update(INDEX_KEY, { ...index, [name]: [...scopes].sort() });
	}

	get(scope: string, name: string): Promise<string | undefined> {
		return Promise.resolve(this.storage.get(this.key(scope, name)));
	}

	async has(scope: string, name: string): Promise<boolean> {
		return (await this.get(scope, name)) !== undefined;
	}

	async store(scope: string, name: string, value: string): Promise<void> {
		await this.storage.store(this.key(scope, name), value);
		await this.setIndexed(name, scope, true);
	}

	async delete(scope: string, name: string): Promise<void> {
		await this.storage.delete(this.key(scope, name));
		await this.setIndexed(name, scope, false);
	}

	/** Other scopes holding a secret of this name (and the unscoped one from before), to offer with a question. */
	async otherScopes(scope: string, name: string): Promise<string[]> {
		const index = this.scopesIndex();
		const candidates = new Set([...((Object.hasOwn(index, name) ? index[name] : undefined) ?? []), UNSCOPED]);
		candidates.delete(scope);
		const found: string[] = [];
		for (const other of candidates) if (await this.has(other, name)) found.push(other);
		return found;
	}

	/**
	 * The msal token cache of one app registration and account in one scope (ProbeContext.oauth2.cache). Keyed by all
	 * three so two configs that share a client id, or another repository's config, never read each other's refresh
	 * tokens.
	 */
	tokenCache(
		scope: string,
		clientId: string,
		accountKey: string,
	): { load(): Promise<string | undefined>; save(s: string): Promise<void> } {
		const key = `${TOKEN_CACHE_PREFIX}${encodeURIComponent(scope)}/${clientId}.${accountKey}`;
		return {
			load: () => Promise.resolve(this.storage.get(key)),
			save: (serialized) => Promise.resolve(this.storage.store(key, serialized)),
		};
	}
}
