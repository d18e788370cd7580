import { readFileSync } from 'node:fs';

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

export const nodeIo: CliIo = {
	stdout: (text) => process.stdout.write(text),
	stderr: (text) => process.stderr.write(text),
	readStdin: () => Promise.resolve(readFileSync(0, 'utf8')),
	env: process.env,
	cwd: process.cwd(),
};
