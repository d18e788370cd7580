import { runCheck } from './commands/check';
import { runTest } from './commands/test';
import { runExplain } from './commands/explain';
import { runWalkthroughs } from './commands/walkthroughs';
import { type CliIo, ExitCode, UsageError, nodeIo } from './io';

const commands: Record<string, { summary: string; run: (args: string[], io: CliIo) => Promise<number> }> = {
	check: {
		summary: 'check <files or folders...> [--format text|json|sarif] [--lang en|de] [--now YYYY-MM-DD]',
		run: runCheck,
	},
	test: {
		summary:
			'test <file> [--account ID]... [--format text|json] [--lang en|de] [--timeout MS] [--concurrency N] [--secrets FILE]\n' +
			'               [--ca FILE]... [--transcript] [--open-browser] [--send-test-mail TO]',
		run: runTest,
	},
	explain: {
		summary: 'explain "<text>"|- [--format text|json] [--lang en|de] [--provider ID] [--auth METHOD] [--stage NAME]',
		run: runExplain,
	},
	walkthroughs: { summary: 'walkthroughs [show <guide>] [--format text|json] [--lang en|de]', run: runWalkthroughs },
};

function usage(): string {
	return [
		'Usage: mailcfg <command> [options]',
		'',
		...Object.values(commands).map((c) => `  mailcfg ${c.summary}`),
	].join('\n');
}

/** Entry point shared by `dist/cli.js` and the tests; returns the exit code instead of exiting. */
export async function main(argv: string[], io: CliIo): Promise<number> {
	const [name, ...rest] = argv;
	if (!name || name === '--help' || name === '-h' || name === 'help') {
		io.stdout(usage() + '\n');
		return name ? ExitCode.ok : ExitCode.usage;
	}
	if (name === '--version') {
		io.stdout(`${__MAILCFG_VERSION__}\n`);
		return ExitCode.ok;
	}
	const command = commands[name];
	if (!command) {
		io.stderr(`mailcfg: unknown command '${name}'\n\n${usage()}\n`);
		return ExitCode.usage;
	}
	try {
		return await command.run(rest, io);
	} catch (error) {
		if (error instanceof UsageError) {
			io.stderr(`mailcfg ${name}: ${error.message}\n`);
			return ExitCode.usage;
		}
		throw error;
	}
}

declare const __MAILCFG_VERSION__: string;

if (require.main === module) {
	main(process.argv.slice(2), nodeIo).then(
		(code) => {
			process.exitCode = code;
		},
		(error: unknown) => {
			process.stderr.write(`mailcfg: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
			process.exitCode = 2;
		},
	);
}
