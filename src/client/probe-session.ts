import { readFile, realpath } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import type { Account, SecretRef } from '../core/config/model';
import { systemClock } from '../core/clock';
import { type Lang, type Localized, tr } from '../core/i18n';
import type { ProbeContext } from '../core/probes/context';
import type { AccountReport } from '../core/probes/result';
import type { ProbeProgress } from '../core/probes/stage-runner';
import { type CredentialsResult, type SecretResolver, resolveCredentials } from '../core/secrets';
import { Commands, ContextKeys, SettingKeys } from '../shared/ids';
import { accountViolations } from '../core/trust/account';
import { type OpenWalkthroughArgs, walkthroughArgsFromData } from '../shared/protocol';
import type { TrustPolicy } from '../core/trust/policy';
import { violationMessage } from '../core/trust/texts';
import { readProbeSettings, readTrustSettings } from './configuration';
import type { ClientContext } from './context';
import { type AccountEntry, secretNamesOfAccount } from './probe-accounts';
import type { ProbeExplainer } from './probe-explainer';
import { runBounded } from './probe-pool';
import { PROTOCOL_LABELS, reportPassed } from './probe-report-model';
import { probeRunner } from './probe-runner-loader';
import { type TargetConfirmations, describeDestination, destinationsOf, isRemoteCleartext } from './probe-targets';
import { PROBE_TEXTS as T } from './probe-texts';
import type { ReportView } from './report-view';
import { type SecretStore, UNSCOPED } from './secrets';
import type { TestDiagnostics } from './test-diagnostics';
import { extraCas } from './trusted-cas';
import { markWalkthroughProgress } from './walkthrough-progress';

/** One account to test, with the document it came from (the diagnostics land there). */
export interface TestTarget {
	document: vscode.TextDocument;
	account: AccountEntry;
}

/**
 * Runs connection tests for the commands: workspace trust, the one-time target confirmation, missing secrets,
 * progress with cancel, bounded concurrency, then diagnostics, the report view and the log.
 */
export class ProbeSession {
	constructor(
		private readonly ctx: ClientContext,
		private readonly secrets: SecretStore,
		private readonly confirmations: TargetConfirmations,
		private readonly diagnostics: TestDiagnostics,
		private readonly view: ReportView,
		private readonly explainer: ProbeExplainer,
		private readonly storeSecretFlow: (name: string, scope: string) => Promise<boolean>,
	) {}

	/** False (after telling the user why) in an untrusted workspace. */
	async ensureTrusted(): Promise<boolean> {
		if (vscode.workspace.isTrusted) return true;
		const lang = this.ctx.lang();
		const choice = await vscode.window.showWarningMessage(tr(T.untrusted, lang), tr(T.manageTrust, lang));
		if (choice) await vscode.commands.executeCommand('workbench.trust.manage');
		return false;
	}

	/**
	 * Asks what has to be asked before anything connects: refusals of the user's allowances, missing secrets (offering
	 * one stored for another workspace only with a question), and the destinations with what each receives. Runs one
	 * account at a time so dialogs never stack. Returns the test's policy (with the cleartext destinations the user
	 * accepted), or undefined when the user declined or the config is refused.
	 */
	async prepare(target: TestTarget): Promise<TrustPolicy | undefined> {
		const lang = this.ctx.lang();
		const { account } = target;
		const policy = this.trustPolicy();
		const refused = accountViolations(account.value, policy).filter((v) => v.kind !== 'cleartext');
		if (refused.length) {
			const message = [...new Set(refused.map((v) => violationMessage(v, lang, 'editor')))].join(' ');
			this.ctx.log.warn(`${account.id}: ${message}`);
			void vscode.window.showErrorMessage(message);
			return undefined;
		}
		const scope = secretScope(target.document.uri);
		for (const name of secretNamesOfAccount(account.value)) {
			if (await this.secrets.has(scope, name)) continue;
			if (await this.offerOtherScope(scope, name, account.id)) continue;
			const choice = await vscode.window.showWarningMessage(
				tr(T.missingSecret, lang, { account: account.id, name }),
				tr(T.storeIt, lang),
			);
			if (!choice || !(await this.storeSecretFlow(name, scope))) return undefined;
		}
		const destinations = destinationsOf(account.value);
		const unconfirmed = this.confirmations.unconfirmed(destinations);
		const cleartext = unconfirmed.filter(isRemoteCleartext);
		if (unconfirmed.length > 0) {
			const lines = unconfirmed.map((d) => `• ${describeDestination(d, lang)}`).join('\n');
			const choice = await vscode.window.showWarningMessage(
				tr(T.confirmTargets, lang, { account: account.id }),
				{
					modal: true,
					detail: `${lines}\n\n${tr(cleartext.length ? T.confirmCleartextDetail : T.confirmTargetsDetail, lang)}`,
				},
				tr(cleartext.length ? T.connectCleartext : T.connect, lang),
			);
			if (!choice) return undefined;
			await this.confirmations.confirm(unconfirmed);
		}
		return { ...policy, cleartextDestinations: cleartext.map((d) => d.key) };
	}

