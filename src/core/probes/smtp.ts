/**
 * The SMTP probe: dns → tcp → tls | greeting → ehlo → starttls → ehlo → auth (→ send, only in sendTestMail).
 *
 * One connection: the probe reads the greeting (and, for STARTTLS, runs the first EHLO and the upgrade) itself, then
 * hands the socket to nodemailer's SMTPConnection (`options.connection`, `secured` once TLS is up) with the greeting
 * put back in front, so nodemailer's own EHLO is the last ehlo stage and its login() the auth stage. login() is
 * called directly rather than transport.verify(), which reports success without logging in when the server
 * announces no AUTH (the `forceAuth` problem); when the last EHLO announces no AUTH at all, the auth stage fails
 * without sending credentials.
 */
import { hostname } from 'node:os';
import { format } from 'node:util';
import SMTPConnection, { type SMTPConnectionAuth, type SMTPConnectionOptions } from 'nodemailer/lib/smtp-connection';
import XOAuth2 from 'nodemailer/lib/xoauth2';
import type { Account, SecurityMode } from '../config/model';
import { HINTS, ProbeFailure } from './classify';
import type { ProbeContext } from './context';
import {
	GOODBYE_MS,
	type MailLogin,
	type MailProbe,
	type MailTarget,
	type ProbeHooks,
	type TranscriptFeed,
	goodbye,
	libraryFeed,
	loginMethod,
	openSession,
	runMailCheck,
	upgradeChannel,
} from './mail-session';
import type { ProbeCheck, StageName } from './result';
import type { ProbeRun, StageOutcome } from './stage-runner';
import { configError, stageTimeout } from './target';
import { LINE_LIMITS } from './limits';
import { type LineChannel, ReplyBudget, type SmtpReply, readSmtpReply } from './wire';

const PASSWORD_MECHANISMS = ['PLAIN', 'LOGIN', 'CRAM-MD5'];

export const probeSmtp: MailProbe = (account, login, ctx, hooks = {}) => runSmtp(account, login, ctx, hooks, undefined);

/**
 * The one place that sends mail: all probe stages, then a short plain-text message from the account's sender to
 * `to` (the front ends ask the user for the address and confirm it). The result is the SMTP check with a `send` stage.
 */
export function sendTestMail(
	account: Account,
	to: string,
	login: MailLogin,
	ctx: ProbeContext,
	hooks: ProbeHooks = {},
): Promise<ProbeCheck> {
	return runSmtp(account, login, ctx, hooks, to);
}

function smtpStages(security: SecurityMode, sending: boolean): StageName[] {
	return [
		'dns',
		'tcp',
		...(security === 'tls' ? (['tls'] as const) : []),
		'greeting',
		'ehlo',
		...(security === 'starttls' ? (['starttls', 'ehlo'] as const) : []),
		'auth',
		...(sending ? (['send'] as const) : []),
	];
}

function runSmtp(
	account: Account,
	login: MailLogin,
	ctx: ProbeContext,
	hooks: ProbeHooks,
	mailTo: string | undefined,
): Promise<ProbeCheck> {
	const plan = (security: SecurityMode) => smtpStages(security, mailTo !== undefined);
	return runMailCheck('smtp', account, login, ctx, hooks, plan, async (run, target) => {
		const { endpoint, user, timeouts } = target;
		const opened = await openSession(run, 'smtp', target, readGreeting);
		let channel = opened.channel;
		const name = clientName();
		if (endpoint.security === 'starttls') {
			const plain = channel;
			const before = await run.stage('ehlo', stageTimeout('ehlo', timeouts), () => ehlo(plain, name));
			channel = await run.stage('starttls', stageTimeout('starttls', timeouts), async () => {
				if (!before.some((e) => e.toUpperCase() === 'STARTTLS')) {
					throw new ProbeFailure('STARTTLS_UNAVAILABLE', { facts: { extensionsBeforeTls: before } });
				}
				plain.write('STARTTLS');
				const reply = await readSmtpReply(plain);
				if (reply.code !== 220) throw new ProbeFailure('STARTTLS_UNAVAILABLE', { serverResponse: reply.raw });
				return upgradeChannel(run, plain, endpoint, { extensionsBeforeTls: before });
			});
		}
		const secured = channel;
		const session = await run.stage('ehlo', stageTimeout('ehlo', timeouts), () =>
			libraryEhlo(run, secured, opened.greeting, target, name),
		);
		await run.stage('auth', stageTimeout('auth', timeouts), () => smtpLogin(account, target, login, session));
		if (mailTo !== undefined) {
			await run.stage('send', stageTimeout('send', timeouts), () => send(session.connection, account, user, mailTo));
		}
		await goodbye(run, quit(session.connection));
	});
}

