import type { ClientContext } from './context';

// PLACEHOLDER (foundation commit): replaced by the feature's implementation.
export async function registerLanguageFeatures(_ctx: ClientContext): Promise<void> {}
