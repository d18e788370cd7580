/**
 * The probe engine's public surface for the front ends (CLI, extension's lazily loaded probe bundle), with the real
 * probes wired in one place. Tests pass their own `deps` to the engine when they need to.
 */
import type { EngineDeps, TestAccountsOptions } from './engine';
import { testAccounts as runAccounts } from './engine';
import { probeImap } from './imap';
import { probeOAuth2 } from './oauth2';
import type { AccountReport } from './result';
import { probeSmtp, sendTestMail } from './smtp';

export const defaultDeps: EngineDeps = { probeOAuth2, probeImap, probeSmtp, sendTestMail };

/** `testAccounts` with the real IMAP, SMTP and OAuth2 probes unless `deps` says otherwise. */
export function testAccounts(
	file: { accounts?: unknown },
	options: Omit<TestAccountsOptions, 'deps'> & { deps?: EngineDeps },
): Promise<AccountReport[]> {
	return runAccounts(file, { ...options, deps: options.deps ?? defaultDeps });
}

export { accountId, configPathForCheck, testAccount, unknownAccountIds } from './engine';
export type { EngineDeps, TestAccountsOptions } from './engine';
export { probeImap } from './imap';
export type { MailLogin, ProbeHooks } from './mail-session';
export { probeSmtp, sendTestMail } from './smtp';
export { probeOAuth2 } from './oauth2';
export { renderReportText } from './report-text';
export type { ProbeProgress, ProgressListener } from './stage-runner';
