// Schema problems as users see them: the message in English and German, what the squiggle covers, and what each
// quick fix writes. One row per mistake people make when they write an account by hand or copy another tool's settings.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LineIndex } from '../../../../src/core/text/positions';
import { analyze, textAt } from '../rules/helpers';

const BASE = {
	id: 'scan',
	email: 'scan@gmx.de',
	auth: { method: 'password', user: 'scan@gmx.de', password: '${secret:SCAN}' },
	imap: { host: 'imap.gmx.net', port: 993, security: 'tls' },
};
const file = (...accounts: unknown[]) => JSON.stringify({ accounts }, null, '\t');
const withImap = (imap: Record<string, unknown>) => file({ ...BASE, imap: { ...BASE.imap, ...imap } });

interface Row {
	name: string;
	text: string;
	code: string;
	en: string;
	de: string;
	/** The text the finding's range covers. */
	at: string;
	/** Each fix: title (en), preferred, and the text it writes in place of what the squiggle covers. */
	fixes?: [title: string, preferred: boolean, written: string][];
}

const ROWS: Row[] = [
	{
		name: 'no accounts at all',
		text: '{}',
		code: 'schema-required',
		en: 'A mailcfg file needs "accounts": a list of at least one account.',
		de: 'Eine mailcfg-Datei braucht „accounts“: eine Liste mit mindestens einem Konto.',
		at: '{',
	},
	{
		name: 'an empty list',
		text: file(),
		code: 'schema-min-items',
		en: '"accounts" needs at least 1 entry.',
		de: '„accounts“ braucht mindestens 1 Eintrag.',
		at: '[]',
	},
	{
		name: 'an entry that is not an object',
		text: file(42),
		code: 'schema-type',
		en: 'An entry of "accounts" must be an object ({ ... }), not a whole number.',
		de: 'Ein Eintrag von „accounts“ muss ein Objekt ({ ... }) sein, nicht eine ganze Zahl.',
		at: '42',
	},
	{
		name: 'a missing property',
		text: file({ ...BASE, email: undefined }),
		code: 'schema-required',
		en: 'Missing required property "email".',
		de: 'Pflichtangabe „email“ fehlt.',
		at: '{',
	},
	{
		name: 'neither IMAP nor SMTP',
		text: file({ ...BASE, imap: undefined }),
		code: 'schema-required',
		en: 'An account needs "imap", "smtp" or both.',
		de: 'Ein Konto braucht „imap“, „smtp“ oder beides.',
		at: '{',
	},
	{
		name: 'a misspelt key',
		text: file({ ...BASE, imap: { hots: 'imap.gmx.net', port: 993, security: 'tls' } }),
		code: 'schema-additional-property',
		en: 'Unknown property "hots"; mailcfg does not read it.',
		de: 'Unbekannte Eigenschaft „hots“; mailcfg liest sie nicht.',
		at: '"hots"',
		fixes: [['Rename to "host"', true, '"host"']],
	},
	{
		name: 'a key near two known ones',
		text: withImap({ folders: 'Scans' }),
		code: 'schema-additional-property',
		en: 'Unknown property "folders"; mailcfg does not read it.',
		de: 'Unbekannte Eigenschaft „folders“; mailcfg liest sie nicht.',
		at: '"folders"',
		fixes: [['Rename to "folder"', true, '"folder"']],
	},
	{
		name: 'a key like no known one',
		text: file({ ...BASE, colour: 'red' }),
		code: 'schema-additional-property',
		en: 'Unknown property "colour"; mailcfg does not read it.',
		de: 'Unbekannte Eigenschaft „colour“; mailcfg liest sie nicht.',
		at: '"colour"',
		fixes: [],
	},
	{
		name: 'a port in quotes',
		text: withImap({ port: '993' }),
		code: 'schema-type',
		en: '"imap.port" must be a whole number, not text.',
		de: '„imap.port“ muss eine ganze Zahl sein, nicht Text.',
		at: '"993"',
		fixes: [['Change to 993', true, '993']],
	},
	{
		name: 'a port in quotes with spaces',
		text: withImap({ port: ' 143 ' }),
		code: 'schema-type',
		en: '"imap.port" must be a whole number, not text.',
		de: '„imap.port“ muss eine ganze Zahl sein, nicht Text.',
		at: '" 143 "',
		fixes: [['Change to 143', true, '143']],
	},
	{
		name: 'a port that is no number',
		text: withImap({ port: 'imaps' }),
		code: 'schema-type',
		en: '"imap.port" must be a whole number, not text.',
		de: '„imap.port“ muss eine ganze Zahl sein, nicht Text.',
		at: '"imaps"',
		fixes: [],
	},
	{
		name: 'a decimal port',
		text: withImap({ port: 99.5 }),
		code: 'schema-type',
		en: '"imap.port" must be a whole number, not a decimal number.',
		de: '„imap.port“ muss eine ganze Zahl sein, nicht eine Dezimalzahl.',
		at: '99.5',
	},
	{
		name: 'a boolean in quotes',
		text: withImap({ includeSubfolders: 'true' }),
		code: 'schema-type',
		en: '"imap.includeSubfolders" must be true or false, not text.',
		de: '„imap.includeSubfolders“ muss true oder false sein, nicht Text.',
		at: '"true"',
		fixes: [['Change to true', true, 'true']],
	},
	{
		name: 'false in quotes',
		text: withImap({ includeSubfolders: ' false' }),
		code: 'schema-type',
		en: '"imap.includeSubfolders" must be true or false, not text.',
		de: '„imap.includeSubfolders“ muss true oder false sein, nicht Text.',
		at: '" false"',
		fixes: [['Change to false', true, 'false']],
	},
	{
		name: 'a number for a boolean',
		text: withImap({ includeSubfolders: 1 }),
		code: 'schema-type',
		en: '"imap.includeSubfolders" must be true or false, not a whole number.',
		de: '„imap.includeSubfolders“ muss true oder false sein, nicht eine ganze Zahl.',
		at: '1',
		fixes: [],
	},
	{
		name: 'a list where an object belongs',
		text: file({ ...BASE, auth: [] }),
		code: 'schema-type',
		en: '"auth" must be an object ({ ... }), not a list ([ ... ]).',
		de: '„auth“ muss ein Objekt ({ ... }) sein, nicht eine Liste ([ ... ]).',
		at: '[]',
	},
	{
		name: 'null where an object belongs',
		text: file({ ...BASE, imap: null }),
		code: 'schema-type',
		en: '"imap" must be an object ({ ... }), not null.',
		de: '„imap“ muss ein Objekt ({ ... }) sein, nicht null.',
		at: 'null',
	},
	{
		name: 'port 0',
		text: withImap({ port: 0 }),
		code: 'schema-range',
		en: '"imap.port" must be at least 1.',
		de: '„imap.port“ muss mindestens 1 sein.',
		at: '0',
	},
	{
		name: 'a port beyond 65535',
		text: withImap({ port: 70000 }),
		code: 'schema-range',
		en: '"imap.port" must be at most 65535.',
		de: '„imap.port“ darf höchstens 65535 sein.',
		at: '70000',
	},
	{
		name: 'another tool’s word: SSL',
		text: withImap({ security: 'SSL' }),
		code: 'schema-enum',
		en: '"SSL" is not a valid value for "imap.security". Use one of: tls, starttls, none.',
		de: '„SSL“ ist kein gültiger Wert für „imap.security“. Erlaubt: tls, starttls, none.',
		at: '"SSL"',
		fixes: [['Change to "tls"', true, '"tls"']],
	},
	{
		name: 'another tool’s word: plain',
		text: withImap({ security: ' Plain' }),
		code: 'schema-enum',
		en: '" Plain" is not a valid value for "imap.security". Use one of: tls, starttls, none.',
		de: '„ Plain“ ist kein gültiger Wert für „imap.security“. Erlaubt: tls, starttls, none.',
		at: '" Plain"',
		fixes: [['Change to "none"', true, '"none"']],
	},
	{
		name: 'a value in the wrong case',
		text: withImap({ security: 'STARTTLS' }),
		code: 'schema-enum',
		en: '"STARTTLS" is not a valid value for "imap.security". Use one of: tls, starttls, none.',
		de: '„STARTTLS“ ist kein gültiger Wert für „imap.security“. Erlaubt: tls, starttls, none.',
		at: '"STARTTLS"',
		fixes: [['Change to "starttls"', true, '"starttls"']],
	},
	{
		name: 'a misspelt value: a suggestion, not a sure fix',
		text: withImap({ security: 'starttsl' }),
		code: 'schema-enum',
		en: '"starttsl" is not a valid value for "imap.security". Use one of: tls, starttls, none.',
		de: '„starttsl“ ist kein gültiger Wert für „imap.security“. Erlaubt: tls, starttls, none.',
		at: '"starttsl"',
		fixes: [['Change to "starttls"', false, '"starttls"']],
	},
	{
		name: 'a value like no allowed one',
		text: withImap({ security: 'quantum' }),
		code: 'schema-enum',
		en: '"quantum" is not a valid value for "imap.security". Use one of: tls, starttls, none.',
		de: '„quantum“ ist kein gültiger Wert für „imap.security“. Erlaubt: tls, starttls, none.',
		at: '"quantum"',
		fixes: [],
	},
	{
		name: 'a number where a word belongs',
		text: withImap({ security: 1 }),
		code: 'schema-type',
		en: '"imap.security" must be text, not a whole number.',
		de: '„imap.security“ muss Text sein, nicht eine ganze Zahl.',
		at: '1',
	},
	{
		name: 'basic auth',
		text: file({ ...BASE, auth: { ...BASE.auth, method: 'basic' } }),
		code: 'schema-enum',
		en: '"basic" is not a valid value for "auth.method". Use one of: password, app-password, oauth2.',
		de: '„basic“ ist kein gültiger Wert für „auth.method“. Erlaubt: password, app-password, oauth2.',
		at: '"basic"',
		fixes: [['Change to "password"', true, '"password"']],
	},
	{
		name: 'XOAUTH2',
		text: file({ ...BASE, auth: { ...BASE.auth, method: 'XOAUTH2' } }),
		code: 'schema-enum',
		en: '"XOAUTH2" is not a valid value for "auth.method". Use one of: password, app-password, oauth2.',
		de: '„XOAUTH2“ ist kein gültiger Wert für „auth.method“. Erlaubt: password, app-password, oauth2.',
		at: '"XOAUTH2"',
		fixes: [['Change to "oauth2"', true, '"oauth2"']],
	},
	{
		name: 'a URL for a host',
		text: withImap({ host: 'imaps://imap.gmx.net' }),
		code: 'schema-pattern',
		en: '"imap.host": Enter only the host name (no spaces, no `imaps://`, no path).',
		de: '„imap.host“: Nur den Hostnamen eingeben (keine Leerzeichen, kein `imaps://`, kein Pfad).',
		at: '"imaps://imap.gmx.net"',
	},
	{
		name: 'an id with spaces and capitals',
		text: file({ ...BASE, id: 'Bad Id' }),
		code: 'schema-pattern',
		en: '"id": Use lowercase letters, digits and hyphens, starting with a letter or digit (e.g. dms-import).',
		de: '„id“: Kleinbuchstaben, Ziffern und Bindestriche verwenden, am Anfang ein Buchstabe oder eine Ziffer (z. B. dms-import).',
		at: '"Bad Id"',
	},
	{
		name: 'an empty folder',
		text: withImap({ folder: '' }),
		code: 'schema-empty',
		en: '"imap.folder" must not be empty.',
		de: '„imap.folder“ darf nicht leer sein.',
		at: '""',
	},
	{
		name: 'a scope listed twice: the second one is marked',
		text: file({
			...BASE,
			auth: {
				method: 'oauth2',
				user: 'scan@gmx.de',
				oauth2: {
					flow: 'client-credentials',
					tenant: 'contoso.onmicrosoft.com',
					clientId: '11111111-2222-3333-4444-555555555555',
					clientSecret: '${secret:X}',
					scopes: ['https://outlook.office365.com/.default', 'x', 'https://outlook.office365.com/.default'],
				},
			},
		}),
		code: 'schema-unique-items',
		en: '"auth.oauth2.scopes" lists the same value twice (entries 0 and 2).',
		de: '„auth.oauth2.scopes“ enthält denselben Wert doppelt (Einträge 0 und 2).',
		at: '"https://outlook.office365.com/.default"',
	},
];

