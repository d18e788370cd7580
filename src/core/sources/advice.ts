/**
 * Where a rule's advice differs for a format: the same finding, with the message (and severity) that fits how
 * that tool keeps its settings. A fix written for JSON makes no sense there, so an adapted finding has none.
 */
import type { Severity } from '../config/findings';
import type { Localized } from '../i18n';
import { type SourceFormat, baseName } from './names';

export interface Advice {
	message: Localized;
	severity?: Severity;
}

/** `.env.example`, `.env.dist`, `.env.sample`, `.env.template`: committed on purpose, unlike `.env` itself. */
function isEnvTemplate(fileName: string | undefined): boolean {
	return !!fileName && /\.(example|dist|sample|template|defaults?)$/i.test(baseName(fileName));
}

/** The adapted advice for a rule's finding in a file of this format, or undefined to keep the rule's own. */
export function adviceFor(
	format: SourceFormat,
	code: string,
	fileName: string | undefined,
): Advice | 'drop' | undefined {
	if (code !== 'plaintext-secret') return undefined;
	switch (format) {
		case 'dotenv':
			return isEnvTemplate(fileName)
				? {
						message: {
							en: 'This file is a template that is committed with the code: leave the password empty here and put the real one in the uncommitted .env or the deployment’s secret store.',
							de: 'Diese Datei ist eine Vorlage, die mit dem Code eingecheckt wird: Das Kennwort hier leer lassen und das echte in die nicht eingecheckte .env oder den Geheimnisspeicher der Umgebung eintragen.',
						},
					}
				: {
						severity: 'information',
						message: {
							en: 'The password stands here in clear text, which is normal for a .env file as long as it is never committed: keep .env in .gitignore and out of container images, and prefer the platform’s secret store in production.',
							de: 'Das Kennwort steht hier im Klartext. Für eine .env-Datei ist das üblich, solange sie nie eingecheckt wird: .env in .gitignore aufnehmen, nicht in Container-Images kopieren und in Produktion besser den Geheimnisspeicher der Plattform nutzen.',
						},
					};
		case 'spring':
			return {
				message: {
					en: 'The password stands in the file itself. Let Spring read it from the environment instead: spring.mail.password=${MAIL_PASSWORD}, with MAIL_PASSWORD set by the deployment.',
					de: 'Das Kennwort steht in der Datei selbst. Spring soll es stattdessen aus der Umgebung lesen: spring.mail.password=${MAIL_PASSWORD}, wobei die Umgebung MAIL_PASSWORD setzt.',
				},
			};
		case 'msmtp':
			return {
				message: {
					en: 'A "password" line keeps the password readable for anyone who can read this file. Use "passwordeval" with a command that prints it (for example secret-tool lookup or gpg -d), or the system keyring.',
					de: 'Eine „password“-Zeile hält das Kennwort für jeden lesbar, der diese Datei lesen kann. Besser „passwordeval“ mit einem Befehl verwenden, der es ausgibt (etwa secret-tool lookup oder gpg -d), oder den Schlüsselbund des Systems.',
				},
			};
		case 'mbsync':
			return {
				message: {
					en: '"Pass" keeps the password readable for anyone who can read this file. Use "PassCmd" with a command that prints it (for example pass show or gpg -d).',
					de: '„Pass“ hält das Kennwort für jeden lesbar, der diese Datei lesen kann. Besser „PassCmd“ mit einem Befehl verwenden, der es ausgibt (etwa pass show oder gpg -d).',
				},
			};
		case 'postfix':
			// The password sits in the SASL map (root-owned, mode 0600, compiled with postmap): Postfix's designed place.
			return 'drop';
	}
}
