import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Reads files beside `path` by base name (Postfix's SASL password map next to main.cf); undefined if absent. */
export function siblingReader(path: string): (name: string) => string | undefined {
	return (name) => {
		if (name.includes('/') || name.includes('\\')) return undefined;
		try {
			return readFileSync(join(dirname(path), name), 'utf8');
		} catch {
			return undefined;
		}
	};
}
