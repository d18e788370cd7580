import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/*
 * The CLI's bundles (dist/cli-<command>.js and what they require of dist/) run with V8's code cache: the bytecode of
 * every function a run compiled, written after the first run and read by the next ones instead of parsing the bundle
 * and compiling each function on its first call, which is most of what `mailcfg check` costs beyond node's own start
 * (Node 20 has no module.enableCompileCache).
 *
 * A cache file holds the bundle's bytes it was made from, compared byte for byte before use: a cache of another build,
 * another bundle or anything else at that path is not used, and the bundle compiles from its source as without a
 * cache. Hashing the bundle instead would cost more than the cache saves (node:crypto alone takes 20-40 ms to load,
 * a hash in JavaScript 15-40 ms in the interpreter), comparing costs a read from the page cache. V8 checks its own
 * version, its flags and the length of the source and of the data (its checksum only in debug builds, so data changed
 * in place at the right length is not caught); a file is written whole under a temporary name and renamed, so no run
 * reads half a file.
 */

/** Starts every cache file of ours: the format, then the bundle's length in bytes and the bundle. */
const MAGIC = Buffer.from('mailcfg-v8-cache-1\n', 'latin1');

/** Scripts compiled without an accepted cache, to be written by saveCodeCaches(). */
const unsaved: { script: Script; bundle: Buffer; file: string }[] = [];

/** Names a bundle's cache file by its path (cyrb53), so installations in other folders keep caches of their own. */
function pathKey(path: string): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < path.length; i++) {
		const c = path.charCodeAt(i);
		h1 = Math.imul(h1 ^ c, 2654435761);
		h2 = Math.imul(h2 ^ c, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The per-user cache folder for this node binary, where other tools keep theirs; undefined without a home folder. */
export function cacheFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
	let root: string | undefined;
	try {
		if (platform === 'win32') root = env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local');
		else if (platform === 'darwin') root = join(homedir(), 'Library', 'Caches');
		else root = env.XDG_CACHE_HOME || join(homedir(), '.cache');
	} catch {
		return undefined;
	}
	return join(root, 'mailcfg', `v8-${process.version}-${process.arch}`);
}

const folder = cacheFolder(process.env, process.platform);

/** The code cache in `file` if it was made from exactly `bundle`; undefined otherwise. */
function readCache(file: string, bundle: Buffer): Buffer | undefined {
	let data: Buffer;
	try {
		data = readFileSync(file);
	} catch {
		return undefined;
	}
	const start = MAGIC.length + 4;
	if (data.length < start || !data.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
	const length = data.readUInt32LE(MAGIC.length);
	if (length !== bundle.length || !data.subarray(start, start + length).equals(bundle)) return undefined;
	return data.subarray(start + length);
}

/**
 * Requires the CommonJS bundle `file` as node would, through the code cache; the bundles of dist/ that it requires
 * by a relative name go through it too.
 */
export function requireBundle(file: string): unknown {
	const loaded = require.cache[file];
	if (loaded) return loaded.exports;
	const bundle = readFileSync(file);
	const cacheFile = folder && join(folder, `${basename(file)}-${pathKey(file)}`);
	const cachedData = cacheFile ? readCache(cacheFile, bundle) : undefined;
	const script = new Script(Module.wrap(bundle.toString('utf8')), { filename: file, cachedData });
	if (cacheFile && (cachedData === undefined || script.cachedDataRejected))
		unsaved.push({ script, bundle, file: cacheFile });

	const module = new Module(file, require.main);
	module.filename = file;
	module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(file));
	require.cache[file] = module;
	const plain = createRequire(file);
	const bundled = Object.assign(
		(id: string) => (id.startsWith('./') && id.endsWith('.js') ? requireBundle(join(dirname(file), id)) : plain(id)),
		plain,
	);
	try {
		(script.runInThisContext() as (...args: unknown[]) => void).call(
			module.exports,
			module.exports,
			bundled,
			module,
			file,
			dirname(file),
		);
	} catch (error) {
		delete require.cache[file];
		throw error;
	}
	module.loaded = true;
	return module.exports;
}

/**
 * Writes the cache of each bundle that ran without one, with everything this run compiled, whole under a temporary
 * name and then renamed: a run reading it meanwhile sees the old file or the new one. Nothing here may fail the run:
 * a cache that cannot be written (a read-only home, a full disk) is simply not there next time.
 */
export function saveCodeCaches(): void {
	if (!folder) return;
	for (const { script, bundle, file } of unsaved.splice(0)) {
		const temporary = `${file}.${process.pid}.tmp`;
		try {
			const length = Buffer.alloc(4);
			length.writeUInt32LE(bundle.length);
			mkdirSync(folder, { recursive: true, mode: 0o700 });
			writeFileSync(temporary, Buffer.concat([MAGIC, length, bundle, script.createCachedData()]), { mode: 0o600 });
			renameSync(temporary, file);
		} catch {
			try {
				rmSync(temporary, { force: true });
			} catch {
				// There is no folder to leave it in.
			}
		}
	}
}
