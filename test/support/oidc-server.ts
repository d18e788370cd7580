/**
 * A local Microsoft Entra look-alike for tests and the demo: oauth2-mock-server's OAuth2Issuer (keys, JWT signing
 * with `typ: JWT`) and OAuth2Service (authorize redirect, JWKS) behind our own HTTPS server, which adds what the mock
 * lacks: tenant paths, client checks with Entra's error bodies (AADSTS7000215, 700016, 90002, ...), the device-code
 * grant, refresh tokens and Entra-shaped claims (v1 Exchange access tokens: aud, tid, roles/scp, upn).
 */
import { createPublicKey, createHash, randomUUID } from 'node:crypto';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { importX509, jwtVerify, decodeProtectedHeader } from 'jose';
import { OAuth2Issuer, OAuth2Service, type MutableRedirectUri } from 'oauth2-mock-server';
import { canary } from './canaries';

export interface OidcTenant {
	id: string;
	/** Domain names that also address this tenant (`contoso.onmicrosoft.com`). */
	domains?: string[];
}

export interface OidcClient {
	clientId: string;
	/** Home tenant id; the client is unknown in other tenants (AADSTS700016). */
	tenant: string;
	secret?: string;
	/** PEM certificate whose key signs client assertions. */
	certificatePem?: string;
	/** Allows device code and browser sign-in ("Allow public client flows"). */
	publicClient?: boolean;
	/** Application permissions granted with admin consent (roles claim of app-only tokens). */
	roles?: string[];
}

export interface OidcUser {
	upn: string;
	tenant: string;
	name?: string;
	oid?: string;
}

/** Applied to every access token issued while set: the "expired" and "wrong audience" tokens on demand. */
export interface TokenOverrides {
	audience?: string;
	/** Seconds from now for the JWT `exp` (negative: already expired). The response's `expires_in` stays 3600. */
	expiresInSeconds?: number;
	roles?: string[];
	scp?: string;
	tid?: string;
}

export interface OidcServerOptions {
	tls: { key: string; cert: string };
	tenants: OidcTenant[];
	clients: OidcClient[];
	users: OidcUser[];
	/** The origin tokens and discovery documents name; default: the server's own URL. */
	publicBaseUrl?: string;
	host?: string;
	port?: number;
	/** Device-code flow: `authorization_pending` answers before success, and the poll interval in seconds. */
	deviceCode?: { pendingPolls?: number; interval?: number; user?: string };
}

export interface OidcRequestRecord {
	method: string;
	path: string;
	grantType?: string;
	status: number;
}

export interface OidcServer {
	/** `https://127.0.0.1:<port>`, where the server really listens. */
	url: string;
	publicBaseUrl: string;
	kid: string;
	/** SPKI PEM of the RSA signing key (for Dovecot's local JWT validation). */
	publicKeyPem: string;
	/** The issuer v1 access tokens carry for a tenant. */
	accessTokenIssuer(tenantId: string): string;
	requests: OidcRequestRecord[];
	/** Every token it signed or handed out (access, ID and refresh tokens): canaries for the outputs of a test. */
	issued: string[];
	deviceCode: { pendingPolls: number; interval: number; user?: string };
	setTokenOverrides(overrides: TokenOverrides | undefined): void;
	/** Signs an access token directly (for IMAP/SMTP tests that need a token without msal). */
	issueAccessToken(claims: {
		tenant: string;
		clientId: string;
		user?: string;
		audience?: string;
		scp?: string;
		roles?: string[];
		expiresInSeconds?: number;
	}): Promise<string>;
	stop(): Promise<void>;
}

const KID = 'mailcfg-test-rs256';
const TENANT_ALIASES = new Set(['common', 'organizations', 'consumers']);
const GRAPH = 'https://graph.microsoft.com';

interface UserGrant {
	clientId: string;
	tenantId: string;
	user: OidcUser;
	scope: string;
}

