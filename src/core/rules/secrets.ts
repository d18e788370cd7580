import { FACTS } from '../facts/registry';
import { parseSecretRef } from '../config/model';
import { secretName } from './context';
import type { AccountRule } from './types';

/** Secret-bearing fields, with the suffix of the reference name a fix proposes. */
const SECRET_FIELDS = [
	{ path: ['auth', 'password'], suffix: 'PASSWORD' },
	{ path: ['auth', 'oauth2', 'clientSecret'], suffix: 'CLIENT_SECRET' },
] as const;

function isLiteral(value: string | undefined): value is string {
	return value !== undefined && value.trim() !== '' && !parseSecretRef(value);
}

export const plaintextSecret: AccountRule = {
	id: 'plaintext-secret',
	severity: 'warning',
	scope: 'account',
	title: { en: 'Secret written in the file', de: 'Geheimnis steht in der Datei' },
	check(account, file, report) {
		for (const field of SECRET_FIELDS) {
			if (!isLiteral(account.str(field.path))) continue;
			const node = account.nodeAt(field.path);
			const reference = `\${secret:${secretName(account.id, field.suffix)}}`;
			report({
				at: [node],
				message: {
					en: '"{field}" holds the secret itself. Anyone who can read this file (or its history in version control) can sign in. Store it with "{command:storeSecret}" and reference it as {reference}, or use ${env:NAME}.',
					de: '„{field}“ enthält das Geheimnis selbst. Wer diese Datei (oder ihre Versionsgeschichte) lesen kann, kann sich anmelden. Mit „{command:storeSecret}“ ablegen und als {reference} referenzieren, oder ${env:NAME} verwenden.',
				},
				args: { field: field.path.join('.'), reference },
				fixes: [
					{
						title: { en: 'Replace with {reference}', de: 'Durch {reference} ersetzen' },
						args: { reference },
						edits: [node && file.editor.replaceValue(node, reference)],
					},
				],
			});
		}
	},
};

export const appPasswordFormat: AccountRule = {
	id: 'app-password-format',
	severity: 'warning',
	scope: 'account',
	title: { en: 'Not the shape of an app password', de: 'Hat nicht die Form eines App-Kennworts' },
	check(account, file, report) {
		const password = account.str(['auth', 'password']);
		const provider = account.detected?.provider;
		const format = provider?.appPassword?.format;
		if (account.str(['auth', 'method']) !== 'app-password' || !format || !isLiteral(password)) return;
		if (format.pattern.test(password.replace(/\s+/g, '').toLowerCase())) return;
		// A shape that only users report (Microsoft documents none) makes this a hint, and says so.
		const reported = format.fact !== undefined && FACTS[format.fact].basis !== 'sourced';
		report({
			at: [account.nodeAt(['auth', 'password'])],
			severity: reported ? 'information' : undefined,
			message: reported
				? {
						en: 'This does not look like a {provider} app password: users report those as {shape} ({provider} does not document the format, so this is only a hint). If it is the normal account password, set method "password"; that only works where Basic authentication is still allowed.',
						de: 'Das sieht nicht nach einem App-Kennwort von {provider} aus: Benutzer berichten, dass diese aus {shape} bestehen ({provider} dokumentiert das Format nicht, dies ist also nur ein Hinweis). Ist es das normale Kontokennwort, die Methode „password“ setzen; das funktioniert nur, wo die Standardauthentifizierung noch erlaubt ist.',
					}
				: {
						en: 'This cannot be a {provider} app password: those are {shape}. If it is the normal account password, {provider} does not accept it from mail programs; create an app password.',
						de: 'Das kann kein App-Passwort von {provider} sein: Diese bestehen aus {shape}. Ist es das normale Kontopasswort, nimmt {provider} es von E-Mail-Programmen nicht an; ein App-Passwort erstellen.',
					},
			args: { provider: provider.name, shape: format.shape[file.lang] },
			walkthrough: provider.appPassword?.walkthrough || undefined,
		});
	},
};

export const oauth2MissingClientSecret: AccountRule = {
	id: 'oauth2-missing-client-secret',
	severity: 'error',
	scope: 'account',
	title: { en: 'App-only OAuth2 without a credential', de: 'Nur-App-OAuth2 ohne Anmeldeinformation' },
	walkthrough: 'm365-oauth2-app-only',
	check(account, file, report) {
		if (account.str(['auth', 'method']) !== 'oauth2') return;
		if (account.str(['auth', 'oauth2', 'flow']) !== 'client-credentials') return;
		if (account.get(['auth', 'oauth2', 'clientSecret']) !== undefined) return;
		if (account.get(['auth', 'oauth2', 'certificate']) !== undefined) return;
		const oauth2 = account.nodeAt(['auth', 'oauth2']);
		const reference = `\${secret:${secretName(account.id, 'CLIENT_SECRET')}}`;
		report({
			at: [account.nodeAt(['auth', 'oauth2', 'flow'])],
			message: {
				en: 'The client-credentials flow signs in as the app itself and needs "clientSecret" or "certificate".',
				de: 'Der Flow für Clientanmeldeinformationen meldet sich als App selbst an und braucht „clientSecret“ oder „certificate“.',
			},
			fixes:
				oauth2?.type === 'object'
					? [
							{
								title: { en: 'Add "clientSecret": {reference}', de: '„clientSecret“: {reference} ergänzen' },
								args: { reference },
								edits: [file.editor.insertProperty(oauth2, 'clientSecret', reference)],
							},
						]
					: [],
		});
	},
};
