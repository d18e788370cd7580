import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { SourceFormat } from '../../../../src/core/sources/names';
import { FIXTURES, check, fixture } from './helpers';

/**
 * A port each format can write but no server listens on, in that format's own syntax. `{port}` is replaced per row;
 * the host is no known provider's, so only the value check can say anything about the port.
 */
const FILES: readonly { format: SourceFormat; fileName: string; text: string }[] = [
	{
		format: 'dotenv',
		fileName: '.env',
		text: 'MAIL_MAILER=smtp\nMAIL_HOST=mail.example.org\nMAIL_PORT={port}\nMAIL_USERNAME=erp@example.org\nMAIL_PASSWORD=${SMTP_PASSWORD}\nMAIL_ENCRYPTION=tls\n',
	},
	{
		format: 'spring',
		fileName: 'application.properties',
		text: 'spring.mail.host=mail.example.org\nspring.mail.port={port}\nspring.mail.username=erp@example.org\nspring.mail.password=${SMTP_PASSWORD}\nspring.mail.properties.mail.smtp.starttls.enable=true\n',
	},
	{
		format: 'msmtp',
		fileName: '.msmtprc',
		text: 'account erp\nhost mail.example.org\nport {port}\nfrom erp@example.org\nauth on\nuser erp@example.org\npasswordeval cat /run/secrets/smtp\ntls on\n',
	},
	{
		format: 'mbsync',
		fileName: '.mbsyncrc',
		text: 'IMAPAccount erp\nHost mail.example.org\nPort {port}\nUser erp@example.org\nPassCmd "cat /run/secrets/imap"\nTLSType IMAPS\n',
	},
	{
		format: 'postfix',
		fileName: 'main.cf',
		text: 'relayhost = [mail.example.org]:{port}\nsmtp_sasl_auth_enable = yes\nsmtp_tls_security_level = encrypt\n',
	},
];

const PORTS: readonly { port: string; code: string; en: RegExp; de: RegExp }[] = [
	{ port: '99999', code: 'schema-range', en: /must be at most 65535/, de: /höchstens 65535/ },
	{ port: '65536', code: 'schema-range', en: /must be at most 65535/, de: /höchstens 65535/ },
	{ port: '0', code: 'schema-range', en: /must be at least 1/, de: /mindestens 1/ },
];

test('a port out of range is reported on its own value, in every format and both languages', () => {
	for (const { format, fileName, text } of FILES) {
		const at = text.indexOf('{port}');
		const line = text.slice(0, at).split('\n').length - 1;
		const character = at - text.lastIndexOf('\n', at) - 1;
		for (const { port, code, en, de } of PORTS) {
			for (const [lang, message] of [
				['en', en],
				['de', de],
			] as const) {
				const found = check(format, text.replace('{port}', port), { fileName }, lang).filter((f) => f.code === code);
				assert.equal(found.length, 1, `${format} port ${port} (${lang}): ${JSON.stringify(found)}`);
				assert.match(found[0]!.message, message, `${format} port ${port}`);
				assert.deepEqual(found[0]!.range.start, { line, character }, `${format} port ${port}`);
			}
		}
		for (const port of ['1', '587', '65535']) {
			const codes = check(format, text.replace('{port}', port), { fileName }).map((f) => f.code);
			assert.ok(!codes.includes('schema-range') && !codes.includes('schema-type'), `${format} port ${port}: ${codes}`);
		}
	}
});

test('a port that is no number is reported where a format reads it as text', () => {
	for (const { format, fileName, text } of FILES.filter((f) => f.format === 'dotenv' || f.format === 'spring')) {
		const found = check(format, text.replace('{port}', 'smtp'), { fileName }).filter((f) => f.code === 'schema-type');
		assert.equal(found.length, 1, `${format}: ${JSON.stringify(found)}`);
		assert.match(found[0]!.message, /"smtp\.port" must be a whole number, not text/);
	}
});

test('the real files of every format get no value findings: the adapters map only what the files say', () => {
	for (const format of readdirSync(FIXTURES) as SourceFormat[]) {
		for (const name of readdirSync(join(FIXTURES, format))) {
			const codes = check(format, fixture(format, name), { fileName: name }).map((f) => f.code);
			assert.deepEqual(
				codes.filter((c) => c.startsWith('schema-')),
				[],
				`${format}/${name}`,
			);
		}
	}
});
