// How an explanation reads in the terminal (`mailcfg explain`, `mailcfg test`) and in a hover: the structure a user
// scans (numbered causes, cause, question, numbered fix steps, walkthrough, the raw line and where it was found).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type Localized, tr } from '../../../../src/core/i18n';
import { explain, explainCheck } from '../../../../src/core/explain/match';
import type { ProbeCheck, ProbeErrorCode } from '../../../../src/core/probes/result';
import { EXPLAIN_LABELS, renderMarkdown, renderText, walkthroughArgs } from '../../../../src/core/explain/render';

// Exchange Online's reply when SMTP AUTH is off for the tenant (learn.microsoft.com, authenticated client SMTP
// submission), second in a pasted log excerpt.
const LOG = [
	'2026-11-20 08:14:02 connecting to smtp.office365.com:587',
	'535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.',
].join('\n');

test('every label exists in both languages, translated', () => {
	for (const [name, { en, de }] of Object.entries(EXPLAIN_LABELS) as [string, Localized][]) {
		assert.ok(en.trim() && de.trim() && en !== de, name);
	}
});

test('terminal text: numbered cause with id and confidence, cause, question, numbered steps, walkthrough, raw line', () => {
	for (const lang of ['en', 'de'] as const) {
		const [match] = explain(LOG, { lang, provider: 'microsoft365' });
		assert.ok(match);
		const lines = renderText([match], lang).split('\n');
		const percent = Math.round(match.confidence * 100);
		assert.equal(
			lines[0],
			`1. ${match.title}  [smtp-auth-disabled, ${tr(EXPLAIN_LABELS.confidence, lang, { percent })}]`,
		);
		assert.match(lines[0]!, lang === 'en' ? /confidence \d+ %/ : /Treffersicherheit \d+ %/);
		assert.equal(lines[1], `   ${tr(EXPLAIN_LABELS.cause, lang)}: ${match.cause}`);
		assert.equal(lines[2], `   ${tr(EXPLAIN_LABELS.question, lang)}: ${match.question}`);
		assert.equal(lines[3], `   ${tr(EXPLAIN_LABELS.fix, lang)}:`);
		match.fix.forEach((step, n) => assert.equal(lines[4 + n], `     ${n + 1}. ${step}`));
		const after = lines.slice(4 + match.fix.length);
		// The deep link names the step; the command a terminal user types names the guide.
		assert.equal(
			after[0],
			`   ${tr(EXPLAIN_LABELS.walkthrough, lang)}: m365-enable-smtp-auth#enable-mailbox  (mailcfg walkthroughs show m365-enable-smtp-auth)`,
		);
		// Found on the second line of the excerpt: counted from 1 for people.
		assert.equal(
			after[1],
			`   ${tr(EXPLAIN_LABELS.rawLine, lang)} (${tr(EXPLAIN_LABELS.line, lang, { n: 2 })}): ${LOG.split('\n')[1]}`,
		);
		assert.equal(after[2], '');
		assert.equal(after.length, 3);
	}
});

test('terminal text: several causes are numbered and separated; no match says what to paste', () => {
	const matches = explain('535 5.7.3 Authentication unsuccessful', { lang: 'en', provider: 'microsoft365' });
	assert.ok(matches.length >= 2);
	const text = renderText(matches, 'en');
	const blocks = text.trimEnd().split('\n\n');
	assert.equal(blocks.length, matches.length);
	blocks.forEach((block, i) => assert.ok(block.startsWith(`${i + 1}. ${matches[i]!.title}  [${matches[i]!.id}, `)));
	assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'));
	assert.equal(renderText([], 'en'), `${EXPLAIN_LABELS.noMatch.en}\n`);
	assert.equal(renderText([], 'de'), `${EXPLAIN_LABELS.noMatch.de}\n`);
	assert.match(EXPLAIN_LABELS.noMatch.en, /AADSTS50076/);
});

