import { spawn } from 'node:child_process';
import { readFile, realpath } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { systemClock } from '../../core/clock';
import { type DocumentFormat, formatOfFile, parseDocument } from '../../core/sources/analyze';
import type { Account } from '../../core/config/model';
import { explainCheck } from '../../core/explain/match';
import { type Lang, type Localized, tr } from '../../core/i18n';
import { DEFAULT_TIMEOUTS, type ProbeContext } from '../../core/probes/context';
import { accountId, renderReportText, testAccounts, unknownAccountIds } from '../../core/probes/index';
import { RECIPIENT_RULE, isPlainRecipient } from '../../core/probes/recipient';
import type { AccountReport, ProbeCheck } from '../../core/probes/result';
import { cliSecretResolver, parseDotenv, resolveCredentials } from '../../core/secrets';
import { type ParsedArgs, chooseLang, dnsServerFlag, flag, parseCommandArgs } from '../args';
import { type CliIo, ExitCode, type SignInTerminal, UsageError } from '../io';
import { siblingReader } from './siblings';
import { TEST } from './specs';
import type { KeyFileSystem } from '../../core/trust/key-file';
import type { TrustPolicy } from '../../core/trust/policy';
import { preflight } from '../../core/trust/preflight';
import { violationMessage } from '../../core/trust/texts';

const TEXTS = {
	noFile: { en: 'give one config file to test', de: 'eine Konfigurationsdatei zum Testen angeben' },
	oneFile: { en: 'test takes exactly one config file', de: 'test nimmt genau eine Konfigurationsdatei' },
	unreadable: { en: 'cannot read {path}: {reason}', de: '{path} kann nicht gelesen werden: {reason}' },
	notJson: {
		en: '{path} is not valid JSON ({code} at offset {offset}); run "mailcfg check {path}" for details',
		de: '{path} ist kein gültiges JSON ({code} bei Offset {offset}); Details mit "mailcfg check {path}"',
	},
	noAccounts: { en: '{path} has no "accounts" array', de: '{path} hat kein Array "accounts"' },
	noMailSettings: { en: '{path} holds no mail settings', de: '{path} enthält keine Mail-Einstellungen' },
	unknownAccount: {
		en: 'unknown account id(s): {ids} (the file has: {known})',
		de: 'unbekannte Konto-ID(s): {ids} (die Datei hat: {known})',
	},
	badNumber: {
		en: '--{name} expects a whole number of at least {min} (got "{value}")',
		de: '--{name} erwartet eine ganze Zahl ab {min} ("{value}")',
	},
	badAddress: {
		en: '--send-test-mail expects {rule} (got {value})',
		de: '--send-test-mail erwartet {rule} (angegeben: {value})',
	},
	noSmtp: {
		en: '--send-test-mail needs at least one selected account with "smtp"',
		de: '--send-test-mail braucht mindestens ein ausgewähltes Konto mit "smtp"',
	},
	deviceCode: {
		en: 'Sign in as {user}: open {url} and enter the code {code}',
		de: 'Als {user} anmelden: {url} öffnen und den Code {code} eingeben',
	},
	browserUrl: {
		en: 'Sign in by opening this address in a browser: {url}',
		de: 'Zum Anmelden diese Adresse im Browser öffnen: {url}',
	},
	browserFailed: {
		en: 'The browser could not be started ({reason}); open the address yourself.',
		de: 'Der Browser ließ sich nicht starten ({reason}); die Adresse bitte selbst öffnen.',
	},
	badOrigin: {
		en: '--allow-authority expects an https origin such as https://login.example.com (got "{value}")',
		de: '--allow-authority erwartet einen https-Ursprung wie https://login.example.com ("{value}")',
	},
	badEnvPattern: {
		en: '--allow-env expects a variable name or a prefix ending in * (got "{value}")',
		de: '--allow-env erwartet einen Variablennamen oder ein Präfix mit * am Ende ("{value}")',
	},
	unattended: {
		en: 'This sign-in needs a person, but stdin is not a terminal (as in CI), so nobody could answer it. Run the test in a terminal, sign in from the editor, or use client credentials for unattended checks.',
		de: 'Diese Anmeldung braucht eine Person, aber stdin ist kein Terminal (wie in CI), also könnte niemand sie beantworten. Den Test in einem Terminal ausführen, im Editor anmelden oder für unbeaufsichtigte Prüfungen Clientanmeldeinformationen verwenden.',
	},
} satisfies Record<string, Localized>;

