/**
 * A loopback TCP listener that only records: how many connections arrived and every byte they sent. Hostile-config
 * tests point a refused config at it and assert that it received nothing at all (no connection, not one byte).
 * It never answers, so a client that does connect waits for a greeting until its own timeout.
 */
import { type Server, type Socket, createServer } from 'node:net';

export interface RecordingServer {
	host: '127.0.0.1';
	port: number;
	/** Connections accepted so far. */
	connections: number;
	/** Everything received, across connections (latin1, so any byte shows). */
	received(): string;
	close(): Promise<void>;
}

export async function startRecordingServer(): Promise<RecordingServer> {
	const sockets = new Set<Socket>();
	const chunks: Buffer[] = [];
	const server: Server = createServer((socket) => {
		record.connections++;
		sockets.add(socket);
		socket.on('data', (chunk: Buffer) => chunks.push(chunk));
		socket.on('error', () => undefined);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (!address || typeof address === 'string') throw new Error('recording server has no port');
	const record: RecordingServer = {
		host: '127.0.0.1',
		port: address.port,
		connections: 0,
		received: () => Buffer.concat(chunks).toString('latin1'),
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
	return record;
}
