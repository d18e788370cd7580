import { renderText } from '../facts/text';
import type { Lang } from '../i18n';
import type { GuideView, StepView } from '../../shared/webview-protocol';
import { getGuide, GUIDES, resolveWalkthroughRef } from './catalog';
import type { Guide, GuideStep } from './types';

function relatedView(ref: string, lang: Lang): { guide: string; step?: string; title: string } | undefined {
	const resolved = resolveWalkthroughRef(ref);
	if (!resolved) return undefined;
	const title = resolved.step
		? `${resolved.guide.title[lang]}: ${resolved.step.title[lang]}`
		: resolved.guide.title[lang];
	return resolved.step
		? { guide: resolved.guide.id, step: resolved.step.id, title }
		: { guide: resolved.guide.id, title };
}

function stepView(step: GuideStep, lang: Lang, now: Date): StepView {
	const view: StepView = {
		id: step.id,
		title: step.title[lang],
		body: step.body.map((p) => renderText(p, lang, now)),
	};
	if (step.uiPath) view.uiPath = step.uiPath.map((label) => label[lang]);
	if (step.commands) view.commands = step.commands.map((c) => ({ shell: c.shell, code: c.code }));
	if (step.settings) view.settings = step.settings.map((s) => ({ label: s.label[lang], value: s.value }));
	if (step.warnings) view.warnings = step.warnings.map((w) => renderText(w, lang, now));
	if (step.links) view.links = step.links.map((l) => ({ url: l.url, label: l.label[lang] }));
	if (step.related) {
		view.related = step.related.flatMap((ref) => {
			const related = relatedView(ref, lang);
			return related ? [related] : [];
		});
	}
	if (step.verify) view.verify = step.verify.protocol;
	return view;
}

/** One guide in one language as of `now`, as plain data for the webview (which cannot import core). */
export function guideView(guide: Guide, lang: Lang, now: Date): GuideView {
	const view: GuideView = {
		id: guide.id,
		title: guide.title[lang],
		summary: guide.summary[lang],
		provider: guide.provider,
		steps: guide.steps.map((step) => stepView(step, lang, now)),
	};
	if (guide.currentStatus) {
		const status = guide.currentStatus;
		const alternative = status.modernAlternative ? getGuide(status.modernAlternative) : undefined;
		view.status = { asOf: status.asOf, text: renderText(status.text, lang, now) };
		if (alternative) view.status.modernAlternative = { id: alternative.id, title: alternative.title[lang] };
	}
	return view;
}

export function allGuideViews(lang: Lang, now: Date): GuideView[] {
	return GUIDES.map((guide) => guideView(guide, lang, now));
}
