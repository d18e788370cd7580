/**
 * Fuzzing config text (issue #9): generated and mutated JSONC configs through the analysis and through
 * `mailcfg check` in every output format. Whatever the text, the analysis never fails inside (no `internal-error`
 * finding), ends in bounded time, keeps its findings under the cap, places every finding inside the text, and
 * nothing it prints holds a control character (a hostile value must not drive the terminal that shows a CI log).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { main } from '../../src/cli/main';
import fc from 'fast-check';
import { fixedClock } from '../../src/core/clock';
import { analyzeText } from '../../src/core/config/analyze';
import { bySeverity } from '../../src/core/config/findings';
import { analyzeDocument } from '../../src/core/sources/analyze';
import { account, configText } from './arbitraries';
import { assertFindingsWellFormed, assertPrintable, assertPrintableStrings, fuzz, within } from './support';

const dir = mkdtempSync(join(tmpdir(), 'mailcfg-fuzz-configs-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const now = fixedClock(new Date('2026-06-01T00:00:00Z'));

test('fuzz: any config text is analysed in bounded time with well-formed, printable findings', () =>
	fuzz(
		'config-analysis',
		configText,
		async (text) => {
			const findings = await within(5000, 'analysis', () =>
				analyzeDocument('file:///w/a.mailaccounts.json', text, { lang: 'en', now, validation: 'full' }),
			);
			assertFindingsWellFormed(findings, text);
		},
		60,
	));

test('fuzz: mailcfg check prints clean text, JSON and SARIF for any config, with exit 0, 1 or 2', () =>
	fuzz(
		'config-check-cli',
		configText,
		async (text) => {
			writeFileSync(join(dir, 'a.mailaccounts.json'), text);
			for (const format of ['text', 'json', 'sarif']) {
				let stdout = '';
				let stderr = '';
				const io = {
					stdout: (t: string) => (stdout += t),
					stderr: (t: string) => (stderr += t),
					readStdin: () => Promise.resolve(''),
					env: {},
					cwd: dir,
				};
				const code = await within(5000, `check --format ${format}`, () =>
					main(['check', 'a.mailaccounts.json', '--format', format, '--now', '2026-06-01'], io),
				);
				assert.ok([0, 1, 2].includes(code), `exit ${code}: ${stderr}`);
				assertPrintable(stderr, 'stderr');
				if (format === 'text') assertPrintable(stdout, 'text report');
				else assertPrintableStrings(JSON.parse(stdout), format);
			}
		},
		25,
	));

test('fuzz: past the findings limit, accounts (checked without nodes) count what their findings would be', () =>
	fuzz(
		'config-limit-counts',
		fc.tuple(fc.array(account, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 30 })),
		async ([accounts, limit]) => {
			const text = JSON.stringify({ accounts }, null, '\t');
			const all = analyzeText(text, { lang: 'en', now, maxFindings: Number.POSITIVE_INFINITY });
			const capped = analyzeText(text, { lang: 'en', now, maxFindings: limit });
			if (all.length <= limit) {
				assert.deepEqual(capped, all);
				return;
			}
			assert.deepEqual(capped.slice(0, limit), all.slice(0, limit));
			const note = capped[limit]!;
			const rest = all.slice(limit);
			assert.equal(note.code, 'too-many-findings');
			assert.match(note.message, new RegExp(`^and ${rest.length} more problems`));
			assert.equal(note.severity, [...rest].sort((a, b) => bySeverity(a.severity, b.severity))[0]!.severity);
		},
		60,
	));
