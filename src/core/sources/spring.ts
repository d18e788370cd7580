/**
 * Spring Boot `application*.properties` and `application*.yml`: the `spring.mail.*` settings that JavaMailSender
 * reads. YAML goes through the `yaml` package (it keeps source ranges); `.properties` is parsed by hand, because the
 * npm parsers for it drop positions, and its line syntax (java.util.Properties) is short.
 */
import type * as Yaml from 'yaml';
import type { SecurityMode } from '../config/model';
import {
	type Entry,
	derivedLeaf,
	flagValue,
	insertLineAfter,
	linesOf,
	mappedAccount,
	portValue,
	secretValue,
	textLeaf,
} from './entries';
import { type MappedAccount, branch, leaf, spanOf } from './tree';

/**
 * The YAML parser, loaded on the first YAML file: most runs never read one, and it is the largest library `check` and
 * the language server carry (esbuild.mjs keeps it in its own bundle, dist/yaml.js).
 */
let yamlModule: typeof Yaml | undefined;
function yamlParser(): typeof Yaml {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load has to be a runtime require.
	return (yamlModule ??= require('yaml') as typeof Yaml);
}

/** Spring's relaxed names: `properties[mail.smtp.auth]` is `properties.mail.smtp.auth`; case and dashes do not count. */
function canonical(key: string): string {
	return key
		.replace(/\.?\[([^\]]*)\]/g, '.$1')
		.replace(/-/g, '')
		.toLowerCase();
}

/** `key=value`, `key: value` or `key value` lines of a .properties text, with `\` continuations and escapes. */
/**
 * The key of a properties line (escaped characters or anything but whitespace, `:`, `=` and `\\`) and the raw value
 * after the separator (whitespace, then `:` or `=` or nothing, then whitespace), trailing whitespace kept as Java
 * keeps it. Scanned by hand: the pattern it replaces backtracked polynomially on long runs of spaces (found by the
 * fuzz suite). Undefined for a line without a key, or with a line break in the value (no pattern matched those).
 */
function propertiesKey(line: string): { start: number; end: number; raw: string } | undefined {
	const start = line.length - line.trimStart().length;
	let end = start;
	for (;;) {
		const c = line.charAt(end);
		if (c === '\\' && end + 1 < line.length && !/[\n\r\u2028\u2029]/.test(line.charAt(end + 1))) end += 2;
		else if (c !== '' && !/[\s:=\\]/.test(c)) end++;
		else break;
	}
	if (end === start) return undefined;
	let at = end;
	while (at < line.length && /\s/.test(line.charAt(at))) at++;
	if (line[at] === ':' || line[at] === '=') at++;
	while (at < line.length && /\s/.test(line.charAt(at))) at++;
	const raw = line.slice(at);
	return /[\n\r\u2028\u2029]/.test(raw) ? undefined : { start, end, raw };
}

/** Whether a line ends in an odd number of backslashes: the last one continues the value on the next line. */
const CONTINUES = /(^|[^\\])(\\\\)*\\$/;

/** A piece of a value without its continuation backslash. */
function body(raw: string): string {
	return CONTINUES.test(raw) ? raw.slice(0, -1) : raw;
}

/** Java's escapes in keys and values: `\t`, `\n`, `\r`, `\f`, `\uXXXX`; any other escaped character stands for itself. */
function unescape(s: string): string {
	return s.replace(/\\u([0-9a-fA-F]{4})|\\(.)/g, (_m, hex: string | undefined, c: string) =>
		hex ? String.fromCharCode(parseInt(hex, 16)) : (JAVA_ESCAPES[c] ?? c),
	);
}

const JAVA_ESCAPES: Readonly<Record<string, string>> = { t: '\t', n: '\n', r: '\r', f: '\f' };

