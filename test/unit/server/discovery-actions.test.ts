// The discovery code actions over LSP: offered only to clients that run the commands, offline, command-backed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Commands } from '../../../src/shared/ids';
import { type DiscoveryCommandArgs, discoveryArgsFrom } from '../../../src/shared/protocol';
import { LspClient } from './lsp-harness';

const URI = 'file:///work/demo/import.mailaccounts.json';
const TEXT = `{
	"accounts": [
		{
			"id": "dms",
			"email": "import@contoso.de",
			"auth": {
				"method": "oauth2",
				"user": "import@contoso.de",
				"oauth2": { "flow": "client-credentials", "clientId": "11111111-2222-3333-4444-555555555555", "clientSecret": "\${secret:DMS}" }
			},
			"imap": { "host": "outlook.office365.com", "port": 993, "security": "tls" }
		},
		{
			"id": "new",
			"email": "info@fabrikam.de",
			"auth": { "method": "password", "user": "info@fabrikam.de", "password": "\${secret:NEW}" }
		}
	]
}
`;

const at = (line: number, character: number) => ({ start: { line, character }, end: { line, character } });

describe('discovery code actions', () => {
	test('a client that runs the commands gets "Look up the tenant ID" and "Fill in server settings", as commands', async () => {
		const { client } = await LspClient.inProcess({
			pull: true,
			initializationOptions: { validation: 'rules-only', discoveryCommands: true },
			settings: { language: 'de' },
			configuration: true,
		});
		await client.open(URI, TEXT);
		const items = await client.pullItems(URI);
		const tenant = items.find((d) => d.code === 'oauth2-tenant-required');
		assert.ok(tenant);
		const tenantActions = await client.codeActions(URI, tenant.range, [tenant], ['quickfix']);
		const lookup = tenantActions.find((a) => a.command?.command === Commands.lookupTenant);
		assert.equal(lookup?.title, 'Mandanten-ID von contoso.de nachschlagen');
		assert.equal(lookup?.edit, undefined, 'the server computes no edit: the lookup runs in the client');
		assert.equal(lookup?.diagnostics?.[0]?.code, 'oauth2-tenant-required');
		const args = discoveryArgsFrom(lookup?.command?.arguments?.[0]);
		assert.deepEqual(args, {
			uri: URI,
			accountIndex: 0,
			accountId: 'dms',
			email: 'import@contoso.de',
			domain: 'contoso.de',
		} satisfies DiscoveryCommandArgs);

		// The account without servers (line 15: its "email").
		const fill = (await client.codeActions(URI, at(15, 5), [], ['quickfix'])).find(
			(a) => a.command?.command === Commands.fillServerSettings,
		);
		assert.equal(fill?.title, 'Servereinstellungen für fabrikam.de eintragen');
		assert.equal(discoveryArgsFrom(fill?.command?.arguments?.[0])?.accountIndex, 1);
		// An account with good servers gets no fill-in.
		const none = await client.codeActions(URI, at(10, 15), [], ['quickfix']);
		assert.ok(!none.some((a) => a.command?.command === Commands.fillServerSettings));
		// Only quick fixes were asked for in source.fixAll: none of these.
		const fixAll = await client.codeActions(URI, at(15, 5), [], ['source.fixAll']);
		assert.ok(!fixAll.some((a) => a.command));
		await client.shutdown();
	});

	test('a client that did not declare the commands (any other LSP client) is not offered them', async () => {
		const { client } = await LspClient.inProcess({ pull: true });
		await client.open(URI, TEXT);
		const items = await client.pullItems(URI);
		const tenant = items.find((d) => d.code === 'oauth2-tenant-required');
		assert.ok(tenant);
		const actions = await client.codeActions(URI, tenant.range, [tenant]);
		assert.ok(actions.length > 0, 'the offline quick fix is still there');
		assert.ok(actions.every((a) => a.command === undefined));
		await client.shutdown();
	});

	test('command arguments from the wire are checked before use', () => {
		assert.equal(discoveryArgsFrom(null), undefined);
		assert.equal(discoveryArgsFrom({ uri: 'x', accountIndex: -1, email: 'a@b.c', domain: 'b.c' }), undefined);
		assert.equal(discoveryArgsFrom({ uri: 'x', accountIndex: 0, email: 1, domain: 'b.c' }), undefined);
	});
});
