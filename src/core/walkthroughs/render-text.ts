import { renderText } from '../facts/text';
import { type Lang, tr } from '../i18n';
import { getGuide } from './catalog';
import type { Guide, GuideStep } from './types';
import { TEXT_UI, WALKTHROUGH_UI } from './ui-strings';

const INDENT = '   ';
const CODE_INDENT = '       ';

function renderStep(step: GuideStep, index: number, lang: Lang, now: Date): string[] {
	const lines = [`${index + 1}. ${step.title[lang]}  [#${step.id}]`];
	for (const paragraph of step.body) lines.push(`${INDENT}${renderText(paragraph, lang, now)}`);
	if (step.uiPath) {
		lines.push(`${INDENT}${WALKTHROUGH_UI.where[lang]}: ${step.uiPath.map((label) => label[lang]).join(' > ')}`);
	}
	if (step.commands) {
		lines.push(`${INDENT}${WALKTHROUGH_UI.commands[lang]}:`);
		for (const command of step.commands) lines.push(`${CODE_INDENT}${command.code}`);
	}
	if (step.settings) {
		lines.push(`${INDENT}${WALKTHROUGH_UI.settings[lang]}:`);
		for (const setting of step.settings) lines.push(`${CODE_INDENT}${setting.label[lang]}: ${setting.value}`);
	}
	for (const warning of step.warnings ?? []) {
		lines.push(`${INDENT}! ${WALKTHROUGH_UI.warning[lang]}: ${renderText(warning, lang, now)}`);
	}
	if (step.links) {
		lines.push(`${INDENT}${WALKTHROUGH_UI.links[lang]}:`);
		for (const link of step.links) lines.push(`${CODE_INDENT}${link.label[lang]}: ${link.url}`);
	}
	if (step.related) lines.push(`${INDENT}${WALKTHROUGH_UI.related[lang]}: ${step.related.join(', ')}`);
	if (step.verify) lines.push(`${INDENT}${tr(TEXT_UI.verifyHint, lang, { protocol: step.verify.protocol })}`);
	return lines;
}

/**
 * A guide as plain text for terminals and CI logs: numbered steps with their ids, UI paths as `A > B > C`,
 * commands indented so they can be copied line by line. Dated sentences read as of `now`. Ends with a newline.
 */
export function renderGuideText(guide: Guide, lang: Lang, now: Date): string {
	const title = guide.title[lang];
	const lines = [title, '='.repeat(title.length), guide.summary[lang], ''];
	const status = guide.currentStatus;
	if (status) {
		lines.push(
			`${WALKTHROUGH_UI.currentStatus[lang]} (${tr(WALKTHROUGH_UI.asOf, lang, { date: status.asOf })}): ${renderText(status.text, lang, now)}`,
		);
		const alternative = status.modernAlternative ? getGuide(status.modernAlternative) : undefined;
		if (alternative) {
			lines.push(
				`${WALKTHROUGH_UI.modernAlternative[lang]}: ${alternative.title[lang]} (${tr(TEXT_UI.showHint, lang, { id: alternative.id })})`,
			);
		}
		lines.push('');
	}
	guide.steps.forEach((step, index) => {
		lines.push(...renderStep(step, index, lang, now), '');
	});
	return lines.join('\n').replace(/\n+$/, '\n');
}
