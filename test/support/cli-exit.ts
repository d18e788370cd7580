import { type SignInTerminal, runTest } from '../../src/cli/commands/test';
import { type CliIo, ExitCode, isUsageError } from '../../src/cli/io';

export interface CliRun {
	code: number;
	stdout: string;
	stderr: string;
}

/**
 * Runs `mailcfg test` in-process the way `main()` does: a UsageError becomes exit 2 with its message; any other
 * error propagates and fails the test, so an internal error can never pass as a usage error.
 */
export async function runTestCommand(
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
	};
	try {
		return { code: await runTest(args, io, terminal), stdout, stderr };
	} catch (error) {
		if (!isUsageError(error)) throw error;
		return { code: ExitCode.usage, stdout, stderr: stderr + error.message };
	}
}
