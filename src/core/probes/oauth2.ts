/**
 * The OAuth2 probe: authority → token → claims. It obtains an access token with msal-node the way the mail
 * adapter would, explains why it could not, and checks the token fits IMAP/SMTP before the engine hands it to
 * those probes (XOAUTH2). The token itself never appears in the check, the transcript or any log line.
 */
import type { INetworkModule } from '@azure/msal-node';
import type { Account } from '../config/model';
import { tr, type Lang } from '../i18n';
import { ProbeFailure } from './classify';
import type { Credentials, ProbeContext } from './context';
import type { ProbeHooks } from './mail-session';
import type { ProbeCheck, ProbeError, StageName } from './result';
import { checkClaims, tokenExpiry } from './oauth2-claims';
import { aadstsCodes, mapMsalError, networkFailure, quoteOAuthError, scrub, serverMessage } from './oauth2-errors';
import { acquireToken, OAuth2ConfigProblem, raceAbort, type TranscriptSink } from './oauth2-msal';
import {
	asNetworkModule,
	createHttpsNetworkClient,
	recordServerErrors,
	restrictOrigins,
	type RefusedRequest,
	type ServerErrorBody,
} from './oauth2-network';
import { isGuid, planOAuth2, type OAuth2Plan } from './oauth2-plan';
import { Redactor } from './redact';
import { ProbeRun, type StageOutcome } from './stage-runner';
import { effectiveTimeouts } from './target';
import { OAUTH2_TEXTS } from './oauth2-texts';
import type { TrustViolation } from '../trust/account';
import { STRICT_POLICY, authorityAllowed, foreignEndpoints, httpsOrigin, sameAuthority } from '../trust/policy';
import { violationMessage } from '../trust/texts';

export interface OAuth2ProbeResult {
	check: ProbeCheck;
	/** Set whenever a token was obtained, even if the claims stage found a problem: the mail server has the last word. */
	accessToken?: string;
}

