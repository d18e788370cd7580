/**
 * Resolution of `${secret:NAME}` and `${env:NAME}` references in account configs. Front ends plug in where
 * secrets live: the CLI reads the environment (`MAILCFG_SECRET_<NAME>`) and a `--secrets` dotenv file, the
 * extension VS Code's SecretStorage. Values never leave this module except inside Credentials.
 */
import { parse } from 'dotenv';
import { type Account, type SecretRef, parseSecretRef } from './config/model';
import { type Lang, type Localized, tr } from './i18n';
import type { Credentials } from './probes/context';
import type { TrustViolation } from './trust/account';
import { type KeyFileSystem, readKeyFile } from './trust/key-file';
import { type TrustPolicy, envAllowed } from './trust/policy';
import { type FrontEnd, violationMessage } from './trust/texts';

export interface SecretResolver {
	/** The secret's value, or undefined when this front end has none under that name. */
	get(ref: SecretRef): Promise<string | undefined>;
	/** One sentence telling the user how to provide a missing secret in this front end. */
	howToProvide(ref: SecretRef): Localized;
}

export type CredentialsResult =
	| { ok: true; credentials: Credentials }
	/**
	 * `message` names every missing reference and how to provide it, and every refusal of the trust policy with the
	 * way to allow it; `missing` and `refused` list them for UIs.
	 */
	| { ok: false; missing: SecretRef[]; refused: TrustViolation[]; message: string };

/** What decides which secrets may be read: the user's policy, in the words of this front end. */
export interface CredentialsOptions {
	policy: TrustPolicy;
	frontEnd: FrontEnd;
	/** The config file's folder (relative key paths) and the file system; without it a key file is not read. */
	keyFiles?: { configDir: string; fs: KeyFileSystem };
}

const MISSING: Localized = {
	en: 'The secret {ref} (used in "{field}") is not available. {how}',
	de: 'Das Geheimnis {ref} (verwendet in "{field}") ist nicht verfügbar. {how}',
};
const UNREADABLE_KEY: Localized = {
	en: 'The private key file "{path}" (auth.oauth2.certificate.privateKeyFile) cannot be read.',
	de: 'Die Schlüsseldatei "{path}" (auth.oauth2.certificate.privateKeyFile) lässt sich nicht lesen.',
};
const ENV_HOW: Localized = {
	en: 'Set the environment variable {name}.',
	de: 'Die Umgebungsvariable {name} setzen.',
};
const CLI_SECRET_HOW: Localized = {
	en: 'Set the environment variable {env}, or pass a file with a line {name}=... via --secrets FILE.',
	de: 'Die Umgebungsvariable {env} setzen oder eine Datei mit der Zeile {name}=... per --secrets DATEI übergeben.',
};

/** `MAILCFG_SECRET_<NAME>`: upper case, every character outside A-Z0-9 as `_` (so `m365.import-pw` works). */
export function secretEnvName(name: string): string {
	return `MAILCFG_SECRET_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

export function formatRef(ref: SecretRef): string {
	return `\${${ref.kind}:${ref.name}}`;
}

/**
 * Parses a dotenv file with the `dotenv` package, so `--secrets` files mean what they mean to every other tool
 * that reads them (`export `, `#` comments, single, double and backtick quotes, `\n` in double quotes, multi-line
 * values). Malformed lines are skipped; the result never includes them in errors (they may be secrets).
 */
export function parseDotenv(text: string): Map<string, string> {
	return new Map(Object.entries(parse(text)));
}

/** The CLI's resolver: `${env:NAME}` from the environment, `${secret:NAME}` from MAILCFG_SECRET_<NAME> or the dotenv file. */
export function cliSecretResolver(
	env: Readonly<Record<string, string | undefined>>,
	dotenv: ReadonlyMap<string, string> = new Map(),
): SecretResolver {
	return {
		get(ref) {
			if (ref.kind === 'env') return Promise.resolve(env[ref.name]);
			const envName = secretEnvName(ref.name);
			return Promise.resolve(env[envName] ?? dotenv.get(ref.name) ?? dotenv.get(envName));
		},
		howToProvide(ref) {
			if (ref.kind === 'env')
				return { en: tr(ENV_HOW, 'en', { name: ref.name }), de: tr(ENV_HOW, 'de', { name: ref.name }) };
			const args = { env: secretEnvName(ref.name), name: ref.name };
			return { en: tr(CLI_SECRET_HOW, 'en', args), de: tr(CLI_SECRET_HOW, 'de', args) };
		},
	};
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Resolves the secrets an account's probes need. A field holding a literal (not a reference) is used as is; the
 * config rules flag plaintext secrets separately. An `${env:...}` the policy does not allow is never read, and a
 * private key file outside the allowed folders is never opened.
 */
export async function resolveCredentials(
	account: Account,
	resolver: SecretResolver,
	lang: Lang,
	options: CredentialsOptions,
): Promise<CredentialsResult> {
	const auth: Record<string, unknown> = isRecord(account.auth) ? account.auth : {};
	const oauth2: Record<string, unknown> = isRecord(auth.oauth2) ? auth.oauth2 : {};
	const certificate: Record<string, unknown> = isRecord(oauth2.certificate) ? oauth2.certificate : {};
	const credentials: Credentials = {};
	const missing: SecretRef[] = [];
	const refused: TrustViolation[] = [];
	const messages: string[] = [];
	const refuse = (violation: TrustViolation) => {
		refused.push(violation);
		messages.push(violationMessage(violation, lang, options.frontEnd));
	};

	const resolve = async (value: unknown, field: string): Promise<string | undefined> => {
		if (typeof value !== 'string' || value === '') return undefined;
		const ref = parseSecretRef(value);
		if (!ref) return value;
		if (ref.kind === 'env' && !envAllowed(ref.name, options.policy)) {
			refuse({ kind: 'env', name: ref.name, field });
			return undefined;
		}
		const resolved = await resolver.get(ref);
		if (resolved !== undefined && resolved !== '') return resolved;
		missing.push(ref);
		messages.push(tr(MISSING, lang, { ref: formatRef(ref), field, how: resolver.howToProvide(ref)[lang] }));
		return undefined;
	};

	const password = await resolve(auth.password, 'auth.password');
	if (password !== undefined) credentials.password = password;
	const clientSecret = await resolve(oauth2.clientSecret, 'auth.oauth2.clientSecret');
	if (clientSecret !== undefined) credentials.clientSecret = clientSecret;
	const keyFile = certificate.privateKeyFile;
	if (typeof keyFile === 'string' && keyFile !== '') {
		if (parseSecretRef(keyFile)) {
			const pem = await resolve(keyFile, 'auth.oauth2.certificate.privateKeyFile');
			if (pem !== undefined) credentials.privateKey = pem;
		} else if (options.keyFiles) {
			const { configDir, fs } = options.keyFiles;
			const key = await readKeyFile(keyFile, configDir, options.policy, fs);
			if (key.ok) credentials.privateKey = key.pem;
			else if (key.reason === 'outside') refuse({ kind: 'keyFile', path: keyFile });
			else messages.push(tr(UNREADABLE_KEY, lang, { path: keyFile }));
		}
	}
	if (messages.length) return { ok: false, missing, refused, message: messages.join(' ') };
	return { ok: true, credentials };
}
