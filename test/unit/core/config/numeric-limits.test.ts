/**
 * The numeric bounds of the config schema, on both sides: ports 1-65535 (RFC 6335 6), the account's timeouts from
 * 100 ms, afterImport.delayDays from 0. A value at the bound gives no finding, one past it exactly one schema-range
 * error that names the field and the bound; whole numbers only.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Finding } from '../../../../src/core/config/findings';
import { GENERIC, patch } from '../rules/fixtures';
import { analyze, configText } from '../rules/helpers';

const problems = (findings: readonly Finding[]) =>
	findings.filter((f) => f.code.startsWith('schema-')).map((f) => `${f.code}: ${f.message}`);

describe('ports: 1 to 65535', () => {
	for (const protocol of ['imap', 'smtp'] as const) {
		test(`${protocol}.port 1 and 65535 are accepted`, () => {
			for (const port of [1, 65535]) {
				assert.deepEqual(problems(analyze(configText(patch(GENERIC, { [protocol]: { port } })))), [], String(port));
			}
		});
		test(`${protocol}.port 0, -1, 65536 and 70000 are out of range; 993.5 and "993" are not whole numbers`, () => {
			const cases: [number, string][] = [
				[0, `schema-range: "${protocol}.port" must be at least 1.`],
				[-1, `schema-range: "${protocol}.port" must be at least 1.`],
				[65536, `schema-range: "${protocol}.port" must be at most 65535.`],
				[70000, `schema-range: "${protocol}.port" must be at most 65535.`],
				[993.5, `schema-type: "${protocol}.port" must be a whole number, not a decimal number.`],
			];
			for (const [port, message] of cases) {
				assert.deepEqual(
					problems(analyze(configText(patch(GENERIC, { [protocol]: { port } })))),
					[message],
					String(port),
				);
			}
			const quoted = problems(analyze(configText(patch(GENERIC, { [protocol]: { port: '993' } }))));
			assert.equal(quoted.length, 1, quoted.join());
			assert.match(quoted[0] as string, new RegExp(`^schema-type: "${protocol}\\.port" must be a whole number`));
		});
	}

	test('the German message names the same bound', () => {
		const [finding] = analyze(configText(patch(GENERIC, { smtp: { port: 65536 } })), 'de').filter(
			(f) => f.code === 'schema-range',
		);
		assert.equal(finding?.message, '„smtp.port“ darf höchstens 65535 sein.');
	});
});

describe('timeouts: from 100 ms', () => {
	for (const field of ['connect', 'greeting', 'stage'] as const) {
		test(`timeouts.${field}: 100 and 600000 are accepted, 99 and 0 are not`, () => {
			for (const ms of [100, 600_000]) {
				assert.deepEqual(problems(analyze(configText(patch(GENERIC, { timeouts: { [field]: ms } })))), [], String(ms));
			}
			for (const ms of [99, 0]) {
				assert.deepEqual(
					problems(analyze(configText(patch(GENERIC, { timeouts: { [field]: ms } })))),
					[`schema-range: "timeouts.${field}" must be at least 100.`],
					String(ms),
				);
			}
		});
	}
});

describe('afterImport.delayDays: from 0', () => {
	test('0 is accepted by the schema (the delete-without-delay rule warns about it), -1 is out of range', () => {
		const at = (delayDays: number) =>
			analyze(configText(patch(GENERIC, { imap: { afterImport: { action: 'delete', delayDays } } })));
		assert.deepEqual(problems(at(0)), []);
		assert.deepEqual(
			at(0).map((f) => f.code),
			['delete-without-delay'],
		);
		assert.deepEqual(problems(at(-1)), ['schema-range: "imap.afterImport.delayDays" must be at least 0.']);
	});

	test('a delay of one day or more is no finding at all', () => {
		for (const delayDays of [1, 2, 30]) {
			const findings = analyze(configText(patch(GENERIC, { imap: { afterImport: { action: 'delete', delayDays } } })));
			assert.deepEqual(
				findings.map((f) => f.code),
				[],
				String(delayDays),
			);
		}
	});
});
