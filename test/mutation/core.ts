// Stryker's entry for the core tests: every test file of test/unit/core, the best killers first (see load.ts).
import { loadArea } from './load';

loadArea('core', ['secrets']);
