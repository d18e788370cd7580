// MX and SRV answers as resolvers return them, and the ranking of everything the steps found.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mxHosts, providerFromMx } from '../../../../src/core/discovery/mx';
import { rankServers, suitsAccount } from '../../../../src/core/discovery/rank';
import { SRV_SERVICES, srvTargets } from '../../../../src/core/discovery/srv';
import type { ServerCandidate } from '../../../../src/core/discovery/types';

const service = (label: string) => SRV_SERVICES.find((s) => s.label === label) ?? assert.fail(label);

describe('MX records', () => {
	test('hosts by preference, cleaned, each once; the null MX and malformed names dropped', () => {
		const cases: [records: { exchange: string; priority: number }[], hosts: string[]][] = [
			[
				[
					{ exchange: 'mx01.emig.gmx.net', priority: 10 },
					{ exchange: 'mx00.emig.gmx.net', priority: 5 },
				],
				['mx00.emig.gmx.net', 'mx01.emig.gmx.net'],
			],
			[[{ exchange: '', priority: 0 }], []],
			[[{ exchange: '.', priority: 0 }], []],
			[
				[
					{ exchange: 'MX.Example.ORG.', priority: 20 },
					{ exchange: 'mx.example.org', priority: 10 },
				],
				['mx.example.org'],
			],
			[
				[
					{ exchange: 'bad host.example.org', priority: 1 },
					{ exchange: '192.0.2.1', priority: 2 },
					{ exchange: 'mx.example.org', priority: 3 },
				],
				['mx.example.org'],
			],
			[
				[
					{ exchange: 'nan.example.org', priority: Number.NaN },
					{ exchange: 'half.example.org', priority: 1.5 },
					{ exchange: 'mx.example.org', priority: 0 },
				],
				['mx.example.org'],
			],
			[
				Array.from({ length: 12 }, (_, i) => ({ exchange: `mx${i}.example.org`, priority: i })),
				Array.from({ length: 10 }, (_, i) => `mx${i}.example.org`),
			],
		];
		for (const [records, hosts] of cases) assert.deepEqual(mxHosts(records), hosts, JSON.stringify(records));
	});

	test('the provider an MX names: hosted-service patterns first, else the data of the MX host’s parent domains', () => {
		const cases: [
			hosts: string[],
			own: string,
			found: [exchange: string, by: string, provider: string, domain?: string] | undefined,
		][] = [
			[
				['contoso-com.mail.protection.outlook.com'],
				'contoso.com',
				['contoso-com.mail.protection.outlook.com', 'pattern', 'microsoft365'],
			],
			[['contoso-com.o-v1.mx.microsoft'], 'contoso.com', ['contoso-com.o-v1.mx.microsoft', 'pattern', 'microsoft365']],
			[['aspmx.l.google.com'], 'kanzlei.de', ['aspmx.l.google.com', 'pattern', 'google-workspace']],
			[['alt1.aspmx.l.google.com'], 'kanzlei.de', ['alt1.aspmx.l.google.com', 'pattern', 'google-workspace']],
			[['smtp.google.com'], 'kanzlei.de', ['smtp.google.com', 'pattern', 'google-workspace']],
			[['aspmx2.googlemail.com'], 'kanzlei.de', ['aspmx2.googlemail.com', 'pattern', 'google-workspace']],
			// A pattern on a later MX still wins over data of an earlier one.
			[
				['mx00.emig.gmx.net', 'x.mail.protection.outlook.com'],
				'a.de',
				['x.mail.protection.outlook.com', 'pattern', 'microsoft365'],
			],
			[['mx00.emig.gmx.net'], 'fabrikam.test', ['mx00.emig.gmx.net', 'data', 'gmx', 'gmx.net']],
			[['mx.unknown.example', 'mx00.emig.gmx.net'], 'a.de', ['mx00.emig.gmx.net', 'data', 'gmx', 'gmx.net']],
			// The domain's own name is step 1's business; its MX under the same domain says nothing new.
			[['mx00.emig.gmx.net'], 'gmx.net', undefined],
			[['mail.mueller-bau.de'], 'mueller-bau.de', undefined],
			[['notaspmx.l.google.com.evil.example'], 'a.de', undefined],
			[[], 'a.de', undefined],
		];
		for (const [hosts, own, found] of cases) {
			const finding = providerFromMx(hosts, own);
			assert.deepEqual(
				finding && [
					finding.exchange,
					finding.by,
					finding.data.provider.id,
					...(finding.domain ? [finding.domain] : []),
				],
				found,
				hosts.join(','),
			);
		}
	});

	test('an MX pattern hit offers the provider’s main submission endpoints, not port 25 relays', () => {
		const finding = providerFromMx(['contoso-com.mail.protection.outlook.com'], 'contoso.com');
		assert.deepEqual(
			finding?.data.servers.map((s) => `${s.protocol} ${s.host}:${s.port}/${s.security}`),
			['imap outlook.office365.com:993/tls', 'smtp smtp.office365.com:587/starttls'],
		);
	});
});

