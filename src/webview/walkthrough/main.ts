import {
	type Focus,
	type GuideView,
	type HostToWebview,
	type StepView,
	type UiStrings,
	type VerifyOutcome,
	type WebviewToHost,
	VERIFY_TIMEOUT_MS,
	WEBVIEW_REQUEST_GRACE_MS,
	parseHostMessage,
} from '../../shared/webview-protocol';
import { el, fill } from '../dom';

/** UI state VS Code keeps for the panel while it is hidden or after a restart (vscode.setState). */
interface ViewState {
	guide?: string;
	search: string;
}

type InitMessage = Extract<HostToWebview, { type: 'init' }>;

interface VerifyStatus {
	outcome: VerifyOutcome | 'running';
	details: string[];
}

const vscode = acquireVsCodeApi<ViewState>();
const app = document.getElementById('app') as HTMLElement;

let model: InitMessage | undefined;
let view: ViewState = vscode.getState() ?? { search: '' };
const verifyStatus = new Map<string, VerifyStatus>();
const pending = new Map<string, { key: string; timer: ReturnType<typeof setTimeout> }>();
let requestCounter = 0;

function send(message: WebviewToHost): void {
	vscode.postMessage(message);
}

function ui(): UiStrings {
	return (model as InitMessage).ui;
}

function saveView(): void {
	vscode.setState(view);
}

function stepKey(guide: string, step: string): string {
	return `${guide}#${step}`;
}

function isChecked(guide: string, step: string): boolean {
	return model?.checked[guide]?.includes(step) ?? false;
}

// ---- list view --------------------------------------------------------------------------------------------------

function matches(guide: GuideView, query: string): boolean {
	if (!query) return true;
	const haystack = [guide.id, guide.title, guide.summary, ...guide.steps.flatMap((s) => [s.id, s.title, ...s.body])]
		.join('\n')
		.toLowerCase();
	return query
		.toLowerCase()
		.split(/\s+/)
		.filter(Boolean)
		.every((word) => haystack.includes(word));
}

function progressText(guide: GuideView): string {
	const done = guide.steps.filter((s) => isChecked(guide.id, s.id)).length;
	return fill(ui().progress, { done, total: guide.steps.length });
}

function guideCard(guide: GuideView): HTMLElement {
	return el('li', { className: 'guide-card', attrs: { 'data-guide': guide.id } }, [
		el('button', { className: 'guide-open', attrs: { type: 'button' }, onClick: () => showGuide(guide.id) }, [
			el('span', { className: 'guide-title', text: guide.title }),
			guide.status && el('span', { className: 'badge status-badge', text: ui().currentStatus }),
		]),
		el('p', { className: 'guide-summary', text: guide.summary }),
		el('p', { className: 'guide-meta', text: `${guide.id} · ${progressText(guide)}` }),
	]);
}

function renderGuideList(container: HTMLElement): void {
	const guides = (model as InitMessage).guides.filter((g) => matches(g, view.search));
	container.replaceChildren(
		guides.length
			? el('ul', { className: 'guide-list' }, guides.map(guideCard))
			: el('p', { className: 'empty', text: ui().noMatches }),
	);
}

function renderList(): void {
	const results = el('div', { className: 'results' });
	const search = el('input', {
		className: 'search',
		attrs: { type: 'search', placeholder: ui().searchPlaceholder, 'aria-label': ui().searchPlaceholder },
	});
	search.value = view.search;
	search.addEventListener('input', () => {
		view.search = search.value;
		saveView();
		renderGuideList(results);
	});
	app.replaceChildren(header(ui().panelTitle), search, results);
	renderGuideList(results);
}

// ---- guide view -------------------------------------------------------------------------------------------------

function header(title: string): HTMLElement {
	const current = (model as InitMessage).lang;
	const langButton = (lang: 'en' | 'de', label: string): HTMLElement =>
		el('button', {
			className: 'lang',
			text: label,
			attrs: { type: 'button', 'aria-pressed': String(lang === current), 'data-lang': lang },
			onClick: () => {
				if (lang !== current) send({ type: 'setLang', lang });
			},
		});
	const account = model?.account;
	return el('header', { className: 'top' }, [
		el('h1', { text: title }),
		el('div', { className: 'toolbar' }, [
			el('span', {
				className: 'account',
				text: account ? fill(ui().account, { account: account.label }) : ui().noAccount,
			}),
			el('span', { className: 'lang-switch', attrs: { role: 'group', 'aria-label': ui().language } }, [
				langButton('en', 'English'),
				langButton('de', 'Deutsch'),
			]),
		]),
	]);
}

