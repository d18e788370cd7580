import { AUTH_METHODS, PROVIDER_IDS } from '../../core/config/model';
import { STAGE_NAMES } from '../../core/probes/result';
import { SOURCE_FORMATS } from '../../core/sources/names';
import { type CommandSpec, LANG_OPTION, type OptionSpec } from '../args';

/*
 * The one definition of every subcommand's options: parsing, validation and `--help` all derive from it.
 * It lives apart from the commands so `mailcfg <command> --help` and `mailcfg --help` load no command code
 * (and none of the probe libraries). To add a flag, add an entry here; to add a subcommand, add a spec here
 * and a loader in main.ts.
 */

/** `--format-in`: how to read a config file whose name does not say it (check, test, convert). */
const FORMAT_IN_OPTION: OptionSpec = {
	name: 'format-in',
	type: 'string',
	choices: ['json', ...SOURCE_FORMATS],
	description: {
		en: 'read the files in this format (default: by file name, else json); see docs/formats.md',
		de: 'die Dateien in diesem Format lesen (Standard: nach Dateiname, sonst json); siehe docs/formats.md',
	},
};

/** `--now`: the day date-dependent rules and dated sentences are rendered for. */
/** `test` and `discover`: where host names are resolved (a resolver on loopback in tests, a company resolver). */
const DNS_OPTION: OptionSpec = {
	name: 'dns',
	type: 'string',
	value: 'HOST:PORT',
	description: {
		en: 'send DNS queries to this server (an IP address) instead of the system’s resolvers',
		de: 'DNS-Anfragen an diesen Server (eine IP-Adresse) statt an die des Systems senden',
	},
};

const NOW_OPTION: OptionSpec = {
	name: 'now',
	type: 'string',
	value: 'YYYY-MM-DD',
	description: {
		en: 'render date-dependent findings and texts as of this day (default: today)',
		de: 'datumsabhängige Befunde und Texte zu diesem Tag ausgeben (Standard: heute)',
	},
};

export const CHECK: CommandSpec = {
	name: 'check',
	args: '<files or folders...>',
	summary: {
		en: 'Check config files (folders are searched for *.mailaccount.json, *.mailaccounts.json, mailaccounts.json and the mail settings of .env, Spring Boot, Postfix, msmtp and mbsync files, see docs/formats.md) against the schema and the provider rules, offline.',
		de: 'Konfigurationsdateien offline gegen Schema und Anbieterregeln prüfen (Ordner werden nach *.mailaccount.json, *.mailaccounts.json, mailaccounts.json und den Mail-Einstellungen von .env-, Spring-Boot-, Postfix-, msmtp- und mbsync-Dateien durchsucht, siehe docs/formats.md).',
	},
	options: [
		{
			name: 'format',
			type: 'string',
			choices: ['text', 'json', 'sarif'],
			description: { en: 'output format (default: text)', de: 'Ausgabeformat (Standard: text)' },
		},
		FORMAT_IN_OPTION,
		LANG_OPTION,
		NOW_OPTION,
		{
			name: 'jobs',
			type: 'string',
			value: 'N|auto',
			description: {
				en: 'check the files in N threads at once; 1: one after another in one thread (default: auto, one thread per core the load average leaves idle, with at least 250 files each); the output is the same',
				de: 'die Dateien in N Threads gleichzeitig prüfen; 1: nacheinander in einem Thread (Standard: auto, ein Thread je Kern, den die Durchschnittslast frei lässt, mit mindestens 250 Dateien je Thread); die Ausgabe bleibt gleich',
			},
		},
	],
	notes: {
		en: 'Exit codes: 0 no errors, 1 at least one error finding, 2 bad usage or an unreadable input.',
		de: 'Exit-Codes: 0 keine Fehler, 1 mindestens ein Fehler, 2 falscher Aufruf oder eine unlesbare Eingabe.',
	},
};

