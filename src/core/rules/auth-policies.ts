import type { Node } from 'jsonc-parser';
import type { Localized } from '../i18n';
import type { AuthPolicy, MailProtocol, ProviderInfo } from '../providers/types';
import { milestoneArgs } from '../facts/text';
import { looksLikeDevice } from './device';
import type { AccountContext, AccountRule, FileContext, FixSpec, RuleMeta } from './types';
import { type SkeletonFlow, oauth2Skeleton } from '../config/oauth2-skeleton';

/**
 * A rule whose facts (which provider, protocols, methods, since when) come from `authPolicies` in provider data.
 * Messages may use `{provider}`, `{protocols}`, `{method}` and the policy milestone's `{date}`, `{on}`, `{since}`,
 * `{relative}` (facts/text.ts).
 */
interface PolicyRuleSpec extends RuleMeta {
	/** Message before the policy's milestone; without it, `effective` is shown on any date. */
	upcoming?: Localized;
	effective: Localized;
	fixes(account: AccountContext, file: FileContext, provider: ProviderInfo): FixSpec[];
	/**
	 * For a device account (device.ts): the step of the policy's guide that names the ways to send without OAuth2.
	 * The deep link goes there and the OAuth2 fixes are left out: a printer cannot take an app registration.
	 */
	deviceStep?: string;
}

const PROTOCOL_NAMES: Readonly<Record<MailProtocol, string>> = { imap: 'IMAP', smtp: 'SMTP' };

function policyRule(spec: PolicyRuleSpec): AccountRule {
	return {
		id: spec.id,
		severity: spec.severity,
		scope: 'account',
		title: spec.title,
		...(spec.walkthrough ? { walkthrough: spec.walkthrough } : {}),
		check(account, file, report) {
			const method = account.str(['auth', 'method']);
			if (!method) return;
			let hit: { policy: AuthPolicy; provider: ProviderInfo } | undefined;
			const protocols: MailProtocol[] = [];
			for (const server of account.servers) {
				const policy = server.provider?.authPolicies.find(
					(p) =>
						p.rule === spec.id &&
						p.protocols.includes(server.protocol) &&
						(p.methods as readonly string[]).includes(method),
				);
				if (!policy || !server.provider) continue;
				hit ??= { policy, provider: server.provider };
				protocols.push(server.protocol);
			}
			if (!hit) return;
			const { policy, provider } = hit;
			const device = spec.deviceStep !== undefined && looksLikeDevice(account);
			const walkthrough =
				device && policy.walkthrough ? `${policy.walkthrough}#${spec.deviceStep}` : policy.walkthrough;
			const dates = milestoneArgs(policy.milestone, file.now, file.lang);
			report({
				at: [account.nodeAt(['auth', 'method'])],
				message: spec.upcoming
					? { milestone: policy.milestone, before: spec.upcoming, after: spec.effective }
					: spec.effective,
				args: {
					provider: provider.name,
					protocols: protocols.map((p) => PROTOCOL_NAMES[p]).join(file.lang === 'de' ? ' und ' : ' and '),
					method,
					date: dates.date,
					on: dates.on,
					since: dates.since,
					relative: dates.relative,
				},
				fixes: device ? [] : spec.fixes(account, file, provider),
				walkthrough: walkthrough || undefined,
			});
		},
	};
}

/** Replaces the whole `auth` object with an OAuth2 skeleton (config/oauth2-skeleton.ts). */
function oauth2Fix(account: AccountContext, file: FileContext, provider: ProviderInfo, flow: SkeletonFlow): FixSpec[] {
	const auth = account.nodeAt(['auth']);
	if (auth?.type !== 'object' || !provider.oauth2) return [];
	const user = account.str(['auth', 'user']) ?? account.str(['email']) ?? '';
	const oauth2 = oauth2Skeleton(flow, {
		accountId: account.id,
		address: account.str(['email']) ?? user,
		protocols: account.servers.map((s) => s.protocol),
		oauth: provider.oauth2,
	});
	return [
		{
			title:
				flow === 'client-credentials'
					? {
							en: 'Switch to OAuth2 (app-only, client credentials)',
							de: 'Auf OAuth2 umstellen (Nur-App, Clientanmeldeinformationen)',
						}
					: { en: 'Switch to OAuth2 (device code sign-in)', de: 'Auf OAuth2 umstellen (Anmeldung per Gerätecode)' },
			edits: [file.editor.replaceValue(auth as Node, { method: 'oauth2', user, oauth2 })],
		},
	];
}

