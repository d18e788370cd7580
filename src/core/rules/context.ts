import type { Node } from 'jsonc-parser';
import { nodeAt } from '../config/parse';

export { secretName } from '../config/model';
import { detectProvider, providerForEndpoint } from '../providers/detect';
import type { AccountContext, JsonPath, ServerContext } from './types';

function valueAt(value: unknown, path: JsonPath): unknown {
	let current = value;
	for (let i = 0; i < path.length; i++) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<string | number, unknown>)[path[i]!];
	}
	return current;
}

/**
 * One account object; accessors are methods rather than per-account closures, since there may be thousands. Its
 * node is built on first use: rules decide from values, and most accounts need no position (see {@link lazyAccountContext}).
 */
class Account implements AccountContext {
	readonly id?: string;
	readonly detected?: AccountContext['detected'];
	readonly servers: ServerContext[] = [];

	constructor(
		readonly index: number,
		private readonly value: object,
		/** Cached by its callers (the node itself, or the account's lazily built placement). */
		private readonly tree: () => Node | undefined,
	) {
		const id = this.str(['id']);
		if (id) this.id = id;
		const hosts = [this.str(['imap', 'host']), this.str(['smtp', 'host'])];
		const detected = detectProvider({ provider: this.get(['provider']), email: this.get(['email']), hosts });
		if (detected) this.detected = detected;
		for (const protocol of ['imap', 'smtp'] as const) {
			// An object value is exactly what an object node holds: JSON.parse and the tree agree on every key.
			if (!isObject(this.get([protocol]))) continue;
			const host = this.str([protocol, 'host'])?.trim().toLowerCase();
			const port = this.num([protocol, 'port']);
			const security = this.str([protocol, 'security']);
			const provider = host ? providerForEndpoint(host, detected?.provider) : undefined;
			// Assigned, not spread from conditional literals (`...(host ? { host } : {})`): V8 copies a spread object
			// through a slow runtime path, which cost more than the rest of the account's context.
			const server: ServerContext = { protocol };
			if (host) server.host = host;
			if (port !== undefined) server.port = port;
			if (security) server.security = security;
			if (provider) server.provider = provider;
			this.servers.push(server);
		}
	}

	get node(): Node | undefined {
		return this.tree();
	}

	get(path: JsonPath): unknown {
		return valueAt(this.value, path);
	}

	str(path: JsonPath): string | undefined {
		const v = valueAt(this.value, path);
		return typeof v === 'string' ? v : undefined;
	}

	num(path: JsonPath): number | undefined {
		const v = valueAt(this.value, path);
		return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
	}

	nodeAt(path: JsonPath): Node | undefined {
		return nodeAt(this.node, path);
	}
}

function isObject(value: unknown): value is object {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Builds the context for one element of `accounts`; undefined when the element is not an object. */
export function accountContext(index: number, node: Node, value: unknown): AccountContext | undefined {
	if (node.type !== 'object' || !isObject(value)) return undefined;
	return new Account(index, value, () => node);
}

/**
 * The context of an element of `accounts` whose node `tree` builds when a rule first asks for one (undefined when
 * the element is not an object, which for strict JSON is exactly when its node is not one). `tree` may answer
 * undefined where findings are only counted: rules decide whether and how severely to report from values alone and
 * use nodes only to place findings and build their fixes.
 */
export function lazyAccountContext(
	index: number,
	value: unknown,
	tree: () => Node | undefined,
): AccountContext | undefined {
	return isObject(value) ? new Account(index, value, tree) : undefined;
}

/** The key node of the property that holds `valueNode` (to underline `"port"` when the value is missing). */
export function keyOf(valueNode: Node | undefined): Node | undefined {
	return valueNode?.parent?.type === 'property' ? valueNode.parent.children?.[0] : undefined;
}

/**
 * Loopback hosts, where traffic never leaves the machine: `localhost` and its subdomains, all of 127.0.0.0/8, and
 * `::1` or an IPv4-mapped 127 address in any IPv6 spelling, with or without brackets.
 */
export function isLoopback(host: string): boolean {
	const h = host
		.trim()
		.replace(/^\[(.*)\]$/, '$1')
		.replace(/\.$/, '')
		.toLowerCase();
	if (h === 'localhost' || h.endsWith('.localhost')) return true;
	if (h.includes(':')) return isLoopbackIpv6(h);
	const octets = ipv4Octets(h);
	return octets?.[0] === 127;
}

function ipv4Octets(text: string): number[] | undefined {
	const parts = text.split('.');
	if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
	return parts.map(Number);
}

/** `::1` (`0:0:0:0:0:0:0:1`, `0000::0001`, ...) or `::ffff:127.x.x.x` (also in hex, `::ffff:7f00:1`). */
function isLoopbackIpv6(text: string): boolean {
	const halves = text.replace(/%.*$/, '').split('::');
	if (halves.length > 2) return false;
	const groups = halves.map((half) => (half ? half.split(':') : []));
	// A trailing dotted IPv4 part stands for the last two 16-bit groups.
	const last = groups[groups.length - 1]!;
	const tail = last[last.length - 1];
	if (tail?.includes('.')) {
		const octets = ipv4Octets(tail);
		if (!octets) return false;
		last.splice(-1, 1, ((octets[0]! << 8) | octets[1]!).toString(16), ((octets[2]! << 8) | octets[3]!).toString(16));
	}
	const written = groups.flat();
	if (!written.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return false;
	const missing = 8 - written.length;
	if (halves.length === 2 ? missing < 1 : missing !== 0) return false;
	const values = [
		...groups[0]!,
		...Array<string>(halves.length === 2 ? missing : 0).fill('0'),
		...(groups[1] ?? []),
	].map((g) => parseInt(g, 16));
	const zerosUpTo = (n: number) => values.slice(0, n).every((v) => v === 0);
	if (zerosUpTo(7) && values[7] === 1) return true;
	return zerosUpTo(5) && values[5] === 0xffff && values[6]! >> 8 === 127;
}

/** The address inside `Name <addr@example.com>` or the whole trimmed value. */
export function addressOf(value: string): string {
	const match = /<([^<>]+)>\s*$/.exec(value);
	return (match?.[1] ?? value).trim().toLowerCase();
}
