/**
 * Which private key a certificate credential may use. A config naming `~/.ssh/id_rsa` or another project's key
 * would make the probe sign an assertion with it for an authority of the config's choosing, so the key must lie
 * inside the config file's folder or the workspace, or be allowed by the user. Symbolic links are resolved first:
 * a link inside the folder that points outside is outside.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { TrustPolicy } from './policy';

/** The file system operations the check needs; the CLI and the extension pass node:fs, tests their own. */
export interface KeyFileSystem {
	realpath(path: string): Promise<string>;
	readFile(path: string): Promise<string>;
}

export type KeyFileResult =
	| { ok: true; pem: string }
	| { ok: false; reason: 'outside'; path: string }
	| { ok: false; reason: 'unreadable'; path: string };

function inside(path: string, root: string): boolean {
	const rel = relative(root, path);
	return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

async function realOrNothing(fs: KeyFileSystem, path: string): Promise<string | undefined> {
	try {
		return await fs.realpath(path);
	} catch {
		return undefined;
	}
}

/**
 * Reads the key file `path` (relative to `configDir`) if the policy allows it. Roots and allowed paths are resolved
 * through the same realpath, so a workspace reached through a link still counts as the workspace.
 */
export async function readKeyFile(
	path: string,
	configDir: string,
	policy: TrustPolicy,
	fs: KeyFileSystem,
): Promise<KeyFileResult> {
	const real = await realOrNothing(fs, resolve(configDir, path));
	if (real === undefined) return { ok: false, reason: 'unreadable', path };
	const roots = await Promise.all([configDir, ...policy.keyFileRoots].map((root) => realOrNothing(fs, root)));
	const allowed = await Promise.all(policy.allowKeyFiles.map((file) => realOrNothing(fs, resolve(configDir, file))));
	const permitted =
		roots.some((root) => root !== undefined && inside(real, root)) || allowed.some((file) => file === real);
	if (!permitted) return { ok: false, reason: 'outside', path };
	try {
		return { ok: true, pem: await fs.readFile(real) };
	} catch {
		return { ok: false, reason: 'unreadable', path };
	}
}
