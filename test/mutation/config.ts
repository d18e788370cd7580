// Stryker's entry for the config tests: every test file of test/unit/core/config, the best killers first (see load.ts).
import { loadArea } from './load';

loadArea('core/config', ['analyze', 'parse']);
