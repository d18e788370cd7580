import type { Node } from 'jsonc-parser';
import { type Finding, type FindingSink, type Fix, ruleDocUrl } from '../config/findings';
import { renderText } from '../facts/text';
import { tr } from '../i18n';
import type { TextEdit } from '../text/positions';
import { accountContext } from './context';
import { RULES } from './registry';
import type { AccountContext, AccountRule, FileContext, FixSpec, Report, Rule } from './types';

export type FileInput = Omit<FileContext, 'accounts'>;

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
	const accounts: AccountContext[] = [];
	for (const { index, node, value } of input.parsed.accounts) {
		const account = accountContext(index, node, value);
		if (account) accounts.push(account);
	}
	const file: FileContext = { ...input, accounts };
	const enabled = RULES.filter((rule) => !disabled.has(rule.id));
	const accountRules = enabled.filter((rule): rule is AccountRule => rule.scope === 'account');
	// One callback for every account and rule rather than one per pair: a large file has thousands of accounts.
	let account: AccountContext | undefined;
	let rule: AccountRule | undefined;
	const report = (r: Report): void => {
		if (!rule) return;
		// Past the limit only the count matters: no message, range or fix is built.
		if (sinks.accounts.open) sinks.accounts.add(toFinding(rule, r, file, account));
		else sinks.accounts.skip(r.severity ?? rule.severity);
	};
	for (account of accounts) {
		for (rule of accountRules) rule.check(account, file, report);
	}
	for (const fileRule of enabled) {
		if (fileRule.scope === 'file') {
			fileRule.check(file, (r) => sinks.file.add(toFinding(fileRule, r, file, r.account)));
		}
	}
}

function toFinding(rule: Rule, report: Report, file: FileContext, account: AccountContext | undefined): Finding {
	const node: Node | undefined = report.at.find((n) => n !== undefined);
	const fallback = account?.node ?? file.parsed.root;
	const range = node
		? file.lines.rangeOf(node.offset, node.length)
		: file.lines.rangeOf(fallback?.offset ?? 0, fallback ? 1 : 0);
	const walkthrough = report.walkthrough ?? rule.walkthrough;
	return {
		code: rule.id,
		severity: report.severity ?? rule.severity,
		message: renderText(report.message, file.lang, file.now, report.args),
		range,
		source: 'mailcfg',
		docUrl: ruleDocUrl(rule.id),
		...(walkthrough ? { walkthrough } : {}),
		...(account?.id ? { accountId: account.id } : {}),
		fixes: (report.fixes ?? []).flatMap((f) => toFix(f, file)),
	};
}

function toFix(spec: FixSpec, file: FileContext): Fix[] {
	const edits = spec.edits.filter((e): e is TextEdit => e !== undefined);
	if (edits.length === 0) return [];
	return [{ title: tr(spec.title, file.lang, spec.args), edits, ...(spec.isPreferred ? { isPreferred: true } : {}) }];
}
