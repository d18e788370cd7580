/**
 * Fuzzing the incremental path of the language server (issue #13 point 1): a document kept in parts
 * (src/server/parted-document.ts) must read exactly like vscode-languageserver-textdocument's after any sequence of
 * incremental changes, and the analysis of an edit (analyzeEdit, which reads only the parts around it) must equal a
 * fresh analysis of the whole new text, whatever the edits: inside one account or across several, breaking the JSON,
 * typing line breaks of every kind, several edits between two analyses.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixedClock } from '../../src/core/clock';
import { type AnalyzeOptions, AnalysisCache, analyzeEdit, analyzeText } from '../../src/core/config/analyze';
import { PartedDocument } from '../../src/server/parted-document';
import { account } from './arbitraries';
import { fuzz } from './support';

const OPTIONS: AnalyzeOptions = { lang: 'en', now: fixedClock(new Date('2026-06-01T00:00:00Z')) };

/** A strict-JSON config as editors write it, with tabs or spaces and LF or CRLF: the path analyzeEdit speeds up. */
const config = fc
	.tuple(fc.array(account, { minLength: 1, maxLength: 8 }), fc.constantFrom('\t', 2, 4), fc.constantFrom('\n', '\r\n'))
	.map(([accounts, indent, eol]) => JSON.stringify({ accounts }, null, indent).replace(/\n/g, eol));

/** What someone types or deletes: digits, quotes, JSON punctuation, every line break, whole properties. */
const typed = fc.constantFrom(
	'',
	'1',
	'9',
	'a',
	'"',
	'\\',
	',',
	':',
	'{',
	'}',
	'[',
	']',
	' ',
	'\t',
	'\n',
	'\r',
	'\r\n',
);
const snippet = fc.oneof(
	typed,
	fc.constantFrom('"port": 25', '"host": "smtp.office365.com"', '"id": "scanner"', '"security": "starttls",\n'),
);

/** An edit at a relative place in the text (0..1), replacing up to `removed` characters: always in range. */
interface Edit {
	at: number;
	removed: number;
	text: string;
	/** Analyse after this edit (else it is merged with the next ones). */
	analyse: boolean;
}
const edit: fc.Arbitrary<Edit> = fc.record({
	at: fc.double({ min: 0, max: 1, noNaN: true }),
	removed: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 40 })),
	text: snippet,
	analyse: fc.boolean(),
});

/** The edit as an LSP change on `text`, by offsets; LSP positions cannot point between a CR and its LF. */
function placed(text: string, e: Edit): { start: number; end: number } {
	const insideCrlf = (at: number): boolean => text[at - 1] === '\r' && text[at] === '\n';
	let start = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
	if (insideCrlf(start)) start--;
	let end = Math.min(text.length, start + e.removed);
	if (insideCrlf(end)) end++;
	return { start, end };
}

test('fuzz: a parted document reads like vscode-languageserver-textdocument after any incremental changes', () =>
	fuzz(
		'parted-document',
		fc.record({
			text: fc.oneof(config, fc.string({ maxLength: 60, unit: fc.constantFrom('a', '\n', '\r', ' ', 'é', '😀') })),
			edits: fc.array(edit, { maxLength: 25 }),
			// Ranges out of order or past the end of a line or of the text, as clients may send them.
			sloppy: fc.boolean(),
		}),
		async ({ text, edits, sloppy }) => {
			const reference = TextDocument.create('file:///a.mailaccounts.json', 'json', 1, text);
			let parted = PartedDocument.create('file:///a.mailaccounts.json', 'json', 1, text);
			let before = text;
			let version = 1;
			let analysed = 1;
			for (const e of edits) {
				const { start, end } = placed(reference.getText(), e);
				let range = { start: reference.positionAt(start), end: reference.positionAt(end) };
				if (sloppy) range = { start: range.end, end: { line: range.start.line, character: range.start.character + 5 } };
				const change = [{ range, text: e.text }];
				TextDocument.update(reference, change, ++version);
				parted = PartedDocument.update(parted, change, version);
				if (!e.analyse) continue;
				// The tracked change, applied to the text it started from, gives the current text.
				const tracked = parted.changeSince(analysed);
				analysed = version;
				const after = reference.getText();
				assert.ok(tracked, 'incremental changes are tracked');
				assert.equal(
					before.slice(0, tracked.start) + parted.slice(tracked.start, tracked.newEnd) + before.slice(tracked.oldEnd),
					after,
				);
				before = after;
			}
			const final = reference.getText();
			assert.equal(parted.length, final.length);
			for (let offset = -1; offset <= final.length + 1; offset++) {
				assert.deepEqual(parted.positionAt(offset), reference.positionAt(offset), `positionAt(${offset})`);
			}
			for (let line = -1; line <= reference.lineCount; line++) {
				for (const character of [-1, 0, 1, 2, 5, 1000]) {
					const position = { line, character };
					assert.equal(parted.offsetAt(position), reference.offsetAt(position), JSON.stringify(position));
				}
				assert.deepEqual(parted.getLineRange(line), reference.getLineRange(line), `getLineRange(${line})`);
				assert.equal(parted.getEOLCharacters(line), reference.getEOLCharacters(line), `getEOLCharacters(${line})`);
			}
			assert.equal(parted.lineCount, reference.lineCount);
			assert.equal(parted.getText(), final);
		},
		60,
	));

test('fuzz: the analysis of edits equals a fresh analysis of the new text', () =>
	fuzz(
		'incremental-analysis',
		fc.record({ text: config, edits: fc.array(edit, { minLength: 1, maxLength: 12 }) }),
		async ({ text, edits }) => {
			const document = PartedDocument.create('file:///a.mailaccounts.json', 'json', 1, text);
			const cache = new AnalysisCache();
			analyzeText(text, OPTIONS, cache);
			let current = text;
			let analysed = 1;
			for (const [k, e] of edits.entries()) {
				const { start, end } = placed(current, e);
				const range = { start: document.positionAt(start), end: document.positionAt(end) };
				PartedDocument.update(document, [{ range, text: e.text }], document.version + 1);
				current = current.slice(0, start) + e.text + current.slice(end);
				assert.equal(document.slice(0, document.length), current);
				if (!e.analyse && k < edits.length - 1) continue;
				const change = document.changeSince(analysed);
				analysed = document.version;
				assert.ok(change, 'edits since the last analysis are tracked');
				assert.deepEqual(
					analyzeEdit(document, change, OPTIONS, cache),
					analyzeText(current, OPTIONS),
					`after edit ${k}`,
				);
			}
		},
		40,
	));