describe('schema findings', () => {
	for (const row of ROWS) {
		test(row.name, () => {
			const en = analyze(row.text, 'en').filter((f) => f.code === row.code);
			const de = analyze(row.text, 'de').filter((f) => f.code === row.code);
			assert.deepEqual(
				en.map((f) => f.message),
				[row.en],
			);
			assert.deepEqual(
				de.map((f) => f.message),
				[row.de],
			);
			const [finding] = en;
			assert.ok(finding);
			assert.equal(finding.severity, 'error');
			assert.equal(finding.docUrl, `https://github.com/mailcfg/mailcfg/blob/main/docs/rules.md#${row.code}`);
			assert.equal(textAt(row.text, finding.range), row.at);
			if (row.code === 'schema-unique-items') {
				assert.equal(new LineIndex(row.text).offsetAt(finding.range.start), row.text.lastIndexOf(row.at));
			}
			if (row.fixes) {
				// Each fix rewrites exactly what the squiggle covers.
				for (const fix of finding.fixes)
					assert.deepEqual(
						fix.edits.map((e) => e.range),
						[finding.range],
						fix.title,
					);
				assert.deepEqual(
					finding.fixes.map((fix) => [fix.title, fix.isPreferred ?? false, fix.edits[0]?.newText]),
					row.fixes,
				);
				assert.equal(de[0]?.fixes.length, row.fixes.length);
			}
		});
	}
});
