import { MAILBOX_ENTRIES } from './catalog/mailbox';
import { OAUTH_ENTRIES } from './catalog/oauth';
import { SIGN_IN_ENTRIES } from './catalog/sign-in';
import { TRANSPORT_ENTRIES } from './catalog/transport';
import type { CatalogEntry } from './types';

/** Every known cause, as data. Order matters only as the tie-breaker between equally confident matches. */
export const CATALOG: readonly CatalogEntry[] = [
	...SIGN_IN_ENTRIES,
	...OAUTH_ENTRIES,
	...MAILBOX_ENTRIES,
	...TRANSPORT_ENTRIES,
];

export function findEntry(id: string): CatalogEntry | undefined {
	return CATALOG.find((entry) => entry.id === id);
}
