/** Every text discovery reports, in English and German. */
import type { Localized } from '../i18n';

export const STEP_TEXTS = {
	offline: { en: 'skipped (offline)', de: 'übersprungen (offline)' },
	dataKnows: {
		en: 'skipped: the bundled data already knows {domain}',
		de: 'übersprungen: die mitgelieferten Daten kennen {domain} bereits',
	},
	timeout: { en: 'no answer within {ms} ms', de: 'keine Antwort innerhalb von {ms} ms' },

	dataKnown: {
		en: '{name}, from the mailcfg provider table ({domain})',
		de: '{name}, aus der Anbietertabelle von mailcfg ({domain})',
	},
	dataIspdb: {
		en: '{name}, from Thunderbird’s ISPDB entry {id} ({domain})',
		de: '{name}, aus dem ISPDB-Eintrag {id} von Thunderbird ({domain})',
	},
	dataBoth: {
		en: '{name}, from the mailcfg provider table and Thunderbird’s ISPDB ({domain})',
		de: '{name}, aus der Anbietertabelle von mailcfg und der ISPDB von Thunderbird ({domain})',
	},
	dataNone: { en: 'no bundled provider data for {domain}', de: 'keine mitgelieferten Anbieterdaten für {domain}' },

	autoconfigFound: { en: '{url}', de: '{url}' },
	autoconfigUnverified: {
		en: '{url} (plain HTTP: unverified, ranked after everything verified)',
		de: '{url} (einfaches HTTP: nicht überprüft, hinter allem Überprüften eingeordnet)',
	},
	autoconfigNone: { en: 'no autoconfig file ({attempts})', de: 'keine Autoconfig-Datei ({attempts})' },

	mxPattern: { en: '{exchange}: an MX host of {name}', de: '{exchange}: ein MX-Host von {name}' },
	mxData: {
		en: '{exchange}: provider data of {domain} ({name})',
		de: '{exchange}: Anbieterdaten von {domain} ({name})',
	},
	mxUnknown: {
		en: 'MX {hosts}: no known provider',
		de: 'MX {hosts}: kein bekannter Anbieter',
	},
	mxNone: { en: '{domain} has no MX records', de: '{domain} hat keine MX-Einträge' },
	nxdomain: { en: '{domain} does not exist (NXDOMAIN)', de: '{domain} existiert nicht (NXDOMAIN)' },
	dnsFailed: { en: 'DNS query failed ({error})', de: 'DNS-Abfrage fehlgeschlagen ({error})' },
	stepFailed: { en: 'failed ({error})', de: 'fehlgeschlagen ({error})' },

	srvFound: { en: '{records}', de: '{records}' },
	srvNone: {
		en: 'no SRV records for IMAP or submission under {domain}',
		de: 'keine SRV-Einträge für IMAP oder Einlieferung unter {domain}',
	},

	tenantFound: { en: 'tenant {id}, from {url}', de: 'Mandant {id}, aus {url}' },
	tenantNone: {
		en: '{domain} is not a verified domain of any Microsoft Entra tenant ({message})',
		de: '{domain} ist in keinem Microsoft-Entra-Mandanten als Domäne verifiziert ({message})',
	},
	tenantFailed: { en: 'lookup failed: {error} ({url})', de: 'Abfrage fehlgeschlagen: {error} ({url})' },
	tenantNotM365: {
		en: 'skipped: not a Microsoft 365 domain',
		de: 'übersprungen: keine Microsoft 365-Domäne',
	},
} satisfies Record<string, Localized>;

export const AUTH_TEXTS = {
	m365AppOnly: {
		en: 'Exchange Online accepts IMAP only with OAuth2; an importer signs in as its own Entra app (client credentials, IMAP.AccessAsApp) with the tenant filled in. Replace clientId and store the client secret.',
		de: 'Exchange Online akzeptiert IMAP nur mit OAuth2; ein Import meldet sich als eigene Entra-App an (Clientanmeldeinformationen, IMAP.AccessAsApp), mit eingetragenem Mandanten. clientId ersetzen und den geheimen Clientschlüssel hinterlegen.',
	},
	microsoftConsumer: {
		en: 'Outlook.com accepts only OAuth2: sign in once with a device code (delegated). Replace clientId with your app registration.',
		de: 'Outlook.com akzeptiert nur OAuth2: einmal per Gerätecode anmelden (delegiert). clientId durch die eigene App-Registrierung ersetzen.',
	},
	appPassword: {
		en: '{name} needs an app password for mail programs, not the account password.',
		de: '{name} braucht für E-Mail-Programme ein App-Passwort, nicht das Kontopasswort.',
	},
	password: {
		en: 'Sign in with the mailbox password, kept in the secret store.',
		de: 'Anmeldung mit dem Postfachkennwort, abgelegt im Geheimnisspeicher.',
	},
} satisfies Record<string, Localized>;
