/**
 * The IMAP probe: dns → tcp → tls | greeting → starttls → capabilities → auth → folder.
 *
 * The stages before login run on the probe's own connection (wire.ts) so each is timed and described; it ends with
 * LOGOUT. Login and the folder check then run through imapflow on a second connection with the same TLS settings,
 * which is the path a Node mail adapter takes. The probe only reads: STATUS on the import folder (never SELECT,
 * STORE, COPY, MOVE, EXPUNGE, APPEND or CREATE).
 */
import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import type { Account } from '../config/model';
import { HINTS, ProbeFailure } from './classify';
import {
	GOODBYE_MS,
	type MailLogin,
	type MailProbe,
	handOver,
	libraryTls,
	loginMethod,
	openSession,
	runMailCheck,
	upgradeChannel,
} from './mail-session';
import type { ProbeRun, StageOutcome } from './stage-runner';
import { effectiveTimeouts, importFolder } from './target';
import { type Endpoint, type LineChannel, imapCommand } from './wire';

export const probeImap: MailProbe = (account, login, ctx, hooks = {}) =>
	runMailCheck('imap', account, login, ctx, hooks, async (run, target) => {
		const { endpoint, user, timeouts } = target;
		const opened = await openSession(run, 'imap', target, (_channel, line) => Promise.resolve(judgeGreeting(line)));
		let channel = opened.channel;
		let capabilities = capabilitiesIn(opened.greeting);
		if (endpoint.security === 'starttls') {
			const plain = channel;
			channel = await run.stage('starttls', timeouts.stageMs, async () => {
				const before = capabilities.length ? capabilities : await fetchCapabilities(plain, 'A1');
				if (!before.includes('STARTTLS')) {
					throw new ProbeFailure('STARTTLS_UNAVAILABLE', { facts: { capabilitiesBeforeTls: before } });
				}
				const reply = await imapCommand(plain, 'A2', 'STARTTLS');
				if (reply.status !== 'OK') throw new ProbeFailure('STARTTLS_UNAVAILABLE', { serverResponse: reply.text });
				return upgradeChannel(run, plain, endpoint, { capabilitiesBeforeTls: before });
			});
			// RFC 3501 6.2.1: capabilities learnt before TLS must be discarded
			capabilities = [];
		}
		const secured = channel;
		capabilities = await run.stage('capabilities', timeouts.stageMs, async () => {
			const list = await fetchCapabilities(secured, 'A3');
			return {
				value: list,
				detail: list.join(' '),
				facts: { capabilities: list, authMechanisms: authMechanisms(list) },
			};
		});
		await handOver(run, channel, 'A4 LOGOUT', 'imapflow');

		const budget = timeouts.connectMs * 2 + timeouts.greetingMs + timeouts.stageMs * 2;
		const client = await run.stage('auth', budget, () => imapLogin(run, account, endpoint, user, login, capabilities));
		const folder = importFolder(account);
		await run.stage('folder', timeouts.stageMs, () => folderStatus(client, folder));
		await logoutQuietly(client);
	});

function judgeGreeting(line: string): StageOutcome<string> {
	if (/^\* (OK|PREAUTH)\b/i.test(line)) return { value: line, detail: line };
	if (/^\* BYE\b/i.test(line)) {
		throw new ProbeFailure('CONNECTION_CLOSED', { serverResponse: line, hint: { text: HINTS.greetingRefused } });
	}
	throw new ProbeFailure('PROTOCOL', { serverResponse: line });
}

function capabilitiesIn(line: string): string[] {
	const match = /\[CAPABILITY ([^\]]*)\]/i.exec(line);
	return match ? (match[1] as string).split(/\s+/).filter(Boolean) : [];
}

async function fetchCapabilities(channel: LineChannel, tag: string): Promise<string[]> {
	const reply = await imapCommand(channel, tag, 'CAPABILITY');
	const line = reply.untagged.find((l) => /^\* CAPABILITY /i.test(l));
	if (reply.status !== 'OK' || !line) throw new ProbeFailure('PROTOCOL', { serverResponse: reply.text });
	return line.slice('* CAPABILITY '.length).split(/\s+/).filter(Boolean);
}

function authMechanisms(capabilities: string[]): string[] {
	return capabilities.filter((c) => /^AUTH=/i.test(c)).map((c) => c.slice(5).toUpperCase());
}

