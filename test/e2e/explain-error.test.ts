// "Mail: Explain Error…" on an editor selection: the explanation webview names the cause, and its walkthrough
// button opens the walkthrough panel at the guide (and step) the explanation links.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { explain } from '../../src/core/explain/match';
import { type Session, openSession } from './support/session';
import { type Workbench, findFrame } from './support/workbench';

/** Exchange Online's reply when the tenant turned SMTP AUTH off, as a scan-to-mail printer logs it. */
const REPLY = '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.';
const FILE = 'scanner-error.txt';
const REPLY_LINE = 3;
const CAUSE = 'smtp-auth-disabled';
const GUIDE = 'm365-enable-smtp-auth';
let bench: Workbench;
let session: Session;

before(async () => {
	session = await openSession({
		name: 'explain-error',
		settings: { 'mailcfg.language': 'en' },
		// Context lines around the reply, so only the selection (not the whole file) can explain it.
		prepare: (folder) =>
			writeFileSync(
				join(folder, FILE),
				[
					'scan-to-mail job 4711: connecting to smtp.office365.com:587',
					'STARTTLS ok, sending AUTH LOGIN',
					REPLY,
					'job 4711 failed, document kept in the outbox',
					'',
				].join('\n'),
			),
		open: FILE,
	});
	({ bench } = session);
});

after(async () => {
	await session?.close();
});

test('Explain Error on a selected reply shows the cause and opens its walkthrough', async () => {
	// The oracle is the catalog itself: the cause's title and the walkthrough it links.
	const match = explain(REPLY, { lang: 'en' }).find((m) => m.id === CAUSE);
	assert.ok(match, `${CAUSE} does not explain ${REPLY}`);
	assert.ok(match.walkthrough, `${CAUSE} links no walkthrough`);
	const [guide, step] = match.walkthrough.split('#') as [string, string | undefined];
	assert.equal(guide, GUIDE);

	await bench.goTo(REPLY_LINE, 1);
	await bench.page.keyboard.press('Shift+End');
	await bench.page.locator('.statusbar-item', { hasText: `(${REPLY.length} selected)` }).waitFor({ timeout: 20_000 });
	await bench.runCommand('Mail: Explain Error…');

	const frame = await findFrame(bench.page, `section.match[data-match="${CAUSE}"]`);
	const section = frame.locator(`section.match[data-match="${CAUSE}"]`);
	assert.equal((await section.locator('h2').innerText()).trim(), match.title);
	// The panel explains the selection, not the file: the input it shows is exactly the selected line.
	assert.equal((await frame.locator('.input pre').innerText()).trim(), REPLY);
	await bench.screenshot('1-explanation');

	await section.locator('button.open-walkthrough').click();
	const walkthrough = await findFrame(bench.page, '.guide-meta');
	await walkthrough.locator('.guide-meta', { hasText: new RegExp(`^${GUIDE} `) }).waitFor({ timeout: 20_000 });
	if (step) {
		const highlighted = walkthrough.locator('li.step.highlight');
		await highlighted.waitFor({ timeout: 20_000 });
		assert.equal(await highlighted.getAttribute('data-step'), step);
	}
	await bench.screenshot('2-walkthrough');
});
