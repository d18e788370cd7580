import { GLOSSARY } from './glossary';
import { FACTS, type Fact, MILESTONES, type Milestone } from './registry';
import { SOURCES, type Source } from './sources';
import { milestoneDate } from './text';

const BASIS_LABEL: Readonly<Record<Fact['basis'], string>> = {
	sourced: 'sourced',
	'field-report': 'field report (no vendor page states it)',
	heuristic: 'heuristic (our inference)',
};

function cell(text: string): string {
	return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** docs/facts.md: every fact, milestone and source of the registry, so anyone can audit what the texts claim. */
export function factsMarkdown(): string {
	const lines = [
		'# Facts registry',
		'',
		'Generated from `src/core/facts/` by `npm run gen:facts`; do not edit by hand (a unit test fails when this file',
		'is stale). Every dated claim, limit, portal path and error-code meaning that mailcfg shows comes from here.',
		'Texts that depend on a milestone read differently before, around and after it (the CLI takes `--now YYYY-MM-DD`).',
		'',
		'## Milestones',
		'',
		'| Milestone | Day used | As the vendor says it | Window | Fact |',
		'| --- | --- | --- | --- | --- |',
	];
	for (const [id, m] of Object.entries(MILESTONES) as [keyof typeof MILESTONES, Milestone][]) {
		lines.push(
			`| \`${id}\` | ${m.date} | ${milestoneDate(id, 'en')} / ${milestoneDate(id, 'de')} | ${m.from ? `${m.from} to ${m.date}` : '–'} | [${m.fact}](#${m.fact}) |`,
		);
	}
	lines.push('', '## Facts', '');
	for (const [id, fact] of Object.entries(FACTS) as [string, Fact][]) {
		const source: Source = SOURCES[fact.source];
		lines.push(
			`### ${id}`,
			'',
			`- EN: ${fact.statement.en}`,
			`- DE: ${fact.statement.de}`,
			`- Source: [${cell(source.title)}](${source.url}) (${source.kind}, ${source.date}${source.unverified ? `; URL unverified: ${source.unverified}` : ''})`,
			`- Basis: ${BASIS_LABEL[fact.basis]}; checked ${fact.checked}`,
		);
		if (fact.codes) lines.push(`- Codes: ${fact.codes.map((code) => `\`${code}\``).join(', ')}`);
		lines.push('');
	}
	lines.push(
		'## German glossary',
		'',
		'One German term per concept, as Microsoft’s (or, for Google, Google’s) German UI writes it. A unit test scans every',
		'German text for the wrong variants (quoted English server replies, code and URLs excepted).',
		'',
		'| English | German | Basis | Wrong variants | Applies to |',
		'| --- | --- | --- | --- | --- |',
	);
	for (const entry of GLOSSARY) {
		const wrong = entry.wrong.map((re) => `\`${cell(re.source)}\``).join(', ');
		lines.push(
			`| ${cell(entry.en)} | ${cell(entry.de)} | ${cell(entry.basis)} | ${wrong} | ${entry.scopes ? entry.scopes.join(', ') : 'all texts'} |`,
		);
	}
	lines.push('', '## Sources', '', '| Id | Source | Date | Kind |', '| --- | --- | --- | --- |');
	for (const [id, source] of Object.entries(SOURCES) as [string, Source][]) {
		const kind = source.unverified ? `${source.kind}, URL unverified` : source.kind;
		lines.push(`| \`${id}\` | [${cell(source.title)}](${source.url}) | ${source.date} | ${kind} |`);
	}
	return `${lines.join('\n')}\n`;
}
