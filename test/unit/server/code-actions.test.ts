import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CodeActionParams, TextDocumentEdit } from 'vscode-languageserver';
import type { Finding, Fix } from '../../../src/core/config/findings';
import type { Range, TextEdit } from '../../../src/core/text/positions';
import { codeActions, fixAllEdits } from '../../../src/server/code-actions';
import { toDiagnostic } from '../../../src/server/diagnostics';
import { walkthroughActionTitle } from '../../../src/core/walkthroughs/action-title';

const r = (line: number, from: number, to: number): Range => ({
	start: { line, character: from },
	end: { line, character: to },
});
const edit = (line: number, from: number, to: number, newText: string): TextEdit => ({
	range: r(line, from, to),
	newText,
});

function finding(code: string, range: Range, fixes: Fix[], extra: Partial<Finding> = {}): Finding {
	return {
		code,
		severity: 'error',
		message: `${code} message`,
		range,
		source: 'mailcfg',
		docUrl: `https://example.org/rules#${code}`,
		fixes,
		...extra,
	};
}

// Findings shaped like the rules' output for a two-account file: a port fix, a security fix on the same line
// that overlaps it, an unrelated fix further down, and a non-preferred alternative.
const PORT = finding('port-security-mismatch', r(5, 10, 13), [
	{ title: 'Use port 993', edits: [edit(5, 10, 13, '993')], isPreferred: true },
	{ title: 'Use STARTTLS', edits: [edit(5, 30, 35, '"starttls"')] },
]);
const OVERLAPPING = finding('provider-endpoint-mismatch', r(5, 8, 14), [
	{ title: 'Use the provider port', edits: [edit(5, 8, 14, '"port": 587')], isPreferred: true },
]);
const LATER = finding('tls-legacy-version', r(12, 20, 28), [
	{ title: 'Require TLS 1.2', edits: [edit(12, 20, 28, '"TLSv1.2"')], isPreferred: true },
]);
const NO_FIX = finding('exo-imap-basic-auth', r(3, 2, 9), []);

const target = { uri: 'file:///w/a.mailaccounts.json', version: 7, documentChanges: true };
const params = (range: Range, only?: string[], diagnostics = [toDiagnostic(PORT)]): CodeActionParams => ({
	textDocument: { uri: target.uri },
	range,
	context: { diagnostics, ...(only ? { only } : {}) },
});

describe('fixAllEdits', () => {
	const cases: { name: string; findings: Finding[]; expected: TextEdit[] }[] = [
		{ name: 'no findings', findings: [], expected: [] },
		{
			name: 'only non-preferred or no fixes',
			findings: [NO_FIX, finding('x', r(1, 0, 1), [{ title: 't', edits: [edit(1, 0, 1, 'y')] }])],
			expected: [],
		},
		{
			name: 'independent fixes all apply, in document order',
			findings: [LATER, PORT],
			expected: [edit(5, 10, 13, '993'), edit(12, 20, 28, '"TLSv1.2"')],
		},
		{
			name: 'an overlapping fix is left for the next run (the earlier start wins)',
			findings: [PORT, OVERLAPPING, LATER],
			expected: [edit(5, 8, 14, '"port": 587'), edit(12, 20, 28, '"TLSv1.2"')],
		},
		{
			name: 'the same fix from two findings is applied once',
			findings: [LATER, finding('other', r(12, 20, 28), LATER.fixes)],
			expected: [edit(12, 20, 28, '"TLSv1.2"')],
		},
		{
			name: 'two inserts at one position conflict',
			findings: [
				finding('a', r(2, 4, 4), [{ title: 'a', edits: [edit(2, 4, 4, 'A')], isPreferred: true }]),
				finding('b', r(2, 4, 4), [{ title: 'b', edits: [edit(2, 4, 4, 'B')], isPreferred: true }]),
			],
			expected: [edit(2, 4, 4, 'A')],
		},
	];
	for (const { name, findings, expected } of cases) {
		test(name, () => assert.deepEqual(fixAllEdits(findings), expected));
	}
});

