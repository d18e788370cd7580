import { ExitCode, isUsageError } from '../../src/cli/io';

/**
 * Runs a subcommand's entry the way `main()` does: a UsageError becomes exit 2 with its message; any other error
 * propagates and fails the test, so an internal error can never pass as a usage error.
 */
export async function exitCodeOf(run: () => Promise<number>, stderr: (text: string) => void): Promise<number> {
	try {
		return await run();
	} catch (error) {
		if (!isUsageError(error)) throw error;
		stderr(error.message);
		return ExitCode.usage;
	}
}
