// PLACEHOLDER (foundation commit): host <-> webview message types.
export {};
