// Stryker's entry for the facts tests: every test file of test/unit/core/facts, the best killers first (see load.ts).
import { loadArea } from './load';

loadArea('core/facts');
