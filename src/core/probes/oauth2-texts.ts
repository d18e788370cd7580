import type { Localized } from '../i18n';

/** Every sentence the OAuth2 probe writes into stage details and error messages, in both languages. */
export const OAUTH2_TEXTS = {
	notOAuth2: {
		en: 'The account does not use OAuth2 (auth.method is "{method}").',
		de: 'Das Konto verwendet kein OAuth2 (auth.method ist „{method}“).',
	},
	missingOAuth2Block: {
		en: 'auth.oauth2 is missing: client id and flow are needed for the token check.',
		de: 'auth.oauth2 fehlt: Client-ID und Flow werden für die Tokenprüfung gebraucht.',
	},
	googleUnsupported: {
		en: 'Google OAuth2 tokens cannot be checked by this probe (it speaks Microsoft Entra ID only). Get the token with Google tooling; the IMAP/SMTP checks still test the login.',
		de: 'Google-OAuth2-Token kann dieser Test nicht prüfen (er spricht nur Microsoft Entra ID). Besorgen Sie das Token mit Google-Werkzeugen; die IMAP/SMTP-Tests prüfen die Anmeldung weiterhin.',
	},
	appOnlyNeedsTenant: {
		en: 'Client credentials need a tenant-specific authority: set auth.oauth2.tenant to the tenant id or domain (not "{tenant}").',
		de: 'Clientanmeldeinformationen brauchen eine mandantenspezifische Autorität: Setzen Sie auth.oauth2.tenant auf die Mandanten-ID oder Domäne (nicht „{tenant}“).',
	},
	invalidAuthority: {
		en: 'auth.oauth2.authority "{authority}" is not an https URL.',
		de: 'auth.oauth2.authority „{authority}“ ist keine https-URL.',
	},
	missingSecret: {
		en: 'The client secret is not available: store it ({command:storeSecret}) or provide it through the environment.',
		de: 'Der geheime Clientschlüssel ist nicht verfügbar: Hinterlegen Sie ihn ({command:storeSecret}) oder geben Sie ihn über die Umgebung mit.',
	},
	missingPrivateKey: {
		en: 'The certificate private key could not be read (auth.oauth2.certificate.privateKeyFile).',
		de: 'Der private Schlüssel des Zertifikats ließ sich nicht lesen (auth.oauth2.certificate.privateKeyFile).',
	},
	badThumbprint: {
		en: 'The certificate thumbprint must be 40 (SHA-1) or 64 (SHA-256) hex digits.',
		de: 'Der Zertifikat-Fingerabdruck muss aus 40 (SHA-1) oder 64 (SHA-256) Hex-Ziffern bestehen.',
	},
	noCredential: {
		en: 'Client credentials need auth.oauth2.clientSecret or auth.oauth2.certificate.',
		de: 'Clientanmeldeinformationen brauchen auth.oauth2.clientSecret oder auth.oauth2.certificate.',
	},
	noDevicePrompt: {
		en: 'Device-code sign-in needs a front end that can show the code; run it from the editor or the CLI.',
		de: 'Die Anmeldung per Gerätecode braucht eine Oberfläche, die den Code anzeigt; starten Sie sie im Editor oder in der CLI.',
	},
	noBrowser: {
		en: 'Browser sign-in needs a front end that can open a browser; use the device-code flow instead.',
		de: 'Die Browser-Anmeldung braucht eine Oberfläche, die einen Browser öffnen kann; nutzen Sie stattdessen den Gerätecode-Flow.',
	},
	authorityOk: { en: 'issuer {issuer}', de: 'Aussteller {issuer}' },
	authorityUnknownTenant: {
		en: 'The sign-in service does not know tenant "{tenant}".',
		de: 'Der Anmeldedienst kennt den Mandanten „{tenant}“ nicht.',
	},
	authorityHttp: {
		en: 'The sign-in service answered HTTP {status} to the discovery request.',
		de: 'Der Anmeldedienst hat die Discovery-Anfrage mit HTTP {status} beantwortet.',
	},
	authorityBadDocument: {
		en: 'The discovery document of the sign-in service has no token endpoint.',
		de: 'Das Discovery-Dokument des Anmeldedienstes enthält keinen Token-Endpunkt.',
	},
	tokenOk: {
		en: '{source} token for {who}, valid until {expires}',
		de: '{source} Token für {who}, gültig bis {expires}',
	},
	sourceNetwork: { en: 'new', de: 'neues' },
	sourceCache: { en: 'refreshed/cached', de: 'aufgefrischtes/zwischengespeichertes' },
	theApp: { en: 'the app', de: 'die App' },
	tokenEmpty: {
		en: 'The sign-in service returned no access token.',
		de: 'Der Anmeldedienst hat kein Zugriffstoken geliefert.',
	},
	serverRefused: {
		en: 'The sign-in service refused the token request ({error}{aadsts}).',
		de: 'Der Anmeldedienst hat die Tokenanfrage abgelehnt ({error}{aadsts}).',
	},
	invalidClient: {
		en: 'The sign-in service rejected the app credentials (client secret or certificate){aadsts}.',
		de: 'Der Anmeldedienst hat die App-Anmeldedaten (geheimer Clientschlüssel oder Zertifikat) abgelehnt{aadsts}.',
	},
	unauthorizedClient: {
		en: 'The app is not known or not allowed in this tenant{aadsts}.',
		de: 'Die App ist in diesem Mandanten unbekannt oder nicht zugelassen{aadsts}.',
	},
	invalidScope: {
		en: 'The requested scopes were refused{aadsts}.',
		de: 'Die angeforderten Scopes wurden abgelehnt{aadsts}.',
	},
	interactionRequired: {
		en: 'The sign-in needs user interaction (consent, MFA or a new sign-in){aadsts}.',
		de: 'Die Anmeldung braucht eine Benutzeraktion (Zustimmung, MFA oder neue Anmeldung){aadsts}.',
	},
	deviceCodeExpired: {
		en: 'The device code expired before the sign-in was completed.',
		de: 'Der Gerätecode ist abgelaufen, bevor die Anmeldung abgeschlossen wurde.',
	},
	authorizationDenied: {
		en: 'The sign-in in the browser was not completed ({error}).',
		de: 'Die Anmeldung im Browser wurde nicht abgeschlossen ({error}).',
	},
	unreachable: {
		en: 'The sign-in service could not be reached ({cause}).',
		de: 'Der Anmeldedienst war nicht erreichbar ({cause}).',
	},
	msalConfig: {
		en: 'The OAuth2 settings were rejected before any request ({cause}).',
		de: 'Die OAuth2-Einstellungen wurden vor jeder Anfrage abgelehnt ({cause}).',
	},
	msalClient: {
		en: 'The token could not be obtained ({cause}).',
		de: 'Das Token konnte nicht bezogen werden ({cause}).',
	},
	claimsOpaque: {
		en: 'The token is opaque (personal Microsoft accounts get encrypted tokens), so its claims cannot be read here; the IMAP/SMTP login shows whether it works.',
		de: 'Das Token ist undurchsichtig (private Microsoft-Konten erhalten verschlüsselte Token), seine Claims lassen sich hier nicht lesen; die IMAP/SMTP-Anmeldung zeigt, ob es funktioniert.',
	},
	claimsOk: {
		en: 'aud {aud}, {permissions}, expires in {minutes} min (decoded without signature check)',
		de: 'aud {aud}, {permissions}, läuft in {minutes} min ab (dekodiert ohne Signaturprüfung)',
	},
	claimsNone: { en: 'no roles/scp', de: 'keine roles/scp' },
	claimAudience: {
		en: 'the token is for audience "{aud}", but mail access needs {expected}',
		de: 'das Token gilt für die Audience „{aud}“, der Mailzugriff braucht aber {expected}',
	},
	claimTenant: {
		en: 'the token comes from tenant {tid}, but the configuration names tenant {tenant}',
		de: 'das Token stammt aus Mandant {tid}, die Konfiguration nennt aber Mandant {tenant}',
	},
	claimExpired: {
		en: 'the token expired at {exp} (now {now}); if it was just issued, check the computer clock',
		de: 'das Token ist um {exp} abgelaufen (jetzt {now}); wurde es gerade ausgestellt, prüfen Sie die Uhr des Rechners',
	},
	claimExpiresSoon: {
		en: 'the token expires in {seconds} s, inside the 5-minute safety margin',
		de: 'das Token läuft in {seconds} s ab, innerhalb der 5-Minuten-Sicherheitsmarge',
	},
	claimNotYetValid: {
		en: 'the token is valid only from {nbf} (now {now}); check the computer clock',
		de: 'das Token gilt erst ab {nbf} (jetzt {now}); prüfen Sie die Uhr des Rechners',
	},
	claimNoExpiry: { en: 'the token has no exp claim', de: 'das Token hat keinen exp-Claim' },
	claimMissingRole: {
		en: 'the token lacks the application permission {permission} needed for {protocol} (roles: {found}); grant it under Office 365 Exchange Online and give admin consent',
		de: 'dem Token fehlt die Anwendungsberechtigung {permission} für {protocol} (roles: {found}); erteilen Sie sie unter Office 365 Exchange Online mit Administratorzustimmung',
	},
	claimMissingScope: {
		en: 'the token lacks the delegated permission {permission} needed for {protocol} (scp: {found}); add it to the app registration and consent',
		de: 'dem Token fehlt die delegierte Berechtigung {permission} für {protocol} (scp: {found}); fügen Sie sie der App-Registrierung hinzu und stimmen Sie zu',
	},
	claimSmtpRbacNote: {
		en: 'no SMTP.SendAsApp role: SMTP works only if the app is authorized through Exchange RBAC for Applications',
		de: 'keine Rolle SMTP.SendAsApp: SMTP funktioniert nur, wenn die App über Exchange-RBAC für Anwendungen berechtigt ist',
	},
	claimsFailed: {
		en: 'The access token is not fit for mail access: {problems}.',
		de: 'Das Zugriffstoken taugt nicht für den Mailzugriff: {problems}.',
	},
	loopbackDone: {
		en: 'Sign-in finished. You can close this window and return to the editor.',
		de: 'Anmeldung abgeschlossen. Sie können dieses Fenster schließen und zum Editor zurückkehren.',
	},
	loopbackFailed: {
		en: 'Sign-in did not complete. Return to the editor for details.',
		de: 'Die Anmeldung wurde nicht abgeschlossen. Details stehen im Editor.',
	},
	cancelled: { en: 'The token check was canceled.', de: 'Die Tokenprüfung wurde abgebrochen.' },
	timedOut: {
		en: 'The {stage} stage took longer than {seconds} s.',
		de: 'Die Stufe {stage} hat länger als {seconds} s gedauert.',
	},
	deviceCodeTimedOut: {
		en: 'The device sign-in was not completed within the time the token stage allows.',
		de: 'Die Geräteanmeldung wurde nicht innerhalb der Zeit abgeschlossen, die die Token-Stufe erlaubt.',
	},
} as const satisfies Record<string, Localized>;
