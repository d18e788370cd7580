import type { Guide } from '../types';
import { LINKS, sourceLink } from './common';

const entra = { en: 'Microsoft Entra admin center', de: 'Microsoft Entra Admin Center' };

/**
 * A cloud service (SaaS) that reads a company mailbox, like the seeds' FinLink: an app password cannot work for IMAP
 * in Exchange Online (mail-facts §1.5, §8.9), so the vendor's "Sign in with Microsoft" app needs an admin's consent.
 */
export const m365SaasAdminConsent: Guide = {
	id: 'm365-saas-admin-consent',
	provider: 'microsoft365',
	title: {
		en: 'A cloud service connects a mailbox: "Sign in with Microsoft" and admin consent',
		de: 'Ein Cloud-Dienst bindet ein Postfach an: „Mit Microsoft anmelden“ und Administratorzustimmung',
	},
	summary: {
		en: 'Why an app password cannot connect a SaaS tool to a Microsoft 365 mailbox over IMAP, what to ask the vendor for, and how an administrator reviews and grants consent to the vendor’s multi-tenant app.',
		de: 'Warum ein App-Kennwort ein SaaS-Programm nicht per IMAP mit einem Microsoft 365-Postfach verbinden kann, was Sie vom Anbieter verlangen sollten und wie ein Administrator die mehrinstanzenfähige App des Anbieters prüft und ihr zustimmt.',
	},
	steps: [
		{
			id: 'no-app-password',
			title: {
				en: 'Why the app password is refused',
				de: 'Warum das App-Kennwort abgelehnt wird',
			},
			body: [
				{
					en: 'Exchange Online accepts IMAP only with OAuth2. An app password is a Basic authentication credential: it never works for IMAP there, and for SMTP AUTH only while Basic authentication is still allowed. A service that asks for "server, user name, app password" for a Microsoft 365 mailbox cannot read it, whatever the password.',
					de: 'Exchange Online nimmt IMAP nur mit OAuth2 an. Ein App-Kennwort gehört zu den Zugangsdaten der Standardauthentifizierung: Für IMAP funktioniert es dort nie, für SMTP AUTH nur, solange die Standardauthentifizierung noch erlaubt ist. Ein Dienst, der für ein Microsoft 365-Postfach „Server, Benutzername, App-Kennwort“ verlangt, kann es nicht lesen, egal welches Kennwort eingetragen wird.',
				},
			],
			links: [LINKS.appPasswordsEntra],
		},
		{
			id: 'ask-vendor',
			title: {
				en: 'Ask the vendor for "Sign in with Microsoft"',
				de: 'Beim Anbieter „Mit Microsoft anmelden“ verlangen',
			},
			body: [
				{
					en: 'Ask the vendor whether the service connects Microsoft 365 mailboxes with OAuth2 ("Sign in with Microsoft", "Connect Microsoft 365"), which permissions its app requests (delegated IMAP.AccessAsUser.All or Mail.Read for one signed-in mailbox, or application permissions for mailboxes without a user), and whether it publishes an admin consent link. Prefer delegated permissions for a single mailbox; application permissions reach every mailbox unless you limit them.',
					de: 'Fragen Sie den Anbieter, ob der Dienst Microsoft 365-Postfächer mit OAuth2 anbindet („Mit Microsoft anmelden“, „Microsoft 365 verbinden“), welche Berechtigungen seine App anfordert (delegiert IMAP.AccessAsUser.All oder Mail.Read für ein angemeldetes Postfach, oder Anwendungsberechtigungen für Postfächer ohne Benutzer) und ob er einen Link für die Administratorzustimmung veröffentlicht. Delegierte Berechtigungen für ein einzelnes Postfach sind vorzuziehen; Anwendungsberechtigungen erreichen jedes Postfach, wenn Sie sie nicht beschränken.',
				},
			],
		},
		{
			id: 'grant-consent',
			title: {
				en: 'Review the permissions and grant admin consent',
				de: 'Berechtigungen prüfen und Administratorzustimmung erteilen',
			},
			body: [
				{
					en: 'When a user connects the service, Entra asks for consent; in most tenants users may not consent to mail permissions themselves, so an administrator does it for the whole tenant. Open the vendor’s app under Enterprise applications, read every permission under Security > Permissions and choose "Grant admin consent". If the app is not in the tenant yet, open the admin consent URL below with the vendor’s client ID and sign in as an administrator.',
					de: 'Verbindet ein Benutzer den Dienst, fragt Entra nach der Zustimmung; in den meisten Mandanten dürfen Benutzer Mail-Berechtigungen nicht selbst zustimmen, also erteilt ein Administrator sie für den ganzen Mandanten. Öffnen Sie die App des Anbieters unter „Unternehmensanwendungen“, lesen Sie jede Berechtigung unter „Sicherheit > Berechtigungen“ und wählen Sie „Administratorzustimmung erteilen“. Ist die App noch nicht im Mandanten, öffnen Sie die Zustimmungs-URL unten mit der Client-ID des Anbieters und melden Sie sich als Administrator an.',
				},
			],
			uiPath: [
				entra,
				{ en: 'Enterprise applications', de: 'Unternehmensanwendungen' },
				{ en: '(vendor app)', de: '(App des Anbieters)' },
				{ en: 'Security', de: 'Sicherheit' },
				{ en: 'Permissions', de: 'Berechtigungen' },
				{ en: 'Grant admin consent', de: 'Administratorzustimmung erteilen' },
			],
			settings: [
				{
					label: { en: 'Admin consent URL', de: 'URL für die Administratorzustimmung' },
					value: 'https://login.microsoftonline.com/<TENANT>/adminconsent?client_id=<CLIENT_ID>',
				},
			],
			warnings: [
				{
					en: 'Consent for the whole tenant can give the vendor access to every mailbox. Grant only permissions you can explain, and only for a vendor you have a contract with.',
					de: 'Eine Zustimmung für den ganzen Mandanten kann dem Anbieter Zugriff auf jedes Postfach geben. Stimmen Sie nur Berechtigungen zu, die Sie erklären können, und nur für einen Anbieter, mit dem Sie einen Vertrag haben.',
				},
			],
			links: [
				sourceLink('entra-admin-consent', {
					en: 'Microsoft Learn: grant tenant-wide admin consent',
					de: 'Microsoft Learn: Administratorzustimmung für den ganzen Mandanten erteilen',
				}),
				LINKS.entraAdmin,
			],
		},
		{
			id: 'limit-access',
			title: { en: 'Limit who and what the app reaches', de: 'Beschränken, wen und was die App erreicht' },
			body: [
				{
					en: 'Under Properties set "Assignment required?" to Yes and assign only the users who work with the service. If the app uses application permissions, limit it to the mailboxes it needs with RBAC for Applications, and check the sign-in logs of the enterprise application after the first days.',
					de: 'Setzen Sie unter „Eigenschaften“ die Option „Zuweisung erforderlich?“ auf „Ja“ und weisen Sie nur die Benutzer zu, die mit dem Dienst arbeiten. Nutzt die App Anwendungsberechtigungen, beschränken Sie sie mit RBAC für Anwendungen auf die nötigen Postfächer, und prüfen Sie nach den ersten Tagen die Anmeldeprotokolle der Unternehmensanwendung.',
				},
			],
			uiPath: [
				entra,
				{ en: 'Enterprise applications', de: 'Unternehmensanwendungen' },
				{ en: '(vendor app)', de: '(App des Anbieters)' },
				{ en: 'Properties', de: 'Eigenschaften' },
				{ en: 'Assignment required?', de: 'Zuweisung erforderlich?' },
			],
			related: ['m365-oauth2-app-only#limit-mailboxes'],
		},
	],
};
