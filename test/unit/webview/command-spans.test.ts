import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commandSpans } from '../../../src/shared/command-spans';

const code = (text: string) =>
	commandSpans(text)
		.filter((s) => s.code)
		.map((s) => s.text);

test('commands in the catalog’s fix steps are found with their arguments, the prose around them is not', () => {
	const table: [string, string[]][] = [
		[
			'Test from the adapter’s machine: Test-NetConnection <HOST> -Port <PORT> (PowerShell) or openssl s_client -connect <HOST>:<PORT>.',
			['Test-NetConnection <HOST> -Port <PORT>', 'openssl s_client -connect <HOST>:<PORT>'],
		],
		[
			'Resolve it from the adapter’s machine: Resolve-DnsName <HOST> (PowerShell) or nslookup <HOST>.',
			['Resolve-DnsName <HOST>', 'nslookup <HOST>'],
		],
		[
			'or Remove-BlockedSenderAddress -SenderAddress <MAILBOX> in Exchange Online PowerShell.',
			['Remove-BlockedSenderAddress -SenderAddress <MAILBOX>'],
		],
		[
			'Set-CASMailbox -Identity <MAILBOX> -SmtpClientAuthenticationDisabled $false',
			['Set-CASMailbox -Identity <MAILBOX> -SmtpClientAuthenticationDisabled $false'],
		],
		// German compounds with a hyphen are prose.
		['Im Exchange-Online-Admin-Center unter Postfächer nachsehen.', []],
		['Client-Credentials-Flow mit Send-As-Recht', []],
	];
	for (const [text, expected] of table) assert.deepEqual(code(text), expected, text);
});

test('the spans put the text back together unchanged', () => {
	const text = 'Run Get-Mailbox -Identity <MAILBOX> | Format-List, then nslookup <HOST>.';
	assert.equal(
		commandSpans(text)
			.map((s) => s.text)
			.join(''),
		text,
	);
});