/** Refuses up front when the server offers nothing that fits the auth method, so no credentials go out in vain. */
function checkMechanisms(capabilities: string[], oauth: boolean, method: string): void {
	const offered = authMechanisms(capabilities);
	const loginDisabled = capabilities.some((c) => c.toUpperCase() === 'LOGINDISABLED');
	const needed = oauth ? ['XOAUTH2', 'OAUTHBEARER'] : ['PLAIN', 'LOGIN'];
	if (offered.some((m) => needed.includes(m))) return;
	if (!oauth && !loginDisabled) return; // the plain LOGIN command is always there unless LOGINDISABLED says otherwise
	if (!oauth && loginDisabled) {
		throw new ProbeFailure('AUTH_MECHANISM_UNSUPPORTED', { hint: { text: HINTS.loginDisabled } });
	}
	throw new ProbeFailure('AUTH_MECHANISM_UNSUPPORTED', {
		hint: {
			text: HINTS.mechanisms,
			args: { offered: offered.join(', ') || '-', method, needed: needed.map((m) => `AUTH=${m}`).join(' | ') },
		},
	});
}

async function imapLogin(
	run: ProbeRun,
	account: Account,
	endpoint: Endpoint,
	user: string,
	login: MailLogin,
	capabilities: string[],
): Promise<StageOutcome<ImapFlow>> {
	const { method, oauth } = loginMethod(account, login);
	checkMechanisms(capabilities, oauth, method);
	const timeouts = effectiveTimeouts(account, run.ctx);
	let mechanism = '';
	const options: ImapFlowOptions = {
		host: endpoint.host,
		port: endpoint.port,
		secure: endpoint.security === 'tls',
		doSTARTTLS: endpoint.security === 'starttls',
		...libraryTls(endpoint, run.ctx.extraCa),
		auth: oauth ? { user, accessToken: login.accessToken } : { user, pass: login.password },
		logger: transcriptLogger(run, (command) => {
			const match = /^\S+ (AUTHENTICATE \S+|LOGIN)\b/i.exec(command);
			if (match) mechanism = (match[1] as string).toUpperCase();
		}),
		connectionTimeout: timeouts.connectMs,
		greetingTimeout: timeouts.greetingMs,
		socketTimeout: timeouts.stageMs,
		disableCompression: true,
		disableAutoEnable: true,
		disableAutoIdle: true,
	};
	const client = new ImapFlow(options);
	// imapflow also emits socket errors as events; connect() rejects with them, the event only needs a listener
	client.on('error', () => undefined);
	run.own({ destroy: () => client.close() });
	await client.connect();
	return { value: client, detail: `${user} · ${mechanism || 'login'}`, facts: { user, mechanism } };
}

async function folderStatus(client: ImapFlow, folder: string): Promise<StageOutcome<void>> {
	const status = await client.status(folder, { messages: true, unseen: true });
	if (!status) throw new ProbeFailure('PROTOCOL', { detail: folder });
	const messages = status.messages ?? 0;
	const unseen = status.unseen ?? 0;
	return {
		value: undefined,
		detail: `${folder}: ${messages} messages, ${unseen} unseen`,
		facts: { folder, messages, unseen },
	};
}

async function logoutQuietly(client: ImapFlow): Promise<void> {
	let timer: NodeJS.Timeout | undefined;
	try {
		await Promise.race([
			client.logout(),
			new Promise<void>((resolve) => {
				timer = setTimeout(resolve, GOODBYE_MS);
			}),
		]);
	} catch {
		// the check already has its verdict
	} finally {
		clearTimeout(timer);
		client.close();
	}
}

/** imapflow's logger: protocol lines go to the transcript (redacted there); the rest is not needed. */
function transcriptLogger(run: ProbeRun, onCommand: (line: string) => void): NonNullable<ImapFlowOptions['logger']> {
	const entry = (obj: unknown) => {
		if (typeof obj !== 'object' || obj === null) return;
		const { src, msg } = obj as { src?: unknown; msg?: unknown };
		if (typeof msg !== 'string') return;
		if (src === 'c') {
			onCommand(msg);
			run.transcript.client(msg);
		} else if (src === 's') run.transcript.server(msg);
	};
	return { debug: entry, info: entry, warn: entry, error: entry, trace: entry };
}
