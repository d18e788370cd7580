import { parseArgs as parseNodeArgs } from 'node:util';
import { parseDnsServer } from '../core/discovery/endpoints';
import { type Lang, type Localized, isLang, resolveLang, tr } from '../core/i18n';
import { type CliIo, UsageError } from './io';

/**
 * One option of a subcommand. This single definition drives parsing (node:util parseArgs), validation of
 * `choices`, and the `--help` text in both languages, so a flag is added in exactly one place.
 */
export interface OptionSpec {
	readonly name: string;
	/** `boolean` flags take no value; `string` flags take one (`--name value` or `--name=value`). */
	readonly type: 'string' | 'boolean';
	/** May be given more than once; every value is kept in order. */
	readonly multiple?: boolean;
	/** Placeholder shown in help (`--timeout MS`); defaults to the choices or `VALUE`. */
	readonly value?: string;
	/** The only values accepted; anything else is a usage error that lists them. */
	readonly choices?: readonly string[];
	readonly description: Localized;
}

/** A subcommand as the user sees it: name, what it does, its arguments and its options. */
export interface CommandSpec {
	readonly name: string;
	/** The positional part of the synopsis, e.g. `<files or folders...>`. */
	readonly args: string;
	readonly summary: Localized;
	readonly options: readonly OptionSpec[];
	/** Extra paragraphs after the option list (exit codes, examples). */
	readonly notes?: Localized;
}

/** `--lang`, shared by every subcommand. */
export const LANG_OPTION: OptionSpec = {
	name: 'lang',
	type: 'string',
	choices: ['en', 'de'],
	description: {
		en: 'language of the output (default: from LC_ALL, LC_MESSAGES or LANG)',
		de: 'Sprache der Ausgabe (Standard: aus LC_ALL, LC_MESSAGES oder LANG)',
	},
};

/** `--help`/`-h`, added to every subcommand by the parser and shown last in every help text. */
const HELP_OPTION: OptionSpec = {
	name: 'help',
	type: 'boolean',
	description: { en: 'show this help and exit', de: 'diese Hilfe zeigen und beenden' },
};

export interface ParsedArgs {
	positionals: string[];
	/** Every value of each given flag, in order (`--account a --account b`); booleans hold `'true'`. */
	flags: Map<string, string[]>;
}

/** Placeholder for a single-dash word while node's parser runs (see parseCommandArgs). */
const SHIELD = '\u0000arg';

/**
 * Parses `args` against the command's options with node:util `parseArgs` (strict: unknown flags are usage errors,
 * exit 2). A word with a single leading dash such as `-ERR Authentication failed` (a POP3 reply pasted into
 * `explain`) is text: node's parser would split it into short flags, so such words are shielded from it.
 */
export function parseCommandArgs(spec: CommandSpec, args: readonly string[]): ParsedArgs {
	const options = [...spec.options, HELP_OPTION];
	const shielded = args.map((arg, i) => (/^-[^-]/.test(arg) && arg !== '-h' ? `${SHIELD}${i}` : arg));
	const unshield = (value: string): string =>
		value.startsWith(SHIELD) ? (args[Number(value.slice(SHIELD.length))] as string) : value;
	let parsed: ReturnType<typeof parseNodeArgs>;
	try {
		parsed = parseNodeArgs({
			args: shielded,
			strict: true,
			allowPositionals: true,
			tokens: true,
			options: Object.fromEntries(
				options.map((o) => [o.name, { type: o.type, ...(o.name === 'help' ? { short: 'h' } : {}) }]),
			),
		});
	} catch (error) {
		throw usageFromNode(error);
	}
	const flags = new Map<string, string[]>();
	// Tokens keep the order across flags and repetitions, which `values` alone loses for non-multiple flags.
	for (const token of parsed.tokens ?? []) {
		if (token.kind !== 'option') continue;
		const option = options.find((o) => o.name === token.name) as OptionSpec;
		const value = option.type === 'boolean' ? 'true' : unshield(token.value ?? '');
		if (option.choices && !option.choices.includes(value)) {
			throw new UsageError(`--${option.name} must be one of ${option.choices.join(', ')} (got '${value}')`);
		}
		if (flags.has(option.name) && !option.multiple && option.type === 'string') {
			// The last value wins, as with most CLIs; kept as the only one so callers need not care.
			flags.set(option.name, [value]);
			continue;
		}
		flags.set(option.name, [...(flags.get(option.name) ?? []), value]);
	}
	return { positionals: parsed.positionals.map(unshield), flags };
}

