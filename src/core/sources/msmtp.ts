/**
 * msmtp (`~/.msmtprc`, `/etc/msmtprc`): `defaults` and `account NAME [: PARENT, ...]` sections of `key value` lines.
 * Parsed by hand: one command per line with an optionally double-quoted argument is all the syntax there is, and no
 * maintained parser for it exists on npm. Defaults as in the msmtp manual: `tls off`, `tls_starttls on`, `auth off`,
 * port 25 (465 for TLS without STARTTLS).
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
	trimmedValue,
} from './entries';
import {
	type MappedAccount,
	type Span,
	type SpanEdit,
	type Writer,
	branch,
	combine,
	leaf,
	replacing,
	spanOf,
} from './tree';

interface Section {
	name: string;
	nameAt: Span;
	parents: string[];
	own: Map<string, Entry>;
	block: Span;
}

/** One `key value` line: the value without its double quotes, its span inside them. */
export function keyValueLine(line: string, start: number): Entry | undefined {
	if (/^\s*(#|$)/.test(line)) return undefined;
	const keyStart = line.length - line.trimStart().length;
	let keyEnd = keyStart;
	while (keyEnd < line.length && !/\s/.test(line.charAt(keyEnd))) keyEnd++;
	let rest = { value: '', offset: keyEnd };
	if (keyEnd < line.trimEnd().length) {
		// The value follows spaces or tabs; a key followed by other whitespace and more text is no setting.
		const found = line[keyEnd] === ' ' || line[keyEnd] === '\t' ? trimmedValue(line, keyEnd) : undefined;
		if (!found) return undefined;
		rest = found;
	}
	let value = rest.value;
	let at = spanOf(start + rest.offset, start + rest.offset + value.length);
	if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
		value = value.slice(1, -1).replace(/\\(.)/g, '$1');
		at = spanOf(at.offset + 1, at.offset + at.length - 1);
	}
	return {
		key: line.slice(keyStart, keyEnd).toLowerCase(),
		keyAt: spanOf(start + keyStart, start + keyEnd),
		value,
		valueAt: at,
	};
}

function sections(text: string): Section[] {
	const result: Section[] = [];
	let current: Section | undefined;
	for (const { start, line } of linesOf(text)) {
		const entry = keyValueLine(line, start);
		if (!entry) continue;
		if (entry.key === 'defaults' || entry.key === 'account') {
			const [name = '', parentList = ''] =
				entry.key === 'defaults' ? ['defaults'] : entry.value.split(':').map((s) => s.trim());
			const nameOffset = entry.key === 'defaults' ? entry.keyAt.offset : entry.valueAt.offset;
			current = {
				name,
				nameAt: spanOf(nameOffset, nameOffset + (entry.key === 'defaults' ? 8 : name.length)),
				parents: parentList ? parentList.split(',').map((s) => s.trim()) : [],
				own: new Map(),
				block: spanOf(entry.keyAt.offset, lineEnd(text, entry.keyAt.offset)),
			};
			result.push(current);
			continue;
		}
		current ??= (() => {
			const implicit: Section = {
				name: 'defaults',
				nameAt: entry.keyAt,
				parents: [],
				own: new Map(),
				block: entry.keyAt,
			};
			result.push(implicit);
			return implicit;
		})();
		current.own.set(entry.key, entry);
		current.block = spanOf(current.block.offset, lineEnd(text, entry.valueAt.offset));
	}
	return result;
}

/** An on/off command: msmtp reads the argument left out as `on` (`tls` alone switches TLS on). */
function onOff(entry: Entry): boolean | undefined {
	return entry.value.trim() === '' ? true : flagValue(entry.value);
}

/** Edits the `tls`/`tls_starttls` lines (or adds them below `host`) so msmtp uses the given mode. */
function securityWriter(text: string, host: Entry, tls?: Entry, starttls?: Entry): Writer {
	return (value) => {
		if (value === 'none') return tls && onOff(tls) !== false ? { at: tls.valueAt, text: 'off' } : undefined;
		if (value !== 'tls' && value !== 'starttls') return undefined;
		const edits: SpanEdit[] = [];
		if (tls && onOff(tls) !== true) edits.push({ at: tls.valueAt, text: 'on' });
		// tls_starttls defaults to on, so only implicit TLS needs a line when there is none.
		const added = [...(tls ? [] : ['tls on']), ...(!starttls && value === 'tls' ? ['tls_starttls off'] : [])];
		if (added.length) edits.push(insertLineAfter(text, (tls ?? host).valueAt.offset, ...added));
		if (starttls && (onOff(starttls) ?? true) !== (value === 'starttls')) {
			edits.push({ at: starttls.valueAt, text: value === 'starttls' ? 'on' : 'off' });
		}
		return combine(text, edits);
	};
}

function accountOf(section: Section, settings: Map<string, Entry>, text: string): MappedAccount | undefined {
	const host = settings.get('host');
	if (!host || host.value.trim() === '') return undefined;
	const tls = settings.get('tls');
	const starttls = settings.get('tls_starttls');
	const tlsOn = tls ? onOff(tls) === true : false;
	const starttlsOn = starttls ? onOff(starttls) !== false : true;
	const security: SecurityMode = !tlsOn ? 'none' : starttlsOn ? 'starttls' : 'tls';
	const securityAt = (tlsOn && starttls ? starttls : (tls ?? host)).valueAt;
	const portEntry = settings.get('port');
	const defaultPort = security === 'tls' ? 465 : 25;
	const port = portEntry
		? textLeaf(portEntry, portValue(portEntry.value))
		: derivedLeaf(defaultPort, host.valueAt, (v) =>
				typeof v === 'number' ? insertLineAfter(text, host.valueAt.offset, `port ${v}`) : undefined,
			);
	const auth = settings.get('auth');
	const authWord = auth?.value.trim().toLowerCase() ?? 'off';
	const authOn = auth !== undefined && authWord !== 'off';
	const oauth = authWord === 'xoauth2' || authWord === 'oauthbearer';
	const user = settings.get('user');
	const password = settings.get('password');
	const passwordeval = settings.get('passwordeval');
	const from = settings.get('from');
	const plainFrom = from && !from.value.includes('%') ? from : undefined;
	const email = plainFrom ?? (user?.value.includes('@') ? user : undefined);
	const certcheck = settings.get('tls_certcheck');
	const id = section.name;
	return mappedAccount({
		id,
		idAt: section.nameAt,
		block: section.block,
		...(email ? { email: textLeaf(email) } : {}),
		...(authOn
			? {
					auth: {
						method: derivedLeaf(oauth ? 'oauth2' : 'password', auth.valueAt),
						...(user ? { user: textLeaf(user) } : {}),
						...commandPassword(id, Boolean(oauth), password, passwordeval),
					},
				}
			: {}),
		smtp: {
			host: textLeaf(host),
			port,
			security: derivedLeaf(security, securityAt, securityWriter(text, host, tls, starttls)),
			...(plainFrom ? { from: textLeaf(plainFrom) } : {}),
			...(certcheck && onOff(certcheck) === false
				? {
						tls: branch({
							rejectUnauthorized: leaf(false, certcheck.valueAt, {
								key: certcheck.keyAt,
								write: replacing(certcheck.valueAt, (v) => (v === true ? 'on' : undefined)),
							}),
						}),
					}
				: {}),
		},
	});
}

/**
 * The accounts of an msmtp configuration, each with its `defaults` and parents applied. `account default : x`
 * only names the default account and is not reported twice.
 */
export function msmtpAccounts(text: string): MappedAccount[] {
	const all = sections(text);
	const byName = new Map(all.filter((s) => s.name !== 'defaults').map((s) => [s.name, s]));
	const accounts: MappedAccount[] = [];
	let defaults = new Map<string, Entry>();
	for (const section of all) {
		if (section.name === 'defaults') {
			defaults = new Map([...defaults, ...section.own]);
			continue;
		}
		if (section.own.size === 0 && section.parents.length > 0) continue;
		const settings = new Map(defaults);
		for (const parent of section.parents) for (const [k, v] of byName.get(parent)?.own ?? []) settings.set(k, v);
		for (const [k, v] of section.own) settings.set(k, v);
		const account = accountOf(section, settings, text);
		if (account) accounts.push(account);
	}
	return accounts;
}
