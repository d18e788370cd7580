/**
 * mbsync/isync (`~/.mbsyncrc`): `IMAPAccount` sections (and `IMAPStore` sections that name a host themselves) of
 * `Keyword value` lines, ended by a blank line. Parsed by hand like msmtp's file: the syntax is one keyword and one
 * argument per line, and there is no maintained parser for it on npm. Defaults as in the mbsync manual: STARTTLS
 * (`SSLType`, renamed `TLSType` in isync 1.5), port 993 with IMAPS and 143 otherwise.
 */
import type { SecurityMode } from '../config/model';
import {
	type Entry,
	commandPassword,
	derivedLeaf,
	flagValue,
	insertLineAfter,
	lineEnd,
	linesOf,
	mappedAccount,
	portValue,
	textLeaf,
} from './entries';
import { type MappedAccount, type Span, type SpanEdit, branch, combine, leaf, replacing, spanOf } from './tree';

const SECTIONS = new Set(['imapaccount', 'imapstore', 'maildirstore', 'channel', 'group']);

interface Section {
	kind: string;
	name: string;
	nameAt: Span;
	settings: Map<string, Entry>;
	block: Span;
}

/** One argument as isync's `get_arg` (config.c) reads it, from `i` on: its value and the end of its text. */
function argument(line: string, i: number): { value: string; end: number } {
	let value = '';
	let escaped = false;
	let quoted = false;
	for (; i < line.length; i++) {
		const c = line[i]!;
		if (escaped) {
			escaped = false;
			value += c;
		} else if (c === '\\') escaped = true;
		else if (c === '"') quoted = !quoted;
		else if (!quoted && /\s/.test(c)) break;
		else value += c;
	}
	return { value, end: i };
}

/**
 * One `Keyword arguments` line as mbsync reads it: arguments end at unquoted white space, double quotes group (also
 * inside a word), a backslash takes the next character as it is (`User domain\\user` is `domain\user`), and an
 * argument that starts with `#` begins a comment. The value is the arguments joined by one space; its span runs from
 * the first to the last, inside the quotes when one quoted argument is all there is.
 */
export function mbsyncLine(line: string, start: number): Entry | undefined {
	const keyStart = line.length - line.trimStart().length;
	if (keyStart === line.length || line[keyStart] === '#') return undefined;
	const key = argument(line, keyStart);
	const values: string[] = [];
	let first = -1;
	let last = -1;
	for (let i = key.end; ;) {
		while (i < line.length && /\s/.test(line[i]!)) i++;
		if (i === line.length || line[i] === '#') break;
		const arg = argument(line, i);
		if (first < 0) first = i;
		last = arg.end;
		values.push(arg.value);
		i = arg.end;
	}
	if (first < 0) first = last = key.end;
	const raw = line.slice(first, last);
	const quotedAlone = values.length === 1 && raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"');
	return {
		key: key.value.toLowerCase(),
		keyAt: spanOf(start + keyStart, start + key.end),
		value: values.join(' '),
		valueAt: quotedAlone ? spanOf(start + first + 1, start + last - 1) : spanOf(start + first, start + last),
	};
}

function sections(text: string): Section[] {
	const result: Section[] = [];
	let current: Section | undefined;
	for (const { start, line } of linesOf(text)) {
		if (line.trim() === '') {
			current = undefined;
			continue;
		}
		const entry = mbsyncLine(line, start);
		if (!entry) continue;
		if (SECTIONS.has(entry.key)) {
			current = { kind: entry.key, name: entry.value, nameAt: entry.valueAt, settings: new Map(), block: entry.keyAt };
			result.push(current);
		} else if (current) {
			current.settings.set(entry.key, entry);
		}
		if (current) current.block = spanOf(current.block.offset, lineEnd(text, entry.keyAt.offset));
	}
	return result;
}

const SECURITY_WORDS: Readonly<Record<string, SecurityMode>> = { imaps: 'tls', starttls: 'starttls', none: 'none' };
const WRITE_WORDS: Readonly<Record<SecurityMode, string>> = { tls: 'IMAPS', starttls: 'STARTTLS', none: 'None' };
const TLS_ORDER = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

const LEGACY_VERSIONS = ['usesslv2', 'usesslv3', 'usetlsv1', 'usetlsv1.1', 'usetlsv1.2', 'usetlsv1.3'];
const LEGACY_OPTIONS = ['useimaps', 'requiressl', ...LEGACY_VERSIONS];

/** Removes the whole line of `entry`, its line break included. */
function deletingLine(text: string, entry: Entry): SpanEdit {
	const start = text.lastIndexOf('\n', entry.keyAt.offset - 1) + 1;
	const newline = text.indexOf('\n', entry.keyAt.offset);
	return { at: spanOf(start, newline < 0 ? text.length : newline + 1), text: '' };
}

/**
 * The TLS mode of the options isync deprecated in 1.1, as drv_imap.c still maps them: `UseIMAPS yes` is IMAPS;
 * otherwise STARTTLS, unless `RequireSSL no` and no TLS version is left on (`UseTLSv1` is on unless set to no,
 * the others off unless set to yes), which is no TLS at all: mbsync then warns "Password is being sent in the
 * clear". Undefined when none of these options is set.
 */
