import type { Lang } from '../i18n';

/** The rendered schema per language (schemas/); its own module so the extension's shell needs no schema source. */
export const SCHEMA_FILE_NAMES: Readonly<Record<Lang, string>> = {
	en: 'mail-account.schema.json',
	de: 'mail-account.schema.de.json',
};
