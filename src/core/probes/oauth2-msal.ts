/**
 * msal-node wiring for the token stage: one function per flow, all cancellable. msal calls cannot take an
 * AbortSignal, so each call is raced against the signal; device-code polling is also stopped through msal's own
 * `cancel` flag and the browser flow's loopback listener closes on abort.
 */
import { randomUUID } from 'node:crypto';
import {
	ConfidentialClientApplication,
	CryptoProvider,
	LogLevel,
	PublicClientApplication,
	type AuthenticationResult,
	type Configuration,
	type DeviceCodeRequest,
	type ICachePlugin,
	type INetworkModule,
} from '@azure/msal-node';
import { tr, type Lang, type Localized } from '../i18n';
import type { Logger } from '../logger';
import type { Credentials, ProbeContext } from './context';
import { listenForRedirect } from './oauth2-loopback';
import type { OAuth2Plan } from './oauth2-plan';
import { OAUTH2_TEXTS } from './oauth2-texts';
import { scrub } from './oauth2-errors';
import type { Transcript } from './transcript';

/** A configuration gap found before any request; the probe reports it as CONFIG. */
export class OAuth2ConfigProblem extends Error {
	constructor(readonly text: Localized) {
		super(text.en);
	}
}

export interface AcquireOptions {
	plan: OAuth2Plan;
	credentials: Credentials;
	/** Thumbprint of the certificate credential (from the config; the private key comes with the credentials). */
	thumbprint?: string;
	networkClient?: INetworkModule;
	/** Aborts on cancel and on the stage timeout. */
	signal: AbortSignal;
	timeoutMs: number;
	lang: Lang;
	logger?: Logger;
	hooks?: ProbeContext['oauth2'];
	/** The check's transcript; never given secrets. */
	transcript: TranscriptSink;
}

/** The part of the check's transcript the token flows write to: requests, answers and notes. */
export type TranscriptSink = Pick<Transcript, 'client' | 'server' | 'note'>;

export interface AcquiredToken {
	accessToken: string;
	expiresOn?: Date;
	/** The signed-in user, for delegated flows. */
	account?: string;
	fromCache: boolean;
}

export async function acquireToken(options: AcquireOptions): Promise<AcquiredToken> {
	const { plan } = options;
	if (plan.flow === 'client-credentials') return clientCredentials(options);
	const app = new PublicClientApplication(configuration(options, {}));
	const silent = await trySilent(app, options);
	if (silent) return silent;
	return plan.flow === 'device-code' ? deviceCode(app, options) : authorizationCode(app, options);
}

/** Resolves with the promise, or rejects with the signal's reason as soon as it aborts. */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
	if (signal.aborted) return Promise.reject(signal.reason);
	return new Promise<T>((resolve, reject) => {
		const onAbort = () => reject(signal.reason);
		signal.addEventListener('abort', onAbort, { once: true });
		promise.then(
			(value) => {
				signal.removeEventListener('abort', onAbort);
				resolve(value);
			},
			(error: unknown) => {
				signal.removeEventListener('abort', onAbort);
				reject(error);
			},
		);
	});
}

function configuration(options: AcquireOptions, auth: Partial<Configuration['auth']>): Configuration {
	const { plan, logger, hooks } = options;
	const secrets = [options.credentials.clientSecret, options.credentials.privateKey];
	const cachePlugin = hooks?.cache && plan.flow !== 'client-credentials' ? cacheBridge(hooks.cache) : undefined;
	return {
		auth: {
			clientId: plan.clientId,
			authority: plan.authority,
			...(plan.knownAuthorityHost ? { knownAuthorities: [plan.knownAuthorityHost] } : {}),
			...auth,
		},
		...(cachePlugin ? { cache: { cachePlugin } } : {}),
		system: {
			...(options.networkClient ? { networkClient: options.networkClient } : {}),
			loggerOptions: {
				piiLoggingEnabled: false,
				logLevel: LogLevel.Warning,
				loggerCallback: (_level, message, containsPii) => {
					if (!containsPii) logger?.debug(`msal: ${scrub(message, secrets)}`);
				},
			},
		},
	};
}

/** Keeps msal's serialized cache where the front end wants it (SecretStorage in the extension). */
function cacheBridge(cache: NonNullable<NonNullable<ProbeContext['oauth2']>['cache']>): ICachePlugin {
	return {
		beforeCacheAccess: async (context) => {
			const serialized = await cache.load();
			if (serialized) context.tokenCache.deserialize(serialized);
		},
		afterCacheAccess: async (context) => {
			if (context.cacheHasChanged) await cache.save(context.tokenCache.serialize());
		},
	};
}

async function clientCredentials(options: AcquireOptions): Promise<AcquiredToken> {
	const { credentials, thumbprint, plan, signal } = options;
	let auth: Partial<Configuration['auth']>;
	if (thumbprint !== undefined) {
		if (!credentials.privateKey) throw new OAuth2ConfigProblem(OAUTH2_TEXTS.missingPrivateKey);
		const hex = thumbprint.replace(/[\s:]/g, '');
		if (!/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(hex)) throw new OAuth2ConfigProblem(OAUTH2_TEXTS.badThumbprint);
		auth = {
			clientCertificate: {
				privateKey: credentials.privateKey,
				...(hex.length === 64 ? { thumbprintSha256: hex } : { thumbprint: hex }),
			},
		};
		options.transcript.note('client credentials with certificate');
	} else if (credentials.clientSecret) {
		auth = { clientSecret: credentials.clientSecret };
		options.transcript.note('client credentials with client secret');
	} else {
		throw new OAuth2ConfigProblem(OAUTH2_TEXTS.missingSecret);
	}
	const app = new ConfidentialClientApplication(configuration(options, auth));
	options.transcript.client(`POST token (grant client_credentials, scope ${plan.scopes.join(' ')})`);
	// skipCache: a cached token would say nothing about whether the secret or certificate still works.
	const result = await raceAbort(app.acquireTokenByClientCredential({ scopes: plan.scopes, skipCache: true }), signal);
	return fromResult(result, false);
}

