import { getLocation } from 'jsonc-parser';
import type { Hover } from 'vscode-languageserver';
import type { JsonSchema } from '../core/config/schema-source';
import { LineIndex } from '../core/text/positions';

type Segment = string | number;

function isSchema(value: unknown): value is JsonSchema {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows local `#/definitions/...` references, the only kind the mail-account schema uses. */
function deref(root: JsonSchema, node: JsonSchema): JsonSchema {
	let current = node;
	for (let hops = 0; typeof current.$ref === 'string' && hops < 10; hops++) {
		const target = current.$ref
			.replace(/^#\//, '')
			.split('/')
			.reduce<unknown>((at, key) => (isSchema(at) ? at[key] : undefined), root);
		if (!isSchema(target)) break;
		current = target;
	}
	return current;
}

/** The subschema for a JSON path, or undefined where the schema says nothing. */
export function schemaAt(root: JsonSchema, path: readonly Segment[]): JsonSchema | undefined {
	let node: JsonSchema | undefined = deref(root, root);
	for (const segment of path) {
		if (!node) return undefined;
		const next: unknown =
			typeof segment === 'number' ? node.items : isSchema(node.properties) ? node.properties[segment] : undefined;
		node = isSchema(next) ? deref(root, next) : undefined;
	}
	return node;
}

function text(node: JsonSchema, key: 'markdownDescription' | 'description'): string | undefined {
	const value = node[key];
	return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * Hover for editors without a JSON language server: the schema's description of the property under the cursor,
 * plus the description of an enum value when the cursor is on one.
 */
export function schemaHover(source: string, offset: number, schema: JsonSchema): Hover | null {
	const location = getLocation(source, offset);
	// previousNode is the key or literal value under the cursor; objects and arrays themselves get no hover.
	const target = location.previousNode;
	if (!target || location.path.length === 0) return null;
	const node = schemaAt(schema, location.path);
	if (!node) return null;
	const parts: string[] = [];
	const description = text(node, 'markdownDescription') ?? text(node, 'description');
	if (description) parts.push(description);
	if (!location.isAtPropertyKey && Array.isArray(node.enum)) {
		const index = node.enum.indexOf(target.value);
		const enumTexts = Array.isArray(node.markdownEnumDescriptions)
			? node.markdownEnumDescriptions
			: node.enumDescriptions;
		const enumText: unknown = Array.isArray(enumTexts) && index >= 0 ? enumTexts[index] : undefined;
		if (typeof enumText === 'string') parts.push(`\`${String(target.value)}\`: ${enumText}`);
	}
	if (parts.length === 0) return null;
	const lines = new LineIndex(source);
	return {
		contents: { kind: 'markdown', value: parts.join('\n\n') },
		range: lines.rangeOf(target.offset, target.length),
	};
}
