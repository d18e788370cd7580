import { cleanUntrusted } from '../text/untrusted';
import { REDACTED, type Redactor } from './redact';

const MAX_LINES = 400;
const MAX_LINE = 600;
/** Server lines kept for a failure that has no reply of its own (what the server said during the failed stage). */
const RECENT_SERVER_LINES = 5;

/**
 * The redacted protocol exchange of one check. Lines are sanitized and redacted on the way in, so nothing unsafe or
 * unredacted is ever stored. A client line that answers a server continuation request (`334 …` in SMTP, `+ …` in
 * IMAP) is a SASL response and is masked as a whole.
 */
export class Transcript {
	readonly lines: string[] = [];
	private awaitingSaslResponse = false;
	private dropped = 0;
	/** Every server line ever received (also past the cap), and the last few of them. */
	private serverCount = 0;
	private readonly recent: string[] = [];

	constructor(private readonly redactor: Redactor) {}

	client(line: string): void {
		const masked = this.awaitingSaslResponse && line.trim() !== '' && line.trim() !== '*' ? REDACTED : line;
		this.awaitingSaslResponse = false;
		this.push('C: ', masked);
	}

	server(line: string): void {
		this.awaitingSaslResponse = /^(334(?: |$)|\+(?: |$))/.test(line);
		const text = this.push('S: ', line);
		this.serverCount++;
		this.recent.push(text);
		if (this.recent.length > RECENT_SERVER_LINES) this.recent.shift();
	}

	note(line: string): void {
		this.push('* ', line);
	}

	/** A position to ask `serverLinesSince` about later (taken when a stage starts). */
	mark(): number {
		return this.serverCount;
	}

	/** The server's lines since `mark` (the last few, sanitized and redacted), oldest first. */
	serverLinesSince(mark: number): string[] {
		const count = Math.min(this.serverCount - mark, this.recent.length);
		return count > 0 ? this.recent.slice(-count) : [];
	}

	private push(prefix: string, line: string): string {
		const clean = this.redactor.text(cleanUntrusted(line.replace(/\r?\n$/, '')));
		const text = clean.length > MAX_LINE ? `${clean.slice(0, MAX_LINE)}…` : clean;
		if (this.lines.length >= MAX_LINES) this.dropped++;
		else this.lines.push(prefix + text);
		return text;
	}

	/** The lines, with a final note when the cap cut some off. */
	toArray(): string[] {
		return this.dropped ? [...this.lines, `* … ${this.dropped} more lines`] : [...this.lines];
	}
}
