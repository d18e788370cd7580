import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';

interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

async function run(args: string[], stdin = '', env: Record<string, string> = {}): Promise<Run> {
	let stdout = '';
	let stderr = '';
	const io: CliIo = {
		stdout: (text) => {
			stdout += text;
		},
		stderr: (text) => {
			stderr += text;
		},
		readStdin: () => Promise.resolve(stdin),
		env,
		cwd: process.cwd(),
	};
	const code = await main(['explain', ...args], io);
	return { code, stdout, stderr };
}

const TENANT_OFF =
	'535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.';

test('json output has exactly the documented shape, best match first, exit 0', async () => {
	const { code, stdout, stderr } = await run([TENANT_OFF, '--format', 'json']);
	assert.equal(code, 0);
	assert.equal(stderr, '');
	const body = JSON.parse(stdout) as { matches: Record<string, unknown>[] };
	assert.deepEqual(Object.keys(body), ['matches']);
	const [first] = body.matches;
	assert.ok(first);
	assert.deepEqual(Object.keys(first).sort(), [
		'cause',
		'confidence',
		'fix',
		'id',
		'matchedText',
		'question',
		'sources',
		'title',
		'walkthrough',
	]);
	assert.equal(first.id, 'smtp-auth-disabled');
	assert.equal(first.walkthrough, 'm365-enable-smtp-auth#enable-mailbox');
	assert.ok(Array.isArray(first.fix) && first.fix.every((step) => typeof step === 'string'));
	assert.equal(first.matchedText, TENANT_OFF);
	const confidences = body.matches.map((match) => match.confidence as number);
	assert.deepEqual(
		confidences,
		[...confidences].sort((a, b) => b - a),
	);
});

test('text output shows title, cause, numbered fix steps, walkthrough and the raw line', async () => {
	const { code, stdout } = await run([TENANT_OFF]);
	assert.equal(code, 0);
	assert.match(stdout, /^1\. SMTP AUTH is switched off in Exchange Online {2}\[smtp-auth-disabled, confidence \d+ %\]/);
	assert.match(stdout, /\n {3}Cause: /);
	assert.match(stdout, /\n {5}1\. Check the mailbox: Get-CASMailbox/);
	assert.match(
		stdout,
		/\n {3}Walkthrough: m365-enable-smtp-auth#enable-mailbox {2}\(mailcfg walkthroughs show m365-enable-smtp-auth\)/,
	);
	assert.ok(stdout.includes(`Raw line (Line 1): ${TENANT_OFF}`));
});

test('German via --lang or the shell locale, same ids', async () => {
	const flag = await run([TENANT_OFF, '--lang', 'de', '--format', 'json']);
	const locale = await run([TENANT_OFF, '--format', 'json'], '', { LANG: 'de_DE.UTF-8' });
	const en = await run([TENANT_OFF, '--format', 'json']);
	const idsOf = (r: Run) => (JSON.parse(r.stdout) as { matches: { id: string }[] }).matches.map((m) => m.id);
	assert.deepEqual(idsOf(flag), idsOf(en));
	assert.deepEqual(idsOf(locale), idsOf(en));
	assert.match(flag.stdout, /SMTP AUTH ist in Exchange Online ausgeschaltet/);
	assert.equal(flag.stdout, locale.stdout);
});

test('context flags disambiguate', async () => {
	const line = '535 5.7.3 Authentication unsuccessful [AM0PR02CA0001.eurprd02.prod.outlook.com]';
	const topId = async (...flags: string[]) =>
		(JSON.parse((await run([line, '--format', 'json', ...flags])).stdout) as { matches: { id: string }[] }).matches[0]
			?.id;
	assert.equal(await topId('--auth', 'oauth2'), 'oauth-token-rejected');
	assert.equal(await topId('--auth', 'app-password', '--provider', 'microsoft365'), 'basic-auth-blocked');
	assert.equal(
		(
			JSON.parse((await run(["code: 'ETIMEDOUT'", '--format', 'json', '--stage', 'greeting'])).stdout) as {
				matches: { id: string }[];
			}
		).matches[0]?.id,
		'tls-mode-mismatch',
	);
});

test('stdin mode reads a whole log excerpt', async () => {
	const log =
		'INFO start\nERROR getaddrinfo ENOTFOUND smtp.office365.cmo\nERROR Invalid login: 535 5.7.139 Authentication unsuccessful, basic authentication is disabled.\n';
	const { code, stdout } = await run(['-', '--format', 'json'], log);
	assert.equal(code, 0);
	const ids = (JSON.parse(stdout) as { matches: { id: string }[] }).matches.map((m) => m.id);
	assert.deepEqual(ids.sort(), ['basic-auth-blocked', 'host-not-found']);
});

test('a pasted line with terminal colours and a hostile escape is explained as without them, and printed clean', async () => {
	// What a coloured log viewer copies, and what a hostile server could have put into its reply (found by the fuzz
	// suite: the raw line used to reach the terminal as it was).
	const pasted = `\x1b[31mERROR\x1b[0m ${TENANT_OFF} \x1b]52;c;Y3VybCBldmlsfHNo\x07\x1b[2J\u009b1;32m✓ fixed`;
	const plain = await run([TENANT_OFF, '--format', 'json']);
	const coloured = await run(['-', '--format', 'json'], pasted);
	const ids = (r: Run) => (JSON.parse(r.stdout) as { matches: { id: string }[] }).matches.map((m) => m.id);
	assert.deepEqual(ids(coloured), ids(plain));
	const text = await run(['-'], pasted);
	assert.equal(text.code, 0);
	// eslint-disable-next-line no-control-regex -- finding control characters is the point
	assert.doesNotMatch(text.stdout + coloured.stdout, /[\x00-\x08\x0b-\x1f\x7f-\x9f]|\\u001b|\\u009b/);
	assert.match(text.stdout, /: ERROR 535 5\.7\.139 .* ✓ fixed\n/);
});

test('nothing recognised: exit 1 with an empty list or a hint', async () => {
	const json = await run(['all good, 12 messages imported', '--format', 'json']);
	assert.equal(json.code, 1);
	assert.deepEqual(JSON.parse(json.stdout), { matches: [] });
	const text = await run(['all good']);
	assert.equal(text.code, 1);
	assert.match(text.stdout, /No known cause matches this text/);
});

test('usage errors exit 2 with a message on stderr', async () => {
	const cases: [string[], string, RegExp][] = [
		[[], '', /text to explain/],
		[[TENANT_OFF, '--format', 'xml'], '', /--format must be one of text, json/],
		[[TENANT_OFF, '--provider', 'hotmail'], '', /--provider must be one of/],
		[[TENANT_OFF, '--auth', 'kerberos'], '', /--auth must be one of password, app-password, oauth2/],
		[[TENANT_OFF, '--stage', 'login'], '', /--stage must be one of/],
		[[TENANT_OFF, '--bogus'], '', /unknown option --bogus/],
		[['-', 'extra'], 'x', /cannot be combined/],
		[['-'], '   \n', /is empty/],
	];
	for (const [args, stdin, message] of cases) {
		const result = await run(args, stdin);
		assert.equal(result.code, 2, args.join(' '));
		assert.match(result.stderr, message);
		assert.equal(result.stdout, '');
	}
});
