import type { Guide } from '../types';
import { LINKS } from './common';

export const m365DisableReadReceipts: Guide = {
	id: 'm365-disable-read-receipts',
	provider: 'microsoft365',
	title: { en: 'Stop automatic read receipts', de: 'Automatische Lesebestätigungen unterbinden' },
	summary: {
		en: 'When an adapter fetches and deletes mail, Exchange can send read or "deleted without being read" notices to senders. A transport rule drops them, for every client of the organization unless you narrow it.',
		de: 'Wenn ein Adapter Mails abruft und löscht, kann Exchange Lese- oder „ungelesen gelöscht“-Meldungen an Absender schicken. Eine Nachrichtenflussregel verwirft sie, und zwar für jeden Client der Organisation, sofern Sie sie nicht eingrenzen.',
	},
	steps: [
		{
			id: 'why',
			title: { en: 'Why the receipts appear', de: 'Warum die Bestätigungen entstehen' },
			body: [
				{
					en: 'A sender can ask for a read receipt. When the adapter marks the message read, moves it, or deletes it unread, Exchange Online may answer that request on the mailbox\'s behalf with a "read" or "deleted without being read" notice, which nobody intended to send. Whether it does depends on the mailbox\'s own setting in Outlook on the web (Settings > Mail > Message handling > Read receipts: always send, never send, or ask); for a mailbox only an adapter reads, set it to "never send", or use the rule below to stop receipts for everyone.',
					de: 'Ein Absender kann eine Lesebestätigung anfordern. Markiert der Adapter die Nachricht als gelesen, verschiebt sie oder löscht sie ungelesen, kann Exchange Online die Anforderung im Namen des Postfachs mit einer „gelesen“- oder „ungelesen gelöscht“-Benachrichtigung beantworten, die niemand senden wollte. Ob das geschieht, entscheidet die Einstellung des Postfachs in Outlook im Web (Einstellungen > E-Mail > Nachrichtenbehandlung > Lesebestätigungen: immer senden, nie senden oder nachfragen); wählen Sie für ein Postfach, das nur ein Adapter liest, „nie senden“, oder unterbinden Sie Bestätigungen mit der Regel unten für alle.',
				},
			],
		},
		{
			id: 'create-rule',
			title: { en: 'Create the transport rule', de: 'Die Nachrichtenflussregel anlegen' },
			body: [
				{
					en: 'Add a new rule. Condition: the message type is "Read receipt". Action: delete the message without notifying anyone. Narrow it with a second condition on the sender, set to the import mailbox, so receipts of everyone else still go out.',
					de: 'Legen Sie eine neue Regel an. Bedingung: Der Nachrichtentyp ist „Lesebestätigung“. Aktion: Die Nachricht ohne Benachrichtigung anderer löschen. Grenzen Sie sie mit einer zweiten Bedingung auf den Absender ein, nämlich das Importpostfach, damit die Bestätigungen aller anderen weiter hinausgehen.',
				},
			],
			uiPath: [
				{ en: 'Exchange admin center', de: 'Exchange Admin Center' },
				{ en: 'Mail flow', de: 'Nachrichtenfluss' },
				{ en: 'Rules', de: 'Regeln' },
				{ en: 'Add a rule', de: 'Regel hinzufügen' },
			],
			links: [LINKS.exchangeAdmin],
		},
		{
			id: 'powershell',
			title: { en: 'Or in PowerShell', de: 'Oder per PowerShell' },
			body: [
				{
					en: 'The same rule, limited to receipts sent by the import mailbox.',
					de: 'Dieselbe Regel, beschränkt auf Bestätigungen, die das Importpostfach sendet.',
				},
			],
			commands: [
				{
					shell: 'powershell',
					code: 'New-TransportRule -Name "Drop read receipts of <MAILBOX>" -From <MAILBOX> -MessageTypeMatches ReadReceipt -DeleteMessage $true',
				},
			],
		},
		{
			id: 'scope-warning',
			title: { en: 'Know what the rule affects', de: 'Wissen, was die Regel betrifft' },
			body: [
				{
					en: 'Without the sender condition the rule removes every read receipt in the organization, whichever client or device produced it, and people stop getting receipts they asked for. Tell the users, or keep the rule narrow.',
					de: 'Ohne die Absenderbedingung entfernt die Regel jede Lesebestätigung der Organisation, egal welcher Client oder welches Gerät sie erzeugt hat, und Menschen bekommen angeforderte Bestätigungen nicht mehr. Informieren Sie die Benutzer oder halten Sie die Regel eng.',
				},
			],
			warnings: [
				{
					en: 'Transport rules apply to the whole tenant. Test with one mailbox first.',
					de: 'Nachrichtenflussregeln gelten für den ganzen Mandanten. Testen Sie zuerst mit einem Postfach.',
				},
			],
		},
	],
};
