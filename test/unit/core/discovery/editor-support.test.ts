import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from 'jsonc-parser';
import { analyzeText } from '../../../../src/core/config/analyze';
import { parseConfig } from '../../../../src/core/config/parse';
import {
	fillServersEdits,
	findAccount,
	insertAccountEdits,
	setTenantEdits,
} from '../../../../src/core/discovery/config-edits';
import { discover } from '../../../../src/core/discovery/discover';
import { discoveryTargets } from '../../../../src/core/discovery/targets';
import { LineIndex } from '../../../../src/core/text/positions';

const NOW = () => new Date('2026-12-03T00:00:00Z');

const CONFIG = `{
  // the importer
  "accounts": [
    {
      "id": "dms",
      "email": "import@fabrikam.test",
      "auth": {
        "method": "oauth2",
        "user": "import@fabrikam.test",
        "oauth2": { "flow": "client-credentials", "clientId": "11111111-2222-3333-4444-555555555555", "clientSecret": "\${secret:DMS}" }
      },
      "imap": { "host": "imap.example.com", "port": 993, "security": "tls", "folder": "Scans" }
    },
    {
      "id": "m365",
      "email": "archive@contoso.test",
      "auth": {
        "method": "oauth2",
        "user": "archive@contoso.test",
        "oauth2": { "flow": "client-credentials", "clientId": "11111111-2222-3333-4444-555555555555", "clientSecret": "\${secret:M365}" }
      },
      "imap": { "host": "outlook.office365.com", "port": 993, "security": "tls" }
    },
    {
      "id": "printer",
      "email": "scanner@gmx.de",
      "auth": { "method": "password", "user": "scanner@gmx.de", "password": "\${secret:P}" },
      "smtp": { "host": "mail.gmx.net", "port": 587, "security": "starttls", "from": "scanner@gmx.de" }
    }
  ]
}
`;

function targetsAt(text: string, needle: string) {
	const offset = text.indexOf(needle);
	const parsed = parseConfig(text);
	const findings = analyzeText(text, { lang: 'en', now: NOW });
	const lines = new LineIndex(text);
	return discoveryTargets(parsed, findings, offset, offset, (f) => ({
		start: lines.offsetAt(f.range.start),
		end: lines.offsetAt(f.range.end),
	}));
}

describe('discovery in the editor: targets and edits', () => {
	test('an account with a placeholder host is offered "Fill in server settings"; a fine one is not', () => {
		const first = targetsAt(CONFIG, '"imap.example.com"');
		assert.equal(first.fillServers?.domain, 'fabrikam.test');
		assert.equal(first.fillServers?.accountId, 'dms');
		assert.equal(targetsAt(CONFIG, '"mail.gmx.net"').fillServers, undefined);
	});

	test('a suspicious server (port/security mismatch) is offered the fill-in too, with that finding', () => {
		const text = CONFIG.replace('"port": 587, "security": "starttls"', '"port": 587, "security": "tls"');
		const targets = targetsAt(text, '"mail.gmx.net"');
		assert.equal(targets.fillServers?.domain, 'gmx.de');
		assert.deepEqual(
			targets.fillServers?.findings.map((f) => f.code),
			['port-security-mismatch'],
		);
	});

	test('oauth2-tenant-required offers the tenant lookup for the account’s domain', () => {
		const targets = targetsAt(
			CONFIG,
			'"client-credentials", "clientId": "11111111-2222-3333-4444-555555555555", "clientSecret": "${secret:M365}"',
		);
		assert.deepEqual(
			targets.lookupTenant.map((t) => [t.domain, t.accountId, t.finding.code]),
			[['contoso.test', 'm365', 'oauth2-tenant-required']],
		);
		assert.equal(targets.fillServers, undefined);
	});

	test('filling servers keeps the folder and the comment; setting the tenant clears the finding', async () => {
		const found = await discover('import@contoso.onmicrosoft.com', { offline: true });
		assert.equal(findAccount(CONFIG, { accountId: 'dms', index: 5, email: 'x@y.z' }), 0);
		assert.equal(findAccount(CONFIG, { index: 1, email: 'archive@contoso.test' }), 1);
		assert.equal(findAccount(CONFIG, { index: 1, email: 'someone@else.test' }), undefined);
		let text = applyEdits(CONFIG, fillServersEdits(CONFIG, 0, found.account ?? assert.fail()));
		for (const index of [0, 1])
			text = applyEdits(text, setTenantEdits(text, index, 'a3f1c2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b'));
		const account = (parseConfig(text).value as { accounts: Record<string, unknown>[] }).accounts[0];
		assert.deepEqual(
			{ ...(account?.imap as object) },
			{ host: 'outlook.office365.com', port: 993, security: 'tls', folder: 'Scans' },
		);
		assert.equal(account?.smtp, undefined, 'an IMAP-only account stays IMAP-only');
		assert.match(text, /\/\/ the importer/);
		const errors = analyzeText(text, { lang: 'en', now: NOW }).filter((f) => f.severity === 'error');
		assert.deepEqual(
			errors.map((f) => f.code),
			[],
		);
	});

	test('a discovered account is appended to accounts, or becomes a new file', async () => {
		const found = await discover('someone@gmx.de', { offline: true, existingIds: ['dms', 'm365', 'printer'] });
		const text = applyEdits(CONFIG, insertAccountEdits(CONFIG, found.account ?? assert.fail()));
		const ids = (parseConfig(text).value as { accounts: { id: string }[] }).accounts.map((a) => a.id);
		assert.deepEqual(ids, ['dms', 'm365', 'printer', 'someone']);
		const fresh = applyEdits('', insertAccountEdits('', found.account ?? assert.fail()));
		assert.deepEqual(
			analyzeText(fresh, { lang: 'en', now: NOW }).filter((f) => f.severity === 'error'),
			[],
		);
	});
});
