import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS } from '../../../../src/core/i18n';
import { commandTitle, type CommandKey } from '../../../../src/core/commands';
import { ROOT, allTexts, textPairs } from './texts';

const NLS = {
	en: JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>,
	de: JSON.parse(readFileSync(join(ROOT, 'package.nls.de.json'), 'utf8')) as Record<string, string>,
};

/** Two different things must not read the same (the German "Show Transcript" and "Show Log" were both "Protokoll anzeigen"). */
describe('labels tell different things apart', () => {
	test('every command title is unique in each language', () => {
		for (const lang of LANGS) {
			const titles = Object.entries(NLS[lang]).filter(
				([key]) => key.startsWith('command.') && key !== 'command.category',
			);
			const seen = new Map<string, string>();
			for (const [key, title] of titles) {
				assert.equal(seen.get(title), undefined, `${lang}: ${key} and ${seen.get(title)} are both "${title}"`);
				seen.set(title, key);
			}
		}
	});

	test('a command link in the manifest strings is labeled with that command’s title', () => {
		for (const lang of LANGS) {
			for (const [key, text] of Object.entries(NLS[lang])) {
				for (const m of text.matchAll(/\[([^\]]+)\]\(command:mailcfg\.(\w+)\)/g)) {
					const title = NLS[lang][`command.${m[2]}`];
					assert.ok(title, `${lang} ${key}: unknown command ${m[2]}`);
					assert.equal(m[1], title.replace(/…$/, ''), `${lang} ${key}`);
				}
			}
		}
	});

	test('within one file, different English texts never share one German text', () => {
		const byFile = new Map<string, Map<string, string>>();
		const clashes: string[] = [];
		for (const { file, en, de } of textPairs()) {
			const germans = byFile.get(file) ?? new Map<string, string>();
			byFile.set(file, germans);
			const other = germans.get(de);
			if (other !== undefined && other.toLowerCase() !== en.toLowerCase())
				clashes.push(`${file}: "${other}" and "${en}" → "${de}"`);
			germans.set(de, en);
		}
		assert.deepEqual(clashes, []);
	});

	test('a text that quotes a palette command uses a real title (write {command:KEY}, never the title by hand)', () => {
		const titles = new Set(
			LANGS.flatMap((lang) =>
				Object.keys(NLS.en)
					.filter((key) => key.startsWith('command.') && key !== 'command.category')
					.map((key) => commandTitle(key.slice('command.'.length) as CommandKey, lang)),
			),
		);
		const wrong = allTexts().flatMap((t) =>
			[...t.text.matchAll(/["„“]((?:Mail|mailcfg): [^"“]+)["“]/g)]
				.map((m) => m[1] ?? '')
				.filter((quoted) => !titles.has(quoted) && !titles.has(`${quoted}…`))
				.map((quoted) => `${t.file}: ${quoted}`),
		);
		assert.deepEqual(wrong, []);
	});

	test('the scan sees the pairs (guards against an empty scan passing)', () => {
		assert.ok(textPairs().length > 1000);
	});
});
