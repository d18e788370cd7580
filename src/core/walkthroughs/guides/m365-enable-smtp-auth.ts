import type { Guide } from '../types';
import { LINKS, STATUS_AS_OF } from './common';

export const m365EnableSmtpAuth: Guide = {
	id: 'm365-enable-smtp-auth',
	provider: 'microsoft365',
	title: { en: 'Enable SMTP AUTH for a mailbox', de: 'SMTP AUTH für ein Postfach einschalten' },
	summary: {
		en: 'The organization switch and the mailbox switch for authenticated SMTP submission, what the reply 5.7.139 means, and Microsoft’s plan to turn Basic authentication for SMTP AUTH off by default.',
		de: 'Der Schalter für die Organisation und der Schalter pro Postfach für authentifizierten SMTP-Versand, was die Antwort 5.7.139 bedeutet, und Microsofts Plan, die Standardauthentifizierung für SMTP AUTH standardmäßig abzuschalten.',
	},
	currentStatus: {
		asOf: STATUS_AS_OF,
		text: {
			milestone: 'exo-smtp-basic-default-off',
			before: {
				en: "Microsoft's plan of {date:exo-smtp-basic-plan}: nothing changes until December 2026; {on:exo-smtp-basic-default-off} Basic authentication for SMTP AUTH (passwords and app passwords) is turned off by default for existing tenants ({relative:exo-smtp-basic-default-off}), and admins can still turn it back on; tenants created after that have it off; the final removal date will be announced {on:exo-smtp-basic-final-removal}. The switches below are needed with OAuth2 as well: without SMTP AUTH an OAuth2 login is refused with 5.7.139 too.",
				de: 'Microsofts Plan vom {date:exo-smtp-basic-plan}: Bis Dezember 2026 ändert sich nichts; {on:exo-smtp-basic-default-off} wird die Standardauthentifizierung für SMTP AUTH (Kennwörter und App-Kennwörter) in bestehenden Mandanten standardmäßig abgeschaltet ({relative:exo-smtp-basic-default-off}), Administratoren können sie wieder einschalten; danach angelegte Mandanten haben sie aus; das endgültige Abschaltdatum wird {on:exo-smtp-basic-final-removal} angekündigt. Die Schalter unten braucht es auch mit OAuth2: Ohne SMTP AUTH wird auch eine OAuth2-Anmeldung mit 5.7.139 abgelehnt.',
			},
			after: {
				en: "Basic authentication for SMTP AUTH (passwords and app passwords) has been off by default for existing tenants {since:exo-smtp-basic-default-off} (Microsoft's plan of {date:exo-smtp-basic-plan}); admins can turn it back on until the final removal, whose date Microsoft announces for {date:exo-smtp-basic-final-removal}. The switches below are needed with OAuth2 as well: without SMTP AUTH an OAuth2 login is refused with 5.7.139 too.",
				de: 'Die Standardauthentifizierung für SMTP AUTH (Kennwörter und App-Kennwörter) ist in bestehenden Mandanten {since:exo-smtp-basic-default-off} standardmäßig aus (Microsofts Plan vom {date:exo-smtp-basic-plan}); Administratoren können sie bis zur endgültigen Abschaltung wieder einschalten, deren Datum Microsoft für {date:exo-smtp-basic-final-removal} ankündigt. Die Schalter unten braucht es auch mit OAuth2: Ohne SMTP AUTH wird auch eine OAuth2-Anmeldung mit 5.7.139 abgelehnt.',
			},
		},
		modernAlternative: 'm365-oauth2-app-only',
	},
	steps: [
		{
			id: 'connect-powershell',
			title: { en: 'Connect to Exchange Online PowerShell', de: 'Mit Exchange Online PowerShell verbinden' },
			body: [
				{
					en: 'PowerShell reads and sets both switches and scripts well. Install the ExchangeOnlineManagement module once and connect as an Exchange administrator. (The organization switch is also in the Exchange admin center: Settings > Mail flow > "Turn off SMTP AUTH protocol for your organization".)',
					de: 'PowerShell liest und setzt beide Schalter und lässt sich gut skripten. Installieren Sie einmalig das Modul ExchangeOnlineManagement und verbinden Sie sich als Exchange-Administrator. (Der Schalter der Organisation steht auch im Exchange Admin Center: Einstellungen > Nachrichtenfluss > „SMTP AUTH-Protokoll für Ihre Organisation deaktivieren“.)',
				},
			],
			commands: [
				{ shell: 'powershell', code: 'Install-Module ExchangeOnlineManagement -Scope CurrentUser' },
				{ shell: 'powershell', code: 'Connect-ExchangeOnline -UserPrincipalName <ADMIN>' },
			],
		},
		{
			id: 'check-org',
			title: { en: 'Read the organization setting', de: 'Die Einstellung der Organisation lesen' },
			body: [
				{
					en: 'SmtpClientAuthenticationDisabled = True means SMTP AUTH is off for every mailbox that does not override it. Microsoft recommends leaving it off for the organization and enabling it only for the mailboxes that need it.',
					de: 'SmtpClientAuthenticationDisabled = True bedeutet: SMTP AUTH ist für jedes Postfach aus, das es nicht selbst überschreibt. Microsoft empfiehlt, es für die Organisation aus zu lassen und nur für die Postfächer einzuschalten, die es brauchen.',
				},
			],
			commands: [{ shell: 'powershell', code: 'Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled' }],
		},
		{
			id: 'enable-mailbox',
			title: { en: 'Enable it for the one mailbox', de: 'Für das eine Postfach einschalten' },
			body: [
				{
					en: 'The mailbox setting wins over the organization setting. $false enables SMTP AUTH for the mailbox, $true disables it, $null makes it follow the organization. In the admin center the same switch is the "Authenticated SMTP" box of the user\'s email apps.',
					de: 'Die Einstellung am Postfach hat Vorrang vor der Organisation. $false schaltet SMTP AUTH für das Postfach ein, $true aus, $null lässt es der Organisation folgen. Im Admin Center ist derselbe Schalter das Kästchen „Authentifiziertes SMTP“ bei den E-Mail-Apps des Benutzers.',
				},
			],
			commands: [
				{ shell: 'powershell', code: 'Set-CASMailbox -Identity <MAILBOX> -SmtpClientAuthenticationDisabled $false' },
				{
					shell: 'powershell',
					code: 'Get-CASMailbox -Identity <MAILBOX> | Format-List SmtpClientAuthenticationDisabled',
				},
			],
			uiPath: [
				{ en: 'Microsoft 365 admin center', de: 'Microsoft 365 Admin Center' },
				{ en: 'Users', de: 'Benutzer' },
				{ en: 'Active users', de: 'Aktive Benutzer' },
				{ en: '(user)', de: '(Benutzer)' },
				{ en: 'Mail', de: 'E-Mail' },
				{ en: 'Manage email apps', de: 'E-Mail-Apps verwalten' },
				{ en: 'Authenticated SMTP', de: 'Authentifiziertes SMTP' },
			],
			warnings: [
				{
					en: 'An empty value in Get-CASMailbox means "follow the organization", not "enabled". Audit scripts that filter only on False miss these mailboxes.',
					de: 'Ein leerer Wert bei Get-CASMailbox heißt „wie die Organisation“, nicht „eingeschaltet“. Prüfskripte, die nur nach False filtern, übersehen diese Postfächer.',
				},
			],
			links: [LINKS.smtpAuthToggle],
		},
		{
			id: 'org-switch',
			title: {
				en: 'Organization switch (only if many mailboxes need it)',
				de: 'Schalter für die Organisation (nur wenn viele Postfächer es brauchen)',
			},
			body: [
				{
					en: 'Turning SMTP AUTH on for the whole organization opens password spraying against every mailbox that has basic authentication left. Prefer the mailbox switch; use this only with a reason.',
					de: 'SMTP AUTH für die ganze Organisation einzuschalten, öffnet Kennwort-Spray-Angriffe gegen jedes Postfach, das noch Standardauthentifizierung hat. Nutzen Sie besser den Schalter am Postfach und diesen hier nur mit gutem Grund.',
				},
			],
			commands: [{ shell: 'powershell', code: 'Set-TransportConfig -SmtpClientAuthenticationDisabled $false' }],
		},
		{
			id: 'understand-5-7-139',
			title: { en: 'What 5.7.139 tells you', de: 'Was 5.7.139 bedeutet' },
			body: [
				{
					en: '"535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant" (or "…for the Mailbox"): SMTP AUTH is off; fix it with the switches above. "…basic authentication is disabled": the password may be right, but the tenant (security defaults, an authentication policy, Conditional Access) or the account type refuses basic authentication; switch to OAuth2. "…the user credentials were incorrect": wrong user name or password.',
					de: '„535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant“ (oder „…for the Mailbox“): SMTP AUTH ist aus; mit den Schaltern oben beheben. „…basic authentication is disabled“: Das Kennwort kann stimmen, aber der Mandant (Sicherheitsstandards, eine Authentifizierungsrichtlinie, bedingter Zugriff) oder der Kontotyp lehnt die Standardauthentifizierung ab; auf OAuth2 umstellen. „…the user credentials were incorrect“: Benutzername oder Kennwort falsch.',
				},
			],
			links: [
				{
					url: 'https://aka.ms/smtp_auth_disabled',
					label: { en: 'Microsoft: SMTP AUTH is disabled', de: 'Microsoft: SMTP AUTH ist deaktiviert' },
				},
			],
		},
		{
			id: 'security-defaults',
			title: { en: 'Security defaults override the switches', de: 'Sicherheitsstandards haben Vorrang' },
			body: [
				{
					en: 'Microsoft says that with security defaults on, SMTP AUTH is already disabled, even when both switches say enabled, and that security defaults must be off to use it. An authentication policy with AllowBasicAuthSmtp set to false and Conditional Access that blocks legacy authentication refuse a password login too. Microsoft does not say whether an OAuth2 login over SMTP AUTH gets through with security defaults on; test it with the connection test before you rely on it.',
					de: 'Laut Microsoft ist SMTP AUTH mit aktiven Sicherheitsstandards bereits deaktiviert, auch wenn beide Schalter „eingeschaltet“ sagen, und die Sicherheitsstandards müssen aus sein, um es zu nutzen. Eine Authentifizierungsrichtlinie mit AllowBasicAuthSmtp auf false und bedingter Zugriff, der die Legacyauthentifizierung blockiert, lehnen eine Kennwortanmeldung ebenfalls ab. Ob eine OAuth2-Anmeldung über SMTP AUTH bei aktiven Sicherheitsstandards durchkommt, sagt Microsoft nicht; prüfen Sie es mit dem Verbindungstest, bevor Sie sich darauf verlassen.',
				},
			],
			links: [LINKS.securityDefaults, LINKS.devicesSendMail],
			related: ['m365-allow-app-passwords#check-blocking-policies'],
		},
		{
			id: 'test',
			title: { en: 'Test SMTP', de: 'SMTP testen' },
			body: [
				{
					en: 'Changes can take up to an hour to apply. Run the connection test; the SMTP check passes when the server accepts the login.',
					de: 'Änderungen können bis zu einer Stunde brauchen. Starten Sie den Verbindungstest; der SMTP-Test ist erfolgreich, wenn der Server die Anmeldung annimmt.',
				},
			],
			links: [LINKS.smtpBasicTimeline],
			verify: { protocol: 'smtp' },
		},
	],
};
