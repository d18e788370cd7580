/**
 * The SMTP probe: dns → tcp → tls | greeting → ehlo → starttls → ehlo → auth (→ send, only in sendTestMail).
 *
 * As for IMAP, the stages before login run on the probe's own connection (ending with QUIT), then nodemailer's
 * SMTPConnection logs in on a second connection. login() is called directly rather than transport.verify(), which
 * reports success without logging in when the server announces no AUTH (the `forceAuth` problem); when the EHLO
 * after TLS announces no AUTH at all, the auth stage fails without sending credentials.
 */
import { hostname } from 'node:os';
import { format } from 'node:util';
import SMTPConnection, { type SMTPConnectionAuth, type SMTPConnectionOptions } from 'nodemailer/lib/smtp-connection';
import XOAuth2 from 'nodemailer/lib/xoauth2';
import type { Account } from '../config/model';
import { HINTS, ProbeFailure } from './classify';
import type { ProbeContext } from './context';
import {
	type MailLogin,
	type MailProbe,
	type ProbeHooks,
	handOver,
	libraryTls,
	loginMethod,
	openSession,
	runMailCheck,
	upgradeChannel,
} from './mail-session';
import type { ProbeCheck } from './result';
import type { ProbeRun, StageOutcome } from './stage-runner';
import { MAX_TIMER_MS, configError, effectiveTimeouts } from './target';
import { type Endpoint, type LineChannel, type SmtpReply, readSmtpReply } from './wire';

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

function runSmtp(
	account: Account,
	login: MailLogin,
	ctx: ProbeContext,
	hooks: ProbeHooks,
	mailTo: string | undefined,
): Promise<ProbeCheck> {
	return runMailCheck('smtp', account, login, ctx, hooks, async (run, target) => {
		const { endpoint, user, timeouts } = target;
		let { channel } = await openSession(run, 'smtp', target, readGreeting);
		const name = clientName();
		const plain = channel;
		let extensions = await run.stage('ehlo', timeouts.stageMs, () => ehlo(plain, name));
		if (endpoint.security === 'starttls') {
			const before = extensions;
			channel = await run.stage('starttls', timeouts.stageMs, async () => {
				if (!before.some((e) => e.toUpperCase() === 'STARTTLS')) {
					throw new ProbeFailure('STARTTLS_UNAVAILABLE', { facts: { extensionsBeforeTls: before } });
				}
				plain.write('STARTTLS');
				const reply = await readSmtpReply(plain);
				if (reply.code !== 220) throw new ProbeFailure('STARTTLS_UNAVAILABLE', { serverResponse: reply.raw });
				return upgradeChannel(run, plain, endpoint, { extensionsBeforeTls: before });
			});
			const secured = channel;
			extensions = await run.stage('ehlo', timeouts.stageMs, () => ehlo(secured, name));
		}
		await handOver(run, channel, 'QUIT', 'nodemailer');

		const budget = timeouts.connectMs * 2 + timeouts.greetingMs + timeouts.stageMs * 3;
		const connection = await run.stage('auth', budget, () =>
			smtpLogin(run, account, endpoint, user, login, extensions, name),
		);
		if (mailTo !== undefined) {
			await run.stage('send', timeouts.stageMs * 2, () => send(connection, account, user, mailTo));
		}
		connection.quit();
	});
}

/** The EHLO name: the machine's host name, as nodemailer sends it, without characters that break the line. */
function clientName(): string {
	const name = hostname().replace(/[^A-Za-z0-9.-]/g, '');
	return name.includes('.') ? name : `${name || 'localhost'}.localdomain`;
}

/** Reads the rest of a multi-line greeting; 220 welcomes, 421/554 refuse the session (throttling or policy). */
async function readGreeting(channel: LineChannel, first: string): Promise<StageOutcome<void>> {
	const lines = [first];
	while (/^\d{3}-/.test(lines.at(-1) as string)) lines.push(await channel.readLine());
	const raw = lines.join('\n');
	const code = Number(/^(\d{3})/.exec(first)?.[1] ?? 0);
	if (code === 220) return { value: undefined, detail: raw };
	if (code === 421 || code === 554) {
		const throttled = /too many|limit|throttl|try again later/i.test(raw);
		throw new ProbeFailure(throttled ? 'THROTTLED' : 'CONNECTION_CLOSED', {
			serverResponse: raw,
			hint: { text: HINTS.greetingRefused },
		});
	}
	throw new ProbeFailure('PROTOCOL', { serverResponse: raw });
}

async function ehlo(channel: LineChannel, name: string): Promise<StageOutcome<string[]>> {
	channel.write(`EHLO ${name}`);
	const reply: SmtpReply = await readSmtpReply(channel);
	if (reply.code !== 250) throw new ProbeFailure('PROTOCOL', { serverResponse: reply.raw });
	const extensions = reply.lines.slice(1).map((line) => line.slice(4).trim());
	const auth = authMechanisms(extensions);
	return {
		value: extensions,
		detail: extensions.join(' · ') || '(no extensions)',
		facts: { extensions, authMechanisms: auth },
	};
}

function authMechanisms(extensions: string[]): string[] {
	const line = extensions.find((e) => /^AUTH[ =]/i.test(e));
	return line ? line.slice(5).trim().toUpperCase().split(/\s+/).filter(Boolean) : [];
}

async function smtpLogin(
	run: ProbeRun,
	account: Account,
	endpoint: Endpoint,
	user: string,
	login: MailLogin,
	extensions: string[],
	name: string,
): Promise<StageOutcome<SMTPConnection>> {
	const { method, oauth } = loginMethod(account, login);
	const offered = authMechanisms(extensions);
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
	const timeouts = effectiveTimeouts(account, run.ctx);
	const options: SMTPConnectionOptions = {
		host: endpoint.host,
		port: endpoint.port,
		secure: endpoint.security === 'tls',
		requireTLS: endpoint.security === 'starttls',
		ignoreTLS: endpoint.security === 'none',
		name,
		...libraryTls(endpoint, run.ctx.extraCa),
		connectionTimeout: Math.min(timeouts.connectMs + timeouts.greetingMs, MAX_TIMER_MS),
		greetingTimeout: timeouts.greetingMs,
		socketTimeout: timeouts.stageMs,
		socketCloseTimeout: 0,
		transactionLog: true,
		logger: transcriptLogger(run),
	};
	const connection = new SMTPConnection(options);
	connection.on('error', () => undefined);
	run.own({ destroy: () => connection.close() });
	await step(connection, (done) => connection.connect(done));
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
	await step(connection, (done) => connection.login(auth, (error) => done(error)));
	return { value: connection, detail: `${user} · AUTH ${mechanism}`, facts: { user, mechanism } };
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
function transcriptLogger(run: ProbeRun): NonNullable<SMTPConnectionOptions['logger']> {
	const entry = (data: unknown, message?: unknown, ...args: unknown[]) => {
		const tnx = typeof data === 'object' && data !== null ? (data as { tnx?: unknown }).tnx : undefined;
		if (tnx !== 'client' && tnx !== 'server') return;
		const text = typeof message === 'string' ? format(message, ...args) : '';
		for (const line of text.split(/\r?\n/)) {
			if (tnx === 'client') run.transcript.client(line);
			else run.transcript.server(line);
		}
	};
	return { trace: entry, debug: entry, info: entry, warn: entry, error: entry, fatal: entry };
}
