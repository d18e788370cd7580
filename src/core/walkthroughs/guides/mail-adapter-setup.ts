import type { Guide } from '../types';

export const mailAdapterSetup: Guide = {
	id: 'mail-adapter-setup',
	provider: 'generic',
	title: { en: 'Set up a mail adapter account', de: 'Ein Mail-Adapter-Konto einrichten' },
	summary: {
		en: 'The path for any provider: find host, port and security, pick the sign-in method, keep the secret out of the file, test, and give policy changes time to apply.',
		de: 'Der Weg für jeden Anbieter: Host, Port und Verschlüsselung ermitteln, die Anmeldemethode wählen, das Geheimnis aus der Datei heraushalten, testen und Richtlinienänderungen Zeit zum Wirken geben.',
	},
	steps: [
		{
			id: 'collect-settings',
			title: { en: 'Find host, port and security', de: 'Host, Port und Verschlüsselung ermitteln' },
			body: [
				{
					en: "Take the values from the provider's help pages, not from memory. Ports and security belong together: 993 (IMAP) and 465 (SMTP) use TLS from the first byte, 143 and 587 start in plain text and switch with STARTTLS. The editor completes known providers and flags mismatches.",
					de: 'Nehmen Sie die Werte aus der Hilfe des Anbieters, nicht aus dem Gedächtnis. Port und Verschlüsselung gehören zusammen: 993 (IMAP) und 465 (SMTP) sprechen ab dem ersten Byte TLS, 143 und 587 beginnen im Klartext und wechseln per STARTTLS. Der Editor ergänzt bekannte Anbieter und markiert Widersprüche.',
				},
			],
			settings: [
				{
					label: { en: 'Microsoft 365', de: 'Microsoft 365' },
					value: 'outlook.office365.com:993 TLS / smtp.office365.com:587 STARTTLS',
				},
				{ label: { en: 'Gmail', de: 'Gmail' }, value: 'imap.gmail.com:993 TLS / smtp.gmail.com:465 TLS' },
				{ label: { en: 'GMX', de: 'GMX' }, value: 'imap.gmx.net:993 TLS / mail.gmx.net:587 STARTTLS' },
				{ label: { en: 'WEB.DE', de: 'WEB.DE' }, value: 'imap.web.de:993 TLS / smtp.web.de:587 STARTTLS' },
				{
					label: { en: 'T-Online', de: 'T-Online' },
					value: 'secureimap.t-online.de:993 TLS / securesmtp.t-online.de:465 TLS',
				},
				{ label: { en: 'IONOS', de: 'IONOS' }, value: 'imap.ionos.de:993 TLS / smtp.ionos.de:465 TLS' },
				{ label: { en: 'Strato', de: 'Strato' }, value: 'imap.strato.de:993 TLS / smtp.strato.de:465 TLS' },
			],
		},
		{
			id: 'choose-auth',
			title: { en: 'Choose the sign-in method', de: 'Die Anmeldemethode wählen' },
			body: [
				{
					en: "OAuth2 where the provider offers it and requires it (Microsoft 365 for IMAP, Outlook.com, Google). An app password where the provider demands one with two-factor sign-in (GMX and WEB.DE with 2FA, iCloud, Yahoo, T-Online's separate mail password). The plain account password only where nothing else exists. GMX and WEB.DE also need POP3/IMAP access switched on once in their web settings.",
					de: 'OAuth2, wo der Anbieter es anbietet und verlangt (Microsoft 365 für IMAP, Outlook.com, Google). Ein App-Passwort, wo der Anbieter es bei Zwei-Faktor-Authentifizierung verlangt (GMX und WEB.DE mit 2FA, iCloud, Yahoo, das eigene E-Mail-Passwort bei T-Online). Das normale Kontopasswort nur, wo es nichts anderes gibt. GMX und WEB.DE brauchen außerdem einmalig den in den Web-Einstellungen eingeschalteten POP3/IMAP-Zugriff.',
				},
			],
			related: ['m365-oauth2-app-only', 'm365-oauth2-delegated', 'gmail-oauth2', 'gmail-app-password'],
		},
		{
			id: 'create-config',
			title: { en: 'Create the config', de: 'Die Konfiguration anlegen' },
			body: [
				{
					en: 'Run "{command:newConfig}" and pick the template closest to your case, or write a *.mailaccounts.json by hand; the schema completes every field.',
					de: 'Führen Sie „{command:newConfig}“ aus und wählen Sie die passendste Vorlage, oder schreiben Sie eine *.mailaccounts.json von Hand; das Schema ergänzt jedes Feld.',
				},
			],
		},
		{
			id: 'store-secret',
			title: { en: 'Keep the secret out of the file', de: 'Das Geheimnis aus der Datei heraushalten' },
			body: [
				{
					en: 'Write ${secret:NAME} where the password or client secret goes and store the value with "{command:storeSecret}" (VS Code\'s secret storage), or use ${env:NAME} for a server where the adapter reads environment variables. Config files end up in backups and repositories; secrets should not.',
					de: 'Schreiben Sie ${secret:NAME} an die Stelle des Kennworts oder geheimen Clientschlüssels und speichern Sie den Wert mit „{command:storeSecret}“ (Geheimnisspeicher von VS Code), oder nutzen Sie ${env:NAME} auf einem Server, auf dem der Adapter Umgebungsvariablen liest. Konfigurationsdateien landen in Sicherungen und Repositories; Geheimnisse sollten das nicht.',
				},
			],
		},
		{
			id: 'test',
			title: { en: 'Test the connection', de: 'Die Verbindung testen' },
			body: [
				{
					en: 'Run "{command:testConnection}". The report shows each stage (DNS, TCP, TLS, greeting, login, folder, token) and stops at the first failure with the server\'s own answer and an explanation. The test only reads; it never changes the mailbox or sends mail unless you ask for a test mail.',
					de: 'Führen Sie „{command:testConnection}“ aus. Der Bericht zeigt jede Stufe (DNS, TCP, TLS, Begrüßung, Anmeldung, Ordner, Token) und hält beim ersten Fehler mit der Antwort des Servers und einer Erklärung an. Der Test liest nur; er ändert das Postfach nie und sendet keine Mail, außer Sie fordern eine Testmail an.',
				},
			],
			verify: { protocol: 'any' },
		},
		{
			id: 'wait-for-policy',
			title: { en: 'Give policy changes time', de: 'Richtlinienänderungen Zeit geben' },
			body: [
				{
					en: 'Changes in an admin center (permissions, SMTP AUTH, security defaults, app passwords) reach the mail servers after minutes to hours. If the test still fails right after a change, wait and run it again before changing more.',
					de: 'Änderungen in einem Admin Center (Berechtigungen, SMTP AUTH, Sicherheitsstandards, App-Kennwörter) erreichen die Mailserver nach Minuten bis Stunden. Scheitert der Test direkt nach einer Änderung noch, warten Sie und testen Sie erneut, bevor Sie weiter ändern.',
				},
			],
		},
		{
			id: 'import-options',
			title: { en: 'Decide what happens after import', de: 'Festlegen, was nach dem Import passiert' },
			body: [
				{
					en: 'Choose imap.folder and imap.afterImport. Deleting right after import loses mail if the adapter fails later; a delay of about two days, or moving mail to an archive folder, is safer and keeps the folder small.',
					de: 'Legen Sie imap.folder und imap.afterImport fest. Sofortiges Löschen nach dem Import verliert Mails, falls der Adapter später scheitert; eine Verzögerung von etwa zwei Tagen oder das Verschieben in einen Archivordner ist sicherer und hält den Ordner klein.',
				},
			],
			related: ['m365-import-folder-rule', 'm365-disable-read-receipts'],
		},
	],
};
