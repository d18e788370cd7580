import type { CatalogEntry } from '../types';

/** Causes on the OAuth2 path: the app registration in Entra ID, the token request and the token itself. */
export const OAUTH_ENTRIES: readonly CatalogEntry[] = [
	{
		id: 'consent-required',
		title: { en: 'Permissions have not been consented', de: 'Den Berechtigungen wurde nicht zugestimmt' },
		cause: {
			en: 'The app registration asks for mail permissions (IMAP.AccessAsUser.All, SMTP.Send, IMAP.AccessAsApp...) that neither the user nor an administrator has agreed to, or the permission is not listed on the app registration at all.',
			de: 'Die App-Registrierung fordert Mail-Berechtigungen an (IMAP.AccessAsUser.All, SMTP.Send, IMAP.AccessAsApp ...), denen weder der Benutzer noch ein Administrator zugestimmt hat, oder die Berechtigung steht gar nicht in der App-Registrierung.',
		},
		fix: [
			{
				en: 'Entra admin center > App registrations > (app) > API permissions: add the permissions under "APIs my organization uses" > Office 365 Exchange Online (application permissions for app-only, delegated ones for user sign-in).',
				de: 'Entra Admin Center > App-Registrierungen > (App) > API-Berechtigungen: die Berechtigungen unter "Von meiner Organisation verwendete APIs" > Office 365 Exchange Online hinzufügen (Anwendungsberechtigungen für Nur-App-Zugriff, delegierte für Benutzeranmeldung).',
			},
			{
				en: 'Click "Grant admin consent for <tenant>" as a Global or Privileged Role Administrator; the status column must turn green.',
				de: 'Als globaler Administrator oder Administrator für privilegierte Rollen auf "Administratorzustimmung für <Mandant> erteilen" klicken; die Statusspalte muss grün werden.',
			},
		],
		walkthrough: 'm365-oauth2-app-only#admin-consent',
		sources: [
			'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes',
			'https://learn.microsoft.com/en-us/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth',
		],
		rules: [
			{ aadsts: ['65001'] },
			{ aadsts: ['90094'] },
			{ aadsts: ['90008'] },
			{ aadsts: ['650057'], bias: -0.05 },
			{ aadsts: ['65004'] },
			{ oauthError: ['consent_required'] },
			{ text: /has not consented to use the application/i, bias: 0.25 },
		],
	},
	{
		id: 'app-not-found',
		title: { en: 'The app registration was not found', de: 'Die App-Registrierung wurde nicht gefunden' },
		cause: {
			en: 'Entra ID knows no application with this client ID in the tenant the request went to: a wrong or mistyped client ID, the object ID pasted instead of the application (client) ID, a deleted app, or a single-tenant app used from another tenant.',
			de: 'Entra ID kennt im angefragten Mandanten keine Anwendung mit dieser Client-ID: eine falsche oder vertippte Client-ID, die Objekt-ID statt der Anwendungs-ID (Client-ID) eingefügt, eine gelöschte App oder eine Einzelmandanten-App aus einem anderen Mandanten.',
		},
		fix: [
			{
				en: 'Copy the "Application (client) ID" from Entra admin center > App registrations > (app) > Overview into oauth2.clientId.',
				de: 'Die "Anwendungs-ID (Client)" aus Entra Admin Center > App-Registrierungen > (App) > Übersicht in oauth2.clientId übernehmen.',
			},
			{
				en: 'Make oauth2.tenant the tenant the app is registered in (its "Directory (tenant) ID").',
				de: 'oauth2.tenant auf den Mandanten setzen, in dem die App registriert ist (ihre "Verzeichnis-ID (Mandant)").',
			},
		],
		walkthrough: 'm365-oauth2-app-only#register-app',
		sources: ['https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes'],
		rules: [
			{ aadsts: ['700016'] },
			{ aadsts: ['70001'], bias: -0.05 },
			{ aadsts: ['50194'], bias: -0.1 },
			{ text: /Application (?:id )?with identifier\b.{0,120}?\bwas not found in the directory/i, bias: 0.25 },
			{ oauthError: ['unauthorized_client'], bias: -0.2 },
		],
	},
	{
		id: 'invalid-client-secret',
		title: {
			en: 'The client secret or certificate is wrong or expired',
			de: 'Der geheime Clientschlüssel oder das Zertifikat ist falsch oder abgelaufen',
		},
		cause: {
			en: 'Entra ID rejected the app’s credential. Most often the secret’s ID was copied instead of its value, or the secret has expired; with a certificate the thumbprint, key or system clock does not fit.',
			de: 'Entra ID hat die Anmeldeinformation der App abgelehnt. Meist wurde die ID des geheimen Clientschlüssels statt seines Werts kopiert, oder der geheime Clientschlüssel ist abgelaufen; bei einem Zertifikat passen Fingerabdruck, Schlüssel oder Systemuhr nicht.',
		},
		fix: [
			{
				en: 'Entra admin center > App registrations > (app) > Certificates & secrets > New client secret, then copy the "Value" column (shown only once), not the "Secret ID".',
				de: 'Entra Admin Center > App-Registrierungen > (App) > Zertifikate & Geheimnisse > Neuer geheimer Clientschlüssel, dann die Spalte "Wert" kopieren (nur einmal sichtbar), nicht die "Geheime ID".',
			},
			{
				en: 'Store the value with {command:storeSecret} and reference it as ${secret:NAME}; note the expiry date for rotation.',
				de: 'Den Wert mit "{command:storeSecret}" hinterlegen und als ${secret:NAME} referenzieren; das Ablaufdatum für den Wechsel notieren.',
			},
			{
				en: 'With a certificate: upload the public key to the app registration and check that the machine clock is correct.',
				de: 'Bei einem Zertifikat: den öffentlichen Schlüssel in der App-Registrierung hochladen und prüfen, ob die Uhr des Rechners stimmt.',
			},
		],
		walkthrough: 'm365-oauth2-app-only#client-secret',
		sources: ['https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes'],
		rules: [
			{ aadsts: ['7000215'] },
			{ aadsts: ['50012'] },
			{ aadsts: ['7000222'] },
			{ aadsts: ['700027'] },
			{ aadsts: ['700024'] },
			{ text: /Invalid client secret provided|client secret keys? (?:for|are) (?:app|expired)/i, bias: 0.25 },
			{ oauthError: ['invalid_client'], bias: -0.1 },
		],
	},
	{
		id: 'public-client-mismatch',
		title: {
			en: 'Public and confidential client settings do not match',
			de: 'Einstellungen für öffentlichen und vertraulichen Client passen nicht zusammen',
		},
		cause: {
			en: 'A device-code or other user flow was used against an app registration that is not marked as a public client, so Entra ID expects a secret (AADSTS7000218); or a secret was sent for an app that is a public client (AADSTS700025).',
			de: 'Ein Gerätecode- oder anderer Benutzerablauf wurde gegen eine App-Registrierung verwendet, die nicht als öffentlicher Client markiert ist, deshalb erwartet Entra ID einen geheimen Clientschlüssel (AADSTS7000218); oder es wurde ein geheimer Clientschlüssel für eine App gesendet, die ein öffentlicher Client ist (AADSTS700025).',
		},
		fix: [
			{
				en: 'For device code: Entra admin center > App registrations > (app) > Authentication > Advanced settings > "Allow public client flows" = Yes, and add the platform "Mobile and desktop applications".',
				de: 'Für den Gerätecode: Entra Admin Center > App-Registrierungen > (App) > Authentifizierung > Erweiterte Einstellungen > "Öffentliche Clientflows zulassen" = Ja, und die Plattform "Mobile und Desktopanwendungen" hinzufügen.',
			},
			{
				en: 'For client credentials: keep the app confidential and remove the secret from public flows, or set oauth2.flow to "client-credentials".',
				de: 'Für Clientanmeldeinformationen: die App vertraulich lassen und keinen Schlüssel in öffentlichen Abläufen senden, oder oauth2.flow auf "client-credentials" setzen.',
			},
		],
		walkthrough: 'm365-oauth2-delegated#register-app',
		sources: [
			'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes',
			'https://learn.microsoft.com/en-us/entra/identity-platform/msal-client-applications',
		],
		rules: [
			{ aadsts: ['7000218'] },
			{ aadsts: ['700025'] },
			{ text: /must contain the following parameter: 'client_assertion' or 'client_secret'/i, bias: 0.25 },
		],
	},
	{
		id: 'invalid-scope',
		title: { en: 'The requested scope is not valid', de: 'Der angeforderte Scope ist ungültig' },
		cause: {
			en: 'The token request names a scope Entra ID cannot use for mail: Graph scopes instead of Exchange ones, short names without the resource URI, two resources in one request, or other scopes mixed with ".default" in a client-credentials request.',
			de: 'Die Tokenanfrage nennt einen Scope, den Entra ID für Mail nicht verwenden kann: Graph-Scopes statt Exchange-Scopes, Kurznamen ohne Ressourcen-URI, zwei Ressourcen in einer Anfrage oder ".default" gemischt mit anderen Scopes bei Clientanmeldeinformationen.',
		},
		fix: [
			{
				en: 'Client credentials: request exactly https://outlook.office365.com/.default.',
				de: 'Clientanmeldeinformationen: genau https://outlook.office365.com/.default anfordern.',
			},
			{
				en: 'Delegated: request https://outlook.office.com/IMAP.AccessAsUser.All and/or https://outlook.office.com/SMTP.Send plus offline_access, nothing from graph.microsoft.com in the same request.',
				de: 'Delegiert: https://outlook.office.com/IMAP.AccessAsUser.All und/oder https://outlook.office.com/SMTP.Send sowie offline_access anfordern, nichts von graph.microsoft.com in derselben Anfrage.',
			},
			{
				en: 'If Entra says the resource principal was not found, the tenant has no Exchange Online (license) or the resource URI has a typo.',
				de: 'Meldet Entra, dass der Ressourcenprinzipal nicht gefunden wurde, hat der Mandant kein Exchange Online (keine Lizenz) oder die Ressourcen-URI enthält einen Tippfehler.',
			},
		],
		walkthrough: 'm365-oauth2-app-only#add-permissions',
		sources: [
			'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes',
			'https://learn.microsoft.com/en-us/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth',
		],
		rules: [
			{ aadsts: ['70011'] },
			{ aadsts: ['700022'] },
			{ aadsts: ['700023'] },
			{ aadsts: ['500011'] },
			{ aadsts: ['28000'] },
			{ aadsts: ['28003'] },
			{ aadsts: ['1002012'] },
			{ oauthError: ['invalid_scope'] },
			{ text: /The provided value for the input parameter 'scope' is not valid/i, bias: 0.25 },
		],
	},
	{
		id: 'redirect-uri-mismatch',
		title: { en: 'The redirect URI is not registered', de: 'Die Umleitungs-URI ist nicht registriert' },
		cause: {
			en: 'The sign-in sent a redirect (reply) URI that the app registration does not list, or the app has no redirect URI for this platform at all.',
			de: 'Die Anmeldung hat eine Umleitungs-URI gesendet, die die App-Registrierung nicht kennt, oder die App hat für diese Plattform gar keine Umleitungs-URI.',
		},
		fix: [
			{
				en: 'Entra admin center > App registrations > (app) > Authentication > Add a platform > "Mobile and desktop applications" and add http://localhost (loopback sign-in uses a random port on it).',
				de: 'Entra Admin Center > App-Registrierungen > (App) > Authentifizierung > Plattform hinzufügen > "Mobile und Desktopanwendungen" und http://localhost eintragen (die Loopback-Anmeldung nutzt dort einen zufälligen Port).',
			},
			{
				en: 'Compare the URI in the error exactly, including http vs https and a trailing slash.',
				de: 'Die URI aus der Fehlermeldung genau vergleichen, auch http gegenüber https und einen abschließenden Schrägstrich.',
			},
		],
		walkthrough: 'm365-oauth2-delegated#register-app',
		sources: ['https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes'],
		rules: [
			{ aadsts: ['50011'] },
			{ aadsts: ['900971'] },
			{ aadsts: ['500113'] },
			{ text: /redirect URI specified in the request does not match|reply address .* does not match/i, bias: 0.25 },
			{ oauthError: ['redirect_uri_mismatch'] },
		],
	},
	{
		id: 'tenant-not-found',
		title: { en: 'The tenant was not found', de: 'Der Mandant wurde nicht gefunden' },
		cause: {
			en: 'The authority points to a tenant Entra ID does not know: a typo in the tenant ID or domain, a domain not verified in that tenant, or the wrong cloud (for example a national cloud).',
			de: 'Die Autorität verweist auf einen Mandanten, den Entra ID nicht kennt: ein Tippfehler in Mandanten-ID oder Domäne, eine in diesem Mandanten nicht verifizierte Domäne oder die falsche Cloud (etwa eine nationale Cloud).',
		},
		fix: [
			{
				en: 'Copy the "Directory (tenant) ID" from Entra admin center > Identity > Overview into oauth2.tenant.',
				de: 'Die "Mandanten-ID" aus Entra Admin Center > Identität > Übersicht in oauth2.tenant übernehmen.',
			},
			{
				en: 'Client credentials need a tenant-specific authority; "common", "organizations" or "consumers" do not work there.',
				de: 'Clientanmeldeinformationen brauchen eine mandantenspezifische Autorität; "common", "organizations" oder "consumers" funktionieren dort nicht.',
			},
		],
		walkthrough: 'm365-oauth2-app-only#configure',
		sources: ['https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes'],
		rules: [
			{ aadsts: ['90002'] },
			{ aadsts: ['900023'] },
			{ aadsts: ['50059'] },
			{ aadsts: ['50128'] },
			{ aadsts: ['9001023'] },
			{ text: /Tenant '[^']*' not found/i, bias: 0.25 },
		],
	},
	{
		id: 'user-not-found',
		title: { en: 'The user does not exist in this tenant', de: 'Der Benutzer existiert in diesem Mandanten nicht' },
		cause: {
			en: 'The signed-in account is unknown in the tenant the app asked: a typo in the user name, a guest or personal account, or a sign-in against the wrong tenant.',
			de: 'Das angemeldete Konto ist im angefragten Mandanten unbekannt: ein Tippfehler im Benutzernamen, ein Gast- oder privates Konto oder eine Anmeldung am falschen Mandanten.',
		},
		fix: [
			{
				en: 'Sign in with the work account of the tenant in oauth2.tenant, or change oauth2.tenant to the user’s own tenant.',
				de: 'Mit dem Geschäftskonto des Mandanten aus oauth2.tenant anmelden oder oauth2.tenant auf den Mandanten des Benutzers ändern.',
			},
			{
				en: 'Personal Outlook.com accounts need the "consumers" or "common" authority and an app that allows personal Microsoft accounts.',
				de: 'Private Outlook.com-Konten brauchen die Autorität "consumers" oder "common" und eine App, die private Microsoft-Konten zulässt.',
			},
		],
		walkthrough: 'm365-oauth2-delegated#sign-in',
		sources: ['https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes'],
		rules: [{ aadsts: ['50034'] }, { aadsts: ['50020'] }, { aadsts: ['90072'] }, { aadsts: ['500200'] }],
	},
	{
		id: 'refresh-token-expired',
		title: { en: 'The sign-in has expired or was revoked', de: 'Die Anmeldung ist abgelaufen oder wurde widerrufen' },
		cause: {
			en: 'The stored refresh token can no longer be used: it expired after a long pause, the password changed, an admin revoked the sessions, or the grant was removed.',
			de: 'Das gespeicherte Aktualisierungstoken ist nicht mehr verwendbar: Es ist nach langer Pause abgelaufen, das Kennwort wurde geändert, ein Administrator hat die Sitzungen widerrufen, oder die Zustimmung wurde entfernt.',
		},
		fix: [
			{
				en: 'Run "{command:signIn}" again for this account.',
				de: '"{command:signIn}" für dieses Konto erneut ausführen.',
			},
			{
				en: 'For adapters that must run for months without anyone signing in, use client credentials (app-only).',
				de: 'Für Adapter, die monatelang ohne Anmeldung laufen müssen, Clientanmeldeinformationen (Nur-App) verwenden.',
			},
		],
		walkthrough: 'm365-oauth2-delegated#sign-in',
		sources: ['https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes'],
		rules: [
			{ aadsts: ['700082'] },
			{ aadsts: ['50173'] },
			{ aadsts: ['70008'] },
			{ aadsts: ['70043'] },
			{ aadsts: ['54005'], bias: -0.1 },
			{ oauthError: ['invalid_grant'], text: /expired|revoked/i, bias: -0.2 },
			{ text: /refresh token has expired|provided grant has expired/i, bias: 0.25 },
			{ text: /Token has been expired or revoked/i, bias: 0.2 },
		],
	},
	{
		id: 'oauth-token-rejected',
		title: { en: 'The mail server rejected the access token', de: 'Der Mailserver hat das Zugriffstoken abgelehnt' },
		cause: {
			en: 'A token was obtained, but the mail server does not accept it for this mailbox: wrong audience (a Graph token instead of an Exchange one), missing IMAP/SMTP permission, expired token, or the user named in the XOAUTH2 string is not the one the token belongs to. For app-only access, the service principal may not be registered in Exchange.',
			de: 'Es wurde ein Token bezogen, aber der Mailserver akzeptiert es für dieses Postfach nicht: falsche Audience (ein Token für Graph statt eines für Exchange), fehlende IMAP-/SMTP-Berechtigung, abgelaufenes Token, oder der Benutzer im XOAUTH2-String ist nicht der, dem das Token gehört. Bei Nur-App-Zugriff ist der Dienstprinzipal eventuell nicht in Exchange registriert.',
		},
		fix: [
			{
				en: 'Request the token for https://outlook.office365.com/.default (app-only) or https://outlook.office.com/IMAP.AccessAsUser.All / SMTP.Send (delegated); a token for graph.microsoft.com does not work for IMAP or SMTP.',
				de: 'Das Token für https://outlook.office365.com/.default (Nur-App) oder https://outlook.office.com/IMAP.AccessAsUser.All / SMTP.Send (delegiert) anfordern; ein Token für graph.microsoft.com funktioniert für IMAP und SMTP nicht.',
			},
			{
				en: 'App-only: register the service principal in Exchange Online with New-ServicePrincipal -AppId <APP_ID> -ObjectId <ENTERPRISE_APP_OBJECT_ID> (the object ID from Enterprise applications, not from App registrations).',
				de: 'Nur-App: den Dienstprinzipal in Exchange Online mit New-ServicePrincipal -AppId <APP_ID> -ObjectId <OBJEKT_ID_UNTERNEHMENSANWENDUNG> registrieren (die Objekt-ID aus "Unternehmensanwendungen", nicht aus "App-Registrierungen").',
			},
			{
				en: 'Make auth.user the mailbox the token may access; for SMTP with a shared mailbox, sign in as the delegate and send as the shared address.',
				de: 'auth.user auf das Postfach setzen, auf das das Token zugreifen darf; für SMTP mit einem freigegebenen Postfach als Stellvertreter anmelden und als freigegebene Adresse senden.',
			},
			{
				en: 'Google: the token needs the scope https://mail.google.com/.',
				de: 'Google: Das Token braucht den Scope https://mail.google.com/.',
			},
		],
		walkthrough: 'm365-oauth2-app-only#service-principal',
		walkthroughByProvider: {
			gmail: 'gmail-oauth2#configure',
			'google-workspace': 'gmail-oauth2#configure',
			'outlook-com': 'm365-oauth2-delegated#add-permissions',
		},
		sources: [
			'https://learn.microsoft.com/en-us/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth',
			'https://developers.google.com/workspace/gmail/imap/xoauth2-protocol',
		],
		rules: [
			{ imapStatus: ['NO'], text: /\bAUTHENTICATE failed\.?/, bias: 0.1 },
			{ imapStatus: ['NO'], text: /\bAUTHENTICATE failed\.?/, when: { auth: ['oauth2'] }, bias: 0.2 },
			{ smtp: [535], enhanced: ['5.7.3'], when: { auth: ['oauth2'] }, bias: 0.05 },
			{ smtp: [535], enhanced: ['5.7.3'], bias: -0.12 },
			{ enhanced: ['5.7.3'], text: /Authentication unsuccessful/i, when: { auth: ['oauth2'] } },
			{ enhanced: ['5.7.3'], text: /Authentication unsuccessful/i, bias: -0.12 },
			// Gmail's XOAUTH2 failure challenge, as JSON or in its base64 form.
			{ text: /"status"\s*:\s*"40[01]"\s*,\s*"schemes"\s*:\s*"bearer/i, bias: 0.4 },
			{ text: /eyJzdGF0dXMiOiI0MD[AE]/, bias: 0.4 },
			{ imapCode: ['AUTHENTICATIONFAILED'], text: /Invalid credentials/i, when: { auth: ['oauth2'] }, bias: 0.12 },
			{ smtp: [535], enhanced: ['5.7.8'], text: /Username and Password not accepted/i, when: { auth: ['oauth2'] } },
			{ smtp: [535], text: /Username and Password not accepted/i, when: { auth: ['oauth2'] }, bias: -0.05 },
			{ errorCode: ['EOAUTH2'], bias: -0.1 },
			{ when: { probe: ['AUTH_FAILED', 'OAUTH_CLAIMS'], auth: ['oauth2'] } },
		],
	},
	{
		id: 'mailbox-permission-missing',
		title: { en: 'Signed in, but no access to the mailbox', de: 'Angemeldet, aber kein Zugriff auf das Postfach' },
		cause: {
			en: 'Exchange accepted the token (or login) but cannot open the mailbox for it: the app’s service principal or the signed-in user has no FullAccess on that mailbox, the service principal was registered with the wrong object ID, or the token belongs to a different account than the mailbox in auth.user.',
			de: 'Exchange hat das Token (oder die Anmeldung) akzeptiert, kann dafür aber das Postfach nicht öffnen: Der Dienstprinzipal der App oder der angemeldete Benutzer hat keinen Vollzugriff auf das Postfach, der Dienstprinzipal wurde mit der falschen Objekt-ID registriert, oder das Token gehört zu einem anderen Konto als das Postfach in auth.user.',
		},
		fix: [
			{
				en: 'App-only: Get-ServicePrincipal | Format-List to confirm the registration, then Add-MailboxPermission -Identity <MAILBOX> -User <SERVICE_PRINCIPAL_ID> -AccessRights FullAccess.',
				de: 'Nur-App: Mit Get-ServicePrincipal | Format-List die Registrierung prüfen, dann Add-MailboxPermission -Identity <POSTFACH> -User <DIENSTPRINZIPAL_ID> -AccessRights FullAccess.',
			},
			{
				en: 'Shared mailbox with a user sign-in: Add-MailboxPermission -Identity <SHARED_MAILBOX> -User <DELEGATE> -AccessRights FullAccess, and put the shared address in auth.user.',
				de: 'Freigegebenes Postfach mit Benutzeranmeldung: Add-MailboxPermission -Identity <FREIGEGEBENES_POSTFACH> -User <STELLVERTRETER> -AccessRights FullAccess, und die freigegebene Adresse in auth.user eintragen.',
			},
			{
				en: 'Sign in again with the account that owns the mailbox if a different account was used; permissions can take up to an hour to apply.',
				de: 'Erneut mit dem Konto anmelden, dem das Postfach gehört, falls ein anderes verwendet wurde; Berechtigungen können bis zu einer Stunde brauchen.',
			},
		],
		walkthrough: 'm365-oauth2-app-only#mailbox-permission',
		sources: [
			'https://learn.microsoft.com/en-us/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth',
			'https://github.com/simonrob/email-oauth2-proxy/issues/275',
		],
		rules: [
			{ imapStatus: ['BAD'], text: /User is authenticated but not connected/i, bias: 0.1 },
			{ text: /User is authenticated but not connected/i, bias: 0.3 },
		],
	},
	{
		id: 'device-code-not-completed',
		title: {
			en: 'The device-code sign-in was not completed',
			de: 'Die Anmeldung per Gerätecode wurde nicht abgeschlossen',
		},
		cause: {
			en: 'A device-code sign-in waits until someone opens the verification page and enters the code. AADSTS70016 (authorization_pending) only means that nobody has finished yet; AADSTS70019 and AADSTS70020 (expired_token, code_expired) mean the code ran out (after about 15 minutes) before the sign-in was completed; authorization_declined means the user canceled it.',
			de: 'Eine Anmeldung per Gerätecode wartet, bis jemand die Bestätigungsseite öffnet und den Code eingibt. AADSTS70016 (authorization_pending) bedeutet nur, dass noch niemand fertig ist; AADSTS70019 und AADSTS70020 (expired_token, code_expired) bedeuten, dass der Code (nach etwa 15 Minuten) abgelaufen ist, bevor die Anmeldung abgeschlossen war; authorization_declined bedeutet, dass der Benutzer abgebrochen hat.',
		},
		fix: [
			{
				en: 'Run "{command:signIn}" again and finish the sign-in at https://microsoft.com/devicelogin within the time shown, with the account the adapter uses.',
				de: '"{command:signIn}" erneut ausführen und die Anmeldung unter https://microsoft.com/devicelogin innerhalb der angezeigten Zeit abschließen, mit dem Konto, das der Adapter verwendet.',
			},
			{
				en: 'A pending message while the tool still polls is normal; it only matters when the sign-in never completes.',
				de: 'Eine Meldung "ausstehend", solange das Werkzeug noch abfragt, ist normal; sie zählt erst, wenn die Anmeldung nie abgeschlossen wird.',
			},
			{
				en: 'If the code expires within seconds, check the computer’s clock and time zone: the expiry is computed from it.',
				de: 'Läuft der Code schon nach Sekunden ab, Uhrzeit und Zeitzone des Rechners prüfen: Der Ablauf wird daraus berechnet.',
			},
		],
		walkthrough: 'm365-oauth2-delegated',
		sources: [
			'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-device-code',
			'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes',
		],
		rules: [
			{ aadsts: ['70016'] },
			{ aadsts: ['70019'] },
			{ aadsts: ['70020'] },
			{ oauthError: ['authorization_pending', 'authorization_declined', 'expired_token', 'code_expired'] },
			{
				text: /device code has expired|Pending end-user authorization|Authorization is pending|polling state code_expired|device ?code.{0,160}\bCode Expired\b/i,
				bias: 0.25,
			},
		],
	},
];
