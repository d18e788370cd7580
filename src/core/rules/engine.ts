import type { Node } from 'jsonc-parser';
import { type Finding, type FindingSink, type Fix, ruleDocUrl } from '../config/findings';
import type { ParsedConfig } from '../config/parse';
import { renderText } from '../facts/text';
import { tr } from '../i18n';
import type { TextEdit } from '../text/positions';
import { accountContext } from './context';
import { RULES } from './registry';
import type { AccountContext, AccountRule, FileContext, FixSpec, Report, Rule } from './types';

export type FileInput = Omit<FileContext, 'accounts' | 'root'> & { parsed: ParsedConfig };

/** The account rules that are switched on, in registry order. */
export function accountRules(disabled: ReadonlySet<string>): AccountRule[] {
	return RULES.filter((rule): rule is AccountRule => rule.scope === 'account' && !disabled.has(rule.id));
}

/**
 * Runs every enabled rule over the file: the account rules account by account (all of them on one account while its
 * nodes and values are still in the CPU cache), then the file rules. Within an account, and among the file rules,
 * findings come in registry order. Account findings go to `sinks.accounts` and file-rule findings (anywhere in the
 * file) to `sinks.file`, so each stream is in file order and a limit keeps the start of each.
 */
export function runRules(
	input: FileInput,
	disabled: ReadonlySet<string>,
	sinks: { accounts: FindingSink; file: FindingSink },
): void {
	const { parsed, ...rest } = input;
	const accounts: AccountContext[] = [];
	for (const { index, node, value } of parsed.accounts) {
		const account = accountContext(index, node, value);
		if (account) accounts.push(account);
	}
	const file: FileContext = { ...rest, root: parsed.root, accounts };
	const rules = accountRules(disabled);
	for (const account of accounts) checkAccount(account, file, rules, sinks.accounts);
	checkFile(file, disabled, sinks.file);
}

/** The account rules on one account. Past the sink's limit only the count matters: no message, range or fix is built. */
export function checkAccount(
	account: AccountContext,
	file: FileContext,
	rules: readonly AccountRule[],
	sink: FindingSink,
): void {
	let rule: AccountRule | undefined;
	// One callback for all rules rather than one per rule: a large file has thousands of accounts.
	const report = (r: Report): void => {
		if (!rule) return;
		if (sink.open) sink.add(toFinding(rule, r, file, account));
		else sink.skip(r.severity ?? rule.severity);
	};
	for (rule of rules) rule.check(account, file, report);
}

/** The enabled file rules (duplicate ids and the like), which look at all accounts together. */
export function checkFile(file: FileContext, disabled: ReadonlySet<string>, sink: FindingSink): void {
	for (const rule of RULES) {
		if (rule.scope === 'file' && !disabled.has(rule.id)) {
			rule.check(file, (r) => sink.add(toFinding(rule, r, file, r.account)));
		}
	}
}

function toFinding(rule: Rule, report: Report, file: FileContext, account: AccountContext | undefined): Finding {
	const node: Node | undefined = report.at.find((n) => n !== undefined);
	const fallback = account?.node ?? file.root;
	const range = node
		? file.lines.rangeOf(node.offset, node.length)
		: file.lines.rangeOf(fallback?.offset ?? 0, fallback ? 1 : 0);
	const walkthrough = report.walkthrough ?? rule.walkthrough;
	// Optional fields are assigned in the order they had as spreads of conditional literals, which V8 copies slowly.
	const finding: Finding = {
		code: rule.id,
		severity: report.severity ?? rule.severity,
		message: renderText(report.message, file.lang, file.now, report.args),
		range,
		source: 'mailcfg',
		docUrl: ruleDocUrl(rule.id),
	} as Finding;
	if (walkthrough) finding.walkthrough = walkthrough;
	if (account?.id) finding.accountId = account.id;
	const fixes: Fix[] = [];
	for (const spec of report.fixes ?? []) {
		const fix = toFix(spec, file);
		if (fix) fixes.push(fix);
	}
	finding.fixes = fixes;
	return finding;
}

function toFix(spec: FixSpec, file: FileContext): Fix | undefined {
	const edits = spec.edits.filter((e): e is TextEdit => e !== undefined);
	if (edits.length === 0) return undefined;
	const fix: Fix = { title: tr(spec.title, file.lang, spec.args), edits };
	if (spec.isPreferred) fix.isPreferred = true;
	return fix;
}
