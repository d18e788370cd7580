import {
	type ExplainHostToWebview,
	type ExplainUiStrings,
	type ExplainWebviewToHost,
	type ExplanationView,
	parseExplainHostMessage,
} from '../../shared/webview-protocol';
import { commandSpans } from '../../shared/command-spans';
import { el, fill } from '../dom';

/**
 * The explanation page. It keeps no data of its own: the host sends everything in one `show` message (again after
 * every reload), and the page sends back intents naming a match and a source by index, never a URL or command.
 */
const vscode = acquireVsCodeApi();
const app = document.getElementById('app') as HTMLElement;

function send(message: ExplainWebviewToHost): void {
	vscode.postMessage(message);
}

function percent(confidence: number): number {
	return Math.round(confidence * 100);
}

function sources(ui: ExplainUiStrings, match: ExplanationView, index: number): HTMLElement | undefined {
	if (match.sources.length === 0) return undefined;
	return el('div', { className: 'sources' }, [
		el('h3', { text: ui.sources }),
		el(
			'ul',
			{},
			match.sources.map((url, source) =>
				el('li', {}, [
					el('button', {
						className: 'link',
						text: url,
						attrs: { type: 'button', title: url },
						onClick: () => send({ type: 'openSource', index, source }),
					}),
				]),
			),
		),
	]);
}

/** A fix step with the commands it writes out in code font. */
function fixStep(step: string): HTMLElement {
	return el(
		'li',
		{},
		commandSpans(step).map((span) => (span.code ? el('code', { className: 'command', text: span.text }) : span.text)),
	);
}

/** The line that matched, when it is not simply the whole input (which the page shows at the end anyway). */
function rawLine(ui: ExplainUiStrings, match: ExplanationView, input: string): HTMLElement | undefined {
	if (!match.matchedText || match.matchedText.trim() === input.trim()) return undefined;
	const where = match.line === undefined ? '' : ` (${fill(ui.line, { n: match.line + 1 })})`;
	return el('div', { className: 'raw-line' }, [
		el('h3', { text: `${ui.rawLine}${where}` }),
		el('pre', {}, [el('code', { text: match.matchedText })]),
	]);
}

function matchSection(ui: ExplainUiStrings, match: ExplanationView, index: number, input: string): HTMLElement {
	return el('section', { className: 'match', attrs: { 'data-match': match.id } }, [
		el('h2', { text: match.title }),
		el('p', {
			className: 'meta',
			text: `${match.id} · ${fill(ui.confidence, { percent: percent(match.confidence) })}`,
		}),
		el('h3', { text: ui.cause }),
		el('p', { className: 'cause', text: match.cause }),
		match.question !== undefined && el('h3', { text: ui.question }),
		match.question !== undefined && el('p', { className: 'question', text: match.question }),
		el('h3', { text: ui.fix }),
		el('ol', { className: 'fix' }, match.fix.map(fixStep)),
		match.walkthrough !== undefined &&
			el('p', { className: 'walkthrough' }, [
				el('button', {
					className: 'open-walkthrough',
					text: ui.openWalkthrough,
					attrs: { type: 'button', title: `${ui.walkthrough}: ${match.walkthrough}` },
					onClick: () => send({ type: 'openWalkthrough', index }),
				}),
				el('span', { className: 'ref', text: match.walkthrough }),
			]),
		rawLine(ui, match, input),
		sources(ui, match, index),
	]);
}

function render(message: ExplainHostToWebview): void {
	const { ui } = message;
	document.documentElement.lang = message.lang;
	app.replaceChildren(
		el('h1', { text: ui.heading }),
		...(message.matches.length === 0
			? [el('p', { className: 'no-match', text: ui.noMatch })]
			: message.matches.map((match, index) => matchSection(ui, match, index, message.input))),
		el('div', { className: 'input' }, [
			el('h3', { text: ui.input }),
			el('pre', {}, [el('code', { text: message.input })]),
		]),
	);
	window.scrollTo(0, 0);
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
	const message = parseExplainHostMessage(event.data);
	if (message) render(message);
});

send({ type: 'ready' });
