// Incremental analysis (issue #13): after any edit, the findings computed with the previous analysis's cache are
// exactly those of a fresh analysis of the new text, and an edit inside one account re-checks only that account.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedClock, parseDay } from '../../../../src/core/clock';
import {
	type AnalyzeOptions,
	AnalysisCache,
	analyzeEdit,
	analyzeText,
	changedWindow,
} from '../../../../src/core/config/analyze';
import { PartedDocument } from '../../../../src/server/parted-document';
import { LineIndex } from '../../../../src/core/text/positions';
import { GENERIC, GMAIL, GMX, M365_APP_ONLY, M365_PRINTER, patch } from '../rules/fixtures';
import { TODAY, configText } from '../rules/helpers';

const BASE: AnalyzeOptions = { lang: 'en', now: fixedClock(parseDay(TODAY)!) };

/** Twelve accounts of every kind the rule tests use, with typical mistakes, and two unique ids per kind. */
const ACCOUNTS = [M365_APP_ONLY, M365_PRINTER, GMAIL, GMX, GENERIC].flatMap((account, kind) =>
	[0, 1].map((n) => patch(account, { id: `${account.id}-${n}`, ...(kind === 2 ? { imap: { port: 143 } } : {}) })),
);
const FILE = configText(...ACCOUNTS);

/** Replaces the `n`th occurrence (from 0) of `search` in `text`. */
function replaceNth(text: string, search: string, replacement: string, n = 0): string {
	let at = -1;
	for (let i = 0; i <= n; i++) {
		at = text.indexOf(search, at + 1);
		if (at < 0) throw new Error(`"${search}" occurs fewer than ${n + 1} times`);
	}
	return text.slice(0, at) + replacement + text.slice(at + search.length);
}

/** The text of the `k`th account (from 0) with its leading line indent and the comma after it, in FILE's layout. */
function accountBlock(text: string, k: number): { start: number; end: number } {
	const starts = [...text.matchAll(/\n\t\t\{/g)].map((m) => m.index + 1);
	const start = starts[k]!;
	const next = starts[k + 1];
	return { start, end: next ?? text.lastIndexOf('\n\t]') + 1 };
}

interface EditCase {
	name: string;
	edit: (text: string) => string;
	/** How many accounts the incremental analysis may check; undefined: not an edit inside one account. */
	checked?: number;
	options?: Partial<AnalyzeOptions>;
}

const EDITS: EditCase[] = [
	{ name: 'change a value', edit: (t) => replaceNth(t, '"port": 993', '"port": 143', 1), checked: 1 },
	{ name: 'fix a value', edit: (t) => replaceNth(t, '"port": 143', '"port": 993'), checked: 1 },
	{
		name: 'type inside a string',
		edit: (t) => replaceNth(t, 'smtp.office365.com', 'smtp.office365.co', 1),
		checked: 1,
	},
	{ name: 'make a value the wrong type', edit: (t) => replaceNth(t, '"port": 993', '"port": "993"', 2), checked: 1 },
	{
		name: 'add a property',
		edit: (t) => replaceNth(t, '"security": "tls"', '"security": "tls",\n\t\t\t\t"tlsRejectUnauthorized": false', 3),
		checked: 1,
	},
	{
		name: 'delete a whole account',
		edit: (t) => t.slice(0, accountBlock(t, 4).start) + t.slice(accountBlock(t, 5).start),
	},
	{
		name: 'add an account in the middle',
		edit: (t) => {
			const at = accountBlock(t, 3).start;
			const block = t.slice(at, accountBlock(t, 4).start).replace(/"id": "[^"]+"/, '"id": "added"');
			return t.slice(0, at) + block + t.slice(at);
		},
	},
	{
		name: 'add an account at the end',
		edit: (t) => t.replace(/\}\n\t\]\n\}$/, `},\n\t\t${JSON.stringify(patch(GMX, { id: 'new-gmx' }))}\n\t]\n}`),
	},
	{
		name: 'rename an id into a duplicate',
		edit: (t) => replaceNth(t, `"id": "${GMAIL.id}-1"`, `"id": "${M365_APP_ONLY.id}-0"`),
		checked: 1,
	},
	{ name: 'remove the last account', edit: (t) => t.slice(0, accountBlock(t, 9).start - 2) + '\n\t]\n}' },
	{ name: 'break the JSON syntax', edit: (t) => replaceNth(t, '"port": 993,', '"port": 993,,', 1) },
	{ name: 'leave a string open', edit: (t) => replaceNth(t, '"host": "', '"host": ', 4) },
	{
		name: 'add a comment (JSON with comments)',
		edit: (t) => replaceNth(t, '"id"', '// the ERP mailbox\n\t\t\t"id"', 5),
	},
	{
		name: 'edit across two accounts',
		edit: (t) => t.slice(0, accountBlock(t, 2).start + 10) + t.slice(accountBlock(t, 3).start + 10),
	},
	{ name: 'rename accounts away', edit: (t) => t.replace('"accounts"', '"acounts"') },
	{ name: 'change the indentation style', edit: (t) => t.replace(/\t/g, '  ') },
	{ name: 'switch to CRLF', edit: (t) => t.replace(/\n/g, '\r\n') },
	{ name: 'settings: German', edit: (t) => t, options: { lang: 'de' } },
	{ name: 'settings: a rule switched off', edit: (t) => t, options: { disabledRules: ['google-password-auth'] } },
	{ name: 'settings: rules only', edit: (t) => t, options: { validation: 'rules-only' } },
	{ name: 'settings: another day', edit: (t) => t, options: { now: fixedClock(parseDay('2027-06-01')!) } },
	{
		name: 'settings: a lower limit',
		edit: (t) => replaceNth(t, '"port": 993', '"port": 25', 1),
		options: { maxFindings: 3 },
	},
];

