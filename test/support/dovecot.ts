/**
 * Dovecot 2.3 as a child of the test: own config, ports, base_dir and maildirs in a temp folder, never the system
 * instance. Listeners: STARTTLS on 127.0.0.1, implicit TLS on 127.0.0.1, and STARTTLS on 127.0.0.2, where the client
 * address differs from the server's, so Dovecot treats the link as insecure and announces LOGINDISABLED.
 * passdb oauth2 validates JWTs locally against the test authority's public key (no HTTP call).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join, relative } from 'node:path';

export const DOVECOT_BINARY = '/usr/sbin/dovecot';

export interface DovecotUser {
	user: string;
	password: string;
}

export interface SeedMessage {
	/** Maildir flag letters after `:2,` (e.g. `S`, `FS`), or undefined to deliver into `new/`. */
	flags?: string;
	subject: string;
}

export interface DovecotOptions {
	tls: { key: string; cert: string };
	users: DovecotUser[];
	/** Messages per folder for every user; folders other than INBOX are created. */
	seed?: Record<string, SeedMessage[]>;
	/** SASL mechanisms; the default mirrors Exchange Online (XOAUTH2 but no OAUTHBEARER). */
	mechanisms?: string;
	oauth2?: {
		/** Value of the tokens' `iss` claim. */
		issuers: string[];
		publicKeyPem: string;
		kid: string;
		/** Claim that must equal the login name. */
		usernameAttribute: string;
	};
}

export interface DovecotServer {
	host: '127.0.0.1';
	/** The address where Dovecot announces LOGINDISABLED before STARTTLS. */
	strictHost: '127.0.0.2';
	ports: { imap: number; imaps: number; strict: number };
	/** Maildir root of a user. */
	maildir(user: string): string;
	/** Dovecot's own log lines (stderr), for failure messages. */
	log: string[];
	stop(): Promise<void>;
}

/** Fails with the fix instead of letting the suite pass without a real IMAP server. */
export function requireDovecot(): void {
	if (!existsSync(DOVECOT_BINARY)) {
		throw new Error(
			`Dovecot is not installed (${DOVECOT_BINARY} missing). Run scripts/install-test-deps.sh (apt-get install dovecot-imapd) and try again.`,
		);
	}
}

const running = new Set<ChildProcess>();
// An aborted test run must not leave a Dovecot behind on its ports.
process.on('exit', () => {
	for (const child of running) child.kill('SIGTERM');
});

export async function startDovecot(options: DovecotOptions): Promise<DovecotServer> {
	requireDovecot();
	const dir = await mkdtemp(join(tmpdir(), 'mailcfg-dovecot-'));
	// mkdtemp makes 0700; the auth (dovecot) and mail (nobody) processes must traverse it.
	await chmod(dir, 0o755);
	const [imap, imaps] = [await freePort('127.0.0.1'), await freePort('127.0.0.1')];
	const strict = await freePort('127.0.0.2');
	const root = process.getuid?.() === 0;
	const me = userInfo();
	const mailUid = root ? 65534 : me.uid;
	const mailGid = root ? 65534 : me.gid;

	for (const sub of ['run', 'state', 'home', 'oauth-keys']) await mkdir(join(dir, sub), { recursive: true });
	await writeFile(join(dir, 'server.pem'), options.tls.cert);
	await writeFile(join(dir, 'server.key'), options.tls.key, { mode: 0o600 });
	await writeFile(
		join(dir, 'users'),
		options.users.map((u) => `${u.user}:{PLAIN}${u.password}::::::`).join('\n') + '\n',
		{ mode: 0o644 },
	);
	for (const { user } of options.users) await seedMaildir(join(dir, 'home', user, 'Maildir'), options.seed ?? {});
	if (root) await chownTree(join(dir, 'home'), mailUid, mailGid);

	if (options.oauth2) {
		// Key dict layout of Dovecot 2.3 local validation: <prefix>/<azp or "default">/<alg>/<kid>.
		const keyDir = join(dir, 'oauth-keys', 'default', 'RS256');
		await mkdir(keyDir, { recursive: true });
		await writeFile(join(keyDir, escapeKeyPart(options.oauth2.kid)), options.oauth2.publicKeyPem, { mode: 0o644 });
		await chmod(join(dir, 'oauth-keys'), 0o755);
		await writeFile(
			join(dir, 'dovecot-oauth2.conf.ext'),
			[
				'introspection_mode = local',
				`local_validation_key_dict = fs:posix:prefix=${join(dir, 'oauth-keys')}/`,
				`username_attribute = ${options.oauth2.usernameAttribute}`,
				`issuers = ${options.oauth2.issuers.join(' ')}`,
				'',
			].join('\n'),
		);
	}
	const config = dovecotConfig({ dir, imap, imaps, strict, root, me, mailUid, mailGid, options });
	await writeFile(join(dir, 'dovecot.conf'), config);

	const log: string[] = [];
	const child = spawn(DOVECOT_BINARY, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
	running.add(child);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	for (const stream of [child.stdout, child.stderr]) {
		stream.setEncoding('utf8');
		stream.on('data', (text: string) => log.push(...text.split('\n').filter(Boolean)));
	}
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
			await exited;
			clearTimeout(timer);
		}
		running.delete(child);
		await rm(dir, { recursive: true, force: true });
	};
	try {
		await waitForGreeting(imap, exited, log);
	} catch (error) {
		await stop();
		throw error;
	}
	return {
		host: '127.0.0.1',
		strictHost: '127.0.0.2',
		ports: { imap, imaps, strict },
		maildir: (user) => join(dir, 'home', user, 'Maildir'),
		log,
		stop,
	};
}

