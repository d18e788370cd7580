import type { AccountRule } from './types';

const RECOMMENDED_DELAY_DAYS = 2;

export const deleteWithoutDelay: AccountRule = {
	id: 'delete-without-delay',
	severity: 'warning',
	scope: 'account',
	title: { en: 'Delete right after import', de: 'Löschen direkt nach dem Import' },
	walkthrough: 'mail-adapter-setup',
	check(account, file, report) {
		if (account.str(['imap', 'afterImport', 'action']) !== 'delete') return;
		const delay = account.get(['imap', 'afterImport', 'delayDays']);
		if (typeof delay === 'number' && delay > 0) return;
		const delayNode = account.nodeAt(['imap', 'afterImport', 'delayDays']);
		const afterImport = account.nodeAt(['imap', 'afterImport']);
		const edit = delayNode
			? file.editor.replaceValue(delayNode, RECOMMENDED_DELAY_DAYS)
			: afterImport?.type === 'object'
				? file.editor.insertProperty(afterImport, 'delayDays', RECOMMENDED_DELAY_DAYS)
				: undefined;
		report({
			at: [delayNode, account.nodeAt(['imap', 'afterImport', 'action'])],
			message: {
				en: 'Messages are deleted as soon as they are imported: if the import fails later (document not stored, index error), the mail is gone. Wait about {days} days ("delayDays") or move them to a folder instead.',
				de: 'Nachrichten werden sofort nach dem Import gelöscht: Scheitert der Import später (Dokument nicht abgelegt, Indexfehler), ist die Mail weg. Etwa {days} Tage warten („delayDays“) oder stattdessen in einen Ordner verschieben.',
			},
			args: { days: RECOMMENDED_DELAY_DAYS },
			fixes: edit
				? [
						{
							title: { en: 'Delete after {days} days', de: 'Nach {days} Tagen löschen' },
							args: { days: RECOMMENDED_DELAY_DAYS },
							edits: [edit],
							isPreferred: true,
						},
					]
				: [],
		});
	},
};

export const moveTargetMissing: AccountRule = {
	id: 'imap-folder-move-target-missing',
	severity: 'error',
	scope: 'account',
	title: { en: 'Move without a target folder', de: 'Verschieben ohne Zielordner' },
	walkthrough: 'mail-adapter-setup',
	check(account, _file, report) {
		if (account.str(['imap', 'afterImport', 'action']) !== 'move') return;
		if (account.str(['imap', 'afterImport', 'target'])?.trim()) return;
		report({
			at: [account.nodeAt(['imap', 'afterImport', 'target']), account.nodeAt(['imap', 'afterImport', 'action'])],
			message: {
				en: 'Action "move" needs "target": the folder imported messages go to (e.g. "Imported" or "INBOX/Archive").',
				de: 'Die Aktion „move“ braucht „target“: den Ordner, in den importierte Nachrichten kommen (z. B. „Importiert“ oder „INBOX/Archiv“).',
			},
		});
	},
};

export const readReceiptsAfterDelete: AccountRule = {
	id: 'read-receipts-after-delete',
	severity: 'information',
	scope: 'account',
	title: {
		en: 'Read receipts when imported mail is removed',
		de: 'Lesebestätigungen beim Entfernen importierter Mails',
	},
	walkthrough: 'm365-disable-read-receipts',
	check(account, _file, report) {
		const action = account.str(['imap', 'afterImport', 'action']);
		const imap = account.servers.find((s) => s.protocol === 'imap');
		const facts = imap?.provider?.readReceiptsOnDelete;
		if ((action !== 'delete' && action !== 'move') || !facts) return;
		report({
			at: [account.nodeAt(['imap', 'afterImport', 'action'])],
			message: {
				en: 'When imported messages are deleted or moved unread, {provider} may send read or "deleted without being read" receipts to the senders. An admin can suppress them with a mail flow rule for the message type "read receipt".',
				de: 'Werden importierte Nachrichten ungelesen gelöscht oder verschoben, kann {provider} Lese- oder „ungelesen gelöscht“-Bestätigungen an die Absender schicken. Ein Admin kann sie mit einer Nachrichtenflussregel für den Nachrichtentyp „Lesebestätigung“ unterdrücken.',
			},
			args: { provider: imap?.provider?.name ?? '' },
			walkthrough: facts.walkthrough,
		});
	},
};
