import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { test } from 'node:test';
import type { INetworkModule } from '@azure/msal-node';
import { listenForRedirect } from '../../../../src/core/probes/oauth2-loopback';
import { restrictOrigins } from '../../../../src/core/probes/oauth2-network';

test('the origin guard refuses a token endpoint on another host before sending, and says which request it was', async () => {
	// A discovery document may name a token_endpoint elsewhere; msal would POST the client secret there.
	const sent: string[] = [];
	const inner: INetworkModule = {
		sendGetRequestAsync: async (url) => {
			sent.push(url);
			return { status: 200, headers: {}, body: {} } as never;
		},
		sendPostRequestAsync: async (url) => {
			sent.push(url);
			return { status: 200, headers: {}, body: {} } as never;
		},
	};
	const guard = restrictOrigins(inner, (origin) => origin === 'https://login.microsoftonline.com');
	assert.equal(guard.refused(), undefined);
	await guard.client.sendGetRequestAsync(
		'https://login.microsoftonline.com/contoso.com/v2.0/.well-known/openid-configuration',
		{},
	);
	await assert.rejects(
		guard.client.sendPostRequestAsync('https://token.attacker.invalid/oauth2/v2.0/token', { body: 'client_secret=x' }),
		(error: { errorCode?: string }) => error.errorCode === 'origin_refused',
	);
	// the report names the refused request; nothing reached the other host
	assert.deepEqual(guard.refused(), {
		url: 'https://token.attacker.invalid/oauth2/v2.0/token',
		origin: 'https://token.attacker.invalid',
	});
	assert.deepEqual(sent, ['https://login.microsoftonline.com/contoso.com/v2.0/.well-known/openid-configuration']);
});

test("the loopback redirect listener leaves no abort listener behind on the caller's signal", async () => {
	// The extension keeps one signal for a session of many probes; a listener per sign-in would pile up (and Node warns
	// at 11). Loopback only: the redirect URI is http://localhost:<port>.
	const controller = new AbortController();
	const redirect = await listenForRedirect('state-1', controller.signal, { done: 'done', failed: 'failed' });
	assert.equal(getEventListeners(controller.signal, 'abort').length, 1);
	const response = await fetch(`${redirect.redirectUri.replace('localhost', '127.0.0.1')}/?state=state-1&code=abc`);
	assert.equal(response.status, 200);
	await response.text();
	assert.equal((await redirect.result).get('code'), 'abc');
	assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
});
