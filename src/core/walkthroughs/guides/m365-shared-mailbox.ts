import type { Guide } from '../types';
import { LINKS, M365_SETTINGS, STATUS_AS_OF, sourceLink } from './common';

const adminCenter = { en: 'Microsoft 365 admin center', de: 'Microsoft 365 Admin Center' };

export const m365SharedMailbox: Guide = {
	id: 'm365-shared-mailbox',
	provider: 'microsoft365',
	title: {
		en: 'A shared mailbox for a project or an import',
		de: 'Ein freigegebenes Postfach für ein Projekt oder einen Import',
	},
	summary: {
		en: 'Create a shared mailbox (no license up to 50 GB), let an adapter in with OAuth2 through an application or a member with access, and keep its own sign-in blocked, as Microsoft advises.',
		de: 'Ein freigegebenes Postfach anlegen (ohne Lizenz bis 50 GB), einen Adapter per OAuth2 über eine Anwendung oder ein Mitglied mit Zugriff hineinlassen und die eigene Anmeldung des Postfachs blockiert lassen, wie Microsoft es empfiehlt.',
	},
	currentStatus: {
		asOf: STATUS_AS_OF,
		text: {
			en: 'Older guides give the shared mailbox a password through "Reset password" and sign in with it for IMAP and SMTP. Microsoft says to keep sign-in blocked for a shared mailbox, and signing in to an unlicensed one is outside the license terms; besides, IMAP with a password no longer works on Exchange Online, and SMTP with a password is off by default {since:exo-smtp-basic-default-off}. Use OAuth2.',
			de: 'Ältere Anleitungen geben dem freigegebenen Postfach über „Kennwort zurücksetzen“ ein Kennwort und melden sich damit für IMAP und SMTP an. Microsoft empfiehlt, die Anmeldung für ein freigegebenes Postfach blockiert zu lassen, und eine Anmeldung an einem unlizenzierten ist von den Lizenzbedingungen nicht gedeckt; außerdem funktioniert IMAP mit Kennwort in Exchange Online nicht mehr, und SMTP mit Kennwort ist {since:exo-smtp-basic-default-off} standardmäßig aus. Verwenden Sie OAuth2.',
		},
		modernAlternative: 'm365-oauth2-app-only',
	},
	steps: [
		{
			id: 'create',
			title: { en: 'Create the shared mailbox', de: 'Das freigegebene Postfach anlegen' },
			body: [
				{
					en: 'Choose "Add a shared mailbox", enter a display name (for example the project name) and the address, and save. Creation takes a few minutes before the mailbox can be opened.',
					de: 'Wählen Sie „Freigegebenes Postfach hinzufügen“, geben Sie einen Anzeigenamen (etwa den Projektnamen) und die Adresse ein und speichern Sie. Nach dem Anlegen dauert es einige Minuten, bis sich das Postfach öffnen lässt.',
				},
			],
			uiPath: [
				adminCenter,
				{ en: 'Teams & groups', de: 'Teams & Gruppen' },
				{ en: 'Shared mailboxes', de: 'Freigegebene Postfächer' },
				{ en: 'Add a shared mailbox', de: 'Freigegebenes Postfach hinzufügen' },
			],
			links: [LINKS.m365Admin, LINKS.sharedMailboxes],
		},
		{
			id: 'limits',
			title: { en: 'Know the limits', de: 'Die Grenzen kennen' },
			body: [
				{
					en: 'A shared mailbox needs no license while it stays under 50 GB and has no archive. Only licensed users can be given access. An import that copies mail but never deletes it will reach the limit sooner or later.',
					de: 'Ein freigegebenes Postfach braucht keine Lizenz, solange es unter 50 GB bleibt und kein Archiv hat. Zugriff können nur lizenzierte Benutzer erhalten. Ein Import, der Mails kopiert, aber nie löscht, erreicht die Grenze früher oder später.',
				},
			],
			related: ['m365-import-folder-rule#size-risk'],
		},
		{
			id: 'add-members',
			title: { en: 'Give people access', de: 'Personen Zugriff geben' },
			body: [
				{
					en: 'Add the users who work with the mailbox as members (Full Access). A member can then open it in Outlook and, with OAuth2, sign in for the adapter on its behalf.',
					de: 'Fügen Sie die Benutzer, die mit dem Postfach arbeiten, als Mitglieder hinzu (Vollzugriff). Ein Mitglied kann es dann in Outlook öffnen und sich mit OAuth2 stellvertretend für den Adapter anmelden.',
				},
			],
			commands: [
				{
					shell: 'powershell',
					code: 'Add-MailboxPermission -Identity <SHARED_MAILBOX> -User <USER> -AccessRights FullAccess',
				},
			],
		},
		{
			id: 'oauth2-access',
			title: { en: 'Way 1 (recommended): OAuth2', de: 'Weg 1 (empfohlen): OAuth2' },
			body: [
				{
					en: 'Either an application reads the mailbox with its own permission (app-only, best for servers), or a member signs in once and the adapter uses that person\'s token (delegated). In both cases the shared mailbox keeps sign-in blocked and has no password at all. Set mailbox.type to "shared" in the config.',
					de: 'Entweder liest eine Anwendung das Postfach mit eigener Berechtigung (Nur-App, am besten für Server), oder ein Mitglied meldet sich einmal an und der Adapter nutzt dessen Token (delegiert). In beiden Fällen bleibt die Anmeldung am freigegebenen Postfach blockiert und es hat gar kein Kennwort. Setzen Sie mailbox.type in der Konfiguration auf „shared“.',
				},
			],
			related: ['m365-oauth2-app-only#mailbox-permission', 'm365-oauth2-delegated#shared-mailbox'],
		},
		{
			id: 'password-access',
			title: {
				en: 'Why not a password of its own (older guides)',
				de: 'Warum kein eigenes Kennwort (ältere Anleitungen)',
			},
			body: [
				{
					en: 'Older guides reset the shared mailbox’s password in the list of active users and unblock its sign-in. Microsoft advises to block sign-in for a shared mailbox’s account and keep it blocked; signing in to an unlicensed shared mailbox directly is outside the license terms. A password would also work only for SMTP with Basic authentication, which is off by default {since:exo-smtp-basic-default-off}.',
					de: 'Ältere Anleitungen setzen in der Liste der aktiven Benutzer ein Kennwort für das freigegebene Postfach und heben die Anmeldesperre auf. Microsoft empfiehlt, die Anmeldung für das Konto eines freigegebenen Postfachs zu blockieren und blockiert zu lassen; eine direkte Anmeldung an einem unlizenzierten freigegebenen Postfach ist von den Lizenzbedingungen nicht gedeckt. Ein Kennwort würde zudem nur für SMTP mit Standardauthentifizierung funktionieren, und die ist {since:exo-smtp-basic-default-off} standardmäßig aus.',
				},
				{
					en: 'Check that "Block sign-in" is on for the shared mailbox. A device that must send as the shared address needs its own way: a licensed user with Send As on the shared address, or one of the ways without a password login.',
					de: 'Prüfen Sie, dass „Anmeldung blockieren“ für das freigegebene Postfach eingeschaltet ist. Ein Gerät, das als die freigegebene Adresse senden muss, braucht einen eigenen Weg: einen lizenzierten Benutzer mit „Senden als“ auf die freigegebene Adresse oder einen der Wege ohne Kennwortanmeldung.',
				},
			],
			uiPath: [
				adminCenter,
				{ en: 'Users', de: 'Benutzer' },
				{ en: 'Active users', de: 'Aktive Benutzer' },
				{ en: '(shared mailbox)', de: '(freigegebenes Postfach)' },
				{ en: 'Block sign-in', de: 'Anmeldung blockieren' },
			],
			warnings: [
				{
					en: 'A shared mailbox with a password is an account anyone can try to sign in to, usually without MFA.',
					de: 'Ein freigegebenes Postfach mit Kennwort ist ein Konto, an dem jeder eine Anmeldung versuchen kann, meist ohne MFA.',
				},
			],
			links: [
				sourceLink('exo-shared-mailbox-block-sign-in', {
					en: 'Microsoft Learn: block sign-in for shared mailbox accounts',
					de: 'Microsoft Learn: Anmeldung für Konten freigegebener Postfächer blockieren',
				}),
			],
			related: ['m365-send-as', 'm365-smtp-after-basic-auth'],
		},
		{
			id: 'configure',
			title: { en: 'Configure and test', de: 'Konfigurieren und testen' },
			body: [
				{
					en: 'Use the Microsoft 365 endpoints below, then run the connection test.',
					de: 'Verwenden Sie die Microsoft 365-Endpunkte unten und starten Sie dann den Verbindungstest.',
				},
			],
			settings: [M365_SETTINGS.imapHost, M365_SETTINGS.imapPort, M365_SETTINGS.smtpHost, M365_SETTINGS.smtpPort],
			verify: { protocol: 'any' },
		},
	],
};
