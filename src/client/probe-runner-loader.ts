import type * as Runner from './probe-runner';

export type ProbeRunner = typeof Runner;

let loaded: ProbeRunner | undefined;

/**
 * The probe engine from dist/probe-runner.js, loaded on first use so imapflow, nodemailer and msal-node cost
 * nothing until a test runs. esbuild keeps this require as is (the path is external in dist/extension.js), so it
 * resolves next to the extension bundle.
 */
export function probeRunner(): ProbeRunner {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load has to be a runtime require.
	loaded ??= require('./probe-runner.js') as ProbeRunner;
	return loaded;
}
