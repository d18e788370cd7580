import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../../../../src/cli/main';
import type { CliIo } from '../../../../src/cli/io';
import { GUIDES } from '../../../../src/core/walkthroughs/catalog';

async function run(
	args: string[],
	env: Record<string, string> = {},
): Promise<{ code: number; out: string; err: string }> {
	let out = '';
	let err = '';
	const io: CliIo = {
		stdout: (t) => {
			out += t;
		},
		stderr: (t) => {
			err += t;
		},
		readStdin: () => Promise.resolve(''),
		env,
		cwd: process.cwd(),
	};
	const code = await main(['walkthroughs', ...args], io);
	return { code, out, err };
}

interface ListJson {
	guides: { id: string; title: string; steps: { id: string; title: string }[] }[];
}

describe('mailcfg walkthroughs', () => {
	for (const lang of ['en', 'de'] as const) {
		test(`--format json --lang ${lang} lists every guide with step ids and titles`, async () => {
			const { code, out, err } = await run(['--format', 'json', '--lang', lang]);
			assert.equal(code, 0);
			assert.equal(err, '');
			const parsed = JSON.parse(out) as ListJson;
			assert.deepEqual(Object.keys(parsed), ['guides']);
			assert.deepEqual(
				parsed.guides.map((g) => g.id),
				GUIDES.map((g) => g.id),
			);
			for (const guide of parsed.guides) {
				assert.deepEqual(Object.keys(guide), ['id', 'title', 'steps']);
				const source = GUIDES.find((g) => g.id === guide.id);
				assert.equal(guide.title, source?.title[lang]);
				assert.deepEqual(
					guide.steps,
					source?.steps.map((s) => ({ id: s.id, title: s.title[lang] })),
				);
			}
		});
	}

	test('text list shows ids with titles; the language follows LANG without --lang', async () => {
		const { code, out } = await run([], { LANG: 'de_DE.UTF-8' });
		assert.equal(code, 0);
		assert.match(out, /^m365-enable-smtp-auth {2}SMTP AUTH für ein Postfach einschalten$/m);
		assert.match(out, /^ {2}#enable-mailbox {2}Für das eine Postfach einschalten$/m);
		const english = await run(['--lang', 'en'], { LANG: 'de_DE.UTF-8' });
		assert.match(english.out, /^m365-enable-smtp-auth {2}Enable SMTP AUTH for a mailbox$/m);
	});

	test('show prints one guide as text; a guide#step deep link works too', async () => {
		const shown = await run(['show', 'm365-send-as', '--lang', 'de']);
		assert.equal(shown.code, 0);
		assert.match(shown.out, /^„Senden als“ für ein freigegebenes oder Projektpostfach\n=+\n/);
		assert.match(shown.out, /^2\. Oder per PowerShell erteilen {2}\[#grant-powershell\]$/m);
		const deep = await run(['show', 'm365-send-as#grant-powershell', '--lang', 'de']);
		assert.equal(deep.out, shown.out);
	});

	const usage: [string, string[], RegExp][] = [
		[
			'unknown guide lists the known ids',
			['show', 'm365-nope'],
			/unknown guide 'm365-nope'[\s\S]*\n {2}m365-enable-smtp-auth\n/,
		],
		['unknown step of a known guide', ['show', 'm365-send-as#nope'], /unknown guide 'm365-send-as#nope'/],
		['missing guide id', ['show'], /show needs a guide id/],
		['unknown subcommand', ['list'], /unknown subcommand 'list'/],
		['bad format', ['--format', 'xml'], /--format must be one of text, json/],
		['bad language', ['--lang', 'fr'], /--lang must be one of en, de/],
		['unknown flag', ['--verbose'], /unknown option --verbose/],
		['show has no JSON form', ['show', 'm365-send-as', '--format', 'json'], /show prints text only/],
		['extra argument', ['show', 'm365-send-as', 'extra'], /unexpected argument 'extra'/],
	];
	for (const [name, args, message] of usage) {
		test(`${name}: exit 2`, async () => {
			const { code, out, err } = await run(args);
			assert.equal(code, 2);
			assert.equal(out, '');
			assert.match(err, message);
		});
	}
});
