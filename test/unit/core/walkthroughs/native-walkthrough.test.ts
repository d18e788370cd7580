import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Commands, ContextKeys } from '../../../../src/shared/ids';

const ROOT = join(__dirname, '../../../..');
const read = (name: string) => JSON.parse(readFileSync(join(ROOT, name), 'utf8')) as Record<string, unknown>;

interface Step {
	id: string;
	title: string;
	description: string;
	completionEvents?: string[];
}
const manifest = read('package.json') as { contributes: { walkthroughs: { id: string; steps: Step[] }[] } };
const nls = { en: read('package.nls.json'), de: read('package.nls.de.json') } as Record<
	'en' | 'de',
	Record<string, string>
>;
const nlsKey = (value: string) => /^%(.+)%$/.exec(value)?.[1];

describe('native walkthrough (contributes.walkthroughs)', () => {
	const [walkthrough] = manifest.contributes.walkthroughs;

	test('has the first-steps sequence: config, secret, test, admin guide', () => {
		assert.ok(walkthrough);
		assert.deepEqual(
			walkthrough.steps.map((s) => s.id),
			['create-config', 'store-secret', 'test-connection', 'admin-walkthrough'],
		);
	});

	test('steps complete on context keys set on success, never on invoking a command', () => {
		const expected = [
			ContextKeys.configCreated,
			ContextKeys.secretStored,
			ContextKeys.connectionVerified,
			ContextKeys.walkthroughOpened,
		];
		assert.deepEqual(
			walkthrough?.steps.map((s) => s.completionEvents),
			expected.map((key) => [`onContext:${key}`]),
		);
	});

	test('titles and descriptions are localized in English and German, and their command links exist', () => {
		const known = new Set<string>(Object.values(Commands));
		for (const step of walkthrough?.steps ?? []) {
			for (const value of [step.title, step.description]) {
				const key = nlsKey(value);
				assert.ok(key, `${step.id}: ${value} is not a %key%`);
				const en = nls.en[key];
				const de = nls.de[key];
				assert.ok(en && de && en !== de, `${key} needs distinct English and German text`);
				for (const text of [en, de]) {
					for (const [, command] of text.matchAll(/\(command:([\w.]+)\)/g)) {
						assert.ok(command && known.has(command), `${key} links unknown command ${command}`);
					}
				}
			}
			assert.match(nls.en[nlsKey(step.description) ?? ''] ?? '', /\(command:mailcfg\.\w+\)/);
		}
	});
});