	/** A secret of this name stored for another workspace folder is used here only if the user says so. */
	private async offerOtherScope(scope: string, name: string, accountId: string): Promise<boolean> {
		const others = await this.secrets.otherScopes(scope, name);
		const source = others[0];
		if (source === undefined) return false;
		const lang = this.ctx.lang();
		const where = source === UNSCOPED ? tr(T.secretUnscoped, lang) : vscode.Uri.parse(source, true).fsPath;
		const choice = await vscode.window.showWarningMessage(
			tr(T.secretOtherScope, lang, { name, account: accountId, where }),
			{ modal: true },
			tr(T.secretUseHere, lang),
		);
		if (!choice) return false;
		const value = await this.secrets.get(source, name);
		if (value === undefined) return false;
		await this.secrets.store(scope, name, value);
		return true;
	}

	/**
	 * Tests the given accounts (after trust, secrets and confirmation) under one cancellable progress notification.
	 * Returns the reports in input order; undefined for accounts the user skipped or that a cancel stopped.
	 */
	async test(
		targets: readonly TestTarget[],
		options: { sendTestMailTo?: string } = {},
	): Promise<(AccountReport | undefined)[]> {
		if (!(await this.ensureTrusted())) return targets.map(() => undefined);
		const approved: TestTarget[] = [];
		const policies = new Map<TestTarget, TrustPolicy>();
		for (const target of targets) {
			const policy = await this.prepare(target);
			if (!policy) continue;
			approved.push(target);
			policies.set(target, policy);
		}
		if (approved.length === 0) return targets.map(() => undefined);
		const lang = this.ctx.lang();
		const concurrency = readProbeSettings(approved[0]?.document.uri).concurrency;
		const extraCa = await this.extraCa();
		const reports = await vscode.window.withProgress(
			{ location: vscode.ProgressLocation.Notification, title: tr(T.progressTitle, lang), cancellable: true },
			async (progress, token) => {
				const controller = new AbortController();
				const subscription = token.onCancellationRequested(() => controller.abort());
				let done = 0;
				try {
					return await runBounded(
						approved,
						concurrency,
						async (target) => {
							const report = await this.runOne(
								target,
								{ signal: controller.signal, extraCa, policy: policies.get(target) ?? this.trustPolicy() },
								(stage) =>
									progress.report({ message: tr(T.progressAccount, lang, { account: target.account.id, stage }) }),
								options.sendTestMailTo,
							);
							done++;
							progress.report({
								increment: 100 / approved.length,
								message: tr(T.progressCount, lang, { done, total: approved.length }),
							});
							return report;
						},
						controller.signal,
					);
				} finally {
					subscription.dispose();
				}
			},
		);
		const byTarget = new Map(approved.map((t, i) => [t, reports[i]]));
		// Not awaited: a caller such as the walkthrough's "Verify" needs the result, not the user's click.
		void this.announce(approved.flatMap((target, i) => (reports[i] ? [{ target, report: reports[i] }] : [])));
		return targets.map((t) => byTarget.get(t));
	}

