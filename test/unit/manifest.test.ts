// Invariants of the extension manifest that VS Code does not check for us (a typo here fails silently at runtime).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { formatOfName } from '../../src/core/sources/names';
import { Commands, NativeWalkthrough, SchemaUris, SettingKeys } from '../../src/shared/ids';

const ROOT = join(__dirname, '../..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));

interface CommandContribution {
	command: string;
	title?: string;
	category?: string;
}
interface ConfigurationSection {
	title?: string;
	properties: Record<string, Record<string, unknown>>;
}
interface Manifest {
	main: string;
	activationEvents?: string[];
	contributes: {
		commands?: CommandContribution[];
		configuration?: ConfigurationSection | ConfigurationSection[];
		jsonValidation?: { fileMatch: string | string[]; url: string }[];
		languages?: { id: string; filenamePatterns?: string[] }[];
		menus?: Record<string, { command: string; when?: string }[]>;
		walkthroughs?: {
			id: string;
			steps: {
				id: string;
				completionEvents?: string[];
				media?: { image?: string | Record<string, string>; markdown?: string; svg?: string };
			}[];
		}[];
	};
}

const manifest = readJson('package.json') as Manifest;
const nls = readJson('package.nls.json') as Record<string, string>;
const nlsDe = readJson('package.nls.de.json') as Record<string, string>;
const commands = manifest.contributes.commands ?? [];
const sections = [manifest.contributes.configuration ?? []].flat();
const properties = Object.fromEntries(sections.flatMap((s) => Object.entries(s.properties)));

describe('package.json commands', () => {
	test('every command has a title and a category', () => {
		for (const c of commands) {
			assert.ok(c.title, `${c.command} has no title`);
			assert.ok(c.category, `${c.command} has no category`);
		}
	});

	test('the contributed commands and src/shared/ids.ts Commands are the same set', () => {
		assert.deepEqual(commands.map((c) => c.command).sort(), Object.values(Commands).sort());
	});

	test('internal commands (leading _) are hidden from the command palette', () => {
		const hidden = new Set(
			(manifest.contributes.menus?.commandPalette ?? []).filter((m) => m.when === 'false').map((m) => m.command),
		);
		for (const c of commands.filter((c) => c.command.startsWith('_'))) {
			assert.ok(hidden.has(c.command), `${c.command} shows in the command palette`);
		}
	});

	test('menus only reference contributed commands', () => {
		const known = new Set(commands.map((c) => c.command));
		for (const [menu, items] of Object.entries(manifest.contributes.menus ?? {})) {
			for (const item of items) assert.ok(known.has(item.command), `${menu} references unknown ${item.command}`);
		}
	});
});

describe('package.json configuration', () => {
	test('every setting has a scope, a description and a default', () => {
		for (const [key, p] of Object.entries(properties)) {
			assert.ok(typeof p.scope === 'string', `${key} has no scope`);
			assert.ok(p.description ?? p.markdownDescription, `${key} has no description`);
			assert.ok('default' in p, `${key} has no default`);
		}
	});

	test('the allowances that widen where secrets go are application-scoped: no workspace can set them', () => {
		const allowances = Object.keys(properties).filter((key) => key.startsWith('mailcfg.security.'));
		assert.deepEqual(allowances.sort(), [
			'mailcfg.security.allowAuthorities',
			'mailcfg.security.allowEnv',
			'mailcfg.security.allowKeyFiles',
		]);
		for (const key of allowances) assert.equal(properties[key]?.scope, 'application', key);
	});

	test('discovery settings are application-scoped: no workspace turns lookups on or points them at its servers', () => {
		const keys = Object.keys(properties).filter((key) => key.startsWith('mailcfg.discovery.'));
		assert.deepEqual(keys.sort(), [
			'mailcfg.discovery.authorityHost',
			'mailcfg.discovery.dnsServer',
			'mailcfg.discovery.httpsPort',
			'mailcfg.discovery.offline',
		]);
		for (const key of keys) assert.equal(properties[key]?.scope, 'application', key);
		assert.equal(properties['mailcfg.discovery.offline']?.default, false);
	});

	test('the contributed settings and src/shared/ids.ts SettingKeys are the same set', () => {
		assert.deepEqual(Object.keys(properties).sort(), Object.values(SettingKeys).sort());
	});

	test('enum settings describe every value', () => {
		for (const [key, p] of Object.entries(properties)) {
			if (!Array.isArray(p.enum) || !p.enumDescriptions) continue;
			assert.equal((p.enumDescriptions as unknown[]).length, p.enum.length, key);
		}
	});
});

describe('package.nls', () => {
	test('English and German have the same keys and no empty texts', () => {
		assert.deepEqual(Object.keys(nlsDe).sort(), Object.keys(nls).sort());
		for (const [key, text] of [...Object.entries(nls), ...Object.entries(nlsDe)]) {
			assert.ok(text.trim().length > 0, `${key} is empty`);
		}
	});

	test('every %placeholder% in package.json resolves in both languages', () => {
		const placeholders = [...JSON.stringify(manifest).matchAll(/"%([^"%]+)%"/g)].map((m) => m[1] as string);
		assert.ok(placeholders.length > 0);
		for (const key of placeholders) {
			assert.ok(key in nls, `${key} missing in package.nls.json`);
			assert.ok(key in nlsDe, `${key} missing in package.nls.de.json`);
		}
	});
});

describe('package.json files and links', () => {
	test('config files open as JSON with Comments, so comments and trailing commas are no errors', () => {
		const patterns = (manifest.contributes.languages ?? [])
			.filter((l) => l.id === 'jsonc')
			.flatMap((l) => l.filenamePatterns ?? []);
		const validations = (manifest.contributes.jsonValidation ?? []).flatMap((v) => [v.fileMatch].flat());
		assert.deepEqual(patterns.sort(), [...validations].sort());
	});

	test('jsonValidation covers the three config names and points at schemas that exist', () => {
		const validations = manifest.contributes.jsonValidation ?? [];
		const matched = validations.flatMap((v) => [v.fileMatch].flat());
		for (const name of ['*.mailaccount.json', '*.mailaccounts.json', 'mailaccounts.json']) {
			assert.ok(matched.includes(name), `${name} not in jsonValidation`);
		}
		for (const { url } of validations) {
			if (url.startsWith('./')) {
				assert.ok(existsSync(join(ROOT, url)), `${url} does not exist`);
			} else {
				// Served by src/client/schema-provider.ts from these two files.
				assert.equal(url, SchemaUris.mailAccount);
				assert.ok(existsSync(join(ROOT, 'schemas/mail-account.schema.json')), 'schemas/mail-account.schema.json');
				assert.ok(existsSync(join(ROOT, 'schemas/mail-account.schema.de.json')), 'schemas/mail-account.schema.de.json');
			}
		}
	});

	test('the custom schema scheme activates the extension', () => {
		const scheme = SchemaUris.mailAccount.split(':')[0];
		assert.ok(manifest.activationEvents?.includes(`onFileSystem:${scheme}`));
	});

	test('each walkthrough context key completes the step the extension marks done for it', () => {
		const walkthrough = manifest.contributes.walkthroughs?.find((w) => w.id === NativeWalkthrough.id);
		assert.ok(walkthrough, `no walkthrough ${NativeWalkthrough.id}`);
		for (const [key, stepId] of Object.entries(NativeWalkthrough.stepOfKey)) {
			const step: { completionEvents?: string[] } | undefined = walkthrough.steps.find((s) => s.id === stepId);
			assert.deepEqual(step?.completionEvents, [`onContext:${key}`], stepId);
		}
	});

	test('walkthrough media files exist', () => {
		for (const walkthrough of manifest.contributes.walkthroughs ?? []) {
			for (const step of walkthrough.steps) {
				const media = step.media ?? {};
				const paths = [
					media.markdown,
					media.svg,
					...(typeof media.image === 'object' ? Object.values(media.image) : [media.image]),
				];
				for (const path of paths.filter((p): p is string => typeof p === 'string')) {
					assert.ok(existsSync(join(ROOT, path)), `${walkthrough.id}/${step.id}: ${path} does not exist`);
				}
			}
		}
	});
});

describe('Convert to mailaccounts.json', () => {
	// The menus show the command for exactly the files the converter reads by name.
	const NAMES = [
		'.env',
		'.env.local',
		'.env.production',
		'app.env',
		'application.properties',
		'application-prod.yml',
		'application.yaml',
		'main.cf',
		'.msmtprc',
		'msmtprc',
		'msmtp.conf',
		'.mbsyncrc',
		'mbsyncrc',
		'.isyncrc',
		'isyncrc',
		'dot_msmtprc',
		'private_dot_mbsyncrc',
		'work.msmtprc',
		'gmail.mbsyncrc',
		'msmtprc.bak',
		'dot_msmtprc.tmpl',
		'env',
		'settings.yml',
		'master.cf',
		'main.cf.bak',
		'package.json',
		'mailaccounts.json',
		'.envrc',
	];
	for (const menu of ['commandPalette', 'editor/context', 'explorer/context']) {
		test(`its ${menu} entry matches the converter's file names`, () => {
			const entry = manifest.contributes.menus?.[menu]?.find((m) => m.command === Commands.convertToConfig);
			const match = /^resourceFilename =~ \/(.+)\/(i?)$/.exec(entry?.when ?? '');
			assert.ok(match, `${menu}: ${entry?.when}`);
			const pattern = new RegExp(match[1]!, match[2]);
			for (const name of NAMES) assert.equal(pattern.test(name), formatOfName(name) !== undefined, name);
		});
	}
});

describe('source file names', () => {
	test('TypeScript and script files are kebab-case', () => {
		const bad: string[] = [];
		const walk = (dir: string): void => {
			for (const name of readdirSync(join(ROOT, dir))) {
				const rel = join(dir, name);
				if (name === 'node_modules' || rel.startsWith(join('test', 'e2e', 'workspace'))) continue;
				if (statSync(join(ROOT, rel)).isDirectory()) walk(rel);
				else if (/\.(ts|mjs|js)$/.test(name) && !/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+)*$/.test(name)) bad.push(rel);
			}
		};
		for (const dir of ['src', 'test', 'scripts']) walk(dir);
		assert.deepEqual(bad, []);
	});
});
