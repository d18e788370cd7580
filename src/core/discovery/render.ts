/**
 * The two public shapes of a discovery result: the JSON contract of `mailcfg discover --format json` (issue 14) and
 * the text report (CLI and the editor's output), which says where each value came from and what each step did.
 */
import type { Account } from '../config/model';
import { type Lang, type Localized, tr } from '../i18n';
import type { DiscoveryResult, EnableAdvice, ServerCandidate, SourceKind, StepStatus } from './types';

export interface DiscoveryJson {
	email: string;
	provider: { id: string; name: string } | null;
	sources: { kind: SourceKind; detail: string }[];
	imap: { host: string; port: number; security: string }[];
	smtp: { host: string; port: number; security: string }[];
	tenant: { id: string; domain: string } | null;
	account: Account | null;
}

export function toDiscoveryJson(result: DiscoveryResult, lang: Lang): DiscoveryJson {
	const server = ({ host, port, security }: ServerCandidate) => ({ host, port, security });
	return {
		email: result.email,
		provider: result.provider ? { id: result.provider.id, name: result.provider.name } : null,
		sources: result.steps
			.filter((s) => s.status === 'found')
			.map((s) => ({ kind: s.kind, detail: tr(s.detail, lang) })),
		imap: result.imap.map(server),
		smtp: result.smtp.map(server),
		tenant: result.tenant ? { id: result.tenant.id, domain: result.tenant.domain } : null,
		account: result.account,
	};
}

/** Settings were found: at least one server (the CLI's exit 0). */
export function foundAnything(result: DiscoveryResult): boolean {
	return result.imap.length + result.smtp.length > 0;
}

export const RENDER_TEXTS = {
	heading: { en: 'Mail settings for {email}', de: 'Mail-Einstellungen für {email}' },
	nothing: {
		en: 'No mail settings found for {email}. Tried:',
		de: 'Keine Mail-Einstellungen für {email} gefunden. Versucht:',
	},
	provider: { en: 'Provider', de: 'Anbieter' },
	imap: { en: 'IMAP, best first', de: 'IMAP, bester zuerst' },
	smtp: { en: 'SMTP, best first', de: 'SMTP, bester zuerst' },
	tenant: { en: 'Microsoft Entra tenant', de: 'Microsoft-Entra-Mandant' },
	signIn: { en: 'Sign-in', de: 'Anmeldung' },
	enable: { en: 'Before the first sign-in ({origin})', de: 'Vor der ersten Anmeldung ({origin})' },
	unverified: { en: 'unverified', de: 'nicht überprüft' },
	steps: { en: 'Steps', de: 'Schritte' },
	account: {
		en: 'Account (add it to the "accounts" array of a *.mailaccounts.json file; store the secret it names):',
		de: 'Konto (in das Array "accounts" einer *.mailaccounts.json-Datei einfügen; das genannte Geheimnis hinterlegen):',
	},
	noAccount: {
		en: 'No account suggested: only unencrypted servers were found.',
		de: 'Kein Konto vorgeschlagen: nur unverschlüsselte Server gefunden.',
	},
} satisfies Record<string, Localized>;

/** Names of the steps as the reports print them. */
export const STEP_NAMES: Readonly<Record<SourceKind, Localized>> = {
	data: { en: 'provider data', de: 'Anbieterdaten' },
	autoconfig: { en: 'autoconfig', de: 'Autoconfig' },
	mx: { en: 'MX records', de: 'MX-Einträge' },
	srv: { en: 'SRV records', de: 'SRV-Einträge' },
	tenant: { en: 'tenant', de: 'Mandant' },
};

const MARK: Readonly<Record<StepStatus, string>> = { found: '+', none: '-', failed: '!', skipped: ' ' };

function serverLine(s: ServerCandidate, lang: Lang): string {
	const flag = s.verified ? '' : ` (${tr(RENDER_TEXTS.unverified, lang)})`;
	return `  ${`${s.host}:${s.port} ${s.security}`.padEnd(44)} ${tr(STEP_NAMES[s.source], lang)}: ${s.origin}${flag}`;
}

/** The advice in `lang`; a provider's own instruction may exist in the other language only. */
export function enableText(enable: EnableAdvice, lang: Lang): string {
	return enable.text[lang] ?? enable.text.en ?? enable.text.de ?? '';
}

export function renderDiscoveryText(result: DiscoveryResult, lang: Lang): string {
	const width = Math.max(...Object.values(STEP_NAMES).map((n) => tr(n, lang).length));
	const steps = result.steps.map(
		(s) => `  ${MARK[s.status]} ${tr(STEP_NAMES[s.kind], lang).padEnd(width)}  ${tr(s.detail, lang)}`,
	);
	if (!foundAnything(result)) {
		return `${[tr(RENDER_TEXTS.nothing, lang, { email: result.email }), ...steps].join('\n')}\n`;
	}
	const lines = [tr(RENDER_TEXTS.heading, lang, { email: result.email }), ''];
	if (result.provider)
		lines.push(`${tr(RENDER_TEXTS.provider, lang)}: ${result.provider.name} (${result.provider.id})`);
	if (result.imap.length) lines.push(`${tr(RENDER_TEXTS.imap, lang)}:`, ...result.imap.map((s) => serverLine(s, lang)));
	if (result.smtp.length) lines.push(`${tr(RENDER_TEXTS.smtp, lang)}:`, ...result.smtp.map((s) => serverLine(s, lang)));
	if (result.tenant) lines.push(`${tr(RENDER_TEXTS.tenant, lang)}: ${result.tenant.id} (${result.tenant.domain})`);
	if (result.auth) {
		const method = [result.auth.method, result.auth.flow].filter(Boolean).join(', ');
		lines.push(`${tr(RENDER_TEXTS.signIn, lang)}: ${method}. ${tr(result.auth.reason, lang)}`);
	}
	if (result.enable) {
		const label = tr(RENDER_TEXTS.enable, lang, { origin: result.enable.origin });
		lines.push(`${label}: ${enableText(result.enable, lang)} ${result.enable.url}`);
	}
	lines.push('', `${tr(RENDER_TEXTS.steps, lang)}:`, ...steps, '');
	if (result.account) lines.push(tr(RENDER_TEXTS.account, lang), JSON.stringify(result.account, null, '\t'));
	else lines.push(tr(RENDER_TEXTS.noAccount, lang));
	return `${lines.join('\n')}\n`;
}
