/**
 * The words of the trust policy: why something is refused, and how the user allows it in the front end at hand
 * (a CLI flag or a user-level editor setting; never something a config file could set).
 */
import { type Lang, type Localized, tr } from '../i18n';
import { SettingKeys } from '../../shared/ids';
import type { TrustViolation } from './account';

export type FrontEnd = 'cli' | 'editor';

const WHY: Record<TrustViolation['kind'], Localized> = {
	env: {
		en: 'The config reads the environment variable {name} (in "{field}"), but only MAILCFG_* variables are read unless you allow others, so nothing was sent.',
		de: 'Die Konfiguration liest die Umgebungsvariable {name} (in „{field}“), gelesen werden aber nur MAILCFG_*-Variablen, sofern Sie keine weiteren erlauben; es wurde nichts gesendet.',
	},
	cleartext: {
		en: '{protocol} at {destination} is unencrypted (security "none") and not on this machine: anyone on the network path could read the credentials, so nothing was sent.',
		de: '{protocol} bei {destination} ist unverschlüsselt (security „none“) und nicht auf diesem Rechner: Jeder auf dem Netzweg könnte die Zugangsdaten mitlesen, daher wurde nichts gesendet.',
	},
	authority: {
		en: "The OAuth2 authority {origin} is not one of Microsoft's login hosts and would receive the client secret or the sign-in, so nothing was sent.",
		de: 'Die OAuth2-Autorität {origin} ist keiner der Anmeldehosts von Microsoft und bekäme den geheimen Clientschlüssel oder die Anmeldung; es wurde nichts gesendet.',
	},
	endpoint: {
		en: 'The sign-in metadata of {origin} points {name} to another origin ({url}); only the authority itself may receive secrets, so nothing was sent.',
		de: 'Die Anmelde-Metadaten von {origin} leiten {name} an einen anderen Ursprung ({url}); Geheimnisse darf nur die Autorität selbst erhalten, daher wurde nichts gesendet.',
	},
	keyFile: {
		en: 'The private key file "{path}" (auth.oauth2.certificate.privateKeyFile) is outside the config file\'s folder and the workspace, so it was not read and nothing was signed.',
		de: 'Die Schlüsseldatei „{path}“ (auth.oauth2.certificate.privateKeyFile) liegt außerhalb des Ordners der Konfigurationsdatei und des Arbeitsbereichs; sie wurde nicht gelesen und nichts wurde signiert.',
	},
};

const HOW: Record<FrontEnd, Partial<Record<TrustViolation['kind'], Localized>>> = {
	cli: {
		env: { en: 'To allow it: --allow-env {name}', de: 'Zum Erlauben: --allow-env {name}' },
		cleartext: {
			en: 'Use TLS or STARTTLS, or accept the risk with --allow-cleartext.',
			de: 'TLS oder STARTTLS verwenden oder das Risiko mit --allow-cleartext in Kauf nehmen.',
		},
		authority: {
			en: 'If you trust it: --allow-authority {origin}',
			de: 'Wenn Sie ihr vertrauen: --allow-authority {origin}',
		},
		keyFile: { en: 'To allow it: --allow-key-file {path}', de: 'Zum Erlauben: --allow-key-file {path}' },
	},
	editor: {
		env: {
			en: `To allow it, add "{name}" to the user setting ${SettingKeys.allowEnv}.`,
			de: `Zum Erlauben „{name}“ in die Benutzereinstellung ${SettingKeys.allowEnv} eintragen.`,
		},
		cleartext: {
			en: 'Use TLS or STARTTLS, or confirm sending in cleartext when the test asks.',
			de: 'TLS oder STARTTLS verwenden oder das Senden im Klartext bestätigen, wenn der Test fragt.',
		},
		authority: {
			en: `If you trust it, add "{origin}" to the user setting ${SettingKeys.allowAuthorities}.`,
			de: `Wenn Sie ihr vertrauen, „{origin}“ in die Benutzereinstellung ${SettingKeys.allowAuthorities} eintragen.`,
		},
		keyFile: {
			en: `To allow it, add its path to the user setting ${SettingKeys.allowKeyFiles}.`,
			de: `Zum Erlauben den Pfad in die Benutzereinstellung ${SettingKeys.allowKeyFiles} eintragen.`,
		},
	},
};

const PROTOCOLS = { imap: 'IMAP', smtp: 'SMTP' } as const;

/** One refusal in words: what would have gone where, that nothing was sent, and the one way to allow it. */
export function violationMessage(violation: TrustViolation, lang: Lang, frontEnd: FrontEnd): string {
	const args: Record<string, string> =
		violation.kind === 'cleartext'
			? { protocol: PROTOCOLS[violation.protocol], destination: violation.destination }
			: { ...violation };
	const how = HOW[frontEnd][violation.kind];
	return how ? `${tr(WHY[violation.kind], lang, args)} ${tr(how, lang, args)}` : tr(WHY[violation.kind], lang, args);
}

/** Both languages at once, for results that are rendered later in either. */
export function violationLocalized(violation: TrustViolation, frontEnd: FrontEnd): Localized {
	return { en: violationMessage(violation, 'en', frontEnd), de: violationMessage(violation, 'de', frontEnd) };
}
