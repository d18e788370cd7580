import assert from 'node:assert/strict';
import { test } from 'node:test';
import { walkthroughArgsFromData } from '../../../src/shared/protocol';

test('walkthroughArgsFromData reads deep links from diagnostic data and rejects anything malformed', () => {
	const uri = 'file:///w/a.mailaccounts.json';
	const table: [unknown, unknown][] = [
		[{ walkthrough: 'm365-enable-smtp-auth' }, { guide: 'm365-enable-smtp-auth', uri }],
		[
			{ walkthrough: 'm365-oauth2-app-only#grant-consent', accountId: 'dms' },
			{ guide: 'm365-oauth2-app-only', step: 'grant-consent', accountId: 'dms', uri },
		],
		[{ walkthrough: 'a#b#c' }, undefined],
		[{ walkthrough: '#step' }, undefined],
		[{ walkthrough: 'Guide With Spaces' }, undefined],
		[{ walkthrough: 'guide#' }, undefined],
		[{ walkthrough: 42 }, undefined],
		[{ accountId: 'dms' }, undefined],
		[null, undefined],
		['m365-send-as', undefined],
	];
	for (const [data, expected] of table)
		assert.deepEqual(walkthroughArgsFromData(data, uri), expected, JSON.stringify(data));
	assert.deepEqual(walkthroughArgsFromData({ walkthrough: 'gmail-app-password' }), { guide: 'gmail-app-password' });
});
