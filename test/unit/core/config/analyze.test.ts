import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../../../src/core/config/findings';
import { GENERIC, GMAIL, GMX, M365_PRINTER, patch } from '../rules/fixtures';
import { analyze, codes, configText } from '../rules/helpers';

const RANK = { error: 0, warning: 1, information: 2, hint: 3 } as const;

function key(f: Finding): [number, number, number] {
	return [f.range.start.line, f.range.start.character, RANK[f.severity]];
}

function assertSorted(findings: readonly Finding[], label: string): void {
	for (let i = 1; i < findings.length; i++) {
		const [a, b] = [key(findings[i - 1]!), key(findings[i]!)];
		const order = a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
		assert.ok(
			order <= 0,
			`${label}: ${findings[i - 1]!.code} ${a.join(':')} before ${findings[i]!.code} ${b.join(':')}`,
		);
	}
}

/** Schema problems, rule findings and a file rule spread over three accounts, so unsorted output would interleave. */
const MIXED = configText(
	patch(GMAIL, { auth: { method: 'password' }, imap: { port: 143 }, smtp: { port: '465' } }),
	patch(M365_PRINTER, { smtp: { port: 25, security: 'tls' }, displayName: 7 }),
	patch(GMX, { id: 'gmail', imap: { security: 'ssl', afterImport: { action: 'delete' } } }),
	patch(GENERIC, { auth: { password: 'Sommer2024!' }, smtp: { from: 'chef@mueller-bau.de' } }),
);

test('findings come top to bottom, the most severe first on the same spot', () => {
	const findings = analyze(MIXED);
	assert.ok(findings.length >= 10, codes(findings).join(', '));
	const kinds = new Set(codes(findings).map((c) => (c.startsWith('schema-') ? 'schema' : c)));
	assert.ok(
		kinds.has('schema') && kinds.has('duplicate-account-id') && kinds.has('plaintext-secret'),
		[...kinds].join(),
	);
	assertSorted(findings, 'mixed');
	// German messages change nothing about the order.
	assert.deepEqual(codes(analyze(MIXED, 'de')), codes(findings));
});

test('a JSON syntax error sits where it occurs, not ahead of the findings above it', () => {
	const broken = MIXED.replace(/("id": "erp",)/, '$1,');
	const findings = analyze(broken);
	const syntax = findings.findIndex((f) => f.code === 'json-syntax');
	assert.ok(syntax > 0, codes(findings).join(', '));
	assertSorted(findings, 'broken');
});

test('on the same spot, errors come before warnings even against the registry order', () => {
	// Gmail for IMAP, Exchange Online for SMTP, one password: exo-smtp-basic-auth-retirement (a warning, earlier in
	// the registry) and google-password-auth (an error) both point at auth.method.
	const text = configText(
		patch(GMAIL, {
			auth: { method: 'password' },
			smtp: { host: 'smtp.office365.com', port: 587, security: 'starttls' },
		}),
	);
	const findings = analyze(text);
	assertSorted(findings, 'same spot');
	const method = findings.find((f) => f.code === 'google-password-auth');
	assert.ok(method, codes(findings).join(', '));
	const sameSpot = findings.filter(
		(f) => f.range.start.line === method.range.start.line && f.range.start.character === method.range.start.character,
	);
	assert.deepEqual(codes(sameSpot), ['google-password-auth', 'exo-smtp-basic-auth-retirement']);
});