interface ConfigInput {
	dir: string;
	imap: number;
	imaps: number;
	strict: number;
	root: boolean;
	me: { username: string };
	mailUid: number;
	mailGid: number;
	options: DovecotOptions;
}

function dovecotConfig(c: ConfigInput): string {
	const { dir, options } = c;
	const folders = Object.keys(options.seed ?? {}).filter((f) => f !== 'INBOX');
	const unprivileged = c.root
		? ['default_login_user = dovenull', 'default_internal_user = dovecot']
		: [
				`default_login_user = ${c.me.username}`,
				`default_internal_user = ${c.me.username}`,
				`default_internal_group = ${c.me.username}`,
			];
	const oauth2 = options.oauth2
		? [
				'passdb {',
				'  driver = oauth2',
				'  mechanisms = xoauth2 oauthbearer',
				`  args = ${dir}/dovecot-oauth2.conf.ext`,
				'}',
			]
		: [];
	return [
		`# generated by test/support/dovecot.ts; run with: dovecot -F -c ${dir}/dovecot.conf`,
		'protocols = imap',
		'listen = 127.0.0.1 127.0.0.2',
		`base_dir = ${dir}/run`,
		`state_dir = ${dir}/state`,
		`instance_name = mailcfg-test-${c.imap}`,
		'log_path = /dev/stderr',
		'info_log_path = /dev/stderr',
		...unprivileged,
		'first_valid_uid = 1',
		'ssl = yes',
		`ssl_cert = <${dir}/server.pem`,
		`ssl_key = <${dir}/server.key`,
		'disable_plaintext_auth = yes',
		`auth_mechanisms = ${options.mechanisms ?? 'plain login xoauth2'}`,
		'auth_verbose = yes',
		'auth_failure_delay = 0',
		'mail_location = maildir:~/Maildir',
		...oauth2,
		'passdb {',
		'  driver = passwd-file',
		'  mechanisms = plain login',
		`  args = scheme=PLAIN username_format=%u ${dir}/users`,
		'}',
		'userdb {',
		'  driver = static',
		`  args = uid=${c.mailUid} gid=${c.mailGid} home=${dir}/home/%u`,
		'}',
		'namespace inbox {',
		'  inbox = yes',
		'  separator = /',
		...folders.flatMap((f) => [`  mailbox "${f}" {`, '    auto = subscribe', '  }']),
		'}',
		'service imap-login {',
		...(c.root ? [] : ['  chroot =']),
		`  inet_listener imap {`,
		`    address = 127.0.0.1`,
		`    port = ${c.imap}`,
		'  }',
		'  inet_listener imaps {',
		'    address = 127.0.0.1',
		`    port = ${c.imaps}`,
		'    ssl = yes',
		'  }',
		'  inet_listener imap_strict {',
		'    address = 127.0.0.2',
		`    port = ${c.strict}`,
		'  }',
		'}',
		// Without this, every failed login makes the next logins from that IP wait 4, 8, then 15 s.
		'service anvil {',
		...(c.root ? [] : ['  chroot =']),
		'  unix_listener anvil-auth-penalty {',
		'    mode = 0',
		'  }',
		'}',
		'',
	].join('\n');
}