function processTerminal(): SignInTerminal {
	return { interactive: process.stdin.isTTY === true, openUrl: openInBrowser };
}

/** Starts the platform's URL opener without a shell, so nothing in the address is interpreted. */
function openInBrowser(url: string): Promise<void> {
	if (!/^https:\/\//i.test(url)) return Promise.reject(new Error('not an https address'));
	const [command, args] =
		process.platform === 'darwin'
			? ['open', [url]]
			: process.platform === 'win32'
				? ['rundll32', ['url.dll,FileProtocolHandler', url]]
				: ['xdg-open', [url]];
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { stdio: 'ignore', detached: true });
		child.once('error', reject);
		child.once('spawn', () => {
			child.unref();
			resolve();
		});
	});
}

/**
 * The OAuth2 hooks of the CLI: prompts go to stderr (stdout keeps the report); the browser opens only on request.
 * Without a terminal, flows that need a person fail at once instead of waiting for nobody.
 */
function signInHooks(
	io: CliIo,
	terminal: SignInTerminal,
	lang: Lang,
	launchBrowser: boolean,
): NonNullable<ProbeContext['oauth2']> {
	if (!terminal.interactive) return { unattended: TEXTS.unattended };
	return {
		onDeviceCode: (prompt) => {
			io.stderr(
				`${tr(TEXTS.deviceCode, lang, { user: prompt.user, url: prompt.verificationUri, code: prompt.userCode })}\n`,
			);
		},
		openBrowser: async (url) => {
			io.stderr(`${tr(TEXTS.browserUrl, lang, { url })}\n`);
			if (!launchBrowser) return;
			try {
				await terminal.openUrl(url);
			} catch (error) {
				io.stderr(`${tr(TEXTS.browserFailed, lang, { reason: reason(error) })}\n`);
			}
		},
	};
}

function reason(error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	return code ?? (error instanceof Error ? error.message : String(error));
}

function wholeNumber(value: string | undefined, name: string, min: number, lang: Lang): number | undefined {
	if (value === undefined) return undefined;
	const number = Number(value);
	if (!/^\d+$/.test(value) || number < min) throw new UsageError(tr(TEXTS.badNumber, lang, { name, min, value }));
	return number;
}

async function readInput(path: string, lang: Lang): Promise<string> {
	try {
		return await readFile(path, 'utf8');
	} catch (error) {
		throw new UsageError(tr(TEXTS.unreadable, lang, { path, reason: reason(error) }));
	}
}

const NODE_FS: KeyFileSystem = { realpath: (path) => realpath(path), readFile: (path) => readFile(path, 'utf8') };

/**
 * The user's allowances from the command line. Nothing in the config file can add to them: they are the only way
 * to read other environment variables, send credentials in cleartext, talk to another authority or use a key file
 * outside the config's folder.
 */
function trustPolicy(parsed: ParsedArgs, cwd: string, lang: Lang): TrustPolicy {
	const allowEnv = parsed.flags.get('allow-env') ?? [];
	for (const value of allowEnv) {
		if (!/^[A-Za-z_][A-Za-z0-9_.-]*\*?$/.test(value)) throw new UsageError(tr(TEXTS.badEnvPattern, lang, { value }));
	}
	const allowAuthorities = (parsed.flags.get('allow-authority') ?? []).map((value) => {
		const origin = httpsOriginOf(value);
		if (!origin) throw new UsageError(tr(TEXTS.badOrigin, lang, { value }));
		return origin;
	});
	return {
		allowEnv,
		allowCleartext: parsed.flags.has('allow-cleartext'),
		allowAuthorities,
		allowKeyFiles: (parsed.flags.get('allow-key-file') ?? []).map((file) => resolve(cwd, file)),
		keyFileRoots: [],
	};
}

