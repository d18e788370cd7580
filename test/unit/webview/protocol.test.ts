import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
	EXPLAIN_UI_KEYS,
	UI_KEYS,
	parseExplainHostMessage,
	parseExplainWebviewMessage,
	parseHostMessage,
	parseWebviewMessage,
} from '../../../src/shared/webview-protocol';
import { type OpenWalkthroughArgs, walkthroughCommandUri } from '../../../src/shared/protocol';
import { explanationMessage } from '../../../src/client/webview-explain-message';
import { explain } from '../../../src/core/explain/match';
import { EXPLAIN_LABELS, renderMarkdown, walkthroughArgs } from '../../../src/core/explain/render';
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
		guides: allGuideViews('en', new Date('2026-12-03T00:00:00Z')),
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

describe('parseExplainWebviewMessage (host side of the explanation panel)', () => {
	const accepted: unknown[] = [
		{ type: 'ready' },
		{ type: 'openWalkthrough', index: 0 },
		{ type: 'openSource', index: 1, source: 2 },
	];
	for (const message of accepted) {
		test(`accepts ${JSON.stringify(message)}`, () => assert.deepEqual(parseExplainWebviewMessage(message), message));
	}

	const rejected: [string, unknown][] = [
		['undefined', undefined],
		['an array', [{ type: 'ready' }]],
		['a walkthrough-panel message', { type: 'openLink', url: 'https://aka.ms/smtp_auth_disabled' }],
		['a walkthrough id instead of an index', { type: 'openWalkthrough', walkthrough: 'm365-enable-smtp-auth' }],
		['a URL instead of a source index', { type: 'openSource', index: 0, source: 'https://evil.example' }],
		['an extra url next to the indexes', { type: 'openSource', index: 0, source: 0, url: 'https://evil.example' }],
		['a missing source index', { type: 'openSource', index: 0 }],
		['a negative index', { type: 'openWalkthrough', index: -1 }],
		['a fractional index', { type: 'openWalkthrough', index: 1.5 }],
		['an index as string', { type: 'openWalkthrough', index: '0' }],
		['NaN', { type: 'openWalkthrough', index: Number.NaN }],
		['an absurd index', { type: 'openSource', index: 0, source: 1e9 }],
		['an inherited type name', { type: 'constructor' }],
		['ready with a payload', { type: 'ready', text: 'x' }],
	];
	for (const [name, message] of rejected) {
		test(`rejects ${name}`, () => assert.equal(parseExplainWebviewMessage(message), undefined));
	}

	test('the two panels do not accept each other’s intents', () => {
		assert.equal(parseWebviewMessage({ type: 'openWalkthrough', index: 0 }), undefined);
		assert.equal(parseExplainWebviewMessage({ type: 'setLang', lang: 'de' }), undefined);
	});
});

