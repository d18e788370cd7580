import { type CliIo, ExitCode } from '../io';

// PLACEHOLDER (foundation commit): replaced by the command's implementation.
export async function runCheck(_args: string[], io: CliIo): Promise<number> {
	io.stderr('mailcfg check: not implemented yet\n');
	return ExitCode.usage;
}