	/**
	 * Runs only the OAuth2 check of an account: for delegated flows this is the sign-in (device code or browser), and
	 * the token cache it fills in SecretStorage serves the later IMAP/SMTP tests.
	 */
	async signIn(target: TestTarget): Promise<AccountReport | undefined> {
		if (!(await this.ensureTrusted())) return undefined;
		const policy = await this.prepare(target);
		if (!policy) return undefined;
		const lang = this.ctx.lang();
		const account = target.account.value as Account;
		const credentials = await this.resolveSecrets(target, account, policy);
		const extraCa = await this.extraCa();
		if (!credentials.ok) {
			void vscode.window.showErrorMessage(credentials.message);
			return undefined;
		}
		return vscode.window.withProgress(
			{ location: vscode.ProgressLocation.Notification, title: tr(T.progressTitle, lang), cancellable: true },
			async (progress, token) => {
				const controller = new AbortController();
				const subscription = token.onCancellationRequested(() => controller.abort());
				try {
					const ctx = this.probeContext(target, { signal: controller.signal, extraCa }, policy);
					const { check } = await probeRunner().probeOAuth2(account, credentials.credentials, ctx, {
						onProgress: (event) => {
							if (event.state !== 'start') return;
							progress.report({
								message: tr(T.progressAccount, lang, { account: target.account.id, stage: stageLabel(event) }),
							});
						},
					});
					const report: AccountReport = { id: target.account.id, checks: [check] };
					this.record(target, report, ctx.lang);
					return report;
				} catch (error) {
					this.ctx.log.error(`Sign-in of "${target.account.id}" crashed: ${errorName(error)}`);
					void vscode.window.showErrorMessage(tr(T.unexpected, lang));
					return undefined;
				} finally {
					subscription.dispose();
				}
			},
		);
	}

	/**
	 * The extra CAs every connection of a run trusts (system store, `mailcfg.probe.extraCaCertificates`); a file that
	 * gives none is reported once per run and skipped.
	 */
	private async extraCa(): Promise<string[]> {
		const files = vscode.workspace.getConfiguration().get<unknown[]>(SettingKeys.probeExtraCaCertificates, []);
		const { certs, problems } = await extraCas(Array.isArray(files) ? files : []);
		for (const problem of problems) {
			const message = tr(problem.text, this.ctx.lang(), problem.args);
			this.ctx.log.warn(message);
			void vscode.window.showWarningMessage(message);
		}
		return certs;
	}

	/**
	 * The allowances of a test: the user-level settings, the workspace folders as places for key files, and the
	 * cleartext destinations the user accepted in this test's confirmation (never remembered).
	 */
	trustPolicy(cleartextDestinations: readonly string[] = []): TrustPolicy {
		const settings = readTrustSettings();
		return {
			allowEnv: settings.allowEnv,
			allowCleartext: false,
			cleartextDestinations,
			allowAuthorities: settings.allowAuthorities,
			allowKeyFiles: settings.allowKeyFiles,
			keyFileRoots: (vscode.workspace.workspaceFolders ?? [])
				.filter((folder) => folder.uri.scheme === 'file')
				.map((folder) => folder.uri.fsPath),
		};
	}

