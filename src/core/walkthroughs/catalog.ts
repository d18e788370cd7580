import type { Lang } from '../i18n';
import type { Guide, GuideStep } from './types';
import { m365CheckMfa } from './guides/m365-check-mfa';
import { m365CreateAppPassword } from './guides/m365-create-app-password';
import { m365AllowAppPasswords } from './guides/m365-allow-app-passwords';
import { m365EnableSmtpAuth } from './guides/m365-enable-smtp-auth';
import { m365Oauth2AppOnly } from './guides/m365-oauth2-app-only';
import { m365Oauth2Delegated } from './guides/m365-oauth2-delegated';
import { m365SharedMailbox } from './guides/m365-shared-mailbox';
import { m365SendAs } from './guides/m365-send-as';
import { m365ImportFolderRule } from './guides/m365-import-folder-rule';
import { m365DisableReadReceipts } from './guides/m365-disable-read-receipts';
import { m365MfaResetAndSessions } from './guides/m365-mfa-reset-and-sessions';
import { smtpDeviceAppPassword } from './guides/smtp-device-app-password';
import { m365SmtpAfterBasicAuth } from './guides/m365-smtp-after-basic-auth';
import { m365EwsRetirement } from './guides/m365-ews-retirement';
import { m365SaasAdminConsent } from './guides/m365-saas-admin-consent';
import { gmailAppPassword } from './guides/gmail-app-password';
import { gmailOauth2 } from './guides/gmail-oauth2';
import { mailAdapterSetup } from './guides/mail-adapter-setup';

/** Every admin walkthrough, in the order the list shows them: the generic path first, then by provider. */
export const GUIDES: readonly Guide[] = [
	mailAdapterSetup,
	m365Oauth2AppOnly,
	m365Oauth2Delegated,
	m365SharedMailbox,
	m365SendAs,
	m365EnableSmtpAuth,
	m365ImportFolderRule,
	m365DisableReadReceipts,
	m365CheckMfa,
	m365AllowAppPasswords,
	m365CreateAppPassword,
	smtpDeviceAppPassword,
	m365SmtpAfterBasicAuth,
	m365EwsRetirement,
	m365SaasAdminConsent,
	m365MfaResetAndSessions,
	gmailOauth2,
	gmailAppPassword,
];

const BY_ID = new Map(GUIDES.map((guide) => [guide.id, guide]));

export function getGuide(id: string): Guide | undefined {
	return BY_ID.get(id);
}

export interface ResolvedRef {
	guide: Guide;
	step?: GuideStep;
}

/**
 * Resolves a deep link `guide-id` or `guide-id#step-id` (the format of `Finding.walkthrough`, explanations and probe
 * hints). Undefined when the guide or the named step does not exist, so a broken link is never silently widened.
 */
export function resolveWalkthroughRef(ref: string): ResolvedRef | undefined {
	const hash = ref.indexOf('#');
	const guideId = hash < 0 ? ref : ref.slice(0, hash);
	const guide = BY_ID.get(guideId);
	if (!guide) return undefined;
	if (hash < 0) return { guide };
	const step = guide.steps.find((s) => s.id === ref.slice(hash + 1));
	return step ? { guide, step } : undefined;
}

export interface GuideListEntry {
	id: string;
	title: string;
	steps: { id: string; title: string }[];
}

/** The guides with their step ids and titles in one language: the JSON of `mailcfg walkthroughs`. */
export function listGuides(lang: Lang): GuideListEntry[] {
	return GUIDES.map((guide) => ({
		id: guide.id,
		title: guide.title[lang],
		steps: guide.steps.map((step) => ({ id: step.id, title: step.title[lang] })),
	}));
}

const LINK_URLS = new Set(
	GUIDES.flatMap((guide) => guide.steps.flatMap((step) => (step.links ?? []).map((l) => l.url))),
);

/** True when the URL is one of the links written in the guides: the only URLs the panel opens. */
export function isCatalogLink(url: string): boolean {
	return LINK_URLS.has(url);
}

/** The PowerShell line of a step by index, for the panel's copy button (the webview names it, never sends it). */
export function stepCommand(guideId: string, stepId: string, index: number): string | undefined {
	return resolveWalkthroughRef(`${guideId}#${stepId}`)?.step?.commands?.[index]?.code;
}
