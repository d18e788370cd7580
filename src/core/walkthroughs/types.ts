import type { Text } from '../facts/text';
import type { Localized } from '../i18n';
import type { ProviderId } from '../config/model';

/** Which connection test proves a step done; `any` means every check of the account's test. */
export type VerifyProtocol = 'imap' | 'smtp' | 'oauth2' | 'any';

export interface GuideCommand {
	shell: 'powershell';
	/** Typed as-is by the admin; placeholders look like `<MAILBOX>`, never real names or secrets. */
	code: string;
}

export interface GuideLink {
	/** https only, host in the allowlist of links.ts (a unit test enforces both). */
	url: string;
	label: Localized;
}

/** A label/value pair such as "IMAP server" / "outlook.office365.com"; values are the same in every language. */
export interface GuideSetting {
	label: Localized;
	value: string;
}

export interface GuideStep {
	/** Short kebab-case, unique in its guide; `guide-id#step-id` is the deep-link contract. */
	id: string;
	title: Localized;
	/** Paragraphs, in reading order; dated ones are `Timed` and render from the clock. */
	body: Text[];
	/** Menu labels from the portal's start page to the control, as the portal shows them in each language. */
	uiPath?: Localized[];
	commands?: GuideCommand[];
	settings?: GuideSetting[];
	warnings?: Text[];
	links?: GuideLink[];
	/** Other guides or steps this one hands over to (`guide-id` or `guide-id#step-id`). */
	related?: string[];
	verify?: { protocol: VerifyProtocol };
}

export interface CurrentStatus {
	/** The day the status was last checked against the vendors' announcements (YYYY-MM-DD). */
	asOf: string;
	/** Rendered from the clock, so it reads right before, around and after the dates it names. */
	text: Text;
	/** Guide id of the path that replaces this one. */
	modernAlternative?: string;
}

export interface Guide {
	/** Kebab-case; part of the deep-link contract. */
	id: string;
	title: Localized;
	summary: Localized;
	provider: ProviderId;
	currentStatus?: CurrentStatus;
	steps: GuideStep[];
}
