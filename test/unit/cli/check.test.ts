import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';
import { BROKEN, VALID } from '../../fixtures/configs/samples';

/** A printer on smtp.office365.com:465 and a GMX import on port 993 with STARTTLS. */
const DEVICES = `{
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
			"imap": { "host": "imap.gmx.net", "port": 993, "security": "starttls" }
		}
	]
}
`;

let root: string;

function write(rel: string, text: string): void {
	const full = join(root, rel);
	mkdirSync(dirname(full), { recursive: true });
	writeFileSync(full, text);
}

async function run(
	args: string[],
	env: Record<string, string> = {},
): Promise<{ code: number; out: string; err: string }> {
	let out = '';
	let err = '';
	const io: CliIo = {
		stdout: (t) => (out += t),
		stderr: (t) => (err += t),
		readStdin: () => Promise.resolve(''),
		env,
		cwd: root,
	};
	const code = await main(['check', ...args], io);
	return { code, out, err };
}

before(() => {
	root = mkdtempSync(join(tmpdir(), 'mailcfg-check-'));
	write('ok/import.mailaccounts.json', VALID);
	write('ok/nested/deep/mailaccounts.json', VALID);
	write('ok/package.json', BROKEN); // not a config name: a folder walk ignores it
	write('ok/node_modules/pkg/x.mailaccounts.json', BROKEN);
	write('ok/.git/y.mailaccount.json', BROKEN);
	write('bad/printer.mailaccount.json', BROKEN);
	write('bad/import.mailaccounts.json', VALID);
	write('rules/devices.mailaccounts.json', DEVICES);
	write('bom/notepad.mailaccounts.json', `\uFEFF${VALID}`);
	mkdirSync(join(root, 'dangling'));
	symlinkSync(join(root, 'does-not-exist.json'), join(root, 'dangling', 'gone.mailaccounts.json'));
	mkdirSync(join(root, 'empty'));
});
after(() => rmSync(root, { recursive: true, force: true }));

describe('mailcfg check: exit codes', () => {
	const cases: { name: string; args: string[]; code: number; stderr?: RegExp }[] = [
		{ name: 'clean folder', args: ['ok'], code: 0 },
		{ name: 'a file with errors', args: ['bad/printer.mailaccount.json'], code: 1 },
		{ name: 'folder with an error among clean files', args: ['bad', 'ok'], code: 1 },
		{ name: 'no input', args: [], code: 2, stderr: /at least one/ },
		{ name: 'missing file', args: ['nope.mailaccounts.json'], code: 2, stderr: /nope\.mailaccounts\.json: ENOENT/ },
		{ name: 'missing file next to a readable one', args: ['ok', 'nope.json'], code: 2, stderr: /nope\.json/ },
		{ name: 'dangling symlink found by the walk', args: ['dangling'], code: 2, stderr: /gone\.mailaccounts\.json/ },
		{
			name: 'unknown format',
			args: ['ok', '--format', 'xml'],
			code: 2,
			stderr: /--format must be one of text, json, sarif/,
		},
		{ name: 'unknown flag', args: ['ok', '--fix'], code: 2, stderr: /unknown option --fix/ },
		{ name: 'bad --now', args: ['ok', '--now', '2026-13-45'], code: 2, stderr: /--now/ },
		{ name: 'bad --lang', args: ['ok', '--lang', 'fr'], code: 2, stderr: /--lang/ },
		{ name: 'empty folder: nothing to check, but said so', args: ['empty'], code: 0, stderr: /no config files/ },
		{ name: 'a valid file saved with a UTF-8 byte order mark (Windows editors)', args: ['bom'], code: 0 },
	];
	for (const { name, args, code, stderr } of cases) {
		test(name, async () => {
			const result = await run(args);
			assert.equal(result.code, code, result.err);
			if (stderr) assert.match(result.err, stderr);
			else assert.equal(result.err, '');
		});
	}
});

