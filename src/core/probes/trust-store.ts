/**
 * The CA certificates every probe connection trusts: Node's bundled roots, the file in `NODE_EXTRA_CA_CERTS`, and the
 * extra CAs a front end hands over (CLI `--ca`, the extension's `mailcfg.probe.extraCaCertificates` and the system
 * store). Inside VS Code's extension host the trust of HTTPS requests that bring none of their own is changed by its
 * proxy agent when `http.systemCertificates` is on; so the OAuth2 client always brings its own, and IMAP, SMTP and
 * HTTPS trust the same certificates wherever they run.
 */
import { readFileSync } from 'node:fs';
import tls from 'node:tls';

/** Where Linux distributions keep the system bundle (the paths VS Code's own proxy agent reads). */
const LINUX_SYSTEM_BUNDLES = [
	'/etc/ssl/certs/ca-certificates.crt',
	'/etc/ssl/certs/ca-bundle.crt',
	'/etc/ssl/ca-bundle.pem',
	'/etc/pki/tls/certs/ca-bundle.crt',
];
/** A CA bundle larger than this is not a CA bundle; reading stops there. */
export const MAX_BUNDLE_BYTES = 4 * 1024 * 1024;
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+?-----END CERTIFICATE-----/g;

/** The PEM certificates in a bundle's text, each once; anything else in the file (comments, keys) is skipped. */
export function splitPem(text: string): string[] {
	return [...new Set(text.match(PEM_BLOCK) ?? [])];
}

function readBundle(path: string): string[] {
	const bytes = readFileSync(path);
	if (bytes.length > MAX_BUNDLE_BYTES) throw new Error(`${path} is larger than ${MAX_BUNDLE_BYTES} bytes`);
	return splitPem(bytes.toString('utf8'));
}

let environment: { file: string | undefined; certs: string[] } | undefined;

/** The certificates of `NODE_EXTRA_CA_CERTS` (read once per file name; a missing file adds none, as in Node). */
export function environmentCa(env: NodeJS.ProcessEnv = process.env): string[] {
	const file = env.NODE_EXTRA_CA_CERTS || undefined;
	if (environment && environment.file === file) return environment.certs;
	let certs: string[] = [];
	try {
		certs = file ? readBundle(file) : [];
	} catch {
		// Node itself only warns about an unreadable NODE_EXTRA_CA_CERTS; the probe then fails with the usual
		// untrusted-certificate explanation.
	}
	environment = { file, certs };
	return certs;
}

type CaQuery = (type: 'system') => string[];

/**
 * The operating system's trusted CAs: `tls.getCACertificates('system')` where Node has it (22.15+), else on Linux
 * the distribution's bundle file. Node 20 on macOS and Windows has no way to read them; there the setting is the way.
 */
export function systemCa(): string[] {
	const query = (tls as { getCACertificates?: CaQuery }).getCACertificates;
	if (query) return query('system');
	if (process.platform !== 'linux') return [];
	for (const path of LINUX_SYSTEM_BUNDLES) {
		try {
			return readBundle(path);
		} catch {
			// Not this distribution's path.
		}
	}
	return [];
}

const contexts = new Map<string, { ca: string[]; secureContext: tls.SecureContext }>();
const MAX_CONTEXTS = 8;

/**
 * TLS options for a connection that trusts Node's default store (its roots and `NODE_EXTRA_CA_CERTS`) plus
 * `extraCa`. The context starts from the default store, which Node builds once per process, and takes the extra CAs
 * on top; each distinct set is built once and shared, as parsing a few hundred certificates per connection would cost
 * tens of milliseconds each time. `ca` lists the same certificates: Node uses the context, but an explicit `ca` keeps
 * VS Code's proxy agent from replacing or extending the trust of the request. `minVersion` (the config's
 * `tls.minVersion`) is part of the context and of its cache key.
 */
export function trustedTls(
	extraCa: readonly string[] = [],
	minVersion?: tls.SecureVersion,
): { ca: string[]; secureContext: tls.SecureContext } {
	const extra = [...new Set(extraCa)];
	// The environment's CA file is part of the key, as the context holds its certificates.
	const key = `${process.env.NODE_EXTRA_CA_CERTS ?? ''}\n${minVersion ?? ''}\n${extra.join('\n')}`;
	let entry = contexts.get(key);
	if (!entry) {
		// The lowest TLS version belongs to the context: Node ignores `minVersion` beside a given `secureContext`.
		const secureContext = tls.createSecureContext(minVersion ? { minVersion } : {});
		// The native context's own method, as Node's `ca` handling and VS Code's proxy agent use it.
		const native = secureContext.context as { addCACert(pem: string): void };
		// NODE_EXTRA_CA_CERTS is added explicitly too: an extension host's default store need not hold it (seen in
		// code-server 4.100, where the demo's CA was missing from the default context).
		for (const pem of [...environmentCa(), ...extra]) native.addCACert(pem);
		entry = { ca: [...tls.rootCertificates, ...environmentCa(), ...extra], secureContext };
		if (contexts.size >= MAX_CONTEXTS) contexts.delete(contexts.keys().next().value as string);
		contexts.set(key, entry);
	}
	return entry;
}
