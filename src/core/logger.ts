/** Logging seam for core: the extension adapts a LogOutputChannel, the server connection.console, the CLI stderr. */
export interface Logger {
	debug(message: string): void;
	info(message: string): void;
	warn(message: string): void;
	error(message: string): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
