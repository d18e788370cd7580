import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { RULE_IDS } from '../../src/core/rules/registry';

// The README and docs/rules.md are the user's rule reference; a rule without documentation is a broken link.
const readme = readFileSync('README.md', 'utf8');
const rulesDoc = readFileSync('docs/rules.md', 'utf8');

test('README starts with the two commands: the main job and the tests', () => {
	const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
	assert.match(firstBlock, /npm start/);
	assert.match(firstBlock, /npm test/);
});

test('every rule is listed in the README and has a heading (the diagnostic link anchor) in docs/rules.md', () => {
	for (const id of RULE_IDS) {
		assert.ok(readme.includes(`\`${id}\``), `README lacks rule ${id}`);
		assert.match(rulesDoc, new RegExp(`^### ${id}$`, 'm'), `docs/rules.md lacks a heading for ${id}`);
	}
});
