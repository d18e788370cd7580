/**
 * Fuzzing the language server over stdio (issue #9): the built dist/server.js, as an editor starts it, gets
 * generated and mutated configs and other tools' files, edits of them, hovers and code-action requests at any
 * position (also beyond the text). Every answer must come in bounded time and be well-formed LSP: diagnostics and
 * edits inside the document, printable messages, titles and hovers. At the end the same process must still answer.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import type { Diagnostic, Hover, Position, Range } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../unit/server/lsp-harness';
import { SOURCE_FORMAT_NAMES, configText, sourceInput } from './arbitraries';
import { assertPrintable, fuzz } from './support';

/** How long one answer may take: a file of the fuzzer's size is analysed in milliseconds; the rest is a loaded CI. */
const ANSWER_MS = 10_000;

let client: LspClient;
let child: ChildProcess;
before(async () => {
	({ client, child } = await LspClient.spawn({ pull: true, locale: 'en' }));
});
after(() => client.shutdown());

const languageIds: [RegExp, string][] = [
	[/\.json$/, 'json'],
	[/\.env/, 'dotenv'],
	[/\.properties$/, 'properties'],
	[/\.ya?ml$/, 'yaml'],
	[/./, 'plaintext'],
];

function answered<T>(what: string, request: Promise<T>): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ANSWER_MS} ms`)), ANSWER_MS);
	});
	return Promise.race([request, timeout]).finally(() => clearTimeout(timer));
}

function lineLengths(text: string): number[] {
	return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function assertRangeInside(range: Range, lines: number[], what: string): void {
	const inside = (p: Position) =>
		p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= (lines[p.line] ?? 0);
	assert.ok(inside(range.start) && inside(range.end), `${what} outside the text: ${JSON.stringify(range)}`);
	const ordered =
		range.start.line < range.end.line ||
		(range.start.line === range.end.line && range.start.character <= range.end.character);
	assert.ok(ordered, `${what} ends before it starts: ${JSON.stringify(range)}`);
}

function assertDiagnostics(items: Diagnostic[], text: string): void {
	const lines = lineLengths(text);
	for (const d of items) {
		assertRangeInside(d.range, lines, `diagnostic ${String(d.code)}`);
		assert.ok(d.severity !== undefined && d.severity >= 1 && d.severity <= 4, `severity ${d.severity}`);
		const message = typeof d.message === 'string' ? d.message : d.message.value;
		assert.ok(message.length > 0);
		assertPrintable(message, `diagnostic ${String(d.code)}`);
	}
}

function hoverText(hover: Hover | null): string {
	if (!hover) return '';
	const contents = Array.isArray(hover.contents) ? hover.contents : [hover.contents];
	return contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

/** A position given as fractions of the text, or far beyond it. */
const position = fc.record({
	line: fc.double({ min: 0, max: 1.2, noNaN: true }),
	character: fc.integer({ min: 0, max: 400 }),
});

const document = fc.oneof(
	{ weight: 3, arbitrary: configText.map((text) => ({ name: 'import.mailaccounts.json', text })) },
	...SOURCE_FORMAT_NAMES.map((format) => sourceInput(format)),
);

let runs = 0;

test('fuzz: the server answers every document, edit, hover and code-action request in time and well-formed', () =>
	fuzz(
		'lsp-documents',
		fc.record({ first: document, second: document, positions: fc.array(position, { minLength: 1, maxLength: 3 }) }),
		async ({ first, second, positions }) => {
			const uri = `file:///fuzz/run${++runs}/${first.name}`;
			const languageId = languageIds.find(([pattern]) => pattern.test(first.name))?.[1] ?? 'plaintext';
			await client.open(uri, first.text, languageId);
			const items = await answered('pull', client.pullItems(uri));
			assertDiagnostics(items, first.text);
			const lines = lineLengths(first.text);
			for (const p of positions) {
				const line = Math.floor(p.line * lines.length);
				const hover = await answered('hover', client.hover(uri, line, p.character));
				assertPrintable(hoverText(hover), 'hover');
				const range = { start: { line, character: p.character }, end: { line, character: p.character } };
				const actions = await answered('codeAction', client.codeActions(uri, range, items.slice(0, 5)));
				for (const action of actions) assertPrintable(action.title, 'code action title');
			}
			for (const d of items.slice(0, 5)) {
				const actions = await answered('codeAction', client.codeActions(uri, d.range, [d]));
				for (const action of actions) {
					assertPrintable(action.title, 'code action title');
					const documentEdits = (action.edit?.documentChanges ?? []).flatMap((c) => ('edits' in c ? c.edits : []));
					for (const edit of [...(action.edit?.changes?.[uri] ?? []), ...documentEdits]) {
						assertRangeInside(edit.range, lines, 'edit');
					}
				}
			}
			// The same document replaced by another text of maybe another kind: the analysis follows the edit.
			await client.change(uri, second.text);
			assertDiagnostics(await answered('pull after change', client.pullItems(uri)), second.text);
			await client.close(uri);
			assert.equal(child.exitCode, null, 'the server is still running');
		},
		15,
	));

test('after the fuzzing the same server process still analyses a plain config', async () => {
	const uri = 'file:///fuzz/after/plain.mailaccounts.json';
	await client.open(uri, '{ "accounts": [ { "id": "a" } ] }');
	const items = await answered('pull', client.pullItems(uri));
	assert.ok(
		items.some((d) => d.source === 'mailcfg'),
		JSON.stringify(items),
	);
	assert.equal(child.exitCode, null);
	for (const line of client.logs) assertPrintable(line, 'server log');
});
