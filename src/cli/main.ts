import type { Lang } from '../core/i18n';
import { type CommandSpec, chooseLang, commandHelp, flag, overviewHelp, parseCommandArgs } from './args';
import { CHECK, CONVERT, DISCOVER, EXPLAIN, HELP, TEST, WALKTHROUGHS } from './commands/specs';
import { type CliIo, ExitCode, UsageError, isUsageError, nodeIo } from './io';

type Run = (args: string[], io: CliIo) => Promise<number>;

/**
 * Every subcommand: its option definition and a loader for its code. Loaders are dynamic imports so a command
 * loads only what it runs: `check` never evaluates the probe libraries; esbuild.mjs puts `test` into its own
 * bundle (dist/cli-test.js) so they are not even parsed.
 */
const COMMANDS: readonly { spec: CommandSpec; load: () => Promise<Run> }[] = [
	{ spec: CHECK, load: async () => (await import('./commands/check')).runCheck },
	{ spec: TEST, load: async () => (await import('./commands/test')).runTest },
	{ spec: EXPLAIN, load: async () => (await import('./commands/explain')).runExplain },
	{ spec: WALKTHROUGHS, load: async () => (await import('./commands/walkthroughs')).runWalkthroughs },
	{ spec: DISCOVER, load: async () => (await import('./commands/discover')).runDiscover },
	{ spec: CONVERT, load: async () => (await import('./commands/convert')).runConvert },
];

const findCommand = (name: string | undefined) => COMMANDS.find((c) => c.spec.name === name);

/** Entry point shared by `dist/cli.js` and the tests; returns the exit code instead of exiting. */
export async function main(argv: string[], io: CliIo): Promise<number> {
	const [name, ...rest] = argv;
	const overview = () => overviewHelp([...COMMANDS.map((c) => c.spec), HELP], chooseLang(undefined, io.env));
	if (name === undefined) {
		io.stdout(overview());
		return ExitCode.usage;
	}
	if (name === '--help' || name === '-h') {
		io.stdout(overview());
		return ExitCode.ok;
	}
	if (name === '--version') {
		io.stdout(`${__MAILCFG_VERSION__}\n`);
		return ExitCode.ok;
	}
	const command = findCommand(name);
	if (!command && name !== HELP.name) {
		io.stderr(`mailcfg: unknown command '${name}'\n\n${overview()}`);
		return ExitCode.usage;
	}
	try {
		const parsed = parseCommandArgs(command?.spec ?? HELP, rest);
		const lang = chooseLang(flag(parsed, 'lang'), io.env);
		if (!command) return help(parsed.positionals, lang, io, overview);
		if (parsed.flags.has('help')) {
			io.stdout(commandHelp(command.spec, lang));
			return ExitCode.ok;
		}
		return await (
			await command.load()
		)(rest, io);
	} catch (error) {
		if (isUsageError(error)) {
			io.stderr(`mailcfg ${name}: ${error.message}\n`);
			return ExitCode.usage;
		}
		throw error;
	}
}

/** `mailcfg help [<command>]`: the same text as `mailcfg <command> --help`. */
function help(topics: readonly string[], lang: Lang, io: CliIo, overview: () => string): number {
	const [topic, ...extra] = topics;
	if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
	if (topic === undefined) {
		io.stdout(overview());
		return ExitCode.ok;
	}
	const command = findCommand(topic);
	if (!command) {
		io.stderr(`mailcfg help: unknown command '${topic}'\n\n${overview()}`);
		return ExitCode.usage;
	}
	io.stdout(commandHelp(command.spec, lang));
	return ExitCode.ok;
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
