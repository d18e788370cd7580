import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { UI_KEYS, parseHostMessage, parseWebviewMessage } from '../../../src/shared/webview-protocol';
import { uiStrings } from '../../../src/core/walkthroughs/ui-strings';
import { allGuideViews } from '../../../src/core/walkthroughs/view';

describe('parseWebviewMessage (host side: the webview is untrusted)', () => {
	const accepted: unknown[] = [
		{ type: 'ready' },
		{ type: 'setLang', lang: 'de' },
		{ type: 'toggleStep', guide: 'm365-send-as', step: 'configure', done: true },
		{ type: 'verify', requestId: 'r1', guide: 'm365-enable-smtp-auth', step: 'test' },
		{ type: 'copyCommand', guide: 'm365-enable-smtp-auth', step: 'enable-mailbox', index: 0 },
		{ type: 'openLink', url: 'https://aka.ms/smtp_auth_disabled' },
	];
	for (const message of accepted) {
		test(`accepts ${JSON.stringify(message)}`, () => assert.deepEqual(parseWebviewMessage(message), message));
	}

	const rejected: [string, unknown][] = [
		['null', null],
		['a string', 'ready'],
		['an array', [{ type: 'ready' }]],
		['no type', { lang: 'de' }],
		['unknown type', { type: 'runCommand', command: 'workbench.action.terminal.new' }],
		['inherited type name', { type: 'toString' }],
		['extra field', { type: 'ready', command: 'x' }],
		['missing field', { type: 'toggleStep', guide: 'm365-send-as', step: 'configure' }],
		['language outside the list', { type: 'setLang', lang: 'fr' }],
		['done as string', { type: 'toggleStep', guide: 'm365-send-as', step: 'configure', done: 'true' }],
		['guide id with path characters', { type: 'toggleStep', guide: '../etc', step: 'x', done: true }],
		['guide id in upper case', { type: 'toggleStep', guide: 'M365', step: 'x', done: true }],
		['overlong id', { type: 'toggleStep', guide: 'a'.repeat(65), step: 'x', done: true }],
		['request id with spaces', { type: 'verify', requestId: 'r 1', guide: 'a', step: 'b' }],
		['request id missing', { type: 'verify', guide: 'a', step: 'b' }],
		['negative index', { type: 'copyCommand', guide: 'a', step: 'b', index: -1 }],
		['fractional index', { type: 'copyCommand', guide: 'a', step: 'b', index: 0.5 }],
		['index as string', { type: 'copyCommand', guide: 'a', step: 'b', index: '0' }],
		['url not a string', { type: 'openLink', url: { href: 'https://aka.ms' } }],
		['huge url', { type: 'openLink', url: `https://aka.ms/${'a'.repeat(3000)}` }],
	];
	for (const [name, message] of rejected) {
		test(`rejects ${name}`, () => assert.equal(parseWebviewMessage(message), undefined));
	}
});

describe('parseHostMessage (webview side)', () => {
	const init = {
		type: 'init',
		lang: 'en',
		ui: uiStrings('en'),
		guides: allGuideViews('en'),
		checked: { 'm365-send-as': ['configure'] },
	};

	test('accepts the init the host builds from the catalog', () => {
		assert.deepEqual(parseHostMessage(init), init);
	});

	test('ui strings cover every key in both languages', () => {
		for (const lang of ['en', 'de'] as const) {
			const ui = uiStrings(lang);
			assert.deepEqual(Object.keys(ui).sort(), [...UI_KEYS].sort());
			for (const key of UI_KEYS) assert.ok(ui[key].length > 0);
		}
		assert.notEqual(uiStrings('de').verify, uiStrings('en').verify);
	});

	const rejected: [string, unknown][] = [
		['init with a missing ui key', { ...init, ui: { ...init.ui, verify: undefined } }],
		['init with a bad language', { ...init, lang: 'xx' }],
		['init with a bad checklist', { ...init, checked: { a: 'b' } }],
		['focus with a bad guide id', { type: 'focus', guide: '<img>' }],
		[
			'verifyResult with an unknown outcome',
			{ type: 'verifyResult', requestId: 'r1', guide: 'a', step: 'b', outcome: 'great', details: [] },
		],
		['a foreign message', { type: 'loaded', data: 1 }],
		['nothing', undefined],
	];
	for (const [name, message] of rejected) {
		test(`rejects ${name}`, () => assert.equal(parseHostMessage(message), undefined));
	}
});
