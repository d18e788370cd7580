import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { fixedClock, parseDay } from '../../../../src/core/clock';
import { analyzeText } from '../../../../src/core/config/analyze';
import { formatDay } from '../../../../src/core/facts/dates';
import { FACTS_CHECKED, MILESTONES, type Milestone, type MilestoneId } from '../../../../src/core/facts/registry';
import {
	type Text,
	type Timed,
	localizedFor,
	milestoneArgs,
	milestoneDate,
	renderText,
} from '../../../../src/core/facts/text';
import { CATALOG } from '../../../../src/core/explain/catalog';
import { LANGS, type Lang, type Localized } from '../../../../src/core/i18n';
import { KNOWN_PROVIDERS } from '../../../../src/core/providers/known';
import { GUIDES } from '../../../../src/core/walkthroughs/catalog';
import { renderGuideText } from '../../../../src/core/walkthroughs/render-text';
import { ROOT, allTexts } from './texts';

const IDS = Object.keys(MILESTONES) as MilestoneId[];

function shift(iso: string, days: number): string {
	return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** For every milestone: the day before its window, its first day, the day before, the day of, and the day after. */
const CHECK_DAYS = [
	...new Set(
		IDS.flatMap((id) => {
			const m: Milestone = MILESTONES[id];
			return [...(m.from ? [shift(m.from, -1), m.from] : []), shift(m.date, -1), m.date, shift(m.date, 1)];
		}),
	),
].sort();

function day(iso: string): Date {
	const date = parseDay(iso);
	assert.ok(date, iso);
	return date;
}

/**
 * What a text shown on `now` must not say about any milestone: "since <date>" while the date is ahead, "from <date>"
 * once it has passed, a fact placeholder left unfilled, or an empty "()" where a countdown ended.
 */
function problems(rendered: string, now: Date, lang: Lang): string[] {
	const out = new Set<string>();
	const left = rendered.match(/\{(?:date|on|since|relative|command):[^}]*\}/);
	if (left) out.add(`unfilled ${left[0]}`);
	if (/\(\s*\)/.test(rendered)) out.add('empty parentheses');
	for (const id of IDS) {
		const right = milestoneArgs(id, now, lang).since;
		const farPast = milestoneArgs(id, day('2000-01-01'), lang).since;
		const farFuture = milestoneArgs(id, day('2100-01-01'), lang).since;
		const wrong = right === farPast ? farFuture : farPast;
		if (wrong !== right && rendered.includes(wrong)) out.add(`"${wrong}" on ${now.toISOString().slice(0, 10)}`);
	}
	return [...out];
}

function tsFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return tsFiles(path);
		return path.endsWith('.ts') ? [path] : [];
	});
}

function stringProperty(object: ts.ObjectLiteralExpression, key: string): string | undefined {
	for (const property of object.properties) {
		if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name) || property.name.text !== key) continue;
		const value = property.initializer;
		if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) return value.text;
	}
	return undefined;
}

function objectProperty(object: ts.ObjectLiteralExpression, key: string): ts.ObjectLiteralExpression | undefined {
	for (const property of object.properties) {
		if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name) || property.name.text !== key) continue;
		return ts.isObjectLiteralExpression(property.initializer) ? property.initializer : undefined;
	}
	return undefined;
}

function localized(object: ts.ObjectLiteralExpression | undefined): Localized | undefined {
	const en = object && stringProperty(object, 'en');
	const de = object && stringProperty(object, 'de');
	return en !== undefined && de !== undefined ? { en, de } : undefined;
}

interface DatedText {
	where: string;
	text: Text;
}

/**
 * Every dated text written in src, read from the syntax tree so none is missed because of where it lives: each
 * `{ milestone, before, around?, after }` literal, and each other `{ en, de }` pair with a fact placeholder (a timed
 * text's variants are rendered through it, since each is shown only in its own phase).
 */
