// The canary watch the probe test files rely on must fail when a secret reaches an output, in any encoding.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ProbeCheck } from '../../../../src/core/probes/result';
import { canary } from '../../../support/canaries';
import { CanaryWatch } from '../../../support/canary-watch';

const failed = (serverResponse: string, transcript: string[] = []): ProbeCheck => ({
	protocol: 'smtp',
	ok: false,
	failedStage: 'auth',
	error: { code: 'AUTH_FAILED', message: 'The server rejected the login.', serverResponse },
	stages: [{ name: 'auth', ok: false, ms: 3 }],
	transcript,
});

test('a check carrying a canary in the reply or transcript, raw or encoded, fails the watch', () => {
	const secret = canary({ wire: true });
	const plain = Buffer.from(`\0user\0${secret}`).toString('base64');
	const leaks: [string, ProbeCheck][] = [
		['raw in the reply', failed(`535 5.7.8 ${secret}`)],
		['AUTH PLAIN in the transcript', failed('535 5.7.8 no', [`C: AUTH PLAIN ${plain}`])],
		['URL-encoded in the reply', failed(`535 ${encodeURIComponent(secret)}`)],
	];
	for (const [name, check] of leaks) {
		assert.throws(() => new CanaryWatch([secret]).check(check), /canary leaked/, name);
	}
	assert.doesNotThrow(() => new CanaryWatch([secret]).check(failed('535 5.7.8 Authentication unsuccessful')));
});

test('a log line or a thrown error carrying a canary fails the watch; a file that watched nothing fails too', async () => {
	const secret = canary();
	const logged = new CanaryWatch([secret]);
	logged.logger.debug(`token request with client_secret=${encodeURIComponent(secret)}`);
	assert.throws(() => logged.check(failed('535 5.7.8 no')), /canary leaked into logs/);

	const thrower = new CanaryWatch([secret]);
	const probe = thrower.wrap(() => Promise.reject(new Error(`bad secret ${JSON.stringify(secret)}`)));
	await assert.rejects(probe(), /canary leaked into thrown/);

	assert.throws(() => new CanaryWatch([secret]).assertWatched(), /no probe output was watched/);
});

test('an access token a wrapped probe returns becomes a canary for its own check', async () => {
	const token = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ3YXRjaCJ9.c2lnbmF0dXJl';
	const watch = new CanaryWatch([canary()]);
	const probe = watch.wrap(() => Promise.resolve({ check: failed(`token was ${token}`), accessToken: token }));
	await assert.rejects(probe(), /canary leaked/);
});
