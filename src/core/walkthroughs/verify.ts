import type { Lang } from '../i18n';
import type { AccountReport, ProbeCheck } from '../probes/result';
import type { VerifyProtocol } from './types';

export interface VerifyEvaluation {
	outcome: 'passed' | 'failed' | 'notTested';
	/** One line per failed check: protocol, stage, our message and the server's redacted reply. */
	details: string[];
}

const PROTOCOL_LABEL: Record<ProbeCheck['protocol'], string> = { imap: 'IMAP', smtp: 'SMTP', oauth2: 'OAuth2' };

/**
 * The checks that prove a step: the check of that protocol; for `oauth2` also any IMAP/SMTP check that went through
 * a token stage (the probe may fold token acquisition into the protocol check); for `any` every check.
 */
function relevantChecks(report: AccountReport, protocol: VerifyProtocol): ProbeCheck[] {
	if (protocol === 'any') return report.checks;
	const direct = report.checks.filter((check) => check.protocol === protocol);
	if (protocol !== 'oauth2' || direct.length > 0) return direct;
	return report.checks.filter((check) => check.stages.some((stage) => stage.name === 'token'));
}

function passedFor(check: ProbeCheck, protocol: VerifyProtocol): boolean {
	if (check.ok) return true;
	// A failure after the token was issued (say, IMAP login) still proves the OAuth2 step.
	return protocol === 'oauth2' && check.stages.some((stage) => stage.name === 'token' && stage.ok);
}

function describeFailure(check: ProbeCheck, lang: Lang): string {
	const stage = check.failedStage ? ` (${check.failedStage})` : '';
	const message = check.error?.message ?? (lang === 'de' ? 'fehlgeschlagen' : 'failed');
	const server = check.error?.serverResponse ? ` Server: ${check.error.serverResponse}` : '';
	return `${PROTOCOL_LABEL[check.protocol]}${stage}: ${message}${server}`;
}

/**
 * Decides whether a connection test proves a walkthrough step: `passed` only when at least one relevant check
 * exists and every relevant check passed. The report is already redacted by the probe engine.
 */
export function evaluateVerify(report: AccountReport, protocol: VerifyProtocol, lang: Lang): VerifyEvaluation {
	const checks = relevantChecks(report, protocol);
	if (checks.length === 0) return { outcome: 'notTested', details: [] };
	const failed = checks.filter((check) => !passedFor(check, protocol));
	if (failed.length === 0) return { outcome: 'passed', details: [] };
	return { outcome: 'failed', details: failed.map((check) => describeFailure(check, lang)) };
}

/** Guards the value another feature's command resolves to before it is trusted as an {@link AccountReport}. */
export function isAccountReport(value: unknown): value is AccountReport {
	if (typeof value !== 'object' || value === null) return false;
	const report = value as Partial<AccountReport>;
	return (
		typeof report.id === 'string' &&
		Array.isArray(report.checks) &&
		report.checks.every(
			(check: unknown) =>
				typeof check === 'object' &&
				check !== null &&
				typeof (check as ProbeCheck).protocol === 'string' &&
				typeof (check as ProbeCheck).ok === 'boolean' &&
				Array.isArray((check as ProbeCheck).stages),
		)
	);
}
