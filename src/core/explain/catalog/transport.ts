import type { CatalogEntry } from '../types';

const CHECK_HOST_PORT = {
	en: 'Compare host, port and security with the provider’s published settings (the language server flags common mismatches in the config file).',
	de: 'Host, Port und Sicherheit mit den veröffentlichten Einstellungen des Anbieters vergleichen (der Sprachserver markiert häufige Abweichungen in der Konfigurationsdatei).',
};

/** Causes below the mail protocol: name resolution, TCP, TLS and certificates. */
export const TRANSPORT_ENTRIES: readonly CatalogEntry[] = [
	{
		id: 'starttls-required',
		title: { en: 'The server requires encryption first', de: 'Der Server verlangt zuerst Verschlüsselung' },
		cause: {
			en: 'The client tried to sign in or send over an unencrypted connection; the server only allows that after STARTTLS (or on an implicit-TLS port).',
			de: 'Der Client wollte sich über eine unverschlüsselte Verbindung anmelden oder senden; der Server erlaubt das erst nach STARTTLS (oder auf einem Port mit implizitem TLS).',
		},
		fix: [
			{
				en: 'Set security to "starttls" for ports 587/143, or "tls" for ports 465/993; never "none" for a server on the internet.',
				de: 'security auf "starttls" für die Ports 587/143 oder auf "tls" für die Ports 465/993 setzen; für einen Server im Internet nie "none".',
			},
			CHECK_HOST_PORT,
		],
		walkthrough: 'mail-adapter-setup#collect-settings',
		sources: ['https://www.rfc-editor.org/rfc/rfc3207#section-4', 'https://www.rfc-editor.org/rfc/rfc9051#section-7.1'],
		rules: [
			{ smtp: [530], text: /Must issue a STARTTLS command first/i, bias: 0.1 },
			{
				text: /Must issue a STARTTLS command first|STARTTLS is required|Encryption required for requested authentication mechanism/i,
				bias: 0.35,
			},
			{ smtp: [538], enhanced: ['5.7.11'] },
			{ imapCode: ['PRIVACYREQUIRED'] },
			// Dovecot's own log line for the same refusal (hardware/mailserver#219).
			{
				text: /(?:Plaintext|cleartext) (?:authentication|logins?) (?:dis(?:allowed|abled)|not allowed)|\btried to use disallowed plaintext auth\b/i,
				bias: 0.3,
			},
			{ errorCode: ['LOGINDISABLED'] },
			{ text: /\bLogin is disabled\b/i, bias: 0.2 },
		],
	},
	{
		id: 'tls-mode-mismatch',
		title: { en: 'TLS mode and port do not match', de: 'TLS-Modus und Port passen nicht zusammen' },
		cause: {
			en: 'One side speaks TLS and the other plain text: implicit TLS ("tls") was used against a STARTTLS port such as 587 or 143 (the "wrong version number" error), or plain/STARTTLS against an implicit-TLS port such as 465 or 993 (the client then waits for a greeting that never comes).',
			de: 'Eine Seite spricht TLS, die andere Klartext: Implizites TLS ("tls") gegen einen STARTTLS-Port wie 587 oder 143 (Fehler "wrong version number"), oder Klartext/STARTTLS gegen einen Port mit implizitem TLS wie 465 oder 993 (der Client wartet dann auf eine Begrüßung, die nie kommt).',
		},
		fix: [
			{
				en: 'Ports 465 and 993: security "tls". Ports 587 and 143: security "starttls". Port 25: "starttls" where offered.',
				de: 'Ports 465 und 993: security "tls". Ports 587 und 143: security "starttls". Port 25: "starttls", wo angeboten.',
			},
			{
				en: 'If the server does not offer STARTTLS at all, check that the port is the provider’s submission port and that no proxy or firewall strips STARTTLS.',
				de: 'Bietet der Server gar kein STARTTLS an, prüfen, ob der Port der Einlieferungsport des Anbieters ist und ob kein Proxy oder keine Firewall STARTTLS entfernt.',
			},
			CHECK_HOST_PORT,
		],
		walkthrough: 'mail-adapter-setup#collect-settings',
		sources: [
			'https://www.rfc-editor.org/rfc/rfc8314#section-3',
			'https://github.com/nodemailer/nodemailer/issues/1154',
		],
		rules: [
			{ text: /wrong version number/i, bias: 0.35 },
			{ errorCode: ['ERR_SSL_WRONG_VERSION_NUMBER', 'WRONG_VERSION_NUMBER'], bias: 0.15 },
			{ text: /first record does not look like a TLS handshake/i, bias: 0.35 },
			{ text: /Greeting never received/i, bias: 0.25 },
			{ text: /Failed to receive greeting from server in required time|Maybe should use TLS/i, bias: 0.35 },
			{ errorCode: ['GREETING_TIMEOUT'], bias: 0.05 },
			{ text: /packet length too long|unknown protocol|SSL23_GET_SERVER_HELLO|record layer failure/i, bias: 0.1 },
			// Python's smtplib says "STARTTLS extension not supported by server" (google/grr#1053).
			{
				text: /Server does not support STARTTLS|STARTTLS (?:is )?not (?:supported|available)|STARTTLS extension not supported/i,
				bias: 0.2,
			},
			{ errorCode: ['ETIMEDOUT', 'ETIMEOUT'], when: { stage: ['greeting'] }, bias: -0.05 },
			{ when: { probe: ['TLS_MODE_MISMATCH'] } },
			{ when: { probe: ['STARTTLS_UNAVAILABLE'] }, bias: -0.05 },
			// The client demanded STARTTLS and the server did not offer it (JavaMail's "STARTTLS is required but host
			// does not support STARTTLS", which "STARTTLS is required" alone read as starttls-required); MailKit's hint
			// for implicit TLS on port 587; .NET's SslStream reading a plain-text greeting.
			{
				text: /\bhost does not support STARTTLS\b|port 587 is typically reserved for plain-text connections|handshake failed due to an unexpected packet format/i,
				bias: 0.4,
			},
		],
	},
	{
		id: 'certificate-untrusted',
		title: { en: 'The server certificate is not trusted', de: 'Dem Serverzertifikat wird nicht vertraut' },
		cause: {
			en: 'TLS verification failed: the certificate is self-signed, issued by a company CA this machine does not trust, sent without its intermediate certificates, expired, or not yet valid (sometimes a wrong system clock). A TLS-inspecting proxy causes the same.',
			de: 'Die TLS-Prüfung ist fehlgeschlagen: Das Zertifikat ist selbstsigniert, von einer Firmen-CA ausgestellt, der dieser Rechner nicht vertraut, ohne Zwischenzertifikate gesendet, abgelaufen oder noch nicht gültig (manchmal eine falsche Systemuhr). Ein TLS-aufbrechender Proxy bewirkt dasselbe.',
		},
		fix: [
			{
				en: 'Check the certificate the test shows in its TLS stage (issuer, validity); an expired certificate must be renewed on the server.',
				de: 'Das Zertifikat prüfen, das der Test in seiner TLS-Stufe anzeigt (Aussteller, Gültigkeit); ein abgelaufenes Zertifikat muss auf dem Server erneuert werden.',
			},
			{
				en: 'For a company CA or an inspecting proxy, add the CA certificate (PEM) to the trusted CAs instead of switching verification off.',
				de: 'Für eine Firmen-CA oder einen aufbrechenden Proxy das CA-Zertifikat (PEM) zu den vertrauenswürdigen CAs hinzufügen, statt die Prüfung abzuschalten.',
			},
			{
				en: 'Set tls.rejectUnauthorized to false only for a lab server you control; the connection is then open to interception.',
				de: 'tls.rejectUnauthorized nur für einen eigenen Testserver auf false setzen; die Verbindung ist dann abhörbar.',
			},
		],
		walkthrough: 'mail-adapter-setup#collect-settings',
		sources: ['https://nodejs.org/api/tls.html#x509-certificate-error-codes'],
		rules: [
			{
				errorCode: [
					'DEPTH_ZERO_SELF_SIGNED_CERT',
					'SELF_SIGNED_CERT_IN_CHAIN',
					'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
					'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
					'UNABLE_TO_GET_ISSUER_CERT',
					'CERT_HAS_EXPIRED',
					'CERT_NOT_YET_VALID',
					'CERT_UNTRUSTED',
					'CERTIFICATE_VERIFY_FAILED',
				],
				bias: 0.1,
			},
			{
				text: /self[- ]signed certificate|certificate has expired|certificate is not yet valid|unable to verify the first certificate|unable to get local issuer certificate/i,
				bias: 0.3,
			},
			{
				text: /PKIX path building failed|unable to find valid certification path|remote certificate is invalid according to the validation procedure|certificate verify failed|SSL certificate could not be validated|certificate verification failed|SELF_SIGNED_CERT_IN_CHAIN|alert unknown ca|issuer certificate (?:of a locally looked up certificate )?could not be found|root CA certificate is not trusted|certificate is self-signed, and untrusted|No certificates could be verified/i,
				bias: 0.3,
			},
			{ when: { probe: ['TLS_CERT_INVALID'] }, bias: -0.05 },
			// Go's crypto/x509 wording, MailKit's callback refusal and .NET's trust failure in English and in the German
			// Windows text: none of them was read at all.
			{
				text: /certificate signed by unknown authority|remote certificate was rejected by the provided RemoteCertificateValidationCallback|Could not establish trust relationship for the SSL\/TLS secure channel|Vertrauensstellung für den sicheren SSL\/TLS-Kanal|Das Remotezertifikat ist laut Validierungsverfahren ungültig/i,
				bias: 0.3,
			},
		],
	},
	{
		id: 'certificate-hostname-mismatch',
		title: {
			en: 'The certificate is for a different host name',
			de: 'Das Zertifikat gilt für einen anderen Hostnamen',
		},
		cause: {
			en: 'The server’s certificate does not name the host the client connected to: typical for a customer domain (mail.example.com) on shared hosting whose certificate only covers the provider’s own host name, or for an IP address used as host.',
			de: 'Das Zertifikat des Servers nennt nicht den Host, mit dem sich der Client verbunden hat: typisch für eine Kundendomäne (mail.example.com) bei einem Hoster, dessen Zertifikat nur den eigenen Hostnamen abdeckt, oder für eine IP-Adresse als Host.',
		},
		fix: [
			{
				en: 'Use the host name the certificate names (the provider’s documented server, e.g. imap.ionos.de instead of mail.your-domain.de).',
				de: 'Den Hostnamen verwenden, den das Zertifikat nennt (den dokumentierten Server des Anbieters, z. B. imap.ionos.de statt mail.ihre-domain.de).',
			},
			{
				en: 'If you must connect by IP or alias, set tls.servername to the certificate’s name.',
				de: 'Muss die Verbindung über IP oder einen Alias laufen, tls.servername auf den Namen im Zertifikat setzen.',
			},
		],
		walkthrough: 'mail-adapter-setup#collect-settings',
		sources: ['https://nodejs.org/api/errors.html#err_tls_cert_altname_invalid'],
		rules: [
			{ errorCode: ['ERR_TLS_CERT_ALTNAME_INVALID'], bias: 0.15 },
			// Node's wording; before Node 12 it read "doesn't match" and named no altnames (nodemailer/nodemailer#342).
			{ text: /(?:does not|doesn't) match certificate'?s altnames|not in the cert'?s altnames/i, bias: 0.35 },
			// Python and OpenSSL say "certificate verify failed: Hostname mismatch" (home-assistant/core#174821): the name
			// is the more specific reason, so it ranks above the generic verify failure; curl words it its own way
			// (LukeSmithxyz/mutt-wizard#853).
			{
				text: /does not match the server certificate|Hostname mismatch|certificate is not valid for|doesn'?t match any of the subject alternative names|RemoteCertificateNameMismatch|no alternative certificate subject name matches/i,
				bias: 0.35,
			},
			// Go ("x509: certificate is valid for a, b, not c") and MailKit name the host mismatch in words of their own.
			{
				text: /\bx509: certificate is valid for\b|host name did not match the name given in the server's SSL certificate/i,
				bias: 0.35,
			},
		],
	},
	{
		id: 'connection-refused',
		title: { en: 'The connection was refused', de: 'Die Verbindung wurde abgelehnt' },
		cause: {
			en: 'The host answered but nothing accepts connections on this port: a wrong port, a mail service that is not running, or a firewall that actively rejects the connection.',
			de: 'Der Host hat geantwortet, aber auf diesem Port nimmt nichts Verbindungen an: ein falscher Port, ein Maildienst, der nicht läuft, oder eine Firewall, die die Verbindung aktiv ablehnt.',
		},
		fix: [
			CHECK_HOST_PORT,
			{
				en: 'Test from the adapter’s machine: Test-NetConnection <HOST> -Port <PORT> (PowerShell) or openssl s_client -connect <HOST>:<PORT>.',
				de: 'Vom Rechner des Adapters aus testen: Test-NetConnection <HOST> -Port <PORT> (PowerShell) oder openssl s_client -connect <HOST>:<PORT>.',
			},
			{
				en: 'For an on-premises server, check that the service runs and listens on that port.',
				de: 'Bei einem eigenen Server prüfen, ob der Dienst läuft und auf diesem Port lauscht.',
			},
		],
		walkthrough: 'mail-adapter-setup#collect-settings',
		sources: ['https://nodejs.org/api/errors.html#common-system-errors'],
		rules: [
			{ errorCode: ['ECONNREFUSED', 'WSAECONNREFUSED'], bias: 0.2 },
			{ text: /Connection refused|actively refused it/i, bias: 0.3 },
			{ when: { probe: ['CONNECTION_REFUSED'] } },
		],
	},
	{
		id: 'host-not-found',
		title: { en: 'The host name does not resolve', de: 'Der Hostname lässt sich nicht auflösen' },
		cause: {
			en: 'DNS has no address for this host name: a typo, a server name that does not exist (anymore), or no working DNS on this machine (offline, VPN, proxy-only network).',
			de: 'DNS kennt für diesen Hostnamen keine Adresse: ein Tippfehler, ein Servername, den es (nicht mehr) gibt, oder kein funktionierendes DNS auf diesem Rechner (offline, VPN, Netz nur mit Proxy).',
		},
		fix: [
			{
				en: 'Check the spelling of the host against the provider’s documentation (outlook.office365.com, smtp.office365.com, imap.gmail.com...).',
				de: 'Die Schreibweise des Hosts mit der Dokumentation des Anbieters vergleichen (outlook.office365.com, smtp.office365.com, imap.gmail.com ...).',
			},
			{
				en: 'Resolve it from the adapter’s machine: Resolve-DnsName <HOST> (PowerShell) or nslookup <HOST>.',
				de: 'Vom Rechner des Adapters aus auflösen: Resolve-DnsName <HOST> (PowerShell) oder nslookup <HOST>.',
			},
		],
		walkthrough: 'mail-adapter-setup#collect-settings',
		sources: ['https://nodejs.org/api/errors.html#common-system-errors'],
		rules: [
			{ errorCode: ['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EDNS'], bias: 0.2 },
			// JavaMail says "Unknown SMTP host: <host>" (intermine/intermine#1375).
			{
				text: /getaddrinfo|Name or service not known|nodename nor servname|No such host is known|Temporary failure in name resolution|Unknown (?:SMTP )?host|UnknownHostException/i,
				bias: 0.3,
			},
			// Node's resolver (dns.resolve*, as nodemailer uses it): the DNS query itself failed or was refused, so the
			// ECONNREFUSED in `queryA ECONNREFUSED host` is the DNS server's, not the mail server's.
			{ text: /\bquery(?:A|AAAA|Any|Caa|Cname|Mx|Naptr|Ns|Ptr|Soa|Srv|Txt)\s+E[A-Z]+\b/, bias: 0.5 },
			{ when: { probe: ['DNS_NOT_FOUND'] } },
			// .NET's WebException for a host name that does not resolve.
			{ text: /\bremote name could not be resolved\b/i, bias: 0.3 },
		],
	},
	{
		id: 'connection-timeout',
		title: { en: 'The connection timed out', de: 'Zeitüberschreitung beim Verbindungsaufbau' },
		cause: {
			en: 'No answer came back from the host: a firewall or the hosting provider silently drops outgoing traffic to this port (cloud VMs often block 25, sometimes 465/587), the host name points to the wrong address, or there is no route (IPv6 without connectivity, VPN).',
			de: 'Vom Host kam keine Antwort: Eine Firewall oder der Hoster verwirft ausgehenden Verkehr zu diesem Port stillschweigend (Cloud-VMs sperren oft 25, manchmal 465/587), der Hostname zeigt auf die falsche Adresse, oder es gibt keine Route (IPv6 ohne Anbindung, VPN).',
		},
		fix: [
			{
				en: 'Test from the adapter’s machine: Test-NetConnection <HOST> -Port <PORT>; if it fails, ask the network team to allow outgoing traffic to that port.',
				de: 'Vom Rechner des Adapters aus testen: Test-NetConnection <HOST> -Port <PORT>; schlägt das fehl, das Netzwerkteam bitten, ausgehenden Verkehr zu diesem Port freizugeben.',
			},
			CHECK_HOST_PORT,
			{
				en: 'If only the greeting times out, the TLS mode probably does not fit the port (see "TLS mode and port do not match").',
				de: 'Läuft nur die Begrüßung in eine Zeitüberschreitung, passt vermutlich der TLS-Modus nicht zum Port (siehe "TLS-Modus und Port passen nicht zusammen").',
			},
		],
		walkthrough: 'mail-adapter-setup#collect-settings',
		sources: ['https://nodejs.org/api/errors.html#common-system-errors'],
		rules: [
			{ errorCode: ['ETIMEDOUT', 'CONNECT_TIMEOUT', 'ETIMEOUT'], when: { stage: ['dns', 'tcp', 'tls'] } },
			{ errorCode: ['CONNECT_TIMEOUT'] },
			{ errorCode: ['EHOSTUNREACH', 'ENETUNREACH'], bias: 0.1 },
			{
				text: /connect ETIMEDOUT|Connection timed? ?out|timed ?out while connecting|operation timed out/i,
				bias: 0.3,
			},
			{ text: /connection attempt failed because the connected party did not properly respond/i, bias: 0.35 },
			{ when: { probe: ['TIMEOUT'], stage: ['dns', 'tcp', 'tls'] } },
			{ when: { probe: ['TIMEOUT'] }, bias: -0.1 },
		],
	},
	{
		id: 'connection-reset',
		title: {
			en: 'The server dropped the connection',
			de: 'Der Server hat die Verbindung abgebrochen',
		},
		cause: {
			en: 'The connection stood, but the other end closed it abruptly (a TCP reset or a socket closed mid-command): the server refused the TLS settings the client forced (an old protocol or cipher list), it cut an idle or overused pooled connection, it was overloaded or restarting, or a firewall, antivirus or proxy in between cut the session.',
			de: 'Die Verbindung stand, aber die Gegenseite hat sie abrupt beendet (ein TCP-Reset oder ein mitten im Befehl geschlossener Socket): Der Server hat die vom Client erzwungenen TLS-Einstellungen abgelehnt (ein altes Protokoll oder eine Cipher-Liste), er hat eine untätige oder zu oft genutzte Verbindung aus dem Pool getrennt, er war überlastet oder startete neu, oder eine Firewall, ein Virenscanner oder ein Proxy dazwischen hat die Sitzung gekappt.',
		},
		fix: [
			{
				en: 'Remove forced TLS options (secureProtocol such as TLSv1_method, ciphers such as SSLv3) and let client and server negotiate; check that security fits the port.',
				de: 'Erzwungene TLS-Optionen entfernen (secureProtocol wie TLSv1_method, ciphers wie SSLv3) und Client und Server aushandeln lassen; prüfen, ob security zum Port passt.',
			},
			{
				en: 'If it happens now and then, retry; for many messages, use fewer parallel connections and fewer messages per connection, and reconnect after an idle period.',
				de: 'Tritt es nur gelegentlich auf, erneut versuchen; bei vielen Nachrichten weniger parallele Verbindungen und weniger Nachrichten pro Verbindung verwenden und nach einer Ruhephase neu verbinden.',
			},
			{
				en: 'If it happens every time, test from the adapter’s machine with openssl s_client -connect <HOST>:<PORT> (add -starttls smtp or -starttls imap for STARTTLS ports) and ask whether a firewall, antivirus or proxy inspects mail traffic.',
				de: 'Tritt es jedes Mal auf, vom Rechner des Adapters aus mit openssl s_client -connect <HOST>:<PORT> testen (für STARTTLS-Ports -starttls smtp bzw. -starttls imap anhängen) und klären, ob eine Firewall, ein Virenscanner oder ein Proxy den Mailverkehr prüft.',
			},
		],
		walkthrough: 'mail-adapter-setup#collect-settings',
		sources: [
			'https://nodejs.org/api/errors.html#common-system-errors',
			'https://github.com/mscdex/node-imap/issues/695',
		],
		rules: [
			{ errorCode: ['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'WSAECONNRESET'], bias: 0.1 },
			{
				text: /\bConnection reset by peer\b|\b(?:read|write) ECONNRESET\b|\breset by the other side\b|\bforcibly closed by the remote host\b|\b(?:closed|ended) (?:the )?(?:connection )?une(?:xpect|xcept)edly\b|\bsocket hang up\b|\bErrno 104\b|\bWinsock Error 1005[34]\b|\bThis socket has been ended by the other party\b|\bsocket error: EOF\b/i,
				bias: 0.3,
			},
			{ when: { probe: ['CONNECTION_CLOSED'] } },
		],
	},
	{
		id: 'tls-version-unsupported',
		title: {
			en: 'Client and server have no TLS version in common',
			de: 'Client und Server haben keine gemeinsame TLS-Version',
		},
		cause: {
			en: 'One side only speaks TLS 1.0 or 1.1, which the other side refuses. Microsoft 365 (SMTP AUTH and the Entra ID sign-in) accepts TLS 1.2 or newer only, and current Node.js and OpenSSL builds refuse servers that offer nothing newer than TLS 1.1.',
			de: 'Eine Seite beherrscht nur TLS 1.0 oder 1.1, was die andere ablehnt. Microsoft 365 (SMTP AUTH und die Anmeldung bei Entra ID) nimmt nur TLS 1.2 oder neuer an, und aktuelle Node.js- und OpenSSL-Versionen lehnen Server ab, die nichts Neueres als TLS 1.1 anbieten.',
		},
		fix: [
			{
				en: 'Update the sending program or its runtime so it negotiates TLS 1.2 or 1.3 (old .NET Framework: enable strong cryptography; old Java: enable TLSv1.2).',
				de: 'Das sendende Programm oder seine Laufzeitumgebung aktualisieren, damit es TLS 1.2 oder 1.3 aushandelt (altes .NET Framework: starke Kryptografie einschalten; altes Java: TLSv1.2 aktivieren).',
			},
			{
				en: 'If the mail server is the old side, update its TLS configuration; lowering tls.minVersion in the client is only a stopgap for a server you control.',
				de: 'Ist der Mailserver die alte Seite, dessen TLS-Konfiguration aktualisieren; tls.minVersion im Client herabzusetzen ist nur eine Notlösung für einen Server in eigener Verantwortung.',
			},
			{
				en: 'Exchange Online only: a device that cannot do TLS 1.2 can send through smtp-legacy.office365.com once an admin has run Set-TransportConfig -AllowLegacyTLSClients $true.',
				de: 'Nur Exchange Online: Ein Gerät ohne TLS 1.2 kann über smtp-legacy.office365.com senden, nachdem ein Administrator Set-TransportConfig -AllowLegacyTLSClients $true ausgeführt hat.',
			},
		],
		sources: [
			'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/opt-in-exchange-online-endpoint-for-legacy-tls-using-smtp-auth',
			'https://learn.microsoft.com/en-us/troubleshoot/entra/entra-id/app-integration/enable-support-tls-environment',
			'https://github.com/nodemailer/nodemailer/issues/1076',
		],
		rules: [
			{ aadsts: ['1002016'] },
			{ text: /TLS version 1\.0, 1\.1 and\/or 3DES cipher/i, bias: 0.35 },
			{ enhanced: ['4.7.66'], text: /TLS 1\.0 and 1\.1 are not supported/i, bias: 0.1 },
			{ text: /TLS 1\.0 and 1\.1 are not supported|aka\.ms\/smtp_auth_tls/i, bias: 0.3 },
			{
				text: /tlsv1 alert protocol version|unsupported protocol|version too low|no protocols available|ssl_choose_client_version/i,
				bias: 0.3,
			},
			{ errorCode: ['ERR_SSL_UNSUPPORTED_PROTOCOL', 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION'], bias: 0.15 },
			// Java's JSSE: the server's alert, and the client refusing every protocol it is allowed (old JavaMail on a
			// JDK that disabled TLS 1.0/1.1).
			{
				text: /Received fatal alert: protocol_version|No appropriate protocol \(protocol is disabled or cipher suites are inappropriate\)/i,
				bias: 0.3,
			},
		],
	},
	{
		id: 'sasl-mechanism-missing',
		title: {
			en: 'The relaying mail server has no usable SASL mechanism',
			de: 'Der weiterleitende Mailserver hat keinen nutzbaren SASL-Mechanismus',
		},
		cause: {
			en: 'The local MTA (Postfix, Exim, Sendmail) found no SASL mechanism it may use with the smarthost, so it never sent the credentials: the SASL plugins are not installed (libsasl2-modules, cyrus-sasl-plain, a XOAUTH2 plugin), the plugin is in a directory the SASL library does not search, or the security options forbid the plain-text mechanisms the server offers.',
			de: 'Der lokale MTA (Postfix, Exim, Sendmail) hat keinen SASL-Mechanismus gefunden, den er beim Smarthost verwenden darf, und die Zugangsdaten deshalb gar nicht gesendet: Die SASL-Plugins fehlen (libsasl2-modules, cyrus-sasl-plain, ein XOAUTH2-Plugin), das Plugin liegt in einem Verzeichnis, das die SASL-Bibliothek nicht durchsucht, oder die Sicherheitsoptionen verbieten die Klartext-Mechanismen, die der Server anbietet.',
		},
		fix: [
			{
				en: 'Install the mechanism plugins: Debian/Ubuntu `apt install libsasl2-modules`, RHEL/Alma `dnf install cyrus-sasl-plain`; for OAuth2 the XOAUTH2 plugin (sasl-xoauth2) in the SASL plugin directory.',
				de: 'Die Mechanismus-Plugins installieren: Debian/Ubuntu `apt install libsasl2-modules`, RHEL/Alma `dnf install cyrus-sasl-plain`; für OAuth2 das XOAUTH2-Plugin (sasl-xoauth2) im SASL-Plugin-Verzeichnis.',
			},
			{
				en: 'Postfix: allow PLAIN/LOGIN over TLS with smtp_sasl_security_options = noanonymous and smtp_sasl_tls_security_options = noanonymous; smtp_sasl_mechanism_filter takes mechanism names (PLAIN, LOGIN, XOAUTH2), not plugin names.',
				de: 'Postfix: PLAIN/LOGIN über TLS mit smtp_sasl_security_options = noanonymous und smtp_sasl_tls_security_options = noanonymous erlauben; smtp_sasl_mechanism_filter erwartet Mechanismusnamen (PLAIN, LOGIN, XOAUTH2), keine Plugin-Namen.',
			},
			{
				en: 'Compare the mechanisms the library knows (`pluginviewer -c`) with the AUTH line in the server’s EHLO reply.',
				de: 'Die Mechanismen, die die Bibliothek kennt (`pluginviewer -c`), mit der AUTH-Zeile in der EHLO-Antwort des Servers vergleichen.',
			},
		],
		sources: [
			'https://www.postfix.org/SASL_README.html#client_sasl_enable',
			'https://github.com/bokysan/docker-postfix/issues/180',
			'https://github.com/tarickb/sasl-xoauth2',
		],
		rules: [
			{ text: /No worthy mechs found/i, bias: 0.45 },
			{ text: /cannot authenticate to server\b.{0,120}\bno mechanism available/i, bias: 0.45 },
			{ text: /\bno mechanism available\b|cannot SASL authenticate to server/i, bias: 0.35 },
		],
	},
];
