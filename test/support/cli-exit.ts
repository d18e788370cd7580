import type { CliIo, SignInTerminal } from '../../src/cli/io';
import { main } from '../../src/cli/main';

export interface CliRun {
	code: number;
	stdout: string;
	stderr: string;
}

/**
 * Runs the CLI in-process through its real entry, `main()` (what dist/cli.js runs), and returns what a user would see.
 */
export async function runCli(
	cwd: string,
	args: string[],
	env: Record<string, string> = {},
	terminal?: SignInTerminal,
): Promise<CliRun> {
	let stdout = '';
	let stderr = '';
	const io: CliIo = {
		stdout: (t) => (stdout += t),
		stderr: (t) => (stderr += t),
		readStdin: () => Promise.resolve(''),
		env,
		cwd,
		...(terminal ? { terminal } : {}),
	};
	const code = await main(args, io);
	return { code, stdout, stderr };
}

/**
 * Runs `mailcfg test` in-process: a usage error comes back as exit 2 with `mailcfg test: <message>` on stderr exactly
 * as a user sees it; any other error propagates and fails the test, so an internal error can never pass as a usage
 * error.
 */
export function runTestCommand(
	cwd: string,
	args: string[],
	env: Record<string, string> = {},
	terminal?: SignInTerminal,
): Promise<CliRun> {
	return runCli(cwd, ['test', ...args], env, terminal);
}
