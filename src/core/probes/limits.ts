/**
 * How much a server may send, per protocol. Lines are cut and the reply refused beyond these caps, so a hostile or
 * broken server can neither fill memory nor make the probe's work grow faster than what it sends.
 * - SMTP: RFC 5321 4.5.3.1.5 limits a reply line to 512 octets with CRLF; the cap leaves 8x room (4096) for servers
 *   that stretch it (long 5xx texts with URLs). RFC 5321 sets no line count for a multi-line reply; real EHLO replies
 *   have about 10-30 lines, so 100 lines or 64 KiB per reply.
 * - IMAP: RFC 3501/9051 set no line limit; RFC 2683 3.2.1.5 and RFC 7162 section 4 recommend at least 8192 octets for
 *   command lines, and servers keep responses to what a client accepts. The cap is 2x that (16384) per line, and
 *   1000 untagged lines or 256 KiB for the responses to one command (CAPABILITY, STARTTLS: one or two lines).
 */
export interface LineLimits {
	/** Octets of one line, without its CRLF. */
	maxLine: number;
	/** Lines of one reply (SMTP multi-line reply, IMAP untagged responses before the tagged one). */
	maxReplyLines: number;
	/** Octets of one reply. */
	maxReplyOctets: number;
}

export const LINE_LIMITS = {
	smtp: { maxLine: 4096, maxReplyLines: 100, maxReplyOctets: 64 * 1024 },
	imap: { maxLine: 16 * 1024, maxReplyLines: 1000, maxReplyOctets: 256 * 1024 },
} as const satisfies Record<'smtp' | 'imap', LineLimits>;

/**
 * An over-long line is still read to its end, without keeping what is past the cap, so the report can give its full
 * length; past this many octets without a line end the line counts as endless and the reply is refused at once.
 */
export const ENDLESS_LINE_OCTETS = 16 * 1024 * 1024;
