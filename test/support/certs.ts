/**
 * Certificates for loopback test servers and the demo, made at run time (nothing committed): one test CA and
 * server certificates it signs (valid, expired, for the wrong host), plus a self-signed one no CA vouches for.
 */
import { generate } from 'selfsigned';

export interface KeyAndCert {
	key: string;
	cert: string;
}

export interface TestCerts {
	/** PEM of the test CA: give it to the client as `ca` / ProbeContext.extraCa. */
	caCert: string;
	/** For localhost, 127.0.0.1, 127.0.0.2 and ::1, signed by the CA, valid now. */
	server: KeyAndCert;
	/** Same names and CA, but its validity ended yesterday. */
	expired: KeyAndCert;
	/** Signed by the CA but only for `wrong.example` (hostname mismatch on loopback). */
	wrongHost: KeyAndCert;
	/** For localhost, signed by itself: untrusted even with the test CA. */
	selfSigned: KeyAndCert;
	/** A certificate for these DNS names (wildcards allowed), signed by the CA and valid now. */
	issueFor(names: readonly string[]): Promise<KeyAndCert>;
}

const DAY = 24 * 60 * 60 * 1000;

const LOOPBACK_NAMES = [
	{ type: 2 as const, value: 'localhost' },
	{ type: 7 as const, ip: '127.0.0.1' },
	{ type: 7 as const, ip: '127.0.0.2' },
	{ type: 7 as const, ip: '::1' },
];

function serverExtensions(altNames: { type: 2 | 7; value?: string; ip?: string }[]) {
	return [
		{ name: 'basicConstraints' as const, cA: false },
		{ name: 'keyUsage' as const, digitalSignature: true, keyEncipherment: true },
		{ name: 'extKeyUsage' as const, serverAuth: true },
		{ name: 'subjectAltName' as const, altNames },
	];
}

let cached: Promise<TestCerts> | undefined;

/** Creates the set once per process (EC keys: ~50 ms) and hands the same PEMs to every caller. */
export function testCerts(): Promise<TestCerts> {
	cached ??= createCerts();
	return cached;
}

async function createCerts(): Promise<TestCerts> {
	const now = Date.now();
	const ca = await generate([{ name: 'commonName', value: 'mailcfg Test CA' }], {
		keyType: 'ec',
		algorithm: 'sha256',
		notBeforeDate: new Date(now - DAY),
		notAfterDate: new Date(now + 30 * DAY),
		extensions: [
			{ name: 'basicConstraints', cA: true, critical: true },
			{ name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
		],
	});
	const signedBy = { key: ca.private, cert: ca.cert };
	const issue = async (
		commonName: string,
		altNames: { type: 2 | 7; value?: string; ip?: string }[],
		from: number,
		to: number,
		signer: typeof signedBy | undefined,
	): Promise<KeyAndCert> => {
		const result = await generate([{ name: 'commonName', value: commonName }], {
			keyType: 'ec',
			algorithm: 'sha256',
			notBeforeDate: new Date(from),
			notAfterDate: new Date(to),
			extensions: serverExtensions(altNames),
			...(signer ? { ca: signer } : {}),
		});
		return { key: result.private, cert: result.cert };
	};
	const [server, expired, wrongHost, selfSigned] = await Promise.all([
		issue('localhost', LOOPBACK_NAMES, now - DAY, now + 30 * DAY, signedBy),
		issue('localhost', LOOPBACK_NAMES, now - 30 * DAY, now - DAY, signedBy),
		issue('wrong.example', [{ type: 2, value: 'wrong.example' }], now - DAY, now + 30 * DAY, signedBy),
		issue('localhost', LOOPBACK_NAMES, now - DAY, now + 30 * DAY, undefined),
	]);
	const issueFor = (names: readonly string[]): Promise<KeyAndCert> =>
		issue(
			names[0] ?? 'localhost',
			names.map((value) => ({ type: 2 as const, value })),
			now - DAY,
			now + 30 * DAY,
			signedBy,
		);
	return { caCert: ca.cert, server, expired, wrongHost, selfSigned, issueFor };
}
