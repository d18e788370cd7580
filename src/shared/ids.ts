/**
 * Every command id, context key, view type and setting key in one place; package.json must match
 * (test/unit/manifest.test.ts checks both directions).
 */
export const Commands = {
	testConnection: 'mailcfg.testConnection',
	testAllInFile: 'mailcfg.testAllInFile',
	testAllInWorkspace: 'mailcfg.testAllInWorkspace',
	sendTestMail: 'mailcfg.sendTestMail',
	signIn: 'mailcfg.signIn',
	showLastReport: 'mailcfg.showLastReport',
	copyReport: 'mailcfg.copyReport',
	/** Internal (report view items): opens a check's redacted transcript. */
	showTranscript: '_mailcfg.showTranscript',
	storeSecret: 'mailcfg.storeSecret',
	deleteSecret: 'mailcfg.deleteSecret',
	explainError: 'mailcfg.explainError',
	openWalkthrough: 'mailcfg.openWalkthrough',
	newConfig: 'mailcfg.newConfig',
	newAccountFromEmail: 'mailcfg.newAccountFromEmail',
	convertToConfig: 'mailcfg.convertToConfig',
	/** Internal (code action "Fill in server settings for <domain>"): discovery for an existing account. */
	fillServerSettings: '_mailcfg.fillServerSettings',
	/** Internal (code action on oauth2-tenant-required): the Entra tenant ID of the account's domain. */
	lookupTenant: '_mailcfg.lookupTenant',
	restartServer: 'mailcfg.restartServer',
	showLog: 'mailcfg.showLog',
} as const;
export type CommandId = (typeof Commands)[keyof typeof Commands];

/** Context keys; the native walkthrough completes its steps on these, set only on success. */
export const ContextKeys = {
	configCreated: 'mailcfg.configCreated',
	secretStored: 'mailcfg.secretStored',
	connectionVerified: 'mailcfg.connectionVerified',
	/** Set once the admin walkthrough panel has been shown (completes the native walkthrough's last step). */
	walkthroughOpened: 'mailcfg.walkthroughOpened',
} as const;

/** The native walkthrough (package.json `contributes.walkthroughs`) and the step each context key completes. */
export const NativeWalkthrough = {
	id: 'getting-started',
	stepOfKey: {
		[ContextKeys.configCreated]: 'create-config',
		[ContextKeys.secretStored]: 'store-secret',
		[ContextKeys.connectionVerified]: 'test-connection',
		[ContextKeys.walkthroughOpened]: 'admin-walkthrough',
	},
} as const;

export const ViewTypes = {
	walkthrough: 'mailcfg.walkthrough',
	report: 'mailcfg.report',
	explanation: 'mailcfg.explanation',
} as const;

export const SettingKeys = {
	language: 'mailcfg.language',
	traceServer: 'mailcfg.trace.server',
	rulesDisabled: 'mailcfg.rules.disabled',
	probeConnectTimeout: 'mailcfg.probe.connectTimeout',
	probeGreetingTimeout: 'mailcfg.probe.greetingTimeout',
	probeStageTimeout: 'mailcfg.probe.stageTimeout',
	probeConcurrency: 'mailcfg.probe.concurrency',
	probeExtraCaCertificates: 'mailcfg.probe.extraCaCertificates',
	/** The trust allowances: application scope, so only the user (never a workspace) sets them. */
	allowEnv: 'mailcfg.security.allowEnv',
	allowAuthorities: 'mailcfg.security.allowAuthorities',
	allowKeyFiles: 'mailcfg.security.allowKeyFiles',
	/** Discovery from the bundled provider data only (application scope, like the trust allowances). */
	discoveryOffline: 'mailcfg.discovery.offline',
	/** Discovery's endpoint overrides for tests and proxies, as `mailcfg discover --dns/--authority-host/--https-port`. */
	discoveryDnsServer: 'mailcfg.discovery.dnsServer',
	discoveryAuthorityHost: 'mailcfg.discovery.authorityHost',
	discoveryHttpsPort: 'mailcfg.discovery.httpsPort',
} as const;

/**
 * The schema URL contributed in package.json `jsonValidation`. VS Code's JSON extension loads URIs of schemes
 * other than http(s)/file through `workspace.openTextDocument`, so our content provider can serve it in the
 * display language.
 */
export const SchemaUris = {
	mailAccount: 'mailcfg-schema://schemas/mail-account.schema.json',
} as const;

/** `source` of diagnostics from the language server and from connection tests. */
export const DiagnosticSources = {
	rules: 'mailcfg',
	probe: 'mailcfg-test',
} as const;
