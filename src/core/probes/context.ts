import type { Clock } from '../clock';
import type { Lang } from '../i18n';
import type { Logger } from '../logger';

/** Per-stage timeouts in milliseconds; account `timeouts` override settings, which override the defaults. */
export interface ProbeTimeouts {
	connectMs: number;
	greetingMs: number;
	stageMs: number;
}

export const DEFAULT_TIMEOUTS: ProbeTimeouts = { connectMs: 10_000, greetingMs: 10_000, stageMs: 20_000 };

/** Secrets an account needs, already resolved from `${secret:..}` / `${env:..}` references. Never logged. */
export interface Credentials {
	password?: string;
	clientSecret?: string;
	/** PEM of the certificate's private key for client-credentials with a certificate. */
	privateKey?: string;
}

/** Everything a probe takes from its environment; front ends build it, tests inject loopback servers and CAs. */
export interface ProbeContext {
	lang: Lang;
	clock: Clock;
	timeouts: ProbeTimeouts;
	/** Cancels the probe; sockets close at once. */
	signal?: AbortSignal;
	logger?: Logger;
	/** Extra trusted CA certificates (PEM), e.g. a company CA or a test CA. Verification itself stays on. */
	extraCa?: string[];
	/** OAuth2 wiring (msal-node). `networkClient` is msal's INetworkModule: tests route the authority to a local server. */
	oauth2?: {
		networkClient?: unknown;
		/** Shows the device-code prompt (user code + verification URL) to the user. */
		onDeviceCode?: (prompt: { userCode: string; verificationUri: string; message: string }) => void;
		/** Opens the system browser for the authorization-code flow. */
		openBrowser?: (url: string) => Promise<void>;
		/** Serialized msal token cache in/out; the extension keeps it in SecretStorage only. */
		cache?: { load(): Promise<string | undefined>; save(serialized: string): Promise<void> };
	};
}
