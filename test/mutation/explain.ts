// Stryker's entry for the explain tests: every test file of test/unit/core/explain, the best killers first (see load.ts).
import { loadArea } from './load';

loadArea('core/explain', ['match', 'catalog', 'normalize', 'render']);