interface PendingAuthorization extends UserGrant {
	redirectUri: string;
	challenge?: string;
	nonce?: string;
}

export async function startOidcServer(options: OidcServerOptions): Promise<OidcServer> {
	const issuer = new OAuth2Issuer();
	await issuer.keys.generate('RS256', { kid: KID });
	const service = new OAuth2Service(issuer, {
		authorize: '/oauth2/v2.0/authorize',
		jwks: '/discovery/v2.0/keys',
		wellKnownDocument: '/mock/.well-known/openid-configuration',
	});
	const requestTenant = new WeakMap<IncomingMessage, string>();
	const authorizations = new Map<string, PendingAuthorization>();
	const deviceCodes = new Map<string, UserGrant & { pendingLeft: number }>();
	const refreshTokens = new Map<string, UserGrant>();
	const requests: OidcRequestRecord[] = [];
	const deviceCode = { pendingPolls: 0, interval: 0.05, ...options.deviceCode };
	let overrides: TokenOverrides | undefined;
	let publicBase = options.publicBaseUrl ?? '';

	service.on('beforeAuthorizeRedirect', (redirect: MutableRedirectUri, req: IncomingMessage) => {
		const code = redirect.url.searchParams.get('code');
		const query = new URL(req.url ?? '/', 'https://x').searchParams;
		const clientId = query.get('client_id') ?? '';
		const tenantId = requestTenant.get(req) ?? '';
		const user = findUser(query.get('login_hint') ?? undefined, tenantId);
		const client = options.clients.find((c) => c.clientId === clientId);
		if (!code || !user || !client?.publicClient) {
			redirect.url.searchParams.delete('code');
			redirect.url.searchParams.set('error', 'access_denied');
			redirect.url.searchParams.set('error_description', 'AADSTS50020: User or application cannot sign in here.');
			return;
		}
		authorizations.set(code, {
			clientId,
			tenantId,
			user,
			scope: query.get('scope') ?? '',
			redirectUri: query.get('redirect_uri') ?? '',
			...(query.get('code_challenge') ? { challenge: query.get('code_challenge') ?? '' } : {}),
			...(query.get('nonce') ? { nonce: query.get('nonce') ?? '' } : {}),
		});
	});

	const resolveTenant = (segment: string): OidcTenant | undefined => {
		const lower = segment.toLowerCase();
		if (TENANT_ALIASES.has(lower)) return options.tenants[0];
		return options.tenants.find(
			(t) => t.id.toLowerCase() === lower || t.domains?.some((d) => d.toLowerCase() === lower),
		);
	};
	const findUser = (hint: string | undefined, tenantId: string): OidcUser | undefined =>
		options.users.find((u) => (hint ? u.upn.toLowerCase() === hint.toLowerCase() : u.tenant === tenantId));

	const issued: string[] = [];
	const sign = async (build: (payload: Record<string, unknown>) => void, expiresIn = 3600) => {
		const token = await issuer.buildToken({
			kid: KID,
			expiresIn,
			scopesOrTransform: (_header, payload) => build(payload as unknown as Record<string, unknown>),
		});
		issued.push(token);
		return token;
	};

	const accessTokenIssuer = (tenantId: string) => `https://sts.windows.net/${tenantId}/`;

	/** v1 access token as Exchange Online receives it. */
	const accessToken = async (claims: {
		tenantId: string;
		clientId: string;
		audience: string;
		user?: OidcUser;
		scp?: string;
		roles?: string[];
	}) => {
		const o = overrides;
		return sign((payload) => {
			Object.assign(payload, {
				iss: accessTokenIssuer(claims.tenantId),
				aud: o?.audience ?? claims.audience,
				tid: o?.tid ?? claims.tenantId,
				appid: claims.clientId,
				ver: '1.0',
				// Entra's unique token id; it also keeps two tokens issued in the same second apart.
				uti: randomUUID(),
				sub: claims.user?.oid ?? `sp-${claims.clientId}`,
				oid: claims.user?.oid ?? `sp-${claims.clientId}`,
				...(claims.user
					? { upn: claims.user.upn, unique_name: claims.user.upn, name: claims.user.name ?? claims.user.upn }
					: { idtyp: 'app' }),
			});
			const roles = o?.roles ?? claims.roles;
			const scp = o?.scp ?? claims.scp;
			if (roles?.length) payload.roles = roles;
			if (scp) payload.scp = scp;
			if (o?.expiresInSeconds !== undefined) payload.exp = Math.floor(Date.now() / 1000) + o.expiresInSeconds;
		});
	};

	const userTokens = async (grant: UserGrant, nonce?: string) => {
		const { resource, scp } = delegatedScope(grant.scope);
		const refreshToken = randomUUID();
		issued.push(refreshToken);
		refreshTokens.set(refreshToken, grant);
		const oid = grant.user.oid ?? userOid(grant.user.upn);
		const user = { ...grant.user, oid };
		const idToken = await sign((payload) => {
			Object.assign(payload, {
				iss: `${publicBase}/${grant.tenantId}/v2.0`,
				aud: grant.clientId,
				tid: grant.tenantId,
				oid,
				sub: oid,
				preferred_username: user.upn,
				name: user.name ?? user.upn,
				ver: '2.0',
				...(nonce ? { nonce } : {}),
			});
		});
		return {
			token_type: 'Bearer',
			scope: `${scp.map((s) => (resource === GRAPH ? s : `${resource}/${s}`)).join(' ')} openid profile offline_access`,
			expires_in: 3600,
			ext_expires_in: 3600,
			access_token: await accessToken({
				tenantId: grant.tenantId,
				clientId: grant.clientId,
				audience: resource,
				user,
				scp: scp.join(' '),
			}),
			refresh_token: refreshToken,
			id_token: idToken,
			client_info: Buffer.from(JSON.stringify({ uid: oid, utid: grant.tenantId })).toString('base64url'),
		};
	};

	const handleToken = async (tenant: OidcTenant, path: string, form: URLSearchParams): Promise<[number, object]> => {
		const grantType = form.get('grant_type') ?? '';
		const clientId = form.get('client_id') ?? '';
		const client = options.clients.find((c) => c.clientId === clientId);
		if (!client || client.tenant !== tenant.id) {
			return entraError(
				400,
				'unauthorized_client',
				700016,
				`Application with identifier '${clientId}' was not found in the directory '${tenant.domains?.[0] ?? tenant.id}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
			);
		}
		switch (grantType) {
			case 'client_credentials': {
				const denied = await checkClientCredential(client, form, `${publicBase}${path}`);
				if (denied) return denied;
				const scope = form.get('scope') ?? '';
				if (!scope.endsWith('/.default') || scope.includes(' ')) {
					return entraError(
						400,
						'invalid_scope',
						1002012,
						`The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
					);
				}
				const audience = scope.slice(0, -'/.default'.length);
				const token = await accessToken({
					tenantId: tenant.id,
					clientId,
					audience,
					...(client.roles ? { roles: client.roles } : {}),
				});
				return [200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token }];
			}
			case 'device_code':
			case 'urn:ietf:params:oauth:grant-type:device_code': {
				// Entra hands out device codes to any app; redeeming one needs "Allow public client flows".
				if (!client.publicClient) {
					return entraError(
						401,
						'invalid_client',
						7000218,
						"The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
					);
				}
				const pending = deviceCodes.get(form.get('device_code') ?? '');
				if (!pending)
					return entraError(
						400,
						'invalid_grant',
						70000,
						"The provided value for the input parameter 'device_code' is not valid.",
					);
				if (pending.pendingLeft > 0) {
					pending.pendingLeft -= 1;
					return entraError(
						400,
						'authorization_pending',
						70016,
						'OAuth 2.0 device flow error. Authorization is pending. Continue polling.',
					);
				}
				deviceCodes.delete(form.get('device_code') ?? '');
				return [200, await userTokens(pending)];
			}
			case 'authorization_code': {
				const pending = authorizations.get(form.get('code') ?? '');
				authorizations.delete(form.get('code') ?? '');
				const verifier = form.get('code_verifier') ?? '';
				const challengeOk =
					pending?.challenge === undefined ||
					createHash('sha256').update(verifier).digest('base64url') === pending.challenge;
				if (!pending || pending.redirectUri !== form.get('redirect_uri') || !challengeOk) {
					return entraError(
						400,
						'invalid_grant',
						70000,
						'The provided authorization code or PKCE code verifier is invalid or has expired.',
					);
				}
				return [200, await userTokens({ ...pending, scope: form.get('scope') ?? pending.scope }, pending.nonce)];
			}
			case 'refresh_token': {
				const grant = refreshTokens.get(form.get('refresh_token') ?? '');
				if (!grant) return entraError(400, 'invalid_grant', 700082, 'The refresh token has expired due to inactivity.');
				return [200, await userTokens({ ...grant, scope: form.get('scope') ?? grant.scope })];
			}
			default:
				return entraError(
					400,
					'unsupported_grant_type',
					70003,
					`The app requested an unsupported grant type '${grantType}'.`,
				);
		}
	};

	const checkClientCredential = async (
		client: OidcClient,
		form: URLSearchParams,
		tokenUrl: string,
	): Promise<[number, object] | undefined> => {
		const secret = form.get('client_secret');
		const assertion = form.get('client_assertion');
		if (secret !== null) {
			if (secret === client.secret) return undefined;
			return entraError(
				401,
				'invalid_client',
				7000215,
				`Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${client.clientId}'.`,
			);
		}
		if (assertion !== null) {
			try {
				if (!client.certificatePem) throw new Error('no certificate registered');
				const { alg } = decodeProtectedHeader(assertion);
				const key = await importX509(client.certificatePem, alg ?? 'RS256');
				// Like Entra, tolerate clock skew: msal rounds its timestamps, so `nbf` can lie half a second ahead.
				await jwtVerify(assertion, key, {
					issuer: client.clientId,
					subject: client.clientId,
					audience: tokenUrl,
					clockTolerance: 300,
				});
				return undefined;
			} catch {
				return entraError(
					401,
					'invalid_client',
					700027,
					'The certificate with identifier used to sign the client assertion is not registered on application, or the client assertion contains an invalid signature.',
				);
			}
		}
		return entraError(
			401,
			'invalid_client',
			7000218,
			"The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
		);
	};

	const handler = async (req: IncomingMessage, res: ServerResponse) => {
		const url = new URL(req.url ?? '/', 'https://x');
		const [segment = '', ...rest] = url.pathname.split('/').filter(Boolean);
		const tail = `/${rest.join('/')}`;
		const record: OidcRequestRecord = { method: req.method ?? 'GET', path: url.pathname, status: 0 };
		requests.push(record);
		const send = (status: number, body: object) => {
			record.status = status;
			res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
			res.end(JSON.stringify(body));
		};
		if (segment === 'common' && tail === '/discovery/instance') {
			const host = new URL(publicBase).host;
			send(200, {
				tenant_discovery_endpoint: `${publicBase}/common/v2.0/.well-known/openid-configuration`,
				'api-version': '1.1',
				metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
			});
			return;
		}
		const tenant = resolveTenant(segment);
		if (!tenant) {
			send(
				...entraError(
					400,
					'invalid_tenant',
					90002,
					`Tenant '${segment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
				),
			);
			return;
		}
		const base = `${publicBase}/${tenant.id}`;
		if (req.method === 'GET' && tail === '/v2.0/.well-known/openid-configuration') {
			send(200, {
				issuer: `${base}/v2.0`,
				token_endpoint: `${base}/oauth2/v2.0/token`,
				authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
				device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
				jwks_uri: `${base}/discovery/v2.0/keys`,
				response_modes_supported: ['query', 'fragment', 'form_post'],
				response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
				scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
				subject_types_supported: ['pairwise'],
				id_token_signing_alg_values_supported: ['RS256'],
				token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
				tenant_region_scope: 'EU',
				cloud_instance_name: 'microsoftonline.com',
			});
			return;
		}
		if (req.method === 'POST' && (tail === '/oauth2/v2.0/token' || tail === '/oauth2/v2.0/devicecode')) {
			const form = new URLSearchParams(await readBody(req));
			if (tail === '/oauth2/v2.0/devicecode') {
				const client = options.clients.find((c) => c.clientId === form.get('client_id'));
				if (!client || client.tenant !== tenant.id) {
					send(
						...entraError(
							400,
							'unauthorized_client',
							700016,
							`Application with identifier '${form.get('client_id') ?? ''}' was not found in the directory '${tenant.id}'.`,
						),
					);
					return;
				}
				const user = findUser(deviceCode.user, tenant.id);
				if (!user) {
					send(...entraError(400, 'invalid_request', 50034, 'The user account does not exist in this directory.'));
					return;
				}
				const code = randomUUID();
				deviceCodes.set(code, {
					clientId: client.clientId,
					tenantId: tenant.id,
					user,
					scope: form.get('scope') ?? '',
					pendingLeft: deviceCode.pendingPolls,
				});
				const userCode = code.slice(0, 9).replace('-', '').toUpperCase();
				send(200, {
					user_code: userCode,
					device_code: code,
					verification_uri: 'https://microsoft.com/devicelogin',
					expires_in: 900,
					interval: deviceCode.interval,
					message: `To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code ${userCode} to authenticate.`,
				});
				return;
			}
			record.grantType = form.get('grant_type') ?? undefined;
			send(...(await handleToken(tenant, url.pathname, form)));
			return;
		}
		if (tail === '/oauth2/v2.0/authorize' || tail === '/discovery/v2.0/keys') {
			// The mock serves these; it only needs the tenant segment taken off the path.
			requestTenant.set(req, tenant.id);
			req.url = `${tail}${url.search}`;
			res.on('finish', () => {
				record.status = res.statusCode;
			});
			service.requestHandler(req, res);
			return;
		}
		send(404, { error: 'not_found' });
	};

	const server = https.createServer({ key: options.tls.key, cert: options.tls.cert }, (req, res) => {
		handler(req, res).catch((error: unknown) => {
			res.writeHead(500, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ error: 'server_error', error_description: String(error) }));
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	const url = `https://${options.host ?? '127.0.0.1'}:${port}`;
	publicBase ||= url;
	issuer.url = publicBase;
	const jwk = issuer.keys.get(KID);
	if (!jwk) throw new Error('signing key missing');
	const publicKeyPem = createPublicKey({ key: jwk as unknown as import('node:crypto').JsonWebKey, format: 'jwk' })
		.export({ type: 'spki', format: 'pem' })
		.toString();

	return {
		url,
		publicBaseUrl: publicBase,
		kid: KID,
		publicKeyPem,
		accessTokenIssuer,
		requests,
		issued,
		deviceCode,
		setTokenOverrides(next) {
			overrides = next;
		},
		async issueAccessToken(claims) {
			const user = claims.user ? options.users.find((u) => u.upn === claims.user) : undefined;
			const saved = overrides;
			overrides =
				claims.expiresInSeconds !== undefined ? { ...saved, expiresInSeconds: claims.expiresInSeconds } : saved;
			try {
				return await accessToken({
					tenantId: claims.tenant,
					clientId: claims.clientId,
					audience: claims.audience ?? 'https://outlook.office.com',
					...(user ? { user: { ...user, oid: user.oid ?? userOid(user.upn) } } : {}),
					...(claims.scp ? { scp: claims.scp } : {}),
					...(claims.roles ? { roles: claims.roles } : {}),
				});
			} finally {
				overrides = saved;
			}
		},
		stop: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

/** Entra's error body: `error`, `error_description` starting with the AADSTS code, `error_codes`, ids, timestamp. */
function entraError(status: number, error: string, code: number, text: string): [number, object] {
	const traceId = randomUUID();
	const correlationId = randomUUID();
	const timestamp = new Date()
		.toISOString()
		.replace('T', ' ')
		.replace(/\.\d+Z$/, 'Z');
	return [
		status,
		{
			error,
			error_description: `AADSTS${code}: ${text} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
			error_codes: [code],
			timestamp,
			trace_id: traceId,
			correlation_id: correlationId,
			error_uri: `https://login.microsoftonline.com/error?code=${code}`,
		},
	];
}

/** Delegated scopes name one resource; short names (no URL) mean Microsoft Graph, as in Entra. */
function delegatedScope(scope: string): { resource: string; scp: string[] } {
	const names = scope.split(' ').filter((s) => s && !['openid', 'profile', 'offline_access', 'email'].includes(s));
	const withResource = names.find((s) => /^https:\/\//.test(s));
	const resource = withResource ? new URL(withResource).origin : GRAPH;
	const scp = names.map((s) => (/^https:\/\//.test(s) ? new URL(s).pathname.slice(1) : s)).filter(Boolean);
	return { resource, scp };
}

function userOid(upn: string): string {
	const hex = createHash('sha256').update(upn).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

/** The tenant, apps and users the tests and the demo share. */
export const TEST_TENANT = { id: '11111111-2222-3333-4444-555555555555', domains: ['contoso.test'] };
export const TEST_OTHER_TENANT = { id: '99999999-8888-7777-6666-555555555555', domains: ['fabrikam.test'] };
/** The client secrets are canaries (support/canaries.ts): new per process, so a test can look for them in every output. */
export const TEST_APPS = {
	/** Confidential client with both Exchange application permissions. */
	importer: { clientId: 'aaaaaaaa-0000-4000-8000-000000000001', secret: canary() },
	/** Confidential client consented for SMTP only. */
	sender: { clientId: 'aaaaaaaa-0000-4000-8000-000000000002', secret: canary() },
	/** Public client for device code and browser sign-in. */
	desktop: { clientId: 'aaaaaaaa-0000-4000-8000-000000000003' },
} as const;
export const TEST_USER = { upn: 'carol@contoso.test', name: 'Carol Import', tenant: TEST_TENANT.id };

/** Starts the local authority with the shared fixture; `publicBaseUrl` defaults to the real Entra origin. */
export function startTestAuthority(
	tls: { key: string; cert: string },
	extra: Partial<OidcServerOptions> & { importerCertificatePem?: string } = {},
): Promise<OidcServer> {
	const { importerCertificatePem, ...options } = extra;
	return startOidcServer({
		tls,
		publicBaseUrl: 'https://login.microsoftonline.com',
		tenants: [TEST_TENANT, TEST_OTHER_TENANT],
		clients: [
			{
				clientId: TEST_APPS.importer.clientId,
				tenant: TEST_TENANT.id,
				secret: TEST_APPS.importer.secret,
				...(importerCertificatePem ? { certificatePem: importerCertificatePem } : {}),
				roles: ['IMAP.AccessAsApp', 'SMTP.SendAsApp'],
			},
			{
				clientId: TEST_APPS.sender.clientId,
				tenant: TEST_TENANT.id,
				secret: TEST_APPS.sender.secret,
				roles: ['SMTP.SendAsApp'],
			},
			{ clientId: TEST_APPS.desktop.clientId, tenant: TEST_TENANT.id, publicClient: true },
		],
		users: [TEST_USER],
		...options,
	});
}