for (const { name, edit, checked, options } of EDITS) {
	test(`after an edit, the cached analysis equals a fresh one: ${name}`, () => {
		const after = edit(FILE);
		const cache = new AnalysisCache();
		analyzeText(FILE, BASE, cache);
		assert.equal(cache.checked, ACCOUNTS.length, 'the first analysis checks every account');
		const incremental = analyzeText(after, { ...BASE, ...options }, cache);
		assert.deepEqual(incremental, analyzeText(after, { ...BASE, ...options }));
		if (checked !== undefined) assert.equal(cache.checked, checked);
		// And back: the state the edit left is as good a start as a fresh one.
		assert.deepEqual(analyzeText(FILE, BASE, cache), analyzeText(FILE, BASE));
	});
}

/** `after` as the language server gets it: one incremental change of a document kept in parts. */
function editedDocument(before: string, after: string): PartedDocument {
	const document = PartedDocument.create('file:///a.mailaccounts.json', 'json', 1, before);
	let { start, oldEnd, newEnd } = changedWindow(before, after);
	// LSP positions cannot point between a CR and its LF: widen the change over the pair.
	const insideCrlf = (text: string, at: number): boolean => text[at - 1] === '\r' && text[at] === '\n';
	if (insideCrlf(before, start)) start--;
	if (insideCrlf(before, oldEnd)) {
		oldEnd++;
		newEnd++;
	}
	const range = { start: document.positionAt(start), end: document.positionAt(oldEnd) };
	return PartedDocument.update(document, [{ range, text: after.slice(start, newEnd) }], 2);
}

for (const layout of ['tabs and LF', 'two spaces and CRLF'] as const) {
	const before = layout === 'tabs and LF' ? FILE : FILE.replace(/\t/g, '  ').replace(/\n/g, '\r\n');
	for (const { name, edit, checked, options } of EDITS) {
		test(`an edit through the language server's document (${layout}) equals a fresh analysis: ${name}`, () => {
			const after = edit(FILE) === FILE ? before : edit(before);
			const cache = new AnalysisCache();
			analyzeText(before, BASE, cache);
			const document = editedDocument(before, after);
			const change = document.changeSince(1);
			assert.ok(change);
			assert.deepEqual(
				analyzeEdit(document, change, { ...BASE, ...options }, cache),
				analyzeText(after, { ...BASE, ...options }),
			);
			if (checked !== undefined) assert.equal(cache.checked, checked);
		});
	}
}

test('an edit that could change the indent unit or the line ends is analysed as a whole new text', () => {
	const cases: [string, string, string][] = [
		['the first indented line', FILE, FILE.replace('{\n\t"accounts"', '{\n  "accounts"')],
		['a CR typed before a line end', FILE, replaceNth(FILE, '"port": 993,', '"port": 993,\r', 1)],
		['the first CRLF', FILE.replace(/\n/g, '\r\n'), FILE.replace(/\n/g, '\r\n').replace('{\r\n', '{\n')],
		// A file with one CRLF among LFs (pasted text): deleting its CR inside an account makes the file LF.
		['the only CRLF', replaceNth(FILE, '"port": 993,\n', '"port": 993,\r\n', 1), FILE],
	];
	for (const [name, before, after] of cases) {
		const cache = new AnalysisCache();
		analyzeText(before, BASE, cache);
		const document = editedDocument(before, after);
		assert.deepEqual(analyzeEdit(document, document.changeSince(1)!, BASE, cache), analyzeText(after, BASE), name);
	}
});

test('an unchanged text under the same settings is answered from the cache, without checking an account', () => {
	const cache = new AnalysisCache();
	const first = analyzeText(FILE, BASE, cache);
	assert.deepEqual(analyzeText(FILE, BASE, cache), first);
	assert.equal(cache.checked, 0);
});

