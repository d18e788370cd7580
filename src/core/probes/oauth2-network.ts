/**
 * An msal `INetworkModule` over `https.request`. msal's own client is global fetch, which can neither take extra
 * CAs per request nor be cancelled from outside; this one does both. Used for the authority check, for msal when the
 * profile brings extra CAs, and (with routing on top) by the tests.
 */
import https from 'node:https';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { trustedTls } from './trust-store';

export interface HttpsNetworkOptions {
	/** Extra trusted CAs (PEM), added to Node's roots and NODE_EXTRA_CA_CERTS. Verification always stays on. */
	extraCa?: readonly string[];
	/** Aborts every request in flight and every later one. */
	signal?: AbortSignal;
	/** Per-request limit in milliseconds. */
	timeoutMs?: number;
}

export function createHttpsNetworkClient(options: HttpsNetworkOptions = {}): INetworkModule {
	// Always explicit, so the extension host's patched default store cannot drop NODE_EXTRA_CA_CERTS or extra CAs.
	const { ca, secureContext } = trustedTls(options.extraCa);
	const send = <T>(method: 'GET' | 'POST', url: string, init?: NetworkRequestOptions, timeoutMs?: number) =>
		new Promise<NetworkResponse<T>>((resolve, reject) => {
			const body = init?.body;
			const request = https.request(
				url,
				{
					method,
					ca,
					// https.request hands its options on to tls.connect, which takes a prepared context.
					...({ secureContext } as https.RequestOptions),
					// No pooled sockets: a shared agent's own options override these, and a kept-alive socket verified
					// under other CAs would be reused without a new check.
					agent: false,
					...(options.signal ? { signal: options.signal } : {}),
					headers: {
						...init?.headers,
						...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}),
					},
				},
				(response) => {
					const chunks: Buffer[] = [];
					response.on('data', (chunk: Buffer) => chunks.push(chunk));
					response.on('error', reject);
					response.on('end', () => {
						const text = Buffer.concat(chunks).toString('utf8');
						let parsed: unknown;
						try {
							parsed = text ? JSON.parse(text) : {};
						} catch {
							reject(new Error(`Failed to parse response from ${new URL(url).host} (HTTP ${response.statusCode})`));
							return;
						}
						const headers: Record<string, string> = {};
						for (const [name, value] of Object.entries(response.headers)) {
							if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
						}
						resolve({ status: response.statusCode ?? 0, headers, body: parsed as T });
					});
				},
			);
			const limit = timeoutMs ?? options.timeoutMs;
			if (limit) {
				request.setTimeout(limit, () =>
					request.destroy(Object.assign(new Error('Request timed out'), { code: 'ETIMEDOUT' })),
				);
			}
			request.on('error', reject);
			request.end(body);
		});
	return {
		sendGetRequestAsync: (url, init, timeout) => send('GET', url, init, timeout),
		sendPostRequestAsync: (url, init) => send('POST', url, init),
	};
}

/** ProbeContext carries the network client as `unknown` (core's contract avoids msal types); check the shape. */
export function asNetworkModule(value: unknown): INetworkModule | undefined {
	if (value === null || typeof value !== 'object') return undefined;
	const candidate = value as Partial<INetworkModule>;
	return typeof candidate.sendGetRequestAsync === 'function' && typeof candidate.sendPostRequestAsync === 'function'
		? (value as INetworkModule)
		: undefined;
}

export interface ServerErrorBody {
	status: number;
	error: string;
	description: string;
}

/**
 * Remembers the last OAuth error body msal received. msal turns device-code polling errors into
 * `post_request_failed` carrying only the `error` word, dropping the AADSTS description the user needs.
 */
export function recordServerErrors(inner: INetworkModule): {
	client: INetworkModule;
	last(): ServerErrorBody | undefined;
} {
	let last: ServerErrorBody | undefined;
	const remember = <T>(response: NetworkResponse<T>): NetworkResponse<T> => {
		const body = response.body as { error?: unknown; error_description?: unknown } | undefined;
		if (response.status >= 400 && typeof body?.error === 'string' && body.error !== 'authorization_pending') {
			last = {
				status: response.status,
				error: body.error,
				description: typeof body.error_description === 'string' ? body.error_description : '',
			};
		}
		return response;
	};
	return {
		client: {
			sendGetRequestAsync: async (url, init, timeout) => remember(await inner.sendGetRequestAsync(url, init, timeout)),
			sendPostRequestAsync: async (url, init) => remember(await inner.sendPostRequestAsync(url, init)),
		},
		last: () => last,
	};
}

/** A request the origin guard stopped before it was sent. */
export interface RefusedRequest {
	url: string;
	origin: string;
}

/**
 * Lets requests through only to origins `allowed` accepts; any other is refused before a byte is sent. msal reads
 * the token and device-code endpoints from the authority's metadata itself, so this guard, not only the check of
 * our own metadata request, keeps a client secret from following a `token_endpoint` to another host.
 */
export function restrictOrigins(
	inner: INetworkModule,
	allowed: (origin: string) => boolean,
): { client: INetworkModule; refused(): RefusedRequest | undefined } {
	let refused: RefusedRequest | undefined;
	const check = (url: string) => {
		let origin: string;
		try {
			origin = new URL(url).origin;
		} catch {
			origin = 'null';
		}
		if (allowed(origin)) return;
		refused ??= { url, origin };
		throw Object.assign(new Error(`request to ${origin} refused`), { errorCode: 'origin_refused' });
	};
	return {
		client: {
			sendGetRequestAsync: async (url, init, timeout) => {
				check(url);
				return inner.sendGetRequestAsync(url, init, timeout);
			},
			sendPostRequestAsync: async (url, init) => {
				check(url);
				return inner.sendPostRequestAsync(url, init);
			},
		},
		refused: () => refused,
	};
}
