/**
 * Fuzzing `mailcfg explain` (issue #9): real error lines with escape sequences and noise spliced in, random bytes,
 * lines of up to a megabyte, read from stdin as a user pastes them. The command ends in bounded time with exit 0
 * (a cause matched), 1 (none did) or 2 (empty input); its text output holds no control character, its JSON parses
 * and holds none in any string, and the output stays small whatever the size of the input.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { main } from '../../src/cli/main';
import { explainInput } from './arbitraries';
import { LONG_RUN, assertPrintable, assertPrintableStrings, fuzz, within } from './support';

/** What the output may grow to, whatever the input: the catalog's texts, not the pasted line. */
const MAX_OUTPUT = 64 * 1024;

test('fuzz: mailcfg explain ends cleanly, printable and small, for any pasted text', () =>
	fuzz(
		'explain-cli',
		fc.record({
			text: explainInput(LONG_RUN ? 1024 * 1024 : 64 * 1024),
			format: fc.constantFrom('text', 'json'),
			lang: fc.constantFrom('en', 'de'),
		}),
		async ({ text, format, lang }) => {
			let stdout = '';
			let stderr = '';
			const io = {
				stdout: (t: string) => (stdout += t),
				stderr: (t: string) => (stderr += t),
				readStdin: () => Promise.resolve(text),
				env: {},
				cwd: '/',
			};
			const code = await within(5000, 'explain', () => main(['explain', '-', '--format', format, '--lang', lang], io));
			assert.ok([0, 1, 2].includes(code), `exit ${code}: ${stderr}`);
			assertPrintable(stderr, 'stderr');
			assert.ok(stdout.length <= MAX_OUTPUT, `${stdout.length} characters of output`);
			if (format === 'text') assertPrintable(stdout, 'text');
			else if (code !== 2) assertPrintableStrings(JSON.parse(stdout), 'json');
		},
		80,
	));
