/**
 * The probe engine: runs the checks of many accounts with bounded concurrency. Per account: resolve secrets, then
 * OAuth2 (when the account uses it), then IMAP and SMTP. When no access token could be obtained, the IMAP and SMTP
 * checks are not run (their login could only fail) and the oauth2 check, which carries the cause, says so.
 */
import type { Account } from '../config/model';
import type { Lang, Localized } from '../i18n';
import { tr } from '../i18n';
import type { CredentialsResult } from '../secrets';
import { type TrustViolation, accountViolations } from '../trust/account';
import { STRICT_POLICY } from '../trust/policy';
import { violationMessage } from '../trust/texts';
import type { ProbeContext } from './context';
import type { MailLogin, MailProbe, ProbeHooks } from './mail-session';
import type { probeOAuth2 } from './oauth2';
import { containCheck } from './contain';
import { Redactor } from './redact';
import type { AccountReport, ProbeCheck, Protocol } from './result';
import type { sendTestMail } from './smtp';
import type { ProgressListener } from './stage-runner';

/** The probes the engine runs; tests may swap any of them. */
export interface EngineDeps {
	probeOAuth2: typeof probeOAuth2;
	probeImap: MailProbe;
	probeSmtp: MailProbe;
	sendTestMail: typeof sendTestMail;
}

export interface TestAccountsOptions {
	ctx: ProbeContext;
	/** Account ids to test (default: all). Unknown ids are the caller's to report (see `unknownAccountIds`). */
	accounts?: readonly string[];
	/** How many accounts run at once (default 4). */
	concurrency?: number;
	resolveSecrets(account: Account): Promise<CredentialsResult>;
	onProgress?: ProgressListener;
	/** Sends a test mail to this address from every tested account with SMTP (only the explicit action sets it). */
	sendTestMailTo?: string;
	deps: EngineDeps;
}

const SKIPPED_NO_TOKEN: Localized = {
	en: '{protocols} not tested: no access token.',
	de: '{protocols} nicht getestet: kein Zugriffstoken.',
};

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The id the reports use for an account: its `id`, or `#<index>` for an account without one. */
export function accountId(account: unknown, index: number): string {
	return isRecord(account) && typeof account.id === 'string' && account.id !== '' ? account.id : `#${index}`;
}

/** The requested ids that name no account in the file. */
export function unknownAccountIds(file: { accounts?: unknown }, ids: readonly string[]): string[] {
	const known = new Set(Array.isArray(file.accounts) ? file.accounts.map(accountId) : []);
	return ids.filter((id) => !known.has(id));
}

export async function testAccounts(
	file: { accounts?: unknown },
	options: TestAccountsOptions,
): Promise<AccountReport[]> {
	const all = Array.isArray(file.accounts) ? file.accounts : [];
	const wanted = options.accounts ? new Set(options.accounts) : undefined;
	const selected = all
		.map((account, index) => ({ account, id: accountId(account, index) }))
		.filter(({ id }) => !wanted || wanted.has(id));
	const reports: AccountReport[] = new Array<AccountReport>(selected.length);
	let next = 0;
	const worker = async () => {
		while (next < selected.length) {
			const index = next++;
			const { account, id } = selected[index] as (typeof selected)[number];
			reports[index] = await testAccount(account, id, options);
		}
	};
	const concurrency = Math.max(1, Math.min(options.concurrency ?? 4, selected.length || 1));
	await Promise.all(Array.from({ length: concurrency }, worker));
	return reports;
}

/**
 * OAuth2 without `auth.oauth2`: msmtp's passwordeval and mbsync's PassCmd fetch the token with a helper command, which
 * mailcfg never runs (a config must not decide what runs on the user's machine).
 */
