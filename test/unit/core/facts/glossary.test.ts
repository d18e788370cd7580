import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
	GLOSSARY,
	type TermScope,
	glossaryViolations,
	scannableText,
	scopeOf,
} from '../../../../src/core/facts/glossary';
import type { ProviderId } from '../../../../src/core/config/model';
import { KNOWN_PROVIDERS } from '../../../../src/core/providers/known';
import { GUIDES } from '../../../../src/core/walkthroughs/catalog';
import { allTexts } from './texts';

/**
 * A guide's or provider entry's provider decides the words of its texts that name none (a step in a Gmail guide says
 * "Passwort", a note in the GMX entry too).
 */
function providerScope(provider: ProviderId): TermScope {
	if (provider === 'microsoft365' || provider === 'outlook-com') return 'microsoft';
	if (provider === 'gmail' || provider === 'google-workspace') return 'google';
	return provider === 'generic' ? 'generic' : 'other';
}

function inheritedScopes(): Map<string, TermScope> {
	const out = new Map<string, TermScope>();
	const walk = (value: unknown, scope: TermScope): void => {
		if (Array.isArray(value)) value.forEach((v) => walk(v, scope));
		else if (value && typeof value === 'object') {
			const de = (value as { de?: unknown }).de;
			if (typeof de === 'string') out.set(de, scope);
			Object.values(value).forEach((v) => walk(v, scope));
		}
	};
	for (const guide of GUIDES) walk(guide, providerScope(guide.provider));
	for (const provider of KNOWN_PROVIDERS) walk(provider, providerScope(provider.id));
	return out;
}

