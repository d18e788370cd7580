import type { AuthMethod, ProviderId } from '../core/config/model';
import { explainCheck } from '../core/explain/match';
import { type Lang, tr } from '../core/i18n';
import type { ProbeCheck } from '../core/probes/result';
import type { ExplanationView } from './probe-report-model';
import { CA_TEXTS } from './trusted-cas';

interface AccountInfo {
	provider?: ProviderId;
	auth?: AuthMethod;
}

/**
 * Explains failed checks for the report view, the diagnostics and the copied report. It remembers each tested
 * account's provider and auth method, which tell e.g. a `535 5.7.3` with a password apart from one with a token.
 */
export class ProbeExplainer {
	private readonly info = new Map<string, AccountInfo>();

	constructor(private readonly lang: () => Lang) {}

	remember(uri: string, accountId: string, account: unknown): void {
		const value = account as { provider?: unknown; auth?: { method?: unknown } } | undefined;
		this.info.set(`${uri}|${accountId}`, {
			...(typeof value?.provider === 'string' ? { provider: value.provider as ProviderId } : {}),
			...(typeof value?.auth?.method === 'string' ? { auth: value.auth.method as AuthMethod } : {}),
		});
	}

	/** The best match from the catalog, in the current language; undefined for a passed check or no match. */
	explain(check: ProbeCheck, uri: string, accountId: string): ExplanationView | undefined {
		const info = this.info.get(`${uri}|${accountId}`) ?? {};
		const lang = this.lang();
		const best = explainCheck(check, { lang, ...info })[0];
		// Only the extension has the setting: put it first, where the diagnostic and the toast show it.
		if (best && check.error?.code === 'TLS_CERT_INVALID')
			return { ...best, fix: [tr(CA_TEXTS.fixStep, lang), ...best.fix] };
		return best;
	}
}
