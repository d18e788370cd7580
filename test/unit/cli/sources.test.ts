import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CliIo } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { FIXTURES, fixture, lineOf } from '../core/sources/helpers';

let root: string;

/** Copies a fixture of test/fixtures/sources to `rel` below the temporary repository. */
function place(source: string, rel: string): void {
	const full = join(root, rel);
	mkdirSync(dirname(full), { recursive: true });
	copyFileSync(join(FIXTURES, source), full);
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
	let out = '';
	let err = '';
	const io: CliIo = {
		stdout: (t) => (out += t),
		stderr: (t) => (err += t),
		readStdin: () => Promise.resolve(''),
		env: {},
		cwd: root,
	};
	const code = await main(args, io);
	return { code, out, err };
}

interface JsonReport {
	files: { file: string; diagnostics: { code: string; range: { start: { line: number; character: number } } }[] }[];
}

before(() => {
	root = mkdtempSync(join(tmpdir(), 'mailcfg-sources-'));
	place('dotenv/laravel-office365.env', 'repo/web/.env');
	place('dotenv/lookalike.env', 'repo/db/.env');
	place('dotenv/laravel.env.example', 'repo/web/.env.example');
	place('dotenv/django.env', 'repo/other/mail-settings.conf');
});
after(() => rmSync(root, { recursive: true, force: true }));

describe('mailcfg check on other formats', () => {
	test('a folder: only files with mail settings are listed, findings on 0-based lines of the original file', async () => {
		const { code, out } = await run(['check', 'repo', '--format', 'json', '--now', '2026-12-03']);
		assert.equal(code, 1);
		const report = JSON.parse(out) as JsonReport;
		// .env.example uses MAIL_MAILER=log and db/.env is no mail config: neither is listed.
		assert.deepEqual(
			report.files.map((f) => f.file),
			['repo/web/.env'],
		);
		const port = report.files[0]!.diagnostics.find((d) => d.code === 'provider-endpoint-mismatch')!;
		const text = fixture('dotenv', 'laravel-office365.env');
		assert.deepEqual(port.range.start, { line: lineOf(text, 'MAIL_PORT='), character: 'MAIL_PORT='.length });
	});

	test('--format-in reads a file of any name in that format; without it, the name decides', async () => {
		const named = await run(['check', 'repo/other/mail-settings.conf', '--format-in', 'dotenv', '--format', 'json']);
		const codes = (JSON.parse(named.out) as JsonReport).files[0]!.diagnostics.map((d) => d.code);
		assert.ok(codes.includes('google-password-auth'), codes.join());
		const bad = await run(['check', 'repo/other/mail-settings.conf', '--format-in', 'ini']);
		assert.equal(bad.code, 2);
		assert.match(bad.err, /--format-in must be one of json, dotenv, spring, postfix, msmtp, mbsync/);
	});

	test('SARIF carries the same 1-based region', async () => {
		const { out } = await run(['check', 'repo/web/.env', '--format', 'sarif', '--now', '2026-12-03']);
		const sarif = JSON.parse(out) as {
			runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[];
		};
		const result = sarif.runs[0]!.results.find((r) => r.ruleId === 'provider-endpoint-mismatch')!;
		const text = fixture('dotenv', 'laravel-office365.env');
		assert.equal(result.locations[0]!.physicalLocation.region.startLine, lineOf(text, 'MAIL_PORT=') + 1);
	});
});

describe('mailcfg convert', () => {
	test('prints our JSON without the password; --out refuses to overwrite', async () => {
		const { code, out } = await run(['convert', 'repo/web/.env']);
		assert.equal(code, 0);
		assert.ok(!out.includes('Summer2026!'));
		assert.equal((JSON.parse(out) as { accounts: { id: string }[] }).accounts[0]!.id, 'mail');
		assert.equal((await run(['convert', 'repo/web/.env', '--out', 'repo/web/mail.mailaccounts.json'])).code, 0);
		const again = await run(['convert', 'repo/web/.env', '--out', 'repo/web/mail.mailaccounts.json']);
		assert.equal(again.code, 2);
		assert.match(again.err, /exists/);
		const checked = await run(['check', 'repo/web/mail.mailaccounts.json', '--format', 'json']);
		assert.ok(!checked.out.includes('plaintext-secret'));
	});

	test('a file without mail settings, or of unknown format: exit 2', async () => {
		assert.equal((await run(['convert', 'repo/db/.env'])).code, 2);
		assert.equal((await run(['convert', 'repo/other/mail-settings.conf'])).code, 2);
	});
});
