import type { CatalogEntry } from '../types';

/** Causes after the connection stands: sending rights, mailbox and folder state, protocol switches and limits. */
export const MAILBOX_ENTRIES: readonly CatalogEntry[] = [
	{
		id: 'send-as-denied',
		title: { en: 'Not allowed to send as this sender', de: 'Keine Berechtigung, als dieser Absender zu senden' },
		cause: {
			en: 'The login worked, but the From/MAIL FROM address is not the signed-in mailbox and the account has no Send As right on it (typical for shared mailboxes, distribution addresses and app-only senders).',
			de: 'Die Anmeldung hat funktioniert, aber die From-/MAIL-FROM-Adresse ist nicht das angemeldete Postfach, und das Konto hat darauf kein "Senden als"-Recht (typisch für freigegebene Postfächer, Verteileradressen und Absender mit Nur-App-Zugriff).',
		},
		fix: [
			{
				en: 'Grant Send As: Add-RecipientPermission -Identity <SENDER_ADDRESS> -Trustee <LOGIN_MAILBOX_OR_SERVICE_PRINCIPAL> -AccessRights SendAs -Confirm:$false.',
				de: '"Senden als" erteilen: Add-RecipientPermission -Identity <ABSENDERADRESSE> -Trustee <ANMELDEPOSTFACH_ODER_DIENSTPRINZIPAL> -AccessRights SendAs -Confirm:$false.',
			},
			{
				en: 'Or make smtp.from the signed-in mailbox itself; list other addresses in smtp.sendAs only once the right exists.',
				de: 'Oder smtp.from auf das angemeldete Postfach selbst setzen; weitere Adressen erst in smtp.sendAs eintragen, wenn das Recht besteht.',
			},
			{
				en: 'New permissions can take up to an hour before Exchange Online honours them.',
				de: 'Neue Berechtigungen können bis zu einer Stunde brauchen, bis Exchange Online sie beachtet.',
			},
		],
		walkthrough: 'm365-send-as#grant-powershell',
		sources: [
			'https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/fix-issues-with-printers-scanners-and-lob-applications-that-send-email-using-off',
			'https://learn.microsoft.com/en-us/exchange/recipients-in-exchange-online/manage-permissions-for-recipients',
		],
		rules: [
			{ smtp: [550], enhanced: ['5.7.60'] },
			{ enhanced: ['5.7.60'], bias: 0.1 },
			{ text: /does not have permissions to send as this sender/i, bias: 0.35 },
			{ text: /SendAsDenied/i, bias: 0.35 },
			{ text: /not allowed to send as/i, bias: 0.2 },
			{ smtp: [553], text: /Sender address rejected: not owned by (?:the )?(?:auth(?:enticated)? )?user/i },
			{ text: /Sender address rejected: not owned by/i, bias: 0.15 },
		],
	},
	{
		id: 'outbound-sender-restricted',
		title: {
			en: 'The mailbox is blocked from sending (restricted entity)',
			de: 'Das Postfach ist für den Versand gesperrt (eingeschränkte Entität)',
		},
		cause: {
			en: 'Exchange Online Protection has put this mailbox on its list of restricted senders, usually after it sent more than the outbound limits allow or mail that looked like spam, which often means the account is compromised. It can still receive mail but may not send any, not even inside the organization, until an admin releases it.',
			de: 'Exchange Online Protection hat dieses Postfach auf seine Liste eingeschränkter Absender gesetzt, meist weil es mehr gesendet hat, als die Ausgangslimits erlauben, oder Mails, die nach Spam aussahen, was oft auf ein kompromittiertes Konto hinweist. Es kann weiter Mails empfangen, darf aber keine senden, auch nicht innerhalb der Organisation, bis ein Administrator es freigibt.',
		},
		fix: [
			{
				en: 'Before releasing anything, check the account for compromise: sign-in logs (Microsoft Entra admin center > Users > (user) > Sign-in logs), unknown inbox or forwarding rules, and the Sent Items folder.',
				de: 'Vor jeder Freigabe das Konto auf eine Kompromittierung prüfen: Anmeldeprotokolle (Microsoft Entra Admin Center > Benutzer > (Benutzer) > Anmeldeprotokolle), unbekannte Posteingangs- oder Weiterleitungsregeln und den Ordner "Gesendete Elemente".',
			},
			{
				en: 'Reset the password, revoke all sessions (Revoke-MgUserSignInSession -UserId <USER>) and make sure MFA is on; delete app passwords that may have leaked.',
				de: 'Das Kennwort zurücksetzen, alle Sitzungen widerrufen (Revoke-MgUserSignInSession -UserId <BENUTZER>) und sicherstellen, dass MFA aktiv ist; möglicherweise abgeflossene App-Kennwörter löschen.',
			},
			{
				en: 'Then release the mailbox: Microsoft Defender portal (security.microsoft.com) > Email & collaboration > Review > Restricted entities > select the user > Unblock; or Remove-BlockedSenderAddress -SenderAddress <MAILBOX> in Exchange Online PowerShell. The release is not instant; wait a while before testing again.',
				de: 'Danach das Postfach freigeben: Microsoft-Defender-Portal (security.microsoft.com) > E-Mail & Zusammenarbeit > Überprüfen > Eingeschränkte Entitäten > Benutzer auswählen > Blockierung aufheben; oder Remove-BlockedSenderAddress -SenderAddress <POSTFACH> in Exchange Online PowerShell. Die Freigabe wirkt nicht sofort; vor dem nächsten Test etwas warten.',
			},
			{
				en: 'If the adapter itself sends in bulk, lower its rate so the mailbox stays within the outbound limits of the anti-spam policy.',
				de: 'Versendet der Adapter selbst in großen Mengen, seine Rate senken, damit das Postfach innerhalb der Ausgangslimits der Antispam-Richtlinie bleibt.',
			},
		],
		walkthrough: 'm365-mfa-reset-and-sessions#revoke-sessions',
		sources: [
			'https://learn.microsoft.com/en-us/defender-office-365/outbound-spam-restore-restricted-users',
			'https://learn.microsoft.com/en-us/defender-office-365/responding-to-a-compromised-email-account',
		],
		rules: [
			{ smtp: [550], enhanced: ['5.1.8'], text: /Access denied|valid sender/i },
			{ text: /bad outbound sender/i, bias: 0.35 },
			{ text: /(?:not|weren't|wasn't) recognized as a valid sender/i, bias: 0.2 },
			// RFC 3463 gives 5.1.8 to any bad sender address (Postfix uses it for an unresolvable sender domain), so the
			// bare code only counts when the line came from Exchange Online.
			{ enhanced: ['5.1.8'], when: { provider: ['microsoft365', 'outlook-com'] } },
		],
	},
	{
		id: 'client-not-authenticated',
		title: { en: 'The client sent mail without signing in', de: 'Der Client hat ohne Anmeldung gesendet' },
		cause: {
			en: 'The server expected authentication before MAIL FROM but the client never authenticated: no credentials configured, AUTH skipped because the server only offers it after STARTTLS, or the client talked to the submission host as if it were a relay.',
			de: 'Der Server hat vor MAIL FROM eine Anmeldung erwartet, aber der Client hat sich nie angemeldet: keine Anmeldedaten konfiguriert, AUTH übersprungen, weil der Server es erst nach STARTTLS anbietet, oder der Client hat den Einlieferungsserver wie ein Relay benutzt.',
		},
		fix: [
			{
				en: 'Set auth.user and a password or OAuth2 for the account, and use port 587 with "starttls" so the server offers AUTH.',
				de: 'Für das Konto auth.user und ein Kennwort oder OAuth2 setzen und Port 587 mit "starttls" verwenden, damit der Server AUTH anbietet.',
			},
			{
				en: 'Exchange Online: SMTP AUTH must be on for the mailbox (Set-CASMailbox -Identity <MAILBOX> -SmtpClientAuthenticationDisabled $false).',
				de: 'Exchange Online: SMTP AUTH muss für das Postfach eingeschaltet sein (Set-CASMailbox -Identity <POSTFACH> -SmtpClientAuthenticationDisabled $false).',
			},
			{
				en: 'Devices that cannot authenticate need direct send (MX endpoint, port 25) or an SMTP relay connector instead of smtp.office365.com.',
				de: 'Geräte, die sich nicht anmelden können, brauchen Direct Send (MX-Endpunkt, Port 25) oder einen SMTP-Relay-Connector statt smtp.office365.com.',
			},
		],
		walkthrough: 'mail-adapter-setup#choose-auth',
		walkthroughByProvider: { microsoft365: 'm365-enable-smtp-auth#enable-mailbox' },
		sources: [
			'https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/fix-issues-with-printers-scanners-and-lob-applications-that-send-email-using-off',
			'https://www.rfc-editor.org/rfc/rfc4954#section-6',
		],
		rules: [
			{ smtp: [530, 550], enhanced: ['5.7.57'] },
			{ enhanced: ['5.7.57'], bias: 0.1 },
			{
				text: /Client not authenticated to send (?:anonymous )?mail|Client was not authenticated/i,
				bias: 0.35,
			},
			{ smtp: [530], text: /Authentication Required/i, bias: 0.1 },
			{ text: /\b530[ -](?:5\.7\.0 )?Authentication required/i, bias: 0.15 },
			{ errorCode: ['ENOAUTH'], text: /Missing credentials/i },
			// nodemailer's message when auth has no user or password; versions before 7 gave it the code EAUTH, so the
			// message alone has to name the cause (nodemailer/nodemailer#1255, typebot.io#1556).
			{ text: /\bMissing credentials for "[\w-]+"/, bias: 0.3 },
		],
	},
	{
		id: 'relay-denied',
		title: { en: 'The server refuses to relay this mail', de: 'Der Server verweigert die Weiterleitung dieser Mail' },
		cause: {
			en: 'The server accepts mail for other domains only from authenticated clients or from allowed IP addresses; this connection was neither, so the recipient was refused.',
			de: 'Der Server nimmt Mail für fremde Domänen nur von angemeldeten Clients oder von zugelassenen IP-Adressen an; diese Verbindung war beides nicht, deshalb wurde der Empfänger abgelehnt.',
		},
		fix: [
			{
				en: 'Authenticate (SMTP AUTH on port 587) instead of sending anonymously.',
				de: 'Sich anmelden (SMTP AUTH auf Port 587), statt anonym zu senden.',
			},
			{
				en: 'For an anonymous device relay, add the device’s public IP to the relay connector (Exchange admin center > Mail flow > Connectors) or to the relay’s allow list.',
				de: 'Für ein anonymes Geräte-Relay die öffentliche IP des Geräts im Relay-Connector (Exchange Admin Center > Nachrichtenfluss > Connectors) oder in der Zulassungsliste des Relays eintragen.',
			},
		],
		walkthrough: 'mail-adapter-setup#collect-settings',
		sources: [
			'https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365',
			'https://www.rfc-editor.org/rfc/rfc5321#section-3.6.2',
		],
		rules: [
			{ smtp: [550, 554], enhanced: ['5.7.1', '5.7.64'], text: /relay/i },
			{
				text: /Unable to relay|Relay access denied|Relaying denied|relay not permitted|not permitted to relay/i,
				bias: 0.3,
			},
			{ enhanced: ['5.7.64'], text: /TenantAttribution/i },
			{ text: /\bRelay(?:ing)? (?:access )?denied\b/i, bias: 0.25 },
			// Postfix's smtpd_relay_restrictions: an unauthenticated client sending to a foreign domain.
			{ enhanced: ['5.7.1'], text: /Recipient address rejected: Access denied/i, bias: 0.15 },
			// Outlook's German error dialog quotes the server's "Relay verweigert" (error 0x800CCC79).
			{ text: /\bRelay verweigert\b/i, bias: 0.3 },
		],
	},
	{
		id: 'imap-disabled',
		title: { en: 'IMAP is switched off for this account', de: 'IMAP ist für dieses Konto ausgeschaltet' },
		cause: {
			en: 'The provider accepts the account but does not allow IMAP (or POP) access for it: many providers (GMX, WEB.DE, Zoho, Outlook.com) ship with it off, and Exchange admins can switch it off per mailbox.',
			de: 'Der Anbieter kennt das Konto, erlaubt dafür aber keinen IMAP- (oder POP-)Zugriff: Viele Anbieter (GMX, WEB.DE, Zoho, Outlook.com) liefern ihn ausgeschaltet aus, und Exchange-Administratoren können ihn pro Postfach abschalten.',
		},
		fix: [
			{
				en: 'GMX / WEB.DE: webmail > Settings > POP3/IMAP retrieval > allow access. Outlook.com: Settings > Mail > Forwarding and IMAP > "Let devices and apps use IMAP". Zoho: Settings > Mail Accounts > IMAP Access.',
				de: 'GMX / WEB.DE: Webmail > Einstellungen > POP3/IMAP Abruf > Zugriff erlauben. Outlook.com: Einstellungen > E-Mail > Weiterleitung und IMAP > "Geräten und Apps die Verwendung von IMAP erlauben". Zoho: Einstellungen > E-Mail-Konten > IMAP-Zugriff.',
			},
			{
				en: 'Exchange Online: Get-CASMailbox -Identity <MAILBOX> | Format-List ImapEnabled; switch on with Set-CASMailbox -Identity <MAILBOX> -ImapEnabled $true.',
				de: 'Exchange Online: Get-CASMailbox -Identity <POSTFACH> | Format-List ImapEnabled; einschalten mit Set-CASMailbox -Identity <POSTFACH> -ImapEnabled $true.',
			},
			{
				en: 'Google Workspace: Admin console > Apps > Google Workspace > Gmail > End User Access > POP and IMAP access.',
				de: 'Google Workspace: Admin-Konsole > Apps > Google Workspace > Gmail > Endnutzerzugriff > POP- und IMAP-Zugriff.',
			},
		],
		walkthrough: 'mail-adapter-setup#collect-settings',
		sources: [
			'https://support.microsoft.com/en-us/office/pop-imap-and-smtp-settings-for-outlook-com-d088b986-291d-42b8-9564-9c414e2aa040',
			'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/pop3-and-imap4/enable-or-disable-pop3-or-imap4-access',
			'https://support.google.com/a/answer/105694',
		],
		rules: [
			{ text: /not enabled for IMAP use|enable your account for IMAP access/i, bias: 0.45 },
			{ imapCode: ['AUTHENTICATIONFAILED', 'ALERT'], text: /IMAP (?:access )?(?:is )?disabled/i, bias: 0.1 },
			{
				text: /IMAP (?:access )?(?:is )?(?:disabled|not enabled)|IMAP is disabled|yet to enable IMAP|IMAP use is disabled/i,
				bias: 0.3,
			},
			{ text: /(?:POP3?|IMAP)[ /](?:IMAP |POP3? )?(?:access|Zugriff) (?:is )?(?:disabled|deaktiviert)/i, bias: 0.2 },
			// GMX's and WEB.DE's own wording: the POP3/IMAP/SMTP protocols are switched off ("deaktiviert").
			{
				text: /Protokolle (?:POP3|IMAP)[\w/]*.{0,80}\bdeaktiviert\b|\bdie Protokolle\b.{0,60}\baktivieren\b/i,
				bias: 0.35,
			},
			{ text: /invalid credentials or IMAP is disabled/i, bias: 0.35 },
			// GMX and WEB.DE switch IMAP/POP3 off by default: a refused login there most often means exactly that. Small
			// enough that, with the provider unknown (a guess), the plain reading "wrong password" stays first.
			{ text: /\bauthentication failed\b|\bLOGIN failed\b/i, when: { provider: ['gmx', 'web-de'] }, bias: 0.05 },
			// The bare code as well, but only as a lead when the provider is known: elsewhere it is a wrong password.
			{ imapCode: ['AUTHENTICATIONFAILED'], when: { provider: ['gmx', 'web-de'] } },
			// Outlook.com runs on Exchange, which writes "LOGIN failed." in capitals (see sign-in.ts).
			{ text: /\bLOGIN failed\b/, when: { provider: ['outlook-com'] }, bias: 0.1 },
			{ when: { probe: ['AUTH_FAILED'], provider: ['gmx', 'web-de', 'zoho', 'outlook-com'] }, bias: -0.1 },
		],
	},
	{
		id: 'mailbox-not-found',
		title: { en: 'The mailbox does not exist', de: 'Das Postfach existiert nicht' },
		cause: {
			en: 'The address used does not lead to a mailbox: a typo, a user without an Exchange Online license (so no mailbox), a deleted or not yet provisioned mailbox, or an alias that belongs to another tenant.',
			de: 'Die verwendete Adresse führt zu keinem Postfach: ein Tippfehler, ein Benutzer ohne Exchange Online-Lizenz (also ohne Postfach), ein gelöschtes oder noch nicht bereitgestelltes Postfach, oder ein Alias eines anderen Mandanten.',
		},
		fix: [
			{
				en: 'Check the address in auth.user, smtp.from and the test recipient for typos.',
				de: 'Die Adresse in auth.user, smtp.from und den Testempfänger auf Tippfehler prüfen.',
			},
			{
				en: 'Exchange Online: Get-EXOMailbox -Identity <ADDRESS> must find it; assign a license with Exchange Online to the user, or use a shared mailbox.',
				de: 'Exchange Online: Get-EXOMailbox -Identity <ADRESSE> muss es finden; dem Benutzer eine Lizenz mit Exchange Online zuweisen oder ein freigegebenes Postfach verwenden.',
			},
		],
		walkthrough: 'mail-adapter-setup#collect-settings',
		sources: [
			'https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-550-5-1-1-through-5-1-20-in-exchange-online',
			'https://www.rfc-editor.org/rfc/rfc3463#section-3.2',
		],
		rules: [
			{ smtp: [550], enhanced: ['5.1.1', '5.1.10'] },
			{ enhanced: ['5.1.1', '5.1.10'], bias: -0.05 },
			// Exchange Online's directory-based edge blocking refuses unknown recipients with 5.4.1.
			{ enhanced: ['5.4.1'], text: /Recipient address rejected/i, bias: 0.15 },
			{ enhanced: ['5.1.6'], text: /no longer/i, bias: 0.15 },
			{ text: /RecipientNotFound|RecipNotFound/i, bias: 0.3 },
			{
				text: /User unknown|No such user|mailbox (?:unavailable|does not exist|not found)|account that you tried to reach does not exist/i,
				bias: 0.15,
			},
			{
				text: /MailboxNotEnabledForRESTAPI|mailbox is either inactive, soft-deleted, or is hosted on-premise/i,
				bias: 0.3,
			},
		],
	},
	{
		id: 'folder-not-found',
		title: { en: 'The IMAP folder does not exist', de: 'Der IMAP-Ordner existiert nicht' },
		cause: {
			en: 'The folder named in imap.folder (or an afterImport target) is not in this mailbox: a typo, a localised name (Posteingang vs INBOX), a missing parent path or the wrong hierarchy delimiter.',
			de: 'Der in imap.folder (oder als afterImport-Ziel) genannte Ordner ist in diesem Postfach nicht vorhanden: ein Tippfehler, ein lokalisierter Name (Posteingang statt INBOX), ein fehlender übergeordneter Pfad oder das falsche Trennzeichen.',
		},
		fix: [
			{
				en: 'Run the connection test: its folder stage lists the folders the server reports; copy the exact path.',
				de: 'Den Verbindungstest ausführen: Seine Ordner-Stufe listet die Ordner, die der Server meldet; den genauen Pfad übernehmen.',
			},
			{
				en: 'Use "INBOX" for the inbox in every language and "/" or "." as the server’s delimiter requires (Exchange: "/").',
				de: 'Für den Posteingang in jeder Sprache "INBOX" verwenden und "/" oder "." je nach Trennzeichen des Servers (Exchange: "/").',
			},
			{
				en: 'Create the import folder and an inbox rule that moves the adapter’s mails there.',
				de: 'Den Importordner anlegen und eine Posteingangsregel, die die Mails für den Adapter dorthin verschiebt.',
			},
		],
		walkthrough: 'm365-import-folder-rule#create-folder',
		sources: [
			'https://www.rfc-editor.org/rfc/rfc5530#section-3',
			'https://www.rfc-editor.org/rfc/rfc9051#section-6.3.2',
		],
		rules: [
			{ imapCode: ['NONEXISTENT'] },
			{ imapCode: ['TRYCREATE'], bias: -0.05 },
			{
				text: /Mailbox doesn'?t exist|Unknown Mailbox|folder (?:does not|doesn'?t) exist|The folder .* (?:was not found|doesn'?t exist)/i,
				bias: 0.15,
			},
			{ text: /mailbox does not exist/i, imapStatus: ['NO'], bias: 0.3 },
			{
				text: /MailboxFolderSelectError|nonexistent namespace|Mailbox name should probably be prefixed|Mailbox isn'?t selectable|Folder not exists|requested folder does not exist/i,
				bias: 0.25,
			},
			{ when: { probe: ['FOLDER_NOT_FOUND'] } },
			// any other NO/BAD to STATUS of the folder: a missing folder is the likeliest cause, the reply tells
			{ when: { probe: ['FOLDER_REFUSED'] }, bias: -0.1 },
		],
	},
	{
		id: 'auth-mechanism-unsupported',
		title: {
			en: 'The server does not support this sign-in method',
			de: 'Der Server unterstützt dieses Anmeldeverfahren nicht',
		},
		cause: {
			en: 'The client tried an authentication mechanism (PLAIN, LOGIN, XOAUTH2...) the server does not offer on this connection, often because the server lists AUTH only after STARTTLS, or because OAuth2 is configured for a server that only knows passwords.',
			de: 'Der Client hat ein Anmeldeverfahren (PLAIN, LOGIN, XOAUTH2 ...) versucht, das der Server auf dieser Verbindung nicht anbietet, oft weil der Server AUTH erst nach STARTTLS anzeigt, oder weil OAuth2 für einen Server konfiguriert ist, der nur Kennwörter kennt.',
		},
		fix: [
			{
				en: 'Use TLS ("tls" on 465/993 or "starttls" on 587/143) so the server shows all mechanisms, then run the test again: its capabilities stage lists what the server offers.',
				de: 'TLS verwenden ("tls" auf 465/993 oder "starttls" auf 587/143), damit der Server alle Verfahren anzeigt, dann den Test wiederholen: Seine Capabilities-Stufe listet, was der Server anbietet.',
			},
			{
				en: 'Pick auth.method to match: "oauth2" needs AUTH=XOAUTH2 or OAUTHBEARER, passwords need PLAIN or LOGIN.',
				de: 'auth.method passend wählen: "oauth2" braucht AUTH=XOAUTH2 oder OAUTHBEARER, Kennwörter brauchen PLAIN oder LOGIN.',
			},
		],
		walkthrough: 'mail-adapter-setup#collect-settings',
		sources: [
			'https://www.rfc-editor.org/rfc/rfc4954#section-6',
			'https://www.rfc-editor.org/rfc/rfc9051#section-6.2.2',
		],
		rules: [
			{ smtp: [504], enhanced: ['5.7.4', '5.5.4'], text: /Unrecognized authentication type|mechanism/i },
			{ text: /Unrecognized authentication type/i, bias: 0.3 },
			{ text: /AUTH mechanism \S+ not available/i, bias: 0.3 },
			{
				text: /Unsupported authentication mechanism|No (?:compatible|supported) authentication mechanism|authentication mechanism (?:is )?not supported|AUTH mechanism (?:\w+ )?not available/i,
				bias: 0.3,
			},
			{ smtp: [504], enhanced: ['5.7.4'] },
			{ smtp: [534], enhanced: ['5.7.9'], text: /mechanism is too weak/i },
			// Postfix with Dovecot SASL refuses a mechanism it does not offer with the code of a wrong password: the words
			// are the only sign, and must outrank that reading (dokuwiki-plugin-smtp#65: AUTH LOGIN against AUTH PLAIN).
			{ smtp: [535], enhanced: ['5.7.8'], text: /\bInvalid authentication mechanism\b/i, bias: 0.35 },
			// JavaMail's wording, misspelt as it printed it ("mechansims", jakartaee/mail-api#84) and as later fixed.
			{ text: /No authentication mechan\w+ supported by both server and client/i, bias: 0.3 },
			{ when: { probe: ['AUTH_MECHANISM_UNSUPPORTED'] } },
			// nodemailer's "Invalid login: 502 Command "AUTH PLAIN ..." not implemented": the server has no SMTP AUTH (or
			// not this mechanism) on that port, not a wrong password.
			{ smtp: [502], text: /\bCommand "AUTH [^"]*" not implemented/i, bias: 0.2 },
		],
	},
	{
		id: 'mailbox-full',
		title: { en: 'The mailbox is full', de: 'Das Postfach ist voll' },
		cause: {
			en: 'A mailbox has reached its storage quota: the recipient’s (the server refuses the message for that address), or the account’s own (saving to Sent Items, appending or copying into a folder fails). Exchange Online also refuses to send from a mailbox over its send quota.',
			de: 'Ein Postfach hat sein Speicherkontingent erreicht: das des Empfängers (der Server lehnt die Nachricht für diese Adresse ab) oder das eigene des Kontos (Speichern in "Gesendete Elemente", Anhängen oder Kopieren in einen Ordner schlägt fehl). Exchange Online lehnt außerdem das Senden aus einem Postfach ab, das sein Sendekontingent überschritten hat.',
		},
		fix: [
			{
				en: 'Read whose address the reply names: for a recipient, tell them through another channel; retrying does not help until they free space.',
				de: 'Prüfen, wessen Adresse die Antwort nennt: Bei einem Empfänger diesen auf anderem Weg informieren; erneute Versuche helfen erst, wenn dort wieder Platz ist.',
			},
			{
				en: 'For the adapter’s own mailbox: empty Deleted Items and Junk, delete or archive old mail (the adapter’s processed-mail folder grows fastest), or raise the quota.',
				de: 'Für das eigene Postfach des Adapters: "Gelöschte Elemente" und "Junk-E-Mail" leeren, alte Mails löschen oder archivieren (der Ordner mit verarbeiteten Mails wächst am schnellsten) oder das Kontingent erhöhen.',
			},
			{
				en: 'Exchange Online: Get-EXOMailboxStatistics -Identity <MAILBOX> | Format-List TotalItemSize and Get-EXOMailbox -Identity <MAILBOX> | Format-List *Quota show the size and the limits; Set-Mailbox -ProhibitSendQuota/-ProhibitSendReceiveQuota change them within the license.',
				de: 'Exchange Online: Get-EXOMailboxStatistics -Identity <POSTFACH> | Format-List TotalItemSize und Get-EXOMailbox -Identity <POSTFACH> | Format-List *Quota zeigen Größe und Grenzen; Set-Mailbox -ProhibitSendQuota/-ProhibitSendReceiveQuota ändert sie im Rahmen der Lizenz.',
			},
		],
		sources: [
			'https://www.rfc-editor.org/rfc/rfc3463#section-3.3',
			'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/cannot-send-mail-mepf',
			'https://learn.microsoft.com/en-us/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits',
		],
		rules: [
			// RFC 3463: X.2.2 is "mailbox full"; 552 is the reply code RFC 5321 gives to exceeded storage.
			{ smtp: [452, 552, 554, 550], enhanced: ['5.2.2', '4.2.2'] },
			{ enhanced: ['5.2.2', '4.2.2'], bias: 0.1 },
			{
				text: /\bmailbox (?:is )?full\b|\bover (?:its |the )?(?:storage )?quota\b|has exceeded (?:the )?maximum mailbox size|\b(?:QuotaExceededException|ErrorQuotaExceeded|OverQuotaException|MapiExceptionQuotaExceeded)\b|\bdue to quota error\b|\bFolder full\b|\bPostfach (?:ist )?voll\b|Speicherplatz (?:ist )?(?:voll|erschöpft|aufgebraucht)/i,
				bias: 0.3,
			},
		],
	},
	{
		id: 'message-too-large',
		title: { en: 'The message is too large', de: 'Die Nachricht ist zu groß' },
		cause: {
			en: 'The message, with its attachments, is larger than the server (or the recipient’s server) accepts. Attachments grow by about a third when they are encoded for mail, so a 20 MB file needs about 27 MB of the limit.',
			de: 'Die Nachricht ist mit ihren Anhängen größer, als der Server (oder der Server des Empfängers) annimmt. Anhänge wachsen beim Kodieren für den Mailversand um etwa ein Drittel, eine 20-MB-Datei braucht also rund 27 MB des Limits.',
		},
		fix: [
			{
				en: 'Send large files as a link (OneDrive, SharePoint, a file share) instead of as an attachment, or split them over several messages.',
				de: 'Große Dateien als Link (OneDrive, SharePoint, Dateifreigabe) statt als Anhang senden oder auf mehrere Nachrichten verteilen.',
			},
			{
				en: 'The SIZE value in the server’s EHLO reply (shown in the test’s capabilities stage) is its limit; Gmail accepts 25 MB, Exchange Online 35 MB by default (Set-Mailbox -MaxSendSize raises it to 150 MB).',
				de: 'Der SIZE-Wert in der EHLO-Antwort des Servers (in der Capabilities-Stufe des Tests zu sehen) ist sein Limit; Gmail nimmt 25 MB an, Exchange Online standardmäßig 35 MB (Set-Mailbox -MaxSendSize erhöht es auf bis zu 150 MB).',
			},
			{
				en: 'On your own Postfix, message_size_limit in main.cf sets the limit (and must not exceed mailbox_size_limit).',
				de: 'Beim eigenen Postfix legt message_size_limit in main.cf das Limit fest (es darf mailbox_size_limit nicht übersteigen).',
			},
		],
		sources: [
			'https://www.rfc-editor.org/rfc/rfc1870',
			'https://www.rfc-editor.org/rfc/rfc3463#section-3.4',
			'https://learn.microsoft.com/en-us/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits',
			'https://support.google.com/mail/answer/6584',
		],
		rules: [
			// RFC 3463: X.3.4 "message too big for system"; Gmail answers X.2.3 ("message length exceeds administrative limit").
			{ smtp: [552, 554, 550], enhanced: ['5.3.4', '5.2.3'] },
			{ enhanced: ['5.3.4', '5.2.3'], bias: 0.1 },
			{
				text: /\bmessage size (?:exceeds|limit)|\bexceeded [\w' ]{0,30}message size limit|\bmessage (?:is )?too (?:big|large)\b|\bMaximum message size exceeded|\b(?:MapiExceptionMaxSubmissionExceeded|MessageTooLarge)\b|\bNachricht (?:ist )?zu gro(?:ß|ss)\b/i,
				bias: 0.3,
			},
		],
	},
	{
		id: 'sender-ip-blocklisted',
		title: {
			en: 'The sending IP address is on a block list',
			de: 'Die sendende IP-Adresse steht auf einer Sperrliste',
		},
		cause: {
			en: 'The receiving server looked up the IP address the mail came from in a DNS block list (Spamhaus, Barracuda, a provider’s own list) and refuses it: the address sent spam or malware before, belongs to a range of dynamic or cloud addresses, or shares its reputation with other customers of the same host.',
			de: 'Der empfangende Server hat die IP-Adresse, von der die Mail kam, in einer DNS-Sperrliste (Spamhaus, Barracuda, eine eigene Liste des Anbieters) nachgeschlagen und lehnt sie ab: Von der Adresse kam früher Spam oder Schadsoftware, sie gehört zu einem Block dynamischer oder Cloud-Adressen, oder sie teilt ihren Ruf mit anderen Kunden desselben Hosters.',
		},
		fix: [
			{
				en: 'Send through your provider’s submission server (smtp.office365.com, smtp.gmail.com… on port 587 with sign-in) instead of delivering directly from this machine.',
				de: 'Über den Einlieferungsserver des Anbieters senden (smtp.office365.com, smtp.gmail.com … auf Port 587 mit Anmeldung), statt direkt von diesem Rechner zuzustellen.',
			},
			{
				en: 'Look the address up on the page the reply links to (check.spamhaus.org, the provider’s postmaster page); find and stop the cause of the listing before asking for removal.',
				de: 'Die Adresse auf der Seite nachschlagen, auf die die Antwort verweist (check.spamhaus.org, die Postmaster-Seite des Anbieters); die Ursache des Eintrags finden und abstellen, bevor die Entfernung beantragt wird.',
			},
			{
				en: 'If the listing is your hosting provider’s whole address range, ask them for a clean address or use a relay service.',
				de: 'Ist der ganze Adressblock des Hosters gelistet, bei ihm eine unbelastete Adresse anfragen oder einen Relay-Dienst verwenden.',
			},
		],
		sources: ['https://www.rfc-editor.org/rfc/rfc5782', 'https://check.spamhaus.org/'],
		rules: [
			{
				smtp: [550, 553, 554],
				enhanced: ['5.7.1', '5.7.0'],
				text: /\bblocked using\b|\blisting in\b|\bSpamhaus\b|\b(?:block|black) ?list\b|\bBad IP\b/i,
			},
			{
				text: /\bblocked using [\w.-]{2,60}|\bdue to listing in\b|\bthe ip is in [\w' ]{0,40}list\b|\bIP\b.{0,40}\bblocked by\b|\bRejected because Bad IP\b|\blisted (?:in|on|at) (?:the )?(?:Spamhaus|Barracuda|SpamCop|SORBS)\b|\bbanned sending IP\b|\bauf einer (?:Block|Black|Sperr)liste\b/i,
				bias: 0.3,
			},
		],
	},
	{
		id: 'throttled',
		title: { en: 'The server is throttling this account', de: 'Der Server drosselt dieses Konto' },
		cause: {
			en: 'Too many connections, logins, commands or messages in a short time, or too much mail downloaded in a day: the provider limits them per account or per IP and refuses or delays further requests for a while.',
			de: 'Zu viele Verbindungen, Anmeldungen, Befehle oder Nachrichten in kurzer Zeit oder zu viel an einem Tag heruntergeladene Mail: Der Anbieter begrenzt sie pro Konto oder pro IP und lehnt weitere Anfragen eine Zeit lang ab oder verzögert sie.',
		},
		fix: [
			{
				en: 'Wait for the suggested back-off time, then reduce the adapter’s parallel connections (Gmail allows 15 IMAP connections per account; Exchange Online 3 concurrent SMTP submissions per mailbox).',
				de: 'Die vorgeschlagene Wartezeit abwarten, dann die parallelen Verbindungen des Adapters verringern (Gmail erlaubt 15 IMAP-Verbindungen pro Konto; Exchange Online 3 gleichzeitige SMTP-Einlieferungen pro Postfach).',
			},
			{
				en: 'Lengthen the polling interval and stop other programs that use the same mailbox; a loop of failed logins also counts.',
				de: 'Das Abrufintervall verlängern und andere Programme anhalten, die dasselbe Postfach verwenden; auch eine Schleife fehlgeschlagener Anmeldungen zählt mit.',
			},
			{
				en: 'For sending limits (daily quota), spread the mails over time or use a service meant for bulk mail.',
				de: 'Bei Versandlimits (Tageskontingent) die Mails zeitlich verteilen oder einen Dienst für Massenversand verwenden.',
			},
			{
				en: 'Gmail’s "[OVERQUOTA] Account exceeded command or bandwidth limits" is its daily IMAP download limit, not a full mailbox: let the adapter fetch only new messages instead of resynchronising the whole mailbox, and wait until the limit resets.',
				de: 'Gmails "[OVERQUOTA] Account exceeded command or bandwidth limits" ist das tägliche Download-Limit für IMAP, kein volles Postfach: Den Adapter nur neue Nachrichten abrufen lassen statt das ganze Postfach neu zu synchronisieren, und warten, bis das Limit zurückgesetzt ist.',
			},
		],
		sources: [
			'https://learn.microsoft.com/en-us/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits',
			'https://support.google.com/a/answer/166852',
			'https://support.google.com/a/answer/1071518',
		],
		rules: [
			{ errorCode: ['ETHROTTLE'] },
			{ text: /Request is throttled|Suggested Backoff Time/i, bias: 0.35 },
			{
				text: /Too many (?:simultaneous )?connections|Too many login attempts|Maximum number of connections/i,
				bias: 0.25,
			},
			{
				text: /sender thread limit exceeded|SubmissionQuotaExceeded|sending quota exceeded|rate limit(?:ed)? exceeded/i,
				bias: 0.3,
			},
			{
				smtp: [421, 450, 451, 452, 454, 550],
				enhanced: ['4.7.0', '4.3.2', '5.4.5', '4.7.28'],
				text: /try again later|too many|limit|quota/i,
			},
			// Rate limits and quotas in every wording providers and MTAs use (Gmail, Exchange Online, Amazon SES,
			// Postfix policy daemons, rspamd).
			{
				text: /Throttling failure|Rate ?limit\b.{0,40}\bexceeded|temporarily rate limited|\brate limit(?:ed|ing)?\b|reached (?:its|your|the) (?:daily )?limit|receiving mail at a rate|only \d+ messages per (?:day|hour|minute)|Maximum sending rate|daily (?:user )?sending (?:quota|limit)|(?:message|recipient|sending|daily) quota exceeded|try again in \d+ (?:seconds?|minutes?)|too many (?:messages|requests|recipients)|limit for message recipients/i,
				bias: 0.3,
			},
			{ smtp: [421, 450, 451, 452, 454], enhanced: ['4.7.0', '4.7.1', '4.2.1', '4.7.28'], text: /try again later/i },
			{ enhanced: ['5.1.90', '5.4.5'], bias: 0.1 },
			{ imapCode: ['LIMIT'] },
			// Exchange Online's per-organization and per-mailbox submission queues (4.7.3 "Organization queue quota").
			{ text: /\bqueue quota exceeded\b/i, bias: 0.3 },
			// Gmail's IMAP download and command limits: it sends RFC 5530's OVERQUOTA code, which elsewhere means storage.
			{
				text: /\bAccount exceeded command or bandwidth limits\b|\bexceeded the Gmail bandwidth limit\b|\bbandwidth limits? (?:was |has been )?exceeded\b/i,
				bias: 0.35,
			},
			{ aadsts: ['50196'] },
			{ when: { probe: ['THROTTLED'] } },
			// Sending limits in the words of Exchange (24-hour limit), a hoster's Postfix policy (rcpts per 24 hours) and
			// an ISP's outgoing limit: none of them named a rate or a quota as the rules above read them.
			{
				text: /exceeded its 24-hour sending limit|limit on the number of allowed outgoing messages was exceeded|\blimit of \d+ rcpts per\b/i,
				bias: 0.3,
			},
		],
	},
	{
		id: 'server-unavailable',
		title: {
			en: 'The mail service is temporarily unavailable',
			de: 'Der Maildienst ist vorübergehend nicht verfügbar',
		},
		cause: {
			en: 'The server answered but reported a temporary problem on its side (a backend down, maintenance, overload, a full disk or mail queue, a content filter that failed) and closed or refused the session. A Postfix reply "blocked using …spamhaus…; Error: open resolver" is a failure on the receiving side as well: the receiving server asks Spamhaus through a public DNS resolver, Spamhaus refuses to answer, and the server rejects every sender, although the sending IP is listed nowhere.',
			de: 'Der Server hat geantwortet, aber ein vorübergehendes Problem auf seiner Seite gemeldet (ein Backend ausgefallen, Wartung, Überlast, eine volle Festplatte oder Mail-Warteschlange, ein ausgefallener Inhaltsfilter) und die Sitzung beendet oder abgelehnt. Auch eine Postfix-Antwort "blocked using …spamhaus…; Error: open resolver" ist ein Fehler auf der empfangenden Seite: Der empfangende Server fragt Spamhaus über einen öffentlichen DNS-Resolver ab, Spamhaus verweigert die Antwort, und der Server lehnt jeden Absender ab, obwohl die sendende IP nirgends gelistet ist.',
		},
		fix: [
			{
				en: 'Retry in a few minutes; check the provider’s status page (Microsoft 365: admin center > Health > Service health).',
				de: 'In ein paar Minuten erneut versuchen; die Statusseite des Anbieters prüfen (Microsoft 365: Admin Center > Integrität > Dienststatus).',
			},
			{
				en: 'If it persists for one mailbox only, ask the provider’s support with the exact reply line.',
				de: 'Bleibt es bei nur einem Postfach bestehen, mit der genauen Antwortzeile den Support des Anbieters fragen.',
			},
			{
				en: 'If it is your own server (Postfix: "queue file write error"), its mail log names the reason: check the free disk space, the queue directory’s permissions and the content filter it hands mail to (amavis, rspamd, a milter).',
				de: 'Ist es der eigene Server (Postfix: "queue file write error"), nennt sein Mail-Log den Grund: Freien Plattenplatz, die Rechte des Queue-Verzeichnisses und den Inhaltsfilter prüfen, an den er Mails übergibt (amavis, rspamd, ein Milter).',
			},
			{
				en: '"Error: open resolver" (Spamhaus): nothing to change on the sending side and no delisting to request. Tell the recipient’s mail admin; on your own receiving server, resolve through a local caching resolver (unbound) instead of 8.8.8.8 or 1.1.1.1, or use a Spamhaus DQS key, and accept only Spamhaus’ listing codes (reject_rbl_client zen.spamhaus.org=127.0.0.[2..11]).',
				de: '"Error: open resolver" (Spamhaus): Auf der sendenden Seite ist nichts zu ändern und keine Austragung zu beantragen. Den Mail-Administrator des Empfängers informieren; auf dem eigenen empfangenden Server über einen lokalen Cache-Resolver (unbound) statt 8.8.8.8 oder 1.1.1.1 auflösen oder einen Spamhaus-DQS-Schlüssel verwenden und nur die Listungscodes von Spamhaus werten (reject_rbl_client zen.spamhaus.org=127.0.0.[2..11]).',
			},
		],
		sources: [
			'https://www.rfc-editor.org/rfc/rfc5530#section-3',
			'https://www.rfc-editor.org/rfc/rfc5321#section-4.2.3',
			'https://www.postfix.org/cleanup.8.html',
			'https://www.spamhaus.org/resource-hub/dnsbl/using-our-public-mirrors-check-your-return-codes-now./',
		],
		rules: [
			{ imapCode: ['UNAVAILABLE', 'TEMPFAIL'] },
			{
				text: /Temporary (?:System Problem|failure on server)|temporarily (?:not )?available|Service (?:is )?temporarily/i,
				bias: 0.25,
			},
			{ smtp: [421], text: /Service closing transmission channel|Service not available/i, bias: 0.15 },
			{ imapCode: ['SERVERBUG'], bias: -0.1 },
			{ smtp: [421], text: /Service not available|temporarily unavailable|closing transmission channel/i },
			{ text: /\bBYE\b.*(?:shutting down|server (?:is )?unavailable|Service unavailable)/i, bias: 0.1 },
			{ text: /-ERR \[SYS\/TEMP\]/i, bias: 0.3 },
			// RFC 3463 X.3.1 "mail system full": the server's own disk or queue, not the recipient's mailbox.
			{ smtp: [452, 451, 431], enhanced: ['4.3.1'] },
			{ text: /\bInsufficient system (?:storage|resources)\b|\bTemporary local problem\b/i, bias: 0.3 },
			{ text: /\bServer Unavailable\b/i, bias: 0.15 },
			// Postfix's cleanup could not write the message to its queue: disk, permissions or a content filter.
			{ text: /\bqueue file write error\b/i, bias: 0.3 },
			// Spamhaus' answer to a query through a public resolver, which Postfix words as a listing ("blocked using"): it
			// must outrank the listing reading by more than the spread, so that the sender is not told to get delisted.
			{ smtp: [550, 554], text: /\bError: open resolver\b/i, bias: 0.65 },
			// Postfix could not reach its SASL back end (Dovecot auth): "535 5.7.8 Error: authentication failed: Connection
			// lost to authentication server". The password was never checked, so it must outrank invalid-credentials' 535
			// 5.7.8 "authentication failed" rule (0.9).
			{ text: /\bConnection lost to authentication server\b/i, bias: 0.5 },
		],
	},
];
