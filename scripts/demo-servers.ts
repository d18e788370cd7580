/**
 * The demo's mail servers: the same loopback servers the test suites use (test/support), set up for the four demo
 * accounts in examples/demo.mailaccounts.json. A fresh CA, password and client secret per run; nothing listens
 * beyond 127.0.0.1.
 */
import { randomBytes } from 'node:crypto';
import { testCerts } from '../test/support/certs';
import { startImapServer } from '../test/support/imap-server';
import { startOidcServer } from '../test/support/oidc-server';
import { type ReceivedMail, startSmtpServer } from '../test/support/smtp-server';
import type { DemoEndpoints } from './demo-config';

/** The demo tenant and app; the example config names the same ids. */
export const DEMO_TENANT = { id: '0d3e5f70-1c2b-4a59-8e6d-7f8091a2b3c4', domains: ['demo.onmicrosoft.com'] };
export const DEMO_APP_ID = '11111111-2222-3333-4444-555555555555';
const DEMO_USER = 'import@demo.example';
const SCANNER = 'scanner@demo.example';

export interface DemoServers {
	endpoints: DemoEndpoints;
	/** PEM of the CA that signed every demo server certificate. */
	caCert: string;
	/** Resolves `${env:MAILCFG_DEMO_PASSWORD}` (both demo users). */
	password: string;
	/** Resolves `${env:MAILCFG_DEMO_CLIENT_SECRET}` (the demo app). */
	clientSecret: string;
	/** Messages the SMTP submission server (the demo-works account's) accepted, in order; what tests assert on. */
	received: readonly ReceivedMail[];
	/** One line per server, for the console. */
	describe(): string[];
	stop(): Promise<void>;
}

export async function startDemoServers(): Promise<DemoServers> {
	const certs = await testCerts();
	const password = randomBytes(12).toString('base64url');
	const clientSecret = `demo~${randomBytes(18).toString('base64url')}`;
	const stops: (() => Promise<void>)[] = [];
	const track = <T extends { close(): Promise<void> } | { stop(): Promise<void> }>(server: T): T => {
		stops.push(() => ('close' in server ? server.close() : server.stop()));
		return server;
	};
	const stop = async () => {
		await Promise.allSettled(stops.reverse().map((s) => s()));
	};
	try {
		const imapStarttls = track(
			await startImapServer({ tls: certs.server, loginDisabledBeforeTls: true, users: { [DEMO_USER]: { password } } }),
		);
		const smtpSubmission = track(
			await startSmtpServer({ tls: certs.server, users: { [DEMO_USER]: { password }, [SCANNER]: { password } } }),
		);
		// A tenant with SMTP AUTH turned off refuses every basic login, whatever the password.
		const smtpAuthDisabled = track(await startSmtpServer({ tls: certs.server, authReply: 'smtpAuthDisabled' }));
		const authority = track(
			await startOidcServer({
				tls: certs.server,
				tenants: [DEMO_TENANT],
				clients: [{ clientId: DEMO_APP_ID, tenant: DEMO_TENANT.id, secret: clientSecret, roles: ['IMAP.AccessAsApp'] }],
				users: [],
			}),
		);
		// Every token this authority issues has already expired: the demo-expired-token account.
		authority.setTokenOverrides({ expiresInSeconds: -3600 });
		const imapTls = track(await startImapServer({ tls: certs.server, secure: true, users: {} }));
		const endpoints: DemoEndpoints = {
			imapStarttls: imapStarttls.port,
			imapTls: imapTls.port,
			smtpSubmission: smtpSubmission.port,
			smtpAuthDisabled: smtpAuthDisabled.port,
			authority: Number(new URL(authority.url).port),
		};
		return {
			endpoints,
			caCert: certs.caCert,
			password,
			clientSecret,
			received: smtpSubmission.messages,
			describe: () => [
				`IMAP   STARTTLS      127.0.0.1:${endpoints.imapStarttls}`,
				`IMAP   implicit TLS  127.0.0.1:${endpoints.imapTls}`,
				`SMTP   STARTTLS      127.0.0.1:${endpoints.smtpSubmission}`,
				`SMTP   STARTTLS      127.0.0.1:${endpoints.smtpAuthDisabled} (Microsoft 365 tenant, SMTP AUTH off)`,
				`OAuth2 authority     ${authority.url}/${DEMO_TENANT.domains[0]}`,
			],
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