describe('explanation message (host → explanation page)', () => {
	const REPLY = '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant';
	const LOG = [
		'2025-03-02 08:15:01 INFO connecting to outlook.office365.com:993',
		'2025-03-02 08:15:02 ERROR A1 NO AUTHENTICATE failed.',
		'2025-03-02 08:15:03 ERROR AADSTS50076: Due to a configuration change made by your administrator, you must use multi-factor authentication',
	].join('\n');

	test('page labels are core’s explanation labels plus the input heading, in both languages', () => {
		assert.deepEqual([...EXPLAIN_UI_KEYS].sort(), [...Object.keys(EXPLAIN_LABELS), 'input'].sort());
		const en = explanationMessage(REPLY, 'en').ui;
		const de = explanationMessage(REPLY, 'de').ui;
		for (const key of EXPLAIN_UI_KEYS) {
			assert.ok(en[key].length > 0 && de[key].length > 0, key);
			if (key !== 'input') assert.equal(en[key], EXPLAIN_LABELS[key].en);
		}
		assert.equal(de.cause, 'Ursache');
		assert.notEqual(de.input, en.input);
	});

	for (const lang of ['en', 'de'] as const) {
		for (const [name, input] of [
			['an Exchange Online SMTP reply', REPLY],
			['a multi-line log', LOG],
			['text nothing matches', 'hello world'],
		] as const) {
			test(`${lang}: ${name} gives exactly core's explanations, and the page's guard accepts it`, () => {
				const message = explanationMessage(input, lang);
				assert.equal(message.lang, lang);
				assert.equal(message.input, input);
				assert.deepEqual(message.matches, explain(input, { lang }));
				assert.deepEqual(parseExplainHostMessage(message), message);
			});
		}
	}

	test('a log yields several causes with their lines; unrelated text yields none', () => {
		const matches = explanationMessage(LOG, 'en').matches;
		assert.ok(matches.length >= 2, JSON.stringify(matches));
		assert.deepEqual(
			matches.map((m) => m.line),
			matches.map((m) => LOG.split('\n').findIndex((line) => line.trim() === m.matchedText)),
		);
		assert.deepEqual(explanationMessage('hello world', 'de').matches, []);
	});

	test('the SMTP AUTH reply is recognised, with its walkthrough step and https sources', () => {
		const [top] = explanationMessage(REPLY, 'de').matches;
		assert.ok(top);
		assert.equal(top.id, 'smtp-auth-disabled');
		assert.match(top.walkthrough ?? '', /^m365-enable-smtp-auth#/);
		assert.ok(top.sources.length > 0 && top.sources.every((url) => url.startsWith('https://')));
	});

	const show = explanationMessage(REPLY, 'en');
	const [first] = show.matches;
	const rejected: [string, unknown][] = [
		['a walkthrough-panel init', { type: 'init', lang: 'en', ui: {}, guides: [], checked: {} }],
		['a missing label', { ...show, ui: { ...show.ui, noMatch: undefined } }],
		['an unknown language', { ...show, lang: 'fr' }],
		['input that is not text', { ...show, input: 42 }],
		['matches that are not a list', { ...show, matches: {} }],
		['a match without fix steps', { ...show, matches: [{ ...first, fix: undefined }] }],
		['a match with a numeric walkthrough', { ...show, matches: [{ ...first, walkthrough: 7 }] }],
		['a match with non-string sources', { ...show, matches: [{ ...first, sources: [{ href: 'x' }] }] }],
		['a match with a fractional line', { ...show, matches: [{ ...first, line: 0.5 }] }],
	];
	for (const [name, message] of rejected) {
		test(`the page rejects ${name}`, () => assert.equal(parseExplainHostMessage(message), undefined));
	}
});

describe('walkthroughCommandUri', () => {
	const cases: [string, OpenWalkthroughArgs][] = [
		['guide only', { guide: 'm365-send-as' }],
		['guide and step', { guide: 'm365-enable-smtp-auth', step: 'enable-mailbox' }],
		[
			'a Windows path with spaces, umlauts, # and parentheses',
			{
				guide: 'm365-enable-smtp-auth',
				step: 'test',
				accountId: 'scan-to-mail',
				uri: 'file:///c%3A/Users/J%C3%B6rg/Configs (alt)/#1 büro&lager.mailaccounts.json?x=1',
			},
		],
	];
	for (const [name, args] of cases) {
		test(`${name}: a command link VS Code decodes back to [args]`, () => {
			const link = walkthroughCommandUri(args);
			const url = new URL(link);
			assert.equal(url.protocol, 'command:');
			assert.equal(url.pathname, 'mailcfg.openWalkthrough');
			assert.equal(url.hash, '', 'a # in the arguments would cut the link');
			// VS Code's command opener: JSON.parse(decodeURIComponent(query)).
			assert.deepEqual(JSON.parse(decodeURIComponent(url.search.slice(1))), [args]);
			assert.doesNotMatch(link, /[\s()#"'<>]/, 'the link must survive markdown and the Problems view');
		});
	}

	test('the hover markdown keeps the link intact', () => {
		const [top] = explanationMessage('535 5.7.139 Authentication unsuccessful', 'en').matches;
		assert.ok(top?.walkthrough);
		const markdown = renderMarkdown(top, 'en', (ref) => walkthroughCommandUri(walkthroughArgs(ref)));
		const link = /\]\((command:[^)]*)\)/.exec(markdown)?.[1];
		assert.ok(link, markdown);
		assert.deepEqual(JSON.parse(decodeURIComponent(new URL(link).search.slice(1))), [walkthroughArgs(top.walkthrough)]);
	});
});
