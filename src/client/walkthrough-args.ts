import type { AccountContext } from './walkthrough-checklist';
import type { Focus } from '../shared/webview-protocol';
import { resolveWalkthroughRef } from '../core/walkthroughs/catalog';

export interface OpenRequest {
	focus?: Focus;
	account?: AccountContext;
	/** Set when a guide or step was asked for but does not exist, so the caller can say so. */
	unresolved?: string;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * Normalizes whatever `Commands.openWalkthrough` was called with (nothing, or `OpenWalkthroughArgs` of
 * shared/protocol.ts from a diagnostic link, an explanation or a test report) into a focus and an account. The
 * shape is checked, not assumed: command URIs can carry anything. Unknown guides or steps are reported, never guessed.
 */
export function parseOpenArgs(raw: unknown): OpenRequest {
	const args = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
	const request: OpenRequest = {};
	const uri = str(args.uri);
	const accountId = str(args.accountId);
	if (uri && accountId) request.account = { uri, accountId };

	const guideArg = str(args.guide);
	if (!guideArg) return request;
	const stepArg = str(args.step);
	const ref = guideArg.includes('#') || !stepArg ? guideArg : `${guideArg}#${stepArg}`;
	const resolved = resolveWalkthroughRef(ref);
	if (!resolved) {
		request.unresolved = ref;
		// A known guide with an unknown step still opens the guide.
		const guideOnly = resolveWalkthroughRef(ref.split('#')[0] ?? '');
		if (guideOnly) request.focus = { guide: guideOnly.guide.id };
		return request;
	}
	request.focus = resolved.step ? { guide: resolved.guide.id, step: resolved.step.id } : { guide: resolved.guide.id };
	return request;
}
