/**
 * Postfix `main.cf` as a relay client: `relayhost` (`[host]:port`; brackets skip the MX lookup), SASL
 * (`smtp_sasl_auth_enable`, `smtp_sasl_password_maps` and the map file beside main.cf, `smtp_sasl_mechanism_filter`)
 * and TLS (`smtp_tls_security_level`, `smtp_tls_wrappermode`, the legacy `smtp_use_tls`/`smtp_enforce_tls`).
 * Parsed by hand: `name = value` lines with indented continuation lines are the whole syntax (postconf(5)).
 */
import type { SecurityMode } from '../config/model';
import type { Localized } from '../i18n';
import { isLoopback, secretName } from '../rules/context';
import {
	type Entry,
	byKey,
	derivedLeaf,
	flagValue,
	insertLineAfter,
	linesOf,
	mappedAccount,
	portValue,
	trimmedValue,
} from './entries';
import type { SourceContext } from './formats';
import { type MappedAccount, type SourceNote, type Span, combine, leaf, replacing, spanOf } from './tree';

/** Every `name = value` of main.cf; continuation lines extend the value's text, not its span. */
export function postfixEntries(text: string): Entry[] {
	const entries: Entry[] = [];
	for (const { start, line } of linesOf(text)) {
		if (/^\s*(#|$)/.test(line)) continue;
		if (/^\s/.test(line)) {
			const last = entries[entries.length - 1];
			const more = trimmedValue(line, 0);
			if (!last || !more) continue;
			// `name =` with the value on the indented lines below (postconf(5)): the value starts there.
			if (last.value === '') {
				last.value = more.value;
				last.valueAt = spanOf(start + more.offset, start + more.offset + more.value.length);
			} else last.value = `${last.value} ${more.value}`;
			continue;
		}
		const key = /^[A-Za-z0-9_.-]+/.exec(line)?.[0];
		if (!key) continue;
		let equals = key.length;
		while (equals < line.length && /\s/.test(line.charAt(equals))) equals++;
		if (line[equals] !== '=') continue;
		const rest = trimmedValue(line, equals + 1);
		if (!rest) continue;
		const value = rest.value;
		const valueStart = start + (value ? rest.offset : line.length);
		entries.push({
			key,
			keyAt: spanOf(start, start + key.length),
			value,
			valueAt: spanOf(valueStart, valueStart + value.length),
		});
	}
	return entries;
}

const VERIFYING_OR_ENCRYPTING = new Set(['encrypt', 'dane', 'dane-only', 'fingerprint', 'verify', 'secure']);

const OPPORTUNISTIC: Localized = {
	en: '"smtp_tls_security_level = may" is opportunistic: if the relay does not offer STARTTLS, or someone on the path strips it, Postfix sends the SASL login and every message in clear text. Use "encrypt" for a relay that needs a password.',
	de: '„smtp_tls_security_level = may“ ist opportunistisch: Bietet das Relay kein STARTTLS an oder entfernt es jemand auf dem Weg, schickt Postfix die SASL-Anmeldung und jede Nachricht im Klartext. Für ein Relay mit Kennwort „encrypt“ verwenden.',
};

/**
 * `[host]:port`, `[host]`, `host:port` or `host`; the first of a list. Inside brackets the host runs to the `]`, so an
 * IPv6 address (`[ipv6:2001:db8::1]:587`, the prefix optional) keeps its colons. The port may be a `${name}`
 * placeholder (a template, Postfix's own expansion): that is a port still to be filled in, not the default 25.
 */
const RELAY = /^(\[(?:ipv6:)?)?((?<=\[(?:ipv6:)?)[^\]\s,]+(?=\])|[^[\]\s,:]+)(\])?(?::(\d+|\$\{[^}\s]*\}))?/di;

/**
 * The user and password for the relay in a SASL map (`[host]:port user:password`), if the map file is at hand. Looked
 * up as Postfix's smtp_sasl_passwd_lookup (src/smtp/smtp_sasl_glue.c) does: by the server's host name first, then by
 * the destination as `relayhost` gives it; keys fold to lower case (postmap and the lookup both fold them), and of
 * two lines with one key the first counts. Without brackets Postfix looks up MX records first and uses the name of the
 * server it reached, which only DNS knows: the name in `relayhost` stands in for it (right when there is no MX).
 */
function mapCredentials(mapText: string, keys: readonly string[]): { user: string; password: string } | undefined {
	const entries = new Map<string, { user: string; password: string }>();
	for (const entry of mapText.split(/\r?\n/)) {
		const line = entry.trim();
		const match = /^(\S+)\s+([^:\s]+):/.exec(line);
		const password = match ? trimmedValue(line, match[0].length) : undefined;
		const key = match?.[1]?.toLowerCase();
		if (match && key && password && !line.startsWith('#') && !entries.has(key))
			entries.set(key, { user: match[2]!, password: password.value });
	}
	for (const key of keys) {
		const found = entries.get(key.toLowerCase());
		if (found) return found;
	}
	return undefined;
}