function datedTexts(): DatedText[] {
	const out: DatedText[] = [];
	const variants = new Set<ts.Node>();
	for (const path of tsFiles(join(ROOT, 'src'))) {
		const file = relative(ROOT, path);
		const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
		const visit = (node: ts.Node): void => {
			if (ts.isObjectLiteralExpression(node)) {
				const milestone = stringProperty(node, 'milestone');
				const nodes = ['before', 'around', 'after'].map((key) => objectProperty(node, key));
				const [before, around, after] = nodes.map(localized);
				if (milestone && before && after) {
					for (const variant of nodes) if (variant) variants.add(variant);
					assert.ok(milestone in MILESTONES, `${file}: unknown milestone ${milestone}`);
					const timed: Timed = { milestone: milestone as MilestoneId, before, after, ...(around ? { around } : {}) };
					out.push({ where: `${file} (${milestone})`, text: timed });
				}
				const en = stringProperty(node, 'en');
				const de = stringProperty(node, 'de');
				if (
					!variants.has(node) &&
					en !== undefined &&
					de !== undefined &&
					/\{(?:date|on|since|relative):/.test(en + de)
				) {
					out.push({ where: `${file}: ${en.slice(0, 60)}`, text: { en, de } });
				}
			}
			ts.forEachChild(node, visit);
		};
		visit(source);
	}
	return out;
}

describe('dated texts read right on every day around every milestone', () => {
	const texts = datedTexts();

	test('the scan finds the dated texts (guards against an empty scan passing)', () => {
		assert.ok(texts.filter((t) => 'milestone' in t.text).length >= 5, 'timed texts');
		assert.ok(texts.length >= 10, `only ${texts.length} dated texts`);
		assert.ok(CHECK_DAYS.length >= 3 * IDS.length);
	});

	test('every dated text, in both languages, on the day before, of and after each milestone', () => {
		const found: string[] = [];
		for (const { where, text } of texts) {
			for (const iso of CHECK_DAYS) {
				for (const lang of LANGS) {
					const rendered = renderText(text, lang, day(iso));
					for (const problem of problems(rendered, day(iso), lang))
						found.push(`${where} [${lang}, ${iso}]: ${problem}`);
				}
			}
		}
		assert.deepEqual(found, []);
	});

	test('a timed text switches from its "before" to its "after" wording at its milestone', () => {
		for (const { where, text } of texts) {
			if (!('milestone' in text)) continue;
			const m: Milestone = MILESTONES[text.milestone];
			assert.equal(localizedFor(text, day(shift(m.from ?? m.date, -1))), text.before, where);
			assert.equal(localizedFor(text, day(shift(m.date, 1))), text.after, where);
			// Inside a vague window ("end of December") the change may not have happened yet: never "after" before the end.
			if (m.precision !== 'day' && !text.around) assert.equal(localizedFor(text, day(m.date)), text.before, where);
		}
	});

	test('no text outside the registry spells out a milestone that was still ahead when the facts were checked', () => {
		const ahead = IDS.filter((id) => MILESTONES[id].date > FACTS_CHECKED);
		const spelled = ahead.flatMap((id) =>
			LANGS.flatMap((lang) => [
				milestoneDate(id, lang).replace(/^the /, ''),
				...(MILESTONES[id].precision === 'day' ? [formatDay(MILESTONES[id].date, lang)] : []),
			]),
		);
		const found = allTexts()
			.filter((t) => !t.file.startsWith('src/core/facts/'))
			.flatMap((t) => spelled.filter((phrase) => t.text.includes(phrase)).map((phrase) => `${t.file}: "${phrase}"`));
		assert.deepEqual(found, []);
	});

	test('every guide renders in both languages on every check day without unfilled or contradicting dates', () => {
		const found: string[] = [];
		for (const guide of GUIDES) {
			for (const iso of CHECK_DAYS) {
				for (const lang of LANGS) {
					const rendered = renderGuideText(guide, lang, day(iso));
					for (const problem of problems(rendered, day(iso), lang))
						found.push(`${guide.id} [${lang}, ${iso}]: ${problem}`);
				}
			}
		}
		assert.deepEqual(found, []);
	});

	test('every explanation renders in both languages on every check day without unfilled or contradicting dates', () => {
		const found: string[] = [];
		for (const entry of CATALOG) {
			for (const iso of CHECK_DAYS) {
				for (const lang of LANGS) {
					const rendered = [entry.cause, ...entry.fix].map((text) => renderText(text, lang, day(iso))).join('\n');
					for (const problem of problems(rendered, day(iso), lang))
						found.push(`${entry.id} [${lang}, ${iso}]: ${problem}`);
				}
			}
		}
		assert.deepEqual(found, []);
	});

	test('every dated provider rule fires with a message that reads right on every check day', () => {
		const found: string[] = [];
		let checked = 0;
		for (const provider of KNOWN_PROVIDERS) {
			for (const policy of provider.authPolicies) {
				const protocol = policy.protocols[0];
				const endpoint = provider.endpoints.find((e) => e.protocol === protocol);
				const domain = provider.domains[0];
				if (!protocol || !endpoint || !domain) continue;
				const email = `user@${domain}`;
				const config = JSON.stringify({
					accounts: [
						{
							id: 'dated',
							email,
							provider: provider.id,
							auth: { method: policy.methods[0], user: email, password: '${secret:DATED}' },
							[protocol]: { host: endpoint.host, port: endpoint.port, security: endpoint.security },
						},
					],
				});
				for (const iso of CHECK_DAYS) {
					for (const lang of LANGS) {
						const finding = analyzeText(config, { lang, now: fixedClock(day(iso)) }).find(
							(f) => f.code === policy.rule,
						);
						if (!finding) {
							found.push(`${provider.id} ${policy.rule} [${lang}, ${iso}]: did not fire`);
							continue;
						}
						checked++;
						for (const problem of problems(finding.message, day(iso), lang)) {
							found.push(`${provider.id} ${policy.rule} [${lang}, ${iso}]: ${problem}`);
						}
					}
				}
			}
		}
		assert.deepEqual(found, []);
		assert.ok(checked >= 4 * CHECK_DAYS.length, `only ${checked} rule messages checked`);
	});

	test('the check catches what it is for', () => {
		const before = day('2026-12-01');
		const after = day('2027-01-05');
		assert.deepEqual(problems('off since the end of December 2026', before, 'en'), [
			'"since the end of December 2026" on 2026-12-01',
		]);
		assert.deepEqual(problems('ab Ende Dezember 2026 aus', after, 'de'), ['"ab Ende Dezember 2026" on 2027-01-05']);
		assert.deepEqual(problems('off by default (), see {on:exo-ews-off}', after, 'en'), [
			'unfilled {on:exo-ews-off}',
			'empty parentheses',
		]);
		assert.deepEqual(problems('seit Ende Dezember 2026 aus', after, 'de'), []);
	});
});
