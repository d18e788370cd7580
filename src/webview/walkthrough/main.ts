// PLACEHOLDER (foundation commit): the walkthrough webview.
export {};
