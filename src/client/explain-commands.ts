import type { ClientContext } from './context';

// PLACEHOLDER (foundation commit): replaced by the feature's implementation.
export function registerExplainFeatures(_ctx: ClientContext): void {}
