import type { Node } from 'jsonc-parser';
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
 * The value node at `path` below `node` (the first property wins for a duplicate key, as in jsonc-parser's
 * findNodeAtLocation). Rules ask this many times per account, so it is a plain indexed loop without copies.
 */
function nodeAtPath(node: Node, path: JsonPath): Node | undefined {
	let current: Node | undefined = node;
	for (let i = 0; i < path.length && current; i++) {
		const segment = path[i]!;
		const children: Node[] | undefined = current.children;
		if (typeof segment === 'number') {
			current = current.type === 'array' ? children?.[segment] : undefined;
			continue;
		}
		if (current.type !== 'object' || !children) return undefined;
		current = undefined;
		for (let k = 0; k < children.length; k++) {
			const pair = children[k]!.children;
			if (pair?.length === 2 && pair[0]!.value === segment) {
				current = pair[1];
				break;
			}
		}
	}
	return current;
}

/** One account object; accessors are methods rather than per-account closures, since there may be thousands. */
class Account implements AccountContext {
	readonly id?: string;
	readonly detected?: AccountContext['detected'];
	readonly servers: ServerContext[] = [];

	constructor(
		readonly index: number,
		readonly node: Node,
		private readonly value: object,
	) {
		const id = this.str(['id']);
		if (id) this.id = id;
		const hosts = [this.str(['imap', 'host']), this.str(['smtp', 'host'])];
		const detected = detectProvider({ provider: this.get(['provider']), email: this.get(['email']), hosts });
		if (detected) this.detected = detected;
		for (const protocol of ['imap', 'smtp'] as const) {
			const serverNode = this.nodeAt([protocol]);
			if (serverNode?.type !== 'object') continue;
			const host = this.str([protocol, 'host'])?.trim().toLowerCase();
			const port = this.num([protocol, 'port']);
			const security = this.str([protocol, 'security']);
			const provider = host ? providerForEndpoint(host, detected?.provider) : undefined;
			this.servers.push({
				protocol,
				node: serverNode,
				...(host ? { host } : {}),
				...(port !== undefined ? { port } : {}),
				...(security ? { security } : {}),
				...(provider ? { provider } : {}),
			});
		}
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
		return nodeAtPath(this.node, path);
	}
}

/** Builds the context for one element of `accounts`; undefined when the element is not an object. */
export function accountContext(index: number, node: Node, value: unknown): AccountContext | undefined {
	if (node.type !== 'object' || value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
	return new Account(index, node, value);
}

/** The key node of the property that holds `valueNode` (to underline `"port"` when the value is missing). */
export function keyOf(valueNode: Node | undefined): Node | undefined {
	return valueNode?.parent?.type === 'property' ? valueNode.parent.children?.[0] : undefined;
}

/** Loopback hosts, where cleartext never leaves the machine. */
export function isLoopback(host: string): boolean {
	const h = host.replace(/^\[|\]$/g, '').toLowerCase();
	return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** Secret names derived from the account id: `dms-import` → `DMS_IMPORT_PASSWORD`. */
export function secretName(accountId: string | undefined, suffix: string): string {
	const base = (accountId ?? 'ACCOUNT')
		.toUpperCase()
		.replace(/[^A-Z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '');
	return `${base || 'ACCOUNT'}_${suffix}`;
}

/** The address inside `Name <addr@example.com>` or the whole trimmed value. */
export function addressOf(value: string): string {
	const match = /<([^<>]+)>\s*$/.exec(value);
	return (match?.[1] ?? value).trim().toLowerCase();
}
