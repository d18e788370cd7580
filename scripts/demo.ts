/**
 * `npm start`: the product on an embedded default. Starts demo mail servers on loopback (IMAP, SMTP and a local
 * OAuth2 authority), points a copy of examples/demo.mailaccounts.json at them, and runs the real CLI on it:
 * `mailcfg check` (findings while you type) and `mailcfg test` (the explained connection report).
 *
 * Exit 0 when the demo ran as designed: one account passes and three fail exactly the way real deployments do
 * (the failures are the point: they show the explanations). Exit 1 when anything else happened; 130 on Ctrl+C.
 * Options: --lang en|de (language of the report; default: the CLI's own choice).
 */
import { spawn } from 'node:child_process';
import { join, relative } from 'node:path';
import { ROOT, compareWithExpectations } from './demo-config';
import { type DemoServers, startDemoServers } from './demo-servers';
import { type DemoWorkspace, createDemoWorkspace, demoSecretsEnv, demoTrustArgs } from './demo-workspace';

const CLI = join(ROOT, 'dist', 'cli.js');
const abort = new AbortController();

interface CliRun {
	code: number | null;
	stdout: string;
	stderr: string;
}

function runCli(args: string[], env: Record<string, string>, cwd?: string): Promise<CliRun> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [CLI, ...args], {
			env: { ...process.env, ...env },
			...(cwd ? { cwd } : {}),
			signal: abort.signal,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
		child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}

function langArgs(argv: string[]): string[] {
	const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
	if (i < 0) return [];
	const value = argv[i]?.includes('=') ? argv[i]?.split('=')[1] : argv[i + 1];
	if (value !== 'en' && value !== 'de') throw new Error(`--lang must be en or de (got '${value ?? ''}')`);
	return ['--lang', value];
}

const bold = (text: string) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);
const heading = (text: string) => process.stdout.write(`\n${bold(`== ${text}`)}\n\n`);

async function main(): Promise<number> {
	const lang = langArgs(process.argv.slice(2));
	let servers: DemoServers | undefined;
	let workspace: DemoWorkspace | undefined;
	const stopAll = async () => {
		await servers?.stop();
		workspace?.remove();
	};
	process.once('SIGINT', () => {
		process.stderr.write('\ndemo: stopping (Ctrl+C)\n');
		abort.abort();
		void stopAll().finally(() => process.exit(130));
	});
	try {
		servers = await startDemoServers();
		workspace = createDemoWorkspace(servers);
		const env = demoSecretsEnv(servers);
		heading('Demo mail servers (loopback only)');
		for (const line of servers.describe()) process.stdout.write(`  ${line}\n`);
		process.stdout.write(`  config: ${workspace.config}\n`);

		heading('mailcfg check: what the editor shows while you type');
		// The whole examples folder: the demo config plus the other examples, which show the provider rules at work.
		// Run from the temp dir so the report shows short relative paths (examples/...).
		const check = await runCli(['check', relative(workspace.dir, workspace.folder), ...lang], env, workspace.dir);
		process.stdout.write(check.stdout + check.stderr);
		// 0 (no errors) and 1 (errors found) are both results; 2 means the CLI could not do its job.
		const problems = check.code === 0 || check.code === 1 ? [] : [`mailcfg check exited with ${check.code}`];

		heading('mailcfg test: each account, stage by stage, with explanations');
		const testArgs = ['test', workspace.config, '--ca', workspace.caFile, ...demoTrustArgs(servers), ...lang];
		const text = await runCli(testArgs, env);
		process.stdout.write(text.stdout + text.stderr);
		const json = await runCli([...testArgs, '--format', 'json'], env);
		if (json.code !== 1) problems.push(`mailcfg test --format json exited with ${json.code} (expected 1: some fail)`);
		try {
			problems.push(
				...compareWithExpectations(JSON.parse(json.stdout) as Parameters<typeof compareWithExpectations>[0]),
			);
		} catch {
			problems.push(`mailcfg test --format json printed no JSON report: ${json.stderr.trim() || json.stdout.trim()}`);
		}

		heading('Result');
		if (problems.length) {
			process.stdout.write('The demo did not run as designed:\n');
			for (const p of problems) process.stdout.write(`  - ${p}\n`);
			return 1;
		}
		process.stdout.write(
			'The demo ran as designed: demo-works passed; demo-smtp-auth-disabled, demo-wrong-tls-mode and\n' +
				'demo-expired-token failed on purpose, each with its explanation above.\n' +
				'Next: `npm run sandbox` opens the same setup in VS Code (code-server) in your browser.\n',
		);
		return 0;
	} finally {
		await stopAll();
	}
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		if (abort.signal.aborted) return;
		process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	},
);
