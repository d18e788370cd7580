/** The adapter that reads each config format besides our own JSON. */
import { dotenvAccounts } from './dotenv';
import { mbsyncAccounts } from './mbsync';
import { msmtpAccounts } from './msmtp';
import { postfixAccounts } from './postfix';
import { springAccounts } from './spring';
import type { SourceFormat } from './names';
import type { MappedAccount } from './tree';

/** What an adapter may know besides the text. */
export interface SourceContext {
	/** The file's name or URI: `.env.example` is meant to be committed, `.env` is not. */
	fileName?: string;
	/** The text of a file beside this one, by base name (Postfix's SASL password map); undefined if absent. */
	sibling?(name: string): string | undefined;
}

export type SourceAdapter = (text: string, context: SourceContext) => MappedAccount[];

const ADAPTERS: Readonly<Record<SourceFormat, SourceAdapter>> = {
	dotenv: (text) => dotenvAccounts(text),
	spring: (text, context) => springAccounts(text, context.fileName),
	postfix: postfixAccounts,
	msmtp: (text) => msmtpAccounts(text),
	mbsync: (text) => mbsyncAccounts(text),
};

/** The accounts a file of this format configures; none when it holds no mail settings. */
export function sourceAccounts(format: SourceFormat, text: string, context: SourceContext = {}): MappedAccount[] {
	return ADAPTERS[format](text, context);
}
