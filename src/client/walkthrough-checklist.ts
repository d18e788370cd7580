/** The part of `vscode.Memento` the checklist needs, so the store runs in plain Node tests too. */
export interface MementoLike {
	get<T>(key: string): T | undefined;
	update(key: string, value: unknown): PromiseLike<void>;
}

/** The account a panel was opened for: a config file and an account id in it. */
export interface AccountContext {
	uri: string;
	accountId: string;
}

type Stored = Record<string, Record<string, string[]>>;

const STORAGE_KEY = 'mailcfg.walkthrough.checklist';
const NO_ACCOUNT = '';

function accountKey(account: AccountContext | undefined): string {
	return account ? `${account.uri}#${account.accountId}` : NO_ACCOUNT;
}

/**
 * Ticked steps per account and guide, in workspace state so they survive restarts. Steps done without an account
 * context are kept under their own key and never mix with an account's list.
 */
export class ChecklistStore {
	constructor(private readonly memento: MementoLike) {}

	private read(): Stored {
		const value = this.memento.get<unknown>(STORAGE_KEY);
		return typeof value === 'object' && value !== null ? (value as Stored) : {};
	}

	/** Ticked step ids per guide id for the account. */
	forAccount(account: AccountContext | undefined): Record<string, string[]> {
		const entry = this.read()[accountKey(account)];
		return entry ? { ...entry } : {};
	}

	/** Ticks or unticks a step and returns the guide's ticked steps afterwards. */
	async set(account: AccountContext | undefined, guide: string, step: string, done: boolean): Promise<string[]> {
		const stored = this.read();
		const key = accountKey(account);
		const forAccount = { ...stored[key] };
		const steps = new Set(forAccount[guide] ?? []);
		if (done) steps.add(step);
		else steps.delete(step);
		forAccount[guide] = [...steps];
		await this.memento.update(STORAGE_KEY, { ...stored, [key]: forAccount });
		return forAccount[guide];
	}
}