test('accounts on one line: an edit re-checks the account and the one that starts on the same line', () => {
	const compact = JSON.stringify({ accounts: ACCOUNTS });
	const cache = new AnalysisCache();
	analyzeText(compact, BASE, cache);
	const edited = replaceNth(compact, '"port":993', '"port":995', 1);
	assert.deepEqual(analyzeText(edited, BASE, cache), analyzeText(edited, BASE));
	// Positions are line and column: every account after the edit shares its line, so all of them are checked again.
	assert.ok(cache.checked >= 2, `checked ${cache.checked}`);
});

test('past the limit: fixing the first accounts brings later findings into view with full messages and fixes', () => {
	const many = configText(
		...Array.from({ length: 60 }, (_, i) => patch(GMAIL, { id: `gmail-${i}`, imap: { port: 143 } })),
	);
	const options = { ...BASE, maxFindings: 20 };
	const cache = new AnalysisCache();
	let text = many;
	analyzeText(text, options, cache);
	for (let i = 0; i < 15; i++) {
		text = replaceNth(text, '"port": 143', '"port": 993');
		const incremental = analyzeText(text, options, cache);
		assert.deepEqual(incremental, analyzeText(text, options), `after fixing account ${i}`);
		assert.ok(
			incremental.slice(0, -1).every((f) => f.message && f.range),
			'no counted-only finding is shown',
		);
	}
});

test('a hundred random edits in a row keep the cached analysis equal to a fresh one', () => {
	// A fixed sequence (linear congruential), so a failure can be replayed.
	let seed = 13;
	const random = (n: number): number => {
		seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
		return seed % n;
	};
	const snippets = ['1', '"x"', ',', '}', '{', ' ', '\n', '"port": 25', '"id": "dms-import-0"', '\\', ''];
	const cache = new AnalysisCache();
	let text = FILE;
	for (let step = 0; step < 100; step++) {
		const at = random(text.length);
		const removed = random(4) === 0 ? random(12) : 0;
		text = text.slice(0, at) + snippets[random(snippets.length)]! + text.slice(at + removed);
		// Undo now and then, so most of the sequence is on valid JSON as when someone types.
		if (random(3) === 0) text = FILE;
		assert.deepEqual(analyzeText(text, BASE, cache), analyzeText(text, BASE), `step ${step}`);
	}
});

test('the line index after an edit equals one built from the new text', () => {
	const texts = ['a\nb\r\nc\rd', '\n\n', '', 'x', '\r\n\r\n', 'no breaks at all'];
	const inserts = ['', '\n', '\r', '\r\n', 'q\nq', '\n\r'];
	for (const before of texts) {
		for (let start = 0; start <= before.length; start++) {
			for (let end = start; end <= before.length; end++) {
				for (const insert of inserts) {
					const after = before.slice(0, start) + insert + before.slice(end);
					const edited = new LineIndex(before).edited(after, start, end, start + insert.length);
					const fresh = new LineIndex(after);
					for (let offset = 0; offset <= after.length; offset++) {
						assert.deepEqual(
							edited.positionAt(offset),
							fresh.positionAt(offset),
							JSON.stringify({ before, after, offset }),
						);
					}
				}
			}
		}
	}
});

test('file-rule findings move with an edit above them and are found again when an edit could change them', () => {
	// Accounts 7 and 9 repeat the ids of accounts 1 and 2: duplicate-account-id findings near the end of the file.
	const ids = ACCOUNTS.map((a, k) => (k === 7 ? ACCOUNTS[1]!.id : k === 9 ? ACCOUNTS[2]!.id : a.id));
	const text = configText(...ACCOUNTS.map((a, k) => patch(a, { id: ids[k]! })));
	const edits: [string, (t: string) => string][] = [
		[
			'a line added above them',
			(t) => replaceNth(t, '"security": "tls"', '"security": "tls",\n\t\t\t\t"folder": "INBOX"', 0),
		],
		['a line removed above them', (t) => replaceNth(t, ',\n\t\t\t\t"folder": "INBOX"', '', 0)],
		['a value changed inside a duplicate', (t) => replaceNth(t, '"port": 993', '"port": 995', 5)],
		['a duplicate renamed away', (t) => replaceNth(t, `"id": "${ACCOUNTS[2]!.id}"`, '"id": "unique"', 1)],
		[
			'an id renamed into a third copy',
			(t) => replaceNth(t, `"id": "${ACCOUNTS[4]!.id}"`, `"id": "${ACCOUNTS[1]!.id}"`),
		],
	];
	const cache = new AnalysisCache();
	let current = text;
	const first = analyzeText(current, BASE, cache);
	assert.equal(first.filter((f) => f.code === 'duplicate-account-id').length, 2);
	for (const [name, edit] of edits) {
		current = edit(current);
		assert.deepEqual(analyzeText(current, BASE, cache), analyzeText(current, BASE), name);
	}
});