function section(label: string, className: string, children: HTMLElement[]): HTMLElement {
	return el('div', { className }, [el('h4', { text: label }), ...children]);
}

function linkButton(url: string, label: string): HTMLElement {
	return el('button', {
		className: 'link',
		text: label,
		attrs: { type: 'button', title: url },
		onClick: () => send({ type: 'openLink', url }),
	});
}

function commandBlock(guide: string, step: string, code: string, index: number): HTMLElement {
	const copy = el('button', { className: 'copy', text: ui().copy, attrs: { type: 'button' } });
	copy.addEventListener('click', () => {
		send({ type: 'copyCommand', guide, step, index });
		copy.textContent = ui().copied;
		setTimeout(() => {
			copy.textContent = ui().copy;
		}, 1500);
	});
	return el('div', { className: 'command' }, [el('pre', {}, [el('code', { text: code })]), copy]);
}

function verifyArea(guide: string, step: StepView): HTMLElement | undefined {
	if (!step.verify) return undefined;
	const key = stepKey(guide, step.id);
	const status = verifyStatus.get(key);
	const button = el('button', {
		className: 'verify',
		text: `${ui().verify} (${step.verify.toUpperCase()})`,
		attrs: { type: 'button' },
		onClick: () => startVerify(guide, step.id),
	});
	if (status?.outcome === 'running') button.setAttribute('disabled', '');
	const result = status ? verifyResult(status) : undefined;
	return el('div', { className: 'verify-area' }, [button, result]);
}

const OUTCOME_LABEL: Record<VerifyOutcome | 'running', keyof UiStrings> = {
	running: 'verifying',
	passed: 'verified',
	failed: 'verifyFailed',
	notTested: 'verifyNotTested',
	noAccount: 'verifyNoAccount',
	cancelled: 'verifyCancelled',
	timeout: 'verifyTimeout',
};

function verifyResult(status: VerifyStatus): HTMLElement {
	return el('div', { className: `verify-result ${status.outcome}`, attrs: { role: 'status' } }, [
		el('p', { text: ui()[OUTCOME_LABEL[status.outcome]] }),
		status.details.length > 0 &&
			el(
				'ul',
				{},
				status.details.map((d) => el('li', { text: d })),
			),
	]);
}

function stepSection(guide: GuideView, step: StepView, index: number): HTMLElement {
	const checked = isChecked(guide.id, step.id);
	const box = el('input', { attrs: { type: 'checkbox', 'aria-label': ui().markDone } });
	box.checked = checked;
	box.addEventListener('change', () => send({ type: 'toggleStep', guide: guide.id, step: step.id, done: box.checked }));
	return el(
		'li',
		{ className: `step${checked ? ' done' : ''}`, attrs: { id: `step-${step.id}`, 'data-step': step.id } },
		[
			el('div', { className: 'step-head' }, [
				el('label', { className: 'done-toggle' }, [box, el('span', { text: ui().markDone })]),
				el('h3', { text: `${index + 1}. ${step.title}` }),
			]),
			...step.body.map((p) => el('p', { text: p })),
			step.uiPath &&
				el('div', { className: 'ui-path' }, [
					el('span', { className: 'label', text: `${ui().where}: ` }),
					el(
						'ol',
						{ className: 'breadcrumbs' },
						step.uiPath.map((label) => el('li', { text: label })),
					),
				]),
			step.commands &&
				section(
					ui().commands,
					'commands',
					step.commands.map((c, i) => commandBlock(guide.id, step.id, c.code, i)),
				),
			step.settings &&
				section(ui().settings, 'settings', [
					el(
						'dl',
						{},
						step.settings.flatMap((s) => [el('dt', { text: s.label }), el('dd', {}, [el('code', { text: s.value })])]),
					),
				]),
			...(step.warnings ?? []).map((w) =>
				el('div', { className: 'warning', attrs: { role: 'note' } }, [el('strong', { text: `${ui().warning}: ` }), w]),
			),
			step.links &&
				section(
					ui().links,
					'links',
					step.links.map((l) => linkButton(l.url, l.label)),
				),
			step.related &&
				section(
					ui().related,
					'related',
					step.related.map((r) =>
						el('button', {
							className: 'link',
							text: r.title,
							attrs: { type: 'button' },
							onClick: () => showGuide(r.guide, r.step),
						}),
					),
				),
			verifyArea(guide.id, step),
		],
	);
}

