import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isConfigFileName } from '../../core/config/document-kind';
import { type Localized, tr } from '../../core/i18n';
import { convertSource } from '../../core/sources/convert';
import { type SourceFormat, formatOfName, isSourceFormat } from '../../core/sources/names';
import { chooseLang, flag, parseCommandArgs } from '../args';
import { type CliIo, ExitCode, UsageError } from '../io';
import { siblingReader } from './siblings';
import { CONVERT } from './specs';

const TEXTS = {
	oneFile: { en: 'convert takes exactly one file', de: 'convert nimmt genau eine Datei' },
	unreadable: { en: 'cannot read {path}: {reason}', de: '{path} kann nicht gelesen werden: {reason}' },
	unknownFormat: {
		en: 'cannot tell the format of {path} from its name; name it with --format-in dotenv|spring|postfix|msmtp|mbsync',
		de: 'das Format von {path} ist am Namen nicht zu erkennen; mit --format-in dotenv|spring|postfix|msmtp|mbsync angeben',
	},
	alreadyOurs: {
		en: '{path} is already a mailaccounts.json config',
		de: '{path} ist bereits eine mailaccounts.json-Konfiguration',
	},
	noMail: { en: '{path} holds no mail settings', de: '{path} enthält keine Mail-Einstellungen' },
	exists: {
		en: '{path} exists; choose another --out file',
		de: '{path} existiert bereits; eine andere --out-Datei wählen',
	},
	written: { en: 'wrote {count} account(s) to {path}', de: '{count} Konto/Konten nach {path} geschrieben' },
} satisfies Record<string, Localized>;

function reason(error: unknown): string {
	return (error as NodeJS.ErrnoException | undefined)?.code ?? (error instanceof Error ? error.message : String(error));
}

/** `mailcfg convert <file> [--format-in F] [--out FILE]`: the file's accounts as our JSON, secrets as references. */
export async function runConvert(args: string[], io: CliIo): Promise<number> {
	const parsed = parseCommandArgs(CONVERT, args);
	const lang = chooseLang(flag(parsed, 'lang'), io.env);
	if (parsed.positionals.length !== 1) throw new UsageError(tr(TEXTS.oneFile, lang));
	const input = parsed.positionals[0]!;
	const path = resolve(io.cwd, input);
	const named = flag(parsed, 'format-in');
	if (named === 'json' || (!named && isConfigFileName(path))) {
		throw new UsageError(tr(TEXTS.alreadyOurs, lang, { path: input }));
	}
	const format: SourceFormat | undefined = isSourceFormat(named) ? named : formatOfName(path);
	if (!format) throw new UsageError(tr(TEXTS.unknownFormat, lang, { path: input }));
	let text: string;
	try {
		text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
	} catch (error) {
		throw new UsageError(tr(TEXTS.unreadable, lang, { path: input, reason: reason(error) }));
	}
	const conversion = convertSource(format, text, { fileName: path, sibling: siblingReader(path) });
	if (!conversion) throw new UsageError(tr(TEXTS.noMail, lang, { path: input }));
	const out = flag(parsed, 'out');
	if (out === undefined) {
		io.stdout(conversion.text);
		return ExitCode.ok;
	}
	try {
		// `wx`: never replace a file the user already has.
		await writeFile(resolve(io.cwd, out), conversion.text, { flag: 'wx' });
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new UsageError(
			code === 'EEXIST'
				? tr(TEXTS.exists, lang, { path: out })
				: tr(TEXTS.unreadable, lang, { path: out, reason: reason(error) }),
		);
	}
	io.stderr(`${tr(TEXTS.written, lang, { count: conversion.accountIds.length, path: out })}\n`);
	return ExitCode.ok;
}