async function trySilent(app: PublicClientApplication, options: AcquireOptions): Promise<AcquiredToken | undefined> {
	if (!options.hooks?.cache) return undefined;
	const wanted = options.plan.user.toLowerCase();
	const accounts = await raceAbort(app.getTokenCache().getAllAccounts(), options.signal);
	const account = accounts.find((a) => a.username.toLowerCase() === wanted);
	if (!account) return undefined;
	try {
		options.transcript.note(`cached sign-in found for ${account.username}; refreshing silently`);
		const result = await raceAbort(app.acquireTokenSilent({ account, scopes: options.plan.scopes }), options.signal);
		return fromResult(result, true);
	} catch (error) {
		if (options.signal.aborted) throw error;
		const code = (error as { errorCode?: unknown }).errorCode;
		options.transcript.note(
			`silent refresh not possible (${typeof code === 'string' ? code : 'error'}); signing in again`,
		);
		return undefined;
	}
}

async function deviceCode(app: PublicClientApplication, options: AcquireOptions): Promise<AcquiredToken> {
	const onDeviceCode = options.hooks?.onDeviceCode;
	if (!onDeviceCode) throw new OAuth2ConfigProblem(options.hooks?.unattended ?? OAUTH2_TEXTS.noDevicePrompt);
	const request: DeviceCodeRequest = {
		scopes: options.plan.scopes,
		deviceCodeCallback: (response) => {
			options.transcript.server(`device code issued; sign-in at ${response.verificationUri}`);
			onDeviceCode({
				userCode: response.userCode,
				verificationUri: response.verificationUri,
				message: response.message,
				user: options.plan.user,
			});
		},
		// msal's own bound, in whole seconds; the race below enforces the exact limit.
		timeout: Math.max(1, Math.ceil(options.timeoutMs / 1000)),
	};
	// msal re-reads `cancel` before every poll (it keeps this very object), so polling stops after an abort.
	const stopPolling = () => {
		request.cancel = true;
	};
	// Stryker disable next-line ObjectLiteral: an AbortSignal fires 'abort' at most once and the finally below removes the listener, so `once` changes nothing
	options.signal.addEventListener('abort', stopPolling, { once: true });
	options.transcript.client(`POST devicecode (scope ${options.plan.scopes.join(' ')})`);
	try {
		return fromResult(await raceAbort(app.acquireTokenByDeviceCode(request), options.signal), false);
	} finally {
		options.signal.removeEventListener('abort', stopPolling);
	}
}

async function authorizationCode(app: PublicClientApplication, options: AcquireOptions): Promise<AcquiredToken> {
	const openBrowser = options.hooks?.openBrowser;
	if (!openBrowser) throw new OAuth2ConfigProblem(options.hooks?.unattended ?? OAUTH2_TEXTS.noBrowser);
	const { plan, signal, lang } = options;
	const state = randomUUID();
	const nonce = randomUUID();
	const pkce = await new CryptoProvider().generatePkceCodes();
	const loopback = await listenForRedirect(state, signal, {
		done: tr(OAUTH2_TEXTS.loopbackDone, lang),
		failed: tr(OAUTH2_TEXTS.loopbackFailed, lang),
	});
	try {
		const url = await raceAbort(
			app.getAuthCodeUrl({
				scopes: plan.scopes,
				redirectUri: loopback.redirectUri,
				codeChallenge: pkce.challenge,
				codeChallengeMethod: 'S256',
				state,
				nonce,
				loginHint: plan.user,
			}),
			signal,
		);
		options.transcript.note(`browser sign-in, redirect to ${loopback.redirectUri}`);
		await raceAbort(openBrowser(url), signal);
		const params = await loopback.result;
		const code = params.get('code');
		if (!code) {
			const error = params.get('error') ?? 'no_code';
			const description = params.get('error_description') ?? '';
			throw Object.assign(new Error(error), {
				name: 'ServerError',
				errorCode: error,
				errorMessage: description,
			});
		}
		options.transcript.client('POST token (grant authorization_code with PKCE)');
		const result = await raceAbort(
			app.acquireTokenByCode({
				code,
				redirectUri: loopback.redirectUri,
				codeVerifier: pkce.verifier,
				scopes: plan.scopes,
				nonce,
			}),
			signal,
		);
		return fromResult(result, false);
	} finally {
		loopback.close();
	}
}

function fromResult(result: AuthenticationResult | null, fromCache: boolean): AcquiredToken {
	if (!result?.accessToken) throw Object.assign(new Error('empty'), { errorCode: 'empty_token' });
	return {
		accessToken: result.accessToken,
		...(result.expiresOn ? { expiresOn: result.expiresOn } : {}),
		...(result.account?.username ? { account: result.account.username } : {}),
		fromCache: fromCache || result.fromCache,
	};
}
