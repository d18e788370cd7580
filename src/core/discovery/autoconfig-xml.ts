/**
 * Reads a Thunderbird autoconfig file (config-v1.1.xml, https://wiki.mozilla.org/Thunderbird:Autoconfiguration:ConfigFileFormat)
 * fetched from the network: bounded in size and nesting, no DOCTYPE (so no entity expansion of any kind), and only
 * values that pass the host/port checks survive. fast-xml-parser does the XML; this module decides what to trust.
 */
import { XMLParser } from 'fast-xml-parser';
import type { SecurityMode } from '../config/model';
import type { MailProtocol, ProviderEnable } from '../providers/types';
import type { MailAddress } from './address';
import { providerEnable } from './enable';
import { cleanText, hostName, port } from './untrusted';

/** Autoconfig files are a few kilobytes; anything far larger is not one. */
export const MAX_AUTOCONFIG_BYTES = 64 * 1024;
/** More servers than this per protocol is no real provider's file. */
const MAX_SERVERS = 8;

export interface AutoconfigServer {
	protocol: MailProtocol;
	host: string;
	port: number;
	security: SecurityMode;
	/** `<username>` with %EMAILADDRESS% / %EMAILLOCALPART% / %EMAILDOMAIN% filled in, when it is plausible. */
	username?: string;
	/** `<authentication>` values as written (password-cleartext, OAuth2, ...), cleaned. */
	authentication: string[];
}

export interface AutoconfigFile {
	providerId: string;
	displayName: string;
	domains: string[];
	servers: AutoconfigServer[];
	/** What the provider asks to be done once before a mail program may connect (`<enable>`). */
	enable?: ProviderEnable;
}

export class AutoconfigError extends Error {}

const SOCKET_TYPES: Readonly<Record<string, SecurityMode>> = { SSL: 'tls', STARTTLS: 'starttls', plain: 'none' };

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@',
	processEntities: false,
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: true,
	ignoreDeclaration: true,
	ignorePiTags: true,
	maxNestedTags: 16,
	isArray: (name) =>
		['emailProvider', 'incomingServer', 'outgoingServer', 'authentication', 'domain', 'enable', 'instruction'].includes(
			name,
		),
});

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(value: unknown): unknown[] {
	return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** The text of an element; fast-xml-parser gives a string, or `{ '#text': … }` when it has attributes. */
function text(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (isNode(value) && typeof value['#text'] === 'string') return value['#text'];
	return undefined;
}

/** The five predefined XML entities: the only ones an autoconfig file needs (entity processing is off). */
function decodeEntities(value: string): string {
	return value.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) =>
		name === 'amp' ? '&' : name === 'lt' ? '<' : name === 'gt' ? '>' : name === 'quot' ? '"' : "'",
	);
}

function fill(value: string, address: MailAddress): string {
	return value
		.replace(/%EMAILADDRESS%/g, address.email)
		.replace(/%EMAILLOCALPART%/g, address.local)
		.replace(/%EMAILDOMAIN%/g, address.domain);
}

function server(node: unknown, protocol: MailProtocol, address: MailAddress): AutoconfigServer | undefined {
	if (!isNode(node) || node['@type'] !== protocol) return undefined;
	const host = hostName(fill(text(node.hostname) ?? '', address));
	const p = port(text(node.port));
	const security = SOCKET_TYPES[text(node.socketType) ?? ''];
	if (!host || !p || !security) return undefined;
	const rawUser = text(node.username);
	const username = rawUser === undefined ? undefined : cleanText(decodeEntities(fill(rawUser, address)), 254);
	return {
		protocol,
		host,
		port: p,
		security,
		...(username && !/\s|%/.test(username) ? { username } : {}),
		authentication: list(node.authentication)
			.map((a) => cleanText(text(a), 40))
			.filter(Boolean)
			.slice(0, 8),
	};
}

/** The first `<enable>` of the provider, or of the file around it (where ISPDB puts some). */
function enableStep(provider: Node, root: Node): ProviderEnable | undefined {
	const node = [...list(provider.enable), ...list(root.enable)].find(isNode);
	if (!node) return undefined;
	const url = typeof node['@visiturl'] === 'string' ? decodeEntities(node['@visiturl']) : undefined;
	const instructions = list(node.instruction).map((i) => ({
		lang: isNode(i) && typeof i['@lang'] === 'string' ? i['@lang'] : undefined,
		text: decodeEntities(text(i) ?? ''),
	}));
	return providerEnable(url, instructions);
}

/**
 * The `<enable>` step of an autoconfig document alone (the ISPDB converter's reader too), or undefined when it has
 * none, it is unusable, or the document is not one.
 */
export function parseEnable(xml: string): ProviderEnable | undefined {
	if (xml.length > MAX_AUTOCONFIG_BYTES || /<!DOCTYPE|<!ENTITY/i.test(xml)) return undefined;
	let doc: unknown;
	try {
		doc = parser.parse(xml, true);
	} catch {
		return undefined;
	}
	const root = isNode(doc) ? doc.clientConfig : undefined;
	const provider = isNode(root) ? list(root.emailProvider).find(isNode) : undefined;
	return provider && isNode(root) ? enableStep(provider, root) : undefined;
}

/** Parses one autoconfig document for `address`; throws AutoconfigError when it is not a usable one. */
export function parseAutoconfig(xml: string, address: MailAddress): AutoconfigFile {
	if (xml.length > MAX_AUTOCONFIG_BYTES) throw new AutoconfigError('file too large');
	// Real autoconfig files never declare a DTD; refusing one rules out entity expansion and external entities.
	if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new AutoconfigError('DOCTYPE declarations are not accepted');
	let doc: unknown;
	try {
		doc = parser.parse(xml, true);
	} catch (error) {
		throw new AutoconfigError(`not well-formed XML (${cleanText(error instanceof Error ? error.message : '', 80)})`);
	}
	const root = isNode(doc) ? doc.clientConfig : undefined;
	const provider = isNode(root) ? list(root.emailProvider).find(isNode) : undefined;
	if (!provider) throw new AutoconfigError('no <clientConfig><emailProvider> element');
	const servers = (['imap', 'smtp'] as const).flatMap((protocol) =>
		list(provider[protocol === 'imap' ? 'incomingServer' : 'outgoingServer'])
			.map((node) => server(node, protocol, address))
			.filter((s): s is AutoconfigServer => s !== undefined)
			.slice(0, MAX_SERVERS),
	);
	const id = cleanText(decodeEntities(String(provider['@id'] ?? '')), 80);
	const enable = enableStep(provider, root as Node);
	return {
		providerId: id || address.domain,
		displayName: cleanText(decodeEntities(text(provider.displayName) ?? ''), 80) || id || address.domain,
		domains: list(provider.domain)
			.map((d) => hostName(text(d)))
			.filter((d): d is string => d !== undefined)
			.slice(0, 100),
		servers,
		...(enable ? { enable } : {}),
	};
}
