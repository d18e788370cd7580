import type { AuthMethod, ProviderId } from '../config/model';
import type { Text } from '../facts/text';
import type { Lang, Localized } from '../i18n';
import type { ProbeErrorCode, StageName } from '../probes/result';

/**
 * `guide-id` or `guide-id#step-id`: the deep-link contract of `mailcfg.openWalkthrough`. The guides live in
 * src/core/walkthroughs; a unit test resolves every reference in the catalog against them.
 */
export type WalkthroughRef = string;

/**
 * Conditions on the situation a line was seen in. A key the rule names must agree with the caller's context when
 * the caller knows it; when the caller does not, the rule still applies but counts as a guess (lower confidence).
 */
export interface ContextCondition {
	auth?: readonly AuthMethod[];
	provider?: readonly ProviderId[];
	stage?: readonly StageName[];
	probe?: readonly ProbeErrorCode[];
}

/**
 * One way to recognise a cause. Every condition given must hold on the same line; more conditions make a more
 * specific rule and so a higher confidence. A rule without any line condition applies only to probe results
 * (`explainCheck`) that carry no recognisable server text.
 */
export interface Rule {
	/** SMTP reply code(s), e.g. 535. */
	smtp?: readonly number[];
	/** RFC 3463 enhanced status code(s), e.g. '5.7.139'. */
	enhanced?: readonly string[];
	/** IMAP bracketed response code(s), e.g. 'AUTHENTICATIONFAILED'. */
	imapCode?: readonly string[];
	/** IMAP tagged status, e.g. 'BAD'. */
	imapStatus?: readonly ('NO' | 'BAD' | 'BYE')[];
	/** Entra ID error numbers without the AADSTS prefix. */
	aadsts?: readonly string[];
	/** OAuth / msal `errorCode` or `subError` values (snake_case words such as `consent_required`). */
	oauthError?: readonly string[];
	/** Node, OpenSSL and library error codes as they appear in messages (ECONNREFUSED, CERT_HAS_EXPIRED, EAUTH...). */
	errorCode?: readonly string[];
	/** A phrase of the server's or library's wording; case-insensitive. */
	text?: RegExp;
	when?: ContextCondition;
	/** Fine adjustment when two rules of different causes match the same evidence equally well. */
	bias?: number;
}

export interface CatalogEntry {
	/** Kebab-case, stable: scripts and tests depend on it. */
	id: string;
	title: Localized;
	/** Texts may depend on the clock (`Timed`) and use the fact placeholders of facts/text.ts. */
	cause: Text;
	/** Steps in the order an admin should try them; PowerShell and portal paths are written out. */
	fix: readonly Text[];
	walkthrough?: WalkthroughRef;
	/** A better guide for one provider than the default above. */
	walkthroughByProvider?: Partial<Record<ProviderId, WalkthroughRef>>;
	/** Public pages that document the reply or the fix. */
	sources: readonly string[];
	rules: readonly Rule[];
}

/** What the caller knows about where the text came from; everything is optional except the language. */
export interface ExplainContext {
	lang: Lang;
	/** "Today" for dated sentences (the CLI's `--now`); the system clock when absent. */
	now?: Date;
	provider?: ProviderId;
	auth?: AuthMethod;
	stage?: StageName;
	probeCode?: ProbeErrorCode;
}

/** One explained cause, in the caller's language: the element of `mailcfg explain --format json`'s `matches`. */
export interface Explanation {
	id: string;
	title: string;
	cause: string;
	fix: string[];
	walkthrough?: WalkthroughRef;
	/**
	 * 0..1: the measured share of matches of this evidence kind and placement (best and clear, best but contested,
	 * alternative) that named the right cause on the real-world table; see calibration.ts.
	 */
	confidence: number;
	/** The question that tells this cause apart from look-alikes that share its wording (questions.ts). */
	question?: string;
	sources: string[];
	/** The raw line the explanation was found on (trimmed); empty when only the probe result was known. */
	matchedText: string;
	/** Zero-based line of `matchedText` in the input, for hovers and log views. */
	line?: number;
}
