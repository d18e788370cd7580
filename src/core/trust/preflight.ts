/**
 * The check a front end runs over every selected account before the first connection: a config the policy refuses
 * anywhere is refused as a whole, so nothing at all is sent (not even for the accounts that would pass).
 */
import { parseSecretRef } from '../config/model';
import { type TrustViolation, accountViolations } from './account';
import { type KeyFileSystem, readKeyFile } from './key-file';
import type { TrustPolicy } from './policy';

function privateKeyPath(account: unknown): string | undefined {
	const path = (account as { auth?: { oauth2?: { certificate?: { privateKeyFile?: unknown } } } } | undefined)?.auth
		?.oauth2?.certificate?.privateKeyFile;
	return typeof path === 'string' && path !== '' && !parseSecretRef(path) ? path : undefined;
}

/** Every refusal of the policy in these accounts, including private key files outside the allowed folders. */
export async function preflight(
	accounts: readonly unknown[],
	policy: TrustPolicy,
	keyFiles: { configDir: string; fs: KeyFileSystem },
): Promise<TrustViolation[]> {
	const violations: TrustViolation[] = [];
	for (const account of accounts) {
		violations.push(...accountViolations(account, policy));
		const path = privateKeyPath(account);
		if (path === undefined) continue;
		// Only realpath and the folder check run here; an unreadable file is the credentials step's to report.
		const key = await readKeyFile(path, keyFiles.configDir, policy, { ...keyFiles.fs, readFile: async () => '' });
		if (!key.ok && key.reason === 'outside') violations.push({ kind: 'keyFile', path });
	}
	return violations;
}
