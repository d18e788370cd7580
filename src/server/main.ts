// PLACEHOLDER (foundation commit): the language server entry.
export {};
