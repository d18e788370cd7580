import type { FileRule } from './types';

export const duplicateAccountId: FileRule = {
	id: 'duplicate-account-id',
	severity: 'error',
	scope: 'file',
	title: { en: 'Account id used twice', de: 'Kontokennung doppelt vergeben' },
	check(file, report) {
		// Every id, for the renames: built at the first duplicate, since most files have none.
		let ids: Set<string> | undefined;
		const seen = new Map<string, number>();
		// Per id, the suffix to try next: each copy continues where the last one stopped, so 50,000 copies of one id
		// cost 50,000 steps, not 50,000²/2.
		const nextSuffix = new Map<string, number>();
		for (const account of file.accounts) {
			if (!account.id) continue;
			const first = seen.get(account.id);
			if (first === undefined) {
				seen.set(account.id, account.index);
				continue;
			}
			ids ??= new Set(file.accounts.flatMap((a) => (a.id ? [a.id] : [])));
			let n = nextSuffix.get(account.id) ?? 2;
			while (ids.has(`${account.id}-${n}`)) n++;
			nextSuffix.set(account.id, n + 1);
			const renamed = `${account.id}-${n}`;
			ids.add(renamed);
			const node = account.nodeAt(['id']);
			report({
				account,
				at: [node],
				message: {
					en: 'Account id "{id}" is already used by account {first}; ids must be unique so tests, secrets and reports find the right account.',
					de: 'Die Kontokennung „{id}“ ist schon bei Konto {first} vergeben; Kennungen müssen eindeutig sein, damit Tests, Geheimnisse und Berichte das richtige Konto finden.',
				},
				args: { id: account.id, first: first + 1 },
				fixes: [
					{
						title: { en: 'Rename to "{renamed}"', de: 'In „{renamed}“ umbenennen' },
						args: { renamed },
						edits: [node && file.editor.replaceValue(node, renamed)],
					},
				],
			});
		}
	},
};
