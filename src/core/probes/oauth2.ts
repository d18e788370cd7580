/**
 * The OAuth2 probe: authority → token → claims. It obtains an access token with msal-node the way the mail
 * adapter would, explains why it could not, and checks the token fits IMAP/SMTP before the engine hands it to
 * those probes (XOAUTH2). The token itself never appears in the check, the transcript or any log line.
 */
import type { INetworkModule } from '@azure/msal-node';
import type { Account } from '../config/model';
import { tr, type Lang } from '../i18n';
import type { Credentials, ProbeContext } from './context';
import type { ProbeCheck, ProbeError, StageName, StageResult } from './result';
import { checkClaims } from './oauth2-claims';
import { mapMsalError, networkFailure, scrub, serverMessage } from './oauth2-errors';
import { acquireToken, OAuth2ConfigProblem, raceAbort } from './oauth2-msal';
import { asNetworkModule, createHttpsNetworkClient, recordServerErrors, type ServerErrorBody } from './oauth2-network';
import { isGuid, planOAuth2, type OAuth2Plan } from './oauth2-plan';
import { effectiveTimeouts } from './target';
import { OAUTH2_TEXTS } from './oauth2-texts';

export interface OAuth2ProbeResult {
	check: ProbeCheck;
	/** Set whenever a token was obtained, even if the claims stage found a problem: the mail server has the last word. */
	accessToken?: string;
}

class StageTimeout extends Error {}

interface TimedOutcome<T> {
	value?: T;
	error?: unknown;
	ms: number;
}

export async function probeOAuth2(
	account: Account,
	credentials: Credentials,
	ctx: ProbeContext,
): Promise<OAuth2ProbeResult> {
	const { lang } = ctx;
	const stages: StageResult[] = [];
	const transcript: string[] = [];
	const secrets = [credentials.clientSecret, credentials.privateKey, credentials.password];
	const note = (line: string) => transcript.push(scrub(line, secrets));
	const stageMs = effectiveTimeouts(account, ctx).stageMs;
	const failed = (name: StageName, ms: number, error: ProbeError): OAuth2ProbeResult => {
		stages.push({ name, ok: false, ms });
		note(`* ${name} failed: ${error.code}`);
		return { check: { protocol: 'oauth2', ok: false, failedStage: name, error, stages, transcript } };
	};

	const planned = planOAuth2(account);
	if ('refusal' in planned) {
		return failed('authority', 0, { code: 'CONFIG', message: tr(planned.refusal, lang, planned.args) });
	}
	const { plan } = planned;
	const injected = asNetworkModule(ctx.oauth2?.networkClient);
	note(`* ${plan.flow} at ${plan.authority} for client ${plan.clientId}`);

	// authority: is the sign-in service reachable, and does it know the tenant?
	const authority = await runStage(stageMs, ctx.signal, (signal) =>
		discover(
			plan,
			injected ?? createHttpsNetworkClient({ extraCa: ctx.extraCa, signal, timeoutMs: stageMs }),
			signal,
			note,
			lang,
		),
	);
	if (authority.error !== undefined || !authority.value) {
		return failed('authority', authority.ms, stageError(authority.error, 'authority', stageMs, ctx, secrets));
	}
	const discovery = authority.value;
	if (discovery.problem) {
		const problem = discovery.problem.serverResponse
			? { ...discovery.problem, serverResponse: scrub(discovery.problem.serverResponse, secrets) }
			: discovery.problem;
		return failed('authority', authority.ms, problem);
	}
	stages.push({
		name: 'authority',
		ok: true,
		ms: authority.ms,
		detail: tr(OAUTH2_TEXTS.authorityOk, lang, { issuer: discovery.issuer }),
		facts: {
			issuer: discovery.issuer,
			tokenEndpoint: discovery.tokenEndpoint,
			...(discovery.tenantId ? { tenantId: discovery.tenantId } : {}),
		},
	});

	// token: the flow the adapter uses, through msal.
	let recorder: ReturnType<typeof recordServerErrors> | undefined;
	const token = await runStage(stageMs, ctx.signal, (signal) => {
		// msal's default fetch client is kept unless extra CAs are needed, or for device code, where only our own
		// client lets the recorder below keep the AADSTS text msal drops from polling errors.
		const base: INetworkModule | undefined =
			injected ??
			(ctx.extraCa?.length || plan.flow === 'device-code'
				? createHttpsNetworkClient({ extraCa: ctx.extraCa, signal, timeoutMs: stageMs })
				: undefined);
		recorder = base ? recordServerErrors(base) : undefined;
		const networkClient = recorder?.client;
		return acquireToken({
			plan,
			credentials,
			...(account.auth.oauth2?.certificate ? { thumbprint: account.auth.oauth2.certificate.thumbprint } : {}),
			...(networkClient ? { networkClient } : {}),
			signal,
			timeoutMs: stageMs,
			lang,
			...(ctx.logger ? { logger: ctx.logger } : {}),
			...(ctx.oauth2 ? { hooks: ctx.oauth2 } : {}),
			note,
		});
	});
	if (token.error !== undefined || !token.value) {
		const error = stageError(withServerBody(token.error, recorder?.last()), 'token', stageMs, ctx, secrets);
		if (error.serverResponse) note(`S: ${error.serverResponse}`);
		return failed('token', token.ms, error);
	}
	const acquired = token.value;
	const expires = acquired.expiresOn?.toISOString() ?? '-';
	note(`S: access token received (${acquired.fromCache ? 'from cache' : 'new'}, expires ${expires})`);
	stages.push({
		name: 'token',
		ok: true,
		ms: token.ms,
		detail: tr(OAUTH2_TEXTS.tokenOk, lang, {
			source: tr(acquired.fromCache ? OAUTH2_TEXTS.sourceCache : OAUTH2_TEXTS.sourceNetwork, lang),
			who: acquired.account ?? (plan.appOnly ? tr(OAUTH2_TEXTS.theApp, lang) : plan.user),
			expires,
		}),
		facts: { flow: plan.flow, scopes: plan.scopes, fromCache: acquired.fromCache },
	});

	// claims: does the token carry what IMAP/SMTP need? Local decoding only, so it takes no time budget.
	const started = Date.now();
	const verdict = checkClaims(
		acquired.accessToken,
		{ plan, ...(discovery.tenantId ? { resolvedTenantId: discovery.tenantId } : {}) },
		ctx.clock(),
		lang,
	);
	const claimsStage: StageResult = {
		name: 'claims',
		ok: verdict.ok,
		ms: Date.now() - started,
		detail: verdict.detail,
		facts: verdict.facts,
	};
	stages.push(claimsStage);
	if (!verdict.ok) {
		note('* claims failed: OAUTH_CLAIMS');
		return {
			check: {
				protocol: 'oauth2',
				ok: false,
				failedStage: 'claims',
				error: { code: 'OAUTH_CLAIMS', message: verdict.message ?? tr(OAUTH2_TEXTS.claimsFailed, lang) },
				stages,
				transcript,
			},
			accessToken: acquired.accessToken,
		};
	}
	return { check: { protocol: 'oauth2', ok: true, stages, transcript }, accessToken: acquired.accessToken };
}