export const TEST: CommandSpec = {
	name: 'test',
	args: '<file>',
	summary: {
		en: 'Connect to the servers of the accounts in one config file and report each stage (read-only; mail is sent only with --send-test-mail).',
		de: 'Mit den Servern der Konten einer Konfigurationsdatei verbinden und jede Stufe melden (nur lesend; Mail wird nur mit --send-test-mail gesendet).',
	},
	options: [
		{
			name: 'account',
			type: 'string',
			multiple: true,
			value: 'ID',
			description: { en: 'test only this account (default: all)', de: 'nur dieses Konto testen (Standard: alle)' },
		},
		{
			name: 'format',
			type: 'string',
			choices: ['text', 'json'],
			description: { en: 'output format (default: text)', de: 'Ausgabeformat (Standard: text)' },
		},
		FORMAT_IN_OPTION,
		LANG_OPTION,
		{
			name: 'timeout',
			type: 'string',
			value: 'MS',
			description: {
				en: 'bound for every stage in milliseconds, the wait for a sign-in included',
				de: 'Obergrenze jeder Stufe in Millisekunden, einschließlich des Wartens auf eine Anmeldung',
			},
		},
		{
			name: 'concurrency',
			type: 'string',
			value: 'N',
			description: { en: 'accounts tested at the same time', de: 'gleichzeitig getestete Konten' },
		},
		{
			name: 'secrets',
			type: 'string',
			value: 'FILE',
			description: {
				en: 'dotenv file with the values of ${secret:NAME} references',
				de: 'dotenv-Datei mit den Werten der ${secret:NAME}-Verweise',
			},
		},
		DNS_OPTION,
		{
			name: 'ca',
			type: 'string',
			multiple: true,
			value: 'FILE',
			description: {
				en: 'also trust the CA certificates in this PEM file',
				de: 'zusätzlich den CA-Zertifikaten in dieser PEM-Datei vertrauen',
			},
		},
		{
			name: 'transcript',
			type: 'boolean',
			description: {
				en: 'include the redacted protocol transcript in the report',
				de: 'den geschwärzten Mitschnitt in den Bericht aufnehmen',
			},
		},
		{
			name: 'open-browser',
			type: 'boolean',
			description: {
				en: 'open the system browser for an interactive OAuth2 sign-in',
				de: 'für eine interaktive OAuth2-Anmeldung den Systembrowser öffnen',
			},
		},
		{
			name: 'send-test-mail',
			type: 'string',
			value: 'TO',
			description: {
				en: 'after the checks, send one test mail to this address from each selected SMTP account',
				de: 'nach den Prüfungen von jedem ausgewählten SMTP-Konto eine Testmail an diese Adresse senden',
			},
		},
		{
			name: 'allow-env',
			type: 'string',
			multiple: true,
			value: 'NAME|PREFIX_*',
			description: {
				en: 'let ${env:NAME} read this variable (or every variable with this prefix); MAILCFG_* need no allowance',
				de: '${env:NAME} diese Variable (oder alle mit diesem Präfix) lesen lassen; MAILCFG_* brauchen keine Erlaubnis',
			},
		},
		{
			name: 'allow-cleartext',
			type: 'boolean',
			description: {
				en: 'send credentials over unencrypted connections (security "none") to hosts other than loopback',
				de: 'Zugangsdaten über unverschlüsselte Verbindungen (security „none“) auch an andere Hosts als Loopback senden',
			},
		},
		{
			name: 'allow-authority',
			type: 'string',
			multiple: true,
			value: 'ORIGIN',
			description: {
				en: "let this OAuth2 authority (https://host[:port]) receive client secrets and sign-ins besides Microsoft's login hosts",
				de: 'dieser OAuth2-Autorität (https://host[:port]) außer den Anmeldehosts von Microsoft geheime Clientschlüssel und Anmeldungen erlauben',
			},
		},
		{
			name: 'allow-key-file',
			type: 'string',
			multiple: true,
			value: 'PATH',
			description: {
				en: "let a certificate credential use this private key file outside the config file's folder",
				de: 'einem Zertifikat-Credential diese Schlüsseldatei außerhalb des Ordners der Konfigurationsdatei erlauben',
			},
		},
	],
	notes: {
		en: 'Exit codes: 0 every check passed, 1 a check failed, 2 bad usage, an unreadable or invalid file, unknown account ids, a config that sends secrets where the --allow-* options do not permit (nothing connects then), or an account that could not be tested for lack of configuration.',
		de: 'Exit-Codes: 0 alle Prüfungen bestanden, 1 eine Prüfung fehlgeschlagen, 2 falscher Aufruf, unlesbare oder ungültige Datei, unbekannte Konto-IDs, eine Konfiguration, die Geheimnisse dorthin schickt, wo die --allow-*-Optionen es nicht erlauben (dann wird nichts verbunden), oder ein Konto, das mangels Konfiguration nicht getestet werden konnte.',
	},
};

export const EXPLAIN: CommandSpec = {
	name: 'explain',
	args: '"<text>"|-',
	summary: {
		en: 'Explain a server reply or error message (- reads it from stdin): cause, fix and the admin walkthrough.',
		de: 'Eine Serverantwort oder Fehlermeldung erklären (- liest sie von der Standardeingabe): Ursache, Lösung und Admin-Anleitung.',
	},
	options: [
		{
			name: 'format',
			type: 'string',
			choices: ['text', 'json'],
			description: { en: 'output format (default: text)', de: 'Ausgabeformat (Standard: text)' },
		},
		LANG_OPTION,
		{
			name: 'provider',
			type: 'string',
			value: 'ID',
			choices: PROVIDER_IDS,
			description: { en: 'the provider the text came from', de: 'der Anbieter, von dem der Text stammt' },
		},
		{
			name: 'auth',
			type: 'string',
			choices: AUTH_METHODS,
			description: { en: 'the sign-in method used', de: 'die verwendete Anmeldemethode' },
		},
		{
			name: 'stage',
			type: 'string',
			value: 'NAME',
			choices: STAGE_NAMES,
			description: { en: 'the stage that failed', de: 'die fehlgeschlagene Stufe' },
		},
		NOW_OPTION,
	],
	notes: {
		en: 'Exit codes: 0 a cause matched, 1 none did, 2 bad usage.',
		de: 'Exit-Codes: 0 eine Ursache passt, 1 keine passt, 2 falscher Aufruf.',
	},
};

