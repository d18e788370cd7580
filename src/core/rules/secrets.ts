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
					en: '"{field}" holds the secret itself. Anyone who can read this file (or its history in version control) can sign in. Store it with "mailcfg: Store Secret" and reference it as {reference}, or use ${env:NAME}.',
					de: '„{field}“ enthält das Geheimnis selbst. Wer diese Datei (oder ihre Versionsgeschichte) lesen kann, kann sich anmelden. Mit „mailcfg: Geheimnis speichern“ ablegen und als {reference} referenzieren, oder ${env:NAME} verwenden.',
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
	title: { en: 'Not the shape of an app password', de: 'Hat nicht die Form eines App-Passworts' },
	check(account, _file, report) {
		const password = account.str(['auth', 'password']);
		const format = account.detected?.provider.appPassword?.format;
		if (account.str(['auth', 'method']) !== 'app-password' || !format || !isLiteral(password)) return;
		if (format.pattern.test(password.replace(/\s+/g, '').toLowerCase())) return;
		report({
			at: [account.nodeAt(['auth', 'password'])],
			message: {
				en: 'This cannot be a {provider} app password: those are {shape}. It looks like the normal account password, which {provider} does not accept here.',
				de: 'Das kann kein App-Passwort von {provider} sein: Diese bestehen aus {shape}. Es sieht nach dem normalen Kontokennwort aus, das {provider} hier nicht annimmt.',
			},
			args: { provider: account.detected?.provider.name ?? '', shape: format.shape[_file.lang] },
			...(account.detected?.provider.appPassword?.walkthrough
				? { walkthrough: account.detected.provider.appPassword.walkthrough }
				: {}),
		});
	},
};

export const oauth2MissingClientSecret: AccountRule = {
	id: 'oauth2-missing-client-secret',
	severity: 'error',
	scope: 'account',
	title: { en: 'App-only OAuth2 without a credential', de: 'App-only-OAuth2 ohne Anmeldeinformation' },
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
				de: 'Der Client-Credentials-Flow meldet sich als App selbst an und braucht „clientSecret“ oder „certificate“.',
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
