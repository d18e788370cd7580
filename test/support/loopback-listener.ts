/**
 * A scripted TCP server of a test, listening on 127.0.0.1 (an ephemeral port). Closing it destroys every socket it
 * accepted, so a probe that keeps its connection open never holds up the test's end.
 */
import net from 'node:net';

export interface LoopbackListener {
	port: number;
	close(): Promise<void>;
}

/** Starts `onSocket` for each connection; `close` ends them all and the listener. */
export async function listenOnLoopback(onSocket: (socket: net.Socket) => void): Promise<LoopbackListener> {
	const sockets = new Set<net.Socket>();
	const server = net.createServer((socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		onSocket(socket);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	return {
		port: (server.address() as net.AddressInfo).port,
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}