describe('glossary', () => {
	test('every user-facing text uses the glossary terms (German) and US spelling (English)', () => {
		const inherited = inheritedScopes();
		const problems = allTexts()
			.filter((t) => t.file !== 'src/core/facts/glossary.ts')
			.flatMap((t) =>
				glossaryViolations(t.text, t.lang, t.lang === 'de' ? inherited.get(t.text) : undefined).map(
					(v) => `${t.file} [${t.lang}]: "${v.found}" → ${v.expected} (${t.text.slice(0, 90)}…)`,
				),
			);
		assert.deepEqual(problems, []);
	});

	// Each row: a wrong variant as real texts wrote it before the glossary, and what the check says.
	const CASES: [string, TermScope | undefined, string | undefined][] = [
		['Das Kontokennwort (Basic Auth) ist nicht mehr möglich.', undefined, 'Basic Auth'],
		['Prüfen, was Basic-Authentifizierung sonst noch sperrt', undefined, 'Basic-Authentifizierung'],
		['Microsoft 365: Import mit OAuth2 (App-only)', undefined, 'App-only'],
		['Clientanmeldeinformationen (nur App) verwenden.', undefined, 'nur App'],
		['Bei Zugriff nur mit App ist der Dienstprinzipal nicht registriert.', undefined, 'nur mit App'],
		['OAuth2 mit delegiertem oder App-Zugriff verwenden.', undefined, 'App-Zugriff'],
		['Token als Anwendung brauchen genau einen Mandanten.', undefined, 'als Anwendung'],
		['Das Client-Geheimnis hinterlegen.', undefined, 'Client-Geheimnis'],
		['Clientgeheimnisse liegen im Geheimnisspeicher.', undefined, 'Clientgeheimnis'],
		['Meist wurde die ID des geheimen Schlüssels kopiert.', undefined, 'geheimen Schlüssel'],
		['Den Clientschlüssel von Entra hinterlegen.', undefined, 'Clientschlüssel'],
		['Den Clientschlüssel der Google Cloud Console hinterlegen.', undefined, undefined],
		['Ein App-Passwort von Microsoft erstellen.', undefined, 'Passwort'],
		['Ein App-Kennwort bei Google erstellen.', undefined, 'Kennwort'],
		['Das Kennwort für diese Anmeldung.', 'google', 'Kennwort'],
		['Kennwort oder App-Passwort für `password`.', undefined, 'Kennwort + Passwort'],
		['Microsoft (App-Kennwort) und Google (App-Passwort)', undefined, undefined],
		['{provider} lehnt das normale Kontokennwort ab; ein App-Passwort erstellen.', undefined, 'Kennwort + Passwort'],
		['{provider} lehnt das normale Kontopasswort ab; ein App-Passwort erstellen.', undefined, undefined],
		['Ein App-Passwort für Exchange Online.', undefined, 'Passwort'],
		['Nach dem Zurücksetzen hilft ein befristeter Zugriffspass.', undefined, 'befristeter Zugriffspass'],
		['Sicherheit {percent} %', undefined, 'Sicherheit {percent} %'],
		['Sicherheit 85 %', undefined, 'Sicherheit 85 %'],
		['Host, Port und Sicherheit vergleichen.', undefined, undefined],
		['Ein eingehender Connector für Ihre Domain.', 'microsoft', 'Domain'],
		['Die domainweite Delegierung in Ihrer Google-Domain.', undefined, undefined],
		['die Adresse des Postfachs ist der Login', undefined, 'Login'],
		['Der Tenant ist nicht verifiziert.', undefined, 'Tenant'],
		// English server replies quoted in German texts are the server's words, not ours.
		[
			'Antwort „535 5.7.139 SmtpClientAuthentication is disabled for the Tenant“: SMTP AUTH ist aus.',
			undefined,
			undefined,
		],
		['Exchange antwortet mit „Basic authentication is not supported for Client Submission“.', undefined, undefined],
		['Add-MailboxPermission -Identity <POSTFACH> -User <ID> -AccessRights FullAccess', undefined, undefined],
		['Die Entra-App braucht FullAccess darauf.', undefined, 'FullAccess'],
		['Der Bericht zeigt, wer noch mit Basic sendet.', undefined, 'Basic'],
	];
	for (const [text, scope, found] of CASES) {
		test(`${JSON.stringify(text)} ${found ? `is flagged for "${found}"` : 'passes'}`, () => {
			const hits = glossaryViolations(text, 'de', scope).map((v) => v.found);
			if (found) assert.ok(hits.includes(found), `hits: ${JSON.stringify(hits)}`);
			else assert.deepEqual(hits, []);
		});
	}

	test('English texts use US spelling', () => {
		assert.deepEqual(
			glossaryViolations('outside the licence terms of the organisation', 'en').map((v) => v.found),
			['licence', 'organisation'],
		);
		assert.deepEqual(glossaryViolations('outside the license terms of the organization', 'en'), []);
	});

	test('the scope of a text follows the providers it names', () => {
		assert.equal(scopeOf('Exchange Online lehnt ab'), 'microsoft');
		assert.equal(scopeOf('Gmail lehnt ab'), 'google');
		assert.equal(scopeOf('GMX und WEB.DE'), 'other');
		assert.equal(scopeOf('Microsoft und Google'), 'mixed');
		assert.equal(scopeOf('Ein Postfach'), 'generic');
		assert.equal(scopeOf('Ein Postfach', 'google'), 'google');
	});

	test('quoted German UI labels stay in the scan, quoted English replies do not', () => {
		assert.match(scannableText('Klicken Sie auf „Admin-Zustimmung für den Mandanten“.'), /Admin-Zustimmung/);
		assert.doesNotMatch(scannableText('Antwort „Client not authenticated to send as this sender“'), /sender/);
	});

	test('every entry names its German term, its basis and at least one wrong variant', () => {
		for (const entry of GLOSSARY) {
			assert.ok(entry.en && entry.de && entry.basis && entry.wrong.length > 0, entry.en);
			for (const re of entry.wrong) assert.doesNotMatch(entry.de.split(' (')[0] ?? '', re, entry.en);
		}
	});
});
