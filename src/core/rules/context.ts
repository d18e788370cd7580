import { type Node, findNodeAtLocation } from 'jsonc-parser';
import { detectProvider, providerForEndpoint } from '../providers/detect';
import type { AccountContext, JsonPath, ServerContext } from './types';

function valueAt(value: unknown, path: JsonPath): unknown {
	let current = value;
	for (const key of path) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<string | number, unknown>)[key];
	}
	return current;
}

/** Builds the context for one element of `accounts`; undefined when the element is not an object. */
export function accountContext(index: number, node: Node, value: unknown): AccountContext | undefined {
	if (node.type !== 'object' || value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
	const get = (path: JsonPath): unknown => valueAt(value, path);
	const str = (path: JsonPath): string | undefined => {
		const v = get(path);
		return typeof v === 'string' ? v : undefined;
	};
	const num = (path: JsonPath): number | undefined => {
		const v = get(path);
		return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
	};
	const nodeAt = (path: JsonPath): Node | undefined => (path.length ? findNodeAtLocation(node, [...path]) : node);
	const hosts = (['imap', 'smtp'] as const).map((p) => str([p, 'host']));
	const detected = detectProvider({ provider: get(['provider']), email: get(['email']), hosts });
	const servers: ServerContext[] = [];
	for (const protocol of ['imap', 'smtp'] as const) {
		const serverNode = nodeAt([protocol]);
		if (serverNode?.type !== 'object') continue;
		const host = str([protocol, 'host'])?.trim().toLowerCase();
		const provider = host ? providerForEndpoint(host, detected?.provider) : undefined;
		servers.push({
			protocol,
			node: serverNode,
			...(host ? { host } : {}),
			...(num([protocol, 'port']) !== undefined ? { port: num([protocol, 'port']) } : {}),
			...(str([protocol, 'security']) ? { security: str([protocol, 'security']) } : {}),
			...(provider ? { provider } : {}),
		});
	}
	const id = str(['id']);
	return { index, node, ...(id ? { id } : {}), ...(detected ? { detected } : {}), servers, get, str, num, nodeAt };
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
