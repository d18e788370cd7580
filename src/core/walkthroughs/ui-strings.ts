import type { Lang, Localized } from '../i18n';
import type { UiKey, UiStrings } from '../../shared/webview-protocol';

/** Labels around guide content, for the webview panel and the terminal rendering alike. */
export const WALKTHROUGH_UI = {
	panelTitle: { en: 'Mail walkthroughs', de: 'Mail-Anleitungen' },
	searchPlaceholder: { en: 'Search guides and steps', de: 'Anleitungen und Schritte durchsuchen' },
	noMatches: { en: 'No guide matches the search.', de: 'Keine Anleitung passt zur Suche.' },
	backToList: { en: 'Back to all guides', de: 'Zurück zu allen Anleitungen' },
	currentStatus: { en: 'Current status', de: 'Aktueller Stand' },
	asOf: { en: 'as of {date}', de: 'Stand {date}' },
	modernAlternative: { en: 'Modern alternative', de: 'Zeitgemäße Alternative' },
	where: { en: 'Where', de: 'Wo' },
	commands: { en: 'PowerShell', de: 'PowerShell' },
	settings: { en: 'Settings', de: 'Einstellungen' },
	warning: { en: 'Caution', de: 'Achtung' },
	links: { en: 'Read more', de: 'Weiterlesen' },
	related: { en: 'See also', de: 'Siehe auch' },
	copy: { en: 'Copy', de: 'Kopieren' },
	copied: { en: 'Copied', de: 'Kopiert' },
	markDone: { en: 'Done', de: 'Erledigt' },
	verify: { en: 'Verify', de: 'Prüfen' },
	verifying: { en: 'Testing the connection…', de: 'Verbindung wird getestet…' },
	verified: { en: 'Verified: the test passed.', de: 'Geprüft: Der Test war erfolgreich.' },
	verifyFailed: { en: 'The test failed:', de: 'Der Test ist fehlgeschlagen:' },
	verifyNotTested: {
		en: 'The account has nothing this step can be checked with (for example no SMTP section).',
		de: 'Das Konto hat nichts, womit sich dieser Schritt prüfen lässt (zum Beispiel keinen SMTP-Abschnitt).',
	},
	verifyNoAccount: {
		en: 'Open this guide from an account (a diagnostic, a test report or a config file) to verify steps.',
		de: 'Öffnen Sie diese Anleitung von einem Konto aus (Diagnose, Testbericht oder Konfigurationsdatei), um Schritte zu prüfen.',
	},
	verifyCancelled: { en: 'The test was canceled.', de: 'Der Test wurde abgebrochen.' },
	verifyTimeout: {
		en: 'The test took too long and was given up.',
		de: 'Der Test hat zu lange gedauert und wurde aufgegeben.',
	},
	progress: { en: '{done} of {total} steps done', de: '{done} von {total} Schritten erledigt' },
	account: { en: 'Account: {account}', de: 'Konto: {account}' },
	noAccount: { en: 'No account selected', de: 'Kein Konto ausgewählt' },
	language: { en: 'Language', de: 'Sprache' },
} as const satisfies Record<UiKey, Localized>;

/** Terminal-only labels of `mailcfg walkthroughs`. */
export const TEXT_UI = {
	verifyHint: {
		en: 'Check: run the connection test ({protocol}).',
		de: 'Prüfen: den Verbindungstest ausführen ({protocol}).',
	},
	showHint: { en: 'mailcfg walkthroughs show {id}', de: 'mailcfg walkthroughs show {id}' },
	unknownGuide: {
		en: "unknown guide '{id}'. Known guides:",
		de: "unbekannte Anleitung '{id}'. Bekannte Anleitungen:",
	},
} as const satisfies Record<string, Localized>;

export function uiStrings(lang: Lang): UiStrings {
	const entries = Object.entries(WALKTHROUGH_UI).map(([key, text]) => [key, text[lang]]);
	return Object.fromEntries(entries) as UiStrings;
}

/** Messages the extension host shows around the panel (notifications, Verify details, the guide picker). */
export const HOST_UI = {
	pickGuide: { en: 'Choose a walkthrough', de: 'Anleitung wählen' },
	unknownRef: {
		en: "There is no walkthrough '{ref}'; opening the closest match.",
		de: "Die Anleitung '{ref}' gibt es nicht; die nächstliegende wird geöffnet.",
	},
	testUnavailable: {
		en: 'The connection test could not run: {reason}',
		de: 'Der Verbindungstest konnte nicht laufen: {reason}',
	},
	unexpectedReport: {
		en: 'The connection test returned no usable report.',
		de: 'Der Verbindungstest hat keinen verwertbaren Bericht geliefert.',
	},
} as const satisfies Record<string, Localized>;
