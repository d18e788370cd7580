/**
 * What the mailcfg language server and its clients agree on beyond plain LSP: the `initializationOptions`,
 * the `data` attached to each diagnostic, the fix-all code action kind and the walkthrough deep-link arguments.
 * Standard LSP only: any editor can use the server without knowing these, they only add features.
 */

import type { Validation } from '../core/config/analyze';
import { Commands } from './ids';

/** `initialize` → `initializationOptions` (client → server). */
export interface InitializationOptions {
	/**
	 * `full` (default): `json-syntax`, `schema-*` and rule diagnostics. `rules-only`: the semantic rules alone. VS
	 * Code's own JSON server already reports syntax errors and validates files against the contributed schema, so the
	 * VS Code client asks for `rules-only` to avoid showing each of those problems twice.
	 */
	validation?: Validation;
	/**
	 * The client runs `mailcfg.openWalkthrough` (OpenWalkthroughArgs): the server then offers each finding's
	 * walkthrough as a quick fix that calls it. Other editors leave it out and get no action they cannot run.
	 */
	walkthroughCommand?: boolean;
	/**
	 * The client runs the discovery commands (`_mailcfg.fillServerSettings`, `_mailcfg.lookupTenant`): only then does
	 * the server offer the code actions that name them. The lookups need the network, so they run in the client, on
	 * the user's pick, never while diagnostics are computed.
	 */
	discoveryCommands?: boolean;
}

/** Arguments of `_mailcfg.fillServerSettings` and `_mailcfg.lookupTenant` (server → client, in a code action). */
export interface DiscoveryCommandArgs {
	uri: string;
	/** Position in `accounts` when the action was offered; `accountId` wins when the file changed meanwhile. */
	accountIndex: number;
	accountId?: string;
	email: string;
	domain: string;
}

/** Checks command arguments that arrive from the server (or any other caller) before they are used. */
export function discoveryArgsFrom(value: unknown): DiscoveryCommandArgs | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const { uri, accountIndex, accountId, email, domain } = value as Record<string, unknown>;
	if (typeof uri !== 'string' || typeof email !== 'string' || typeof domain !== 'string') return undefined;
	if (typeof accountIndex !== 'number' || !Number.isInteger(accountIndex) || accountIndex < 0) return undefined;
	return { uri, accountIndex, ...(typeof accountId === 'string' ? { accountId } : {}), email, domain };
}

/** LSP code action kind of "apply every preferred mailcfg fix" (a sub-kind of `source.fixAll`). */
export const FIX_ALL_KIND = 'source.fixAll.mailcfg';

/** `Diagnostic.data` on every mailcfg diagnostic (server → client). */
export interface DiagnosticData {
	/** Deep link into the admin walkthroughs: `guide-id` or `guide-id#step-id`. */
	walkthrough?: string;
	/** The account (`accounts[].id`) the diagnostic belongs to. */
	accountId?: string;
}

/** Arguments of the `mailcfg.openWalkthrough` command. */
export interface OpenWalkthroughArgs {
	guide: string;
	step?: string;
	accountId?: string;
	/** The config file the walkthrough was opened from, so "Verify" can test the right account. */
	uri?: string;
}

/**
 * The `command:` URI that opens the walkthrough with `args`: the diagnostics' code links and the explanation hover use
 * it. The argument array is JSON in the query, percent-encoded, which is how VS Code decodes command links. `!'()*`
 * are encoded as well (encodeURIComponent keeps them), so a path with parentheses cannot end a markdown link early.
 */
export function walkthroughCommandUri(args: OpenWalkthroughArgs): string {
	const query = encodeURIComponent(JSON.stringify([args])).replace(
		/[!'()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
	);
	return `command:${Commands.openWalkthrough}?${query}`;
}

const GUIDE_ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Turns a diagnostic's `data` into walkthrough command arguments; undefined when there is no well-formed
 * walkthrough reference (data comes over the wire, so nothing about its shape is assumed).
 */
export function walkthroughArgsFromData(data: unknown, uri?: string): OpenWalkthroughArgs | undefined {
	if (typeof data !== 'object' || data === null) return undefined;
	const { walkthrough, accountId } = data as Record<string, unknown>;
	if (typeof walkthrough !== 'string') return undefined;
	const [guide = '', step, ...rest] = walkthrough.split('#');
	if (rest.length > 0 || !GUIDE_ID.test(guide) || (step !== undefined && !GUIDE_ID.test(step))) return undefined;
	return {
		guide,
		...(step !== undefined ? { step } : {}),
		...(typeof accountId === 'string' ? { accountId } : {}),
		...(uri !== undefined ? { uri } : {}),
	};
}
