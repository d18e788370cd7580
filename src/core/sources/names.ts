/**
 * The config formats besides our own JSON and how their files are named. Kept apart from the adapters (and their
 * YAML parser) because the extension's activation bundle and editors' document selectors need only the names.
 */
export const SOURCE_FORMATS = ['dotenv', 'spring', 'postfix', 'msmtp', 'mbsync'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export function isSourceFormat(value: unknown): value is SourceFormat {
	return typeof value === 'string' && (SOURCE_FORMATS as readonly string[]).includes(value);
}

/** The base name of a path or URI (either separator, query and fragment removed, escapes decoded). */
export function baseName(pathOrUri: string): string {
	let path = pathOrUri.split(/[?#]/)[0] ?? '';
	try {
		path = decodeURIComponent(path);
	} catch {
		// A malformed escape is no reason to reject the name; test it as written.
	}
	return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

const NAMES: readonly [RegExp, SourceFormat][] = [
	[/^\.env(\..+)?$|\.env$/i, 'dotenv'],
	[/^application([-.][^/\\]*)?\.(properties|ya?ml)$/i, 'spring'],
	[/^main\.cf$/i, 'postfix'],
	// Besides the dotfile: chezmoi's source names (dot_, private_dot_) and one file per account (work.msmtprc).
	[/^((\.|(private_)?dot_)?msmtprc|.+\.msmtprc|msmtp\.conf)$/i, 'msmtp'],
	[/^((\.|(private_)?dot_)?(mbsyncrc|isyncrc)|.+\.mbsyncrc)$/i, 'mbsync'],
];

/** The same names as glob patterns, for editors' document selectors (a unit test keeps both in step). */
export const SOURCE_GLOBS: readonly string[] = [
	'**/.env',
	'**/.env.*',
	'**/*.env',
	'**/application*.{properties,yml,yaml}',
	'**/main.cf',
	'**/{.msmtprc,msmtprc,msmtp.conf,dot_msmtprc,private_dot_msmtprc,*.msmtprc}',
	'**/{.mbsyncrc,mbsyncrc,.isyncrc,isyncrc,dot_mbsyncrc,private_dot_mbsyncrc,dot_isyncrc,private_dot_isyncrc,*.mbsyncrc}',
];

/** The format a file's name says it has (`.env.local` → dotenv, `application-prod.yml` → spring...). */
export function formatOfName(pathOrUri: string): SourceFormat | undefined {
	const name = baseName(pathOrUri);
	return NAMES.find(([pattern]) => pattern.test(name))?.[1];
}