describe('mailcfg check: output', () => {
	test('the folder walk finds configs recursively and skips node_modules, .git and other JSON', async () => {
		const { out } = await run(['ok', '--format', 'json']);
		const files = (JSON.parse(out) as { files: { file: string }[] }).files.map((f) => f.file);
		assert.deepEqual(files, ['ok/import.mailaccounts.json', 'ok/nested/deep/mailaccounts.json']);
	});

	test('JSON has exactly the documented shape with 0-based ranges', async () => {
		const { out, code } = await run(['bad/printer.mailaccount.json', '--format', 'json']);
		assert.equal(code, 1);
		const report = JSON.parse(out) as { files: { file: string; diagnostics: Record<string, unknown>[] }[] };
		assert.deepEqual(Object.keys(report), ['files']);
		assert.equal(report.files.length, 1);
		assert.deepEqual(Object.keys(report.files[0]!), ['file', 'diagnostics']);
		assert.equal(report.files[0]!.file, 'bad/printer.mailaccount.json');
		// Findings are sorted by position; the syntax error sits below the incomplete account it breaks.
		const first = report.files[0]!.diagnostics.find((d) => d.code === 'json-syntax')!;
		assert.ok(first, 'a json-syntax diagnostic');
		assert.deepEqual(Object.keys(first), ['code', 'severity', 'message', 'range', 'source']);
		assert.equal(first.code, 'json-syntax');
		assert.equal(first.severity, 'error');
		assert.equal(first.source, 'mailcfg');
		assert.deepEqual(first.range, { start: { line: 3, character: 1 }, end: { line: 3, character: 2 } });
		for (const d of report.files[0]!.diagnostics) {
			assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity as string));
		}
	});

	test('text: one 1-based file:line:col line per finding, then a summary', async () => {
		const { out } = await run(['bad']);
		const lines = out.trimEnd().split('\n');
		assert.ok(
			lines.some((l) => /^bad\/printer\.mailaccount\.json:4:2 error json-syntax \S/.test(l)),
			lines.join('\n'),
		);
		const positions = lines.slice(0, -1).map((l) => /:(\d+):(\d+) /.exec(l)!.slice(1).map(Number) as [number, number]);
		assert.deepEqual(
			positions,
			[...positions].sort((a, b) => a[0] - b[0] || a[1] - b[1]),
			'top to bottom',
		);
		assert.match(lines.at(-1)!, /^\d+ problem\(s\) in 2 file\(s\): \d+ error\(s\)/);
		assert.ok(lines.slice(0, -1).every((l) => /^bad\/printer\.mailaccount\.json:\d+:\d+ /.test(l)));
	});

	test('--lang de and a German shell locale give German text; --lang wins over the locale', async () => {
		const german = await run(['bad', '--lang', 'de']);
		assert.match(german.out, /:4:2 Fehler json-syntax /);
		assert.match(german.out, /Befund\(e\) in 2 Datei\(en\)/);
		const fromEnv = await run(['bad'], { LANG: 'de_DE.UTF-8' });
		assert.equal(fromEnv.out, german.out);
		const overridden = await run(['bad', '--lang', 'en'], { LC_ALL: 'de_AT.UTF-8' });
		assert.match(overridden.out, /:4:2 error json-syntax /);
	});

	test('SARIF 2.1.0: driver, rules with ids, results with levels and 1-based regions', async () => {
		const { out, code } = await run(['bad', 'ok', '--format', 'sarif']);
		assert.equal(code, 1);
		const log = JSON.parse(out) as SarifLog;
		assert.equal(log.version, '2.1.0');
		assert.match(log.$schema, /sarif-2\.1\.0/);
		assert.equal(log.runs.length, 1);
		const run0 = log.runs[0]!;
		assert.equal(run0.tool.driver.name, 'mailcfg');
		assert.match(run0.tool.driver.informationUri, /^https:\/\//);
		const ruleIds = run0.tool.driver.rules.map((r) => r.id);
		assert.equal(new Set(ruleIds).size, ruleIds.length, 'each rule listed once');
		for (const rule of run0.tool.driver.rules) {
			assert.ok(rule.shortDescription.text.length > 0);
			assert.match(rule.helpUri ?? '', /^https:\/\//);
		}
		assert.ok(run0.results.length > 0);
		for (const result of run0.results) {
			assert.ok(['error', 'warning', 'note'].includes(result.level));
			assert.equal(run0.tool.driver.rules[result.ruleIndex]?.id, result.ruleId);
			assert.ok(result.message.text.length > 0);
			const location = result.locations[0]!.physicalLocation;
			assert.match(location.artifactLocation.uri, /^(bad|ok)\/[\w/.-]+\.json$/);
			assert.ok(location.region.startLine >= 1 && location.region.startColumn >= 1);
		}
		assert.deepEqual(run0.results.find((r) => r.ruleId === 'json-syntax')?.locations[0]!.physicalLocation.region, {
			startLine: 4,
			startColumn: 2,
			endLine: 4,
			endColumn: 3,
		});
	});
});

describe('mailcfg check: the rules behind it', () => {
	test('semantic findings with exact ranges, the same engine as the editor', async () => {
		const { out, code } = await run(['rules', '--format', 'json', '--now', '2026-05-01']);
		assert.equal(code, 1);
		const diagnostics = (
			JSON.parse(out) as { files: { diagnostics: { code: string; severity: string; range: unknown }[] }[] }
		).files[0]!.diagnostics;
		const mismatch = diagnostics.find((d) => d.code === 'port-security-mismatch');
		assert.equal(mismatch?.severity, 'error');
		assert.deepEqual(mismatch?.range, { start: { line: 12, character: 62 }, end: { line: 12, character: 72 } });
		assert.ok(diagnostics.some((d) => d.code === 'provider-endpoint-mismatch'));
	});

	test('--now moves "today" for date-dependent rules', async () => {
		const message = async (day: string) => {
			const { out } = await run(['rules', '--format', 'json', '--now', day]);
			const report = JSON.parse(out) as { files: { diagnostics: { code: string; message: string }[] }[] };
			return report.files[0]!.diagnostics.find((d) => d.code === 'exo-smtp-basic-auth-retirement')?.message;
		};
		const before = await message('2026-05-01');
		const later = await message('2026-11-30');
		assert.ok(before && later && before !== later, `${before} / ${later}`);
	});

	test('SARIF rules carry the rule title and its documentation link', async () => {
		const { out } = await run(['rules', '--format', 'sarif', '--lang', 'de']);
		const rules = (JSON.parse(out) as SarifLog).runs[0]!.tool.driver.rules;
		const rule = rules.find((r) => r.id === 'port-security-mismatch');
		assert.ok(rule && rule.shortDescription.text !== rule.id, JSON.stringify(rule));
		assert.match(rule.helpUri ?? '', /#port-security-mismatch$/);
	});
});

interface SarifLog {
	$schema: string;
	version: string;
	runs: {
		tool: {
			driver: {
				name: string;
				informationUri: string;
				rules: { id: string; shortDescription: { text: string }; helpUri?: string }[];
			};
		};
		results: {
			ruleId: string;
			ruleIndex: number;
			level: string;
			message: { text: string };
			locations: {
				physicalLocation: {
					artifactLocation: { uri: string };
					region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
				};
			}[];
		}[];
	}[];
}
