import type { Node } from 'jsonc-parser';
import type { Localized } from '../i18n';
import { emailDomain } from '../providers/detect';
import type { AuthPolicy, MailProtocol, ProviderInfo } from '../providers/types';
import { daysUntil, formatDay, relativeDay } from './dates';
import { secretName } from './context';
import type { AccountContext, AccountRule, FileContext, FixSpec, RuleMeta } from './types';
import { PLACEHOLDER_GUID } from '../config/account-templates';

/** The tenant a skeleton names when the account has no mail domain to take it from. */
const PLACEHOLDER_TENANT = 'contoso.onmicrosoft.com';

/** A rule whose facts (which provider, protocols, methods, since when) come from `authPolicies` in provider data. */
interface PolicyRuleSpec extends RuleMeta {
	/** Message before and after the policy's effective day; `removed` policies are usually past. */
	upcoming?: Localized;
	effective: Localized;
	fixes(account: AccountContext, file: FileContext, provider: ProviderInfo): FixSpec[];
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
			const past = daysUntil(policy.effective, file.now) <= 0;
			report({
				at: [account.nodeAt(['auth', 'method'])],
				message: past || !spec.upcoming ? spec.effective : spec.upcoming,
				args: {
					provider: provider.name,
					protocols: protocols.map((p) => PROTOCOL_NAMES[p]).join(file.lang === 'de' ? ' und ' : ' and '),
					method,
					date: formatDay(policy.effective, file.lang),
					relative: relativeDay(policy.effective, file.now, file.lang),
				},
				fixes: spec.fixes(account, file, provider),
				...(policy.walkthrough ? { walkthrough: policy.walkthrough } : {}),
			});
		},
	};
}

/**
 * Replaces the whole `auth` object with an OAuth2 skeleton. The client ID is the templates' placeholder GUID (the
 * walkthrough says where the real one is): a fix must not leave a schema error behind.
 */
function oauth2Skeleton(
	account: AccountContext,
	file: FileContext,
	provider: ProviderInfo,
	flow: 'client-credentials' | 'device-code',
): FixSpec[] {
	const auth = account.nodeAt(['auth']);
	if (auth?.type !== 'object' || !provider.oauth2) return [];
	const user = account.str(['auth', 'user']) ?? account.str(['email']) ?? '';
	const protocols = account.servers.map((s) => s.protocol);
	const oauth2 =
		flow === 'client-credentials'
			? {
					flow,
					tenant: emailDomain(account.str(['email']) ?? user) ?? PLACEHOLDER_TENANT,
					clientId: PLACEHOLDER_GUID,
					clientSecret: `\${secret:${secretName(account.id, 'CLIENT_SECRET')}}`,
					scopes: [provider.oauth2.appOnlyScope],
				}
			: {
					flow,
					clientId: PLACEHOLDER_GUID,
					scopes: [
						...protocols.map((p) => provider.oauth2?.delegatedScopes[p] ?? ''),
						...(provider.oauth2.refreshScope ? [provider.oauth2.refreshScope] : []),
					],
				};
	return [
		{
			title:
				flow === 'client-credentials'
					? {
							en: 'Switch to OAuth2 (app-only, client credentials)',
							de: 'Auf OAuth2 umstellen (App-only, Client Credentials)',
						}
					: { en: 'Switch to OAuth2 (device code sign-in)', de: 'Auf OAuth2 umstellen (Anmeldung per Gerätecode)' },
			edits: [file.editor.replaceValue(auth as Node, { method: 'oauth2', user, oauth2 })],
		},
	];
}

export const exoImapBasicAuth = policyRule({
	id: 'exo-imap-basic-auth',
	severity: 'error',
	title: { en: 'Password login to Exchange Online IMAP', de: 'Kennwort-Anmeldung an Exchange-Online-IMAP' },
	walkthrough: 'm365-oauth2-app-only',
	effective: {
		en: '{provider} has refused passwords for IMAP since {date}, app passwords included; no admin can switch Basic auth back on. Use OAuth2 (XOAUTH2).',
		de: '{provider} lehnt Kennwörter für IMAP seit dem {date} ab, App-Kennwörter eingeschlossen; kein Admin kann Basic Auth wieder einschalten. OAuth2 (XOAUTH2) verwenden.',
	},
	fixes: (account, file, provider) => oauth2Skeleton(account, file, provider, 'client-credentials'),
});

export const exoSmtpBasicAuthRetirement = policyRule({
	id: 'exo-smtp-basic-auth-retirement',
	severity: 'warning',
	title: { en: 'Password SMTP AUTH to Exchange Online', de: 'Kennwort-SMTP-AUTH an Exchange Online' },
	walkthrough: 'm365-oauth2-app-only',
	upcoming: {
		en: '{provider} switches password-based SMTP AUTH off by default for existing tenants on {date} ({relative}); app passwords are affected too. Admins can switch it back on for now, but plan the move to OAuth2.',
		de: '{provider} schaltet kennwortbasiertes SMTP AUTH für bestehende Mandanten am {date} standardmäßig ab ({relative}); App-Kennwörter sind ebenso betroffen. Admins können es vorerst wieder einschalten, aber der Umstieg auf OAuth2 sollte geplant werden.',
	},
	effective: {
		en: '{provider} has had password-based SMTP AUTH off by default since {date} ({relative}), app passwords included. It works only where an admin switched it back on, and final removal is still to be announced. Move to OAuth2.',
		de: '{provider} hat kennwortbasiertes SMTP AUTH seit dem {date} ({relative}) standardmäßig abgeschaltet, App-Kennwörter eingeschlossen. Es funktioniert nur, wo ein Admin es wieder eingeschaltet hat, und die endgültige Abschaltung wird noch angekündigt. Auf OAuth2 umstellen.',
	},
	fixes: (account, file, provider) => oauth2Skeleton(account, file, provider, 'client-credentials'),
});

export const outlookConsumerBasicAuth = policyRule({
	id: 'outlook-consumer-basic-auth',
	severity: 'error',
	title: { en: 'Password login to Outlook.com', de: 'Kennwort-Anmeldung an Outlook.com' },
	walkthrough: 'm365-oauth2-delegated',
	effective: {
		en: '{provider} accounts have refused passwords and app passwords for {protocols} since {date}. Only OAuth2 works, with a user sign-in (device code or browser).',
		de: '{provider}-Konten lehnen Kennwörter und App-Kennwörter für {protocols} seit dem {date} ab. Nur OAuth2 funktioniert, mit Benutzeranmeldung (Gerätecode oder Browser).',
	},
	fixes: (account, file, provider) => oauth2Skeleton(account, file, provider, 'device-code'),
});

export const googlePasswordAuth = policyRule({
	id: 'google-password-auth',
	severity: 'error',
	title: { en: 'Google account password used for IMAP/SMTP', de: 'Google-Kontokennwort für IMAP/SMTP' },
	walkthrough: 'gmail-app-password',
	effective: {
		en: '{provider} has refused the normal account password for {protocols} since {date}. Use an app password (needs 2-Step Verification) or OAuth2.',
		de: '{provider} lehnt das normale Kontokennwort für {protocols} seit dem {date} ab. Ein App-Passwort (braucht die Bestätigung in zwei Schritten) oder OAuth2 verwenden.',
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
