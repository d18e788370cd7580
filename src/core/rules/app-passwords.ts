import type { AccountRule } from './types';

const PASSWORD_METHODS = new Set(['password', 'app-password']);

export const appPasswordPrerequisites: AccountRule = {
	id: 'app-password-prerequisites',
	severity: 'information',
	scope: 'account',
	title: { en: 'What an app password needs', de: 'Was ein App-Kennwort voraussetzt' },
	check(account, _file, report) {
		const info = account.detected?.provider.appPassword;
		if (account.str(['auth', 'method']) !== 'app-password' || !info?.prerequisites) return;
		report({
			at: [account.nodeAt(['auth', 'method'])],
			message: info.prerequisites,
			walkthrough: info.walkthrough || undefined,
		});
	},
};

export const appPasswordRequired: AccountRule = {
	id: 'app-password-required',
	severity: 'warning',
	scope: 'account',
	title: { en: 'Provider needs an app password', de: 'Anbieter verlangt ein App-Passwort' },
	check(account, file, report) {
		const provider = account.detected?.provider;
		if (account.str(['auth', 'method']) !== 'password' || !provider?.appPassword?.required) return;
		const node = account.nodeAt(['auth', 'method']);
		report({
			at: [node],
			message: {
				en: '{provider} does not accept the normal account password from mail programs; create an app password and use method "app-password".',
				de: '{provider} nimmt das normale Kontopasswort von E-Mail-Programmen nicht an; ein App-Passwort erstellen und die Methode „app-password“ verwenden.',
			},
			args: { provider: provider.name },
			fixes: [
				{
					title: { en: 'Use method "app-password"', de: 'Methode „app-password“ verwenden' },
					edits: [node && file.editor.replaceValue(node, 'app-password')],
				},
			],
		});
	},
};

export const sharedMailboxAuth: AccountRule = {
	id: 'shared-mailbox-auth',
	severity: 'warning',
	scope: 'account',
	title: { en: 'Shared mailbox with a password', de: 'Freigegebenes Postfach mit Kennwort' },
	walkthrough: 'm365-shared-mailbox',
	check(account, _file, report) {
		const facts = account.detected?.provider.sharedMailboxPasswordLogin;
		const method = account.str(['auth', 'method']);
		if (account.str(['mailbox', 'type']) !== 'shared' || !facts || !method || !PASSWORD_METHODS.has(method)) return;
		report({
			at: [account.nodeAt(['auth', 'method']), account.nodeAt(['mailbox', 'type'])],
			message: {
				en: 'Microsoft says to keep sign-in blocked for a {provider} shared mailbox, and signing in to an unlicensed one directly is outside the license terms (password logins are being retired as well). Use OAuth2: an app with Full Access to the mailbox, or a licensed delegate with the shared address as "user" for IMAP and Send As for SMTP.',
				de: 'Microsoft empfiehlt, die Anmeldung für ein freigegebenes Postfach in {provider} blockiert zu lassen, und eine direkte Anmeldung an einem unlizenzierten ist von den Lizenzbedingungen nicht gedeckt (Kennwortanmeldungen laufen ohnehin aus). OAuth2 verwenden: eine App mit Vollzugriff auf das Postfach oder einen lizenzierten Stellvertreter mit der freigegebenen Adresse als „user“ für IMAP und „Senden als“ für SMTP.',
			},
			args: { provider: account.detected?.provider.name ?? '' },
			walkthrough: facts.walkthrough,
		});
	},
};