describe('SRV records (RFC 6186, RFC 8314)', () => {
	test('the four services: implicit TLS before STARTTLS, IMAP and submission', () => {
		assert.deepEqual(
			SRV_SERVICES.map((s) => `${s.label} ${s.protocol}/${s.security}`),
			[
				'_imaps._tcp imap/tls',
				'_imap._tcp imap/starttls',
				'_submissions._tcp smtp/tls',
				'_submission._tcp smtp/starttls',
			],
		);
	});

	test('targets by priority, then heaviest weight; "." and malformed targets dropped; each host:port once', () => {
		const rec = (name: string, port: number, priority = 0, weight = 0) => ({ name, port, priority, weight });
		const cases: [records: ReturnType<typeof rec>[], targets: string[]][] = [
			[[rec('imap.example.org', 993)], ['imap.example.org:993#0']],
			[[rec('.', 0)], []],
			[[rec('', 0)], []],
			[
				[rec('b.example.org', 993, 10), rec('a.example.org', 993, 0)],
				['a.example.org:993#0', 'b.example.org:993#1'],
			],
			[
				[rec('light.example.org', 993, 0, 10), rec('heavy.example.org', 993, 0, 90)],
				['heavy.example.org:993#0', 'light.example.org:993#1'],
			],
			[
				[rec('heavy.example.org', 993, 5, 90), rec('first.example.org', 993, 1, 0)],
				['first.example.org:993#0', 'heavy.example.org:993#1'],
			],
			[
				[rec('IMAP.Example.org.', 993), rec('imap.example.org', 993, 1), rec('imap.example.org', 1993, 2)],
				['imap.example.org:993#0', 'imap.example.org:1993#1'],
			],
			[
				[
					rec('bad name.example.org', 993),
					rec('10.0.0.1', 993),
					rec('ok.example.org', 0),
					rec('ok.example.org', 70000),
					rec('ok.example.org', 993, 1),
				],
				['ok.example.org:993#0'],
			],
			// RFC 2782: a target of "." means the service is decidedly not offered at this domain.
			[[rec('.', 0), rec('', 993, 1), rec('imap.example.org', 993, 2)], ['imap.example.org:993#0']],
			[[rec('.', 993)], []],
			[
				Array.from({ length: 7 }, (_, i) => rec(`n${i}.example.org`, 993, i)),
				Array.from({ length: 5 }, (_, i) => `n${i}.example.org:993#${i}`),
			],
		];
		for (const [records, targets] of cases) {
			const found = srvTargets(service('_imaps._tcp'), records);
			assert.deepEqual(
				found.map((t) => `${t.host}:${t.port}#${t.rank}`),
				targets,
				JSON.stringify(records),
			);
			assert.ok(found.every((t) => t.service.label === '_imaps._tcp'));
		}
	});
});

const server = (spec: string, over: Partial<ServerCandidate> = {}): ServerCandidate => {
	const [protocol, host, port, security] = spec.split(/[ :/]/) as [
		ServerCandidate['protocol'],
		string,
		string,
		ServerCandidate['security'],
	];
	return {
		protocol,
		host,
		port: Number(port),
		security,
		source: 'data',
		origin: 'o',
		verified: true,
		documented: false,
		rank: 0,
		...over,
	};
};
const specs = (list: ServerCandidate[]) =>
	list.map((s) => `${s.protocol} ${s.host}:${s.port}/${s.security} ${s.source}`);

