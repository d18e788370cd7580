import type { CatalogEntry } from '../types';

const MICROSOFT = ['microsoft365', 'outlook-com'] as const;

/** Causes around passwords, app passwords, MFA and the retirement of Basic authentication. */
export const SIGN_IN_ENTRIES: readonly CatalogEntry[] = [
	{
		id: 'smtp-auth-disabled',
		title: { en: 'SMTP AUTH is switched off in Exchange Online', de: 'SMTP AUTH ist in Exchange Online ausgeschaltet' },
		cause: {
			en: 'Exchange Online refuses authenticated SMTP submission for this mailbox, either because the organization turned SMTP AUTH off and the mailbox inherits that, or because the mailbox itself has it off. This applies to OAuth2 tokens as well as to passwords.',
			de: 'Exchange Online lehnt authentifizierten SMTP-Versand für dieses Postfach ab: Entweder hat die Organisation SMTP AUTH ausgeschaltet und das Postfach erbt das, oder das Postfach selbst hat es ausgeschaltet. Das gilt für OAuth2-Token genauso wie für Kennwörter.',
		},
		fix: [
			{
				en: 'Check the mailbox: Get-CASMailbox -Identity <MAILBOX> | Format-List SmtpClientAuthenticationDisabled (empty = follows the organization, True = off).',
				de: 'Postfach prüfen: Get-CASMailbox -Identity <POSTFACH> | Format-List SmtpClientAuthenticationDisabled (leer = folgt der Organisation, True = aus).',
			},
			{
				en: 'Switch it on for this mailbox only: Set-CASMailbox -Identity <MAILBOX> -SmtpClientAuthenticationDisabled $false, or in the Microsoft 365 admin center: Users > Active users > (user) > Mail > Manage email apps > Authenticated SMTP.',
				de: 'Nur für dieses Postfach einschalten: Set-CASMailbox -Identity <POSTFACH> -SmtpClientAuthenticationDisabled $false, oder im Microsoft 365 Admin Center: Benutzer > Aktive Benutzer > (Benutzer) > E-Mail > E-Mail-Apps verwalten > Authentifiziertes SMTP.',
			},
			{
				en: 'Leave the organization-wide switch off (Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled); Microsoft recommends enabling SMTP AUTH per mailbox.',
				de: 'Den organisationsweiten Schalter ausgeschaltet lassen (Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled); Microsoft empfiehlt, SMTP AUTH nur pro Postfach einzuschalten.',
			},
			{
				en: 'Changes can take up to an hour to reach every Exchange server; test again afterwards.',
				de: 'Änderungen können bis zu einer Stunde brauchen, bis alle Exchange-Server sie kennen; danach erneut testen.',
			},
		],
		walkthrough: 'm365-enable-smtp-auth#enable-mailbox',
		sources: [
			'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission',
			'https://github.com/simonrob/email-oauth2-proxy/issues/193',
		],
		rules: [
			{ smtp: [535], enhanced: ['5.7.139'], text: /SmtpClientAuthentication is disabled/i, bias: 0.05 },
			{ text: /SmtpClientAuthentication is disabled|aka\.ms\/smtp_auth_disabled/i, bias: 0.2 },
			{ text: /SMTP ?client(?:Authentication)? is disabled for the (?:Tenant|Mailbox)/i, bias: 0.2 },
			{ smtp: [535], enhanced: ['5.7.3'], when: { provider: ['microsoft365'] }, bias: -0.15 },
			{ enhanced: ['5.7.3'], text: /Authentication unsuccessful/i, when: { provider: ['microsoft365'] }, bias: -0.2 },
		],
	},
	{
		id: 'basic-auth-blocked',
		title: {
			en: 'Password sign-in (Basic authentication) is blocked',
			de: 'Anmeldung mit Kennwort (Standardauthentifizierung) ist gesperrt',
		},
		cause: {
			en: 'The server no longer accepts a user name and password (or app password) for this account. Exchange Online has turned Basic authentication off for IMAP and POP for good; for SMTP it is blocked by security defaults, an authentication policy, Conditional Access, or for personal Outlook.com accounts altogether. The password itself may well be right.',
			de: 'Der Server nimmt für dieses Konto keinen Benutzernamen mit Kennwort (oder App-Kennwort) mehr an. Exchange Online hat die Standardauthentifizierung für IMAP und POP endgültig abgeschaltet; für SMTP blockieren sie Sicherheitsstandards, eine Authentifizierungsrichtlinie, bedingter Zugriff oder bei privaten Outlook.com-Konten der Anbieter selbst. Das Kennwort kann durchaus stimmen.',
		},
		fix: [
			{
				en: 'Switch the account to OAuth2 (auth.method "oauth2"): client credentials for unattended adapters, or delegated sign-in with a device code.',
				de: 'Das Konto auf OAuth2 umstellen (auth.method "oauth2"): Clientanmeldeinformationen für unbeaufsichtigte Adapter oder delegierte Anmeldung per Gerätecode.',
			},
			{
				en: 'For SMTP only and only while Microsoft still allows it: check in the Entra admin center > Identity > Overview > Properties > Manage security defaults whether security defaults are on, and check Get-AuthenticationPolicy for AllowBasicAuthSmtp.',
				de: 'Nur für SMTP und nur solange Microsoft es noch zulässt: im Entra Admin Center > Identität > Übersicht > Eigenschaften > Sicherheitsstandards verwalten prüfen, ob die Sicherheitsstandards aktiv sind, und Get-AuthenticationPolicy auf AllowBasicAuthSmtp prüfen.',
			},
			{
				milestone: 'exo-smtp-basic-default-off',
				before: {
					en: 'Microsoft turns Basic authentication for SMTP AUTH off by default for existing tenants {on:exo-smtp-basic-default-off}; plan the move to OAuth2 now, and for devices without OAuth2 one of the ways without a password login.',
					de: 'Microsoft schaltet die Standardauthentifizierung für SMTP AUTH in bestehenden Mandanten {on:exo-smtp-basic-default-off} standardmäßig ab; den Umstieg auf OAuth2 jetzt einplanen, für Geräte ohne OAuth2 einen der Wege ohne Kennwortanmeldung.',
				},
				after: {
					en: 'Basic authentication for SMTP AUTH has been off by default for existing tenants {since:exo-smtp-basic-default-off}; turning it back on only buys time. Move to OAuth2, or for devices without OAuth2 to one of the ways without a password login.',
					de: 'Die Standardauthentifizierung für SMTP AUTH ist in bestehenden Mandanten {since:exo-smtp-basic-default-off} standardmäßig aus; sie wieder einzuschalten verschafft nur Zeit. Auf OAuth2 umstellen, bei Geräten ohne OAuth2 auf einen der Wege ohne Kennwortanmeldung.',
				},
			},
		],
		walkthrough: 'm365-oauth2-app-only',
		walkthroughByProvider: {
			'outlook-com': 'm365-oauth2-delegated',
			gmail: 'gmail-oauth2',
			'google-workspace': 'gmail-oauth2',
		},
		sources: [
			'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/deprecation-of-basic-authentication-exchange-online',
			'https://techcommunity.microsoft.com/blog/exchange/updated-exchange-online-smtp-auth-basic-authentication-deprecation-timeline/4489835',
			'https://learn.microsoft.com/en-us/entra/fundamentals/security-defaults',
		],
		rules: [
			{ smtp: [535], enhanced: ['5.7.139'], text: /basic authentication is disabled/i, bias: 0.05 },
			{ text: /basic authentication is disabled/i, bias: 0.2 },
			{ smtp: [550], enhanced: ['5.7.30'], text: /Basic authentication is not supported/i },
			{ text: /Basic authentication is not supported for Client Submission/i, bias: 0.2 },
			{ text: /locked by your organi[sz]ation'?s security defaults/i, bias: 0.4 },
			{ aadsts: ['530035'] },
			// Exchange Online answers every Basic IMAP login this way since Basic auth for IMAP was retired.
			{ imapStatus: ['NO'], text: /\bLOGIN failed\.?/, bias: 0.15 },
			{ imapStatus: ['NO'], text: /\bAUTHENTICATE failed\.?/, when: { auth: ['password', 'app-password'] }, bias: 0.1 },
			// The LOGIN/AUTHENTICATE refusals as libraries relay them (imaplib, imap_tools, PHP imap_open, MailKit).
			// Case-sensitive: Exchange writes "LOGIN failed."; "Login failed" is other servers' (Courier, Cyrus) wording.
			{ text: /\bLOGIN failed\b/, when: { provider: [...MICROSOFT] }, bias: 0.3 },
			{
				text: /\bAUTHENTICATE failed\b/i,
				when: { provider: [...MICROSOFT], auth: ['password', 'app-password'] },
				bias: 0.3,
			},
			{
				enhanced: ['5.7.3'],
				text: /Authentication unsuccessful/i,
				when: { auth: ['app-password'], provider: [...MICROSOFT] },
				bias: -0.05,
			},
			{ text: /-ERR Authentication failure: unknown user name or bad password/i, when: { provider: [...MICROSOFT] } },
			{
				smtp: [535],
				enhanced: ['5.7.3'],
				when: { auth: ['app-password'], provider: [...MICROSOFT] },
				bias: -0.05,
			},
			{ smtp: [535], enhanced: ['5.7.3'], when: { auth: ['password'], provider: [...MICROSOFT] }, bias: -0.2 },
			{
				enhanced: ['5.7.3'],
				text: /Authentication unsuccessful/i,
				when: { auth: ['password'], provider: [...MICROSOFT] },
				bias: -0.2,
			},
		],
	},
	{
		id: 'invalid-credentials',
		title: { en: 'User name or password is wrong', de: 'Benutzername oder Kennwort ist falsch' },
		cause: {
			en: 'The server checked the user name and password and rejected them: a typo, an old password, a revoked app password, or the wrong login name (some providers want the full address, some only the part before @).',
			de: 'Der Server hat Benutzername und Kennwort geprüft und abgelehnt: ein Tippfehler, ein altes Kennwort, ein widerrufenes App-Kennwort oder der falsche Anmeldename (manche Anbieter wollen die volle Adresse, manche nur den Teil vor dem @).',
		},
		fix: [
			{
				en: 'Sign in to the provider’s webmail with exactly the same user name and password to rule out a typo.',
				de: 'Mit genau demselben Benutzernamen und Kennwort im Webmail des Anbieters anmelden, um Tippfehler auszuschließen.',
			},
			{
				en: 'Store the password again ({command:storeSecret}) and make sure auth.user is the login name the provider expects.',
				de: 'Das Kennwort neu hinterlegen ({command:storeSecret}) und sicherstellen, dass auth.user der Anmeldename ist, den der Anbieter erwartet.',
			},
			{
				en: 'If the account uses two-step verification, create a new app password; app passwords are revoked when the main password changes (Google).',
				de: 'Nutzt das Konto die Bestätigung in zwei Schritten, ein neues App-Passwort erstellen; Google macht App-Passwörter ungültig, sobald sich das Kontopasswort ändert.',
			},
		],
		walkthrough: 'mail-adapter-setup#store-secret',
		walkthroughByProvider: {
			gmail: 'gmail-app-password#create',
			'google-workspace': 'gmail-app-password#create',
			microsoft365: 'm365-check-mfa#read-status',
		},
		sources: [
			'https://support.google.com/mail/?p=BadCredentials',
			'https://www.rfc-editor.org/rfc/rfc4954#section-6',
			'https://www.rfc-editor.org/rfc/rfc5530#section-3',
		],
		rules: [
			{ smtp: [535], enhanced: ['5.7.139'], text: /user credentials were incorrect/i, bias: 0.05 },
			{
				smtp: [535],
				enhanced: ['5.7.8'],
				text: /Username and Password not accepted|BadCredentials/i,
				when: { auth: ['password', 'app-password'] },
				bias: 0.12,
			},
			{ text: /Username and Password not accepted/i, when: { auth: ['password', 'app-password'] }, bias: 0.3 },
			{ smtp: [535], enhanced: ['5.7.8'], text: /authentication (?:failed|credentials invalid)/i },
			{ smtp: [535], text: /Authentication credentials invalid|authentication failed|Incorrect authentication data/i },
			{
				imapCode: ['AUTHENTICATIONFAILED'],
				text: /Invalid credentials|Authentication failed|Invalid user ?name or password/i,
				when: { auth: ['password', 'app-password'] },
				bias: 0.12,
			},
			{ imapCode: ['AUTHENTICATIONFAILED'], bias: -0.1 },
			// Library and server-log wording: node-imap, imap_tools, Dovecot and Cyrus auth logs, Postfix smtpd.
			{ text: /\bInvalid credentials\b|\bauthentication failed\b|\bInvalid user ?name or password\b/i, bias: -0.05 },
			{ text: /\bPassword mismatch\b|passdb.{0,60}\bunknown user\b|\): unknown user\b/i, bias: 0.3 },
			// Dovecot writes "attempts" whatever the count: "(auth failed, %u attempts in %u secs)" (login-common).
			{ text: /\(auth failed, \d+ attempts\b|SASL (?:PLAIN|LOGIN|CRAM-MD5) authentication failed/i, bias: 0.2 },
			{ text: /\bLOGIN failed\b/i, bias: -0.05 },
			{ enhanced: ['5.7.3'], text: /Authentication unsuccessful/i, when: { auth: ['password'] }, bias: 0.02 },
			{ aadsts: ['50126'] },
			{
				text: /-ERR (?:\[AUTH\] )?(?:Authentication failed|Username and password not accepted|invalid user or password)/i,
			},
			{ text: /unknown user name or bad password/i, bias: -0.1 },
			{ imapStatus: ['NO'], text: /\bLOGIN failed\.?/, bias: -0.15 },
			{ smtp: [535], enhanced: ['5.7.3'], when: { auth: ['password'] }, bias: 0.07 },
			{ smtp: [535], enhanced: ['5.7.139'], bias: -0.15 },
			{ smtp: [535], bias: -0.1 },
			{ errorCode: ['EAUTH'], bias: -0.3 },
			{ when: { probe: ['AUTH_FAILED'], auth: ['password', 'app-password'] } },
			// Yahoo's "535 5.7.0 (#MBR1212) Incorrect username or password." and Comcast's "535 5.7.0 ...authentication
			// rejected": a 535 whose words the rule for "authentication failed" did not know.
			{ smtp: [535], text: /\bIncorrect username or password\b|\bauthentication rejected\b/i, bias: 0.1 },
			// K-9 Mail / Thunderbird for Android's own verdict on a NO to LOGIN; without it the GMX/WEB.DE reading of
			// "authentication failed" (a guess when the provider is unknown) came first.
			{ text: /\bUsername or password is wrong\b/i, bias: 0.1 },
		],
	},
	{
		id: 'app-password-required',
		title: { en: 'An app password is required', de: 'Ein App-Kennwort ist erforderlich' },
		cause: {
			en: 'The account has two-step verification, so the normal account password is not accepted for mail programs. The provider wants an app-specific password (or OAuth2) instead.',
			de: 'Das Konto nutzt die Bestätigung in zwei Schritten, deshalb wird das normale Kontokennwort für E-Mail-Programme nicht angenommen. Der Anbieter verlangt stattdessen ein App-Kennwort (oder OAuth2).',
		},
		fix: [
			{
				en: 'Google: create an app password at https://myaccount.google.com/apppasswords (only shown when 2-Step Verification is on) and store it as the account’s secret.',
				de: 'Google: unter https://myaccount.google.com/apppasswords ein App-Passwort erstellen (nur sichtbar, wenn die Bestätigung in zwei Schritten aktiv ist) und als Geheimnis des Kontos hinterlegen.',
			},
			{
				en: 'GMX, WEB.DE, IONOS, mailbox.org, Zoho, Yahoo, iCloud: create the application-specific password in the account’s security settings.',
				de: 'GMX, WEB.DE, IONOS, mailbox.org, Zoho, Yahoo, iCloud: das anwendungsspezifische Passwort in den Sicherheitseinstellungen des Kontos erstellen.',
			},
			{
				en: 'Set auth.method to "app-password", or better use OAuth2 where the provider offers it.',
				de: 'auth.method auf "app-password" setzen oder besser OAuth2 verwenden, wo der Anbieter es anbietet.',
			},
		],
		walkthrough: 'gmail-app-password#create',
		walkthroughByProvider: { microsoft365: 'm365-create-app-password', 'outlook-com': 'm365-oauth2-delegated' },
		sources: [
			'https://support.google.com/accounts/answer/185833',
			'https://support.google.com/mail/?p=InvalidSecondFactor',
		],
		rules: [
			{ smtp: [534], enhanced: ['5.7.9'], text: /Application-specific password required|InvalidSecondFactor/i },
			{ text: /Application-specific password required/i, bias: 0.3 },
			{ imapCode: ['ALERT'], text: /Application-specific password required/i },
			{ text: /InvalidSecondFactor/, bias: 0.2 },
			{ text: /(?:anwendungsspezifisches|App-)Passwort (?:erforderlich|notwendig)/i, bias: 0.2 },
		],
	},
	{
		id: 'mfa-required',
		title: {
			en: 'Multi-factor authentication is required for this sign-in',
			de: 'Für diese Anmeldung ist mehrstufige Authentifizierung erforderlich',
		},
		cause: {
			en: 'Entra ID wants a second factor for this sign-in (per-user MFA, security defaults or a Conditional Access policy), but the flow in use cannot show a prompt: a password or a silent token request cannot answer an MFA challenge.',
			de: 'Entra ID verlangt für diese Anmeldung einen zweiten Faktor (MFA pro Benutzer, Sicherheitsstandards oder eine Richtlinie für bedingten Zugriff), aber der verwendete Ablauf kann keine Abfrage anzeigen: Ein Kennwort oder eine stille Tokenanfrage kann keine MFA-Abfrage beantworten.',
		},
		fix: [
			{
				en: 'Use an interactive flow: run "{command:signIn}" (device code) so the user completes MFA once; the refresh token then works unattended.',
				de: 'Einen interaktiven Ablauf verwenden: "{command:signIn}" (Gerätecode) ausführen, damit der Benutzer MFA einmal abschließt; danach arbeitet das Aktualisierungstoken unbeaufsichtigt.',
			},
			{
				en: 'For unattended adapters use client credentials (app-only), which have no user and so no MFA.',
				de: 'Für unbeaufsichtigte Adapter Clientanmeldeinformationen (Nur-App) verwenden: Dabei gibt es keinen Benutzer und damit keine MFA.',
			},
			{
				en: 'Check in the Entra admin center > Protection > Conditional Access (or per-user MFA) which policy asks for MFA.',
				de: 'Im Entra Admin Center > Schutz > Bedingter Zugriff (oder MFA pro Benutzer) prüfen, welche Richtlinie MFA verlangt.',
			},
		],
		walkthrough: 'm365-check-mfa#check-tenant-policy',
		sources: ['https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes'],
		rules: [
			{ aadsts: ['50076'] },
			{ aadsts: ['50074'] },
			{ aadsts: ['50158'] },
			{ text: /you must use multi-factor authentication/i, bias: 0.2 },
			{ oauthError: ['interaction_required'], when: { auth: ['oauth2'] }, bias: -0.15 },
		],
	},
	{
		id: 'mfa-registration-required',
		title: {
			en: 'The user must register a second factor first',
			de: 'Der Benutzer muss zuerst einen zweiten Faktor registrieren',
		},
		cause: {
			en: 'Security defaults or a Conditional Access policy require the user to register MFA methods before any further sign-in. Until that is done, every token request fails.',
			de: 'Sicherheitsstandards oder eine Richtlinie für bedingten Zugriff verlangen, dass der Benutzer MFA-Methoden registriert, bevor er sich weiter anmelden kann. Bis dahin schlägt jede Tokenanfrage fehl.',
		},
		fix: [
			{
				en: 'Sign in once interactively as that user at https://mysignins.microsoft.com/security-info and register the Authenticator app or a phone.',
				de: 'Sich einmal interaktiv als dieser Benutzer unter https://mysignins.microsoft.com/security-info anmelden und die Authenticator-App oder ein Telefon registrieren.',
			},
			{
				en: 'For a service mailbox that nobody signs in to, use client credentials (app-only) instead of a user sign-in.',
				de: 'Für ein Dienstpostfach, bei dem sich niemand anmeldet, Clientanmeldeinformationen (Nur-App) statt einer Benutzeranmeldung verwenden.',
			},
		],
		walkthrough: 'm365-check-mfa#check-as-user',
		sources: ['https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes'],
		rules: [
			{ aadsts: ['50079'] },
			// UserStrongAuthEnrollmentRequiredInterrupt: the interactive variant of 50079, not an MFA prompt.
			{ aadsts: ['50072'] },
			{ text: /UserStrongAuthEnrollmentRequired/i, bias: 0.3 },
		],
	},
	{
		id: 'conditional-access-blocked',
		title: {
			en: 'A Conditional Access policy blocks the sign-in',
			de: 'Eine Richtlinie für bedingten Zugriff blockiert die Anmeldung',
		},
		cause: {
			en: 'The credentials are fine, but a tenant policy refuses this kind of sign-in: for example from this location or network, from an unmanaged device, or with a legacy protocol.',
			de: 'Die Anmeldedaten stimmen, aber eine Richtlinie des Mandanten verweigert diese Art der Anmeldung: etwa von diesem Standort oder Netz, von einem nicht verwalteten Gerät oder mit einem älteren Protokoll.',
		},
		fix: [
			{
				en: 'Open the Entra admin center > Identity > Monitoring & health > Sign-in logs, find the failed sign-in and read the Conditional Access tab to see which policy applied.',
				de: 'Im Entra Admin Center > Identität > Überwachung und Integrität > Anmeldeprotokolle die fehlgeschlagene Anmeldung suchen und im Reiter "Bedingter Zugriff" nachlesen, welche Richtlinie gegriffen hat.',
			},
			{
				en: 'Ask the admin to exclude the service account or the app (workload identity) from that policy, or to allow the adapter’s network location.',
				de: 'Den Administrator bitten, das Dienstkonto oder die App (Workload-Identität) von dieser Richtlinie auszunehmen oder den Netzwerkstandort des Adapters zuzulassen.',
			},
		],
		walkthrough: 'm365-check-mfa#check-tenant-policy',
		sources: [
			'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes',
			'https://learn.microsoft.com/en-us/entra/identity/conditional-access/troubleshoot-conditional-access',
		],
		rules: [
			{ aadsts: ['53003'] },
			{ aadsts: ['53000'] },
			{ aadsts: ['53001'] },
			{ aadsts: ['53002'] },
			{ aadsts: ['53005'] },
			{ text: /did not meet the criteria to be authenticated successfully/i, bias: 0.25 },
			{ text: /BlockedByConditionalAccess|blocked by Conditional Access/i, bias: 0.25 },
		],
	},
	{
		id: 'account-locked',
		title: { en: 'The account is locked or disabled', de: 'Das Konto ist gesperrt oder deaktiviert' },
		cause: {
			en: 'The identity provider refuses the account itself: it was locked after too many failed sign-ins (often an adapter retrying a wrong password), or an admin disabled it or blocked sign-in.',
			de: 'Der Identitätsanbieter verweigert das Konto selbst: Es wurde nach zu vielen Fehlversuchen gesperrt (oft ein Adapter, der ein falsches Kennwort wiederholt), oder ein Administrator hat es deaktiviert bzw. die Anmeldung blockiert.',
		},
		fix: [
			{
				en: 'Stop every program that still signs in with the old password, then wait for the lockout to expire or have an admin unlock it.',
				de: 'Alle Programme anhalten, die sich noch mit dem alten Kennwort anmelden, dann das Ende der Sperre abwarten oder die Sperre von einem Administrator aufheben lassen.',
			},
			{
				en: 'Microsoft 365 admin center > Users > Active users > (user): check "Block sign-in"; in Entra check the user’s sign-in logs for the lockout reason.',
				de: 'Microsoft 365 Admin Center > Benutzer > Aktive Benutzer > (Benutzer): "Anmeldung blockieren" prüfen; in Entra in den Anmeldeprotokollen des Benutzers den Grund der Sperre nachlesen.',
			},
		],
		walkthrough: 'm365-mfa-reset-and-sessions',
		sources: ['https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes'],
		rules: [
			{ aadsts: ['50053'] },
			{ aadsts: ['50057'] },
			{ text: /\baccount (?:is |has been )?(?:locked|disabled|suspended)\b/i, bias: -0.05 },
			{ text: /\b(?:user|account) (?:is )?locked\b/i, bias: -0.1 },
			{ text: /Account appears to be locked/i, bias: 0.2 },
			{ aadsts: ['500571'] },
			{ text: /\b(?:user|guest user) account is disabled\b|Account is blocked\b/i, bias: 0.3 },
			{ imapCode: ['ALERT'], text: /account (?:is )?(?:locked|disabled|suspended)/i },
		],
	},
	{
		id: 'password-expired',
		title: { en: 'The password has expired', de: 'Das Kennwort ist abgelaufen' },
		cause: {
			en: 'The account’s password is past its expiry date, so the provider will not issue tokens or accept logins until it is changed.',
			de: 'Das Kennwort des Kontos ist abgelaufen; der Anbieter stellt keine Token mehr aus und nimmt keine Anmeldung an, bis es geändert wurde.',
		},
		fix: [
			{
				en: 'Change the password by signing in interactively once (or have an admin reset it), then store the new one ({command:storeSecret}) or sign in again.',
				de: 'Das Kennwort durch eine interaktive Anmeldung ändern (oder von einem Administrator zurücksetzen lassen), dann das neue hinterlegen ({command:storeSecret}) bzw. erneut anmelden.',
			},
			{
				en: 'For service mailboxes: Microsoft 365 admin center > Settings > Org settings > Security & privacy > Password expiration policy, or per user: Update-MgUser -UserId <USER> -PasswordPolicies DisablePasswordExpiration.',
				de: 'Für Dienstpostfächer: Microsoft 365 Admin Center > Einstellungen > Organisationseinstellungen > Sicherheit und Datenschutz > Kennwortablaufrichtlinie, oder pro Benutzer: Update-MgUser -UserId <BENUTZER> -PasswordPolicies DisablePasswordExpiration.',
			},
		],
		walkthrough: 'm365-mfa-reset-and-sessions',
		sources: [
			'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes',
			'https://www.rfc-editor.org/rfc/rfc5530#section-3',
		],
		rules: [
			{ aadsts: ['50055'] },
			{ aadsts: ['50144'] },
			{ aadsts: ['50133'] },
			{ oauthError: ['user_password_expired'] },
			{ imapCode: ['EXPIRED'] },
			{ text: /password (?:has |is )?expired|expired password|PasswordExpired/i },
		],
	},
	{
		id: 'web-login-required',
		title: {
			en: 'Google wants a sign-in in the browser first',
			de: 'Google verlangt zuerst eine Anmeldung im Browser',
		},
		cause: {
			en: 'Google treated the sign-in as suspicious (new location, new device, many attempts) and blocks it until the account owner confirms it in a browser.',
			de: 'Google hat die Anmeldung als verdächtig eingestuft (neuer Ort, neues Gerät, viele Versuche) und blockiert sie, bis der Kontoinhaber sie im Browser bestätigt.',
		},
		fix: [
			{
				en: 'Sign in to Gmail in a browser from the same network as the adapter and confirm the activity at https://myaccount.google.com/notifications.',
				de: 'Im Browser aus demselben Netz wie der Adapter bei Gmail anmelden und die Aktivität unter https://myaccount.google.com/notifications bestätigen.',
			},
			{
				en: 'Use an app password or OAuth2; plain passwords are no longer accepted for Google accounts anyway.',
				de: 'Ein App-Passwort oder OAuth2 verwenden; das Kontopasswort allein nimmt Google ohnehin nicht mehr an.',
			},
		],
		walkthrough: 'gmail-app-password#enable-2sv',
		sources: ['https://support.google.com/mail/answer/78754', 'https://support.google.com/mail/answer/7126229'],
		rules: [
			{ smtp: [534], enhanced: ['5.7.14'] },
			{ text: /Please log in (?:via|with) your web browser/i, bias: 0.2 },
			{ imapCode: ['WEBALERT'] },
			{ text: /Web login required/i, bias: 0.2 },
		],
	},
];
