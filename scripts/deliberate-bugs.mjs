// The deliberate-bug check of docs/testing.md: plants one small, realistic bug at a time in src/core, runs the unit
// tests of that area, records whether they fail, and puts the file back (also on Ctrl-C or an error). Nothing is
// committed: each bug lives only in the working tree for the length of its test run.
//
//   node scripts/deliberate-bugs.mjs            # all bugs
//   node scripts/deliberate-bugs.mjs 3 7        # bugs 3 and 7 only
//
// A bug counts as caught when the tests fail; the script also checks that the same tests pass without the bug, so
// a flaky or already-broken test cannot count as a catch.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

/** Each bug: where, what it breaks for a user, the exact text it replaces, and the tests of that area. */
const BUGS = [
	{
		file: 'src/core/probes/classify.ts',
		what: 'a refused connection is reported as "closed unexpectedly"',
		from: "if (systemCode === 'ECONNREFUSED') return new ProbeFailure('CONNECTION_REFUSED');",
		to: "if (systemCode === 'ECONNREFUSED') return new ProbeFailure('CONNECTION_CLOSED');",
		tests: ['test/unit/core/probes/classify.test.ts', 'test/unit/core/probes/error-codes.test.ts'],
	},
	{
		file: 'src/core/probes/trust-store.ts',
		what: 'tls.minVersion of the config is ignored again when extra CAs are trusted',
		from: 'tls.createSecureContext(minVersion ? { minVersion } : {})',
		to: 'tls.createSecureContext()',
		tests: ['test/unit/core/probes/trust-store.test.ts', 'test/unit/core/probes/error-codes.test.ts'],
	},
	{
		file: 'src/core/probes/redact.ts',
		what: 'a secret that contains another secret is masked in part (the rest of it leaks)',
		from: '.sort((a, b) => b.length - a.length)',
		to: '.sort((a, b) => a.length - b.length)',
		tests: ['test/unit/core/probes/redact.test.ts'],
	},
	{
		file: 'src/core/probes/oauth2-claims.ts',
		what: 'a token that expires in two minutes passes the claims check',
		from: '} else if (left < EXPIRY_MARGIN_SECONDS) {',
		to: '} else if (left < 60) {',
		tests: ['test/unit/core/probes/oauth2-claims.test.ts', 'test/unit/core/probes/oauth2-claims-report.test.ts'],
	},
	{
		file: 'src/core/probes/oauth2-claims.ts',
		what: 'a tenant id written in upper case is reported as the wrong tenant',
		from: 'tid.toLowerCase() !== expectedTenant.toLowerCase()',
		to: 'tid !== expectedTenant',
		tests: ['test/unit/core/probes/oauth2-claims.test.ts', 'test/unit/core/probes/oauth2-claims-report.test.ts'],
	},
	{
		file: 'src/core/probes/smtp.ts',
		what: 'an SMTP 421 greeting ("too many connections") is reported as a protocol error, not throttling',
		from: 'if (code === 421 || code === 554) throw refusal(raw, { text: HINTS.greetingRefused });',
		to: 'if (code === 554) throw refusal(raw, { text: HINTS.greetingRefused });',
		tests: ['test/unit/core/probes/smtp.test.ts', 'test/unit/core/probes/error-codes.test.ts'],
	},
	{
		file: 'src/core/rules/ports.ts',
		what: 'SMTP on 465 with STARTTLS is no longer flagged (465 treated as a STARTTLS port)',
		from: "\t465: 'tls',",
		to: "\t465: 'starttls',",
		tests: [
			'test/unit/core/rules/rules.test.ts',
			'test/unit/core/rules/fixes.test.ts',
			'test/unit/core/rules/every-fix.test.ts',
		],
	},
	{
		file: 'src/core/rules/tls.ts',
		what: 'tls.minVersion "TLSv1.1" is accepted as secure',
		from: "const LEGACY_TLS = new Set(['TLSv1', 'TLSv1.1']);",
		to: "const LEGACY_TLS = new Set(['TLSv1']);",
		tests: [
			'test/unit/core/rules/rules.test.ts',
			'test/unit/core/rules/fixes.test.ts',
			'test/unit/core/rules/every-fix.test.ts',
		],
	},
	{
		file: 'src/core/explain/catalog/sign-in.ts',
		what: 'AADSTS50076 (MFA prompt) is explained as "register for MFA"',
		from: "{ aadsts: ['50076'] },",
		to: "{ aadsts: ['50079'] },",
		tests: ['test/unit/core/explain/catalog.test.ts', 'test/unit/core/explain/match.test.ts'],
	},
	{
		file: 'src/core/secrets.ts',
		what: 'the CLI looks up ${secret:NAME} under MAILCFG_NAME instead of MAILCFG_SECRET_NAME',
		from: 'return `MAILCFG_SECRET_${name.toUpperCase()',
		to: 'return `MAILCFG_${name.toUpperCase()',
		tests: ['test/unit/core/secrets.test.ts'],
	},
];

function runTests(files) {
	const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...files], { encoding: 'utf8' });
	const failed = /^# fail (\d+)/m.exec(run.stdout)?.[1];
	const names = [...run.stdout.matchAll(/^\s*not ok \d+ - (.*)$/gm)].map((m) => m[1]);
	return { passed: run.status === 0, failed: Number(failed ?? 0), names };
}

const chosen = process.argv.slice(2).map(Number);
const bugs = BUGS.map((bug, i) => ({ ...bug, n: i + 1 })).filter((bug) => !chosen.length || chosen.includes(bug.n));
let original;
let planted;
const restore = () => {
	if (planted) writeFileSync(planted, original);
	planted = undefined;
};
process.on('SIGINT', () => {
	restore();
	process.exit(130);
});

let caught = 0;
const rows = [];
try {
	for (const bug of bugs) {
		const text = readFileSync(bug.file, 'utf8');
		if (text.split(bug.from).length !== 2)
			throw new Error(`bug ${bug.n}: the text to replace is not in ${bug.file} once`);
		const baseline = runTests(bug.tests);
		if (!baseline.passed) {
			throw new Error(`bug ${bug.n}: the tests fail without the bug: ${baseline.names.join('; ')}`);
		}
		original = text;
		planted = bug.file;
		writeFileSync(bug.file, text.replace(bug.from, bug.to));
		const result = runTests(bug.tests);
		restore();
		const isCaught = !result.passed;
		if (isCaught) caught++;
		rows.push(
			`${String(bug.n).padStart(2)}  ${isCaught ? 'caught' : 'MISSED'}  ${bug.what} (${result.failed} failing)`,
		);
		console.log(rows.at(-1));
	}
} finally {
	restore();
}
console.log(`\n${caught} of ${bugs.length} deliberate bugs caught by the unit tests of their area.`);
