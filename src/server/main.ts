// Entry of dist/server.js: `node dist/server.js --stdio` (or --node-ipc / --socket=N), for any LSP client.
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { systemClock } from '../core/clock';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);

// vscode-languageserver already routes console output to the client when running over --stdio. A stray error
// in a timer or a dependency must not end the server (and with it every diagnostic in the editor).
process.on('uncaughtException', (error) =>
	connection.console.error(`mailcfg: unexpected error: ${error.stack ?? error.message}`),
);
process.on('unhandledRejection', (reason) =>
	connection.console.error(`mailcfg: unhandled rejection: ${String(reason)}`),
);

startServer(connection, { now: systemClock, version: __MAILCFG_VERSION__ });

declare const __MAILCFG_VERSION__: string;