/** The EHLO name: the machine's host name, as nodemailer sends it, without characters that break the line. */
function clientName(): string {
	const name = hostname().replace(/[^A-Za-z0-9.-]/g, '');
	return name.includes('.') ? name : `${name || 'localhost'}.localdomain`;
}

/** Reads the rest of a multi-line greeting; 220 welcomes, 421/554 refuse the session (throttling or policy). */
async function readGreeting(channel: LineChannel, first: string): Promise<StageOutcome<string[]>> {
	const lines = [first];
	// the same caps as every other reply: lines and octets of the whole greeting
	const budget = new ReplyBudget(channel.limits);
	budget.count(first, lines);
	while (/^\d{3}-/.test(lines.at(-1) as string)) {
		const line = await channel.readLine();
		lines.push(line);
		budget.count(line, lines);
	}
	const raw = lines.join('\n');
	const code = Number(/^(\d{3})/.exec(first)?.[1] ?? 0);
	if (code === 220) return { value: lines, detail: raw };
	if (code === 421 || code === 554) throw refusal(raw, { text: HINTS.greetingRefused });
	throw new ProbeFailure('PROTOCOL', { serverResponse: raw });
}

/** A 421/554 that ends the session: throttling when the words say so, else a closed session; the reply is kept. */
function refusal(raw: string, hint?: ProbeFailure['hint']): ProbeFailure {
	const throttled = /too many|limit|throttl|try again later/i.test(raw);
	return new ProbeFailure(throttled ? 'THROTTLED' : 'CONNECTION_CLOSED', { serverResponse: raw, hint });
}

/** The EHLO before STARTTLS, on the probe's own reader. */
async function ehlo(channel: LineChannel, name: string): Promise<StageOutcome<string[]>> {
	channel.write(`EHLO ${name}`);
	const reply: SmtpReply = await readSmtpReply(channel);
	if (reply.code === 421) throw refusal(reply.raw);
	// a refused EHLO leaves no way to ask for STARTTLS
	if (reply.code !== 250) throw new ProbeFailure('STARTTLS_UNAVAILABLE', { serverResponse: reply.raw });
	const extensions = extensionsOf(reply.lines);
	return ehloOutcome(extensions, extensions);
}

function extensionsOf(replyLines: string[]): string[] {
	return replyLines.slice(1).map((line) => line.slice(4).trim());
}

function ehloOutcome<T>(value: T, extensions: string[]): StageOutcome<T> {
	return {
		value,
		detail: extensions.join(' · ') || '(no extensions)',
		facts: { extensions, authMechanisms: authMechanisms(extensions) },
	};
}

function authMechanisms(extensions: string[]): string[] {
	const line = extensions.find((e) => /^AUTH[ =]/i.test(e));
	return line ? line.slice(5).trim().toUpperCase().split(/\s+/).filter(Boolean) : [];
}

/** The SMTPConnection on the probe's socket, after its EHLO, and the extensions that EHLO announced. */
interface LibrarySession {
	connection: SMTPConnection;
	extensions: string[];
}

/**
 * The last ehlo stage, run by nodemailer on the probe's socket: the greeting the probe already read goes back in
 * front of the stream, nodemailer reads it, sends EHLO (falling back to HELO as it does in production) and is then
 * ready to log in. Its timers are set to the stage's; the stage's own hard timer bounds it anyway.
 */
async function libraryEhlo(
	run: ProbeRun,
	channel: LineChannel,
	greeting: string[],
	target: MailTarget,
	name: string,
): Promise<StageOutcome<LibrarySession>> {
	const { endpoint, timeouts } = target;
	const replies: string[] = [];
	const secured = endpoint.security !== 'none';
	const options: SMTPConnectionOptions = {
		host: endpoint.host,
		port: endpoint.port,
		secure: secured,
		secured,
		ignoreTLS: !secured,
		name,
		connection: channel.handOver(`${greeting.join('\r\n')}\r\n`),
		connectionTimeout: timeouts.stageMs,
		greetingTimeout: timeouts.stageMs,
		socketTimeout: timeouts.stageMs,
		socketCloseTimeout: GOODBYE_MS,
		maxResponseSize: LINE_LIMITS.smtp.maxReplyOctets,
		transactionLog: true,
		logger: transcriptLogger(libraryFeed(run, greeting.length, (line) => replies.push(line))),
	};
	const connection = new SMTPConnection(options);
	connection.on('error', () => undefined);
	run.own({ destroy: () => connection.close() });
	await step(connection, (done) => connection.connect(done));
	const extensions = extensionsOf(lastReply(replies));
	return ehloOutcome({ connection, extensions }, extensions);
}

/** The last complete reply among the server lines (the EHLO answer, or HELO's after a refused EHLO). */
function lastReply(lines: string[]): string[] {
	let start = lines.length - 1;
	while (start > 0 && /^\d{3}-/.test(lines[start - 1] as string)) start--;
	return start < 0 ? [] : lines.slice(start);
}