export async function probeOAuth2(
	account: Account,
	credentials: Credentials,
	ctx: ProbeContext,
	hooks: ProbeHooks = {},
): Promise<OAuth2ProbeResult> {
	const { lang } = ctx;
	const secrets = [credentials.clientSecret, credentials.privateKey, credentials.password];
	const run = new ProbeRun('oauth2', ctx, {
		redactor: hooks.redactor ?? new Redactor(secrets),
		onProgress: hooks.onProgress,
		accountId: account.id,
		failures: {
			timeout: (stage, ms) =>
				ProbeFailure.of({
					code: 'TIMEOUT',
					message: tr(OAUTH2_TEXTS.timedOut, lang, { stage, seconds: Math.round(ms / 1000) }),
				}),
			cancelled: () => ProbeFailure.of({ code: 'CANCELLED', message: tr(OAUTH2_TEXTS.cancelled, lang) }),
		},
	});
	const { transcript } = run;
	const timeouts = effectiveTimeouts(account, ctx);
	const injected = asNetworkModule(ctx.oauth2?.networkClient);
	const trust = ctx.trust ?? { policy: STRICT_POLICY, frontEnd: 'cli' };
	const refuse = (violation: TrustViolation) =>
		ProbeFailure.of({ code: 'CONFIG', message: violationMessage(violation, lang, trust.frontEnd) });
	let accessToken: string | undefined;
	try {
		// authority: is the sign-in service reachable, and does it know the tenant?
		const { plan, discovery } = await stage(run, 'authority', timeouts.stageMs, async (signal) => {
			const planned = planOAuth2(account);
			if ('refusal' in planned) {
				throw ProbeFailure.of({ code: 'CONFIG', message: tr(planned.refusal, lang, planned.args) });
			}
			const { plan } = planned;
			// Before any request: only Microsoft's login hosts and origins the user allowed hear from us.
			const origin = httpsOrigin(plan.authority) ?? 'null';
			if (!authorityAllowed(origin, trust.policy)) throw refuse({ kind: 'authority', origin });
			transcript.note(`${plan.flow} at ${plan.authority} for client ${plan.clientId}`);
			const net = guarded(
				injected ?? createHttpsNetworkClient({ extraCa: ctx.extraCa, signal, timeoutMs: timeouts.stageMs }),
				origin,
			);
			const found = await discover(plan, net.client, signal, transcript, lang).catch((error: unknown) => {
				throw refusedFailure(net.refused(), origin, refuse) ?? failureOf(error, 'authority', lang, secrets);
			});
			const foreign = foundForeign(found, origin);
			if (foreign) throw refuse({ kind: 'endpoint', origin, name: foreign.name, url: foreign.url });
			if (found.problem) {
				const { serverResponse } = found.problem;
				throw ProbeFailure.of(
					serverResponse ? { ...found.problem, serverResponse: scrub(serverResponse, secrets) } : found.problem,
				);
			}
			return {
				value: { plan, discovery: found },
				detail: tr(OAUTH2_TEXTS.authorityOk, lang, { issuer: found.issuer }),
				facts: {
					issuer: found.issuer,
					tokenEndpoint: found.tokenEndpoint,
					...(found.tenantId ? { tenantId: found.tenantId } : {}),
				},
			};
		});

		// token: the flow the adapter uses, through msal. A flow that waits for a person gets the sign-in budget.
		const tokenMs = plan.flow === 'client-credentials' ? timeouts.stageMs : timeouts.signInMs;
		const acquired = await stage(run, 'token', tokenMs, async (signal) => {
			// Always our own client: msal's default fetch client cannot be aborted (its POSTs have no timeout), so a token
			// endpoint that never answers would keep a socket open after a timeout or cancel. Ours also takes extra CAs,
			// and lets the recorder below keep the AADSTS text msal drops from device-code polling errors.
			const origin = httpsOrigin(plan.authority) ?? 'null';
			const base = guarded(
				injected ?? createHttpsNetworkClient({ extraCa: ctx.extraCa, signal, timeoutMs: timeouts.stageMs }),
				origin,
			);
			const recorder = recordServerErrors(base.client);
			const token = await acquireToken({
				plan,
				credentials,
				...(account.auth.oauth2?.certificate ? { thumbprint: account.auth.oauth2.certificate.thumbprint } : {}),
				networkClient: recorder.client,
				signal,
				timeoutMs: tokenMs,
				lang,
				...(ctx.logger ? { logger: ctx.logger } : {}),
				...(ctx.oauth2 ? { hooks: ctx.oauth2 } : {}),
				transcript,
			}).catch((error: unknown) => {
				const refused = refusedFailure(base.refused(), origin, refuse);
				if (refused) throw refused;
				const failure = failureOf(withServerBody(error, recorder.last()), 'token', lang, secrets);
				if (failure.serverResponse) transcript.server(failure.serverResponse);
				throw failure;
			});
			run.redactor.add(token.accessToken);
			const expires = tokenExpiry(token.accessToken, token.expiresOn);
			transcript.server(`access token received (${token.fromCache ? 'from cache' : 'new'}, expires ${expires})`);
			return {
				value: token,
				detail: tr(OAUTH2_TEXTS.tokenOk, lang, {
					source: tr(token.fromCache ? OAUTH2_TEXTS.sourceCache : OAUTH2_TEXTS.sourceNetwork, lang),
					who: token.account ?? (plan.appOnly ? tr(OAUTH2_TEXTS.theApp, lang) : plan.user),
					expires,
				}),
				facts: { flow: plan.flow, scopes: plan.scopes, fromCache: token.fromCache },
			};
		});
		accessToken = acquired.accessToken;

		// claims: does the token carry what IMAP/SMTP need? Local decoding only.
		await stage(run, 'claims', timeouts.stageMs, () => {
			const verdict = checkClaims(
				acquired.accessToken,
				{ plan, ...(discovery.tenantId ? { resolvedTenantId: discovery.tenantId } : {}) },
				ctx.clock(),
				lang,
			);
			if (!verdict.ok) {
				throw new ProbeFailure('OAUTH_CLAIMS', {
					worded: verdict.message ?? tr(OAUTH2_TEXTS.claimsFailed, lang),
					detail: verdict.detail,
					facts: verdict.facts,
				});
			}
			return Promise.resolve({ value: undefined, detail: verdict.detail, facts: verdict.facts });
		});
	} catch (error) {
		run.fail(error);
	}
	const check = run.result();
	return accessToken === undefined ? { check } : { check, accessToken };
}

/** One stage of the check; a failure also leaves a line in the transcript, next to the server's reply. */
async function stage<T>(
	run: ProbeRun,
	name: StageName,
	timeoutMs: number,
	body: (signal: AbortSignal) => Promise<StageOutcome<T>>,
): Promise<T> {
	try {
		return await run.stage(name, timeoutMs, body);
	} catch (error) {
		if (error instanceof ProbeFailure) run.transcript.note(`${name} failed: ${error.code}`);
		throw error;
	}
}