/** An origin alone (`https://host[:port]`, no path or query): an allowance for a whole site is given on purpose. */
function httpsOriginOf(value: string): string | undefined {
	try {
		const url = new URL(value);
		const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
		return url.protocol === 'https:' && bare ? url.origin : undefined;
	} catch {
		return undefined;
	}
}

/**
 * `mailcfg test <file> [--account ID]... [--format text|json] [--timeout MS] [--concurrency N] [--secrets FILE]
 * [--send-test-mail TO] [--ca FILE]... [--lang en|de] [--transcript] [--open-browser]
 * [--allow-env NAME]... [--allow-cleartext] [--allow-authority ORIGIN]... [--allow-key-file PATH]...`.
 * Exit 0: every check passed; 1: a check failed; 2: bad usage, an unreadable or invalid file, unknown account ids,
 * a config that sends secrets where the allow options do not permit (nothing connects then), or an account whose
 * test could not run for lack of configuration (a missing secret, a sign-in without a terminal).
 * `--timeout` bounds every stage, the wait for an interactive sign-in included (default 5 minutes for that one).
 */
export async function runTest(args: string[], io: CliIo): Promise<number> {
	const terminal = io.terminal ?? processTerminal();
	const parsed = parseCommandArgs(TEST, args);
	const lang = chooseLang(flag(parsed, 'lang'), io.env);
	const format = flag(parsed, 'format') ?? 'text';
	const timeout = wholeNumber(flag(parsed, 'timeout'), 'timeout', 1, lang);
	const concurrency = wholeNumber(flag(parsed, 'concurrency'), 'concurrency', 1, lang);
	const sendTo = flag(parsed, 'send-test-mail');
	if (sendTo !== undefined && !isPlainRecipient(sendTo)) {
		// JSON quoting shows a line break or tab in the value instead of printing it.
		const rule = tr(RECIPIENT_RULE, lang);
		throw new UsageError(tr(TEXTS.badAddress, lang, { rule, value: JSON.stringify(sendTo) }));
	}
	if (parsed.positionals.length === 0) throw new UsageError(tr(TEXTS.noFile, lang));
	if (parsed.positionals.length > 1) throw new UsageError(tr(TEXTS.oneFile, lang));
	const path = resolve(io.cwd, parsed.positionals[0] as string);

	const formatIn = formatOfFile(path, flag(parsed, 'format-in') as DocumentFormat | undefined);
	// Another tool's file is read as its mapped accounts; a password written there is the value itself.
	const config = parseDocument(await readInput(path, lang), formatIn, { fileName: path, sibling: siblingReader(path) });
	const syntax = config.syntaxErrors[0];
	if (syntax) {
		throw new UsageError(tr(TEXTS.notJson, lang, { path, code: syntax.code, offset: syntax.offset }));
	}
	const file = config.value as { accounts?: unknown } | undefined;
	if (!file || typeof file !== 'object' || !Array.isArray(file.accounts)) {
		throw new UsageError(tr(TEXTS.noAccounts, lang, { path }));
	}
	if (formatIn !== 'json' && file.accounts.length === 0) {
		throw new UsageError(tr(TEXTS.noMailSettings, lang, { path }));
	}
	const ids = parsed.flags.get('account');
	if (ids) {
		const unknown = unknownAccountIds(file, ids);
		if (unknown.length) {
			const known = (file.accounts as unknown[]).map(accountId).join(', ');
			throw new UsageError(tr(TEXTS.unknownAccount, lang, { ids: unknown.join(', '), known: known || '-' }));
		}
	}
	if (
		sendTo !== undefined &&
		!selectedAccounts(file, ids).some((a) => typeof a === 'object' && a !== null && 'smtp' in a)
	) {
		throw new UsageError(tr(TEXTS.noSmtp, lang));
	}
	const policy = trustPolicy(parsed, io.cwd, lang);
	const configDir = dirname(path);
	const keyFiles = { configDir, fs: NODE_FS };
	const refused = await preflight(selectedAccounts(file, ids), policy, keyFiles);
	if (refused.length) {
		const messages = new Set(refused.map((v) => violationMessage(v, lang, 'cli')));
		throw new UsageError([...messages].join('\n'));
	}
	const secretsFile = flag(parsed, 'secrets');
	const dotenv = secretsFile ? parseDotenv(await readInput(resolve(io.cwd, secretsFile), lang)) : undefined;
	const extraCa = await Promise.all((parsed.flags.get('ca') ?? []).map((ca) => readInput(resolve(io.cwd, ca), lang)));
	const dnsFlag = flag(parsed, 'dns');
	const dnsServers = dnsFlag === undefined ? undefined : [dnsServerFlag(dnsFlag, lang)];

	const controller = new AbortController();
	const onInterrupt = () => controller.abort();
	process.once('SIGINT', onInterrupt);
	const ctx: ProbeContext = {
		lang,
		clock: systemClock,
		timeouts: timeout
			? { connectMs: timeout, greetingMs: timeout, stageMs: timeout, signInMs: timeout }
			: DEFAULT_TIMEOUTS,
		signal: controller.signal,
		...(extraCa.length ? { extraCa } : {}),
		...(dnsServers ? { dnsServers } : {}),
		oauth2: signInHooks(io, terminal, lang, parsed.flags.has('open-browser')),
		trust: { policy, frontEnd: 'cli' },
	};
	const resolver = cliSecretResolver(io.env, dotenv);
	let reports: AccountReport[];
	try {
		reports = await testAccounts(file, {
			ctx,
			...(ids ? { accounts: ids } : {}),
			...(concurrency ? { concurrency } : {}),
			...(sendTo ? { sendTestMailTo: sendTo } : {}),
			resolveSecrets: (account) => resolveCredentials(account, resolver, lang, { policy, frontEnd: 'cli', keyFiles }),
		});
	} finally {
		process.removeListener('SIGINT', onInterrupt);
	}

	const accountsById = new Map((file.accounts as unknown[]).map((a, index) => [accountId(a, index), a as Account]));
	const explain = (accountId: string, check: ProbeCheck) => {
		const account = accountsById.get(accountId);
		const [best] = explainCheck(check, {
			lang,
			...(account?.provider ? { provider: account.provider } : {}),
			...(account?.auth?.method ? { auth: account.auth.method } : {}),
		});
		return best;
	};
	if (format === 'json') {
		const accounts = reports.map((report) => ({
			id: report.id,
			checks: report.checks.map((check) => {
				const explanation = check.ok ? undefined : explain(report.id, check);
				return explanation
					? {
							...check,
							explanation: {
								id: explanation.id,
								title: explanation.title,
								cause: explanation.cause,
								fix: explanation.fix,
								...(explanation.walkthrough ? { walkthrough: explanation.walkthrough } : {}),
							},
						}
					: check;
			}),
		}));
		io.stdout(`${JSON.stringify({ accounts }, null, 2)}\n`);
	} else {
		io.stdout(renderReportText(reports, lang, { explain, transcript: parsed.flags.has('transcript') }));
	}
	const checks = reports.flatMap((r) => r.checks);
	if (checks.some((c) => c.error?.code === 'CONFIG')) return ExitCode.usage;
	return checks.every((c) => c.ok) ? ExitCode.ok : ExitCode.findings;
}

function selectedAccounts(file: { accounts?: unknown }, ids: string[] | undefined): unknown[] {
	const all = Array.isArray(file.accounts) ? (file.accounts as unknown[]) : [];
	return ids ? all.filter((a, index) => ids.includes(accountId(a, index))) : all;
}
