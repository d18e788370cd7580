/**
 * The extra CAs of the extension's connection tests: the system store (what `http.systemCertificates` gives VS Code's
 * own requests) and the files of `mailcfg.probe.extraCaCertificates`. Core adds Node's roots and
 * `NODE_EXTRA_CA_CERTS` (trust-store.ts), so IMAP, SMTP and the OAuth2 authority all trust the same list.
 */
import { readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { type Localized } from '../core/i18n';
import { MAX_BUNDLE_BYTES, splitPem, systemCa } from '../core/probes/trust-store';
import { SettingKeys } from '../shared/ids';

export const CA_TEXTS = {
	notAbsolute: {
		en: '{setting}: "{file}" is not an absolute path (or ~/…); it was skipped.',
		de: '{setting}: „{file}“ ist kein absoluter Pfad (oder ~/…); übersprungen.',
	},
	unreadable: {
		en: '{setting}: "{file}" cannot be read ({reason}); it was skipped.',
		de: '{setting}: „{file}“ ist nicht lesbar ({reason}); übersprungen.',
	},
	tooLarge: {
		en: '{setting}: "{file}" is larger than 4 MB and no CA file; it was skipped.',
		de: '{setting}: „{file}“ ist größer als 4 MB und keine CA-Datei; übersprungen.',
	},
	noCertificate: {
		en: '{setting}: "{file}" holds no PEM certificate (-----BEGIN CERTIFICATE-----); it was skipped.',
		de: '{setting}: „{file}“ enthält kein PEM-Zertifikat (-----BEGIN CERTIFICATE-----); übersprungen.',
	},
	/** The step the diagnostics and the report put first when a certificate was not trusted. */
	fixStep: {
		en: 'If a company CA or an inspecting proxy signed the certificate, add its CA file (PEM) to the setting mailcfg.probe.extraCaCertificates (user settings; in a remote window such as code-server, Remote-SSH or WSL, the remote settings) and test again; NODE_EXTRA_CA_CERTS and the system store count too.',
		de: 'Hat eine Firmen-CA oder ein aufbrechender Proxy das Zertifikat signiert, deren CA-Datei (PEM) in der Einstellung mailcfg.probe.extraCaCertificates (Benutzereinstellungen; in einem Remotefenster wie code-server, Remote-SSH oder WSL: die Remoteeinstellungen) eintragen und erneut testen; NODE_EXTRA_CA_CERTS und der Systemspeicher zählen ebenfalls.',
	},
} as const satisfies Record<string, Localized>;

export interface CaProblem {
	text: Localized;
	args: Record<string, string>;
}

/** `~/x` → the home folder's x; anything else unchanged. */
function expandHome(file: string): string {
	return file === '~' || file.startsWith('~/') ? join(homedir(), file.slice(1)) : file;
}

/** The certificates of the setting's files, and a problem for each file that gave none. */
export async function readCaFiles(files: readonly unknown[]): Promise<{ certs: string[]; problems: CaProblem[] }> {
	const certs: string[] = [];
	const problems: CaProblem[] = [];
	for (const entry of files) {
		if (typeof entry !== 'string' || entry.trim() === '') continue;
		const args = { setting: SettingKeys.probeExtraCaCertificates, file: entry };
		const path = expandHome(entry.trim());
		if (!isAbsolute(path)) {
			problems.push({ text: CA_TEXTS.notAbsolute, args });
			continue;
		}
		try {
			if ((await stat(path)).size > MAX_BUNDLE_BYTES) {
				problems.push({ text: CA_TEXTS.tooLarge, args });
				continue;
			}
			const found = splitPem(await readFile(path, 'utf8'));
			if (found.length === 0) problems.push({ text: CA_TEXTS.noCertificate, args });
			certs.push(...found);
		} catch (error) {
			const reason = (error as NodeJS.ErrnoException).code ?? 'error';
			problems.push({ text: CA_TEXTS.unreadable, args: { ...args, reason } });
		}
	}
	return { certs, problems };
}

let system: string[] | undefined;

/** The extra CAs of a test run: the system store (read once per session) and the setting's files. */
export async function extraCas(files: readonly unknown[]): Promise<{ certs: string[]; problems: CaProblem[] }> {
	system ??= systemCa();
	const fromSetting = await readCaFiles(files);
	return { certs: [...system, ...fromSetting.certs], problems: fromSetting.problems };
}