const NO_APP_REGISTRATION: Localized = {
	en: 'OAuth2 is set, but "auth.oauth2" (the app registration to sign in with) is missing. In msmtp and mbsync files the token comes from a helper command (passwordeval, PassCmd), which mailcfg never runs: convert the file to mailaccounts.json and fill in the client ID of your app registration to test the sign-in.',
	de: 'OAuth2 ist eingestellt, aber "auth.oauth2" (die App-Registrierung für die Anmeldung) fehlt. In msmtp- und mbsync-Dateien holt ein Hilfsbefehl das Token (passwordeval, PassCmd), den mailcfg nie ausführt: Die Datei in mailaccounts.json umwandeln und die Client-ID Ihrer App-Registrierung eintragen, um die Anmeldung zu testen.',
};

/** All checks of one account; never throws (a failure is a check with ok false). */
export async function testAccount(value: unknown, id: string, options: TestAccountsOptions): Promise<AccountReport> {
	const { ctx, deps } = options;
	const lang = ctx.lang;
	if (!isRecord(value))
		return {
			id,
			checks: [configCheck('imap', lang, { en: 'The account is not an object.', de: 'Das Konto ist kein Objekt.' })],
		};
	const account = value as unknown as Account;
	const protocols: Protocol[] = (['imap', 'smtp'] as const).filter((p) => account[p] !== undefined);
	const oauth = isRecord(account.auth) && account.auth.method === 'oauth2';
	if (!protocols.length && !oauth) {
		return {
			id,
			checks: [
				configCheck('imap', lang, {
					en: 'The account has neither "imap" nor "smtp".',
					de: 'Das Konto hat weder "imap" noch "smtp".',
				}),
			],
		};
	}
	if (oauth && !isRecord((account.auth as unknown as Record<string, unknown>).oauth2))
		return { id, checks: [{ ...configCheck('oauth2', lang, NO_APP_REGISTRATION), failedStage: 'auth' }] };
	// The user's allowances decide, before any secret is read or any socket opened.
	const trust = ctx.trust ?? { policy: STRICT_POLICY, frontEnd: 'cli' };
	const refused = accountViolations(account, trust.policy);
	if (refused.length) {
		const fallback: Protocol = oauth ? 'oauth2' : (protocols[0] as Protocol);
		return { id, checks: refused.map((v) => refusalCheck(v, violationMessage(v, lang, trust.frontEnd), fallback)) };
	}
	const secrets = await options.resolveSecrets(account);
	if (!secrets.ok) {
		const check = configCheck(oauth ? 'oauth2' : (protocols[0] as Protocol), lang, {
			en: secrets.message,
			de: secrets.message,
		});
		check.failedStage = 'auth';
		return { id, checks: [check] };
	}
	const credentials = secrets.credentials;
	const redactor = new Redactor([credentials.password, credentials.clientSecret, credentials.privateKey]);
	const hooks: ProbeHooks = { redactor, ...(options.onProgress ? { onProgress: options.onProgress } : {}) };
	const checks: ProbeCheck[] = [];
	const login: MailLogin = { ...credentials };
	if (oauth) {
		const result = await deps.probeOAuth2(account, credentials, ctx, hooks);
		redactor.add(result.accessToken);
		checks.push(result.check);
		if (!result.accessToken) {
			if (protocols.length) {
				const names = protocols.map((p) => p.toUpperCase()).join(', ');
				result.check.transcript.push(`* ${tr(SKIPPED_NO_TOKEN, lang, { protocols: names })}`);
			}
			return { id, checks: checks.map((c) => containCheck(c, redactor, lang)) };
		}
		login.accessToken = result.accessToken;
	}
	if (account.imap !== undefined) checks.push(await deps.probeImap(account, login, ctx, hooks));
	if (account.smtp !== undefined) {
		checks.push(
			options.sendTestMailTo
				? await deps.sendTestMail(account, options.sendTestMailTo, login, ctx, hooks)
				: await deps.probeSmtp(account, login, ctx, hooks),
		);
	}
	return { id, checks: checks.map((c) => containCheck(c, redactor, lang)) };
}

function configCheck(protocol: Protocol, lang: Lang, message: Localized): ProbeCheck {
	return { protocol, ok: false, error: { code: 'CONFIG', message: message[lang] }, stages: [], transcript: [] };
}