export const WALKTHROUGHS: CommandSpec = {
	name: 'walkthroughs',
	args: '[show <guide>]',
	summary: {
		en: 'List the admin walkthroughs with their step ids, or print one guide as text.',
		de: 'Die Admin-Anleitungen mit ihren Schritt-IDs auflisten oder eine Anleitung als Text ausgeben.',
	},
	options: [
		{
			name: 'format',
			type: 'string',
			choices: ['text', 'json'],
			description: { en: 'output format of the list (default: text)', de: 'Ausgabeformat der Liste (Standard: text)' },
		},
		LANG_OPTION,
		NOW_OPTION,
	],
};

export const DISCOVER: CommandSpec = {
	name: 'discover',
	args: '<email>',
	summary: {
		en: 'Find the IMAP/SMTP servers, provider, sign-in method and (for Microsoft 365) the tenant of an email address, and print a ready account: bundled provider data, the domain’s autoconfig file, MX, SRV, the Entra tenant.',
		de: 'IMAP-/SMTP-Server, Anbieter, Anmeldeverfahren und (bei Microsoft 365) den Mandanten einer E-Mail-Adresse finden und ein fertiges Konto ausgeben: mitgelieferte Anbieterdaten, Autoconfig-Datei der Domäne, MX, SRV, Entra-Mandant.',
	},
	options: [
		{
			name: 'format',
			type: 'string',
			choices: ['text', 'json'],
			description: { en: 'output format (default: text)', de: 'Ausgabeformat (Standard: text)' },
		},
		LANG_OPTION,
		{
			name: 'offline',
			type: 'boolean',
			description: {
				en: 'use the bundled provider data only (no DNS, no HTTPS)',
				de: 'nur die mitgelieferten Anbieterdaten verwenden (kein DNS, kein HTTPS)',
			},
		},
		DNS_OPTION,
		{
			name: 'ca',
			type: 'string',
			multiple: true,
			value: 'FILE',
			description: {
				en: 'also trust this CA certificate (PEM) for the HTTPS requests',
				de: 'diesem CA-Zertifikat (PEM) bei den HTTPS-Anfragen zusätzlich vertrauen',
			},
		},
		{
			name: 'authority-host',
			type: 'string',
			value: 'URL',
			description: {
				en: 'use this origin instead of https://login.microsoftonline.com for the tenant lookup (for tests and proxies)',
				de: 'diesen Ursprung statt https://login.microsoftonline.com für die Mandantensuche verwenden (für Tests und Proxys)',
			},
		},
		{
			name: 'https-port',
			type: 'string',
			value: 'N',
			description: {
				en: 'port of the autoconfig HTTPS requests (default 443; for tests and proxies)',
				de: 'Port der Autoconfig-HTTPS-Anfragen (Standard 443; für Tests und Proxys)',
			},
		},
		{
			name: 'timeout',
			type: 'string',
			value: 'MS',
			description: {
				en: 'time limit of each network step in milliseconds (default 5000)',
				de: 'Zeitlimit jedes Netzwerkschritts in Millisekunden (Standard 5000)',
			},
		},
	],
	notes: {
		en: 'Exit codes: 0 settings found, 1 nothing found (the text says what was tried), 2 bad usage.',
		de: 'Exit-Codes: 0 Einstellungen gefunden, 1 nichts gefunden (der Text nennt, was versucht wurde), 2 falscher Aufruf.',
	},
};

export const CONVERT: CommandSpec = {
	name: 'convert',
	args: '<file>',
	summary: {
		en: 'Write the mail accounts of a .env, Spring Boot, Postfix, msmtp or mbsync file as a mailaccounts.json config; passwords become ${env:…}/${secret:…} references, never clear text.',
		de: 'Die Mailkonten einer .env-, Spring-Boot-, Postfix-, msmtp- oder mbsync-Datei als mailaccounts.json-Konfiguration schreiben; Kennwörter werden zu ${env:…}/${secret:…}-Verweisen, nie zu Klartext.',
	},
	options: [
		FORMAT_IN_OPTION,
		{
			name: 'out',
			type: 'string',
			value: 'FILE',
			description: {
				en: 'write to this new file instead of stdout (an existing file is not overwritten)',
				de: 'in diese neue Datei statt auf stdout schreiben (eine vorhandene Datei wird nicht überschrieben)',
			},
		},
		LANG_OPTION,
	],
	notes: {
		en: 'Exit codes: 0 written, 2 bad usage, an unreadable file, or no mail settings in it.',
		de: 'Exit-Codes: 0 geschrieben, 2 falscher Aufruf, eine unlesbare Datei oder keine Mail-Einstellungen darin.',
	},
};

export const HELP: CommandSpec = {
	name: 'help',
	args: '[<command>]',
	summary: {
		en: 'Show the options of a command (the same as "mailcfg <command> --help").',
		de: 'Die Optionen eines Befehls zeigen (wie "mailcfg <Befehl> --help").',
	},
	options: [LANG_OPTION],
};
