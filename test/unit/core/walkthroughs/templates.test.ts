import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText } from '../../../../src/core/config/analyze';
import { parseSecretRef } from '../../../../src/core/config/model';
import { fixedClock, parseDay } from '../../../../src/core/clock';
import { resolveWalkthroughRef } from '../../../../src/core/walkthroughs/catalog';
import { CONFIG_TEMPLATES, renderTemplate } from '../../../../src/core/walkthroughs/templates';

const now = fixedClock(parseDay('2026-11-23') as Date);

describe('config templates of "Mail: New Mail Account Config…"', () => {
	test('cover the four starting points of the native walkthrough', () => {
		assert.deepEqual(
			CONFIG_TEMPLATES.map((t) => t.id),
			['m365-oauth2-import', 'm365-smtp-device', 'gmail-app-password', 'generic'],
		);
	});

	for (const template of CONFIG_TEMPLATES) {
		describe(template.id, () => {
			test('passes the config checks without errors', () => {
				const findings = analyzeText(renderTemplate(template), { lang: 'en', now });
				const errors = findings.filter((f) => f.severity === 'error');
				assert.deepEqual(
					errors.map((f) => `${f.code}: ${f.message}`),
					[],
				);
			});

			test('holds secret references only, never a secret value', () => {
				for (const account of template.content.accounts) {
					for (const value of [account.auth.password, account.auth.oauth2?.clientSecret]) {
						if (value !== undefined) assert.ok(parseSecretRef(value), `${value} is not a reference`);
					}
				}
			});

			test('links to an existing walkthrough and renders as tab-indented JSON', () => {
				assert.ok(resolveWalkthroughRef(template.guide));
				const text = renderTemplate(template);
				assert.deepEqual(JSON.parse(text), template.content);
				assert.match(text, /^\{\n\t"accounts": \[/);
				assert.ok(text.endsWith('}\n'));
			});
		});
	}
});
