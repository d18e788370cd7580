/**
 * msal's network client for tests: the production HTTPS client with the test CA, plus routing that sends
 * `https://login.microsoftonline.com` to the local OIDC server. msal keeps the real authority (and its built-in
 * endpoint metadata), so the code under test is exactly what runs in production.
 */
import type { INetworkModule } from '@azure/msal-node';
import { createHttpsNetworkClient } from '../../src/core/probes/oauth2-network';

export interface TestNetworkOptions {
	ca: string;
	/** Origin → replacement origin, e.g. `{ 'https://login.microsoftonline.com': oidc.url }`. */
	route: Record<string, string>;
	/** Every URL msal asked for, after routing (lets tests assert no request escaped to the internet). */
	seen?: string[];
}

export function testNetworkClient(options: TestNetworkOptions): INetworkModule {
	const inner = createHttpsNetworkClient({ extraCa: [options.ca] });
	const reroute = (url: string) => {
		const parsed = new URL(url);
		const target = options.route[parsed.origin];
		if (!target) throw new Error(`test network client: no route for ${parsed.origin}`);
		const routed = `${target}${parsed.pathname}${parsed.search}`;
		options.seen?.push(routed);
		return routed;
	};
	return {
		sendGetRequestAsync: (url, init, timeout) => inner.sendGetRequestAsync(reroute(url), init, timeout),
		sendPostRequestAsync: (url, init) => inner.sendPostRequestAsync(reroute(url), init),
	};
}
