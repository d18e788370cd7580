import type { Guide } from '../types';

export const m365ImportFolderRule: Guide = {
	id: 'm365-import-folder-rule',
	provider: 'microsoft365',
	title: {
		en: 'Import from a separate folder through an inbox rule',
		de: 'Aus einem eigenen Ordner importieren, gefüllt von einer Posteingangsregel',
	},
	summary: {
		en: 'Keep the inbox untouched by letting a rule copy new mail into an import folder that the adapter reads and empties, and keep an eye on the mailbox size.',
		de: 'Den Posteingang unberührt lassen: Eine Regel kopiert neue Mails in einen Importordner, den der Adapter liest und leert, und die Postfachgröße im Blick behalten.',
	},
	steps: [
		{
			id: 'create-folder',
			title: { en: 'Create the import folder', de: 'Den Importordner anlegen' },
			body: [
				{
					en: 'Open the mailbox in Outlook on the web (for a shared mailbox: "Open another mailbox" from the account menu) and create a subfolder of the inbox, for example "Import". Keep the name free of slashes.',
					de: 'Öffnen Sie das Postfach in Outlook im Web (für ein freigegebenes Postfach: „Anderes Postfach öffnen“ im Kontomenü) und legen Sie unter dem Posteingang einen Unterordner an, etwa „Import“. Der Name sollte keinen Schrägstrich enthalten.',
				},
			],
			links: [
				{
					url: 'https://outlook.office.com/mail/',
					label: { en: 'Outlook on the web', de: 'Outlook im Web' },
				},
			],
		},
		{
			id: 'create-rule',
			title: { en: 'Add the inbox rule', de: 'Die Posteingangsregel anlegen' },
			body: [
				{
					en: 'Add a new rule that applies to all messages and copies them to the import folder. Copy leaves the original in the inbox for people; move would take it away from them.',
					de: 'Legen Sie eine neue Regel an, die für alle Nachrichten gilt und sie in den Importordner kopiert. Kopieren lässt das Original für die Menschen im Posteingang; Verschieben würde es ihnen wegnehmen.',
				},
			],
			uiPath: [
				{ en: 'Outlook on the web', de: 'Outlook im Web' },
				{ en: 'Settings', de: 'Einstellungen' },
				{ en: 'Mail', de: 'E-Mail' },
				{ en: 'Rules', de: 'Regeln' },
				{ en: 'Add new rule', de: 'Neue Regel hinzufügen' },
			],
		},
		{
			id: 'size-risk',
			title: { en: 'Mind the size', de: 'Auf die Größe achten' },
			body: [
				{
					en: 'With a copy rule every mail exists twice until the adapter deletes its copy, and nothing ever removes the inbox originals. A shared mailbox without license stops at 50 GB. Let the adapter delete or move imported mail, and clean up or archive the inbox regularly.',
					de: 'Mit einer Kopierregel liegt jede Mail doppelt vor, bis der Adapter seine Kopie löscht, und die Originale im Posteingang entfernt niemand. Ein freigegebenes Postfach ohne Lizenz endet bei 50 GB. Lassen Sie den Adapter importierte Mails löschen oder verschieben, und räumen Sie den Posteingang regelmäßig auf oder archivieren Sie ihn.',
				},
			],
			warnings: [
				{
					en: 'The adapter checks the folder over and over; a folder with many thousand messages costs time on every run. Keep it small.',
					de: 'Der Adapter prüft den Ordner immer wieder; ein Ordner mit vielen tausend Nachrichten kostet bei jedem Durchlauf Zeit. Halten Sie ihn klein.',
				},
			],
		},
		{
			id: 'configure',
			title: { en: 'Point the config at the folder', de: 'Die Konfiguration auf den Ordner zeigen lassen' },
			body: [
				{
					en: 'Set imap.folder to the folder path as the server names it; Exchange separates levels with a slash, so a subfolder of the inbox is "INBOX/Import". For afterImport, "delete" with delayDays 2, or "move" to an archive folder, keeps the folder small without losing mail that failed to import.',
					de: 'Setzen Sie imap.folder auf den Ordnerpfad, wie der Server ihn nennt; Exchange trennt Ebenen mit Schrägstrich, ein Unterordner des Posteingangs heißt also „INBOX/Import“. Für afterImport hält „delete“ mit delayDays 2 oder „move“ in einen Archivordner den Ordner klein, ohne Mails zu verlieren, deren Import scheiterte.',
				},
			],
			settings: [
				{ label: { en: 'imap.folder', de: 'imap.folder' }, value: 'INBOX/Import' },
				{ label: { en: 'imap.afterImport', de: 'imap.afterImport' }, value: '{ "action": "delete", "delayDays": 2 }' },
			],
			related: ['m365-disable-read-receipts'],
		},
		{
			id: 'test',
			title: { en: 'Test that the folder opens', de: 'Testen, ob sich der Ordner öffnen lässt' },
			body: [
				{
					en: 'The IMAP test opens the configured folder read-only and reports how many messages it holds; a wrong path fails at the folder stage.',
					de: 'Der IMAP-Test öffnet den konfigurierten Ordner nur lesend und meldet, wie viele Nachrichten er enthält; ein falscher Pfad scheitert in der Ordner-Stufe.',
				},
			],
			verify: { protocol: 'imap' },
		},
	],
};