/** A refusal of the trust policy as a CONFIG check of the protocol it concerns. */
function refusalCheck(violation: TrustViolation, message: string, fallback: Protocol): ProbeCheck {
	const protocol: Protocol =
		violation.kind === 'cleartext' ? violation.protocol : violation.kind === 'authority' ? 'oauth2' : fallback;
	const check: ProbeCheck = { protocol, ok: false, error: { code: 'CONFIG', message }, stages: [], transcript: [] };
	if (violation.kind === 'env' || violation.kind === 'keyFile') check.failedStage = 'auth';
	if (violation.kind === 'authority') check.failedStage = 'authority';
	return check;
}

/**
 * The config property a failed check concerns, as a JSON path from the file root (`['accounts', 0, 'imap', 'port']`),
 * so a front end can put the diagnostic on that line. Falls back to the nearest ancestor that exists in `account`.
 */
export function configPathForCheck(check: ProbeCheck, accountIndex: number, account?: unknown): (string | number)[] {
	const relative = relativePath(check, account);
	if (isRecord(account)) {
		while (relative.length && !hasPath(account, relative)) relative.pop();
	}
	return ['accounts', accountIndex, ...relative];
}

const AUTHORITY_REACH_CODES: ReadonlySet<string> = new Set([
	'DNS_NOT_FOUND',
	'CONNECTION_REFUSED',
	'CONNECTION_CLOSED',
	'TIMEOUT',
	'TLS_CERT_INVALID',
	'TLS_NEGOTIATION',
]);

function relativePath(check: ProbeCheck, account: unknown): string[] {
	const auth = isRecord(account) && isRecord(account.auth) ? account.auth : {};
	const code = check.error?.code;
	if (check.protocol === 'oauth2') {
		if (code === 'CONFIG' && check.failedStage === 'auth') return secretField(auth);
		if (check.failedStage === 'claims') return ['auth', 'oauth2', 'scopes'];
		if (check.failedStage === 'authority') {
			// Reaching the sign-in service (its name, its certificate) is about the authority URL; an unknown tenant is not.
			const reach = code !== undefined && AUTHORITY_REACH_CODES.has(code);
			return reach && isRecord(auth.oauth2) && auth.oauth2.authority !== undefined
				? ['auth', 'oauth2', 'authority']
				: ['auth', 'oauth2', 'tenant'];
		}
		return ['auth', 'oauth2', 'clientId'];
	}
	const section = check.protocol;
	switch (check.failedStage) {
		case 'dns':
			return [section, 'host'];
		case 'tcp':
			return [section, 'port'];
		case 'tls':
		case 'greeting':
		case 'starttls':
			if (code === 'TLS_MODE_MISMATCH' || code === 'STARTTLS_UNAVAILABLE') return [section, 'security'];
			if (code === 'TLS_CERT_INVALID') return [section, 'host'];
			if (code === 'TIMEOUT') return [section, 'port'];
			return [section, 'host'];
		case 'auth':
			if (code === 'CONFIG') return secretField(auth);
			if (code === 'AUTH_MECHANISM_UNSUPPORTED') return ['auth', 'method'];
			return auth.password !== undefined ? ['auth', 'password'] : ['auth', 'user'];
		case 'folder':
			return ['imap', 'folder'];
		case 'send':
			return ['smtp', 'from'];
		case undefined:
			return code === 'CONFIG' ? [section] : [];
		default:
			return [section, 'host'];
	}
}

function secretField(auth: Record<string, unknown>): string[] {
	if (auth.password !== undefined) return ['auth', 'password'];
	if (isRecord(auth.oauth2) && auth.oauth2.clientSecret !== undefined) return ['auth', 'oauth2', 'clientSecret'];
	if (isRecord(auth.oauth2) && auth.oauth2.certificate !== undefined) return ['auth', 'oauth2', 'certificate'];
	return ['auth'];
}

function hasPath(value: unknown, path: string[]): boolean {
	let node: unknown = value;
	for (const key of path) {
		if (!isRecord(node) || !(key in node)) return false;
		node = node[key];
	}
	return true;
}
