/**
 * From an email address to server settings, in the order of issue 14: bundled provider data, the domain's
 * autoconfig file, its MX records, its SRV records, and for Microsoft 365 domains the Entra tenant. Steps 2-4 run
 * side by side, each bounded by `timeoutMs`, and the tenant lookup after them, so a run takes at most about twice
 * `timeoutMs`. The caller's signal cancels everything (discover then rejects with the signal's reason).
 */
import { type Localized, format } from '../i18n';
import { providersForHost } from '../providers/detect';
import type { MailProtocol } from '../providers/types';
import { authAdvice, buildAccount, serviceProvider } from './account';
import { type MailAddress, parseMailAddress } from './address';
import { type AutoconfigPorts, lookupAutoconfig } from './autoconfig';
import { type ProviderData, asDiscovered, providerData } from './bundled';
import { mxHosts, providerFromMx } from './mx';
import { DnsError, type DnsClient, type HttpClient, describeError } from './net';
import { rankServers, suitsAccount } from './rank';
import { SRV_SERVICES, srvTargets } from './srv';
import { DEFAULT_AUTHORITY_HOST, lookupTenant } from './tenant';
import { STEP_TEXTS } from './texts';
import type {
	DiscoveredProvider,
	DiscoveryResult,
	EnableAdvice,
	ServerCandidate,
	SourceKind,
	StepReport,
	TenantInfo,
} from './types';

export const DEFAULT_STEP_TIMEOUT_MS = 5000;

export interface DiscoveryOptions {
	/** Bundled data only: no DNS, no HTTP. */
	offline?: boolean;
	/** Required unless offline. */
	dns?: DnsClient;
	http?: HttpClient;
	/** Bounds each network step (default 5 s). */
	timeoutMs?: number;
	signal?: AbortSignal;
	ports?: AutoconfigPorts;
	/** Replaces https://login.microsoftonline.com for the tenant lookup (tests, proxies). */
	authorityHost?: string;
	/** Account ids already in the target file, so the new one gets a unique id. */
	existingIds?: readonly string[];
}

export class InvalidAddressError extends Error {}

const text = (template: Localized, args: Record<string, string | number> = {}): Localized => ({
	en: format(template.en, args),
	de: format(template.de, args),
});

/** Candidates of a provider-data hit, ranked host by host in table order. */
function dataCandidates(data: ProviderData, source: SourceKind, origin: string): ServerCandidate[] {
	return withHostRanks(
		data.servers.map((s) => ({
			...s,
			source,
			origin,
			verified: true,
			provider: data.provider,
			rank: 0,
		})),
	);
}

/** Same host, same rank: so implicit TLS sorts before STARTTLS on one host, and hosts keep their order. */
function withHostRanks(list: ServerCandidate[]): ServerCandidate[] {
	const hosts: Record<MailProtocol, string[]> = { imap: [], smtp: [] };
	return list.map((c) => {
		const seen = hosts[c.protocol];
		if (!seen.includes(c.host)) seen.push(c.host);
		return { ...c, rank: seen.indexOf(c.host) };
	});
}

/** Language-neutral origin of a data entry: `mailcfg` (our table), `ISPDB` or both, with the entry's id. */
function dataOrigin(data: ProviderData): string {
	const table = data.from === 'known' ? 'mailcfg' : data.from === 'ispdb' ? 'ISPDB' : 'mailcfg + ISPDB';
	return `${table} ${data.provider.id}`;
}

function dataDetail(data: ProviderData, domain: string): Localized {
	const args = { name: data.provider.name, id: data.provider.id, domain };
	const template =
		data.from === 'known' ? STEP_TEXTS.dataKnown : data.from === 'ispdb' ? STEP_TEXTS.dataIspdb : STEP_TEXTS.dataBoth;
	return text(template, args);
}

/** Runs `work` with a signal that aborts on the caller's cancel or after `ms`. */
async function bounded<T>(
	ms: number,
	outer: AbortSignal | undefined,
	work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
	const signal = outer ? AbortSignal.any([outer, AbortSignal.timeout(ms)]) : AbortSignal.timeout(ms);
	// A client that ignores its signal must not hold the step up: the timeout settles the step regardless.
	let stop: (() => void) | undefined;
	const aborted = new Promise<never>((_, reject) => {
		stop = () => reject(signal.reason);
		signal.addEventListener('abort', stop, { once: true });
	});
	aborted.catch(() => undefined);
	try {
		return await Promise.race([work(signal), aborted]);
	} finally {
		if (stop) signal.removeEventListener('abort', stop);
	}
}