export function postfixAccounts(text: string, context: SourceContext): MappedAccount[] {
	const map = byKey(postfixEntries(text));
	const relay = map.get('relayhost');
	const match = relay && RELAY.exec(relay.value);
	if (!relay || !match) return [];
	const at = (group: number): Span => {
		const [s, e] = match.indices![group]!;
		return spanOf(relay.valueAt.offset + s, relay.valueAt.offset + e);
	};
	const hostAt = at(2);
	const host = match[2]!;
	const portText = match[4];
	const level = map.get('smtp_tls_security_level');
	const wrapper = map.get('smtp_tls_wrappermode');
	const levelWord =
		level?.value.trim().toLowerCase() ||
		(flagValue(map.get('smtp_enforce_tls')?.value ?? '') ? 'encrypt' : '') ||
		(flagValue(map.get('smtp_use_tls')?.value ?? '') ? 'may' : '') ||
		'none';
	const wrapped = wrapper ? flagValue(wrapper.value) === true : false;
	const security: SecurityMode = levelWord === 'none' ? 'none' : wrapped ? 'tls' : 'starttls';
	const anchor = level ?? relay;
	const writeSecurity = (value: unknown) => {
		if (value !== 'tls' && value !== 'starttls')
			return level && value === 'none' ? { at: level.valueAt, text: 'none' } : undefined;
		const edits = [];
		const added: string[] = [];
		if (!level) added.push('smtp_tls_security_level = encrypt');
		else if (!VERIFYING_OR_ENCRYPTING.has(level.value.trim().toLowerCase()))
			edits.push({ at: level.valueAt, text: 'encrypt' });
		if (value === 'tls' && !wrapped) {
			if (wrapper) edits.push({ at: wrapper.valueAt, text: 'yes' });
			else added.push('smtp_tls_wrappermode = yes');
		}
		if (value === 'starttls' && wrapped && wrapper) edits.push({ at: wrapper.valueAt, text: 'no' });
		if (added.length) edits.push(insertLineAfter(text, anchor.valueAt.offset, ...added));
		return combine(text, edits);
	};
	const sasl = map.get('smtp_sasl_auth_enable');
	const saslOn = sasl ? flagValue(sasl.value) === true : false;
	const maps = map.get('smtp_sasl_password_maps');
	const mapFile = maps?.value.replace(/^[a-z0-9_]+:/i, '').split(/[\s,]+/)[0];
	const mapName = mapFile?.slice(mapFile.lastIndexOf('/') + 1);
	const mapText = mapName ? context.sibling?.(mapName) : undefined;
	// Stryker disable next-line Regex: equivalent, `[0]` is the text before the first separator whether runs split once or per character
	const credentials = mapText ? mapCredentials(mapText, [host, relay.value.split(/[\s,]+/)[0]!]) : undefined;
	const mechanisms = map.get('smtp_sasl_mechanism_filter');
	const oauth = mechanisms && /xoauth2|oauthbearer/i.test(mechanisms.value);
	const id = 'relayhost';
	const notes: SourceNote[] =
		levelWord === 'may' && saslOn && !isLoopback(host)
			? [
					{
						code: 'cleartext-transport',
						severity: 'error',
						at: (level ?? map.get('smtp_use_tls') ?? relay).valueAt,
						message: OPPORTUNISTIC,
						...(level
							? {
									fix: {
										title: { en: 'Require TLS ("encrypt")', de: 'TLS verlangen („encrypt“)' },
										edit: { at: level.valueAt, text: 'encrypt' },
									},
								}
							: {}),
					},
				]
			: [];
	const account = mappedAccount({
		id,
		idAt: relay.keyAt,
		block: spanOf(relay.keyAt.offset, relay.valueAt.offset + relay.valueAt.length),
		...(credentials?.user.includes('@') && maps ? { email: leaf(credentials.user, maps.valueAt) } : {}),
		...(saslOn
			? {
					auth: {
						method: derivedLeaf(oauth ? 'oauth2' : 'password', (mechanisms && oauth ? mechanisms : sasl!).valueAt),
						...(credentials && maps ? { user: leaf(credentials.user, maps.valueAt) } : {}),
						password: leaf(
							credentials?.password ?? `\${secret:${secretName(id, 'PASSWORD')}}`,
							(maps ?? sasl!).valueAt,
						),
					},
				}
			: {}),
		smtp: {
			host: leaf(host, hostAt, { write: replacing(hostAt, (v) => (typeof v === 'string' ? v : undefined)) }),
			port: portText
				? leaf(portValue(portText), at(4), {
						write: replacing(at(4), (v) => (typeof v === 'number' ? String(v) : undefined)),
					})
				: derivedLeaf(25, hostAt, (v) => {
						const end = match.indices![3]?.[1] ?? match.indices![2]![1];
						const offset = relay.valueAt.offset + end;
						return typeof v === 'number' ? { at: spanOf(offset, offset), text: `:${v}` } : undefined;
					}),
			security: derivedLeaf(security, (wrapped ? wrapper! : anchor).valueAt, writeSecurity),
		},
	});
	return [{ ...account, notes }];
}
