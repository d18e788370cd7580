/**
 * The report view's tree as plain data: account → check → stage, with the error, the server's reply, the
 * explanation and the actions under the failed stage. report-view.ts only maps these nodes to TreeItems, so the
 * labels the e2e tests look for are produced (and unit-tested) here.
 */
import { type Lang, type Localized, tr } from '../core/i18n';
import type { Explanation } from '../core/explain/types';
import {
	type AccountReport,
	PROBE_ERRORS,
	type ProbeCheck,
	type Protocol,
	type StageResult,
} from '../core/probes/result';
import { type OpenWalkthroughArgs, walkthroughArgsFromData } from '../shared/protocol';

/** What the tree and the diagnostics show of an explanation from the catalog. */
export type ExplanationView = Pick<Explanation, 'id' | 'title' | 'cause' | 'fix' | 'walkthrough'>;

/** One tested account as the view keeps it: which file, when, and what came out. */
export interface ReportEntry {
	uri: string;
	/** File name shown beside the account. */
	fileLabel: string;
	report: AccountReport;
	/** The language the test ran in, which worded the report's messages. */
	lang: Lang;
}

export type NodeKind =
	'account' | 'check' | 'stage' | 'error' | 'serverResponse' | 'explanation' | 'fixStep' | 'walkthrough' | 'transcript';

export type NodeIcon = 'pass' | 'fail' | 'error' | 'info' | 'book' | 'transcript' | 'step';

export interface ReportNode {
	/** Unique and stable across refreshes, so VS Code keeps expansion state. */
	id: string;
	kind: NodeKind;
	label: string;
	description?: string;
	/** Plain text, one fact per line. */
	tooltip?: string;
	icon?: NodeIcon;
	/** Expanded at first: failed accounts, failed checks and failed stages. */
	expanded?: boolean;
	children: ReportNode[];
	/** The account the node belongs to: lets "Test Connection" run from an account node as is. */
	uri: string;
	accountId: string;
	protocol?: Protocol;
	/** Set on `walkthrough` nodes. */
	walkthroughArgs?: OpenWalkthroughArgs;
}

/** How the protocols are named in the view, the diagnostics and the notifications. */
export const PROTOCOL_LABELS: Readonly<Record<Protocol, string>> = { imap: 'IMAP', smtp: 'SMTP', oauth2: 'OAuth2' };

const T = {
	passed: { en: 'passed', de: 'bestanden' },
	failed: { en: 'failed', de: 'fehlgeschlagen' },
	failedAt: { en: 'failed at {stage}: {code}', de: 'fehlgeschlagen bei {stage}: {code}' },
	failedCode: { en: 'failed: {code}', de: 'fehlgeschlagen: {code}' },
	server: { en: 'Server: {reply}', de: 'Server: {reply}' },
	serverLabel: { en: 'Server reply', de: 'Serverantwort' },
	transcript: { en: 'Show transcript', de: 'Mitschnitt anzeigen' },
	transcriptLines: { en: '{count} lines, secrets redacted', de: '{count} Zeilen, Geheimnisse entfernt' },
	walkthrough: { en: 'Open walkthrough step', de: 'Anleitungsschritt öffnen' },
	cause: { en: 'Cause: {cause}', de: 'Ursache: {cause}' },
	noChecks: { en: 'nothing to test', de: 'nichts zu testen' },
} as const satisfies Record<string, Localized>;

