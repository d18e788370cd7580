// PLACEHOLDER (foundation commit): lazily loaded bundle with the probe engine.
export {};
