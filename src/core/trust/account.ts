/**
 * What one account would send where, and which of it the policy refuses, worked out from the config alone before
 * anything connects. The editor's confirmation lists the destinations; the CLI, the engine and the editor refuse
 * the violations.
 */
import { type Account, type SecretRef, parseSecretRef } from '../config/model';
import { planOAuth2 } from '../probes/oauth2-plan';
import { WELL_KNOWN_PORTS } from '../probes/target';
import {
	type TrustPolicy,
	authorityAllowed,
	cleartextAllowed,
	destinationKey,
	envAllowed,
	httpsOrigin,
	isLoopbackHost,
} from './policy';

/** A config field whose value is a secret, and the reference it holds (undefined for a literal value). */
export interface SecretField {
	field: 'auth.password' | 'auth.oauth2.clientSecret' | 'auth.oauth2.certificate.privateKeyFile';
	ref?: SecretRef;
}

/** One place an account's test contacts with credentials. */
export interface Destination {
	protocol: 'imap' | 'smtp' | 'oauth2';
	/** `host:port` for IMAP/SMTP, the origin for the OAuth2 authority. */
	key: string;
	host: string;
	port: number;
	/** Credentials travel unencrypted (`security: "none"`). */
	cleartext: boolean;
	loopback: boolean;
	/** The config's secrets that go here (a private key signs an assertion that goes here). */
	secrets: SecretField[];
	/** The access token the OAuth2 stage obtains goes here (XOAUTH2). */
	accessToken: boolean;
}

export type TrustViolation =
	| { kind: 'env'; name: string; field: string }
	| { kind: 'cleartext'; protocol: 'imap' | 'smtp'; destination: string }
	| { kind: 'authority'; origin: string }
	| { kind: 'endpoint'; origin: string; name: string; url: string }
	| { kind: 'keyFile'; path: string };

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(name: SecretField['field'], value: unknown): SecretField | undefined {
	if (typeof value !== 'string' || value === '') return undefined;
	const ref = parseSecretRef(value);
	return ref ? { field: name, ref } : { field: name };
}

/** The secret fields a connection test reads (the same ones `resolveCredentials` resolves). */
export function secretFieldsOf(account: unknown): SecretField[] {
	if (!isRecord(account) || !isRecord(account.auth)) return [];
	const auth = account.auth;
	const oauth2 = isRecord(auth.oauth2) ? auth.oauth2 : {};
	const certificate = isRecord(oauth2.certificate) ? oauth2.certificate : {};
	return [
		field('auth.password', auth.password),
		field('auth.oauth2.clientSecret', oauth2.clientSecret),
		field('auth.oauth2.certificate.privateKeyFile', certificate.privateKeyFile),
	].filter((f): f is SecretField => f !== undefined);
}

function mailDestination(
	protocol: 'imap' | 'smtp',
	section: unknown,
	secrets: SecretField[],
	token: boolean,
): Destination | undefined {
	if (!isRecord(section) || typeof section.host !== 'string' || section.host.trim() === '') return undefined;
	const { port } = section;
	if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) return undefined;
	const host = section.host.trim();
	// The probe's own default: implicit TLS on the well-known TLS port, STARTTLS (required) elsewhere.
	const security = section.security ?? (port === WELL_KNOWN_PORTS[protocol].tls ? 'tls' : 'starttls');
	return {
		protocol,
		key: destinationKey(host, port),
		host,
		port,
		cleartext: security === 'none',
		loopback: isLoopbackHost(host),
		secrets,
		accessToken: token,
	};
}

/** The authority origin the OAuth2 check talks to, when the account's OAuth2 block is complete enough to run. */
export function authorityOriginOf(account: unknown): string | undefined {
	if (!isRecord(account) || !isRecord(account.auth) || account.auth.method !== 'oauth2') return undefined;
	const planned = planOAuth2(account as unknown as Account);
	return 'plan' in planned ? httpsOrigin(planned.plan.authority) : undefined;
}

/** Every destination of an account's test, with the secrets each receives. */
export function destinationsOf(account: unknown): Destination[] {
	if (!isRecord(account)) return [];
	const fields = secretFieldsOf(account);
	const oauth = isRecord(account.auth) && account.auth.method === 'oauth2';
	const destinations: Destination[] = [];
	const origin = authorityOriginOf(account);
	if (origin) {
		const url = new URL(origin);
		destinations.push({
			protocol: 'oauth2',
			key: origin,
			host: url.hostname,
			port: url.port ? Number(url.port) : 443,
			cleartext: false,
			loopback: isLoopbackHost(url.hostname),
			secrets: fields.filter((f) => f.field !== 'auth.password'),
			accessToken: false,
		});
	}
	const mailSecrets = oauth ? [] : fields.filter((f) => f.field === 'auth.password');
	for (const protocol of ['imap', 'smtp'] as const) {
		const destination = mailDestination(protocol, account[protocol], mailSecrets, oauth);
		if (destination) destinations.push(destination);
	}
	return destinations;
}

/**
 * Everything the policy refuses in an account, known before connecting: environment variables it may not read,
 * cleartext destinations, an authority that is not allowed. (Private key paths need the file system: key-file.ts.)
 */
export function accountViolations(account: unknown, policy: TrustPolicy): TrustViolation[] {
	const violations: TrustViolation[] = [];
	for (const { field: name, ref } of secretFieldsOf(account)) {
		if (ref?.kind === 'env' && !envAllowed(ref.name, policy))
			violations.push({ kind: 'env', name: ref.name, field: name });
	}
	for (const destination of destinationsOf(account)) {
		if (destination.protocol === 'oauth2') {
			if (!authorityAllowed(destination.key, policy)) violations.push({ kind: 'authority', origin: destination.key });
		} else if (destination.cleartext && !cleartextAllowed(destination.host, destination.port, policy)) {
			violations.push({ kind: 'cleartext', protocol: destination.protocol, destination: destination.key });
		}
	}
	return violations;
}