interface Discovery {
	issuer: string;
	tokenEndpoint: string;
	/** The tenant GUID the issuer names, which resolves a configured domain name. */
	tenantId?: string;
	problem?: ProbeError;
}

/** Fetches the tenant's OpenID configuration the way msal would for this authority. */
async function discover(
	plan: OAuth2Plan,
	net: INetworkModule,
	signal: AbortSignal,
	note: (line: string) => void,
	lang: Lang,
): Promise<Discovery> {
	const url = `${plan.authority}/v2.0/.well-known/openid-configuration`;
	note(`C: GET ${url}`);
	const response = await raceAbort(net.sendGetRequestAsync<Record<string, unknown>>(url), signal);
	const body = response.body ?? {};
	const issuer = typeof body.issuer === 'string' ? body.issuer : '';
	const tokenEndpoint = typeof body.token_endpoint === 'string' ? body.token_endpoint : '';
	if (response.status === 200 && tokenEndpoint) {
		note(`S: HTTP 200, issuer ${issuer}`);
		const tenantId = new URL(issuer || tokenEndpoint).pathname.split('/').find(isGuid);
		return { issuer, tokenEndpoint, ...(tenantId ? { tenantId } : {}) };
	}
	const error = typeof body.error === 'string' ? body.error : '';
	const description = typeof body.error_description === 'string' ? body.error_description : '';
	const serverResponse = error || description ? `${error}: ${description}`.trim() : undefined;
	note(`S: HTTP ${response.status}${serverResponse ? ` ${serverResponse}` : ''}`);
	const aadsts = [...new Set(description.match(/AADSTS\d+/g) ?? [])];
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

async function runStage<T>(
	timeoutMs: number,
	cancel: AbortSignal | undefined,
	body: (signal: AbortSignal) => Promise<T>,
): Promise<TimedOutcome<T>> {
	const started = Date.now();
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(new StageTimeout()), timeoutMs);
	const onCancel = () => controller.abort(cancel?.reason);
	if (cancel?.aborted) onCancel();
	else cancel?.addEventListener('abort', onCancel, { once: true });
	try {
		return { value: await raceAbort(body(controller.signal), controller.signal), ms: Date.now() - started };
	} catch (error) {
		return { error, ms: Date.now() - started };
	} finally {
		clearTimeout(timer);
		cancel?.removeEventListener('abort', onCancel);
	}
}

function stageError(
	error: unknown,
	stage: StageName,
	timeoutMs: number,
	ctx: ProbeContext,
	secrets: readonly (string | undefined)[],
): ProbeError {
	const { lang } = ctx;
	if (ctx.signal?.aborted) return { code: 'CANCELLED', message: tr(OAUTH2_TEXTS.cancelled, lang) };
	if (error instanceof StageTimeout) {
		return {
			code: 'TIMEOUT',
			message: tr(OAUTH2_TEXTS.timedOut, lang, { stage, seconds: Math.round(timeoutMs / 1000) }),
		};
	}
	if (error instanceof OAuth2ConfigProblem) return { code: 'CONFIG', message: tr(error.text, lang) };
	if (stage === 'authority') {
		const network = networkFailure(error);
		if (network) return { code: network.code, message: tr(OAUTH2_TEXTS.unreachable, lang, { cause: network.cause }) };
	}
	return mapMsalError(error, lang, secrets);
}
