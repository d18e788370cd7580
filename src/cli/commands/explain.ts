import { type CliIo, ExitCode } from '../io';

// PLACEHOLDER (foundation commit): replaced by the command's implementation.
export async function runExplain(_args: string[], io: CliIo): Promise<number> {
	io.stderr('mailcfg explain: not implemented yet\n');
	return ExitCode.usage;
}
