/**
 * Finds the commands written out inside fix steps ("Test-NetConnection <HOST> -Port <PORT> (PowerShell) or openssl
 * s_client -connect <HOST>:<PORT>"), so the panels can set them in code font while the catalog stays plain text.
 * Recognised: PowerShell cmdlets of the common verbs with their `-Parameter value` / `<PLACEHOLDER>` arguments, and
 * the usual network tools with their options and placeholders.
 */
export interface TextSpan {
	text: string;
	code: boolean;
}

const VERBS =
	'Add|Clear|Connect|Disable|Disconnect|Enable|Get|Grant|Import|Install|New|Remove|Resolve|Revoke|Set|Start|Stop|Test|Update';
const PLACEHOLDER = '<[^<>\\s]+>(?::<[^<>\\s]+>)?';
const VALUE = `(?:${PLACEHOLDER}|\\$?[\\w.@:/-]+)`;
const CMDLET = `\\b(?:${VERBS})-[A-Z][A-Za-z]+(?:\\s+-[A-Za-z]+(?:\\s+(?!-)${VALUE})?|\\s+${PLACEHOLDER})*`;
const TOOL = `\\b(?:openssl s_client|nslookup|dig|telnet)(?:\\s+(?:-[\\w-]+|${PLACEHOLDER}))*`;
const COMMAND = new RegExp(`${CMDLET}|${TOOL}`, 'g');

export function commandSpans(text: string): TextSpan[] {
	const spans: TextSpan[] = [];
	let last = 0;
	for (const match of text.matchAll(COMMAND)) {
		const start = match.index ?? 0;
		if (start > last) spans.push({ text: text.slice(last, start), code: false });
		spans.push({ text: match[0], code: true });
		last = start + match[0].length;
	}
	if (last < text.length) spans.push({ text: text.slice(last), code: false });
	return spans;
}
