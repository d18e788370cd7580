/**
 * The redirect target of the authorization-code flow: a one-shot HTTP listener on 127.0.0.1 (redirect URI
 * `http://localhost:<port>`, which Entra allows on any port). It closes after the first redirect, on abort and on
 * timeout, so no port stays open behind a finished or cancelled probe.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackRedirect {
	redirectUri: string;
	/** Resolves with the query of the first redirect that carries this flow's `state`; rejects on abort. */
	result: Promise<URLSearchParams>;
	close(): void;
}

export interface LoopbackPages {
	done: string;
	failed: string;
}

export async function listenForRedirect(
	state: string,
	signal: AbortSignal,
	pages: LoopbackPages,
): Promise<LoopbackRedirect> {
	let settle: { resolve(params: URLSearchParams): void; reject(reason: unknown): void } | undefined;
	const result = new Promise<URLSearchParams>((resolve, reject) => {
		settle = { resolve, reject };
	});
	// The caller may stop waiting (e.g. the browser failed to open); an abort afterwards must not go unhandled.
	result.catch(() => undefined);
	const server = http.createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		// Browsers also ask for /favicon.ico and the like; only the redirect with our state counts.
		if (url.searchParams.get('state') !== state) {
			response.writeHead(404).end();
			return;
		}
		const failed = url.searchParams.has('error') || !url.searchParams.get('code');
		response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', connection: 'close' });
		response.end(page(failed ? pages.failed : pages.done));
		settle?.resolve(url.searchParams);
		close();
	});
	const close = () => {
		server.close();
		server.closeAllConnections();
		signal.removeEventListener('abort', onAbort);
	};
	const onAbort = () => {
		settle?.reject(signal.reason);
		close();
	};
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	if (signal.aborted) onAbort();
	else signal.addEventListener('abort', onAbort, { once: true });
	const { port } = server.address() as AddressInfo;
	return { redirectUri: `http://localhost:${port}`, result, close };
}

function page(text: string): string {
	const escaped = text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
	return `<!doctype html><meta charset="utf-8"><title>mailcfg</title><p>${escaped}</p>`;
}
