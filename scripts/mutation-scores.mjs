// Prints the mutation score of every folder of src/core (subfolders included: src/core/explain counts its catalog)
// from Stryker's incremental file, which keeps the results of every scoped run, and writes them to
// reports/mutation/scores.json. Score as Stryker counts it: (killed + timeout) / (killed + timeout + survived + no
// coverage); ignored mutants (marked equivalent with a reason in a `Stryker disable` comment) and compile errors are
// left out. `filesMeasured` of `filesInFolder` says how much of a folder the score covers.
//
//   node scripts/mutation-scores.mjs [report.json] [--run '<command>']
//
// `--run` (given by scripts/mutation.mjs) appends the run's date and command to the `runs` log in scores.json.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DETECTED, UNDETECTED, coreRelative, percent, sourceFiles } from './mutation-common.mjs';

const argv = process.argv.slice(2);
const runAt = argv.indexOf('--run');
const command = runAt >= 0 ? argv[runAt + 1] : undefined;
const positional = argv.filter((_, i) => runAt < 0 || (i !== runAt && i !== runAt + 1));
const reportPath = positional[0] ?? 'reports/mutation/stryker-incremental.json';
const outPath = 'reports/mutation/scores.json';
const report = JSON.parse(readFileSync(reportPath, 'utf8'));

/** src/core/explain/catalog/oauth.ts -> src/core/explain/catalog, src/core/explain, src/core */
function folders(file) {
	const out = [];
	for (let dir = dirname(file); dir.startsWith('src/core'); dir = dirname(dir)) out.push(dir);
	return out;
}

const rows = new Map();
const row = (key) => {
	if (!rows.has(key)) rows.set(key, { detected: 0, undetected: 0, ignored: 0, files: new Set() });
	return rows.get(key);
};
for (const [file, { mutants }] of Object.entries(report.files)) {
	const rel = coreRelative(file);
	const keys = [...folders(rel), ...(/\/(redact|oauth2-claims)\.ts$/.test(rel) ? [rel] : [])];
	for (const { status } of mutants) {
		for (const key of keys) {
			const r = row(key);
			r.files.add(rel);
			if (DETECTED.has(status)) r.detected++;
			else if (UNDETECTED.has(status)) r.undetected++;
			else if (status === 'Ignored') r.ignored++;
		}
	}
}
const score = ({ detected, undetected }) => percent(detected, undetected);
const table = [...rows.entries()]
	.sort(([a], [b]) => a.localeCompare(b))
	.map(([path, r]) => ({
		path,
		score: score(r),
		detected: r.detected,
		undetected: r.undetected,
		ignored: r.ignored,
		filesMeasured: r.files.size,
		filesInFolder: path.endsWith('.ts') ? 1 : sourceFiles(path).length,
	}));
for (const r of table) {
	console.log(
		`${String(r.score ?? '-').padStart(6)} %  ${r.path}  (detected ${r.detected}, undetected ${r.undetected}, ignored ${r.ignored}, files ${r.filesMeasured} of ${r.filesInFolder})`,
	);
}
const previous = existsSync(outPath) ? JSON.parse(readFileSync(outPath, 'utf8')) : {};
const runs = Array.isArray(previous.runs) ? previous.runs : [];
if (command) runs.push({ date: new Date().toISOString().slice(0, 16) + 'Z', command });
writeFileSync(outPath, JSON.stringify({ runs, folders: table }, null, '\t') + '\n');
