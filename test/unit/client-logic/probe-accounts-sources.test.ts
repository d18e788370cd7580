import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accountAtOffset, listAccounts, spanForPath } from '../../../src/client/probe-accounts';
import { fixture } from '../core/sources/helpers';

test('"Test Connection" finds the msmtp account whose block holds the cursor', () => {
	const text = fixture('msmtp', 'dotfiles.msmtprc');
	const uri = 'file:///home/u/.msmtprc';
	assert.deepEqual(
		listAccounts(text, uri).map((a) => [a.id, a.endpoints]),
		[
			['mailfence', ['smtp.mailfence.com:465']],
			['oxford', ['smtp.ox.ac.uk:587']],
		],
	);
	assert.equal(accountAtOffset(text, text.indexOf('kell4769'), uri)?.id, 'oxford');
	assert.equal(accountAtOffset(text, text.indexOf('jv@jviotti.com'), uri)?.id, 'mailfence');
	const span = spanForPath(text, 'oxford', ['smtp', 'port'], uri)!;
	assert.match(text.slice(span.offset, span.offset + span.length), /port\s+587/);
});

test('without a uri, or for an unrelated name, nothing is read as another format', () => {
	const text = fixture('dotenv', 'laravel-office365.env');
	assert.deepEqual(listAccounts(text), []);
	assert.deepEqual(listAccounts(text, 'file:///app/notes.txt'), []);
	assert.equal(listAccounts(text, 'file:///app/.env')[0]?.id, 'mail');
});
