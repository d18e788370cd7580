// Renders schemas/mail-account.schema.json (English) and schemas/mail-account.schema.de.json (German) from
// src/core/config/schema-source.ts, the one source of truth. Run `npm run gen:schema` after changing it;
// test/unit/core/config/schema-files.test.ts fails while the committed files are stale.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { LANGS } from '../src/core/i18n';
import { SCHEMA_FILE_NAMES, buildSchema } from '../src/core/config/schema-source';

export async function renderSchemaFile(lang: (typeof LANGS)[number], path: string): Promise<string> {
	const options = (await resolveConfig(path)) ?? {};
	return format(JSON.stringify(buildSchema(lang), null, '\t'), { ...options, filepath: path });
}

async function main(): Promise<void> {
	for (const lang of LANGS) {
		const path = join('schemas', SCHEMA_FILE_NAMES[lang]);
		writeFileSync(path, await renderSchemaFile(lang, path));
		process.stdout.write(`gen-schema: wrote ${path}\n`);
	}
}

if (require.main === module) void main();
