import { REDACTED, type Redactor } from './redact';

const MAX_LINES = 400;
const MAX_LINE = 600;

/**
 * The redacted protocol exchange of one check. Redaction happens on the way in, so nothing unredacted is ever
 * stored. A client line that answers a server continuation request (`334 …` in SMTP, `+ …` in IMAP) is a SASL
 * response and is masked as a whole.
 */
export class Transcript {
	readonly lines: string[] = [];
	private awaitingSaslResponse = false;
	private dropped = 0;

	constructor(private readonly redactor: Redactor) {}

	client(line: string): void {
		const masked = this.awaitingSaslResponse && line.trim() !== '' && line.trim() !== '*' ? REDACTED : line;
		this.awaitingSaslResponse = false;
		this.push('C: ', masked);
	}

	server(line: string): void {
		this.awaitingSaslResponse = /^(334(?: |$)|\+(?: |$))/.test(line);
		this.push('S: ', line);
	}

	note(line: string): void {
		this.push('* ', line);
	}

	private push(prefix: string, line: string): void {
		if (this.lines.length >= MAX_LINES) {
			this.dropped++;
			return;
		}
		const text = this.redactor.text(line.replace(/\r?\n$/, ''));
		this.lines.push(prefix + (text.length > MAX_LINE ? `${text.slice(0, MAX_LINE)}…` : text));
	}

	/** The lines, with a final note when the cap cut some off. */
	toArray(): string[] {
		return this.dropped ? [...this.lines, `* … ${this.dropped} more lines`] : [...this.lines];
	}
}