async function smtpLogin(
	account: Account,
	target: MailTarget,
	login: MailLogin,
	session: LibrarySession,
): Promise<StageOutcome<void>> {
	const { endpoint, user } = target;
	const { method, oauth } = loginMethod(account, login);
	const offered = authMechanisms(session.extensions);
	if (!offered.length) {
		const afterTls = endpoint.security === 'none' ? '' : ' (TLS)';
		throw new ProbeFailure('AUTH_MECHANISM_UNSUPPORTED', {
			hint: { text: HINTS.noAuthAdvertised, args: { afterTls } },
		});
	}
	const needed = oauth ? ['XOAUTH2'] : PASSWORD_MECHANISMS;
	const mechanism = needed.find((m) => offered.includes(m));
	if (!mechanism) {
		throw new ProbeFailure('AUTH_MECHANISM_UNSUPPORTED', {
			hint: { text: HINTS.mechanisms, args: { offered: offered.join(', '), method, needed: needed.join(' | ') } },
		});
	}
	const auth: SMTPConnectionAuth = oauth
		? {
				type: 'OAuth2',
				user,
				method: 'XOAUTH2',
				// The token comes from the oauth2 check; on a rejected token nodemailer asks again once, and gets the same
				// one back rather than nodemailer fetching one from its default (Google) endpoint.
				oauth2: new XOAuth2({
					user,
					provisionCallback: (_user, _renew, callback) => callback(null, login.accessToken),
				}),
			}
		: { user, pass: login.password, method: mechanism };
	const { connection } = session;
	await step(connection, (done) => connection.login(auth, (error) => done(error)));
	return { value: undefined, detail: `${user} · AUTH ${mechanism}`, facts: { user, mechanism } };
}

/** QUIT, settled when nodemailer closes the session on the server's 221 (or the connection ends). */
function quit(connection: SMTPConnection): Promise<void> {
	return new Promise((resolve) => {
		connection.once('end', resolve);
		connection.quit();
	});
}

async function send(
	connection: SMTPConnection,
	account: Account,
	user: string,
	to: string,
): Promise<StageOutcome<void>> {
	if (/[\s<>\r\n]/.test(to) || !to.includes('@')) throw configError('--send-test-mail', 'e-mail address');
	const from =
		typeof account.smtp?.from === 'string' && account.smtp.from.includes('@')
			? account.smtp.from
			: account.email || user;
	const message = [
		`From: ${from}`,
		`To: ${to}`,
		`Subject: mailcfg test mail (${account.id})`,
		`Date: ${new Date().toUTCString()}`,
		`Message-ID: <${Date.now().toString(36)}.${Math.random().toString(36).slice(2)}@mailcfg.invalid>`,
		'MIME-Version: 1.0',
		'Content-Type: text/plain; charset=utf-8',
		'',
		`This is a test mail sent by mailcfg for the account "${account.id}".`,
		`Dies ist eine Testmail von mailcfg für das Konto "${account.id}".`,
		'',
	].join('\r\n');
	const info = await step<{ response: string }>(connection, (done) =>
		connection.send({ from, to: [to] }, message, (error, result) => done(error, result)),
	);
	return {
		value: undefined,
		detail: `${from} → ${to} · ${info.response}`,
		facts: { from, to, response: info.response },
	};
}

/**
 * One SMTPConnection call as a promise. A dropped connection surfaces only as an `error`/`end` event (the call's
 * own callback never runs), so those settle it too.
 */
function step<T = void>(
	connection: SMTPConnection,
	call: (done: (error?: Error | null, value?: T) => void) => void,
): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		const onError = (error: Error) => finish(error);
		const onEnd = () => finish(Object.assign(new Error('connection closed'), { code: 'ECONNECTION' }));
		const finish = (error?: Error | null, value?: T) => {
			connection.removeListener('error', onError);
			connection.removeListener('end', onEnd);
			if (error) reject(error);
			else resolve(value as T);
		};
		connection.once('error', onError);
		connection.once('end', onEnd);
		call(finish);
	});
}

/** nodemailer's bunyan-style logger: with transactionLog, commands and replies arrive tagged `tnx`. */
function transcriptLogger(feed: TranscriptFeed): NonNullable<SMTPConnectionOptions['logger']> {
	const entry = (data: unknown, message?: unknown, ...args: unknown[]) => {
		const tnx = typeof data === 'object' && data !== null ? (data as { tnx?: unknown }).tnx : undefined;
		if (tnx !== 'client' && tnx !== 'server') return;
		const text = typeof message === 'string' ? format(message, ...args) : '';
		for (const line of text.split(/\r?\n/)) {
			if (tnx === 'client') feed.client(line);
			else feed.server(line);
		}
	};
	return { trace: entry, debug: entry, info: entry, warn: entry, error: entry, fatal: entry };
}
