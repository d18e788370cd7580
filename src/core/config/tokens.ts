/**
 * jsonc-parser's `SyntaxKind` values. The package declares them as an ambient const enum, which isolated-module
 * builds (esbuild, tsx) can't inline, so the values the scanners here need are spelled out once.
 */
export const Token = {
	OpenBrace: 1,
	CloseBrace: 2,
	OpenBracket: 3,
	CloseBracket: 4,
	Colon: 6,
	String: 10,
	EOF: 17,
} as const;
