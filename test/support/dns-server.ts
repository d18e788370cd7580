/**
 * An authoritative DNS server on loopback for discovery tests, over UDP and TCP (RFC 1035 §4.2; TCP messages carry a
 * two-byte length). dns-packet does the wire format. Answers that do not fit into a UDP datagram of `udpLimit` bytes
 * go out truncated (TC bit), so the client retries over TCP, as real resolvers do. Names outside the records are
 * NXDOMAIN; names listed in `silent` never get an answer (timeouts), names in `servfail` get SERVFAIL.
 */
import dgram from 'node:dgram';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import * as packet from 'dns-packet';

export type DnsRecord =
	| { name: string; type: 'A'; data: string }
	| { name: string; type: 'AAAA'; data: string }
	| { name: string; type: 'MX'; data: { preference: number; exchange: string } }
	| { name: string; type: 'SRV'; data: { priority: number; weight: number; port: number; target: string } }
	| { name: string; type: 'TXT'; data: string };

export interface DnsServerOptions {
	records: DnsRecord[];
	silent?: string[];
	servfail?: string[];
	/** Largest UDP answer before it is sent truncated (default 512, the classic limit without EDNS). */
	udpLimit?: number;
}

export interface DnsQueryRecord {
	name: string;
	type: string;
	transport: 'udp' | 'tcp';
}

export interface DnsServer {
	/** `127.0.0.1:<port>`, for Resolver.setServers and `mailcfg discover --dns`. */
	address: string;
	port: number;
	queries: DnsQueryRecord[];
	close(): Promise<void>;
}

const NXDOMAIN = 3;
const SERVFAIL = 2;

function answer(query: packet.Packet, options: DnsServerOptions, transport: 'udp' | 'tcp'): Buffer | undefined {
	const question = query.questions?.[0];
	if (!question) return undefined;
	const name = question.name.toLowerCase().replace(/\.$/, '');
	if (options.silent?.includes(name)) return undefined;
	const known = options.records.filter((r) => r.name === name);
	const rcode = options.servfail?.includes(name) ? SERVFAIL : known.length === 0 ? NXDOMAIN : 0;
	const answers =
		rcode === 0
			? known.filter((r) => r.type === question.type).map((r) => ({ ...r, ttl: 60, class: 'IN' as const }))
			: [];
	const response = {
		type: 'response' as const,
		id: query.id ?? 0,
		flags: packet.AUTHORITATIVE_ANSWER | ((query.flags ?? 0) & packet.RECURSION_DESIRED) | rcode,
		questions: [question],
		answers: answers as packet.Answer[],
	};
	const full = packet.encode(response);
	if (transport === 'udp' && full.length > (options.udpLimit ?? 512)) {
		return packet.encode({ ...response, flags: response.flags | packet.TRUNCATED_RESPONSE, answers: [] });
	}
	return full;
}

export async function startDnsServer(options: DnsServerOptions): Promise<DnsServer> {
	const queries: DnsQueryRecord[] = [];
	const note = (query: packet.Packet, transport: 'udp' | 'tcp'): void => {
		const q = query.questions?.[0];
		if (q) queries.push({ name: q.name.toLowerCase(), type: q.type, transport });
	};
	const onUdp = (udp: dgram.Socket) => (message: Buffer, remote: dgram.RemoteInfo) => {
		let query: packet.Packet;
		try {
			query = packet.decode(message);
		} catch {
			return;
		}
		note(query, 'udp');
		const reply = answer(query, options, 'udp');
		if (reply) udp.send(reply, remote.port, remote.address);
	};
	const sockets = new Set<net.Socket>();
	const onTcp = (socket: net.Socket): void => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => undefined);
		let buffered = Buffer.alloc(0);
		socket.on('data', (chunk: Buffer) => {
			buffered = Buffer.concat([buffered, chunk]);
			while (buffered.length >= 2 && buffered.length >= 2 + buffered.readUInt16BE(0)) {
				const length = buffered.readUInt16BE(0);
				let query: packet.Packet | undefined;
				try {
					query = packet.decode(buffered.subarray(2, 2 + length));
				} catch {
					query = undefined;
				}
				buffered = buffered.subarray(2 + length);
				if (!query) continue;
				note(query, 'tcp');
				const reply = answer(query, options, 'tcp');
				if (reply) {
					const framed = Buffer.alloc(2 + reply.length);
					framed.writeUInt16BE(reply.length, 0);
					reply.copy(framed, 2);
					socket.write(framed);
				}
			}
		});
	};
	// Resolvers switch transports, not ports: UDP and TCP share one port number. The UDP port is picked by the
	// system; should TCP find it taken, both are opened again on a new one.
	for (let attempt = 0; ; attempt++) {
		const udp = dgram.createSocket('udp4');
		udp.on('message', onUdp(udp));
		await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
		const port = (udp.address() as AddressInfo).port;
		const tcp = net.createServer(onTcp);
		try {
			await new Promise<void>((resolve, reject) => {
				tcp.once('error', reject);
				tcp.listen(port, '127.0.0.1', () => resolve());
			});
		} catch (error) {
			udp.close();
			if (attempt < 5) continue;
			throw error;
		}
		return server(port, udp, tcp);
	}

	function server(port: number, udp: dgram.Socket, tcp: net.Server): DnsServer {
		return {
			address: `127.0.0.1:${port}`,
			port,
			queries,
			async close() {
				for (const socket of sockets) socket.destroy();
				await Promise.all([
					new Promise<void>((resolve) => tcp.close(() => resolve())),
					new Promise<void>((resolve) => udp.close(() => resolve())),
				]);
			},
		};
	}
}
