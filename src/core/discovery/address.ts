import { domainToASCII } from 'node:url';
import { hostName } from './untrusted';

export interface MailAddress {
	/** As given, trimmed; the domain part in ASCII (punycode) and lower case. */
	email: string;
	local: string;
	domain: string;
}

/**
 * Parses the address discovery starts from. The domain goes into DNS names and URLs, so it must be a plain host
 * name (internationalized names become punycode); the local part only needs to be printable and of sane length.
 */
export function parseMailAddress(input: string): MailAddress | undefined {
	const value = input.trim();
	const at = value.lastIndexOf('@');
	if (value.length > 254 || at < 1 || at === value.length - 1) return undefined;
	const local = value.slice(0, at);
	// eslint-disable-next-line no-control-regex
	if (local.length > 64 || /[\s\u0000-\u001f\u007f<>()[\]\\,;:@"]/.test(local)) return undefined;
	const rawDomain = value.slice(at + 1);
	// domainToASCII parses like a URL host and would cut `example.org/x` down to example.org: refuse such input.
	if (/[/\\?#:%[\]\s]/.test(rawDomain)) return undefined;
	const domain = hostName(domainToASCII(rawDomain));
	return domain ? { email: `${local}@${domain}`, local, domain } : undefined;
}
