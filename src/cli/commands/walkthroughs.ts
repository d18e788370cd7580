import { type CliIo, ExitCode } from '../io';

// PLACEHOLDER (foundation commit): replaced by the command's implementation.
export async function runWalkthroughs(_args: string[], io: CliIo): Promise<number> {
	io.stderr('mailcfg walkthroughs: not implemented yet\n');
	return ExitCode.usage;
}
