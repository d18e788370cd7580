/**
 * The IMAP probe against capability lists and login replies of a real Exchange server, verbatim from a protocol
 * log (https://cweiske.de/tagebuch/IMAP%20with%20Exchange.htm), played by a scripted server on loopback. What a user
 * reads is asserted: the capabilities as the server listed them, the mechanisms read from them, the stage that
 * failed and the reply quoted, and that no credentials go out where no login can work.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Account } from '../../../../src/core/config/model';
import { probeImap as imapProbe } from '../../../../src/core/probes/imap';
import { canary } from '../../../support/canaries';
import { CanaryWatch } from '../../../support/canary-watch';
import { listenOnLoopback } from '../../../support/loopback-listener';
import { probeHarness, stageNames } from '../../../support/probe-harness';

const USER = 'scanner@example.test';
const PASSWORD = canary({ wire: true });
const harness = probeHarness({ connectMs: 2000, greetingMs: 2000, stageMs: 3000 });
const watch = new CanaryWatch([PASSWORD]);
const probeImap = watch.wrap(imapProbe);

const EXCHANGE_GREETING = '* OK The Microsoft Exchange IMAP4 service is ready.';
/** Exchange before STARTTLS, and after it (the same log). */
const EXCHANGE_BEFORE_TLS = 'IMAP4 IMAP4rev1 AUTH=NTLM AUTH=GSSAPI LOGINDISABLED STARTTLS IDLE NAMESPACE LITERAL+';
const EXCHANGE_AFTER_TLS = 'IMAP4 IMAP4rev1 AUTH=NTLM AUTH=GSSAPI AUTH=PLAIN IDLE NAMESPACE LITERAL+';

interface ScriptedImap {
	port: number;
	/** Every command received, without its tag (credentials never: the SASL answer is not recorded). */
	commands: string[];
	close(): Promise<void>;
}

/** Answers CAPABILITY with `capabilities` (after `chatter` untagged notices), every login with Exchange's `NO AUTHENTICATE failed.`, LOGOUT with BYE. */
async function exchangeLike(capabilities: string, chatter = 0): Promise<ScriptedImap> {
	const commands: string[] = [];
	const listener = await listenOnLoopback((socket) => {
		socket.on('error', () => undefined);
		const send = (line: string) => socket.write(`${line}\r\n`);
		send(EXCHANGE_GREETING);
		let pending = '';
		let saslTag: string | undefined;
		socket.on('data', (chunk: Buffer) => {
			pending += chunk.toString('latin1');
			for (let end = pending.indexOf('\r\n'); end >= 0; end = pending.indexOf('\r\n')) {
				const line = pending.slice(0, end);
				pending = pending.slice(end + 2);
				if (saslTag) {
					send(`${saslTag} NO AUTHENTICATE failed.`);
					saslTag = undefined;
					continue;
				}
				const [tag = '', name = '', ...args] = line.split(' ');
				const verb = name.toUpperCase();
				commands.push(verb === 'LOGIN' ? 'LOGIN' : [verb, ...args.slice(0, 1)].join(' '));
				if (verb === 'CAPABILITY') {
					for (let i = 1; i <= chatter; i++) send(`* OK [ALERT] notice ${i}`);
					send(`* CAPABILITY ${capabilities}`);
					send(`${tag} OK CAPABILITY completed.`);
				} else if (verb === 'AUTHENTICATE' && args.length === 1) {
					saslTag = tag;
					send('+ ');
				} else if (verb === 'AUTHENTICATE' || verb === 'LOGIN') {
					send(`${tag} NO ${verb} failed.`);
				} else if (verb === 'LOGOUT') {
					send('* BYE Microsoft Exchange Server IMAP4 server signing off.');
					send(`${tag} OK LOGOUT completed.`);
					socket.end();
				} else send(`${tag} BAD Command Error. 12`);
			}
		});
	});
	return { ...listener, commands };
}

function account(port: number): Account {
	return {
		id: 'imap-replies',
		email: USER,
		auth: { method: 'password', user: USER, password: '${secret:IMAP_PW}' },
		imap: { host: 'localhost', port, security: 'none', folder: 'INBOX' },
	};
}

describe('Exchange capability lists', () => {
	test('after TLS: every capability as listed, PLAIN read among the mechanisms, the refusal quoted', async () => {
		const srv = await harness.track(exchangeLike(EXCHANGE_AFTER_TLS));
		const check = await probeImap(account(srv.port), { password: PASSWORD }, harness.ctx());
		assert.equal(stageNames(check), 'dns:ok tcp:ok greeting:ok capabilities:ok auth:fail');
		const capabilities = check.stages.find((s) => s.name === 'capabilities');
		assert.equal(capabilities?.detail, EXCHANGE_AFTER_TLS);
		assert.deepEqual(capabilities?.facts?.capabilities, EXCHANGE_AFTER_TLS.split(' '));
		assert.deepEqual(capabilities?.facts?.authMechanisms, ['NTLM', 'GSSAPI', 'PLAIN']);
		assert.equal(check.error?.code, 'AUTH_FAILED');
		assert.equal(check.error?.serverResponse, 'NO AUTHENTICATE failed.');
		assert.ok(srv.commands.includes('AUTHENTICATE PLAIN'), srv.commands.join(', '));
	});

	test('before TLS (LOGINDISABLED, no AUTH=PLAIN): refused before any credential goes out', async () => {
		const srv = await harness.track(exchangeLike(EXCHANGE_BEFORE_TLS));
		const check = await probeImap(account(srv.port), { password: PASSWORD }, harness.ctx());
		assert.equal(stageNames(check), 'dns:ok tcp:ok greeting:ok capabilities:ok auth:fail');
		assert.deepEqual(check.stages.find((s) => s.name === 'capabilities')?.facts?.authMechanisms, ['NTLM', 'GSSAPI']);
		assert.equal(check.error?.code, 'AUTH_MECHANISM_UNSUPPORTED');
		assert.deepEqual(
			srv.commands.filter((c) => /^(?:LOGIN|AUTHENTICATE)\b/.test(c)),
			[],
		);
	});

	test('a chatty server: the transcript keeps its first lines and says how many more there were', async () => {
		const srv = await harness.track(exchangeLike(EXCHANGE_AFTER_TLS, 600));
		const check = await probeImap(account(srv.port), { password: PASSWORD }, harness.ctx());
		assert.equal(check.error?.code, 'AUTH_FAILED', 'the notices change nothing about the verdict');
		const { transcript } = check;
		assert.equal(transcript[0], `S: ${EXCHANGE_GREETING}`);
		assert.equal(transcript[1], 'C: A3 CAPABILITY');
		assert.equal(transcript[2], 'S: * OK [ALERT] notice 1');
		const more = /^\* … (\d+) more lines$/.exec(transcript.at(-1) ?? '');
		assert.ok(more, transcript.at(-1));
		// every line is either kept or counted: 600 notices and the exchange around them
		assert.ok(transcript.length - 1 + Number(more[1]) > 600, `${transcript.length} kept, ${more[1]} more`);
		assert.ok(transcript.length < 600, 'the transcript is capped');
	});

	test('secret canaries: no password in any output of these checks', () => watch.assertWatched());
});