export function propertiesEntries(text: string): Entry[] {
	const entries: Entry[] = [];
	let continued: Entry | undefined;
	for (const { start, line } of linesOf(text)) {
		if (continued) {
			// A continuation line loses its leading whitespace, and is never a comment.
			const more = line.trimStart();
			continued.value += unescape(body(more));
			if (!CONTINUES.test(line)) continued = undefined;
			continue;
		}
		if (/^\s*([#!]|$)/.test(line)) continue;
		const key = propertiesKey(line);
		if (!key) continue;
		const keyStart = start + key.start;
		const rawKey = line.slice(key.start, key.end);
		const raw = key.raw;
		const valueStart = start + line.length - raw.length;
		const entry: Entry = {
			key: unescape(rawKey),
			keyAt: spanOf(keyStart, keyStart + rawKey.length),
			value: unescape(body(raw)),
			valueAt: spanOf(valueStart, valueStart + body(raw).trimEnd().length),
		};
		entries.push(entry);
		if (CONTINUES.test(raw)) continued = entry;
	}
	return entries;
}

/** The scalar settings of one YAML document, flattened to dotted names, with the ranges of key and value. */
function yamlEntries(node: Yaml.Node | null | undefined, prefix: string, out: Entry[]): void {
	const { isMap, isScalar } = yamlParser();
	if (!isMap(node)) return;
	for (const pair of node.items) {
		const key = pair.key;
		if (!isScalar(key) || !key.range) continue;
		const name = prefix ? `${prefix}.${String(key.value)}` : String(key.value);
		const value = pair.value as Yaml.Node | null;
		if (isMap(value)) yamlEntries(value, name, out);
		else if (isScalar(value) && value.range && value.value !== null) {
			const [start, end] = value.range;
			const quoted = value.type === 'QUOTE_DOUBLE' || value.type === 'QUOTE_SINGLE';
			out.push({
				key: name,
				keyAt: spanOf(key.range[0], key.range[1]),
				value: String(value.value),
				valueAt: quoted ? spanOf(start + 1, end - 1) : spanOf(start, end),
			});
		}
	}
}

const MAIL = 'spring.mail.';
const PROPS = 'spring.mail.properties.mail.';

function mailSettings(entries: readonly Entry[]): Map<string, Entry> {
	const map = new Map<string, Entry>();
	for (const entry of entries) {
		const key = canonical(entry.key);
		if (key.startsWith(MAIL)) map.set(key.slice(MAIL.length), entry);
	}
	return map;
}

function isTrue(entry: Entry | undefined): boolean {
	return !!entry && flagValue(entry.value) === true;
}

/**
 * One account from a document's `spring.mail.*`. JavaMail speaks plain text unless STARTTLS or SSL is switched on,
 * and authenticates whenever a user name and password are set.
 */
function accountOf(s: Map<string, Entry>, id: string, text: string, yaml: boolean): MappedAccount | undefined {
	const host = s.get('host');
	if (!host || host.value.trim() === '') return undefined;
	const protocolEntry = s.get('protocol');
	const smtps = protocolEntry?.value.trim().toLowerCase() === 'smtps';
	const prefix = smtps ? 'smtps.' : 'smtp.';
	const ssl = s.get(`properties.mail.${prefix}ssl.enable`);
	const starttls = s.get(`properties.mail.${prefix}starttls.enable`);
	const required = s.get(`properties.mail.${prefix}starttls.required`);
	const security: SecurityMode =
		smtps || isTrue(ssl) ? 'tls' : isTrue(starttls) || isTrue(required) ? 'starttls' : 'none';
	const securityEntry = isTrue(ssl)
		? ssl
		: smtps
			? protocolEntry
			: isTrue(starttls)
				? starttls
				: isTrue(required)
					? required
					: (starttls ?? ssl);
	const addLine = (key: string) =>
		yaml ? undefined : insertLineAfter(text, host.valueAt.offset, `${PROPS}${prefix}${key}=true`);
	const write = (value: unknown) => {
		if (value === 'starttls') return starttls ? { at: starttls.valueAt, text: 'true' } : addLine('starttls.enable');
		if (value === 'tls') return ssl ? { at: ssl.valueAt, text: 'true' } : addLine('ssl.enable');
		return undefined;
	};
	const portEntry = s.get('port');
	const port = portEntry
		? textLeaf(portEntry, portValue(portEntry.value))
		: derivedLeaf(security === 'tls' ? 465 : 25, host.valueAt, (v) =>
				typeof v === 'number' && !yaml
					? insertLineAfter(text, host.valueAt.offset, `spring.mail.port=${v}`)
					: undefined,
			);
	const user = s.get('username');
	const password = s.get('password');
	const trust = s.get(`properties.mail.${prefix}ssl.trust`);
	return mappedAccount({
		id,
		idAt: host.keyAt,
		block: spanOf(
			Math.min(...[...s.values()].map((e) => e.keyAt.offset)),
			Math.max(...[...s.values()].map((e) => e.valueAt.offset + e.valueAt.length)),
		),
		...(user?.value.includes('@') ? { email: textLeaf(user) } : {}),
		...(user || password
			? {
					auth: {
						method: derivedLeaf('password', (password ?? user)!.keyAt),
						...(user ? { user: textLeaf(user) } : {}),
						...(password ? { password: textLeaf(password, secretValue(password.value), () => undefined) } : {}),
					},
				}
			: {}),
		smtp: {
			host: textLeaf(host),
			port,
			security: derivedLeaf(security, (securityEntry ?? host).valueAt, write),
			...(trust?.value.trim() === '*'
				? { tls: branch({ rejectUnauthorized: leaf(false, trust.valueAt, { key: trust.keyAt }) }) }
				: {}),
		},
	});
}

export function springAccounts(text: string, fileName: string | undefined): MappedAccount[] {
	const yaml =
		/\.ya?ml$/i.test(fileName ?? '') || (!/\.properties$/i.test(fileName ?? '') && /^\s*spring:\s*$/m.test(text));
	if (!yaml) {
		const account = accountOf(mailSettings(propertiesEntries(text)), 'spring-mail', text, false);
		return account ? [account] : [];
	}
	const accounts: MappedAccount[] = [];
	for (const document of yamlParser().parseAllDocuments(text)) {
		if (!('contents' in document)) continue;
		const entries: Entry[] = [];
		yamlEntries(document.contents as Yaml.Node | null, '', entries);
		const id = accounts.length === 0 ? 'spring-mail' : `spring-mail-${accounts.length + 1}`;
		const account = accountOf(mailSettings(entries), id, text, true);
		if (account) accounts.push(account);
	}
	return accounts;
}
