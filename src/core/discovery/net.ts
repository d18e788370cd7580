/**
 * The network seams of discovery. Every step talks to the network only through these two interfaces, so tests and
 * other hosts can supply their own; node-net.ts has the Node implementations. Each call gets an AbortSignal that
 * carries the step's timeout and the user's cancel.
 */

export interface MxRecord {
	exchange: string;
	priority: number;
}

export interface SrvRecord {
	name: string;
	port: number;
	priority: number;
	weight: number;
}

export interface DnsClient {
	mx(name: string, signal: AbortSignal): Promise<MxRecord[]>;
	srv(name: string, signal: AbortSignal): Promise<SrvRecord[]>;
}

/** `nxdomain`: the name does not exist; `nodata`: it exists without records of that type. */
export type DnsErrorKind = 'nxdomain' | 'nodata' | 'timeout' | 'cancelled' | 'failed';

export class DnsError extends Error {
	constructor(
		readonly kind: DnsErrorKind,
		message: string,
	) {
		super(message);
	}
}

export interface HttpResponse {
	status: number;
	body: string;
	/** `location` of a redirect, if any. */
	location?: string;
}

export interface HttpClient {
	/**
	 * GET with certificate checks for https URLs. Rejects when the body would exceed `maxBytes`, on network or TLS
	 * errors and when `signal` aborts; answers with any status otherwise (redirects are not followed here).
	 */
	get(url: URL, options: { signal: AbortSignal; maxBytes: number }): Promise<HttpResponse>;
}

/** Why an HTTP request failed, short enough for a one-line step report. */
export function describeError(error: unknown): string {
	if (error instanceof Error) {
		const code = (error as { code?: unknown }).code;
		return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
	}
	return String(error);
}
