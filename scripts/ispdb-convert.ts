// Turns Thunderbird ISPDB XML files into the compact table in src/core/providers/generated/ispdb.json.
// Pure (no file access) so the freshness test can run it over the vendored copy in third_party/ispdb/xml.
import { parseEnable } from '../src/core/discovery/autoconfig-xml';
import type { IspdbTable, IspdbServer } from '../src/core/providers/ispdb';

const SECURITY: Readonly<Record<string, IspdbServer[2]>> = { SSL: 'tls', STARTTLS: 'starttls', plain: 'none' };

function texts(xml: string, tag: string): string[] {
	return [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => decode((m[1] ?? '').trim()));
}

function decode(text: string): string {
	return text
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"');
}

function servers(xml: string, element: 'incomingServer' | 'outgoingServer', type: string): IspdbServer[] {
	const result: IspdbServer[] = [];
	for (const m of xml.matchAll(new RegExp(`<${element} type="${type}">([\\s\\S]*?)</${element}>`, 'g'))) {
		const body = m[1] ?? '';
		const host = texts(body, 'hostname')[0];
		const port = Number(texts(body, 'port')[0]);
		const security = SECURITY[texts(body, 'socketType')[0] ?? ''];
		if (!host || !Number.isInteger(port) || !security) continue;
		if (!result.some(([h, p, s]) => h === host && p === port && s === security)) result.push([host, port, security]);
	}
	return result;
}

/** `files` are the ISPDB XML documents (any order); `source` names the upstream commit they came from. */
export function convertIspdb(
	files: readonly { name: string; xml: string }[],
	source: IspdbTable['source'],
): IspdbTable {
	const providers: IspdbTable['providers'] = [];
	for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
		const xml = file.xml.replace(/<!--[\s\S]*?-->/g, '');
		for (const m of xml.matchAll(/<emailProvider id="([^"]+)">([\s\S]*?)<\/emailProvider>/g)) {
			const body = m[2] ?? '';
			const imap = servers(body, 'incomingServer', 'imap');
			const smtp = servers(body, 'outgoingServer', 'smtp');
			if (imap.length === 0 && smtp.length === 0) continue;
			// The same reader as for a domain's autoconfig file from the network.
			const step = parseEnable(file.xml);
			providers.push({
				id: m[1] ?? file.name,
				name: texts(body, 'displayName')[0] ?? m[1] ?? file.name,
				domains: [...new Set(texts(body, 'domain').map((d) => d.toLowerCase()))],
				imap,
				smtp,
				...(step ? { enable: step } : {}),
			});
		}
	}
	return { source, providers };
}
