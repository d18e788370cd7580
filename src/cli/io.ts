import { readFileSync } from 'node:fs';

/** Exit codes shared by every subcommand (see README). */
export const ExitCode = { ok: 0, findings: 1, usage: 2 } as const;

/** Thrown for bad flags or unreadable input; main() prints it and exits with 2. */
export class UsageError extends Error {}

/** The process surface the CLI touches, so tests can run it in-process and capture output. */
export interface CliIo {
	stdout(text: string): void;
	stderr(text: string): void;
	readStdin(): Promise<string>;
	env: Readonly<Record<string, string | undefined>>;
	cwd: string;
}

export const nodeIo: CliIo = {
	stdout: (text) => process.stdout.write(text),
	stderr: (text) => process.stderr.write(text),
	readStdin: () => Promise.resolve(readFileSync(0, 'utf8')),
	env: process.env,
	cwd: process.cwd(),
};

export interface ParsedArgs {
	positionals: string[];
	/** Every value of each flag, in order (`--account a --account b`). */
	flags: Map<string, string[]>;
}

/**
 * Parses `--name value` and `--name=value`. `booleans` lists flags that take no value; any flag not in
 * `known` is a usage error so typos never pass silently.
 */
export function parseArgs(args: string[], known: readonly string[], booleans: readonly string[] = []): ParsedArgs {
	const positionals: string[] = [];
	const flags = new Map<string, string[]>();
	for (let i = 0; i < args.length; i++) {
		const arg = args[i] as string;
		if (!arg.startsWith('--') || arg === '-') {
			positionals.push(arg);
			continue;
		}
		const eq = arg.indexOf('=');
		const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
		if (!known.includes(name) && !booleans.includes(name)) throw new UsageError(`unknown option --${name}`);
		let value: string;
		if (booleans.includes(name)) value = 'true';
		else if (eq > 0) value = arg.slice(eq + 1);
		else {
			const next = args[i + 1];
			if (next === undefined || next.startsWith('--')) throw new UsageError(`--${name} needs a value`);
			value = next;
			i++;
		}
		flags.set(name, [...(flags.get(name) ?? []), value]);
	}
	return { positionals, flags };
}

/** The last value of a flag, checked against `allowed` when given. */
export function flag(parsed: ParsedArgs, name: string, allowed?: readonly string[]): string | undefined {
	const value = parsed.flags.get(name)?.at(-1);
	if (value !== undefined && allowed && !allowed.includes(value)) {
		throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got '${value}')`);
	}
	return value;
}
