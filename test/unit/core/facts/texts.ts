import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import type { Lang } from '../../../../src/core/i18n';

export const ROOT = join(__dirname, '../../../..');

/** One user-facing string and where it lives. */
export interface SourceText {
	file: string;
	lang: Lang;
	text: string;
}

function tsFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return tsFiles(path);
		return path.endsWith('.ts') ? [path] : [];
	});
}

/** One `{ en, de }` object literal of src: the same text in both languages. */
export interface TextPair {
	file: string;
	en: string;
	de: string;
}

function literal(object: ts.ObjectLiteralExpression, key: string): string | undefined {
	for (const property of object.properties) {
		if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name) || property.name.text !== key) continue;
		const value = property.initializer;
		if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) return value.text;
	}
	return undefined;
}

/** Every object literal in src with a string `en` and a string `de`. */
export function textPairs(): TextPair[] {
	const out: TextPair[] = [];
	for (const path of tsFiles(join(ROOT, 'src'))) {
		const file = relative(ROOT, path);
		const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
		const visit = (node: ts.Node): void => {
			if (ts.isObjectLiteralExpression(node)) {
				const en = literal(node, 'en');
				const de = literal(node, 'de');
				if (en !== undefined && de !== undefined) out.push({ file, en, de });
			}
			ts.forEachChild(node, visit);
		};
		visit(source);
	}
	return out;
}

/**
 * Every `en:` / `de:` string in src (rules, explanations, guides, schema source, probe and client texts, webview
 * strings), read from the syntax tree so no text is missed because of how it is built; plus the manifest strings
 * and the generated schema files.
 */
export function allTexts(): SourceText[] {
	const out: SourceText[] = [];
	for (const path of tsFiles(join(ROOT, 'src'))) {
		const file = relative(ROOT, path);
		const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
		const visit = (node: ts.Node): void => {
			if (
				ts.isPropertyAssignment(node) &&
				ts.isIdentifier(node.name) &&
				(node.name.text === 'en' || node.name.text === 'de') &&
				(ts.isStringLiteral(node.initializer) || ts.isNoSubstitutionTemplateLiteral(node.initializer))
			) {
				out.push({ file, lang: node.name.text, text: node.initializer.text });
			}
			ts.forEachChild(node, visit);
		};
		visit(source);
	}
	const json = (name: string, lang: Lang): void => {
		const strings: string[] = [];
		const walk = (value: unknown): void => {
			if (typeof value === 'string') strings.push(value);
			else if (Array.isArray(value)) value.forEach(walk);
			else if (value && typeof value === 'object') Object.values(value).forEach(walk);
		};
		walk(JSON.parse(readFileSync(join(ROOT, name), 'utf8')));
		for (const text of strings) out.push({ file: name, lang, text });
	};
	json('package.nls.json', 'en');
	json('package.nls.de.json', 'de');
	json('schemas/mail-account.schema.json', 'en');
	json('schemas/mail-account.schema.de.json', 'de');
	return out;
}
