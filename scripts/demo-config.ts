/**
 * The demo's accounts (examples/demo.mailaccounts.json) and what each must show. The example file names fixed
 * loopback ports that stand for the demo endpoints; the demo servers listen on ephemeral ports, so a run writes a
 * copy of the file with the real ports (and never edits the example).
 */
import { type Edit, applyEdits, findNodeAtLocation, modify, parseTree } from 'jsonc-parser';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const EXAMPLES = join(ROOT, 'examples');
export const DEMO_CONFIG_NAME = 'demo.mailaccounts.json';

export interface DemoEndpoints {
	imapStarttls: number;
	imapTls: number;
	smtpSubmission: number;
	/** SMTP submission of a Microsoft 365 look-alike tenant with SMTP AUTH turned off. */
	smtpAuthDisabled: number;
	/** Port of the local OAuth2 authority (HTTPS on 127.0.0.1). */
	authority: number;
}

/** The placeholder port of each endpoint in the example file. */
export const TEMPLATE_PORTS: DemoEndpoints = {
	imapStarttls: 42143,
	imapTls: 42993,
	smtpSubmission: 42587,
	smtpAuthDisabled: 42588,
	authority: 42443,
};

/** Environment variables the example's `${env:...}` references name. */
export const DEMO_ENV = { password: 'MAILCFG_DEMO_PASSWORD', clientSecret: 'MAILCFG_DEMO_CLIENT_SECRET' } as const;

/** Returns the config text with every template port replaced by the running endpoint's port, and no `$schema`. */
export function materializeDemoConfig(text: string, endpoints: DemoEndpoints): string {
	const portMap = new Map<number, number>(
		(Object.keys(TEMPLATE_PORTS) as (keyof DemoEndpoints)[]).map((key) => [TEMPLATE_PORTS[key], endpoints[key]]),
	);
	const root = parseTree(text);
	const accounts = root ? findNodeAtLocation(root, ['accounts']) : undefined;
	if (!root || accounts?.type !== 'array') throw new Error(`${DEMO_CONFIG_NAME} has no accounts array`);
	const format = { formattingOptions: { insertSpaces: false, tabSize: 1 } };
	// The copy lives in a temp folder, where the relative schema path points nowhere; the file name selects the schema.
	let edits: Edit[] = modify(text, ['$schema'], undefined, format);
	(accounts.children ?? []).forEach((account, index) => {
		for (const protocol of ['imap', 'smtp']) {
			const port = findNodeAtLocation(account, [protocol, 'port']);
			const mapped = typeof port?.value === 'number' ? portMap.get(port.value) : undefined;
			if (mapped !== undefined)
				edits = [...edits, ...modify(text, ['accounts', index, protocol, 'port'], mapped, format)];
		}
		const authority = findNodeAtLocation(account, ['auth', 'oauth2', 'authority']);
		if (typeof authority?.value === 'string') {
			const url = new URL(authority.value);
			const mapped = portMap.get(Number(url.port));
			if (mapped !== undefined) {
				url.port = String(mapped);
				edits = [...edits, ...modify(text, ['accounts', index, 'auth', 'oauth2', 'authority'], url.href, format)];
			}
		}
	});
	return applyEdits(text, edits);
}

/** What one protocol check of a demo account must end with. */
export type Expectation =
	| { protocol: 'imap' | 'smtp' | 'oauth2'; ok: true }
	| { protocol: 'imap' | 'smtp' | 'oauth2'; ok: false; code: string; serverResponse?: string };

/** The designed outcome of each demo account: one passes, three fail the way real deployments do. */
export const DEMO_EXPECTATIONS: Record<string, Expectation[]> = {
	'demo-works': [
		{ protocol: 'imap', ok: true },
		{ protocol: 'smtp', ok: true },
	],
	'demo-smtp-auth-disabled': [{ protocol: 'smtp', ok: false, code: 'AUTH_FAILED', serverResponse: '5.7.139' }],
	'demo-wrong-tls-mode': [{ protocol: 'imap', ok: false, code: 'TLS_MODE_MISMATCH' }],
	'demo-expired-token': [{ protocol: 'oauth2', ok: false, code: 'OAUTH_CLAIMS' }],
};

interface ReportCheck {
	protocol: string;
	ok: boolean;
	error?: { code: string; serverResponse?: string };
}

/**
 * Compares `mailcfg test --format json` output with the expectations; returns one line per deviation (empty when
 * the demo ran as designed). Checks the report has no expectation for are ignored (e.g. IMAP after a failed token).
 */
export function compareWithExpectations(report: { accounts?: { id: string; checks: ReportCheck[] }[] }): string[] {
	const problems: string[] = [];
	for (const [id, expectations] of Object.entries(DEMO_EXPECTATIONS)) {
		const account = report.accounts?.find((a) => a.id === id);
		if (!account) {
			problems.push(`${id}: missing from the report`);
			continue;
		}
		for (const expected of expectations) {
			const check = account.checks.find((c) => c.protocol === expected.protocol);
			if (!check) problems.push(`${id}: no ${expected.protocol} check`);
			else if (expected.ok && !check.ok)
				problems.push(`${id}: ${expected.protocol} failed (${check.error?.code}), should pass`);
			else if (!expected.ok && check.ok)
				problems.push(`${id}: ${expected.protocol} passed, should fail with ${expected.code}`);
			else if (!expected.ok && check.error?.code !== expected.code) {
				problems.push(`${id}: ${expected.protocol} failed with ${check.error?.code}, expected ${expected.code}`);
			} else if (
				!expected.ok &&
				expected.serverResponse &&
				!check.error?.serverResponse?.includes(expected.serverResponse)
			) {
				problems.push(`${id}: ${expected.protocol} server reply lacks '${expected.serverResponse}'`);
			}
		}
	}
	return problems;
}