/** The network client of one authority: requests elsewhere are refused before they are sent. */
function guarded(inner: INetworkModule, authorityOrigin: string) {
	return restrictOrigins(inner, (origin) => sameAuthority(authorityOrigin, origin));
}

/** The CONFIG failure for a request the origin guard stopped, if it stopped one. */
function refusedFailure(
	refused: RefusedRequest | undefined,
	origin: string,
	refuse: (violation: TrustViolation) => ProbeFailure,
): ProbeFailure | undefined {
	return refused ? refuse({ kind: 'endpoint', origin, name: 'request', url: refused.url }) : undefined;
}

function foundForeign(found: Discovery, origin: string): { name: string; url: string } | undefined {
	return found.metadata ? foreignEndpoints(origin, found.metadata)[0] : undefined;
}

interface Discovery {
	issuer: string;
	tokenEndpoint: string;
	/** The OpenID configuration as served, for the endpoint-origin check. */
	metadata?: Readonly<Record<string, unknown>>;
	/** The tenant GUID the issuer names, which resolves a configured domain name. */
	tenantId?: string;
	problem?: ProbeError;
}

/** Fetches the tenant's OpenID configuration the way msal would for this authority. */
async function discover(
	plan: OAuth2Plan,
	net: INetworkModule,
	signal: AbortSignal,
	transcript: TranscriptSink,
	lang: Lang,
): Promise<Discovery> {
	const url = `${plan.authority}/v2.0/.well-known/openid-configuration`;
	transcript.client(`GET ${url}`);
	const response = await raceAbort(net.sendGetRequestAsync<Record<string, unknown>>(url), signal);
	const body = response.body ?? {};
	const issuer = typeof body.issuer === 'string' ? body.issuer : '';
	const tokenEndpoint = typeof body.token_endpoint === 'string' ? body.token_endpoint : '';
	if (response.status === 200 && tokenEndpoint) {
		transcript.server(`HTTP 200, issuer ${issuer}`);
		const tenantId = new URL(issuer || tokenEndpoint).pathname.split('/').find(isGuid);
		return { issuer, tokenEndpoint, metadata: body, ...(tenantId ? { tenantId } : {}) };
	}
	const error = typeof body.error === 'string' ? body.error : '';
	const description = typeof body.error_description === 'string' ? body.error_description : '';
	const serverResponse = quoteOAuthError(error, description) || undefined;
	transcript.server(`HTTP ${response.status}${serverResponse ? ` ${serverResponse}` : ''}`);
	const aadsts = aadstsCodes(description);
	let message: string;
	if (aadsts.includes('AADSTS90002')) message = tr(OAUTH2_TEXTS.authorityUnknownTenant, lang, { tenant: plan.tenant });
	else if (response.status === 200) message = tr(OAUTH2_TEXTS.authorityBadDocument, lang);
	else if (error) message = serverMessage(error, undefined, aadsts, lang);
	else message = tr(OAUTH2_TEXTS.authorityHttp, lang, { status: response.status });
	return {
		issuer,
		tokenEndpoint,
		problem: { code: 'OAUTH_TOKEN', message, ...(serverResponse ? { serverResponse } : {}) },
	};
}

/** Puts the error body msal dropped back onto a `post_request_failed` error, shaped like msal's ServerError. */
function withServerBody(error: unknown, body: ServerErrorBody | undefined): unknown {
	const code = (error as { errorCode?: unknown } | undefined)?.errorCode;
	if (code !== 'post_request_failed' || !body) return error;
	return { name: 'ServerError', errorCode: body.error, errorMessage: body.description, status: body.status };
}

/** The OAuth2 wording of what went wrong inside a stage; the stage runner words timeouts and cancellation. */
function failureOf(
	error: unknown,
	stage: StageName,
	lang: Lang,
	secrets: readonly (string | undefined)[],
): ProbeFailure {
	if (error instanceof ProbeFailure) return error;
	if (error instanceof OAuth2ConfigProblem) return ProbeFailure.of({ code: 'CONFIG', message: tr(error.text, lang) });
	if (stage === 'authority') {
		const network = networkFailure(error);
		if (network) {
			return ProbeFailure.of({
				code: network.code,
				message: tr(OAUTH2_TEXTS.unreachable, lang, { cause: network.cause }),
			});
		}
	}
	return ProbeFailure.of(mapMsalError(error, lang, secrets));
}
