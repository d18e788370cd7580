/**
 * `.env` files: the variable families mail libraries read (Laravel `MAIL_*`, `SMTP_*`/`IMAP_*` as in nodemailer and
 * imapflow apps, Django `EMAIL_*`) and mail URLs (`MAILER_DSN=smtp://user:pass@host:587`). The line syntax is the
 * `dotenv` package's own expression, run with match indices because `dotenv.parse` gives no positions.
 */
import type { SecurityMode } from '../config/model';
import type { MailProtocol } from '../providers/types';
import {
	type AccountParts,
	type Entry,
	byKey,
	derivedLeaf,
	flagValue,
	idFrom,
	insertLineAfter,
	mappedAccount,
	pick,
	portValue,
	secretValue,
	securityByPort,
	textLeaf,
} from './entries';
import { type Leaf, type MappedAccount, type Span, type Writer, leaf, replacing, spanOf } from './tree';

/** dotenv 16's LINE expression (lib/main.js, BSD-2-Clause), with `d` for the offsets of key and value. */
const LINE =
	/(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/dgm;

/** Every `KEY=value` of a .env text, read as `dotenv` reads it (quotes removed, `\n` expanded in double quotes). */
export function dotenvEntries(text: string): Entry[] {
	const entries: Entry[] = [];
	for (const match of text.matchAll(LINE)) {
		const [keyStart, keyEnd] = match.indices![1]!;
		const raw = match[2] ?? '';
		const rawStart = match.indices![2]?.[0] ?? keyEnd;
		const lead = raw.length - raw.trimStart().length;
		let value = raw.trim();
		let start = rawStart + lead;
		let end = start + value.length;
		const quote = value[0];
		if (value.length >= 2 && (quote === '"' || quote === "'" || quote === '`') && value.endsWith(quote)) {
			value = value.slice(1, -1);
			start++;
			end--;
			if (quote === '"') value = value.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
		}
		entries.push({ key: match[1]!, keyAt: spanOf(keyStart, keyEnd), value, valueAt: spanOf(start, end) });
	}
	return entries;
}

/** A value that stands for "not set" in these files (`MAIL_PASSWORD=null` in Laravel's template). */
function isUnset(entry: Entry | undefined): boolean {
	return !entry || entry.value.trim() === '' || entry.value.trim().toLowerCase() === 'null';
}

interface SecurityChoice {
	value: SecurityMode;
	at: Span;
	write?: Writer;
}

/** A family of variables: which names hold what, and how its TLS setting reads. */
interface Family {
	id: string;
	protocol: MailProtocol;
	host: readonly string[];
	port: readonly string[];
	user: readonly string[];
	password: readonly string[];
	from: readonly string[];
	/** Undefined: the family is not used for mail here (e.g. `MAIL_MAILER=log`). */
	active?(map: ReadonlyMap<string, Entry>): boolean;
	security(map: ReadonlyMap<string, Entry>, port: unknown, text: string, host: Entry): SecurityChoice;
	/** The port when none is set: what the family's library uses. */
	defaultPort(security: SecurityMode): number;
}

const writeWords =
	(words: Partial<Record<SecurityMode, string>>) =>
	(value: unknown): string | undefined =>
		typeof value === 'string' ? words[value as SecurityMode] : undefined;

/** The variable of a family for a setting named in upper case (`SECURE` → `SMTP_SECURE`). */
type Spelling = (prefix: string, suffix: string) => string;
const upperCase: Spelling = (prefix, suffix) => prefix + suffix;

/** `*_SECURE`/`*_SSL` (nodemailer's `secure`, implicit TLS) and the other spellings apps use. */
function genericSecurity(prefix: string, protocol: MailProtocol, name: Spelling = upperCase) {
	return (map: ReadonlyMap<string, Entry>, port: unknown): SecurityChoice => {
		const byPort = securityByPort(protocol, port);
		for (const suffix of ['SECURE', 'SSL', ...(protocol === 'imap' ? ['TLS'] : [])]) {
			const entry = map.get(name(prefix, suffix));
			const on = entry && flagValue(entry.value);
			if (!entry || on === undefined) continue;
			return {
				value: on ? 'tls' : 'starttls',
				at: entry.valueAt,
				write: replacing(entry.valueAt, writeWords({ tls: 'true', starttls: 'false' })),
			};
		}
		const starttls = map.get(name(prefix, 'STARTTLS'));
		if (starttls && flagValue(starttls.value) !== undefined) {
			return {
				value: flagValue(starttls.value) ? 'starttls' : byPort,
				at: starttls.valueAt,
				write: replacing(starttls.valueAt, writeWords({ starttls: 'true' })),
			};
		}
		const named = pick(map, [name(prefix, 'ENCRYPTION'), name(prefix, 'SECURITY')]);
		const word = named?.value.trim().toLowerCase();
		if (named && word) {
			// `force_tls` is Vaultwarden's SMTP_SECURITY word for implicit TLS (its others are starttls and off).
			const value: SecurityMode | undefined =
				word === 'ssl' || word === 'smtps' || word === 'imaps' || word === 'tls-implicit' || word === 'force_tls'
					? 'tls'
					: word === 'tls' || word === 'starttls'
						? 'starttls'
						: word === 'none' || word === 'false' || word === 'off'
							? 'none'
							: undefined;
			if (value) {
				return {
					value,
					at: named.valueAt,
					write: replacing(named.valueAt, writeWords({ tls: 'ssl', starttls: 'tls', none: 'none' })),
				};
			}
		}
		return { value: byPort, at: map.get(name(prefix, 'PORT'))?.valueAt ?? spanOf(0, 0) };
	};
}

const FAMILIES: readonly Family[] = [
	{
		// Laravel. Its mailer derives the TLS mode from MAIL_SCHEME (11+) or MAIL_ENCRYPTION and the port: `tls`
		// means STARTTLS except on 465; `ssl` is implicit TLS (SwiftMailer, Laravel <= 8).
		id: 'mail',
		protocol: 'smtp',
		host: ['MAIL_HOST'],
		port: ['MAIL_PORT'],
		user: ['MAIL_USERNAME', 'MAIL_USER'],
		password: ['MAIL_PASSWORD', 'MAIL_PASS'],
		from: ['MAIL_FROM_ADDRESS', 'MAIL_FROM'],
		active: (map) => {
			const mailer = pick(map, ['MAIL_MAILER', 'MAIL_DRIVER'])?.value.trim().toLowerCase();
			return !mailer || mailer === 'smtp';
		},
		security(map, port) {
			const byPort = securityByPort('smtp', port);
			const scheme = map.get('MAIL_SCHEME');
			const schemeWord = scheme?.value.trim().toLowerCase();
			if (scheme && (schemeWord === 'smtps' || schemeWord === 'smtp')) {
				return {
					value: schemeWord === 'smtps' ? 'tls' : byPort,
					at: scheme.valueAt,
					write: replacing(scheme.valueAt, writeWords({ tls: 'smtps', starttls: 'smtp' })),
				};
			}
			const encryption = map.get('MAIL_ENCRYPTION');
			const word = encryption?.value.trim().toLowerCase();
			if (encryption && (word === 'ssl' || word === 'tls')) {
				return {
					value: word === 'ssl' ? 'tls' : byPort,
					at: encryption.valueAt,
					write: replacing(encryption.valueAt, writeWords({ tls: 'ssl', starttls: 'tls' })),
				};
			}
			return { value: byPort, at: (map.get('MAIL_PORT') ?? map.get('MAIL_HOST'))!.valueAt };
		},
		defaultPort: (security) => (security === 'tls' ? 465 : 25),
	},
	{
		id: 'smtp',
		protocol: 'smtp',
		host: ['SMTP_HOST', 'SMTP_SERVER'],
		port: ['SMTP_PORT'],
		user: ['SMTP_USER', 'SMTP_USERNAME', 'SMTP_LOGIN'],
		password: ['SMTP_PASSWORD', 'SMTP_PASS'],
		from: ['SMTP_FROM', 'SMTP_FROM_ADDRESS', 'SMTP_FROM_EMAIL', 'SMTP_SENDER'],
		security: genericSecurity('SMTP_', 'smtp'),
		defaultPort: (security) => (security === 'tls' ? 465 : 587),
	},
	{
		id: 'imap',
		protocol: 'imap',
		host: ['IMAP_HOST', 'IMAP_SERVER'],
		port: ['IMAP_PORT'],
		user: ['IMAP_USER', 'IMAP_USERNAME', 'IMAP_LOGIN'],
		password: ['IMAP_PASSWORD', 'IMAP_PASS'],
		from: [],
		security: genericSecurity('IMAP_', 'imap'),
		defaultPort: (security) => (security === 'tls' ? 993 : 143),
	},
	{
		// Cal.com and other next-auth/nodemailer apps: EMAIL_SERVER_HOST/PORT/USER/PASSWORD feed nodemailer, which
		// speaks implicit TLS on 465 (or with EMAIL_SERVER_SECURE) and STARTTLS elsewhere.
		id: 'email-server',
		protocol: 'smtp',
		host: ['EMAIL_SERVER_HOST'],
		port: ['EMAIL_SERVER_PORT'],
		user: ['EMAIL_SERVER_USER', 'EMAIL_SERVER_USERNAME'],
		password: ['EMAIL_SERVER_PASSWORD', 'EMAIL_SERVER_PASS'],
		from: ['EMAIL_FROM'],
		security: genericSecurity('EMAIL_SERVER_', 'smtp'),
		defaultPort: (security) => (security === 'tls' ? 465 : 587),
	},
	{
		// Ghost reads its config from the environment with `__` for nesting: mail__options__* are the nodemailer
		// options of its SMTP transport (secure = implicit TLS, requireTLS = STARTTLS), used when mail__transport is SMTP.
		id: 'ghost-mail',
		protocol: 'smtp',
		host: ['mail__options__host'],
		port: ['mail__options__port'],
		user: ['mail__options__auth__user'],
		password: ['mail__options__auth__pass'],
		from: ['mail__from'],
		active: (map) => {
			const transport = map.get('mail__transport')?.value.trim().toLowerCase();
			return !transport || transport === 'smtp';
		},
		security: genericSecurity('mail__options__', 'smtp', (prefix, suffix) =>
			suffix === 'STARTTLS' ? `${prefix}requireTLS` : prefix + suffix.toLowerCase(),
		),
		defaultPort: (security) => (security === 'tls' ? 465 : 587),
	},
	{
		// Django: EMAIL_USE_SSL is implicit TLS, EMAIL_USE_TLS is STARTTLS, and with neither it talks plain text.
		id: 'email',
		protocol: 'smtp',
		host: ['EMAIL_HOST'],
		port: ['EMAIL_PORT'],
		user: ['EMAIL_HOST_USER'],
		password: ['EMAIL_HOST_PASSWORD'],
		from: ['DEFAULT_FROM_EMAIL', 'EMAIL_FROM'],
		security(map, _port, text, host) {
			const ssl = map.get('EMAIL_USE_SSL');
			const tls = map.get('EMAIL_USE_TLS');
			if (ssl && flagValue(ssl.value)) {
				return { value: 'tls', at: ssl.valueAt, write: replacing(ssl.valueAt, writeWords({ tls: 'True' })) };
			}
			if (tls && flagValue(tls.value)) {
				return { value: 'starttls', at: tls.valueAt, write: replacing(tls.valueAt, writeWords({ starttls: 'True' })) };
			}
			const add = (value: unknown) =>
				value === 'starttls' || value === 'tls'
					? insertLineAfter(text, host.valueAt.offset, `EMAIL_USE_${value === 'tls' ? 'SSL' : 'TLS'}=True`)
					: undefined;
			return {
				value: 'none',
				at: (tls ?? ssl ?? host).valueAt,
				write: tls ? (v) => (v === 'starttls' ? { at: tls.valueAt, text: 'True' } : add(v)) : add,
			};
		},
		defaultPort: () => 25,
	},
];

function familyAccount(family: Family, map: ReadonlyMap<string, Entry>, text: string): MappedAccount | undefined {
	const host = pick(map, family.host);
	if (!host || host.value.trim() === '' || family.active?.(map) === false) return undefined;
	const portEntry = pick(map, family.port);
	const port = portEntry ? portValue(portEntry.value) : undefined;
	const security = family.security(map, port, text, host);
	const portLeaf: Leaf = portEntry
		? textLeaf(portEntry, port)
		: derivedLeaf(family.defaultPort(security.value), host.valueAt, (value) =>
				typeof value === 'number'
					? insertLineAfter(text, host.valueAt.offset, `${family.port[0]}=${value}`)
					: undefined,
			);
	const user = pick(map, family.user);
	const password = pick(map, family.password);
	const from = pick(map, family.from);
	const involved = [host, portEntry, user, password, from].filter((e): e is Entry => e !== undefined);
	const block = spanOf(
		Math.min(...involved.map((e) => e.keyAt.offset)),
		Math.max(...involved.map((e) => e.valueAt.offset + e.valueAt.length)),
	);
	const hasUser = !isUnset(user);
	const hasPassword = !isUnset(password);
	const email = !isUnset(from) ? from : hasUser && user!.value.includes('@') ? user : undefined;
	const parts: AccountParts = {
		id: family.id,
		idAt: host.keyAt,
		block,
		...(email ? { email: textLeaf(email) } : {}),
		...(hasUser || hasPassword
			? {
					auth: {
						method: derivedLeaf('password', (hasPassword ? password! : user!).keyAt),
						...(hasUser ? { user: textLeaf(user!) } : {}),
						...(hasPassword ? { password: textLeaf(password!, secretValue(password!.value), () => undefined) } : {}),
					},
				}
			: {}),
		[family.protocol]: {
			host: textLeaf(host),
			port: portLeaf,
			security: derivedLeaf(security.value, security.at, security.write),
			...(!isUnset(from) && family.protocol === 'smtp' ? { from: textLeaf(from!) } : {}),
		},
	};
	return { ...mappedAccount(parts), ...(hasPassword ? { passwordVariable: password!.key } : {}) };
}

/** Mail URLs: Symfony's MAILER_DSN, Meteor's MAIL_URL, django-environ's EMAIL_URL, and the like. */
const MAIL_URL =
	/^(smtps?|smtp\+(?:tls|ssl|starttls)|submission|imaps?):\/\/(?:([^:@/]*)(?::([^@/]*))?@)?(\[[^\]]*\]|[^:/?#\s]*)(?::(\d+))?/d;

function decode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

function urlAccount(entry: Entry): MappedAccount | undefined {
	const match = MAIL_URL.exec(entry.value);
	if (!match || !match[4]) return undefined;
	const base = entry.valueAt.offset;
	const at = (group: number): Span => {
		const [start, end] = match.indices![group]!;
		return spanOf(base + start, base + end);
	};
	const scheme = match[1]!.toLowerCase();
	const protocol: MailProtocol = scheme.startsWith('imap') ? 'imap' : 'smtp';
	const portText = match[5];
	const port = portText ? Number(portText) : undefined;
	// django-environ reads `smtps` as EMAIL_USE_TLS and plain `smtp` as no TLS at all; everyone else follows Symfony.
	const django = entry.key === 'EMAIL_URL';
	const security: SecurityMode =
		scheme === 'smtps' || scheme === 'imaps' || scheme === 'smtp+ssl'
			? django && scheme === 'smtps'
				? 'starttls'
				: 'tls'
			: scheme === 'smtp' || scheme === 'imap'
				? django
					? 'none'
					: securityByPort(protocol, port)
				: 'starttls';
	const schemeWords = protocol === 'imap' ? { tls: 'imaps', starttls: 'imap' } : { tls: 'smtps', starttls: 'smtp' };
	const hostAt = at(4);
	const user = match[2] ? decode(match[2]) : undefined;
	const password = match[3] ? decode(match[3]) : undefined;
	const defaultPort = security === 'tls' ? (protocol === 'imap' ? 993 : 465) : protocol === 'imap' ? 143 : 25;
	const parts: AccountParts = {
		id: idFrom(entry.key),
		idAt: entry.keyAt,
		block: spanOf(entry.keyAt.offset, entry.valueAt.offset + entry.valueAt.length),
		...(user?.includes('@') ? { email: leaf(user, at(2)) } : {}),
		...(user || password
			? {
					auth: {
						method: derivedLeaf('password', at(password ? 3 : 2)),
						...(user ? { user: leaf(user, at(2)) } : {}),
						...(password ? { password: leaf(secretValue(password), at(3)) } : {}),
					},
				}
			: {}),
		[protocol]: {
			host: leaf(match[4], hostAt, { write: replacing(hostAt, (v) => (typeof v === 'string' ? v : undefined)) }),
			port: portText
				? leaf(port, at(5), { write: replacing(at(5), (v) => (typeof v === 'number' ? String(v) : undefined)) })
				: derivedLeaf(defaultPort, hostAt, (v) =>
						typeof v === 'number'
							? { at: spanOf(hostAt.offset + hostAt.length, hostAt.offset + hostAt.length), text: `:${v}` }
							: undefined,
					),
			security: derivedLeaf(
				security,
				at(1),
				django ? undefined : replacing(at(1), writeWords(schemeWords as Partial<Record<SecurityMode, string>>)),
			),
		},
	};
	return mappedAccount(parts);
}

/**
 * The mail accounts a .env text configures, in file order of their first setting; none for a .env that only
 * looks similar (`DATABASE_HOST`, `REDIS_URL`).
 */
export function dotenvAccounts(text: string): MappedAccount[] {
	const entries = dotenvEntries(text);
	const map = byKey(entries);
	const accounts: MappedAccount[] = [];
	for (const family of FAMILIES) {
		const account = familyAccount(family, map, text);
		if (account) accounts.push(account);
	}
	for (const entry of map.values()) {
		const account = urlAccount(entry);
		if (account) accounts.push(account);
	}
	return accounts.sort((a, b) => a.block.offset - b.block.offset);
}
