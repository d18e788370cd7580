/**
 * What the mailcfg language server and its clients agree on beyond plain LSP: the `initializationOptions`,
 * the `data` attached to each diagnostic, the fix-all code action kind and the walkthrough deep-link arguments.
 * Standard LSP only: any editor can use the server without knowing these, they only add features.
 */

/** `initialize` → `initializationOptions` (client → server). */
export interface InitializationOptions {
	/**
	 * Report `schema-*` diagnostics (default true). VS Code's own JSON server already validates files against
	 * the contributed schema, so the VS Code client passes false to avoid showing each schema problem twice.
	 */
	schemaValidation?: boolean;
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
