import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DEFAULT_STEP_TIMEOUT_MS, InvalidAddressError, discover } from '../../core/discovery/discover';
import { parseAuthorityHost } from '../../core/discovery/endpoints';
import { nodeDnsClient, nodeHttpClient } from '../../core/discovery/node-net';
import { foundAnything, renderDiscoveryText, toDiscoveryJson } from '../../core/discovery/render';
import { type Lang, type Localized, tr } from '../../core/i18n';
import { splitPem } from '../../core/probes/trust-store';
import { chooseLang, dnsServerFlag, flag, parseCommandArgs } from '../args';
import { type CliIo, ExitCode, UsageError } from '../io';
import { DISCOVER } from './specs';

const TEXTS = {
	noAddress: { en: 'give one email address', de: 'genau eine E-Mail-Adresse angeben' },
	badAddress: { en: '"{value}" is not an email address', de: '„{value}“ ist keine E-Mail-Adresse' },
	badNumber: {
		en: '--{name} must be a whole number from {min} to {max} (got "{value}")',
		de: '--{name} muss eine ganze Zahl von {min} bis {max} sein („{value}“)',
	},
	badAuthority: {
		en: '--authority-host must be an https:// URL without a path (got "{value}")',
		de: '--authority-host muss eine https://-URL ohne Pfad sein („{value}“)',
	},
	unreadable: { en: 'cannot read {path} ({reason})', de: '{path} ist nicht lesbar ({reason})' },
	noCertificate: {
		en: '{path} holds no PEM certificate (-----BEGIN CERTIFICATE-----)',
		de: '{path} enthält kein PEM-Zertifikat (-----BEGIN CERTIFICATE-----)',
	},
} satisfies Record<string, Localized>;

function wholeNumber(
	value: string | undefined,
	name: string,
	min: number,
	max: number,
	lang: Lang,
): number | undefined {
	if (value === undefined) return undefined;
	const number = Number(value);
	if (!/^\d+$/.test(value) || number < min || number > max) {
		throw new UsageError(tr(TEXTS.badNumber, lang, { name, min, max, value }));
	}
	return number;
}

function authorityHost(value: string, lang: Lang): string {
	const origin = parseAuthorityHost(value);
	if (origin === undefined) throw new UsageError(tr(TEXTS.badAuthority, lang, { value }));
	return origin;
}

async function readCa(path: string, lang: Lang): Promise<string[]> {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (error) {
		const reason = (error as NodeJS.ErrnoException).code ?? String(error);
		throw new UsageError(tr(TEXTS.unreadable, lang, { path, reason }));
	}
	const certs = splitPem(text);
	if (certs.length === 0) throw new UsageError(tr(TEXTS.noCertificate, lang, { path }));
	return certs;
}

/**
 * `mailcfg discover <email> [--format text|json] [--offline] [--dns HOST:PORT] [--ca FILE]... [--authority-host URL]
 * [--https-port N] [--timeout MS] [--lang en|de]`. Exit 0: settings found; 1: nothing found; 2: usage errors.
 */
export async function runDiscover(args: string[], io: CliIo): Promise<number> {
	const parsed = parseCommandArgs(DISCOVER, args);
	const lang = chooseLang(flag(parsed, 'lang'), io.env);
	const format = flag(parsed, 'format') ?? 'text';
	const [email, ...extra] = parsed.positionals;
	if (email === undefined || extra.length > 0) throw new UsageError(tr(TEXTS.noAddress, lang));
	const timeoutMs = wholeNumber(flag(parsed, 'timeout'), 'timeout', 100, 120_000, lang);
	const httpsPort = wholeNumber(flag(parsed, 'https-port'), 'https-port', 1, 65535, lang);
	const dnsFlag = flag(parsed, 'dns');
	const servers = dnsFlag === undefined ? undefined : [dnsServerFlag(dnsFlag, lang)];
	const authority = flag(parsed, 'authority-host');
	const extraCa = (
		await Promise.all((parsed.flags.get('ca') ?? []).map((file) => readCa(resolve(io.cwd, file), lang)))
	).flat();
	const offline = parsed.flags.has('offline');

	const dns = nodeDnsClient({ ...(servers ? { servers } : {}), timeoutMs: timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS });
	let result;
	try {
		result = await discover(email, {
			offline,
			...(offline ? {} : { dns, http: nodeHttpClient({ extraCa, ...(servers ? { dns } : {}) }) }),
			...(timeoutMs !== undefined ? { timeoutMs } : {}),
			...(httpsPort !== undefined ? { ports: { https: httpsPort } } : {}),
			...(authority !== undefined ? { authorityHost: authorityHost(authority, lang) } : {}),
		});
	} catch (error) {
		if (error instanceof InvalidAddressError) throw new UsageError(tr(TEXTS.badAddress, lang, { value: email }));
		throw error;
	}
	io.stdout(
		format === 'json'
			? `${JSON.stringify(toDiscoveryJson(result, lang), null, 2)}\n`
			: renderDiscoveryText(result, lang),
	);
	return foundAnything(result) ? ExitCode.ok : ExitCode.findings;
}