function legacySecurity(s: ReadonlyMap<string, Entry>): { value: SecurityMode; at: Entry } | undefined {
	const flag = (key: string) => {
		const entry = s.get(key);
		return entry ? flagValue(entry.value) : undefined;
	};
	const imaps = s.get('useimaps');
	const require = s.get('requiressl');
	const versions = LEGACY_VERSIONS.filter((key) => s.has(key));
	if (!imaps && !require && versions.length === 0) return undefined;
	if (imaps && flag('useimaps') === true) return { value: 'tls', at: imaps };
	const versionsOn =
		flag('usetlsv1') !== false || LEGACY_VERSIONS.some((key) => key !== 'usetlsv1' && flag(key) === true);
	if (require && flag('requiressl') === false && !versionsOn) return { value: 'none', at: require };
	return { value: 'starttls', at: (imaps ?? require ?? s.get(versions[0]!))! };
}

function accountOf(section: Section, text: string): MappedAccount | undefined {
	const s = section.settings;
	const host = s.get('host');
	if (!host || host.value.trim() === '') return undefined;
	const typeEntry = s.get('tlstype') ?? s.get('ssltype');
	const legacy = legacySecurity(s);
	const legacyAt = legacy?.at;
	const security: SecurityMode = typeEntry
		? (SECURITY_WORDS[typeEntry.value.trim().toLowerCase()] ?? 'starttls')
		: (legacy?.value ?? 'starttls');
	const typeKey = typeEntry
		? text.slice(typeEntry.keyAt.offset, typeEntry.keyAt.offset + typeEntry.keyAt.length)
		: 'SSLType';
	const securityLeaf = typeEntry
		? derivedLeaf(
				security,
				typeEntry.valueAt,
				replacing(typeEntry.valueAt, (v) => WRITE_WORDS[v as SecurityMode]),
			)
		: derivedLeaf(security, (legacyAt ?? host).valueAt, (v) =>
				typeof v === 'string' && v in WRITE_WORDS
					? // mbsync refuses an account that has SSLType beside a deprecated option ("mutually exclusive",
						// drv_imap.c): the fix replaces them all.
						combine(text, [
							insertLineAfter(text, host.valueAt.offset, `${typeKey} ${WRITE_WORDS[v as SecurityMode]}`),
							...LEGACY_OPTIONS.flatMap((key) => {
								const entry = s.get(key);
								return entry ? [deletingLine(text, entry)] : [];
							}),
						])
					: undefined,
			);
	const portEntry = s.get('port');
	const port = portEntry
		? textLeaf(portEntry, portValue(portEntry.value))
		: derivedLeaf(security === 'tls' ? 993 : 143, host.valueAt, (v) =>
				typeof v === 'number' ? insertLineAfter(text, host.valueAt.offset, `Port ${v}`) : undefined,
			);
	const user = s.get('user');
	const pass = s.get('pass');
	const passCmd = s.get('passcmd');
	const mechs = s.get('authmechs') ?? s.get('authmech');
	const oauth = mechs && /\b(xoauth2|oauthbearer)\b/i.test(mechs.value);
	const versions = s.get('tlsversions') ?? s.get('sslversions');
	const lowest = versions?.value
		.split(/\s+/)
		.map((v) => TLS_ORDER.find((t) => t.toLowerCase() === v.replace(/^\+/, '').toLowerCase()))
		.filter((v): v is string => v !== undefined)
		.sort((a, b) => TLS_ORDER.indexOf(a) - TLS_ORDER.indexOf(b))[0];
	const id = section.name;
	return mappedAccount({
		id,
		idAt: section.nameAt,
		block: section.block,
		...(user?.value.includes('@') ? { email: textLeaf(user) } : {}),
		auth: {
			method: derivedLeaf(oauth ? 'oauth2' : 'password', (mechs ?? pass ?? passCmd ?? user ?? host).valueAt),
			...(user ? { user: textLeaf(user) } : {}),
			...commandPassword(id, Boolean(oauth), pass, passCmd),
		},
		imap: {
			host: textLeaf(host),
			port,
			security: securityLeaf,
			...(versions && lowest
				? {
						tls: branch({
							minVersion: leaf(lowest, versions.valueAt, {
								key: versions.keyAt,
								write: replacing(versions.valueAt, (v) =>
									typeof v === 'string' && TLS_ORDER.includes(v)
										? TLS_ORDER.slice(TLS_ORDER.indexOf(v)).join(' ')
										: undefined,
								),
							}),
						}),
					}
				: {}),
		},
	});
}

/** The IMAP accounts of an mbsync configuration (stores that only point at an IMAPAccount add nothing). */
export function mbsyncAccounts(text: string): MappedAccount[] {
	return sections(text)
		.filter((s) => s.kind === 'imapaccount' || (s.kind === 'imapstore' && s.settings.has('host')))
		.flatMap((s) => accountOf(s, text) ?? []);
}
