// Prints the mutation score per folder of src/core from Stryker's JSON report and writes it to
// reports/mutation/scores.json, so runs can be compared across commits. Score as Stryker counts it:
// (killed + timeout) / (killed + timeout + survived + no coverage); ignored mutants (marked equivalent with a
// reason in a `Stryker disable` comment) and compile errors are left out.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const reportPath = process.argv[2] ?? 'reports/mutation/mutation.json';
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

const folders = new Map();
const files = new Map();
const add = (key, status, file) => {
	const row = folders.get(key) ?? { detected: 0, undetected: 0, ignored: 0 };
	files.set(key, (files.get(key) ?? new Set()).add(file));
	if (DETECTED.has(status)) row.detected++;
	else if (UNDETECTED.has(status)) row.undetected++;
	else if (status === 'Ignored') row.ignored++;
	folders.set(key, row);
};
for (const [file, { mutants }] of Object.entries(report.files)) {
	const rel = file.replace(/^.*?(src\/core\/)/, '$1');
	for (const { status } of mutants) {
		add(dirname(rel), status, rel);
		add(rel, status, rel);
		// Only the files in this report: a run narrowed with --mutate measures part of a folder.
		add('src/core (all)', status, rel);
	}
}
const score = ({ detected, undetected }) =>
	detected + undetected ? Math.round((1000 * detected) / (detected + undetected)) / 10 : null;
const rows = [...folders.entries()]
	.filter(([key]) => !key.endsWith('.ts') || /redact\.ts$|oauth2-claims\.ts$/.test(key))
	.sort(([a], [b]) => a.localeCompare(b))
	.map(([key, row]) => ({ path: key, score: score(row), ...row, filesMeasured: files.get(key).size }));
for (const r of rows) {
	console.log(
		`${String(r.score ?? '-').padStart(6)} %  ${r.path}  (detected ${r.detected}, undetected ${r.undetected}, ignored ${r.ignored}, files ${r.filesMeasured})`,
	);
}
writeFileSync(`${dirname(reportPath)}/scores.json`, JSON.stringify(rows, null, '\t') + '\n');