	/** Builds the probe context of one account: settings timeouts, language, log, trust, cancel and OAuth2 hooks. */
	probeContext(
		target: TestTarget,
		run: { signal: AbortSignal; extraCa: string[] },
		policy = this.trustPolicy(),
	): ProbeContext {
		const { signal } = run;
		const settings = readProbeSettings(target.document.uri);
		const account = target.account;
		const clientId = oauthClientId(account.value);
		return {
			lang: this.ctx.lang(),
			clock: systemClock,
			timeouts: {
				connectMs: settings.connectTimeoutMs,
				greetingMs: settings.greetingTimeoutMs,
				stageMs: settings.stageTimeoutMs,
				// signInMs stays the core's default (5 minutes): a device-code or browser sign-in waits for a person.
			},
			signal,
			extraCa: run.extraCa,
			logger: {
				debug: (m) => this.ctx.log.debug(m),
				info: (m) => this.ctx.log.info(m),
				warn: (m) => this.ctx.log.warn(m),
				error: (m) => this.ctx.log.error(m),
			},
			oauth2: {
				onDeviceCode: (prompt) => void this.showDeviceCode(account.id, prompt),
				openBrowser: async (url) => {
					await vscode.env.openExternal(vscode.Uri.parse(url, true));
				},
				...(clientId ? { cache: this.secrets.tokenCache(secretScope(target.document.uri), clientId, account.id) } : {}),
			},
			trust: { policy, frontEnd: 'editor' },
		};
	}

	private async showDeviceCode(
		accountId: string,
		prompt: { userCode: string; verificationUri: string },
	): Promise<void> {
		const lang = this.ctx.lang();
		const choice = await vscode.window.showInformationMessage(
			tr(T.deviceCode, lang, { account: accountId, url: prompt.verificationUri, code: prompt.userCode }),
			tr(T.copyAndOpen, lang),
		);
		if (!choice) return;
		await vscode.env.clipboard.writeText(prompt.userCode);
		await vscode.env.openExternal(vscode.Uri.parse(prompt.verificationUri, true));
	}

	/** Runs one account's checks and records the outcome; an engine crash becomes a log line, never a raw error. */
	private async runOne(
		target: TestTarget,
		run: { signal: AbortSignal; extraCa: string[]; policy: TrustPolicy },
		onStage: (stage: string) => void,
		sendTestMailTo?: string,
	): Promise<AccountReport | undefined> {
		if (run.signal.aborted) return undefined;
		// Sending exercises only SMTP (and the token it needs), so IMAP stays out of it.
		const value = sendTestMailTo ? { ...(target.account.value as object), imap: undefined } : target.account.value;
		const ctx = this.probeContext(target, run, run.policy);
		try {
			const [report] = await probeRunner().testAccounts(
				{ accounts: [value] },
				{
					ctx,
					resolveSecrets: (account) => this.resolveSecrets(target, account, run.policy),
					onProgress: (event) => {
						if (event.state === 'start') onStage(stageLabel(event));
					},
					...(sendTestMailTo ? { sendTestMailTo } : {}),
				},
			);
			if (report) this.record(target, report, ctx.lang);
			return report;
		} catch (error) {
			// The engine reports failures as data; reaching this is a bug. Log the type only, never the message,
			// which could quote a library error carrying a secret.
			this.ctx.log.error(`Connection test of "${target.account.id}" crashed: ${errorName(error)}`);
			void vscode.window.showErrorMessage(tr(T.unexpected, this.ctx.lang()));
			return undefined;
		}
	}

	/** Secrets from SecretStorage and the environment; a relative private key path is relative to the config. */
	resolveSecrets(target: TestTarget, account: Account, policy = this.trustPolicy()): Promise<CredentialsResult> {
		const resolver: SecretResolver = {
			get: (ref: SecretRef) =>
				ref.kind === 'env'
					? Promise.resolve(process.env[ref.name])
					: this.secrets.get(secretScope(target.document.uri), ref.name),
			howToProvide: (ref: SecretRef): Localized =>
				ref.kind === 'env'
					? { en: tr(T.howEnv, 'en', { name: ref.name }), de: tr(T.howEnv, 'de', { name: ref.name }) }
					: { en: tr(T.howSecret, 'en', { name: ref.name }), de: tr(T.howSecret, 'de', { name: ref.name }) },
		};
		// Key files only beside configs on disk: the folder check needs real paths (symbolic links resolved).
		const uri = target.document.uri;
		const keyFiles =
			uri.scheme === 'file'
				? {
						configDir: dirname(uri.fsPath),
						fs: { realpath: (p: string) => realpath(p), readFile: (p: string) => readFile(p, 'utf8') },
					}
				: undefined;
		return resolveCredentials(account, resolver, this.ctx.lang(), {
			policy,
			frontEnd: 'editor',
			...(keyFiles ? { keyFiles } : {}),
		});
	}

