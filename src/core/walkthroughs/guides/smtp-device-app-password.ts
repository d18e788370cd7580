import type { Guide } from '../types';
import { LINKS, M365_SETTINGS, STATUS_AS_OF } from './common';

export const smtpDeviceAppPassword: Guide = {
	id: 'smtp-device-app-password',
	provider: 'microsoft365',
	title: { en: 'Scan-to-mail devices: SMTP with an app password', de: 'Geräte mit Mailversand: SMTP mit App-Kennwort' },
	summary: {
		en: 'Printers, FritzBox routers and cameras that cannot do MFA send through smtp.office365.com on port 587 with STARTTLS and an app password. The steps, and what to do when basic authentication ends.',
		de: 'Drucker, FritzBox und Kameras, die keine MFA können, senden über smtp.office365.com auf Port 587 mit STARTTLS und einem App-Kennwort. Die Schritte, und was zu tun ist, wenn die Standardauthentifizierung endet.',
	},
	currentStatus: {
		asOf: STATUS_AS_OF,
		text: {
			milestone: 'exo-smtp-basic-default-off',
			before: {
				en: 'Hoster guides announced the end of Basic authentication for SMTP for September 2025; Microsoft moved it. Current plan ({date:exo-smtp-basic-plan}): off by default for existing tenants {on:exo-smtp-basic-default-off} ({relative:exo-smtp-basic-default-off}), admins can turn it back on, and the final removal date will be announced {on:exo-smtp-basic-final-removal}. Plan the replacement now: firmware with OAuth2, or one of the ways without a password login.',
				de: 'Anleitungen von Hostern kündigten das Ende der Standardauthentifizierung für SMTP für September 2025 an; Microsoft hat es verschoben. Aktueller Plan ({date:exo-smtp-basic-plan}): für bestehende Mandanten {on:exo-smtp-basic-default-off} ({relative:exo-smtp-basic-default-off}) standardmäßig aus, Administratoren können sie wieder einschalten, und das endgültige Abschaltdatum wird {on:exo-smtp-basic-final-removal} angekündigt. Planen Sie den Ersatz jetzt: Firmware mit OAuth2 oder einen der Wege ohne Kennwortanmeldung.',
			},
			after: {
				en: 'Basic authentication for SMTP AUTH has been off by default for existing tenants {since:exo-smtp-basic-default-off} (Microsoft’s plan of {date:exo-smtp-basic-plan}). These steps work only where an admin turned it back on, and only until the final removal, whose date Microsoft announces for {date:exo-smtp-basic-final-removal}. Move the device to OAuth2 or to one of the ways without a password login.',
				de: 'Die Standardauthentifizierung für SMTP AUTH ist in bestehenden Mandanten {since:exo-smtp-basic-default-off} standardmäßig aus (Microsofts Plan vom {date:exo-smtp-basic-plan}). Diese Schritte funktionieren nur, wo ein Administrator sie wieder eingeschaltet hat, und nur bis zur endgültigen Abschaltung, deren Datum Microsoft für {date:exo-smtp-basic-final-removal} ankündigt. Stellen Sie das Gerät auf OAuth2 oder einen der Wege ohne Kennwortanmeldung um.',
			},
		},
		modernAlternative: 'm365-oauth2-app-only',
	},
	steps: [
		{
			id: 'check-device',
			title: { en: 'Check the device first', de: 'Zuerst das Gerät prüfen' },
			body: [
				{
					en: 'Look for a firmware update that supports OAuth2 ("Microsoft 365" or "modern authentication" in the mail settings). If there is one, use it and skip the app password.',
					de: 'Suchen Sie nach einem Firmware-Update mit OAuth2-Unterstützung („Microsoft 365“ oder „moderne Authentifizierung“ in den Mail-Einstellungen). Gibt es eines, nutzen Sie es und lassen Sie das App-Kennwort weg.',
				},
			],
		},
		{
			id: 'enable-smtp',
			title: { en: 'Enable SMTP sending for the mailbox', de: 'SMTP-Versand für das Postfach einschalten' },
			body: [
				{
					en: "In your own tenant, SMTP AUTH is a mailbox switch. If a hoster resells Microsoft 365, the switch can be in the hoster's mail administration instead (at Host Europe: KIS, Product administration > E-mail > Start now > account > Manage > Advanced settings); mailboxes migrated from classic hosting may already have it. Allow about 15 minutes.",
					de: 'Im eigenen Mandanten ist SMTP AUTH ein Schalter am Postfach. Verkauft ein Hoster Microsoft 365 weiter, kann der Schalter stattdessen in dessen Mailverwaltung liegen (bei Host Europe: KIS, Produktverwaltung > E-Mail > Jetzt starten > Konto > Verwalten > Erweiterte Einstellungen); aus klassischem Hosting migrierte Postfächer haben ihn eventuell schon. Rechnen Sie mit etwa 15 Minuten.',
				},
			],
			related: ['m365-enable-smtp-auth#enable-mailbox'],
		},
		{
			id: 'enforce-mfa',
			title: {
				en: 'Make sure the user can have app passwords',
				de: 'Sicherstellen, dass der Benutzer App-Kennwörter haben darf',
			},
			body: [
				{
					en: 'Per-user MFA must be on for the sending user (status "Enabled" or "Enforced", not "Disabled"), even though the device itself will never use the second factor, and the tenant must allow app passwords.',
					de: 'MFA pro Benutzer muss für den sendenden Benutzer an sein (Status „Aktiviert“ oder „Erzwungen“, nicht „Deaktiviert“), auch wenn das Gerät den zweiten Faktor nie verwendet, und der Mandant muss App-Kennwörter erlauben.',
				},
			],
			related: ['m365-allow-app-passwords'],
		},
		{
			id: 'create-app-password',
			title: { en: 'Create the app password', de: 'Das App-Kennwort erstellen' },
			body: [
				{
					en: 'Signed in as the user at My Account > Security info, add the sign-in method "App password" and name it after the device, for example "FritzBox". Copy it at once; it is not shown again.',
					de: 'Als Benutzer unter „Mein Konto“ > „Sicherheitsinformationen“ angemeldet, fügen Sie die Anmeldemethode „App-Kennwort“ hinzu und benennen sie nach dem Gerät, etwa „FritzBox“. Kopieren Sie es sofort; es wird nicht wieder angezeigt.',
				},
			],
			related: ['m365-create-app-password#add-method'],
		},
		{
			id: 'device-settings',
			title: { en: 'Enter the settings in the device', de: 'Die Einstellungen im Gerät eintragen' },
			body: [
				{
					en: 'The user name is the full mail address, the password is the app password. Choose STARTTLS; a device that offers only "none" or "SSL" on port 465 will not reach Microsoft 365. TLS 1.2 is required, so very old firmware may fail the handshake.',
					de: 'Der Benutzername ist die vollständige Mailadresse, das Kennwort das App-Kennwort. Wählen Sie STARTTLS; ein Gerät, das nur „keine“ oder „SSL“ auf Port 465 anbietet, erreicht Microsoft 365 nicht. TLS 1.2 ist Pflicht, sehr alte Firmware kann am Handshake scheitern.',
				},
			],
			settings: [
				M365_SETTINGS.smtpHost,
				M365_SETTINGS.smtpPort,
				{ label: { en: 'User name', de: 'Benutzername' }, value: 'user@example.com' },
			],
			warnings: [
				{
					en: 'Some hoster guides allow "no encryption" here. Never send the password unencrypted; Microsoft does not offer AUTH before STARTTLS anyway.',
					de: 'Manche Hoster-Anleitungen erlauben hier „keine Verschlüsselung“. Senden Sie das Kennwort nie unverschlüsselt; Microsoft bietet AUTH vor STARTTLS ohnehin nicht an.',
				},
			],
		},
		{
			id: 'test',
			title: { en: 'Test with the same settings', de: 'Mit denselben Einstellungen testen' },
			body: [
				{
					en: 'Enter the device\'s settings in a config (template "Microsoft 365: SMTP for a device") and run the connection test; it fails the same way the device would, with a clearer reason.',
					de: 'Tragen Sie die Einstellungen des Geräts in eine Konfiguration ein (Vorlage „Microsoft 365: SMTP für ein Gerät“) und starten Sie den Verbindungstest; er scheitert genauso wie das Gerät, aber mit klarerem Grund.',
				},
			],
			verify: { protocol: 'smtp' },
		},
		{
			id: 'when-basic-auth-ends',
			title: { en: 'When basic authentication ends', de: 'Wenn die Standardauthentifizierung endet' },
			body: [
				{
					en: "Options without a password login: a device or firmware with OAuth2; direct send to your domain's MX host on port 25, which reaches only recipients in your own organization; or an SMTP relay through an inbound connector bound to your static public IP address, which can send to anyone.",
					de: 'Möglichkeiten ohne Kennwortanmeldung: ein Gerät oder eine Firmware mit OAuth2; Direct Send an den MX-Host Ihrer Domäne auf Port 25, der nur Empfänger in der eigenen Organisation erreicht; oder ein SMTP-Relay über einen eingehenden Connector, gebunden an Ihre feste öffentliche IP-Adresse, der an alle senden kann.',
				},
			],
			links: [LINKS.devicesSendMail, LINKS.smtpBasicTimeline],
		},
	],
};
