import type { Localized } from '../core/i18n';

/** Every text the connection-test commands show, in both languages. */
export const PROBE_TEXTS = {
	untrusted: {
		en: 'Connection tests are off in untrusted workspaces: a config file could send your stored credentials to any host. Trust the workspace to run them.',
		de: 'Verbindungstests sind in nicht vertrauenswürdigen Arbeitsbereichen aus: Eine Konfigurationsdatei könnte Ihre gespeicherten Zugangsdaten an beliebige Hosts schicken. Vertrauen Sie dem Arbeitsbereich, um sie auszuführen.',
	},
	manageTrust: { en: 'Manage Workspace Trust', de: 'Arbeitsbereich-Vertrauen verwalten' },
	confirmTargets: {
		en: 'The test of account "{account}" sends credentials to these destinations:',
		de: 'Der Test des Kontos „{account}“ sendet Zugangsdaten an diese Ziele:',
	},
	confirmTargetsDetail: {
		en: 'Only continue if the config file is yours. You are asked again when a destination or what it receives changes.',
		de: 'Fahren Sie nur fort, wenn die Konfigurationsdatei von Ihnen stammt. Die Frage kommt wieder, wenn sich ein Ziel oder das, was es erhält, ändert.',
	},
	confirmCleartextDetail: {
		en: 'At least one destination is not encrypted and not on this machine: anyone on the network path can read what is sent there. Only continue if you accept that risk; you are asked every time.',
		de: 'Mindestens ein Ziel ist unverschlüsselt und nicht auf diesem Rechner: Jeder auf dem Netzweg kann mitlesen, was dorthin geht. Fahren Sie nur fort, wenn Sie dieses Risiko eingehen; die Frage kommt jedes Mal.',
	},
	connect: { en: 'Connect', de: 'Verbinden' },
	connectCleartext: { en: 'Send in Cleartext', de: 'Im Klartext senden' },
	secretOtherScope: {
		en: 'Account "{account}" needs the secret "{name}". A secret of that name is stored for {where}, not for this workspace folder. Use that value here too?',
		de: 'Das Konto „{account}“ braucht das Geheimnis „{name}“. Ein Geheimnis dieses Namens ist für {where} gespeichert, nicht für diesen Arbeitsbereichsordner. Diesen Wert auch hier verwenden?',
	},
	secretUnscoped: {
		en: 'all workspaces (stored by an earlier version)',
		de: 'alle Arbeitsbereiche (von einer früheren Version gespeichert)',
	},
	secretUseHere: { en: 'Use It Here', de: 'Hier verwenden' },
	missingSecret: {
		en: 'Account "{account}" needs the secret "{name}", which is not stored yet.',
		de: 'Das Konto „{account}“ braucht das Geheimnis „{name}“, das noch nicht gespeichert ist.',
	},
	howSecret: {
		en: 'Store it with "{command:storeSecret}" under the name {name}.',
		de: 'Speichern Sie es mit „{command:storeSecret}“ unter dem Namen {name}.',
	},
	howEnv: {
		en: 'Set the environment variable {name} before starting VS Code.',
		de: 'Setzen Sie die Umgebungsvariable {name}, bevor VS Code startet.',
	},
	storeIt: { en: 'Store It…', de: 'Jetzt speichern…' },
	secretPrompt: {
		en: 'Value of secret "{name}" (kept in the OS keychain through VS Code, never in files)',
		de: 'Wert des Geheimnisses „{name}“ (liegt über VS Code im Schlüsselbund des Systems, nie in Dateien)',
	},
	secretEmpty: { en: 'The value must not be empty.', de: 'Der Wert darf nicht leer sein.' },
	secretStored: { en: 'Secret "{name}" stored.', de: 'Geheimnis „{name}“ gespeichert.' },
	secretDeleted: { en: 'Secret "{name}" deleted.', de: 'Geheimnis „{name}“ gelöscht.' },
	pickSecret: { en: 'Which secret?', de: 'Welches Geheimnis?' },
	secretOther: { en: 'Another name…', de: 'Anderer Name…' },
	secretNamePrompt: {
		en: 'Secret name, as in ${secret:NAME} (letters, digits, _ . -)',
		de: 'Name des Geheimnisses wie in ${secret:NAME} (Buchstaben, Ziffern, _ . -)',
	},
	secretNameInvalid: {
		en: 'Use letters, digits, "_", "." or "-", starting with a letter or "_".',
		de: 'Erlaubt sind Buchstaben, Ziffern, „_“, „.“ und „-“, am Anfang ein Buchstabe oder „_“.',
	},
	secretIsStored: { en: 'stored', de: 'gespeichert' },
	secretNotStored: { en: 'not stored', de: 'nicht gespeichert' },
	confirmDelete: {
		en: 'Delete secret "{name}"? Tests of accounts that use it will ask for it again.',
		de: 'Geheimnis „{name}“ löschen? Tests von Konten, die es nutzen, fragen dann erneut danach.',
	},
	delete: { en: 'Delete', de: 'Löschen' },
	noSecretNames: {
		en: 'No ${secret:NAME} references in the open or workspace config files.',
		de: 'Die offenen oder im Arbeitsbereich liegenden Konfigurationsdateien enthalten keine ${secret:NAME}-Verweise.',
	},
	pickAccount: { en: 'Which account?', de: 'Welches Konto?' },
	noAccounts: {
		en: 'No mail accounts found in open or workspace config files (*.mailaccount.json, *.mailaccounts.json, mailaccounts.json).',
		de: 'Keine Mailkonten in offenen oder im Arbeitsbereich liegenden Konfigurationsdateien gefunden (*.mailaccount.json, *.mailaccounts.json, mailaccounts.json).',
	},
	noAccountsInFile: {
		en: 'This file contains no mail accounts with an "id".',
		de: 'Diese Datei enthält keine Mailkonten mit „id“.',
	},
	noFile: { en: 'Open a mail account config file first.', de: 'Öffnen Sie zuerst eine Mailkonto-Konfigurationsdatei.' },
	accountNotFound: {
		en: 'Account "{account}" is not in {file}.',
		de: 'Das Konto „{account}“ steht nicht in {file}.',
	},
	noSmtpAccounts: {
		en: 'No account with an "smtp" block found: a test mail needs one.',
		de: 'Kein Konto mit „smtp“-Block gefunden: Eine Testmail braucht einen.',
	},
	noOAuth2Accounts: {
		en: 'No account with "auth.method": "oauth2" found.',
		de: 'Kein Konto mit „auth.method“: „oauth2“ gefunden.',
	},
	progressTitle: { en: 'Mail connection test', de: 'Mail-Verbindungstest' },
	progressAccount: { en: '{account}: {stage}…', de: '{account}: {stage}…' },
	progressCount: { en: '{done} of {total} accounts done', de: '{done} von {total} Konten fertig' },
	passed: { en: '"{account}": all checks passed.', de: '„{account}“: alle Prüfungen bestanden.' },
	failed: {
		en: '"{account}": {protocol} failed at {stage}: {message}',
		de: '„{account}“: {protocol} bei {stage} fehlgeschlagen: {message}',
	},
	/** With an explanation, the toast names the cause rather than repeating the diagnostic's wording. */
	failedCause: {
		en: '"{account}": {protocol} failed at {stage}. {cause}',
		de: '„{account}“: {protocol} bei {stage} fehlgeschlagen. {cause}',
	},
	summary: {
		en: '{passed} of {total} accounts passed, {failed} failed.',
		de: '{passed} von {total} Konten bestanden, {failed} fehlgeschlagen.',
	},
	showReport: { en: 'Show Report', de: 'Bericht anzeigen' },
	openWalkthrough: { en: 'Open Walkthrough', de: 'Anleitung öffnen' },
	noReport: {
		en: 'No connection test has run in this session yet.',
		de: 'In dieser Sitzung lief noch kein Verbindungstest.',
	},
	copied: {
		en: 'Redacted report copied to the clipboard.',
		de: 'Bereinigter Bericht in die Zwischenablage kopiert.',
	},
	recipientPrompt: {
		en: 'Send the test mail to (only this address gets it)',
		de: 'Testmail senden an (nur diese Adresse erhält sie)',
	},
	recipientInvalid: { en: 'Enter {rule}.', de: 'Geben Sie {rule} ein.' },
	confirmSend: {
		en: 'Send a test mail through {host} as account "{account}" to {to}?',
		de: 'Eine Testmail über {host} als Konto „{account}“ an {to} senden?',
	},
	send: { en: 'Send', de: 'Senden' },
	sent: { en: 'Test mail to {to} accepted by the server.', de: 'Testmail an {to} vom Server angenommen.' },
	deviceCode: {
		en: 'Sign in for "{account}": open {url} and enter the code {code}.',
		de: 'Anmeldung für „{account}“: Öffnen Sie {url} und geben Sie den Code {code} ein.',
	},
	copyAndOpen: { en: 'Copy & Open', de: 'Kopieren & öffnen' },
	signedIn: {
		en: '"{account}": signed in; the token is cached in VS Code\'s secret storage.',
		de: '„{account}“: angemeldet; das Token liegt im geschützten Speicher von VS Code.',
	},
	signInInteractiveOnly: {
		en: 'Account "{account}" uses the client-credentials flow: there is nobody to sign in; its token test runs with the client secret or certificate.',
		de: 'Das Konto „{account}“ nutzt den Flow für Clientanmeldeinformationen: Es meldet sich niemand an; der Token-Test läuft mit geheimem Clientschlüssel oder Zertifikat.',
	},
	unexpected: {
		en: 'The connection test stopped unexpectedly; details are in the log.',
		de: 'Der Verbindungstest brach unerwartet ab; Details stehen im Protokoll.',
	},
} as const satisfies Record<string, Localized>;