function statusBox(guide: GuideView): HTMLElement | undefined {
	const status = guide.status;
	if (!status) return undefined;
	const alternative = status.modernAlternative;
	return el('aside', { className: 'current-status', attrs: { role: 'note' } }, [
		el('h2', { text: `${ui().currentStatus} (${fill(ui().asOf, { date: status.asOf })})` }),
		el('p', { text: status.text }),
		alternative &&
			el('p', {}, [
				`${ui().modernAlternative}: `,
				el('button', {
					className: 'link',
					text: alternative.title,
					attrs: { type: 'button' },
					onClick: () => showGuide(alternative.id),
				}),
			]),
	]);
}

function renderGuide(guide: GuideView): void {
	const parts: (HTMLElement | undefined)[] = [
		header(guide.title),
		el('button', { className: 'back', text: `← ${ui().backToList}`, attrs: { type: 'button' }, onClick: showList }),
		el('p', { className: 'summary', text: guide.summary }),
		el('p', { className: 'guide-meta', text: `${guide.id} · ${progressText(guide)}` }),
		statusBox(guide),
		el(
			'ol',
			{ className: 'steps' },
			guide.steps.map((s, i) => stepSection(guide, s, i)),
		),
	];
	app.replaceChildren(...parts.filter((part): part is HTMLElement => part !== undefined));
}

// ---- navigation -------------------------------------------------------------------------------------------------

function showList(): void {
	view = { search: view.search };
	saveView();
	render();
	window.scrollTo(0, 0);
}

function showGuide(guideId: string, stepId?: string): void {
	if (!model?.guides.some((g) => g.id === guideId)) return;
	view = { guide: guideId, search: view.search };
	saveView();
	render();
	highlight(stepId);
}

function highlight(stepId: string | undefined): void {
	for (const old of app.querySelectorAll('.highlight')) old.classList.remove('highlight');
	if (!stepId) {
		window.scrollTo(0, 0);
		return;
	}
	const target = document.getElementById(`step-${stepId}`);
	if (!target) return;
	target.classList.add('highlight');
	target.scrollIntoView({ block: 'start' });
}

function render(): void {
	if (!model) return;
	const guide = view.guide ? model.guides.find((g) => g.id === view.guide) : undefined;
	if (guide) renderGuide(guide);
	else renderList();
}

/** Re-renders the current guide in place, keeping the scroll position (checklist and Verify updates). */
function refresh(): void {
	const y = window.scrollY;
	render();
	window.scrollTo(0, y);
}

function applyFocus(focus: Focus): void {
	showGuide(focus.guide, focus.step);
}

// ---- verify -----------------------------------------------------------------------------------------------------

function startVerify(guide: string, step: string): void {
	const key = stepKey(guide, step);
	if (verifyStatus.get(key)?.outcome === 'running') return;
	const requestId = `r${++requestCounter}`;
	verifyStatus.set(key, { outcome: 'running', details: [] });
	// The host answers `timeout` itself; this timer only covers a host that never answers at all.
	const timer = setTimeout(() => {
		pending.delete(requestId);
		verifyStatus.set(key, { outcome: 'timeout', details: [] });
		refresh();
	}, VERIFY_TIMEOUT_MS + WEBVIEW_REQUEST_GRACE_MS);
	pending.set(requestId, { key, timer });
	send({ type: 'verify', requestId, guide, step });
	refresh();
}

// ---- host messages ----------------------------------------------------------------------------------------------

window.addEventListener('message', (event: MessageEvent<unknown>) => {
	const message = parseHostMessage(event.data);
	if (!message) return;
	switch (message.type) {
		case 'init':
			model = message;
			document.documentElement.lang = message.lang;
			if (message.focus) applyFocus(message.focus);
			else refresh();
			return;
		case 'focus':
			applyFocus(message);
			return;
		case 'checked':
			if (!model) return;
			model.checked[message.guide] = message.steps;
			refresh();
			return;
		case 'verifyResult': {
			const request = pending.get(message.requestId);
			if (!request) return;
			clearTimeout(request.timer);
			pending.delete(message.requestId);
			verifyStatus.set(request.key, { outcome: message.outcome, details: message.details });
			refresh();
			return;
		}
	}
});

send({ type: 'ready' });
