import type { Guide } from '../types';
import { LINKS } from './common';

export const m365SendAs: Guide = {
	id: 'm365-send-as',
	provider: 'microsoft365',
	title: {
		en: 'Send As for a shared or project mailbox',
		de: '„Senden als“ für ein freigegebenes oder Projektpostfach',
	},
	summary: {
		en: 'Allow a user or an application to send with the address of another mailbox, so mail leaves with the project address instead of the login, and recognize the errors when the right is missing.',
		de: 'Einem Benutzer oder einer Anwendung erlauben, mit der Adresse eines anderen Postfachs zu senden, damit Mails mit der Projektadresse statt mit der Anmeldung hinausgehen, und die Fehler erkennen, wenn das Recht fehlt.',
	},
	steps: [
		{
			id: 'grant-admin-center',
			title: { en: 'Grant Send As in the admin center', de: '„Senden als“ im Admin Center erteilen' },
			body: [
				{
					en: 'Open the shared mailbox, edit "Send as" and add the user who sends. "Send on behalf" is a different right: the recipient then sees both names.',
					de: 'Öffnen Sie das freigegebene Postfach, bearbeiten Sie „Senden als“ und fügen Sie den sendenden Benutzer hinzu. „Senden im Auftrag von“ ist ein anderes Recht: Der Empfänger sieht dann beide Namen.',
				},
			],
			uiPath: [
				{ en: 'Microsoft 365 admin center', de: 'Microsoft 365 Admin Center' },
				{ en: 'Teams & groups', de: 'Teams & Gruppen' },
				{ en: 'Shared mailboxes', de: 'Freigegebene Postfächer' },
				{ en: '(mailbox)', de: '(Postfach)' },
				{ en: 'Send as', de: 'Senden als' },
			],
			links: [LINKS.m365Admin, LINKS.exchangeAdmin],
		},
		{
			id: 'grant-powershell',
			title: { en: 'Or grant it in PowerShell', de: 'Oder per PowerShell erteilen' },
			body: [
				{
					en: 'The trustee is a user, or for app-only OAuth2 the service principal of the application.',
					de: 'Der Berechtigte ist ein Benutzer, bei OAuth2 mit Nur-App-Zugriff der Dienstprinzipal der Anwendung.',
				},
			],
			commands: [
				{
					shell: 'powershell',
					code: 'Add-RecipientPermission -Identity <SHARED_MAILBOX> -Trustee <USER_OR_SERVICE_PRINCIPAL> -AccessRights SendAs',
				},
				{ shell: 'powershell', code: 'Get-RecipientPermission -Identity <SHARED_MAILBOX>' },
			],
		},
		{
			id: 'configure',
			title: { en: 'Put the address in the config', de: 'Die Adresse in die Konfiguration eintragen' },
			body: [
				{
					en: 'Set smtp.from to the shared address and list it in smtp.sendAs, so the editor knows the permission exists. The SMTP login stays the user (or application) that holds the right.',
					de: 'Setzen Sie smtp.from auf die freigegebene Adresse und führen Sie sie in smtp.sendAs auf, damit der Editor weiß, dass das Recht besteht. Die SMTP-Anmeldung bleibt der Benutzer (oder die Anwendung) mit dem Recht.',
				},
			],
		},
		{
			id: 'errors',
			title: { en: 'Recognize a missing right', de: 'Ein fehlendes Recht erkennen' },
			body: [
				{
					en: '"554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException" or "5.7.60 Client does not have permissions to send as this sender" mean the right is missing or not active yet. New permissions can take up to an hour.',
					de: '„554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException“ oder „5.7.60 Client does not have permissions to send as this sender“ bedeuten: Das Recht fehlt oder ist noch nicht aktiv. Neue Rechte können bis zu einer Stunde brauchen.',
				},
			],
		},
		{
			id: 'test',
			title: { en: 'Test sending', de: 'Senden testen' },
			body: [
				{
					en: 'The connection test checks the SMTP login. Whether Send As works shows only when a mail is sent: use "{command:sendTestMail}" to send one to yourself.',
					de: 'Der Verbindungstest prüft die SMTP-Anmeldung. Ob „Senden als“ funktioniert, zeigt sich erst beim Senden: Schicken Sie sich mit „{command:sendTestMail}“ selbst eine.',
				},
			],
			verify: { protocol: 'smtp' },
		},
	],
};