function factLines(stage: StageResult): string[] {
	return Object.entries(stage.facts ?? {}).map(
		([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`,
	);
}

function stageNode(
	entry: ReportEntry,
	check: ProbeCheck,
	stage: StageResult,
	index: number,
	lang: Lang,
	explanation: ExplanationView | undefined,
): ReportNode {
	// A stage name can repeat within a check (SMTP sends EHLO again after STARTTLS), so the position is part of the id.
	const base = `${entry.uri}|${entry.report.id}|${check.protocol}|${index}:${stage.name}`;
	const failed = !stage.ok;
	const timing = `${stage.ms} ms`;
	const tooltip = [`${stage.name}: ${stage.ok ? tr(T.passed, lang) : tr(T.failed, lang)} (${timing})`];
	if (stage.detail) tooltip.push(stage.detail);
	tooltip.push(...factLines(stage));
	if (failed && check.error?.serverResponse) tooltip.push(tr(T.server, lang, { reply: check.error.serverResponse }));
	return {
		id: base,
		kind: 'stage',
		label: stage.name,
		description: stage.detail ? `${timing} · ${stage.detail}` : timing,
		tooltip: tooltip.join('\n'),
		icon: stage.ok ? 'pass' : 'fail',
		expanded: failed,
		children: failed ? failureNodes(entry, check, lang, explanation, base) : [],
		uri: entry.uri,
		accountId: entry.report.id,
		protocol: check.protocol,
	};
}

/** The error, the server's own words, the explanation and the way to the fix. */
function failureNodes(
	entry: ReportEntry,
	check: ProbeCheck,
	lang: Lang,
	explanation: ExplanationView | undefined,
	base: string,
): ReportNode[] {
	const common = { uri: entry.uri, accountId: entry.report.id, protocol: check.protocol, children: [] };
	const nodes: ReportNode[] = [];
	const error = check.error;
	if (error) {
		nodes.push({
			...common,
			id: `${base}|error`,
			kind: 'error',
			label: error.code,
			description: error.message,
			tooltip: `${error.code}: ${error.message}`,
			icon: 'error',
		});
		if (error.serverResponse) {
			nodes.push({
				...common,
				id: `${base}|server`,
				kind: 'serverResponse',
				label: tr(T.serverLabel, lang),
				description: error.serverResponse,
				tooltip: error.serverResponse,
				icon: 'info',
			});
		}
	}
	if (explanation) {
		nodes.push({
			...common,
			id: `${base}|explanation`,
			kind: 'explanation',
			label: explanation.title,
			tooltip: [
				tr(T.cause, lang, { cause: explanation.cause }),
				...explanation.fix.map((f, i) => `${i + 1}. ${f}`),
			].join('\n'),
			icon: 'book',
			expanded: true,
			children: explanation.fix.map((fix, i) => ({
				...common,
				id: `${base}|fix|${i}`,
				kind: 'fixStep',
				label: `${i + 1}. ${fix}`,
				tooltip: fix,
				icon: 'step',
			})),
		});
		const args = walkthroughArgsFromData(
			{ walkthrough: explanation.walkthrough, accountId: entry.report.id },
			entry.uri,
		);
		if (args) {
			nodes.push({
				...common,
				id: `${base}|walkthrough`,
				kind: 'walkthrough',
				label: tr(T.walkthrough, lang),
				description: explanation.walkthrough,
				icon: 'book',
				walkthroughArgs: args,
			});
		}
	}
	return nodes;
}

function checkNode(
	entry: ReportEntry,
	check: ProbeCheck,
	lang: Lang,
	explain: (check: ProbeCheck) => ExplanationView | undefined,
): ReportNode {
	const base = `${entry.uri}|${entry.report.id}|${check.protocol}`;
	const explanation = check.ok ? undefined : explain(check);
	const totalMs = check.stages.reduce((sum, s) => sum + s.ms, 0);
	const code = check.error?.code ?? 'UNKNOWN';
	let description = `${tr(T.passed, lang)} · ${totalMs} ms`;
	if (!check.ok) {
		description = check.failedStage
			? tr(T.failedAt, lang, { stage: check.failedStage, code })
			: tr(T.failedCode, lang, { code });
	}
	const children = check.stages.map((stage, index) =>
		stageNode(
			entry,
			check,
			stage,
			index,
			lang,
			!stage.ok && stage.name === check.failedStage ? explanation : undefined,
		),
	);
	// A check can fail before any stage ran (a CONFIG error): the error then hangs off the check itself.
	const stageCarriesError = check.stages.some((s) => !s.ok && s.name === check.failedStage);
	if (!check.ok && !stageCarriesError) children.push(...failureNodes(entry, check, lang, explanation, base));
	if (check.transcript.length > 0) {
		children.push({
			id: `${base}|transcript`,
			kind: 'transcript',
			label: tr(T.transcript, lang),
			description: tr(T.transcriptLines, lang, { count: check.transcript.length }),
			icon: 'transcript',
			children: [],
			uri: entry.uri,
			accountId: entry.report.id,
			protocol: check.protocol,
		});
	}
	return {
		id: base,
		kind: 'check',
		label: PROTOCOL_LABELS[check.protocol],
		description,
		tooltip: check.error ? `${check.error.code}: ${check.error.message}` : description,
		icon: check.ok ? 'pass' : 'fail',
		expanded: !check.ok,
		children,
		uri: entry.uri,
		accountId: entry.report.id,
		protocol: check.protocol,
	};
}

/** True when every check of the report passed (and there was at least one). */
export function reportPassed(report: AccountReport): boolean {
	return report.checks.length > 0 && report.checks.every((c) => c.ok);
}

/**
 * The whole tree, one root per tested account in the order given. `explain` supplies the explanation of a failed
 * check (from the explanation catalog); it returns undefined when nothing matches.
 */
export function buildReportTree(
	entries: readonly ReportEntry[],
	lang: Lang,
	explain: (check: ProbeCheck, entry: ReportEntry) => ExplanationView | undefined,
): ReportNode[] {
	return entries.map((recorded) => {
		const entry = { ...recorded, report: reportInLang(recorded.report, recorded.lang, lang) };
		const passed = reportPassed(entry.report);
		const status = entry.report.checks.length === 0 ? tr(T.noChecks, lang) : tr(passed ? T.passed : T.failed, lang);
		return {
			id: `${entry.uri}|${entry.report.id}`,
			kind: 'account',
			label: entry.report.id,
			description: `${status} · ${entry.fileLabel}`,
			tooltip: `${entry.report.id} (${entry.fileLabel}): ${status}`,
			icon: entry.report.checks.length === 0 ? 'info' : passed ? 'pass' : 'fail',
			expanded: !passed,
			children: entry.report.checks.map((check) => checkNode(entry, check, lang, (c) => explain(c, entry))),
			uri: entry.uri,
			accountId: entry.report.id,
		};
	});
}

/**
 * A report recorded in one language, for display in another: the error messages, worded in the language the test ran
 * in, give way to their code's sentence in `lang` (the explanation, rendered anew, carries the specifics). The
 * server's reply and the stage facts are data and stay as they are.
 */
export function reportInLang(report: AccountReport, recorded: Lang, lang: Lang): AccountReport {
	if (recorded === lang) return report;
	return {
		...report,
		checks: report.checks.map((check) =>
			check.error ? { ...check, error: { ...check.error, message: PROBE_ERRORS[check.error.code][lang] } } : check,
		),
	};
}
