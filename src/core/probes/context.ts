import type { Clock } from '../clock';
import type { Lang, Localized } from '../i18n';
import type { Logger } from '../logger';
import type { TrustPolicy } from '../trust/policy';
import type { FrontEnd } from '../trust/texts';

/** Per-stage timeouts in milliseconds; account `timeouts` override settings, which override the defaults. */
export interface ProbeTimeouts {
	connectMs: number;
	greetingMs: number;
	stageMs: number;
	/**
	 * The OAuth2 token stage of a flow that waits for a person (device code, browser sign-in): reading a code and
	 * signing in with MFA takes minutes, not the 20 s of a server reply. Default 5 minutes; an account's own
	 * `timeouts.stage` wins over it, as does a front end that sets it (the CLI's --timeout).
	 */
	signInMs?: number;
}

export const DEFAULT_TIMEOUTS: Required<ProbeTimeouts> = {
	connectMs: 10_000,
	greetingMs: 10_000,
	stageMs: 20_000,
	signInMs: 300_000,
};

/** Secrets an account needs, already resolved from `${secret:..}` / `${env:..}` references. Never logged. */
export interface Credentials {
	password?: string;
	clientSecret?: string;
	/** PEM of the certificate's private key for client-credentials with a certificate. */
	privateKey?: string;
}

/** What a person needs to finish a device-code sign-in. */
export interface DeviceCodePrompt {
	userCode: string;
	verificationUri: string;
	/** The sign-in service's own instruction (English only). */
	message: string;
	/** The account to sign in with (`auth.user`). */
	user: string;
}

/** Everything a probe takes from its environment; front ends build it, tests inject loopback servers and CAs. */
export interface ProbeContext {
	lang: Lang;
	clock: Clock;
	timeouts: ProbeTimeouts;
	/** Cancels the probe; sockets close at once. */
	signal?: AbortSignal;
	logger?: Logger;
	/**
	 * Where the user allows secrets to go (trust/policy.ts) and which front end words the refusals. Without it the
	 * strict policy applies: no cleartext to remote hosts, Microsoft's login hosts only.
	 */
	trust?: { policy: TrustPolicy; frontEnd: FrontEnd };
	/** DNS servers (`IP` or `IP:port`) to ask instead of the system's resolver: `mailcfg test --dns`. */
	dnsServers?: readonly string[];
	/** Extra trusted CA certificates (PEM), e.g. a company CA or a test CA. Verification itself stays on. */
	extraCa?: string[];
	/** OAuth2 wiring (msal-node). `networkClient` is msal's INetworkModule: tests route the authority to a local server. */
	oauth2?: {
		networkClient?: unknown;
		/** Shows the device-code prompt (user code + verification URL, and the user to sign in as) to the user. */
		onDeviceCode?: (prompt: DeviceCodePrompt) => void;
		/** Opens the system browser for the authorization-code flow. */
		openBrowser?: (url: string) => Promise<void>;
		/**
		 * Why nobody can sign in here (the CLI in CI, without a terminal). Set without the two hooks above, a flow that
		 * needs a person fails at once as CONFIG with this text instead of waiting for a sign-in that cannot happen.
		 */
		unattended?: Localized;
		/** Serialized msal token cache in/out; the extension keeps it in SecretStorage only. */
		cache?: { load(): Promise<string | undefined>; save(serialized: string): Promise<void> };
	};
}
