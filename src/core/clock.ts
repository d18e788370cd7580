/** "Today" for date-dependent rules and token expiry; tests and the CLI's `--now` pass a fixed one. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** Parses `YYYY-MM-DD` (the CLI's `--now`) as midnight UTC; returns undefined for anything else. */
export function parseDay(value: string): Date | undefined {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
	const date = new Date(`${value}T00:00:00Z`);
	return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? undefined : date;
}

export function fixedClock(date: Date): Clock {
	return () => new Date(date.getTime());
}
