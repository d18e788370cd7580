/** What every line-based format yields: settings with the spans of their names and values in the file. */
import type { SecurityMode } from '../config/model';
import { secretName } from '../config/model';
import type { MailProtocol } from '../providers/types';
import { STANDARD_PORTS } from '../rules/ports';
import {
	type Branch,
	type Leaf,
	type MappedAccount,
	type Span,
	type SpanEdit,
	type Writer,
	branch,
	leaf,
	plainText,
	replacing,
	spanOf,
} from './tree';

export interface Entry {
	key: string;
	keyAt: Span;
	/** The value as the tool reads it (quotes removed, escapes applied). */
	value: string;
	/** The value's text in the file, inside quotes when quoted. */
	valueAt: Span;
}

/** The entries by name; a repeated name keeps the last one, as every one of these tools does. */
export function byKey(entries: readonly Entry[], normalize: (key: string) => string = (k) => k): Map<string, Entry> {
	const map = new Map<string, Entry>();
	for (const entry of entries) map.set(normalize(entry.key), entry);
	return map;
}

/** The first of `names` that is set (in that order of preference). */
export function pick(map: ReadonlyMap<string, Entry>, names: readonly string[]): Entry | undefined {
	for (const name of names) {
		const entry = map.get(name);
		if (entry) return entry;
	}
	return undefined;
}

const TRUE = /^(true|yes|on|1|y)$/i;
const FALSE = /^(false|no|off|0|n|)$/i;

/** A boolean setting, or undefined for a value that is neither (a placeholder, a typo). */
export function flagValue(value: string): boolean | undefined {
	const v = value.trim();
	return TRUE.test(v) ? true : FALSE.test(v) ? false : undefined;
}

/** The port as a number when it is one; anything else stays text, as a JSON config with `"port": "abc"` would. */
export function portValue(value: string): number | string {
	return /^\d{1,5}$/.test(value.trim()) ? Number(value.trim()) : value;
}

/** Implicit TLS on the registered TLS port of the protocol, STARTTLS elsewhere: what mail libraries default to. */
export function securityByPort(protocol: MailProtocol, port: unknown): SecurityMode {
	return port === STANDARD_PORTS[protocol].tls ? 'tls' : 'starttls';
}

/** A value leaf for a setting whose text a fix may replace verbatim (host, port, user). */
export function textLeaf(entry: Entry, value: unknown = entry.value, write: Writer | undefined = undefined): Leaf {
	return leaf(value, entry.valueAt, { key: entry.keyAt, write: write ?? replacing(entry.valueAt, plainText) });
}

/** A leaf whose value follows from a setting without being written there (no fix can rewrite it in place). */
export function derivedLeaf(value: unknown, at: Span, write?: Writer): Leaf {
	return leaf(value, at, write ? { write } : {});
}

/** The offset where the line holding `offset` ends (before its line break). */
export function lineEnd(text: string, offset: number): number {
	const newline = text.indexOf('\n', offset);
	if (newline < 0) return text.length;
	return text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
}

export function eolOf(text: string): string {
	return text.includes('\r\n') ? '\r\n' : '\n';
}

/** An edit that adds `lines` below the line holding `offset`, with that line's indentation. */
export function insertLineAfter(text: string, offset: number, ...lines: string[]): SpanEdit {
	const end = lineEnd(text, offset);
	const start = text.lastIndexOf('\n', offset - 1) + 1;
	// Stryker disable next-line OptionalChaining: equivalent, /^[ \t]*/ matches every string (if only emptily), so exec never returns null
	const indent = /^[ \t]*/.exec(text.slice(start, end))?.[0] ?? '';
	return { at: spanOf(end, end), text: lines.map((line) => `${eolOf(text)}${indent}${line}`).join('') };
}

/** `${NAME}` or `${NAME:default}` (Spring, dotenv-expand, shell): the value comes from the environment. */
const PLACEHOLDER = /^\$\{([A-Za-z_][A-Za-z0-9_.-]*)(?::[^}]*)?\}$/;