function isTimeout(error: unknown): boolean {
	return (
		(error instanceof DOMException && error.name === 'TimeoutError') ||
		(error instanceof DnsError && error.kind === 'timeout')
	);
}

interface StepOutcome {
	report: StepReport;
	candidates: ServerCandidate[];
	/** A Microsoft 365 hint (MX pattern). */
	provider?: DiscoveredProvider;
	/** The step before the first sign-in that this step's source names. */
	enable?: EnableAdvice | undefined;
}

function dataEnable(data: ProviderData, source: SourceKind): EnableAdvice | undefined {
	return data.enable ? { ...data.enable, source } : undefined;
}

async function autoconfigStep(
	http: HttpClient,
	address: MailAddress,
	options: DiscoveryOptions,
	signal: AbortSignal,
): Promise<StepOutcome> {
	const result = await lookupAutoconfig(http, address, options.ports ?? {}, signal);
	if (result.kind === 'none') {
		const attempts = result.attempts.map((a) => `${a.url}: ${a.outcome}`).join('; ');
		return {
			report: { kind: 'autoconfig', status: 'none', detail: text(STEP_TEXTS.autoconfigNone, { attempts }) },
			candidates: [],
		};
	}
	const { file } = result;
	const fileProvider: DiscoveredProvider = { id: file.providerId, name: file.displayName, known: false };
	const candidates = withHostRanks(
		file.servers.map((s) => {
			const known = providersForHost(s.host)[0];
			return {
				protocol: s.protocol,
				host: s.host,
				port: s.port,
				security: s.security,
				source: 'autoconfig' as const,
				origin: result.url,
				verified: result.verified,
				documented:
					known?.endpoints.some((e) => e.host === s.host && e.port === s.port && e.security === s.security) ?? false,
				provider: known ? asDiscovered(known) : fileProvider,
				...(s.username ? { username: s.username } : {}),
				rank: 0,
			};
		}),
	);
	const detail = text(result.verified ? STEP_TEXTS.autoconfigFound : STEP_TEXTS.autoconfigUnverified, {
		url: result.url,
	});
	// A file fetched over plain HTTP could send the user to any page: its step is not passed on.
	const enable: EnableAdvice | undefined =
		result.verified && file.enable
			? { url: file.enable.url, text: file.enable.instruction, source: 'autoconfig', origin: result.url }
			: undefined;
	return { report: { kind: 'autoconfig', status: 'found', detail }, candidates, enable };
}

function dnsFailure(kind: SourceKind, error: unknown, domain: string, timeoutMs: number): StepReport {
	if (error instanceof DnsError && error.kind === 'nxdomain') {
		return { kind, status: 'none', detail: text(STEP_TEXTS.nxdomain, { domain }) };
	}
	if (isTimeout(error)) return { kind, status: 'failed', detail: text(STEP_TEXTS.timeout, { ms: timeoutMs }) };
	return { kind, status: 'failed', detail: text(STEP_TEXTS.dnsFailed, { error: describeError(error) }) };
}

async function mxStep(
	dns: DnsClient,
	address: MailAddress,
	signal: AbortSignal,
	timeoutMs: number,
): Promise<StepOutcome> {
	let hosts: string[];
	try {
		hosts = mxHosts(await dns.mx(address.domain, signal));
	} catch (error) {
		if (error instanceof DnsError && error.kind === 'nodata') hosts = [];
		else if (signal.aborted && !isTimeout(signal.reason)) throw error;
		else return { report: dnsFailure('mx', error, address.domain, timeoutMs), candidates: [] };
	}
	if (hosts.length === 0) {
		return {
			report: { kind: 'mx', status: 'none', detail: text(STEP_TEXTS.mxNone, { domain: address.domain }) },
			candidates: [],
		};
	}
	const finding = providerFromMx(hosts, address.domain);
	if (!finding) {
		const shown = hosts.slice(0, 3).join(', ');
		return {
			report: { kind: 'mx', status: 'none', detail: text(STEP_TEXTS.mxUnknown, { hosts: shown }) },
			candidates: [],
		};
	}
	const args = { exchange: finding.exchange, name: finding.data.provider.name, domain: finding.domain ?? '' };
	const detail = text(finding.by === 'pattern' ? STEP_TEXTS.mxPattern : STEP_TEXTS.mxData, args);
	return {
		report: { kind: 'mx', status: 'found', detail },
		candidates: dataCandidates(finding.data, 'mx', `MX ${finding.exchange} → ${dataOrigin(finding.data)}`),
		provider: finding.data.provider,
		enable: dataEnable(finding.data, 'mx'),
	};
}

