// Regenerates src/core/providers/generated/ispdb.json from Thunderbird's ISPDB (MPL-2.0, see third_party/ispdb).
//   npm run gen:providers                       (from the vendored copy in third_party/ispdb/xml)
//   npx tsx scripts/gen-providers.ts --ispdb <folder with *.xml> [--out <file>]
// To refresh from upstream, copy its ispdb/*.xml and SOURCE into third_party/ispdb/xml first, then run this.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { convertIspdb } from './ispdb-convert';

export const DEFAULT_ISPDB = 'third_party/ispdb/xml';
export const DEFAULT_OUT = 'src/core/providers/generated/ispdb.json';

export function readIspdbFolder(folder: string): ReturnType<typeof convertIspdb> {
	const files = readdirSync(folder)
		.filter((name) => name.endsWith('.xml'))
		.map((name) => ({ name, xml: readFileSync(join(folder, name), 'utf8') }));
	const sourceFile = join(folder, 'SOURCE');
	// SOURCE holds "<commit> <date>" of the upstream checkout the files were copied from.
	const [commit = 'unknown', ...date] = existsSync(sourceFile)
		? readFileSync(sourceFile, 'utf8').trim().split(' ')
		: [];
	return convertIspdb(files, { repo: 'https://github.com/thunderbird/autoconfig', commit, date: date.join(' ') });
}

/** One provider per line: diffs stay readable and the file stays compact. */
export function renderIspdb(table: ReturnType<typeof convertIspdb>): string {
	const lines = table.providers.map((p) => `\t\t${JSON.stringify(p)}`);
	return `{\n\t"source": ${JSON.stringify(table.source)},\n\t"providers": [\n${lines.join(',\n')}\n\t]\n}\n`;
}

function flag(name: string, fallback: string): string {
	const index = process.argv.indexOf(`--${name}`);
	return index > 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

if (require.main === module) {
	const input = flag('ispdb', DEFAULT_ISPDB);
	const out = flag('out', DEFAULT_OUT);
	if (!existsSync(input)) {
		process.stderr.write(`gen-providers: ISPDB folder not found: ${input}\n`);
		process.exit(2);
	}
	const table = readIspdbFolder(input);
	writeFileSync(out, renderIspdb(table));
	process.stdout.write(`gen-providers: ${table.providers.length} providers from ${input} -> ${out}\n`);
}