describe('ranking', () => {
	test('which servers an account may use: encrypted, a mode the port speaks, documented where documented', () => {
		const cases: [spec: string, suits: boolean][] = [
			['imap mail.example.org:993/tls', true],
			['imap mail.example.org:143/starttls', true],
			['imap mail.example.org:143/none', false],
			['imap mail.example.org:993/starttls', false],
			['imap mail.example.org:143/tls', false],
			['smtp mail.example.org:587/tls', false],
			['smtp mail.example.org:465/starttls', false],
			['smtp mail.example.org:2525/starttls', true],
			['smtp mail.example.org:2525/none', false],
			['imap imap.gmx.net:993/tls', true],
			['imap imap.gmx.net:143/starttls', true],
			['imap imap.gmx.net:1993/tls', false],
			['smtp smtp.office365.com:587/starttls', true],
			['smtp smtp.gmail.com:587/starttls', true],
			['smtp smtp.gmail.com:2525/starttls', false],
		];
		for (const [spec, suits] of cases) assert.equal(suitsAccount(server(spec)), suits, spec);
	});

	test('verified first, then usable transport, then source, documented, rank, implicit TLS; twins merged', () => {
		const cases: [name: string, input: ServerCandidate[], order: string[]][] = [
			[
				'plain-HTTP autoconfig after anything verified, even after an MX hint',
				[
					server('imap imap.attacker.test:993/tls', { source: 'autoconfig', verified: false }),
					server('imap imap.gmx.net:993/tls', { source: 'mx' }),
				],
				['imap imap.gmx.net:993/tls mx', 'imap imap.attacker.test:993/tls autoconfig'],
			],
			[
				'a verified twin replaces the unverified one',
				[
					server('imap mail.example.org:993/tls', { source: 'autoconfig', verified: false }),
					server('imap mail.example.org:993/tls', { source: 'srv' }),
				],
				['imap mail.example.org:993/tls srv'],
			],
			[
				'unencrypted and impossible combinations last, whatever their source',
				[
					server('imap mail.example.org:143/none'),
					server('imap mail.example.org:993/starttls'),
					server('imap other.example.org:993/tls', { source: 'mx' }),
				],
				[
					'imap other.example.org:993/tls mx',
					'imap mail.example.org:993/starttls data',
					'imap mail.example.org:143/none data',
				],
			],
			[
				'SMTP submission before port 25',
				[server('smtp mail.example.org:25/starttls'), server('smtp mail.example.org:587/starttls', { source: 'mx' })],
				['smtp mail.example.org:587/starttls mx', 'smtp mail.example.org:25/starttls data'],
			],
			[
				'by source: data, autoconfig, SRV, MX',
				[
					server('imap d.example.org:993/tls', { source: 'mx' }),
					server('imap c.example.org:993/tls', { source: 'srv' }),
					server('imap b.example.org:993/tls', { source: 'autoconfig' }),
					server('imap a.example.org:993/tls', { source: 'data' }),
				],
				[
					'imap a.example.org:993/tls data',
					'imap b.example.org:993/tls autoconfig',
					'imap c.example.org:993/tls srv',
					'imap d.example.org:993/tls mx',
				],
			],
			[
				'documented before undocumented within a source',
				[server('imap a.example.org:993/tls'), server('imap b.example.org:993/tls', { documented: true })],
				['imap b.example.org:993/tls data', 'imap a.example.org:993/tls data'],
			],
			[
				'then the order within the source, then implicit TLS before STARTTLS',
				[
					server('imap b.example.org:993/tls', { rank: 1 }),
					server('imap a.example.org:143/starttls'),
					server('imap a.example.org:993/tls'),
				],
				['imap a.example.org:993/tls data', 'imap a.example.org:143/starttls data', 'imap b.example.org:993/tls data'],
			],
			[
				'the same host and port with another security is another server',
				[server('imap a.example.org:143/starttls'), server('imap a.example.org:143/none')],
				['imap a.example.org:143/starttls data', 'imap a.example.org:143/none data'],
			],
		];
		for (const [name, input, order] of cases) {
			assert.deepEqual(specs(rankServers(input)), order, name);
			assert.deepEqual(specs(rankServers([...input].reverse())), order, `${name} (reversed input)`);
		}
		const sameHostAndPort = [server('imap a.example.org:2525/tls'), server('smtp a.example.org:2525/tls')];
		assert.deepEqual(specs(rankServers(sameHostAndPort)).sort(), specs(sameHostAndPort), 'IMAP and SMTP stay apart');
	});
});