describe('codeActions', () => {
	test('quick fixes under the cursor carry the client diagnostic, kind and isPreferred', () => {
		const clientDiagnostic = { ...toDiagnostic(PORT), message: 'as the client has it' };
		const actions = codeActions(
			[PORT, LATER],
			params(r(5, 11, 11), ['quickfix'], [clientDiagnostic]),
			target,
			'Fix all',
		);
		assert.deepEqual(
			actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]),
			[
				['Use port 993', 'quickfix', true],
				['Use STARTTLS', 'quickfix', false],
				['Fix all', 'quickfix', false],
			],
		);
		assert.deepEqual(actions[0]?.diagnostics, [clientDiagnostic]);
		assert.deepEqual(actions[0]?.edit, {
			documentChanges: [{ textDocument: { uri: target.uri, version: 7 }, edits: [edit(5, 10, 13, '993')] }],
		});
	});

	test('clients without documentChanges get plain changes', () => {
		const [action] = codeActions(
			[PORT],
			params(r(5, 10, 13), ['quickfix']),
			{ ...target, documentChanges: false },
			'x',
		);
		assert.deepEqual(action?.edit, { changes: { [target.uri]: [edit(5, 10, 13, '993')] } });
	});

	test('only: source.fixAll yields just the fix-all action with every non-overlapping preferred edit', () => {
		const actions = codeActions([PORT, LATER, NO_FIX], params(r(0, 0, 0), ['source.fixAll']), target, 'Fix all');
		assert.equal(actions.length, 1);
		assert.equal(actions[0]?.kind, 'source.fixAll.mailcfg');
		assert.equal(actions[0]?.title, 'Fix all');
		assert.deepEqual(actions[0]?.edit?.documentChanges?.[0], {
			textDocument: { uri: target.uri, version: 7 },
			edits: [edit(5, 10, 13, '993'), edit(12, 20, 28, '"TLSv1.2"')],
		});
	});

	test('a range without findings and an unrelated only give nothing', () => {
		assert.deepEqual(codeActions([PORT, LATER], params(r(8, 0, 4), ['quickfix']), target, 'x'), []);
		assert.deepEqual(codeActions([PORT, LATER], params(r(5, 11, 11), ['refactor']), target, 'x'), []);
	});

	test('without only, the quick fixes and fix-all once, in the quick-fix list', () => {
		const actions = codeActions([PORT, LATER], params(r(5, 11, 11)), target, 'Fix all');
		assert.deepEqual(
			actions.map((a) => [a.title, a.kind]),
			[
				['Use port 993', 'quickfix'],
				['Use STARTTLS', 'quickfix'],
				['Fix all', 'quickfix'],
			],
		);
		const fixAll = actions[2]?.edit?.documentChanges?.[0] as TextDocumentEdit | undefined;
		assert.equal(fixAll?.edits.length, 2, 'every preferred fix of the file');
	});

	test('fix-all joins the quick fixes only where a preferred fix is offered', () => {
		const titles = codeActions([NO_FIX, PORT, LATER], params(r(3, 4, 4), ['quickfix']), target, 'Fix all').map(
			(a) => a.title,
		);
		assert.ok(!titles.includes('Fix all'), titles.join(', '));
	});
});

describe('toDiagnostic', () => {
	test('maps severity, code, link and walkthrough data', () => {
		const table: [Finding['severity'], number][] = [
			['error', 1],
			['warning', 2],
			['information', 3],
			['hint', 4],
		];
		for (const [severity, expected] of table) {
			const d = toDiagnostic(
				finding('c', r(0, 0, 1), [], { severity, walkthrough: 'm365-send-as#grant', accountId: 'erp' }),
			);
			assert.equal(d.severity, expected);
			assert.deepEqual(d.data, { walkthrough: 'm365-send-as#grant', accountId: 'erp' });
			assert.deepEqual(d.codeDescription, { href: 'https://example.org/rules#c' });
		}
		assert.equal(toDiagnostic(finding('c', r(0, 0, 1), [], { docUrl: '' })).codeDescription, undefined);
	});
});

describe('walkthrough quick fixes', () => {
	const titles = { title: (ref: string) => walkthroughActionTitle(ref, 'en') };
	// Two findings on one line (the password of an Exchange Online account) that link to the same guide, and a third
	// that links to another one.
	const line = r(4, 2, 30);
	const imap = finding('exo-imap-basic-auth', line, [], { walkthrough: 'm365-oauth2-app-only', accountId: 'dms' });
	const smtp = finding('exo-smtp-basic-auth-retirement', line, [], { walkthrough: 'm365-oauth2-app-only' });
	const other = finding('app-password-required', line, [], { walkthrough: 'gmail-app-password' });

	test('one entry per guide step, titled with the guide, with every finding it answers', () => {
		const actions = codeActions([imap, smtp, other], params(r(4, 5, 5), ['quickfix'], []), target, 'x', titles);
		const walkthroughs = actions.filter((a) => a.command?.command === 'mailcfg.openWalkthrough');
		assert.deepEqual(
			walkthroughs.map((a) => a.title),
			[walkthroughActionTitle('m365-oauth2-app-only', 'en'), walkthroughActionTitle('gmail-app-password', 'en')],
		);
		assert.match(walkthroughs[0]!.title, /^Open walkthrough: /);
		assert.notEqual(walkthroughs[0]!.title, walkthroughs[1]!.title);
		assert.equal(walkthroughs[0]!.diagnostics?.length, 2);
		assert.deepEqual(walkthroughs[0]!.command?.arguments, [
			{ guide: 'm365-oauth2-app-only', accountId: 'dms', uri: target.uri },
		]);
	});

	test('clients without the command get none, and an unknown guide gives none', () => {
		assert.deepEqual(codeActions([imap], params(r(4, 5, 5), ['quickfix'], []), target, 'x'), []);
		const unknown = finding('x', line, [], { walkthrough: 'no-such-guide' });
		assert.deepEqual(codeActions([unknown], params(r(4, 5, 5), ['quickfix'], []), target, 'x', titles), []);
	});
});
