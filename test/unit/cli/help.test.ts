import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type CommandSpec, parseCommandArgs } from '../../../src/cli/args';
import type { CliIo } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { CHECK, EXPLAIN, TEST, WALKTHROUGHS } from '../../../src/cli/commands/specs';

async function run(argv: string[], env: Record<string, string> = {}) {
	let out = '';
	let err = '';
	const io: CliIo = {
		stdout: (t) => (out += t),
		stderr: (t) => (err += t),
		readStdin: () => Promise.resolve(''),
		env,
		cwd: process.cwd(),
	};
	const code = await main(argv, io);
	return { code, out, err };
}

const SPECS: readonly CommandSpec[] = [CHECK, TEST, EXPLAIN, WALKTHROUGHS];

describe('mailcfg <command> --help and mailcfg help <command>', () => {
	for (const spec of SPECS) {
		for (const lang of ['en', 'de'] as const) {
			test(`${spec.name} (${lang}): every option of the definition is listed, exit 0, nothing run`, async () => {
				const viaFlag = await run([spec.name, '--help', '--lang', lang]);
				assert.equal(viaFlag.code, 0, viaFlag.err);
				assert.equal(viaFlag.err, '');
				assert.match(viaFlag.out, new RegExp(`^(Usage|Aufruf): mailcfg ${spec.name} `));
				for (const option of spec.options) {
					assert.match(viaFlag.out, new RegExp(`\\n  --${option.name}\\b.*${escape(option.description[lang])}`));
				}
				const viaHelp = await run(['help', spec.name, '--lang', lang]);
				assert.equal(viaHelp.code, 0);
				assert.equal(viaHelp.out, viaFlag.out);
			});
		}
	}

	test('-h works too, and the locale picks German', async () => {
		const { code, out } = await run(['check', '-h'], { LANG: 'de_DE.UTF-8' });
		assert.equal(code, 0);
		assert.match(out, /^Aufruf: mailcfg check/);
		assert.match(out, /\nOptionen:\n/);
	});

	test('repeatable options say so', async () => {
		const { out } = await run(['test', '--help', '--lang', 'en']);
		assert.match(out, /--account ID\s+test only this account \(default: all\) \(repeatable\)/);
		assert.match(out, /\[--ca FILE\]\.\.\./);
	});

	test('the overview lists every command; help for an unknown command is exit 2', async () => {
		const overview = await run(['--help'], { LANG: 'C' });
		assert.equal(overview.code, 0);
		for (const spec of SPECS) assert.match(overview.out, new RegExp(`\\n  ${spec.name}\\s`));
		assert.deepEqual(await run(['help'], { LANG: 'C' }), overview);
		const unknown = await run(['help', 'frobnicate']);
		assert.equal(unknown.code, 2);
		assert.match(unknown.err, /unknown command 'frobnicate'/);
		const bare = await run([]);
		assert.equal(bare.code, 2);
		assert.match(bare.out, /Usage: mailcfg <command>/);
	});
});

describe('parsing from the one definition', () => {
	const cases: { args: string[]; positionals?: string[]; flags?: Record<string, string[]>; error?: RegExp }[] = [
		{ args: ['a', '--format=json', 'b'], positionals: ['a', 'b'], flags: { format: ['json'] } },
		{ args: ['--format', 'text', '--format', 'json'], positionals: [], flags: { format: ['json'] } },
		{ args: ['--fix'], error: /^unknown option --fix$/ },
		{ args: ['-x'], positionals: ['-x'] },
		{ args: ['--format'], error: /^--format needs a value$/ },
		{ args: ['--format', 'xml'], error: /^--format must be one of text, json, sarif \(got 'xml'\)$/ },
		{ args: ['--', '--format'], positionals: ['--format'] },
		{ args: ['-'], positionals: ['-'] },
	];
	for (const { args, positionals, flags, error } of cases) {
		test(`check ${JSON.stringify(args)}`, () => {
			if (error) {
				assert.throws(() => parseCommandArgs(CHECK, args), { message: error });
				return;
			}
			const parsed = parseCommandArgs(CHECK, args);
			assert.deepEqual(parsed.positionals, positionals);
			assert.deepEqual(Object.fromEntries(parsed.flags), flags ?? {});
		});
	}

	test('repeatable flags keep every value in order; booleans take no value', () => {
		const parsed = parseCommandArgs(TEST, ['f.json', '--account', 'a', '--transcript', '--account=b']);
		assert.deepEqual(parsed.flags.get('account'), ['a', 'b']);
		assert.deepEqual(parsed.flags.get('transcript'), ['true']);
		assert.throws(() => parseCommandArgs(TEST, ['--transcript=yes']), { message: /^--transcript takes no value$/ });
	});

	test('a pasted POP3 reply with a leading dash is text, not a cluster of short flags', () => {
		const parsed = parseCommandArgs(EXPLAIN, ['-ERR [AUTH] Authentication failed.', '--lang', 'en']);
		assert.deepEqual(parsed.positionals, ['-ERR [AUTH] Authentication failed.']);
	});
});

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