async function seedMaildir(maildir: string, seed: Record<string, SeedMessage[]>): Promise<void> {
	const folders: Record<string, SeedMessage[]> = { INBOX: [], ...seed };
	let n = 0;
	for (const [folder, messages] of Object.entries(folders)) {
		// Maildir++: INBOX is the root, other folders are ".Name" below it.
		const base = folder === 'INBOX' ? maildir : join(maildir, `.${folder}`);
		for (const sub of ['cur', 'new', 'tmp']) await mkdir(join(base, sub), { recursive: true });
		for (const message of messages) {
			n += 1;
			const name = `1700000000.M${n}P1.mailcfg-test`;
			const file =
				message.flags === undefined ? join(base, 'new', name) : join(base, 'cur', `${name}:2,${message.flags}`);
			await writeFile(file, rfc822(message.subject, n));
		}
	}
	if (Object.keys(seed).some((f) => f !== 'INBOX')) {
		await writeFile(
			join(maildir, 'subscriptions'),
			Object.keys(seed)
				.filter((f) => f !== 'INBOX')
				.join('\n') + '\n',
		);
	}
}

function rfc822(subject: string, n: number): string {
	return [
		'From: Scanner <scanner@contoso.test>',
		'To: import@contoso.test',
		`Subject: ${subject}`,
		`Message-ID: <seed-${n}@mailcfg.test>`,
		'Date: Tue, 14 Nov 2023 22:13:20 +0000',
		'Content-Type: text/plain; charset=utf-8',
		'',
		`Seeded message ${n}.`,
		'',
	].join('\r\n');
}

/**
 * Everything a read-only probe must leave untouched: folders, message file names (their `:2,` suffix holds the
 * flags; new/ vs cur/ holds \Recent), message bytes, UID lists and subscriptions. Dovecot's own index/cache files
 * are left out: they record that someone looked, which is not a change to the mailbox.
 */
export async function snapshotMaildir(maildir: string): Promise<Record<string, string>> {
	const snapshot: Record<string, string> = {};
	const walk = async (dir: string) => {
		for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
			const full = join(dir, entry.name);
			const rel = relative(maildir, full);
			if (entry.isDirectory()) {
				snapshot[`${rel}/`] = 'dir';
				await walk(full);
			} else if (!entry.name.startsWith('dovecot.index') && !entry.name.startsWith('dovecot.list.index')) {
				const bytes = await readFile(full);
				snapshot[rel] =
					entry.name === 'dovecot-uidlist' || entry.name === 'subscriptions'
						? bytes.toString('utf8')
						: createHash('sha256').update(bytes).digest('hex');
			}
		}
	};
	await walk(maildir);
	return snapshot;
}

async function chownTree(path: string, uid: number, gid: number): Promise<void> {
	await chown(path, uid, gid);
	if ((await stat(path)).isDirectory()) {
		for (const entry of await readdir(path)) await chownTree(join(path, entry), uid, gid);
	}
}

function escapeKeyPart(part: string): string {
	return part.replace(/%/g, '%25').replace(/\//g, '%2f');
}

/** Asks the OS for a free port on the given loopback address (Dovecot cannot listen on port 0). */
function freePort(host: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, host, () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/** Ready means the plain port greets: imap-login holds its greeting until the auth process is up. */
async function waitForGreeting(port: number, exited: Promise<void>, log: string[]): Promise<void> {
	let dead = false;
	void exited.then(() => {
		dead = true;
	});
	const deadline = Date.now() + 10_000;
	while (Date.now() < deadline) {
		if (dead) throw new Error(`Dovecot exited during start:\n${log.join('\n')}`);
		const greeting = await new Promise<string>((resolve) => {
			const socket = net.connect(port, '127.0.0.1');
			socket.setTimeout(1000);
			socket.once('data', (data) => {
				socket.destroy();
				resolve(data.toString('utf8'));
			});
			socket.once('error', () => resolve(''));
			socket.once('timeout', () => {
				socket.destroy();
				resolve('');
			});
		});
		if (greeting.startsWith('* OK')) return;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	throw new Error(`Dovecot did not greet within 10 s:\n${log.join('\n')}`);
}
