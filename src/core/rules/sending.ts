import { addressOf } from './context';
import type { AccountRule } from './types';

export const senderNotAuthorized: AccountRule = {
	id: 'sender-not-authorized',
	severity: 'warning',
	scope: 'account',
	title: { en: 'Sender differs from the login', de: 'Absender weicht vom Anmeldenamen ab' },
	check(account, file, report) {
		const from = account.str(['smtp', 'from']);
		const user = account.str(['auth', 'user']);
		if (!from?.trim() || !user) return;
		const address = addressOf(from);
		const allowed = new Set([user.trim().toLowerCase()]);
		// Hosts like Host Europe log in with an account name; then the mailbox address is the natural sender.
		if (!user.includes('@')) allowed.add((account.str(['email']) ?? '').trim().toLowerCase());
		const sendAs = account.get(['smtp', 'sendAs']);
		if (Array.isArray(sendAs)) for (const a of sendAs) if (typeof a === 'string') allowed.add(addressOf(a));
		if (allowed.has(address)) return;
		const smtp = account.servers.find((s) => s.protocol === 'smtp');
		const sendAsNode = account.nodeAt(['smtp', 'sendAs']);
		const list = Array.isArray(sendAs) ? [...sendAs, address] : [address];
		const smtpNode = smtp && account.nodeAt(['smtp']);
		const edit = sendAsNode
			? file.editor.replaceValue(sendAsNode, list)
			: smtpNode
				? file.editor.insertProperty(smtpNode, 'sendAs', list)
				: undefined;
		report({
			at: [account.nodeAt(['smtp', 'from'])],
			message: {
				en: 'Mail is sent from {from} but the login is {user}: the server rejects it (e.g. 550 5.7.60 or SendAsDenied) unless the login has Send As permission for that address. Grant it, then list the address in "sendAs".',
				de: 'Gesendet wird als {from}, angemeldet ist aber {user}: Der Server lehnt das ab (z. B. 550 5.7.60 oder SendAsDenied), außer das angemeldete Konto hat die Berechtigung „Senden als“ für diese Adresse. Berechtigung erteilen und die Adresse in „sendAs“ eintragen.',
			},
			args: { from: address, user },
			fixes: edit
				? [
						{
							title: { en: 'Add {from} to "sendAs"', de: '{from} zu „sendAs“ hinzufügen' },
							args: { from: address },
							edits: [edit],
						},
					]
				: [],
			walkthrough: smtp?.provider?.sendAsWalkthrough || undefined,
		});
	},
};
