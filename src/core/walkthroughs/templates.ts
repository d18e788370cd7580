import { ACCOUNT_TEMPLATES, plainAccount } from '../config/account-templates';
import type { MailAccountsFile } from '../config/model';
import type { Localized } from '../i18n';

/**
 * A starting point for "Mail: New Mail Account Config…": a whole config file with placeholders, never secrets.
 * Derived from the account templates in config/account-templates.ts, which also give the editor's snippets.
 */
export interface ConfigTemplate {
	id: string;
	label: Localized;
	detail: Localized;
	/** File name stem; the command appends `.mailaccounts.json` (and a number when the name is taken). */
	fileStem: string;
	/** The walkthrough that explains how to fill the placeholders in. */
	guide: string;
	content: MailAccountsFile;
}

/** The account templates that make sense as a whole new file, each with the walkthrough for its placeholders. */
export const CONFIG_TEMPLATES: readonly ConfigTemplate[] = ACCOUNT_TEMPLATES.flatMap((template) => {
	if (!template.newConfigGuide) return [];
	const account = plainAccount(template);
	return [
		{
			id: template.id,
			label: template.label,
			detail: template.description,
			fileStem: account.id,
			guide: template.newConfigGuide,
			content: { accounts: [account] },
		},
	];
});

/** The file text of a template: tab-indented JSON with a final newline. */
export function renderTemplate(template: ConfigTemplate): string {
	return `${JSON.stringify(template.content, null, '\t')}\n`;
}