async function srvStep(
	dns: DnsClient,
	address: MailAddress,
	signal: AbortSignal,
	timeoutMs: number,
): Promise<StepOutcome> {
	const answers = await Promise.allSettled(
		SRV_SERVICES.map(async (service) =>
			srvTargets(service, await dns.srv(`${service.label}.${address.domain}`, signal)),
		),
	);
	if (signal.aborted && !isTimeout(signal.reason)) throw signal.reason;
	const candidates: ServerCandidate[] = [];
	const records: string[] = [];
	for (const answer of answers) {
		if (answer.status !== 'fulfilled') continue;
		for (const t of answer.value) {
			const name = `${t.service.label}.${address.domain}`;
			records.push(`${name} → ${t.host}:${t.port}`);
			const known = providersForHost(t.host)[0];
			candidates.push({
				protocol: t.service.protocol,
				host: t.host,
				port: t.port,
				security: t.service.security,
				source: 'srv',
				origin: `SRV ${name}`,
				verified: true,
				documented: known?.endpoints.some((e) => e.host === t.host && e.port === t.port) ?? false,
				...(known ? { provider: asDiscovered(known) } : {}),
				rank: t.rank,
			});
		}
	}
	if (candidates.length > 0) {
		return {
			report: { kind: 'srv', status: 'found', detail: text(STEP_TEXTS.srvFound, { records: records.join(', ') }) },
			candidates,
		};
	}
	// Nothing found: a real failure (timeout, SERVFAIL) is worth reporting as such; "no such name" is just none.
	const failure = answers.find(
		(a): a is PromiseRejectedResult =>
			a.status === 'rejected' &&
			!(a.reason instanceof DnsError && (a.reason.kind === 'nxdomain' || a.reason.kind === 'nodata')),
	);
	if (failure) return { report: dnsFailure('srv', failure.reason, address.domain, timeoutMs), candidates: [] };
	return {
		report: { kind: 'srv', status: 'none', detail: text(STEP_TEXTS.srvNone, { domain: address.domain }) },
		candidates: [],
	};
}

async function guarded(
	kind: SourceKind,
	timeoutMs: number,
	outer: AbortSignal | undefined,
	work: (signal: AbortSignal) => Promise<StepOutcome>,
): Promise<StepOutcome> {
	try {
		return await bounded(timeoutMs, outer, work);
	} catch (error) {
		if (outer?.aborted) throw outer.reason;
		if (isTimeout(error))
			return {
				report: { kind, status: 'failed', detail: text(STEP_TEXTS.timeout, { ms: timeoutMs }) },
				candidates: [],
			};
		return {
			report: { kind, status: 'failed', detail: text(STEP_TEXTS.stepFailed, { error: describeError(error) }) },
			candidates: [],
		};
	}
}

const skipped = (kind: SourceKind, detail: Localized): StepOutcome => ({
	report: { kind, status: 'skipped', detail },
	candidates: [],
});

function isMicrosoft365(provider: DiscoveredProvider | undefined): boolean {
	return provider?.known === true && provider.id === 'microsoft365';
}

