import type { Node } from 'jsonc-parser';
import type { ConfigEditor } from '../config/edits';
import type { Severity } from '../config/findings';
import type { Lang, Localized } from '../i18n';
import type { Text } from '../facts/text';
import type { DetectedProvider } from '../providers/detect';
import type { MailProtocol, ProviderInfo } from '../providers/types';
import type { LineIndex, TextEdit } from '../text/positions';

export type JsonPath = readonly (string | number)[];

/**
 * Everything a rule may read about the file; built once per analysis. Account rules read only their account and
 * `editor`, `lang` and `now` from here: their results are cached by the account's text, and when an account is
 * checked on its own, `text`, `lines` and `root` describe just that account (see config/analyze.ts).
 */
export interface FileContext {
	text: string;
	root: Node | undefined;
	lines: LineIndex;
	editor: ConfigEditor;
	lang: Lang;
	now: Date;
	accounts: readonly AccountContext[];
}

/** An `imap` or `smtp` section that is an object, with the provider that runs its host (if known). */
export interface ServerContext {
	protocol: MailProtocol;
	host?: string;
	port?: number;
	security?: string;
	provider?: ProviderInfo;
}

/** One account object of `accounts`, with typed accessors that tolerate any (schema-invalid) shape. */
export interface AccountContext {
	/** Position in `accounts`; for file rules only (an account rule's result must not depend on where it stands). */
	index: number;
	/** Undefined where findings are only counted, not placed (see {@link nodeAt}). */
	node: Node | undefined;
	id?: string;
	detected?: DetectedProvider;
	servers: readonly ServerContext[];
	/** Value at a path below the account, or undefined. */
	get(path: JsonPath): unknown;
	str(path: JsonPath): string | undefined;
	num(path: JsonPath): number | undefined;
	/**
	 * Value node at a path below the account. Always undefined past the findings limit, where nothing is placed: a
	 * rule must decide whether to report, and with which severity, from values alone.
	 */
	nodeAt(path: JsonPath): Node | undefined;
}

export interface FixSpec {
	title: Localized;
	args?: Readonly<Record<string, string | number>>;
	edits: readonly (TextEdit | undefined)[];
	isPreferred?: boolean;
}

export interface Report {
	/** Where to underline; the first defined node wins (e.g. the value, else its parent's key). */
	at: readonly (Node | undefined)[];
	/** Fixed or clock-dependent; may use the fact placeholders of facts/text.ts. */
	message: Text;
	args?: Readonly<Record<string, string | number>>;
	fixes?: readonly FixSpec[];
	/** Overrides the rule's default severity (e.g. cleartext without credentials is only a warning). */
	severity?: Severity;
	walkthrough?: string;
}

export interface RuleMeta {
	id: string;
	severity: Severity;
	/** One line for docs and listings. */
	title: Localized;
	/** Default deep link into the admin walkthroughs (`guide-id` or `guide-id#step-id`). */
	walkthrough?: string;
}

export interface AccountRule extends RuleMeta {
	scope: 'account';
	check(account: AccountContext, file: FileContext, report: (r: Report) => void): void;
}

export interface FileRule extends RuleMeta {
	scope: 'file';
	check(file: FileContext, report: (r: Report & { account?: AccountContext }) => void): void;
}

export type Rule = AccountRule | FileRule;
