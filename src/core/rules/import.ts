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

/** What an importer does that answers a read-receipt request (mail-facts §8.11): reading, moving or deleting unread. */
const RECEIPT_TRIGGERS = new Set(['mark-read', 'move', 'delete']);

export const readReceiptsAfterDelete: AccountRule = {
	id: 'read-receipts-after-delete',
	severity: 'information',
	scope: 'account',
	title: {
		en: 'Read receipts when imported mail is read or removed',
		de: 'Lesebestätigungen beim Lesen oder Entfernen importierter Mails',
	},
	walkthrough: 'm365-disable-read-receipts',
	check(account, _file, report) {
		const action = account.str(['imap', 'afterImport', 'action']);
		const imap = account.servers.find((s) => s.protocol === 'imap');
		const facts = imap?.provider?.readReceiptsOnDelete;
		if (!action || !RECEIPT_TRIGGERS.has(action) || !facts) return;
		report({
			at: [account.nodeAt(['imap', 'afterImport', 'action'])],
			message: {
				en: 'When the import marks messages read, moves them or deletes them unread, {provider} may answer the senders\' read-receipt requests with a "read" or "deleted without being read" notice; the mailbox\'s read-receipt setting in Outlook on the web decides whether it does. An admin can stop them for everyone with a mail flow rule on the message type "read receipt".',
				de: 'Markiert der Import Nachrichten als gelesen, verschiebt sie oder löscht sie ungelesen, kann {provider} die Lesebestätigungs-Anforderungen der Absender mit einer „gelesen“- oder „ungelesen gelöscht“-Benachrichtigung beantworten; ob das geschieht, entscheidet die Lesebestätigungs-Einstellung des Postfachs in Outlook im Web. Ein Administrator kann sie mit einer Nachrichtenflussregel auf den Nachrichtentyp „Lesebestätigung“ für alle unterbinden.',
			},
			args: { provider: imap?.provider?.name ?? '' },
			walkthrough: facts.walkthrough,
		});
	},
};
