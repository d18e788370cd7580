import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
	CancellationTokenSource,
	type CodeAction,
	type Diagnostic,
	DiagnosticSeverity,
	type Hover,
	MarkupContent,
	type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixedClock } from '../../../src/core/clock';
import { analyzeText } from '../../../src/core/config/analyze';
import { buildSchema } from '../../../src/core/config/schema-source';
import type { DiagnosticData } from '../../../src/shared/protocol';
import { LspClient } from './lsp-harness';
import { BROKEN, VALID } from '../../fixtures/configs/samples';

const BROKEN_FIRST_ERROR = { start: { line: 3, character: 1 }, end: { line: 3, character: 2 } };

const CONFIG_URI = 'file:///work/space/import.mailaccounts.json';

/** The syntax error of BROKEN; the schema findings of its incomplete account come before it, on line 3. */
function syntaxError(diagnostics: readonly Diagnostic[]): Diagnostic | undefined {
	return diagnostics.find((d) => d.code === 'json-syntax');
}
const SECRET = 'Tr0ub4dor&3-never-log-me';

describe('dist/server.js over stdio, pull diagnostics', () => {
	let client: LspClient;
	let capabilities: Awaited<ReturnType<typeof LspClient.spawn>>['init']['capabilities'];
	before(async () => {
		const started = await LspClient.spawn({ pull: true, locale: 'en' });
		client = started.client;
		capabilities = started.init.capabilities;
	});
	after(() => client.shutdown());

	test('announces pull diagnostics and code actions', () => {
		assert.ok(capabilities.diagnosticProvider, 'diagnosticProvider');
		assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.mailcfg'] });
	});

	test('a broken config gets exact, linked mailcfg diagnostics', async () => {
		await client.open(CONFIG_URI, BROKEN);
		const items = await client.pullItems(CONFIG_URI);
		const lines = items.map((d) => d.range.start.line);
		assert.deepEqual(
			lines,
			[...lines].sort((a, b) => a - b),
			'listed top to bottom',
		);
		const first = syntaxError(items);
		assert.ok(first, 'a syntax diagnostic');
		assert.equal(first.source, 'mailcfg');
		assert.equal(first.severity, DiagnosticSeverity.Error);
		assert.deepEqual(first.range, BROKEN_FIRST_ERROR);
		assert.match(first.codeDescription?.href ?? '', /^https:\/\//);
		assert.deepEqual(typeof first.data, 'object');
	});

	test('repeating a pull for an unchanged document answers "unchanged"', async () => {
		const first = await client.pull(CONFIG_URI);
		assert.equal(first.kind, 'full');
		const second = await client.pull(CONFIG_URI, first.resultId);
		assert.deepEqual(second, { kind: 'unchanged', resultId: first.resultId });
	});

	test('didChange to valid JSON clears the syntax errors', async () => {
		await client.change(CONFIG_URI, VALID);
		const items = await client.pullItems(CONFIG_URI);
		assert.deepEqual(
			items.filter((d) => d.code === 'json-syntax'),
			[],
		);
		await client.close(CONFIG_URI);
	});

	test('JSON files that are not mail configs get no diagnostics', async () => {
		await client.open('file:///work/space/package.json', BROKEN);
		assert.deepEqual(await client.pullItems('file:///work/space/package.json'), []);
		await client.close('file:///work/space/package.json');
	});

	test('any JSON file whose $schema names the mail-account schema is checked', async () => {
		const uri = 'file:///work/space/settings/import.json';
		await client.open(uri, '{ "$schema": "https://example.org/schemas/mail-account.schema.json", "accounts": [ }');
		const items = await client.pullItems(uri);
		assert.ok(items.some((d) => d.code === 'json-syntax'));
		await client.close(uri);
	});

	test('garbage, a huge file and deep nesting never take the server down', async () => {
		const inputs: Record<string, string> = {
			'garbage.mailaccount.json': '\u0000\uffff}{][",:\\u12'.repeat(2000),
			'huge.mailaccounts.json': `{"accounts": [${Array.from({ length: 20_000 }, (_, i) => `{"id": "a${i}"}`).join(',')}]}`,
			'deep.mailaccounts.json': '['.repeat(200_000),
			'types.mailaccount.json': '{"accounts": {"id": 5, "auth": [true, null]}}',
			'secret.mailaccount.json': `{"accounts": [{"auth": {"password": "${SECRET}"}}]] ${'{'.repeat(100_000)}`,
		};
		for (const [name, text] of Object.entries(inputs)) {
			const uri = `file:///work/space/${name}`;
			await client.open(uri, text);
			const report = await client.pull(uri);
			assert.equal(report.kind, 'full', name);
			await client.close(uri);
		}
		await client.open(CONFIG_URI, BROKEN);
		assert.ok((await client.pullItems(CONFIG_URI)).length > 0, 'still answering after the bad inputs');
		assert.ok(!client.logs.some((line) => line.includes(SECRET)), 'config text never reaches the log');
		await client.close(CONFIG_URI);
	});
});

describe('dist/server.js over stdio, pushed diagnostics', () => {
	let client: LspClient;
	let capabilities: Awaited<ReturnType<typeof LspClient.spawn>>['init']['capabilities'];
	before(async () => {
		const started = await LspClient.spawn({ pull: false });
		client = started.client;
		capabilities = started.init.capabilities;
	});
	after(() => client.shutdown());

	test('no diagnosticProvider without the client capability', () => {
		assert.equal(capabilities.diagnosticProvider, undefined);
	});

	test('didOpen publishes, didChange republishes for the new version, didClose clears', async () => {
		await client.open(CONFIG_URI, BROKEN);
		const opened = await client.nextPublished(CONFIG_URI);
		assert.equal(opened.version, 1);
		assert.deepEqual(syntaxError(opened.diagnostics)?.range, BROKEN_FIRST_ERROR);

		await client.change(CONFIG_URI, VALID);
		const changed = await client.nextPublished(CONFIG_URI, (p) => p.version === 2);
		assert.deepEqual(
			changed.diagnostics.filter((d) => d.code === 'json-syntax'),
			[],
		);

		await client.close(CONFIG_URI);
		const closed = await client.nextPublished(CONFIG_URI);
		assert.deepEqual(closed.diagnostics, []);
	});

	test('a burst of edits is debounced into one publication for the last version', async () => {
		await client.open(CONFIG_URI, VALID);
		await client.nextPublished(CONFIG_URI, (p) => p.version === 1);
		for (let i = 0; i < 5; i++) await client.change(CONFIG_URI, i % 2 ? VALID : BROKEN);
		const last = await client.nextPublished(CONFIG_URI, (p) => p.version === 6);
		assert.ok(syntaxError(last.diagnostics));
		assert.deepEqual(
			client.published.filter((p) => p.uri === CONFIG_URI && (p.version ?? 0) < 6),
			[],
			'intermediate versions were not published',
		);
		await client.close(CONFIG_URI);
	});
});

describe('startServer in-process: settings and language', () => {
	const syntaxMessage = (lang: 'en' | 'de') =>
		analyzeText(BROKEN, { lang, now: fixedClock(new Date()) }).find((f) => f.code === 'json-syntax')?.message;
	const english = syntaxMessage('en');
	const german = syntaxMessage('de');

	test('the core really has two languages for this finding', () => {
		assert.ok(english && german && english !== german);
	});

	test('mailcfg.language "de" gives German messages; changing it to "en" switches back', async () => {
		const { client } = await LspClient.inProcess({ pull: true, locale: 'en', settings: { language: 'de' } });
		await client.open(CONFIG_URI, BROKEN);
		assert.equal(syntaxError(await client.pullItems(CONFIG_URI))?.message, german);
		await client.changeSettings({ language: 'en' });
		assert.equal(syntaxError(await client.pullItems(CONFIG_URI))?.message, english);
		await client.shutdown();
	});

	test('"auto" follows the initialize locale', async () => {
		for (const [locale, expected] of [
			['de-CH', german],
			['en-US', english],
			['fr', english],
		] as const) {
			const { client } = await LspClient.inProcess({ pull: true, locale, settings: { language: 'auto' } });
			await client.open(CONFIG_URI, BROKEN);
			assert.equal(syntaxError(await client.pullItems(CONFIG_URI))?.message, expected, locale);
			await client.shutdown();
		}
	});

	test('rules.disabled removes a rule, in nested (VS Code) and flat (other editors) form', async () => {
		for (const settings of [{ rules: { disabled: ['json-syntax'] } }, { 'rules.disabled': ['json-syntax'] }]) {
			const { client } = await LspClient.inProcess({ pull: true, settings });
			await client.open(CONFIG_URI, BROKEN);
			const codes = (await client.pullItems(CONFIG_URI)).map((d) => d.code);
			assert.ok(!codes.includes('json-syntax'), JSON.stringify(settings));
			await client.shutdown();
		}
	});

	test('settings are asked once per document and again after didChangeConfiguration', async () => {
		const { client } = await LspClient.inProcess({ pull: true });
		await client.open(CONFIG_URI, BROKEN);
		await client.pullItems(CONFIG_URI);
		await client.change(CONFIG_URI, VALID);
		await client.pullItems(CONFIG_URI);
		assert.equal(client.configurationRequests, 1);
		await client.changeSettings({ language: 'de' });
		await client.pullItems(CONFIG_URI);
		assert.equal(client.configurationRequests, 2);
		await client.shutdown();
	});

	test('one analysis per document version and settings, shared by pulls and code actions', async () => {
		const runs: string[] = [];
		const { client } = await LspClient.inProcess({
			pull: true,
			analyze: (text, options) => {
				runs.push(options.lang);
				return analyzeText(text, options);
			},
		});
		await client.open(CONFIG_URI, BROKEN);
		const first = await client.pull(CONFIG_URI);
		const again = await client.pull(CONFIG_URI);
		assert.deepEqual(again, first, 'a pull without previousResultId gets the same full report');
		await client.codeActions(CONFIG_URI, BROKEN_FIRST_ERROR, []);
		assert.deepEqual(runs, ['en']);
		await client.change(CONFIG_URI, VALID);
		await client.pull(CONFIG_URI);
		await client.pull(CONFIG_URI);
		assert.deepEqual(runs, ['en', 'en'], 'a new version is analysed once');
		await client.changeSettings({ language: 'de' });
		await client.pull(CONFIG_URI);
		assert.deepEqual(runs, ['en', 'en', 'de'], 'new settings are analysed once');
		await client.open('file:///work/space/tsconfig.json', VALID);
		assert.deepEqual(await client.pullItems('file:///work/space/tsconfig.json'), []);
		assert.equal(runs.length, 3, 'other JSON files are never analysed');
		await client.shutdown();
	});

	test('a pull the client cancelled while settings were being fetched runs no analysis', async () => {
		let runs = 0;
		const { client } = await LspClient.inProcess({
			pull: true,
			analyze: (text, options) => {
				runs++;
				return analyzeText(text, options);
			},
		});
		await client.open(CONFIG_URI, BROKEN);
		// Cancel as soon as the server asks for the settings: the document changed meanwhile, as when typing.
		const source = new CancellationTokenSource();
		client.onConfigurationRequest = () => source.cancel();
		await assert.rejects(client.pull(CONFIG_URI, undefined, source.token), /cancel/i);
		assert.equal(runs, 0);
		client.onConfigurationRequest = undefined;
		assert.ok(syntaxError(await client.pullItems(CONFIG_URI)));
		assert.equal(runs, 1);
		await client.shutdown();
	});

	test('without workspace/configuration, settings come from didChangeConfiguration (push model)', async () => {
		const { client } = await LspClient.inProcess({ pull: false, configuration: false, locale: 'en' });
		await client.open(CONFIG_URI, BROKEN);
		assert.equal(syntaxError((await client.nextPublished(CONFIG_URI)).diagnostics)?.message, english);
		await client.changeSettings({ language: 'de' });
		assert.equal(syntaxError((await client.nextPublished(CONFIG_URI)).diagnostics)?.message, german);
		assert.equal(client.configurationRequests, 0);
		await client.shutdown();
	});
});

describe('startServer in-process: schema hover for editors without a JSON server', () => {
	const lineOf = (needle: string) => VALID.split('\n').findIndex((l) => l.includes(needle));
	const imapLine = lineOf('"imap"');
	const imapText = VALID.split('\n')[imapLine]!;
	const securityKey = imapText.indexOf('"security"') + 2;
	const tlsValue = imapText.indexOf('"tls"') + 2;
	const hoverText = (hover: Hover | null) => (hover && MarkupContent.is(hover.contents) ? hover.contents.value : '');

	test('property keys show the schema description, enum values their own description too', async () => {
		const schema = buildSchema('en') as { definitions: { security: Record<string, unknown> } };
		const security = schema.definitions.security;
		const { client, init } = await LspClient.inProcess({ pull: true, locale: 'en' });
		assert.equal(init.capabilities.hoverProvider, true);
		await client.open(CONFIG_URI, VALID);
		const onKey = await client.hover(CONFIG_URI, imapLine, securityKey);
		assert.equal(hoverText(onKey), security.markdownDescription);
		assert.equal(onKey?.range?.start.line, imapLine);
		const onValue = await client.hover(CONFIG_URI, imapLine, tlsValue);
		const tlsIndex = (security.enum as string[]).indexOf('tls');
		assert.ok(hoverText(onValue).includes((security.markdownEnumDescriptions as string[])[tlsIndex]!));
		await client.shutdown();
	});

	test('German settings give the German schema text', async () => {
		const german = (buildSchema('de') as { definitions: { security: { markdownDescription: string } } }).definitions
			.security.markdownDescription;
		const { client } = await LspClient.inProcess({ pull: true, settings: { language: 'de' } });
		await client.open(CONFIG_URI, VALID);
		assert.equal(hoverText(await client.hover(CONFIG_URI, imapLine, securityKey)), german);
		await client.shutdown();
	});

	test('no hover where the schema has nothing, in other JSON files, or when the client owns the schema', async () => {
		const { client } = await LspClient.inProcess({ pull: true });
		await client.open(CONFIG_URI, VALID);
		assert.equal(await client.hover(CONFIG_URI, 0, 0), null);
		await client.open('file:///work/space/tsconfig.json', VALID);
		assert.equal(await client.hover('file:///work/space/tsconfig.json', imapLine, securityKey), null);
		await client.shutdown();

		const vscodeLike = await LspClient.inProcess({ pull: true, initializationOptions: { validation: 'rules-only' } });
		assert.equal(vscodeLike.init.capabilities.hoverProvider, false);
		await vscodeLike.client.shutdown();
	});
});

/** Two real-world mistakes side by side: a printer on smtp.office365.com:465 and a GMX import on 993 with STARTTLS. */
const TWO_ACCOUNTS = `{
	"accounts": [
		{
			"id": "scanner",
			"email": "scanner@contoso.example",
			"auth": { "method": "app-password", "user": "scanner@contoso.example", "password": "\${secret:SCANNER}" },
			"smtp": { "host": "smtp.office365.com", "port": 465, "security": "tls" }
		},
		{
			"id": "archive",
			"email": "archiv@gmx.de",
			"auth": { "method": "password", "user": "archiv@gmx.de", "password": "\${secret:GMX}" },
			"imap": { "host": "imap.gmx.net", "port": 993, "security": "starttls", "tls": { "minVersion": "TLSv1" } }
		}
	]
}
`;

test('incremental changes (keystrokes, a pasted block, several edits between pulls) give the diagnostics of the new text', async () => {
	const { client } = await LspClient.inProcess({ pull: true });
	const fresh = await LspClient.inProcess({ pull: true });
	const reference = TextDocument.create(CONFIG_URI, 'json', 1, TWO_ACCOUNTS);
	await client.open(CONFIG_URI, TWO_ACCOUNTS);
	await client.pullItems(CONFIG_URI);
	const port = TWO_ACCOUNTS.indexOf('465');
	const security = TWO_ACCOUNTS.indexOf('"starttls"');
	const steps: { at: number; removed: number; text: string; pull: boolean }[] = [
		// Typing 587 over 465, one character at a time (the port rule's finding goes away).
		{ at: port, removed: 1, text: '5', pull: true },
		{ at: port + 1, removed: 1, text: '8', pull: true },
		{ at: port + 2, removed: 1, text: '7', pull: true },
		// Two edits before the next pull: a line added in the second account and its security fixed.
		{ at: security, removed: '"starttls"'.length, text: '"tls"', pull: false },
		{ at: security, removed: 0, text: '"tls",\n\t\t\t\t"folder": "INBOX", "security": ', pull: true },
		// JSON broken and repaired.
		{ at: port, removed: 0, text: ',', pull: true },
		{ at: port, removed: 1, text: '', pull: true },
	];
	for (const [k, step] of steps.entries()) {
		// Every edit before the security one keeps the length of the text, so the offsets of the original hold.
		const range = { start: reference.positionAt(step.at), end: reference.positionAt(step.at + step.removed) };
		TextDocument.update(reference, [{ range, text: step.text }], reference.version + 1);
		await client.edit(CONFIG_URI, range, step.text);
		if (!step.pull) continue;
		const uri = `file:///work/space/fresh-${k}.mailaccounts.json`;
		await fresh.client.open(uri, reference.getText());
		assert.deepEqual(await client.pullItems(CONFIG_URI), await fresh.client.pullItems(uri), `after step ${k}`);
	}
	assert.ok(!reference.getText().includes('465'));
	await client.shutdown();
	await fresh.client.shutdown();
});

function apply(text: string, action: CodeAction | undefined): string {
	const change = action?.edit?.documentChanges?.[0];
	assert.ok(change && 'edits' in change, 'a versioned text edit');
	// The server sends plain TextEdits; snippet edits (LSP 3.18) would need a client that expands them.
	const edits = change.edits.filter((e): e is TextEdit => !('snippet' in e));
	assert.equal(edits.length, change.edits.length);
	return TextDocument.applyEdits(TextDocument.create('file:///x.json', 'json', 1, text), edits);
}

describe('dist/server.js over stdio: rules, quick fixes and fix-all', () => {
	let client: LspClient;
	const uri = 'file:///work/space/devices.mailaccounts.json';
	before(async () => {
		client = (await LspClient.spawn({ pull: true, locale: 'en' })).client;
	});
	after(() => client.shutdown());

	test('semantic rules arrive with exact ranges and walkthrough data', async () => {
		await client.open(uri, TWO_ACCOUNTS);
		const items = await client.pullItems(uri);
		const byCode = (code: string) => items.find((d) => d.code === code);
		const mismatch = byCode('port-security-mismatch');
		assert.deepEqual(mismatch?.range, { start: { line: 12, character: 62 }, end: { line: 12, character: 72 } });
		assert.equal(mismatch?.severity, DiagnosticSeverity.Error);
		assert.ok(byCode('provider-endpoint-mismatch'));
		assert.equal(byCode('tls-legacy-version')?.severity, DiagnosticSeverity.Warning);
		const retirement = byCode('exo-smtp-basic-auth-retirement');
		assert.match((retirement?.data as DiagnosticData).walkthrough ?? '', /^[a-z0-9-]+(#[a-z0-9-]+)?$/);
		assert.equal((retirement?.data as DiagnosticData).accountId, 'scanner');
		assert.match(retirement?.codeDescription?.href ?? '', /exo-smtp-basic-auth-retirement/);
	});

	test('the preferred quick fix removes its diagnostic once applied', async () => {
		const items = await client.pullItems(uri);
		const mismatch = items.find((d) => d.code === 'port-security-mismatch')!;
		const actions = await client.codeActions(uri, mismatch.range, [mismatch], ['quickfix']);
		// The fixes of this diagnostic, and "fix all" among the quick fixes (without a diagnostic of its own).
		const fixes = actions.filter((a) => a.diagnostics?.length);
		assert.ok(fixes.length >= 1, 'the preferred fix');
		assert.ok(fixes.every((a) => a.kind === 'quickfix' && a.diagnostics?.[0]?.code === 'port-security-mismatch'));
		assert.deepEqual(
			actions.filter((a) => !a.diagnostics?.length).map((a) => [a.title, a.kind]),
			[['Fix all auto-fixable mail config problems', 'quickfix']],
		);
		const preferred = fixes.filter((a) => a.isPreferred);
		assert.equal(preferred.length, 1);
		const fixed = apply(TWO_ACCOUNTS, preferred[0]);
		await client.change(uri, fixed);
		const after = (await client.pullItems(uri)).map((d) => d.code);
		assert.ok(!after.includes('port-security-mismatch'), after.join());
		assert.ok(after.includes('tls-legacy-version'), 'other findings stay');
		await client.change(uri, TWO_ACCOUNTS);
	});

	test('source.fixAll.mailcfg applies every preferred fix in one edit', async () => {
		await client.pullItems(uri);
		const actions = await client.codeActions(
			uri,
			{ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
			[],
			['source.fixAll'],
		);
		assert.deepEqual(
			actions.map((a) => a.kind),
			['source.fixAll.mailcfg'],
		);
		const fixed = apply(TWO_ACCOUNTS, actions[0]);
		await client.change(uri, fixed);
		const after = (await client.pullItems(uri)).map((d) => d.code);
		for (const gone of ['port-security-mismatch', 'provider-endpoint-mismatch', 'tls-legacy-version', 'json-syntax']) {
			assert.ok(!after.includes(gone), `${gone} in ${after.join()}`);
		}
		assert.ok(after.includes('exo-smtp-basic-auth-retirement'), 'a fix that needs a decision is not applied');
	});
});

describe("startServer in-process: validation 'rules-only' (VS Code owns syntax and schema)", () => {
	// Missing "email" (a schema problem), a trailing garbage token (a syntax error) and port 465 with STARTTLS (a rule).
	const text = `{
	"accounts": [
		{
			"id": "erp",
			"auth": { "method": "oauth2", "user": "erp@contoso.example", "oauth2": { "flow": "device-code", "clientId": "x" } },
			"smtp": { "host": "mail.contoso.example", "port": 465, "security": "starttls" }
		}
	]
} x`;

	test('only semantic rules are reported', async () => {
		const own = await LspClient.inProcess({ pull: true });
		await own.client.open(CONFIG_URI, text);
		const all = (await own.client.pullItems(CONFIG_URI)).map((d) => String(d.code));
		assert.ok(
			all.some((c) => c.startsWith('schema')),
			all.join(),
		);
		assert.ok(all.includes('json-syntax'), all.join());
		await own.client.shutdown();

		const vscodeLike = await LspClient.inProcess({ pull: true, initializationOptions: { validation: 'rules-only' } });
		await vscodeLike.client.open(CONFIG_URI, text);
		const semantic = (await vscodeLike.client.pullItems(CONFIG_URI)).map((d) => String(d.code));
		assert.ok(semantic.includes('port-security-mismatch'), semantic.join());
		assert.deepEqual(
			semantic.filter((c) => c.startsWith('schema') || c === 'json-syntax'),
			[],
		);
		await vscodeLike.client.shutdown();
	});
});

describe('dist/server.js over stdio: completion from the schema for any LSP client (vscode-json-languageservice)', () => {
	let client: LspClient;
	let capabilities: Awaited<ReturnType<typeof LspClient.spawn>>['init']['capabilities'];
	before(async () => {
		const started = await LspClient.spawn({ pull: true, locale: 'en' });
		client = started.client;
		capabilities = started.init.capabilities;
	});
	after(() => client.shutdown());

	/** The completion labels at the `|` of `marked`. */
	async function labelsAt(marked: string): Promise<string[]> {
		const offset = marked.indexOf('|');
		const text = marked.replace('|', '');
		const before = text.slice(0, offset).split('\n');
		await client.open(CONFIG_URI, text, 'jsonc');
		const items = await client.completion(CONFIG_URI, before.length - 1, before.at(-1)!.length);
		await client.close(CONFIG_URI);
		return items.map((i) => i.label);
	}

	test('announces completion', () => {
		assert.deepEqual(capabilities.completionProvider?.triggerCharacters, ['"', ':']);
	});

	test('an empty file offers whole-file templates', async () => {
		const labels = await labelsAt('|');
		assert.ok(labels.includes('New file: Microsoft 365: import with OAuth2 (app-only)'), labels.join(' | '));
	});

	test('inside an account: its properties, the ones already there left out', async () => {
		const labels = await labelsAt('{\n\t// comments are fine\n\t"accounts": [\n\t\t{ "id": "erp", | }\n\t]\n}\n');
		for (const name of ['email', 'auth', 'imap', 'smtp', 'provider']) assert.ok(labels.includes(name), labels.join());
		assert.ok(!labels.includes('id'), 'id is already there');
	});

	test('enum values with the schema’s order', async () => {
		const labels = await labelsAt(
			'{ "accounts": [ { "id": "a", "imap": { "host": "imap.gmx.net", "port": 993, "security": | } } ] }',
		);
		assert.deepEqual(labels.slice(0, 3).sort(), ['"none"', '"starttls"', '"tls"']);
	});

	test('in the accounts list: the account templates', async () => {
		const labels = await labelsAt('{ "accounts": [ | ] }');
		for (const label of ['Gmail: app password', 'Microsoft 365: shared mailbox', 'Any provider: IMAP and SMTP']) {
			assert.ok(labels.includes(label), labels.join(' | '));
		}
	});

	test('other JSON files get nothing', async () => {
		await client.open('file:///w/package.json', '{  }');
		assert.deepEqual(await client.completion('file:///w/package.json', 0, 2), []);
		await client.close('file:///w/package.json');
	});
});

describe('startServer in-process: completion follows the language and stays out of VS Code', () => {
	test('German labels with locale de; no completion provider in rules-only mode', async () => {
		const german = await LspClient.inProcess({ pull: true, locale: 'de' });
		await german.client.open(CONFIG_URI, '');
		const labels = (await german.client.completion(CONFIG_URI, 0, 0)).map((i) => i.label);
		assert.ok(
			labels.some((l) => l.startsWith('Neue Datei: ')),
			labels.join(' | '),
		);
		await german.client.shutdown();
		const vscodeLike = await LspClient.inProcess({ pull: true, initializationOptions: { validation: 'rules-only' } });
		assert.equal(vscodeLike.init.capabilities.completionProvider, undefined);
		await vscodeLike.client.shutdown();
	});
});