/**
 * A secret as our model holds it: a placeholder becomes the `${env:NAME}` reference it is, so it is not
 * mistaken for a password written in the file.
 */
export function secretValue(value: string): string {
	const name = PLACEHOLDER.exec(value.trim())?.[1];
	return name ? `\${env:${name}}` : value;
}

/**
 * Whether a value is a `${NAME}` or `${NAME:default}` placeholder that the app fills in when it starts (Spring,
 * dotenv-expand, Postfix's own `${name}`, a template): its text is no value to check.
 */
export function isPlaceholder(value: string): boolean {
	return PLACEHOLDER.test(value.trim());
}

/** Text scanned line by line: each line's start offset and its text without the line break. */
export function* linesOf(text: string): Generator<{ start: number; line: string }> {
	let start = 0;
	while (start <= text.length) {
		const end = lineEnd(text, start);
		yield { start, line: text.slice(start, end) };
		const newline = text.indexOf('\n', end);
		if (newline < 0) return;
		start = newline + 1;
	}
}

/** The line terminators a regex `.` does not cross: a value read as `(.*)` never held one. */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * The value of a line from `from` on, without the whitespace around it, and where it starts. Scanned by hand: the
 * patterns `\s*(.*?)\s*$` it replaces backtrack polynomially on long runs of spaces (minutes for a 4 KB line,
 * found by the fuzz suite). Undefined where they would not match either: a line break inside the value.
 */
export function trimmedValue(line: string, from: number): { value: string; offset: number } | undefined {
	let offset = from;
	while (offset < line.length && /\s/.test(line.charAt(offset))) offset++;
	const value = line.slice(offset).trimEnd();
	return LINE_BREAK.test(value) ? undefined : { value, offset };
}

/** An account id from a source name: lower case, `-` between words (`MAILER_DSN` → `mailer-dsn`). */
export function idFrom(name: string): string {
	return (
		name
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '') || 'account'
	);
}

/** One server of a mapped account. */
export interface ServerParts {
	host: Leaf;
	port: Leaf;
	security: Leaf;
	from?: Leaf;
	tls?: Branch;
	insert?: Branch['insert'];
}

/** The pieces every adapter finds for an account; {@link mappedAccount} lays them out as our model. */
export interface AccountParts {
	id: string;
	idAt: Span;
	block: Span;
	email?: Leaf;
	auth?: { method: Leaf; user?: Leaf; password?: Leaf };
	imap?: ServerParts;
	smtp?: ServerParts;
}

function serverBranch(server: ServerParts | undefined): Branch | undefined {
	if (!server) return undefined;
	const { insert, ...fields } = server;
	return branch(fields, insert ? { insert } : {});
}

export function mappedAccount(parts: AccountParts): MappedAccount {
	return {
		id: parts.id,
		block: parts.block,
		fields: branch(
			{
				id: leaf(parts.id, parts.idAt),
				email: parts.email,
				auth: parts.auth && branch(parts.auth),
				imap: serverBranch(parts.imap),
				smtp: serverBranch(parts.smtp),
			},
			{ at: parts.block },
		),
	};
}

/**
 * The password of an msmtp or mbsync account: a literal one as written (rules flag it), a command's output
 * (passwordeval, PassCmd) as a secret reference, since mailcfg never runs it. With XOAUTH2/OAUTHBEARER the command
 * prints an access token from a helper, so there is no password at all.
 */
export function commandPassword(
	accountId: string,
	oauth: boolean,
	literal: Entry | undefined,
	command: Entry | undefined,
): { password?: Leaf } {
	if (oauth) return {};
	if (literal) return { password: textLeaf(literal, literal.value, () => undefined) };
	if (command) return { password: leaf(`\${secret:${secretName(accountId, 'PASSWORD')}}`, command.valueAt) };
	return {};
}
