// Flat config. The import fences keep src/core runnable in plain Node and the CLI (see docs/architecture in README).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const lspPackages = [
	'vscode-languageserver',
	'vscode-languageserver/*',
	'vscode-languageclient',
	'vscode-languageclient/*',
];

export default tseslint.config(
	{
		ignores: [
			'dist/**',
			'out/**',
			'node_modules/**',
			'.e2e/**',
			'test/e2e/workspace/**',
			'**/*.d.ts',
			// Stryker's sandbox copy of the repository while a mutation run is going on
			'.stryker-tmp/**',
			'reports/**',
		],
	},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		files: ['**/*.ts'],
		languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			eqeqeq: ['error', 'smart'],
			curly: ['error', 'multi-line'],
		},
	},
	{
		// node:test's test()/describe() return promises the runner itself awaits.
		files: ['test/**/*.ts'],
		rules: {
			'@typescript-eslint/no-floating-promises': [
				'error',
				{
					allowForKnownSafeCalls: [
						{ from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] },
					],
				},
			],
		},
	},
	{
		files: ['src/core/**/*.ts'],
		rules: {
			'no-console': 'error',
			'no-restricted-imports': [
				'error',
				{
					paths: [{ name: 'vscode', message: 'src/core runs in plain Node: pass what you need in as data.' }],
					patterns: [
						{ group: lspPackages, message: 'src/core must not depend on the LSP libraries.' },
						{
							group: ['**/client/**', '**/server/**', '**/webview/**', '**/cli/**'],
							message: 'core imports only core and shared.',
						},
					],
				},
			],
		},
	},
	{
		files: ['src/server/**/*.ts'],
		rules: {
			'no-console': 'error',
			'no-restricted-imports': [
				'error',
				{
					paths: [{ name: 'vscode', message: 'The language server serves any LSP client.' }],
					patterns: [
						{
							group: ['vscode-languageclient', 'vscode-languageclient/*'],
							message: 'Server code must not use the client library.',
						},
						{ group: ['**/client/**', '**/webview/**'], message: 'server imports only core and shared.' },
					],
				},
			],
		},
	},
	{
		files: ['src/webview/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [{ name: 'vscode', message: 'Webview code runs in the browser.' }],
					patterns: [
						{ group: ['node:*'], message: 'Webview code runs in the browser.' },
						{
							group: ['**/core/**', '**/client/**', '**/server/**'],
							message: 'The webview talks to the host only through shared/webview-protocol.',
						},
					],
				},
			],
		},
	},
	{
		files: ['**/*.mjs', '**/*.js'],
		languageOptions: {
			globals: {
				console: 'readonly',
				process: 'readonly',
				URL: 'readonly',
				setTimeout: 'readonly',
				clearTimeout: 'readonly',
			},
		},
	},
	prettier,
);
