import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { getGuide } from '../../../../src/core/walkthroughs/catalog';
import { renderGuideText } from '../../../../src/core/walkthroughs/render-text';

const NOW = new Date('2026-12-03T00:00:00Z');

function guide(id: string) {
	const found = getGuide(id);
	assert.ok(found, id);
	return found;
}

describe('renderGuideText', () => {
	test('numbers the steps and names their ids', () => {
		const text = renderGuideText(guide('m365-enable-smtp-auth'), 'en', NOW);
		const numbered = text.split('\n').filter((line) => /^\d+\. /.test(line));
		assert.equal(numbered.length, guide('m365-enable-smtp-auth').steps.length);
		assert.equal(numbered[0], '1. Connect to Exchange Online PowerShell  [#connect-powershell]');
		assert.match(text, /^3\. Enable it for the one mailbox {2}\[#enable-mailbox\]$/m);
	});

	test('writes UI paths as A > B > C in the chosen language', () => {
		assert.match(
			renderGuideText(guide('m365-check-mfa'), 'en', NOW),
			/^ {3}Where: Microsoft 365 admin center > Users > Active users > Multi-factor authentication$/m,
		);
		assert.match(
			renderGuideText(guide('m365-check-mfa'), 'de', NOW),
			/^ {3}Wo: Microsoft 365 Admin Center > Benutzer > Aktive Benutzer > Mehrstufige Authentifizierung$/m,
		);
	});

	test('indents commands so they can be copied line by line', () => {
		const lines = renderGuideText(guide('m365-enable-smtp-auth'), 'de', NOW).split('\n');
		const header = lines.indexOf('   PowerShell:');
		assert.ok(header > 0);
		assert.equal(lines[header + 1], '       Install-Module ExchangeOnlineManagement -Scope CurrentUser');
	});

	test('starts with the title and a dated current status naming the modern alternative', () => {
		const text = renderGuideText(guide('m365-create-app-password'), 'de', NOW);
		const [title, underline] = text.split('\n');
		assert.equal(title, 'Ein Microsoft 365-App-Kennwort erstellen');
		assert.equal(underline, '='.repeat(title?.length ?? 0));
		assert.match(text, /^Aktueller Stand \(Stand 2026-12-03\): /m);
		assert.match(
			text,
			/^Zeitgemäße Alternative: OAuth2 mit Nur-App-Zugriff für ein Importpostfach \(mailcfg walkthroughs show m365-oauth2-app-only\)$/m,
		);
	});

	test('guides without a status note have none; output ends with exactly one newline', () => {
		const text = renderGuideText(guide('m365-send-as'), 'en', NOW);
		assert.doesNotMatch(text, /Current status/);
		assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'));
	});

	test('marks warnings and verify steps', () => {
		const text = renderGuideText(guide('m365-enable-smtp-auth'), 'en', NOW);
		assert.match(text, /^ {3}! Caution: An empty value in Get-CASMailbox/m);
		assert.match(text, /^ {3}Check: run the connection test \(smtp\)\.$/m);
	});
});
