import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { tr } from '../../../src/core/i18n';
import { splitPem } from '../../../src/core/probes/trust-store';
import { readCaFiles } from '../../../src/client/trusted-cas';
import { testCerts } from '../../support/certs';

const folder = mkdtempSync(join(tmpdir(), 'mailcfg-cas-'));
after(() => rmSync(folder, { recursive: true, force: true }));

test('the setting’s CA files: certificates from each readable PEM file, a named problem for every other entry', async () => {
	const { caCert, selfSigned } = await testCerts();
	const bundle = join(folder, 'company.pem');
	writeFileSync(bundle, `${caCert}\n${selfSigned.cert}`);
	const key = join(folder, 'key.pem');
	writeFileSync(key, '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n');
	const { certs, problems } = await readCaFiles([bundle, 'relative/ca.pem', join(folder, 'missing.pem'), key, 42, '']);
	assert.deepEqual(certs, [...splitPem(caCert), ...splitPem(selfSigned.cert)]);
	assert.deepEqual(
		problems.map((p) => tr(p.text, 'en', p.args)),
		[
			'mailcfg.probe.extraCaCertificates: "relative/ca.pem" is not an absolute path (or ~/…); it was skipped.',
			`mailcfg.probe.extraCaCertificates: "${join(folder, 'missing.pem')}" cannot be read (ENOENT); it was skipped.`,
			`mailcfg.probe.extraCaCertificates: "${key}" holds no PEM certificate (-----BEGIN CERTIFICATE-----); it was skipped.`,
		],
	);
});
