// Every rule of RULES, triggered by a config; each quick fix it offers is applied: the fixed file is valid JSON, the
// finding is gone for that account, and the fix brings in no new error. The one deliberate exception is a
// skeleton that leaves a value for the user to fill in (the schema then asks for it): such fixes name the
// schema code they leave behind.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'jsonc-parser';
import type { Finding } from '../../../../src/core/config/findings';
import { RULE_IDS } from '../../../../src/core/rules/registry';
import { analyze, applyFix, configText } from './helpers';
import { GENERIC, GMAIL, GMX, M365_APP_ONLY, M365_PRINTER, patch } from './fixtures';

/**
 * Rules that report without offering a fix, each with the reason no edit can settle it. Every other rule in RULES
 * must be triggered and fixed by the table below, so a new rule is either fixed here or listed here with a reason.
 */
const WITHOUT_FIX: Readonly<Record<string, string>> = {
	'app-password-format': 'only the user can create the app password that replaces the wrong one',
	'app-password-prerequisites':
		'a hint about tenant settings (MFA, app passwords allowed); nothing in the file changes',
	'shared-mailbox-auth': 'moving to OAuth2 needs an app registration or a delegate the user has to choose',
	'imap-folder-move-target-missing': 'only the user knows which folder imported mail belongs in',
	'read-receipts-after-delete': 'the remedy is a mail flow rule in the tenant, not an edit of the config',
};

/** Schema findings a fix may leave on purpose: an empty value the user must fill in. */
const FILL_IN = new Set(['schema-empty', 'schema-required']);

const TRIGGERS: object[][] = [
	[patch(GENERIC, { imap: { security: 'none', port: 143 } })],
	[patch(GENERIC, { smtp: { port: 25, security: 'starttls' } })],
	[patch(GENERIC, { imap: { tls: { rejectUnauthorized: false } } })],
	[patch(GENERIC, { imap: { tls: { minVersion: 'TLSv1' } } })],
	[patch(GENERIC, { imap: { afterImport: { action: 'delete' } } })],
	// delayDays present but 0: the fix replaces the value instead of inserting the property.
	[patch(GENERIC, { imap: { afterImport: { action: 'delete', delayDays: 0 } } })],
	[patch(GENERIC, { imap: { afterImport: { action: 'move' } } })],
	[patch(GMAIL, { auth: { password: 'Sommer2024!' } })],
	[patch(M365_PRINTER, { mailbox: { type: 'shared' }, auth: { method: 'password' } })],
	[patch(M365_APP_ONLY, { imap: { afterImport: { action: 'delete', delayDays: 2 } } })],
	[patch(GENERIC, { auth: { password: 'Sommer2026!' } })],
	[GENERIC, GENERIC],
	[patch(GMAIL, { auth: { method: 'password', password: '${secret:GMAIL}' } })],
	[patch(GMX, { imap: { security: 'starttls' } })],
	[patch(M365_PRINTER, { smtp: { port: 465, security: 'tls' } })],
	[patch(M365_PRINTER, { smtp: { port: 465 } })],
	[patch(M365_PRINTER, { smtp: { from: 'buchhaltung@contoso.com' } })],
	[M365_PRINTER],
	// An application that only sends gets the OAuth2 switch (a device like M365_PRINTER is sent to the guide instead).
	[
		patch(M365_PRINTER, {
			id: 'erp',
			email: 'erp@contoso.com',
			auth: { user: 'erp@contoso.com' },
			smtp: { from: 'erp@contoso.com' },
		}),
	],
	[patch(M365_PRINTER, { auth: { method: 'password' } })],
	[patch(M365_APP_ONLY, { imap: { host: 'outlook.office356.com' } })],
	[patch(M365_APP_ONLY, { auth: { method: 'password', password: '${secret:X}', oauth2: undefined } })],
	[patch(M365_APP_ONLY, { auth: { oauth2: { scopes: ['https://outlook.office365.com/IMAP.AccessAsUser.All'] } } })],
	[patch(M365_APP_ONLY, { auth: { oauth2: { scopes: ['https://graph.microsoft.com/.default'] } } })],
	[patch(M365_APP_ONLY, { auth: { oauth2: { tenant: undefined } } })],
	[patch(M365_APP_ONLY, { auth: { oauth2: { clientSecret: undefined } } })],
	[
		{
			id: 'outlook',
			email: 'praxis@outlook.de',
			auth: { method: 'password', user: 'praxis@outlook.de', password: '${secret:OUTLOOK}' },
			imap: { host: 'outlook.office365.com', port: 993, security: 'tls' },
		},
	],
	[
		{
			id: 'yahoo',
			email: 'praxis@yahoo.com',
			auth: { method: 'password', user: 'praxis@yahoo.com', password: '${secret:YAHOO}' },
			imap: { host: 'imap.mail.yahoo.com', port: 993, security: 'tls' },
		},
	],
];

const key = (f: Finding) => `${f.code}|${f.accountId ?? ''}`;

test('every fix of every rule removes its finding without bringing a new error', () => {
	const fixedCodes = new Set<string>();
	const triggered = new Set<string>();
	const problems: string[] = [];
	for (const accounts of TRIGGERS) {
		const text = configText(...accounts);
		const before = analyze(text);
		for (const finding of before) triggered.add(finding.code);
		for (const finding of before.filter((f) => f.fixes.length > 0)) {
			fixedCodes.add(finding.code);
			for (const fix of finding.fixes) {
				const label = `${finding.code} → "${fix.title}"`;
				const fixed = applyFix(text, fix);
				const errors: unknown[] = [];
				parse(fixed, errors as never[]);
				if (errors.length) problems.push(`${label}: invalid JSON`);
				const after = analyze(fixed);
				const sameBefore = before.filter((f) => key(f) === key(finding)).length;
				const sameAfter = after.filter((f) => key(f) === key(finding)).length;
				if (sameAfter >= sameBefore) problems.push(`${label}: the finding stays`);
				const known = new Set(before.map(key));
				const newErrors = after.filter((f) => f.severity === 'error' && !known.has(key(f)) && !FILL_IN.has(f.code));
				for (const f of newErrors) problems.push(`${label}: new error ${key(f)}`);
			}
		}
	}
	assert.deepEqual(problems, []);
	assert.deepEqual(
		RULE_IDS.filter((id) => !triggered.has(id)),
		[],
		'every rule is triggered by this table',
	);
	assert.deepEqual(
		RULE_IDS.filter((id) => !(id in WITHOUT_FIX) && !fixedCodes.has(id)),
		[],
		'every rule not listed in WITHOUT_FIX offers a fix that this table applies',
	);
	assert.deepEqual(
		Object.keys(WITHOUT_FIX).filter((id) => fixedCodes.has(id) || !RULE_IDS.includes(id)),
		[],
		'WITHOUT_FIX names only existing rules that really offer no fix',
	);
});