export const exoImapBasicAuth = policyRule({
	id: 'exo-imap-basic-auth',
	severity: 'error',
	title: { en: 'Password login to Exchange Online IMAP', de: 'Kennwortanmeldung an IMAP in Exchange Online' },
	walkthrough: 'm365-oauth2-app-only',
	effective: {
		en: '{provider} has refused passwords for IMAP {since}, app passwords included; no admin can turn Basic authentication back on. Use OAuth2 (XOAUTH2).',
		de: '{provider} lehnt Kennwörter für IMAP {since} ab, App-Kennwörter eingeschlossen; kein Administrator kann die Standardauthentifizierung wieder einschalten. OAuth2 (XOAUTH2) verwenden.',
	},
	fixes: (account, file, provider) => oauth2Fix(account, file, provider, 'client-credentials'),
});

export const exoSmtpBasicAuthRetirement = policyRule({
	id: 'exo-smtp-basic-auth-retirement',
	severity: 'warning',
	title: { en: 'Password SMTP AUTH to Exchange Online', de: 'SMTP AUTH mit Kennwort an Exchange Online' },
	walkthrough: 'm365-smtp-after-basic-auth',
	upcoming: {
		en: '{provider} turns Basic authentication for SMTP AUTH off by default for existing tenants {on} ({relative}), passwords and app passwords alike; an admin can turn it back on for now. Move applications to OAuth2; a device that cannot do OAuth2 needs another way to send (see the walkthrough).',
		de: '{provider} schaltet die Standardauthentifizierung für SMTP AUTH in bestehenden Mandanten {on} ({relative}) standardmäßig ab, für Kennwörter wie App-Kennwörter; ein Administrator kann sie vorerst wieder einschalten. Anwendungen auf OAuth2 umstellen; ein Gerät, das kein OAuth2 kann, braucht einen anderen Versandweg (siehe Anleitung).',
	},
	effective: {
		en: '{provider} has had Basic authentication for SMTP AUTH off by default {since}, passwords and app passwords alike. It works only where an admin turned it back on, until a final removal Microsoft has yet to date. Move applications to OAuth2; a device that cannot do OAuth2 needs another way to send (see the walkthrough).',
		de: '{provider} hat die Standardauthentifizierung für SMTP AUTH {since} standardmäßig abgeschaltet, für Kennwörter wie App-Kennwörter. Sie funktioniert nur, wo ein Administrator sie wieder eingeschaltet hat, bis zur endgültigen Abschaltung, deren Datum Microsoft noch nennen wird. Anwendungen auf OAuth2 umstellen; ein Gerät, das kein OAuth2 kann, braucht einen anderen Versandweg (siehe Anleitung).',
	},
	fixes: (account, file, provider) => oauth2Fix(account, file, provider, 'client-credentials'),
	deviceStep: 'high-volume-email',
});

export const outlookConsumerBasicAuth = policyRule({
	id: 'outlook-consumer-basic-auth',
	severity: 'error',
	title: { en: 'Password login to Outlook.com', de: 'Kennwortanmeldung an Outlook.com' },
	walkthrough: 'm365-oauth2-delegated',
	effective: {
		en: '{provider} accounts have refused passwords and app passwords for {protocols} {since}. Only OAuth2 works, with a user sign-in (device code or browser).',
		de: '{provider}-Konten lehnen Kennwörter und App-Kennwörter für {protocols} {since} ab. Nur OAuth2 funktioniert, mit Benutzeranmeldung (Gerätecode oder Browser).',
	},
	fixes: (account, file, provider) => oauth2Fix(account, file, provider, 'device-code'),
});

export const googlePasswordAuth = policyRule({
	id: 'google-password-auth',
	severity: 'error',
	title: { en: 'Google account password used for IMAP/SMTP', de: 'Google-Kontopasswort für IMAP/SMTP' },
	walkthrough: 'gmail-app-password',
	effective: {
		en: '{provider} has refused the normal account password for {protocols} {since}. Use an app password (needs 2-Step Verification) or OAuth2.',
		de: '{provider} lehnt das normale Kontopasswort für {protocols} {since} ab. Ein App-Passwort (braucht die Bestätigung in zwei Schritten) oder OAuth2 verwenden.',
	},
	fixes: (account, file) => {
		const node = account.nodeAt(['auth', 'method']);
		return [
			{
				title: { en: 'Use an app password instead', de: 'Stattdessen ein App-Passwort verwenden' },
				edits: [node && file.editor.replaceValue(node, 'app-password')],
			},
		];
	},
});
