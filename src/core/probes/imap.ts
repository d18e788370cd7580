/**
 * The IMAP probe: dns → tcp → tls | greeting → starttls → capabilities → auth → folder.
 *
 * One connection: the probe runs the stages up to capabilities itself (wire.ts) so each is timed and described, then
 * hands the socket to imapflow through its `transport` option, which is the login path a Node mail adapter takes.
 * imapflow expects to read the greeting, so the probe puts one back in front of the stream: the server's greeting
 * with the capabilities the probe just read on this connection (after TLS) as its CAPABILITY code, which spares
 * imapflow asking again. The probe only reads: STATUS on the import folder (never SELECT, STORE, COPY, MOVE,
 * EXPUNGE, APPEND or CREATE).
 */
import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import type { Account, SecurityMode } from '../config/model';
import { HINTS, ProbeFailure, isMissingFolderReply } from './classify';
import {
	type MailLogin,
	type MailProbe,
	type MailTarget,
	type TranscriptFeed,
	goodbye,
	libraryFeed,
	loginMethod,
	openSession,
	runMailCheck,
	upgradeChannel,
} from './mail-session';
import type { StageName } from './result';
import type { ProbeRun, StageOutcome } from './stage-runner';
import { importFolder, stageTimeout } from './target';
import { LINE_LIMITS } from './limits';
import { type LineChannel, imapCommand } from './wire';

function imapStages(security: SecurityMode): StageName[] {
	return [
		'dns',
		'tcp',
		...(security === 'tls' ? (['tls'] as const) : []),
		'greeting',
		...(security === 'starttls' ? (['starttls'] as const) : []),
		'capabilities',
		'auth',
		'folder',
	];
}

export const probeImap: MailProbe = (account, login, ctx, hooks = {}) =>
	runMailCheck('imap', account, login, ctx, hooks, imapStages, async (run, target) => {
		const { endpoint, timeouts } = target;
		const opened = await openSession(run, 'imap', target, (_channel, line) => Promise.resolve(judgeGreeting(line)));
		let channel = opened.channel;
		let capabilities = capabilitiesIn(opened.greeting);
		if (endpoint.security === 'starttls') {
			const plain = channel;
			channel = await run.stage('starttls', stageTimeout('starttls', timeouts), async () => {
				const before = capabilities.length ? capabilities : await fetchCapabilities(plain, 'A1');
				// RFC 3501 9: capability names are atoms, compared case-insensitively
				if (!before.some((c) => c.toUpperCase() === 'STARTTLS')) {
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
		capabilities = await run.stage('capabilities', stageTimeout('capabilities', timeouts), async () => {
			const list = await fetchCapabilities(secured, 'A3');
			return {
				value: list,
				detail: list.join(' '),
				facts: { capabilities: list, authMechanisms: authMechanisms(list) },
			};
		});
		const client = await run.stage('auth', stageTimeout('auth', timeouts), () =>
			imapLogin(run, account, target, login, secured, replayedGreeting(opened.greeting, capabilities)),
		);
		const folder = importFolder(account);
		await run.stage('folder', stageTimeout('folder', timeouts), () => folderStatus(run, client, folder));
		await goodbye(run, client.logout());
	});

/**
 * The greeting imapflow reads first: the server's own, with its response code replaced by the capabilities read on
 * this connection after TLS (the ones RFC 3501 6.2.1 lets a client use).
 */
function replayedGreeting(greeting: string, capabilities: string[]): string {
	const match = /^\* (OK|PREAUTH)\b\s*(?:\[[^\]]*\]\s*)?(.*)$/i.exec(greeting);
	const kind = (match?.[1] ?? 'OK').toUpperCase();
	return `* ${kind} [CAPABILITY ${capabilities.join(' ')}] ${match?.[2] || 'ready'}\r\n`;
}

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
	target: MailTarget,
	login: MailLogin,
	channel: LineChannel,
	greeting: string,
): Promise<StageOutcome<ImapFlow>> {
	const { endpoint, user, timeouts } = target;
	const capabilities = /\[CAPABILITY ([^\]]*)\]/.exec(greeting)?.[1]?.split(' ') ?? [];
	const { method, oauth } = loginMethod(account, login);
	checkMechanisms(capabilities, oauth, method);
	let mechanism = '';
	const socket = channel.handOver(greeting);
	const options: ImapFlowOptions = {
		host: endpoint.host,
		port: endpoint.port,
		secure: endpoint.security === 'tls',
		// TLS, when the config asks for it, is already up on this socket
		doSTARTTLS: false,
		// the socket is connected and its greeting waits in front of the stream
		transport: {
			connect: (_options, onConnect) => {
				setImmediate(onConnect);
				return socket;
			},
		},
		auth: oauth ? { user, accessToken: login.accessToken } : { user, pass: login.password },
		logger: transcriptLogger(libraryFeed(run, 1), (command) => {
			const match = /^\S+ (AUTHENTICATE \S+|LOGIN)\b/i.exec(command);
			if (match) mechanism = (match[1] as string).toUpperCase();
		}),
		connectionTimeout: timeouts.stageMs,
		greetingTimeout: timeouts.stageMs,
		socketTimeout: timeouts.stageMs,
		maxLineLength: LINE_LIMITS.imap.maxLine,
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

/**
 * STATUS on the import folder. imapflow answers a refused STATUS with `false` (or NotFound after a LIST), so the
 * server's tagged NO/BAD is taken from the stage's transcript: any of them is a folder failure, whatever its
 * wording, and FOLDER_NOT_FOUND when the words or the response code say the folder is missing.
 */
async function folderStatus(run: ProbeRun, client: ImapFlow, folder: string): Promise<StageOutcome<void>> {
	const mark = run.transcript.mark();
	const status = await client.status(folder, { messages: true, unseen: true });
	if (!status) {
		const said = run.transcript.serverLinesSince(mark);
		const tagged = said.findLast((line) => /^[A-Za-z0-9.]+ (?:NO|BAD)\b/i.test(line));
		// Stryker disable next-line LogicalOperator: without serverResponse the stage runner quotes the stage's server lines (withServerWords), the same lines as `said` since the stage's mark
		if (!tagged) throw new ProbeFailure('PROTOCOL', { serverResponse: said.join('\n') || undefined, detail: folder });
		const reply = tagged.replace(/^[A-Za-z0-9.]+ /, '');
		const code = isMissingFolderReply(reply) ? 'FOLDER_NOT_FOUND' : 'FOLDER_REFUSED';
		throw new ProbeFailure(code, { serverResponse: reply, detail: folder });
	}
	const messages = status.messages ?? 0;
	const unseen = status.unseen ?? 0;
	return {
		value: undefined,
		detail: `${folder}: ${messages} messages, ${unseen} unseen`,
		facts: { folder, messages, unseen },
	};
}

/** imapflow's logger: protocol lines go to the transcript (redacted there); the rest is not needed. */
function transcriptLogger(
	feed: TranscriptFeed,
	onCommand: (line: string) => void,
): NonNullable<ImapFlowOptions['logger']> {
	const entry = (obj: unknown) => {
		if (typeof obj !== 'object' || obj === null) return;
		const { src, msg } = obj as { src?: unknown; msg?: unknown };
		if (typeof msg !== 'string') return;
		if (src === 'c') {
			onCommand(msg);
			feed.client(msg);
		} else if (src === 's') feed.server(msg);
	};
	return { debug: entry, info: entry, warn: entry, error: entry, trace: entry };
}
