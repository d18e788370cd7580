import { readFileSync, writeSync } from 'node:fs';

/** Exit codes shared by every subcommand (see README). */
export const ExitCode = { ok: 0, findings: 1, usage: 2 } as const;

/**
 * Marks usage errors across bundles: `test` runs from dist/cli-test.js, which has its own copy of this class, so
 * main() in dist/cli.js cannot rely on `instanceof`.
 */
const USAGE = Symbol.for('mailcfg.usage-error');

/** Thrown for bad flags or unreadable input; main() prints it and exits with 2. */
export class UsageError extends Error {
	readonly [USAGE] = true;
}

export function isUsageError(error: unknown): error is UsageError {
	return typeof error === 'object' && error !== null && (error as { [USAGE]?: unknown })[USAGE] === true;
}

/** What an interactive OAuth2 sign-in (`mailcfg test`) needs from the process; tests pass their own. */
export interface SignInTerminal {
	/** Someone can follow a prompt: stdin is a terminal (not in CI or a pipe). */
	interactive: boolean;
	/** Opens an https address in the system browser. */
	openUrl(url: string): Promise<void>;
}

/** The process surface the CLI touches, so tests can run it in-process and capture output. */
export interface CliIo {
	stdout(text: string): void;
	stderr(text: string): void;
	readStdin(): Promise<string>;
	env: Readonly<Record<string, string | undefined>>;
	cwd: string;
	/** The sign-in terminal; without it, the process's own (stdin's TTY state, the system browser). */
	terminal?: SignInTerminal;
}

/**
 * Writes to file descriptor 1 or 2 with a plain write(2): process.stdout and process.stderr load node's stream modules
 * (about twenty internal modules, 5-25 ms, more than checking a small file takes) only to write the same bytes, as
 * synchronously on POSIX for files, pipes and terminals. Once a write does not go through whole (a descriptor
 * someone set non-blocking is full: EAGAIN; a closed pipe: EPIPE), the rest and everything after goes to `stream`,
 * which handles that as node always has. On Windows the stream it is from the start: it writes to the console as
 * UTF-16, where bytes would come out in the console's code page.
 */
function writerTo(fd: 1 | 2, stream: () => NodeJS.WriteStream): (text: string) => void {
	let fallback: NodeJS.WriteStream | undefined = process.platform === 'win32' ? stream() : undefined;
	return (text) => {
		if (fallback) {
			fallback.write(text);
			return;
		}
		const bytes = Buffer.from(text, 'utf8');
		let written = 0;
		try {
			while (written < bytes.length) written += writeSync(fd, bytes, written);
		} catch {
			fallback = stream();
			fallback.write(bytes.subarray(written));
		}
	};
}

export const nodeIo: CliIo = {
	stdout: writerTo(1, () => process.stdout),
	stderr: writerTo(2, () => process.stderr),
	readStdin: () => Promise.resolve(readFileSync(0, 'utf8')),
	env: process.env,
	cwd: process.cwd(),
};
