import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { factsMarkdown } from '../src/core/facts/markdown';

/** Writes docs/facts.md from the facts registry (src/core/facts). */
const target = join(__dirname, '..', 'docs', 'facts.md');
writeFileSync(target, factsMarkdown());
console.log(`gen-facts: wrote ${target}`);