export async function discover(email: string, options: DiscoveryOptions = {}): Promise<DiscoveryResult> {
	const address = parseMailAddress(email);
	if (!address) throw new InvalidAddressError(email);
	const { domain } = address;
	const timeoutMs = options.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
	const outer = options.signal;
	outer?.throwIfAborted();

	const data = providerData(domain);
	const dataStep: StepOutcome = data
		? {
				report: { kind: 'data', status: 'found', detail: dataDetail(data, domain) },
				candidates: dataCandidates(data, 'data', dataOrigin(data)),
				enable: dataEnable(data, 'data'),
			}
		: { report: { kind: 'data', status: 'none', detail: text(STEP_TEXTS.dataNone, { domain }) }, candidates: [] };

	const network = !options.offline && options.dns !== undefined && options.http !== undefined;
	const { dns, http } = options;
	const skipReason = !network ? STEP_TEXTS.offline : data ? text(STEP_TEXTS.dataKnows, { domain }) : undefined;
	const [autoconfigStepResult, mxStepResult, srvStepResult] =
		skipReason || !dns || !http
			? (['autoconfig', 'mx', 'srv'] as const).map((k) => skipped(k, skipReason ?? STEP_TEXTS.offline))
			: await Promise.all([
					guarded('autoconfig', timeoutMs, outer, (s) => autoconfigStep(http, address, options, s)),
					guarded('mx', timeoutMs, outer, (s) => mxStep(dns, address, s, timeoutMs)),
					guarded('srv', timeoutMs, outer, (s) => srvStep(dns, address, s, timeoutMs)),
				]);
	const steps = [dataStep, autoconfigStepResult, mxStepResult, srvStepResult] as StepOutcome[];
	const ranked = rankServers(steps.flatMap((s) => s.candidates));
	const imap = ranked.filter((c) => c.protocol === 'imap');
	const smtp = ranked.filter((c) => c.protocol === 'smtp');
	const best = imap[0] ?? smtp[0];
	const provider = best?.provider ?? null;
	// The advice of the source the best server came from: another source's provider may be a different one.
	const enable = steps.find((s) => s.report.kind === best?.source)?.enable ?? null;

	const m365 =
		isMicrosoft365(data?.provider) ||
		isMicrosoft365(mxStepResult?.provider) ||
		ranked.some((c) => c.verified && isMicrosoft365(c.provider));
	let tenant: TenantInfo | null = null;
	let tenantStep: StepOutcome;
	if (!m365) tenantStep = skipped('tenant', STEP_TEXTS.tenantNotM365);
	else if (!network || !http) tenantStep = skipped('tenant', STEP_TEXTS.offline);
	else {
		const authority = options.authorityHost ?? DEFAULT_AUTHORITY_HOST;
		tenantStep = await guarded('tenant', timeoutMs, outer, async (signal) => {
			const found = await lookupTenant(http, authority, domain, signal);
			if (found.kind === 'found') {
				tenant = { id: found.id, domain };
				return {
					report: {
						kind: 'tenant',
						status: 'found',
						detail: text(STEP_TEXTS.tenantFound, { id: found.id, url: found.url }),
					},
					candidates: [],
				};
			}
			if (found.kind === 'no-tenant') {
				return {
					report: {
						kind: 'tenant',
						status: 'none',
						detail: text(STEP_TEXTS.tenantNone, { domain, message: found.message }),
					},
					candidates: [],
				};
			}
			return {
				report: {
					kind: 'tenant',
					status: 'failed',
					detail: text(STEP_TEXTS.tenantFailed, { error: found.message, url: found.url }),
				},
				candidates: [],
			};
		});
	}
	const resolvedTenant = tenant as TenantInfo | null;
	// The account takes the best server it can use without errors (an unverified one only when nothing else is).
	const chosenImap = imap.find(suitsAccount);
	const chosenSmtp = smtp.find(suitsAccount);
	const runner = serviceProvider([chosenImap, chosenSmtp], provider);
	const advice = chosenImap || chosenSmtp ? authAdvice(runner) : null;
	const account = advice
		? buildAccount({
				address,
				provider: runner,
				imap: chosenImap,
				smtp: chosenSmtp,
				tenant: resolvedTenant?.id ?? domain,
				advice,
				...(options.existingIds ? { existingIds: options.existingIds } : {}),
			})
		: null;
	return {
		email: address.email,
		domain,
		provider,
		steps: [...steps, tenantStep].map((s) => s.report),
		imap,
		smtp,
		tenant: resolvedTenant,
		auth: advice,
		enable,
		account,
	};
}
