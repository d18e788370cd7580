import type { Localized } from '../i18n';

/**
 * For causes that share their wording with others (a bare `535 5.7.3`, a bare `LOGIN failed`, a 4xx that may be a
 * rate limit or an outage), the one question whose answer tells this cause apart from its look-alikes. Shown with
 * every candidate, so a user holding several answers can check them in order. Keyed by cause id; a unit test keeps
 * the keys in step with the catalog.
 */
export const DISTINGUISHING_QUESTIONS: Readonly<Record<string, Localized>> = {
	'smtp-auth-disabled': {
		en: 'Is SMTP AUTH switched on for this mailbox? Get-CASMailbox -Identity <MAILBOX> | Format-List SmtpClientAuthenticationDisabled (True = off; empty = the organization setting in Get-TransportConfig applies).',
		de: 'Ist SMTP AUTH für dieses Postfach eingeschaltet? Get-CASMailbox -Identity <POSTFACH> | Format-List SmtpClientAuthenticationDisabled (True = aus; leer = es gilt die Organisationseinstellung aus Get-TransportConfig).',
	},
	'basic-auth-blocked': {
		en: 'Does the account sign in with a password or app password at a provider that no longer accepts them for this protocol (Exchange Online IMAP/POP, Outlook.com, security defaults on)?',
		de: 'Meldet sich das Konto mit Kennwort oder App-Kennwort bei einem Anbieter an, der diese für das Protokoll nicht mehr annimmt (Exchange Online IMAP/POP, Outlook.com, Sicherheitsstandards aktiv)?',
	},
	'invalid-credentials': {
		en: 'Does exactly this user name and password work in the provider’s webmail right now?',
		de: 'Funktionieren genau dieser Benutzername und dieses Kennwort gerade im Webmail des Anbieters?',
	},
	'oauth-token-rejected': {
		en: 'Does the account use OAuth2, and was the token issued for the mail resource (https://outlook.office365.com, https://mail.google.com/) and for the same user as in the login?',
		de: 'Nutzt das Konto OAuth2, und wurde das Token für die Mail-Ressource (https://outlook.office365.com, https://mail.google.com/) und für denselben Benutzer wie bei der Anmeldung ausgestellt?',
	},
	'imap-disabled': {
		en: 'Is IMAP/POP access switched on in the mailbox settings (GMX, WEB.DE, Outlook.com), in the Google Workspace Admin console, or for the mailbox in Exchange (Get-CASMailbox <MAILBOX> | Format-List ImapEnabled)?',
		de: 'Ist der IMAP/POP-Zugriff in den Postfacheinstellungen (GMX, WEB.DE, Outlook.com), in der Google Workspace-Admin-Konsole bzw. für das Postfach in Exchange eingeschaltet (Get-CASMailbox <POSTFACH> | Format-List ImapEnabled)?',
	},
	'app-password-required': {
		en: 'Is two-step verification on for this account, so that only an app password (not the account password) works for mail programs?',
		de: 'Ist für dieses Konto die Bestätigung in zwei Schritten aktiv, sodass für E-Mail-Programme nur ein App-Kennwort (nicht das Kontokennwort) funktioniert?',
	},
	'web-login-required': {
		en: 'Did the provider send a security alert, or does the webmail ask to confirm a blocked sign-in?',
		de: 'Hat der Anbieter einen Sicherheitshinweis geschickt, oder fragt das Webmail nach der Bestätigung einer blockierten Anmeldung?',
	},
	'account-locked': {
		en: 'Is the account locked or blocked from signing in (admin center: "Block sign-in", or too many failed attempts)?',
		de: 'Ist das Konto gesperrt oder für die Anmeldung blockiert (Admin Center: "Anmeldung blockieren", oder zu viele Fehlversuche)?',
	},
	'mfa-required': {
		en: 'Does a sign-in of this user in the browser ask for a second factor?',
		de: 'Verlangt eine Anmeldung dieses Benutzers im Browser einen zweiten Faktor?',
	},
	'conditional-access-blocked': {
		en: 'Does the Entra sign-in log show a Conditional Access failure for this sign-in?',
		de: 'Zeigt das Entra-Anmeldeprotokoll für diese Anmeldung einen Fehler beim bedingten Zugriff?',
	},
	'mailbox-permission-missing': {
		en: 'Has the signed-in user or app Full Access to the mailbox named in the login (Get-MailboxPermission -Identity <MAILBOX>)?',
		de: 'Hat der angemeldete Benutzer oder die App Vollzugriff auf das bei der Anmeldung genannte Postfach (Get-MailboxPermission -Identity <POSTFACH>)?',
	},
	'client-not-authenticated': {
		en: 'Did the client send AUTH at all before MAIL FROM (look for AUTH in the SMTP log)?',
		de: 'Hat der Client vor MAIL FROM überhaupt AUTH gesendet (im SMTP-Mitschnitt nach AUTH suchen)?',
	},
	throttled: {
		en: 'Does the error go away after waiting, and did the program send many messages or open many connections just before?',
		de: 'Verschwindet der Fehler nach einer Wartezeit, und hat das Programm kurz davor viele Nachrichten gesendet oder viele Verbindungen geöffnet?',
	},
	'server-unavailable': {
		en: 'Does the provider’s status page report an incident, and do other accounts on the same server fail too?',
		de: 'Meldet die Statusseite des Anbieters eine Störung, und schlagen andere Konten auf demselben Server ebenfalls fehl?',
	},
	'mailbox-full': {
		en: 'Whose mailbox is full: does the reply name the recipient (their storage quota), or the adapter’s own mailbox, and how full does the provider’s webmail or admin center show it?',
		de: 'Wessen Postfach ist voll: Nennt die Antwort den Empfänger (dessen Speicherkontingent) oder das eigene Postfach des Adapters, und wie voll zeigt es das Webmail bzw. Admin Center des Anbieters?',
	},
	'message-too-large': {
		en: 'Does a small test message without attachments go through on the same account?',
		de: 'Geht eine kleine Testnachricht ohne Anhang über dasselbe Konto durch?',
	},
	'sender-ip-blocklisted': {
		en: 'Does the reply name an IP address or a block list (Spamhaus, Barracuda, a provider’s own list), and is that IP the public address the adapter sends from?',
		de: 'Nennt die Antwort eine IP-Adresse oder eine Sperrliste (Spamhaus, Barracuda, eine eigene Liste des Anbieters), und ist diese IP die öffentliche Adresse, von der der Adapter sendet?',
	},
	'connection-reset': {
		en: 'Did the connection stand for a while (greeting or commands already exchanged) before it was dropped, and does it happen every time or only now and then?',
		de: 'Stand die Verbindung eine Weile (Begrüßung oder Befehle schon ausgetauscht), bevor sie abbrach, und passiert es jedes Mal oder nur gelegentlich?',
	},
	'folder-not-found': {
		en: 'Is the folder in the list the server reports (the connection test’s folder stage), spelt exactly so, with the server’s delimiter?',
		de: 'Steht der Ordner genau so geschrieben, mit dem Trennzeichen des Servers, in der Liste, die der Server meldet (Ordner-Schritt des Verbindungstests)?',
	},
	'host-not-found': {
		en: 'Does nslookup <HOST> on the adapter’s machine return an address?',
		de: 'Liefert nslookup <HOST> auf dem Rechner des Adapters eine Adresse?',
	},
	'connection-refused': {
		en: 'Is the port the one the provider documents for this protocol, and does the refusal come at once (nothing listens there) rather than after a wait (a timeout)?',
		de: 'Ist der Port der, den der Anbieter für dieses Protokoll angibt, und kommt die Ablehnung sofort (dort lauscht nichts) statt nach einer Wartezeit (ein Timeout)?',
	},
	'relay-denied': {
		en: 'Did the client authenticate before sending to an outside domain, and is it talking to the submission server rather than an MX?',
		de: 'Hat sich der Client angemeldet, bevor er an eine fremde Domäne sendet, und spricht er mit dem Einlieferungsserver statt mit einem MX?',
	},
	'mailbox-not-found': {
		en: 'Does the recipient (or the login) address exist, spelled exactly like this?',
		de: 'Existiert die Empfänger- (bzw. Anmelde-)Adresse genau in dieser Schreibweise?',
	},
	'send-as-denied': {
		en: 'Is the From address different from the signed-in mailbox, and does the mailbox have Send As on it?',
		de: 'Weicht die Absenderadresse vom angemeldeten Postfach ab, und hat das Postfach dafür das Recht "Senden als"?',
	},
	'tls-mode-mismatch': {
		en: 'Does the security setting fit the port: implicit TLS ("tls") on 465/993, STARTTLS on 587/143?',
		de: 'Passt die Sicherheitseinstellung zum Port: implizites TLS ("tls") auf 465/993, STARTTLS auf 587/143?',
	},
	'tls-version-unsupported': {
		en: 'Is one side limited to TLS 1.0/1.1 (an old device, runtime or server)?',
		de: 'Beherrscht eine Seite nur TLS 1.0/1.1 (ein altes Gerät, eine alte Laufzeitumgebung oder ein alter Server)?',
	},
	'connection-timeout': {
		en: 'Can this machine reach the host and port at all (firewall, VPN, outbound port 25/587 blocked by the hoster)?',
		de: 'Erreicht dieser Rechner Host und Port überhaupt (Firewall, VPN, vom Hoster gesperrter ausgehender Port 25/587)?',
	},
	'auth-mechanism-unsupported': {
		en: 'Does the AUTH line of the server’s EHLO/CAPABILITY reply list the mechanism the client uses?',
		de: 'Nennt die AUTH-Zeile der EHLO-/CAPABILITY-Antwort des Servers den Mechanismus, den der Client verwendet?',
	},
	'sasl-mechanism-missing': {
		en: 'Is the message logged by your own MTA (Postfix, Exim, Sendmail) relaying to a smarthost, before any password was sent?',
		de: 'Stammt die Meldung vom eigenen MTA (Postfix, Exim, Sendmail), der an einen Smarthost weiterleitet, bevor ein Kennwort gesendet wurde?',
	},
	'starttls-required': {
		en: 'Did the client send STARTTLS (or use implicit TLS) before trying to log in?',
		de: 'Hat der Client vor der Anmeldung STARTTLS gesendet (oder implizites TLS verwendet)?',
	},
	'certificate-untrusted': {
		en: 'Does openssl s_client -connect <HOST>:<PORT> -servername <HOST> report a verify error (self-signed certificate, unable to get local issuer certificate, certificate has expired)? Then the certificate itself is not trusted, whatever name it carries.',
		de: 'Meldet openssl s_client -connect <HOST>:<PORT> -servername <HOST> einen Prüffehler (self-signed certificate, unable to get local issuer certificate, certificate has expired)? Dann ist das Zertifikat selbst nicht vertrauenswürdig, gleich welchen Namen es trägt.',
	},
	'certificate-hostname-mismatch': {
		en: 'Does openssl s_client -connect <HOST>:<PORT> -servername <HOST> end with "Verify return code: 0 (ok)" while the certificate names another host? Then the certificate is trusted but issued for another name.',
		de: 'Endet openssl s_client -connect <HOST>:<PORT> -servername <HOST> mit "Verify return code: 0 (ok)", während das Zertifikat einen anderen Host nennt? Dann ist es vertrauenswürdig, aber für einen anderen Namen ausgestellt.',
	},
};