test('hover markdown: our texts are escaped, the raw line sits in a fence it cannot break out of', () => {
	const [match] = explain(LOG, { lang: 'de', provider: 'microsoft365' });
	assert.ok(match);
	const markdown = renderMarkdown(match, 'de', (ref) => `command:mailcfg.openWalkthrough?${encodeURIComponent(ref)}`);
	const parts = markdown.split('\n\n');
	assert.equal(
		parts[0],
		`**SMTP AUTH ist in Exchange Online ausgeschaltet** (smtp\\-auth\\-disabled, Treffersicherheit ${Math.round(match.confidence * 100)} %)`,
	);
	assert.ok(parts[1]!.startsWith('**Ursache:** Exchange Online lehnt authentifizierten SMTP\\-Versand'));
	assert.ok(parts[2]!.startsWith('**Prüfen:** '));
	assert.equal(parts[3], '**Behebung:**');
	assert.ok(parts[4]!.startsWith('1. Postfach prüfen: Get\\-CASMailbox \\-Identity \\<POSTFACH\\> \\| Format\\-List'));
	assert.equal(parts[4]!.split('\n').length, match.fix.length);
	assert.equal(
		parts[5],
		'[Anleitung öffnen: m365\\-enable\\-smtp\\-auth\\#enable\\-mailbox](command:mailcfg.openWalkthrough?m365-enable-smtp-auth%23enable-mailbox)',
	);
	assert.equal(parts[6], 'Originalzeile:');
	assert.equal(parts[7], `\`\`\`text\n${LOG.split('\n')[1]}\n\`\`\``);

	// A hostile line with a backtick run gets a longer fence; without a link callback the walkthrough is plain text.
	const [hostile] = explain('a ```bad``` 535 5.7.139 SmtpClientAuthentication is disabled', { lang: 'en' });
	assert.ok(hostile);
	const plain = renderMarkdown(hostile, 'en');
	assert.ok(plain.includes('\n\nOpen walkthrough: m365\\-enable\\-smtp\\-auth\\#enable\\-mailbox\n\n'));
	assert.ok(
		plain.endsWith('Raw line:\n\n````text\na ```bad``` 535 5.7.139 SmtpClientAuthentication is disabled\n````'),
	);
});

test('walkthrough references split into guide and step', () => {
	assert.deepEqual(walkthroughArgs('m365-enable-smtp-auth#enable-mailbox'), {
		guide: 'm365-enable-smtp-auth',
		step: 'enable-mailbox',
	});
	assert.deepEqual(walkthroughArgs('gmail-app-password'), { guide: 'gmail-app-password' });
});

test('a probe result without server text renders no raw line; a cause without guide or question renders neither', () => {
	// `mailcfg test`: the certificate is not trusted (a question, a guide), the server throttled the login (a question,
	// no guide). Neither probe recorded a server line. A wrong client secret (a line from the tuning table) has a guide
	// and no question.
	const probe = (code: ProbeErrorCode): ProbeCheck => ({
		protocol: 'smtp',
		ok: false,
		stages: [],
		transcript: [],
		error: { code, message: 'x' },
	});
	for (const lang of ['en', 'de'] as const) {
		const [cert] = explainCheck(probe('TLS_CERT_INVALID'), { lang });
		const [throttled] = explainCheck(probe('THROTTLED'), { lang });
		const [secret] = explain(
			'AADSTS7000215: Invalid client secret is provided. Trace ID: 02f6f1c8-78b8-44f9-9576-66a55b4aa100 Correlation ID: 52f513ad-39d9-4eb4-b1a9-281571228968 Timestamp: 2021-09-13 23:21:24Z',
			{ lang },
		);
		assert.equal(cert?.id, 'certificate-untrusted');
		assert.equal(throttled?.id, 'throttled');
		assert.equal(secret?.id, 'invalid-client-secret');
		assert.equal(secret.question, undefined);
		const label = (name: keyof typeof EXPLAIN_LABELS) => tr(EXPLAIN_LABELS[name], lang);

		const certLines = renderText([cert], lang).trimEnd().split('\n');
		assert.equal(certLines[2], `   ${label('question')}: ${cert.question}`);
		assert.equal(
			certLines.at(-1),
			`   ${label('walkthrough')}: mail-adapter-setup#collect-settings  (mailcfg walkthroughs show mail-adapter-setup)`,
		);
		assert.ok(!certLines.some((line) => line.includes(label('rawLine'))));
		const secretLines = renderText([secret], lang).trimEnd().split('\n');
		assert.equal(secretLines[2], `   ${label('fix')}:`, 'no question line between cause and fix');
		const throttledLines = renderText([throttled], lang).trimEnd().split('\n');
		assert.equal(throttledLines[2], `   ${label('question')}: ${throttled.question}`);
		assert.equal(throttledLines.at(-1), `     ${throttled.fix.length}. ${throttled.fix.at(-1)}`);

		const certParts = renderMarkdown(cert, lang).split('\n\n');
		assert.ok(certParts[2]?.startsWith(`**${label('question')}:** `));
		assert.equal(certParts.at(-1), `${label('openWalkthrough')}: mail\\-adapter\\-setup\\#collect\\-settings`);
		assert.equal(renderMarkdown(secret, lang).split('\n\n')[2], `**${label('fix')}:**`);
		const throttledParts = renderMarkdown(throttled, lang, () => 'command:x').split('\n\n');
		assert.ok(throttledParts[2]?.startsWith(`**${label('question')}:** `));
		// The fix steps are the last part: no walkthrough link, no raw line after them.
		assert.equal(throttledParts.at(-1)?.split('\n').length, throttled.fix.length);
		assert.ok(throttledParts.at(-1)?.startsWith('1. '));
		assert.ok(!throttledParts.some((part) => part.includes(label('openWalkthrough')) || part.includes('command:x')));
	}
});
