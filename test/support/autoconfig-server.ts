/**
 * Web servers for autoconfig tests: one HTTPS server (certificate from the test CA for the names it serves) and one
 * plain HTTP server, both on 127.0.0.1, answering by Host header and path. The tests' DNS server points the
 * autoconfig names at 127.0.0.1, so the client connects by name and checks the certificate against that name.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { KeyAndCert } from './certs';

export interface WebRoute {
	/** Host name without port. */
	host: string;
	/** Path without query. */
	path: string;
	status?: number;
	body?: string;
	headers?: Record<string, string>;
	/** Never answer (timeouts). */
	hang?: boolean;
}

export interface WebRequestRecord {
	host: string;
	path: string;
	query: string;
	secure: boolean;
}

export interface WebServer {
	port: number;
	requests: WebRequestRecord[];
	close(): Promise<void>;
}

function handler(routes: readonly WebRoute[], requests: WebRequestRecord[], secure: boolean) {
	return (req: http.IncomingMessage, res: http.ServerResponse) => {
		const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
		const url = new URL(req.url ?? '/', 'http://x');
		requests.push({ host, path: url.pathname, query: url.search, secure });
		const route = routes.find((r) => r.host === host && r.path === url.pathname);
		if (route?.hang) return;
		if (!route) {
			res.writeHead(404, { 'content-type': 'text/plain' });
			res.end('not found');
			return;
		}
		res.writeHead(route.status ?? 200, { 'content-type': 'application/xml', ...route.headers });
		res.end(route.body ?? '');
	};
}

function serve(server: http.Server | https.Server, requests: WebRequestRecord[]): Promise<WebServer> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () =>
			resolve({
				port: (server.address() as AddressInfo).port,
				requests,
				close: () =>
					new Promise((done) => {
						server.closeAllConnections();
						server.close(() => done());
					}),
			}),
		);
	});
}

export function startHttpsWebServer(tls: KeyAndCert, routes: readonly WebRoute[]): Promise<WebServer> {
	const requests: WebRequestRecord[] = [];
	return serve(https.createServer({ key: tls.key, cert: tls.cert }, handler(routes, requests, true)), requests);
}

export function startHttpWebServer(routes: readonly WebRoute[]): Promise<WebServer> {
	const requests: WebRequestRecord[] = [];
	return serve(http.createServer(handler(routes, requests, false)), requests);
}

/** A config-v1.1.xml document as providers publish it. */
function enableXml(enable: { url: string; instructions: { lang?: string; text: string }[] } | undefined): string {
	if (!enable) return '';
	const lines = enable.instructions.map(
		(i) => `      <instruction${i.lang ? ` lang="${i.lang}"` : ''}>${i.text}</instruction>`,
	);
	return `    <enable visiturl="${enable.url}">\n${lines.join('\n')}\n    </enable>`;
}

export function autoconfigXml(options: {
	id: string;
	displayName: string;
	domains: string[];
	imap?: { host: string; port: number; socketType: 'SSL' | 'STARTTLS' | 'plain'; username?: string }[];
	smtp?: { host: string; port: number; socketType: 'SSL' | 'STARTTLS' | 'plain'; username?: string }[];
	/** An `<enable>` step; `url` and the texts go in as given (already escaped for XML). */
	enable?: { url: string; instructions: { lang?: string; text: string }[] };
}): string {
	const server = (
		tag: 'incomingServer' | 'outgoingServer',
		type: string,
		s: { host: string; port: number; socketType: string; username?: string },
	) => `    <${tag} type="${type}">
      <hostname>${s.host}</hostname>
      <port>${s.port}</port>
      <socketType>${s.socketType}</socketType>
      <authentication>password-cleartext</authentication>
      <username>${s.username ?? '%EMAILADDRESS%'}</username>
    </${tag}>`;
	return `<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="${options.id}">
${options.domains.map((d) => `    <domain>${d}</domain>`).join('\n')}
    <displayName>${options.displayName}</displayName>
${(options.imap ?? []).map((s) => server('incomingServer', 'imap', s)).join('\n')}
${(options.smtp ?? []).map((s) => server('outgoingServer', 'smtp', s)).join('\n')}
${enableXml(options.enable)}
  </emailProvider>
</clientConfig>
`;
}
