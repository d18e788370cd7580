// Fence: src/core (and, for `vscode`, src/server) must run in plain Node, the CLI and any LSP client.
// tsconfig `paths` maps the forbidden modules here, so any use of their API fails to type-check.
export {};
