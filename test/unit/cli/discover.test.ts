// `mailcfg discover` in-process against the loopback discovery world (DNS, HTTPS autoconfig, Entra-like authority).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CliIo } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { type DiscoveryWorld, TENANTS, startDiscoveryWorld } from '../../support/discovery-world';

let world: DiscoveryWorld;
let root: string;

before(async () => {
	world = await startDiscoveryWorld();
	root = mkdtempSync(join(tmpdir(), 'mailcfg-discover-'));
	writeFileSync(join(root, 'test-ca.pem'), world.caCert);
});
after(async () => {
	await world.close();
	rmSync(root, { recursive: true, force: true });
});

async function run(args: string[], env: Record<string, string> = {}) {
	let out = '';
	let err = '';
	const io: CliIo = {
		stdout: (t) => (out += t),
		stderr: (t) => (err += t),
		readStdin: () => Promise.resolve(''),
		env,
		cwd: root,
	};
	const code = await main(args, io);
	return { code, out, err };
}

const network = () => [
	'--dns',
	world.dns.address,
	'--ca',
	'test-ca.pem',
	'--authority-host',
	world.oidc.url,
	'--https-port',
	String(world.https.port),
	'--timeout',
	'3000',
];

const JSON_KEYS = ['email', 'provider', 'sources', 'imap', 'smtp', 'tenant', 'account'];

describe('mailcfg discover', () => {
	test('an ISPDB provider offline, as JSON in the documented shape', async () => {
		const { code, out } = await run(['discover', 'someone@gmx.de', '--offline', '--format', 'json']);
		assert.equal(code, 0);
		const json = JSON.parse(out);
		assert.deepEqual(Object.keys(json), JSON_KEYS);
		assert.deepEqual(json.provider, { id: 'gmx', name: 'GMX' });
		assert.deepEqual(
			json.sources.map((s: { kind: string }) => s.kind),
			['data'],
		);
		assert.deepEqual(json.imap[0], { host: 'imap.gmx.net', port: 993, security: 'tls' });
		assert.deepEqual(Object.keys(json.smtp[0]), ['host', 'port', 'security']);
		assert.equal(json.tenant, null);
		assert.equal(json.account.auth.password, '${secret:SOMEONE_PASSWORD}');
	});

	test('a Microsoft 365 domain: Exchange Online servers and an app-only account with the tenant that passes check', async () => {
		const { code, out } = await run(['discover', 'import@contoso.test', '--format', 'json', ...network()]);
		assert.equal(code, 0, out);
		const json = JSON.parse(out);
		assert.deepEqual(json.provider, { id: 'microsoft365', name: 'Microsoft 365 / Exchange Online' });
		assert.deepEqual(json.imap, [{ host: 'outlook.office365.com', port: 993, security: 'tls' }]);
		assert.deepEqual(json.tenant, { id: TENANTS.contoso, domain: 'contoso.test' });
		assert.deepEqual(
			json.sources.map((s: { kind: string }) => s.kind),
			['mx', 'tenant'],
		);
		assert.equal(json.account.auth.oauth2.tenant, TENANTS.contoso);
		writeFileSync(join(root, 'contoso.mailaccounts.json'), JSON.stringify({ accounts: [json.account] }, null, '\t'));
		const check = await run(['check', 'contoso.mailaccounts.json', '--now', '2026-12-03']);
		assert.equal(check.code, 0, check.out);
	});

	test('text output in German says where each value came from', async () => {
		const { code, out } = await run(['discover', 'import@contoso.test', '--lang', 'de', ...network()]);
		assert.equal(code, 0);
		assert.match(out, /Mail-Einstellungen für import@contoso\.test/);
		assert.match(out, /outlook\.office365\.com:993 tls +MX-Einträge: MX contoso-test\.mail\.protection\.outlook\.com/);
		assert.match(out, new RegExp(`Microsoft-Entra-Mandant: ${TENANTS.contoso} \\(contoso\\.test\\)`));
		assert.match(out, /\+ Mandant +Mandant a3f1c2d4/);
	});

	test('nothing found: exit 1 and the text lists what was tried', async () => {
		const { code, out } = await run(['discover', 'x@nowhere.test', ...network()]);
		assert.equal(code, 1);
		assert.match(out, /No mail settings found for x@nowhere\.test\. Tried:/);
		assert.match(out, /MX records +nowhere\.test does not exist \(NXDOMAIN\)/);
		assert.match(out, /SRV records +no SRV records/);
		const json = JSON.parse((await run(['discover', 'x@nowhere.test', '--format', 'json', ...network()])).out);
		assert.deepEqual(Object.keys(json), JSON_KEYS);
		assert.deepEqual([json.imap, json.smtp, json.sources, json.account], [[], [], [], null]);
	});

	test('usage errors exit 2', async () => {
		for (const args of [
			['discover'],
			['discover', 'a@example.org', 'b@example.org'],
			['discover', 'not-an-address'],
			['discover', 'a@example.org', '--dns', 'dns.example.org:53'],
			['discover', 'a@example.org', '--https-port', '70000'],
			['discover', 'a@example.org', '--timeout', 'soon'],
			['discover', 'a@example.org', '--authority-host', 'http://login.example.org'],
			['discover', 'a@example.org', '--ca', 'missing.pem'],
			['discover', 'a@example.org', '--format', 'xml'],
			['discover', 'a@example.org', '--bogus'],
		]) {
			const { code, err } = await run(args);
			assert.equal(code, 2, `${args.join(' ')}: ${err}`);
			assert.match(err, /^mailcfg discover: /);
		}
	});
});