	/** Puts a report into the view, the diagnostics and the log, and sets the walkthrough context key on success. */
	record(target: TestTarget, report: AccountReport, lang: Lang): void {
		this.explainer.remember(target.document.uri.toString(), report.id, target.account.value);
		this.view.add(target.document.uri, report, lang);
		this.diagnostics.update(target.document, report, lang);
		const passed = reportPassed(report);
		this.ctx.log.info(
			`${report.id} (${vscode.workspace.asRelativePath(target.document.uri)}): ${passed ? 'passed' : 'failed'}`,
		);
		this.ctx.log.info(this.view.textReport({ uri: target.document.uri.toString(), accountId: report.id }));
		if (passed) void markWalkthroughProgress(this.ctx.extension, ContextKeys.connectionVerified);
	}

	/**
	 * One toast per run: for one failed account it names the cause (the explanation's title) and offers the report
	 * and the walkthrough of that cause; otherwise a summary with the report.
	 */
	private async announce(results: { target: TestTarget; report: AccountReport }[]): Promise<void> {
		const last = results.at(-1);
		if (!last) return;
		const lang = this.ctx.lang();
		const uri = last.target.document.uri.toString();
		let message: string;
		let walkthrough: OpenWalkthroughArgs | undefined;
		if (results.length === 1) {
			const { report } = last;
			const check = report.checks.find((c) => !c.ok);
			const explanation = check && this.explainer.explain(check, uri, report.id);
			const args = {
				account: report.id,
				protocol: check ? PROTOCOL_LABELS[check.protocol] : '',
				stage: check?.failedStage ?? '-',
				message: check?.error?.message ?? '',
			};
			if (!check) message = tr(T.passed, lang, { account: report.id });
			else if (explanation) message = tr(T.failedCause, lang, { ...args, cause: explanation.title });
			else message = tr(T.failed, lang, args);
			walkthrough =
				explanation && walkthroughArgsFromData({ walkthrough: explanation.walkthrough, accountId: report.id }, uri);
		} else {
			const passed = results.filter((r) => reportPassed(r.report)).length;
			message = tr(T.summary, lang, { passed, total: results.length, failed: results.length - passed });
		}
		const showReport = tr(T.showReport, lang);
		const openWalkthrough = tr(T.openWalkthrough, lang);
		const actions = walkthrough ? [showReport, openWalkthrough] : [showReport];
		const choice = await (results.some((r) => !reportPassed(r.report))
			? vscode.window.showErrorMessage(message, ...actions)
			: vscode.window.showInformationMessage(message, ...actions));
		if (choice === showReport) await this.view.reveal(uri, last.report.id);
		else if (choice === openWalkthrough && walkthrough) {
			await vscode.commands.executeCommand(Commands.openWalkthrough, walkthrough);
		}
	}
}

/** "OAuth2 token", "IMAP auth": the stage a progress message names. */
function stageLabel(event: ProbeProgress): string {
	return `${PROTOCOL_LABELS[event.protocol]} ${event.stage}`;
}

function oauthClientId(account: unknown): string | undefined {
	const auth = (account as { auth?: { method?: unknown; oauth2?: { clientId?: unknown } } } | undefined)?.auth;
	return auth?.method === 'oauth2' && typeof auth.oauth2?.clientId === 'string' ? auth.oauth2.clientId : undefined;
}

/**
 * The scope of a document's `${secret:...}` values: its workspace folder, or its own folder outside any workspace.
 * A secret stored for one repository is not handed to another without asking.
 */
export function secretScope(uri: vscode.Uri): string {
	return (vscode.workspace.getWorkspaceFolder(uri)?.uri ?? vscode.Uri.joinPath(uri, '..')).toString();
}

function errorName(error: unknown): string {
	return error instanceof Error ? error.name : typeof error;
}
