import type { Node } from 'jsonc-parser';
import { type Finding, type Fix, ruleDocUrl } from '../config/findings';
import { tr } from '../i18n';
import type { TextEdit } from '../text/positions';
import { accountContext } from './context';
import { RULES } from './registry';
import type { AccountContext, FileContext, FixSpec, Report, Rule } from './types';

export type FileInput = Omit<FileContext, 'accounts'>;

/** Runs every enabled rule over the file; each rule sees every account once, so the cost is linear. */
export function runRules(input: FileInput, disabled: ReadonlySet<string>): Finding[] {
	const accounts = input.parsed.accounts.flatMap((a) => accountContext(a.index, a.node, a.value) ?? []);
	const file: FileContext = { ...input, accounts };
	const findings: Finding[] = [];
	for (const rule of RULES) {
		if (disabled.has(rule.id)) continue;
		if (rule.scope === 'file') {
			rule.check(file, (r) => findings.push(toFinding(rule, r, file, r.account)));
		} else {
			for (const account of accounts)
				rule.check(account, file, (r) => findings.push(toFinding(rule, r, file, account)));
		}
	}
	return findings;
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
		message: tr(report.message, file.lang, report.args),
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