/** node's messages suggest `--` tricks and quote oddly; ours name the flag and what is wrong, as before. */
function usageFromNode(error: unknown): Error {
	const code = (error as { code?: string } | undefined)?.code;
	const message = error instanceof Error ? error.message : String(error);
	const name = /'(--?[^' ]+)/.exec(message)?.[1] ?? '';
	if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`unknown option ${name}`);
	if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
		return new UsageError(/does not take/.test(message) ? `${name} takes no value` : `${name} needs a value`);
	}
	if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return new UsageError(message);
	return error instanceof Error ? error : new Error(message);
}

/** The last value of a flag. */
export function flag(parsed: ParsedArgs, name: string): string | undefined {
	return parsed.flags.get(name)?.at(-1);
}

/** `--lang`, else the shell's locale (LC_ALL, LC_MESSAGES, LANG: `de*` means German), else English. */
export function chooseLang(flagValue: string | undefined, env: CliIo['env']): Lang {
	if (isLang(flagValue)) return flagValue;
	return resolveLang('auto', env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

const HELP_TEXTS = {
	usage: { en: 'Usage', de: 'Aufruf' },
	options: { en: 'Options', de: 'Optionen' },
	repeatable: { en: '(repeatable)', de: '(mehrfach möglich)' },
	oneOf: { en: '(one of: {values})', de: '(eines von: {values})' },
	commands: { en: 'Commands', de: 'Befehle' },
	more: {
		en: 'Run "mailcfg help <command>" or "mailcfg <command> --help" for the options of a command.',
		de: '"mailcfg help <Befehl>" oder "mailcfg <Befehl> --help" zeigt die Optionen eines Befehls.',
	},
	version: { en: 'print the version and exit', de: 'Version ausgeben und beenden' },
} satisfies Record<string, Localized>;

function placeholder(option: OptionSpec): string {
	if (option.type === 'boolean') return '';
	return ` ${option.value ?? (option.choices ? option.choices.join('|') : 'VALUE')}`;
}

/** The one-line synopsis: `mailcfg check <files or folders...> [--format text|json|sarif] ...`. */
export function synopsis(spec: CommandSpec): string {
	const flags = spec.options.map((o) => `[--${o.name}${placeholder(o)}]${o.multiple ? '...' : ''}`);
	return ['mailcfg', spec.name, spec.args, ...flags].filter(Boolean).join(' ');
}

/** Aligned two-column rows, wrapped only by the terminal. */
function table(rows: readonly (readonly [string, string])[]): string[] {
	const width = Math.max(...rows.map(([left]) => left.length));
	return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

/** `mailcfg <command> --help`: synopsis, summary, every option with its description, notes. */
export function commandHelp(spec: CommandSpec, lang: Lang): string {
	const rows = [...spec.options, HELP_OPTION].map((o): [string, string] => {
		const notes = [
			// Long lists (providers, stages) are named in the description, not in the placeholder.
			o.choices && o.value ? tr(HELP_TEXTS.oneOf, lang, { values: o.choices.join(', ') }) : '',
			o.multiple ? tr(HELP_TEXTS.repeatable, lang) : '',
		].filter(Boolean);
		return [`--${o.name}${placeholder(o)}`, [tr(o.description, lang), ...notes].join(' ')];
	});
	const lines = [
		`${tr(HELP_TEXTS.usage, lang)}: ${synopsis(spec)}`,
		'',
		tr(spec.summary, lang),
		'',
		`${tr(HELP_TEXTS.options, lang)}:`,
		...table(rows),
	];
	if (spec.notes) lines.push('', tr(spec.notes, lang));
	return `${lines.join('\n')}\n`;
}

/** `mailcfg --help`: every command with its summary. */
export function overviewHelp(specs: readonly CommandSpec[], lang: Lang): string {
	const rows = specs.map((s): [string, string] => [s.name, tr(s.summary, lang)]);
	return [
		`${tr(HELP_TEXTS.usage, lang)}: mailcfg <command> [options]`,
		'',
		`${tr(HELP_TEXTS.commands, lang)}:`,
		...table([...rows, ['--version', tr(HELP_TEXTS.version, lang)]]),
		'',
		tr(HELP_TEXTS.more, lang),
		'',
	].join('\n');
}

const BAD_DNS: Localized = {
	en: '--dns takes an IP address with an optional port (127.0.0.1:5353, [::1]:53), got "{value}"',
	de: '--dns erwartet eine IP-Adresse mit optionalem Port (127.0.0.1:5353, [::1]:53), nicht „{value}“',
};

/** `--dns HOST:PORT` as Resolver.setServers takes it; HOST must be an IP address (resolvers are not found by name). */
export function dnsServerFlag(value: string, lang: Lang): string {
	const server = parseDnsServer(value);
	if (server === undefined) throw new UsageError(tr(BAD_DNS, lang, { value }));
	return server;
}
