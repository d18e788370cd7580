import * as vscode from 'vscode';
import { documentFormat } from '../core/sources/analyze';
import { tr } from '../core/i18n';
import { RECIPIENT_RULE, isPlainRecipient } from '../core/probes/recipient';
import type { AccountReport } from '../core/probes/result';
import { Commands, ContextKeys, SettingKeys } from '../shared/ids';
import type { ClientContext, FeatureContext } from './context';
import { type AccountEntry, accountAtOffset, listAccounts, secretNamesIn } from './probe-accounts';
import { ProbeExplainer } from './probe-explainer';
import type { ReportNode } from './probe-report-model';
import { ProbeSession, type TestTarget, secretScope } from './probe-session';
import { TargetConfirmations, destinationsOf } from './probe-targets';
import { PROBE_TEXTS as T } from './probe-texts';
import { ReportView } from './report-view';
import { SecretStore, UNSCOPED } from './secrets';
import { TestDiagnostics } from './test-diagnostics';
import { markWalkthroughProgress } from './walkthrough-progress';

/** The config file names of the workspace search (document-kind.ts also accepts any file with our `$schema`). */
const CONFIG_GLOB = '**/{*.mailaccount.json,*.mailaccounts.json,mailaccounts.json}';
const EXCLUDE_GLOB = '**/node_modules/**';
const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Arguments of the programmatic "Test Connection" (the walkthrough's "Verify" button, report view items). */
interface AccountArgs {
	uri: string;
	accountId: string;
}

function isAccountArgs(value: unknown): value is AccountArgs {
	if (typeof value !== 'object' || value === null) return false;
	const { uri, accountId } = value as Record<string, unknown>;
	return typeof uri === 'string' && typeof accountId === 'string';
}

/** Registers the connection-test commands, the report view, the test diagnostics and the secret commands. */
export function registerProbeFeatures(ctx: FeatureContext): void {
	const { extension } = ctx;
	const secrets = new SecretStore(extension.secrets, extension.globalState);
	const explainer = new ProbeExplainer(ctx.lang);
	const explain = explainer.explain.bind(explainer);
	const view = new ReportView(ctx.lang, explain, ctx.reportTree);
	view.register(extension.subscriptions);
	const diagnostics = new TestDiagnostics(ctx.lang, explain);
	extension.subscriptions.push(diagnostics);
	const commands = new ProbeCommands(ctx, secrets, view);
	const session = new ProbeSession(
		ctx,
		secrets,
		new TargetConfirmations(extension.workspaceState),
		diagnostics,
		view,
		explainer,
		(name, scope) => commands.storeSecretValue(name, scope),
	);
	commands.attach(session);
	const table: [string, (...args: unknown[]) => unknown][] = [
		[Commands.testConnection, (arg) => commands.testConnection(arg)],
		[Commands.testAllInFile, (arg) => commands.testAllInFile(arg)],
		[Commands.testAllInWorkspace, () => commands.testAllInWorkspace()],
		[Commands.sendTestMail, (arg) => commands.sendTestMail(arg)],
		[Commands.signIn, (arg) => commands.signIn(arg)],
		[Commands.showLastReport, () => commands.showLastReport()],
		[Commands.copyReport, (arg) => commands.copyReport(arg)],
		[Commands.showTranscript, (arg) => commands.showTranscript(arg)],
		[Commands.storeSecret, (arg) => commands.storeSecret(arg)],
		[Commands.deleteSecret, (arg) => commands.deleteSecret(arg)],
	];
	for (const [id, handler] of table) ctx.registerCommand(id, handler);
	extension.subscriptions.push(
		vscode.workspace.onDidChangeConfiguration((e) => {
			if (!e.affectsConfiguration(SettingKeys.language)) return;
			view.refresh();
			diagnostics.relocalize();
		}),
	);
}

/** The command handlers: choosing accounts and secrets, asking for input, then handing over to the session. */
class ProbeCommands {
	private session: ProbeSession | undefined;

	constructor(
		private readonly ctx: ClientContext,
		private readonly secrets: SecretStore,
		private readonly view: ReportView,
	) {}

	attach(session: ProbeSession): void {
		this.session = session;
	}

	private get run(): ProbeSession {
		if (!this.session) throw new Error('ProbeCommands used before attach()');
		return this.session;
	}

	private text(key: keyof typeof T, args?: Record<string, string | number>): string {
		return tr(T[key], this.ctx.lang(), args);
	}

	/** `{ uri, accountId }` → that account; else the account at the cursor; else a pick. Returns its report. */
	async testConnection(arg: unknown): Promise<AccountReport | undefined> {
		const target = isAccountArgs(arg) ? await this.targetFromArgs(arg) : await this.targetAtCursorOrPick();
		if (!target) return undefined;
		const [report] = await this.run.test([target]);
		return report;
	}

	async testAllInFile(arg: unknown): Promise<AccountReport[]> {
		const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
		if (!uri) {
			void vscode.window.showWarningMessage(this.text('noFile'));
			return [];
		}
		const document = await vscode.workspace.openTextDocument(uri);
		const targets = listAccounts(document.getText(), document.uri.toString()).map((account) => ({ document, account }));
		if (targets.length === 0) {
			void vscode.window.showWarningMessage(this.text('noAccountsInFile'));
			return [];
		}
		return (await this.run.test(targets)).filter((r): r is AccountReport => r !== undefined);
	}

	async testAllInWorkspace(): Promise<AccountReport[]> {
		const targets = await this.allTargets();
		if (targets.length === 0) {
			void vscode.window.showWarningMessage(this.text('noAccounts'));
			return [];
		}
		return (await this.run.test(targets)).filter((r): r is AccountReport => r !== undefined);
	}

	/** The only action that sends mail: to one address the user typed and then confirmed. */
	async sendTestMail(arg: unknown): Promise<AccountReport | undefined> {
		if (!(await this.run.ensureTrusted())) return undefined;
		const target = isAccountArgs(arg)
			? await this.targetFromArgs(arg)
			: await this.targetAtCursorOrPick((a) => a.hasSmtp, 'noSmtpAccounts');
		if (!target) return undefined;
		if (!target.account.hasSmtp) {
			void vscode.window.showWarningMessage(this.text('noSmtpAccounts'));
			return undefined;
		}
		const email = (target.account.value as { email?: unknown }).email;
		const to = await vscode.window.showInputBox({
			prompt: this.text('recipientPrompt'),
			value: typeof email === 'string' ? email : '',
			ignoreFocusOut: true,
			validateInput: (value) =>
				isPlainRecipient(value.trim())
					? undefined
					: this.text('recipientInvalid', { rule: tr(RECIPIENT_RULE, this.ctx.lang()) }),
		});
		if (!to) return undefined;
		const recipient = to.trim();
		const smtp = destinationsOf(target.account.value).find((d) => d.protocol === 'smtp');
		const confirmed = await vscode.window.showWarningMessage(
			this.text('confirmSend', { host: smtp?.key ?? '-', account: target.account.id, to: recipient }),
			{ modal: true },
			this.text('send'),
		);
		if (!confirmed) return undefined;
		const [report] = await this.run.test([target], { sendTestMailTo: recipient });
		if (report?.checks.some((c) => c.protocol === 'smtp' && c.ok)) {
			void vscode.window.showInformationMessage(this.text('sent', { to: recipient }));
		}
		return report;
	}

	/** Runs the OAuth2 check of a delegated account, which signs in (device code or browser) when no token is cached. */
	async signIn(arg: unknown): Promise<AccountReport | undefined> {
		const target = isAccountArgs(arg)
			? await this.targetFromArgs(arg)
			: await this.targetAtCursorOrPick((a) => a.isOAuth2, 'noOAuth2Accounts');
		if (!target) return undefined;
		if (!target.account.isOAuth2) {
			void vscode.window.showWarningMessage(this.text('noOAuth2Accounts'));
			return undefined;
		}
		const flow = (target.account.value as { auth?: { oauth2?: { flow?: unknown } } }).auth?.oauth2?.flow;
		if (flow === 'client-credentials') {
			void vscode.window.showInformationMessage(this.text('signInInteractiveOnly', { account: target.account.id }));
			return undefined;
		}
		const report = await this.run.signIn(target);
		if (report?.checks.every((c) => c.ok)) {
			void vscode.window.showInformationMessage(this.text('signedIn', { account: target.account.id }));
		}
		return report;
	}

	async showLastReport(): Promise<void> {
		if (!this.view.hasReports()) {
			void vscode.window.showInformationMessage(this.text('noReport'));
			return;
		}
		await this.view.reveal();
	}

	/** From an account node: that account; from the palette or the view title: every account in the view. */
	async copyReport(arg: unknown): Promise<void> {
		if (!this.view.hasReports()) {
			void vscode.window.showInformationMessage(this.text('noReport'));
			return;
		}
		await vscode.env.clipboard.writeText(this.view.textReport(isAccountArgs(arg) ? arg : undefined));
		void vscode.window.showInformationMessage(this.text('copied'));
	}

	async showTranscript(arg: unknown): Promise<void> {
		if (!isAccountArgs(arg)) return;
		const protocol = (arg as Partial<ReportNode>).protocol;
		if (protocol === undefined) return;
		const uri = this.view.transcriptUri(arg.uri, arg.accountId, protocol);
		const document = await vscode.workspace.openTextDocument(uri);
		await vscode.window.showTextDocument(document, { preview: true });
	}

	/**
	 * The scope the palette's secret commands act on: the active editor's workspace folder, else the first workspace
	 * folder, else the scope shared by files outside any workspace.
	 */
	private currentScope(): string {
		const uri = vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
		return uri ? secretScope(uri) : UNSCOPED;
	}

	/** Store Secret…: a name from the configs (or typed), then the value in a password box. */
	async storeSecret(arg: unknown): Promise<boolean> {
		const scope = this.currentScope();
		const name = typeof arg === 'string' && SECRET_NAME.test(arg) ? arg : await this.pickSecretName(true, scope);
		return name ? this.storeSecretValue(name, scope) : false;
	}

	/**
	 * Asks for a secret's value and stores it for one workspace folder; also the "store it" step when a test finds a
	 * secret missing.
	 */
	async storeSecretValue(name: string, scope: string): Promise<boolean> {
		const value = await vscode.window.showInputBox({
			prompt: this.text('secretPrompt', { name }),
			password: true,
			ignoreFocusOut: true,
			validateInput: (v) => (v === '' ? this.text('secretEmpty') : undefined),
		});
		if (!value) return false;
		await this.secrets.store(scope, name, value);
		await markWalkthroughProgress(this.ctx.extension, ContextKeys.secretStored);
		this.ctx.log.info(`Secret "${name}" stored.`);
		void vscode.window.showInformationMessage(this.text('secretStored', { name }));
		return true;
	}

	async deleteSecret(arg: unknown): Promise<boolean> {
		const scope = this.currentScope();
		const name = typeof arg === 'string' && SECRET_NAME.test(arg) ? arg : await this.pickSecretName(false, scope);
		if (!name) return false;
		const confirmed = await vscode.window.showWarningMessage(
			this.text('confirmDelete', { name }),
			{ modal: true },
			this.text('delete'),
		);
		if (!confirmed) return false;
		await this.secrets.delete(scope, name);
		this.ctx.log.info(`Secret "${name}" deleted.`);
		void vscode.window.showInformationMessage(this.text('secretDeleted', { name }));
		return true;
	}

	private async pickSecretName(allowOther: boolean, scope: string): Promise<string | undefined> {
		const names = new Set<string>();
		for (const document of await this.configDocuments()) secretNamesIn(document.getText()).forEach((n) => names.add(n));
		if (names.size === 0 && !allowOther) {
			void vscode.window.showInformationMessage(this.text('noSecretNames'));
			return undefined;
		}
		const other = this.text('secretOther');
		const items: vscode.QuickPickItem[] = [];
		for (const name of [...names].sort()) {
			const stored = await this.secrets.has(scope, name);
			items.push({ label: name, description: this.text(stored ? 'secretIsStored' : 'secretNotStored') });
		}
		if (allowOther) items.push({ label: other, alwaysShow: true });
		const picked = await vscode.window.showQuickPick(items, { placeHolder: this.text('pickSecret') });
		if (!picked) return undefined;
		if (picked.label !== other) return picked.label;
		return vscode.window.showInputBox({
			prompt: this.text('secretNamePrompt'),
			ignoreFocusOut: true,
			validateInput: (v) => (SECRET_NAME.test(v) ? undefined : this.text('secretNameInvalid')),
		});
	}

	private async targetFromArgs(args: AccountArgs): Promise<TestTarget | undefined> {
		let document: vscode.TextDocument;
		try {
			document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri, true));
		} catch {
			void vscode.window.showErrorMessage(this.text('accountNotFound', { account: args.accountId, file: args.uri }));
			return undefined;
		}
		const account = listAccounts(document.getText(), document.uri.toString()).find((a) => a.id === args.accountId);
		if (!account) {
			void vscode.window.showErrorMessage(
				this.text('accountNotFound', { account: args.accountId, file: vscode.workspace.asRelativePath(document.uri) }),
			);
			return undefined;
		}
		return { document, account };
	}

	private async targetAtCursorOrPick(
		accept: (account: AccountEntry) => boolean = () => true,
		noneKey: keyof typeof T = 'noAccounts',
	): Promise<TestTarget | undefined> {
		const editor = vscode.window.activeTextEditor;
		if (editor && documentFormat(editor.document.uri.toString(), editor.document.getText())) {
			const account = accountAtOffset(
				editor.document.getText(),
				editor.document.offsetAt(editor.selection.active),
				editor.document.uri.toString(),
			);
			if (account && accept(account)) return { document: editor.document, account };
		}
		const candidates = (await this.allTargets()).filter((t) => accept(t.account));
		if (candidates.length === 0) {
			void vscode.window.showWarningMessage(this.text(noneKey));
			return undefined;
		}
		if (candidates.length === 1) return candidates[0];
		const picked = await vscode.window.showQuickPick(
			candidates.map((target) => ({
				label: target.account.id,
				description: target.account.endpoints.join(', '),
				detail: vscode.workspace.asRelativePath(target.document.uri),
				target,
			})),
			{ placeHolder: this.text('pickAccount'), matchOnDescription: true, matchOnDetail: true },
		);
		return picked?.target;
	}

	/** Open config documents first (their unsaved text counts), then the workspace's config files. */
	private async configDocuments(): Promise<vscode.TextDocument[]> {
		const byUri = new Map<string, vscode.TextDocument>();
		for (const document of vscode.workspace.textDocuments) {
			if (document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled') continue;
			if (documentFormat(document.uri.toString(), document.getText())) byUri.set(document.uri.toString(), document);
		}
		const files = await vscode.workspace.findFiles(CONFIG_GLOB, EXCLUDE_GLOB, 200);
		for (const uri of files) {
			if (byUri.has(uri.toString())) continue;
			try {
				byUri.set(uri.toString(), await vscode.workspace.openTextDocument(uri));
			} catch (error) {
				this.ctx.log.warn(`Cannot read ${vscode.workspace.asRelativePath(uri)}: ${(error as Error).name}`);
			}
		}
		return [...byUri.values()];
	}

	private async allTargets(): Promise<TestTarget[]> {
		const documents = await this.configDocuments();
		return documents.flatMap((document) =>
			listAccounts(document.getText(), document.uri.toString()).map((account) => ({ document, account })),
		);
	}
}
