// Table tests of `host-typo` over every ISPDB provider: clean configs stay silent (precision) and generated
// one-letter slips of each provider's hosts are flagged with the right host (recall, printed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../../../src/core/config/findings';
import { ISPDB, type IspdbServer } from '../../../../src/core/providers/ispdb';
import { allKnownHosts, providerHostsForDomain } from '../../../../src/core/providers/hosts';
import { analyze, configText } from './helpers';

const fill = (host: string, domain: string): string => host.replace(/%EMAILDOMAIN%/g, domain);

function account(
	id: string,
	domain: string,
	imap: IspdbServer | undefined,
	smtp: IspdbServer | undefined,
	addressDomain = domain,
): object {
	const server = (s: IspdbServer) => ({ host: fill(s[0], domain), port: s[1], security: s[2] });
	return {
		id,
		email: `info@${addressDomain}`,
		auth: { method: 'password', user: `info@${addressDomain}`, password: '${secret:MAIL}' },
		...(imap ? { imap: server(imap) } : {}),
		...(smtp ? { smtp: server(smtp) } : {}),
	};
}

function hostTypos(findings: readonly Finding[]): Finding[] {
	return findings.filter((f) => f.code === 'host-typo');
}

test('host-typo: a clean ISPDB-derived config of any provider and any of its domains gets no host-typo', () => {
	const accounts: object[] = [];
	for (const p of ISPDB.providers) {
		const pairs = Math.max(p.imap.length, p.smtp.length);
		for (const domain of p.domains) {
			for (let i = 0; i < pairs; i++) accounts.push(account(`a${accounts.length}`, domain, p.imap[i], p.smtp[i]));
		}
	}
	assert.ok(accounts.length > ISPDB.providers.length);
	const flagged = hostTypos(analyze(configText(...accounts))).map((f) => f.message);
	assert.deepEqual(flagged, []);
});

/** Every one-letter slip of a host: each letter replaced (by its alphabet neighbour), dropped, doubled, swapped. */
function slips(host: string): string[] {
	const out = new Set<string>();
	for (let i = 0; i < host.length; i++) {
		const c = host[i] as string;
		if (c < 'a' || c > 'z') continue;
		const other = c === 'z' ? 'y' : String.fromCharCode(c.charCodeAt(0) + 1);
		out.add(host.slice(0, i) + other + host.slice(i + 1));
		out.add(host.slice(0, i) + host.slice(i + 1));
		out.add(host.slice(0, i) + c + host.slice(i));
		const next = host[i + 1];
		if (next && next !== c && next >= 'a' && next <= 'z') out.add(host.slice(0, i) + next + c + host.slice(i + 2));
	}
	out.delete(host);
	return [...out];
}

/** A company's own domain hosted at the provider: the address does not name the provider, only the host does. */
const CUSTOM_DOMAIN = 'mueller-bau.de';

/** Share of generated slips flagged with the right host; with a custom domain only the host's own domain helps. */
function measureRecall(withAddress: boolean): { recall: number; text: string; missed: string[] } {
	let total = 0;
	let caught = 0;
	let realHost = 0;
	const missed: string[] = [];
	for (const p of ISPDB.providers) {
		const domain = p.domains[0] as string;
		const own = new Set(providerHostsForDomain(domain).map((h) => h.host));
		const accounts: object[] = [];
		const expected: string[] = [];
		for (const [protocol, servers] of [
			['imap', p.imap],
			['smtp', p.smtp],
		] as const) {
			for (const server of servers) {
				const host = fill(server[0], domain);
				for (const typo of slips(host)) {
					// A slip that lands on another real host cannot be told from a deliberate choice.
					if (allKnownHosts().has(typo) || own.has(typo)) {
						realHost++;
						continue;
					}
					const slipped: IspdbServer = [typo, server[1], server[2]];
					accounts.push(
						account(
							`t${accounts.length}`,
							domain,
							protocol === 'imap' ? slipped : undefined,
							protocol === 'smtp' ? slipped : undefined,
							withAddress ? domain : CUSTOM_DOMAIN,
						),
					);
					expected.push(`${typo} -> ${host}`);
				}
			}
		}
		total += accounts.length;
		const found = new Set(
			hostTypos(analyze(configText(...accounts))).map((f) => {
				const m = /^"([^"]+)" is not a known mail server, but (\S+) is\./.exec(f.message);
				return m ? `${m[1]} -> ${m[2]}` : f.message;
			}),
		);
		for (const e of expected) {
			if (found.has(e)) caught++;
			else if (missed.length < 20) missed.push(e);
		}
	}
	const recall = caught / total;
	const text = `${caught}/${total} = ${(recall * 100).toFixed(1)} % (${realHost} slips that are themselves real hosts not counted)`;
	return { recall, text, missed };
}

test('host-typo: one-letter slips of every ISPDB provider host are flagged with the right host (recall)', () => {
	const withAddress = measureRecall(true);
	const hostOnly = measureRecall(false);
	console.log(
		`host-typo recall over ISPDB (${ISPDB.providers.length} providers), account address known: ${withAddress.text}`,
	);
	console.log(`host-typo recall over ISPDB, address at a custom domain (the host's own domain only): ${hostOnly.text}`);
	assert.ok(withAddress.recall >= 0.97, `recall ${withAddress.recall}; missed e.g. ${withAddress.missed.join(', ')}`);
	assert.ok(hostOnly.recall >= 0.35, `recall ${hostOnly.recall}; missed e.g. ${hostOnly.missed.join(', ')}`);
});
